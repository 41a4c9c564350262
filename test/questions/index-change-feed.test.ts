/**
 * Two instances on one PostgreSQL database: a write committed by one is
 * announced to the other's question index by NOTIFY (sent in the write's
 * transaction), so its index, which would otherwise trust itself for an hour
 * here, has the change in its next answers; a lost listening connection is
 * found again, and what was written meanwhile is not missed.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { TEST_POSTGRES_URL } from '../support/test-env.js';
import { until } from '../support/wait.js';

const SKIPPED = TEST_POSTGRES_URL ? '' : ' (skipped: TEST_POSTGRES_URL is not set)';
const HOUR = 3_600_000;

describe.skipIf(!TEST_POSTGRES_URL)(`question index across instances on PostgreSQL${SKIPPED}`, () => {
  let url: string;
  let writer: Database;
  let reader: Database;
  beforeAll(async () => {
    url = await createTestDatabaseUrl('postgresql');
    writer = await Database.open(url);
    reader = await Database.open(url);
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
  });

  const knows = async (catalog: QuestionCatalog, name: string) => (await catalog.current()).directory.all().some((unit) => unit.name === name);

  it("another instance's committed write reaches this index by NOTIFY, without a fingerprint look", async () => {
    // Trusted for an hour unless told: only a notice can bring the change in.
    const catalog = new QuestionCatalog(reader, HOUR);
    await catalog.current();
    await until(() => reader.hearsOtherInstances());
    expect(await knows(catalog, '通知测试局')).toBe(false);
    expect(catalog.lastRefresh).toBe('unchanged');

    await writer.transaction((repos) => repos.units.findOrCreate({ jurisdiction: '测试市', name: '通知测试局' }));
    await until(() => knows(catalog, '通知测试局'));
    expect(catalog.lastRefresh).toBe('rebuilt');
    // A rolled-back write announces nothing: the index is not looked at again.
    await writer
      .transaction(async (repos) => {
        await repos.units.findOrCreate({ jurisdiction: '测试市', name: '撤回测试局' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await writer.transaction((repos) => repos.units.findOrCreate({ jurisdiction: '测试市', name: '随后测试局' }));
    await until(() => knows(catalog, '随后测试局'));
    expect(await knows(catalog, '撤回测试局')).toBe(false);
  });

  it('after its listening connection is lost, it listens again and misses nothing written meanwhile', async () => {
    const catalog = new QuestionCatalog(reader, HOUR);
    await catalog.current();
    await until(() => reader.hearsOtherInstances());
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'duban-%-listen' AND datname = current_database()`);
      await until(() => !reader.hearsOtherInstances());
      await writer.transaction((repos) => repos.units.findOrCreate({ jurisdiction: '测试市', name: '断线测试局' }));
      await until(() => knows(catalog, '断线测试局'));
      await until(() => reader.hearsOtherInstances());
    } finally {
      await admin.end();
    }
  });
});
