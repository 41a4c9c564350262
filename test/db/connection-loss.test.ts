/**
 * PostgreSQL killing the connections of transactions under way (a restart,
 * a failover, pg_terminate_backend): each such transaction fails, but gives
 * its connection back. Before, Prisma's ROLLBACK failed on the dead
 * connection and the pool never had it back: once as many had died as the
 * pool holds, the service stopped answering, and closing it waited forever.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, withDatabase } from '../support/test-env.js';

/** What `work` came to, or `gave up` when it had not settled after `ms` (far beyond what it takes). */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`gave up after ${ms} ms`), ms)));
  try {
    return await Promise.race([work.then(() => 'done', () => 'failed'), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!TEST_POSTGRES_URL)(`connections killed under transactions${TEST_POSTGRES_URL ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const POOL_SIZE = 2;
  let db: Database;
  let database: string;
  let admin: pg.Client;

  beforeAll(async () => {
    const url = await createTestDatabaseUrl('postgresql');
    database = new URL(url).pathname.slice(1);
    db = await Database.open(url, { poolSize: POOL_SIZE });
    admin = new pg.Client({ connectionString: withDatabase(TEST_POSTGRES_URL!, 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  it('more transactions lose their connection than the pool holds: the database still answers, and closes', async () => {
    for (let round = 0; round <= POOL_SIZE; round++) {
      const outcome = await settledWithin(
        db.transaction(async (repos) => {
          await repos.plans.list();
          // The transaction's connection is the one idle in a transaction: PostgreSQL ends it.
          await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [database]);
          await repos.plans.list();
        }),
        20_000,
      );
      expect(outcome, `transaction ${round + 1}`).toBe('failed');
    }
    expect(await settledWithin(db.repos.plans.list(), 20_000)).toBe('done');
    expect(await settledWithin(db.close(), 20_000)).toBe('done');
  }, 90_000);
});
