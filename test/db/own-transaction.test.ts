/**
 * On PostgreSQL the statements every event runs go to the driver adapter
 * past Prisma (src/db/pg-direct.ts). Whatever else happens meanwhile, a
 * unit of work's statements land in its own transaction and nowhere else:
 * they roll back with it, and a handle kept past its end writes nothing.
 * (The first form of this path found a unit's transaction by its call
 * chain, so a transaction Prisma opened in that chain for a write through
 * the plain repositories took the unit's statements and committed them.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { watchStatements } from '../../src/db/statement-count.js';
import type { Repositories } from '../../src/repositories/index.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from '../support/test-env.js';

/** Resolves when the next transaction begins anywhere in this process. */
function nextBegin(): Promise<void> {
  return new Promise((resolve) => {
    const stop = watchStatements((sql) => {
      if (sql !== 'BEGIN') return;
      stop();
      resolve();
    });
  });
}

describe.skipIf(!TEST_POSTGRES_URL)(`a unit of work's own transaction [postgresql${TEST_POSTGRES_URL ? '' : `: skipped, ${POSTGRES_SKIP_REASON}`}]`, () => {
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(await createTestDatabaseUrl('postgresql'), { poolSize: 4 });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a transaction opened beside it in the same call chain does not take its statements', async () => {
    for (let round = 0; round < 10; round++) {
      const eventId = `evt-beside-${round}`;
      await db.repos.events.record(eventId, 'message', '{}');
      const outcome = await db
        .transaction(async (repos) => {
          // A unit found or created through the plain repositories: Prisma runs it as a transaction of its own.
          const begun = nextBegin();
          const beside = db.repos.units.findOrCreate({ jurisdiction: '测试县', name: `旁边的单位${round}` });
          await begun;
          await repos.events.claim(eventId);
          await beside;
          throw new Error('the work failed');
        })
        .catch((error: Error) => error.message);
      expect(outcome).toBe('the work failed');
      expect({ round, state: (await db.repos.events.get(eventId))?.state }).toEqual({ round, state: 'received' });
      // The write beside it was its own, and stays.
      expect(await db.repos.units.findByName('测试县', `旁边的单位${round}`)).toBeDefined();
    }
  });

  it('a handle kept past its commit or rollback writes nothing', async () => {
    let committed!: Repositories;
    await db.transaction(async (repos) => {
      committed = repos;
    });
    let rolledBack!: Repositories;
    await db
      .transaction(async (repos) => {
        rolledBack = repos;
        throw new Error('the work failed');
      })
      .catch(() => undefined);
    for (const [name, repos] of [
      ['committed', committed],
      ['rolled back', rolledBack],
    ] as const) {
      const eventId = `evt-late-${name}`;
      await db.repos.events.record(eventId, 'message', '{}');
      await expect(repos.events.claim(eventId), name).rejects.toThrow();
      await expect(repos.outbox.enqueue({ uuid: `late-${name}`, action: 'send', target: 'oc_late', chatKey: 'oc_late', msgType: 'text', content: '{}' }), name).rejects.toThrow();
      expect({ name, state: (await db.repos.events.get(eventId))?.state }).toEqual({ name, state: 'received' });
      expect(await db.repos.outbox.findByUuid(`late-${name}`)).toBeUndefined();
    }
  });

  it('its statements commit together with the rest of its work, or roll back with it', async () => {
    await db.repos.events.record('evt-kept', 'message', '{}');
    await db.repos.events.record('evt-dropped', 'message', '{}');
    const reply = (uuid: string) => ({ uuid, action: 'send' as const, target: 'oc_own', chatKey: 'oc_own', msgType: 'text', content: '{"text":"好"}' });
    await db.transaction(async (repos) => {
      expect(await repos.events.claim('evt-kept')).toBe(true);
      await repos.outbox.enqueue(reply('reply-kept'));
      await repos.audit.record({ actor: 'ou_own', action: 'test.own', entityType: 'event', entityId: 'evt-kept' });
    });
    await db
      .transaction(async (repos) => {
        expect(await repos.events.claim('evt-dropped')).toBe(true);
        await repos.outbox.enqueue(reply('reply-dropped'));
        await repos.audit.record({ actor: 'ou_own', action: 'test.own', entityType: 'event', entityId: 'evt-dropped' });
        throw new Error('the work failed');
      })
      .catch(() => undefined);
    expect((await db.repos.events.get('evt-kept'))?.state).toBe('done');
    expect(await db.repos.outbox.findByUuid('reply-kept')).toBeDefined();
    expect(await db.repos.audit.forEntity('event', 'evt-kept')).toHaveLength(1);
    expect((await db.repos.events.get('evt-dropped'))?.state).toBe('received');
    expect(await db.repos.outbox.findByUuid('reply-dropped')).toBeUndefined();
    expect(await db.repos.audit.forEntity('event', 'evt-dropped')).toHaveLength(0);
  });
});
