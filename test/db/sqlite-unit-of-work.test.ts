/**
 * On SQLite a unit of work is a transaction on the connection itself, past
 * Prisma's transaction manager (src/db/sqlite-unit-of-work.ts); Prisma's
 * interactive transaction is opened on it only when the unit asks for a
 * model query. Whichever way its statements go (the hot statements, a
 * model query, a write Prisma runs as several statements), they commit
 * together or roll back together, a handle kept past the unit's end writes
 * nothing, a unit past its timeout is rolled back and lets go of the
 * connection, and nothing outside it waits on it forever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import type { Repositories } from '../../src/repositories/index.js';
import { createTestDatabaseUrl } from '../support/databases.js';

const reply = (uuid: string) => ({ uuid, action: 'send' as const, target: 'oc_unit', chatKey: 'oc_unit', msgType: 'text', content: '{"text":"好"}' });

describe("a unit of work's own transaction [sqlite]", () => {
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(await createTestDatabaseUrl('sqlite'));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('its statements commit together with the rest of its work, or roll back with it', async () => {
    await db.repos.events.record('evt-kept', 'message', '{}');
    await db.repos.events.record('evt-dropped', 'message', '{}');
    const unitName = (kept: boolean) => `单位-${kept ? 'kept' : 'dropped'}`;
    for (const kept of [true, false]) {
      const eventId = kept ? 'evt-kept' : 'evt-dropped';
      const outcome = db
        .transaction(async (repos) => {
          // A hot statement, a model query that sees it, a model write, a write Prisma runs as several statements, and a hot write.
          expect(await repos.events.claim(eventId)).toBe(true);
          expect((await repos.events.get(eventId))?.state).toBe('done');
          await repos.audit.record({ actor: 'ou_unit', action: 'test.unit', entityType: 'event', entityId: eventId });
          await repos.units.findOrCreate({ jurisdiction: '测试县', name: unitName(kept) });
          await repos.outbox.enqueue(reply(`reply-${eventId}`));
          if (!kept) throw new Error('the work failed');
        })
        .catch((error: Error) => error.message);
      expect(await outcome).toBe(kept ? undefined : 'the work failed');
      expect((await db.repos.events.get(eventId))?.state).toBe(kept ? 'done' : 'received');
      expect(await db.repos.audit.forEntity('event', eventId)).toHaveLength(kept ? 1 : 0);
      expect(await db.repos.units.findByName('测试县', unitName(kept))).toEqual(kept ? expect.objectContaining({ name: unitName(kept) }) : undefined);
      expect(await db.repos.outbox.findByUuid(`reply-${eventId}`)).toEqual(kept ? expect.objectContaining({ uuid: `reply-${eventId}` }) : undefined);
    }
  });

  it('a unit that never asks for a model query commits its hot statements', async () => {
    await db.repos.events.record('evt-hot', 'message', '{}');
    await db.transaction(async (repos) => {
      expect(await repos.events.claim('evt-hot')).toBe(true);
      await repos.outbox.enqueue(reply('reply-hot'));
    });
    expect((await db.repos.events.get('evt-hot'))?.state).toBe('done');
    expect(await db.repos.outbox.findByUuid('reply-hot')).toBeDefined();
  });

  it('a handle kept past its commit or rollback writes nothing', async () => {
    let committed!: Repositories;
    await db.transaction(async (repos) => {
      committed = repos;
    });
    let committedAfterModel!: Repositories;
    await db.transaction(async (repos) => {
      committedAfterModel = repos;
      // Prisma's transaction opened on the unit: it is closed with it.
      await repos.events.get('evt-none');
    });
    let rolledBack!: Repositories;
    await db
      .transaction(async (repos) => {
        rolledBack = repos;
        await repos.events.get('evt-none');
        throw new Error('the work failed');
      })
      .catch(() => undefined);
    for (const [name, repos] of [
      ['committed', committed],
      ['committed after a model query', committedAfterModel],
      ['rolled back', rolledBack],
    ] as const) {
      const eventId = `evt-late-${name}`;
      await db.repos.events.record(eventId, 'message', '{}');
      await expect(repos.events.claim(eventId), name).rejects.toThrow(/closed/);
      await expect(repos.outbox.enqueue({ ...reply(`late-${name}`) }), name).rejects.toThrow(/closed/);
      await expect(repos.audit.record({ actor: 'ou_late', action: 'test.late', entityType: 'event', entityId: eventId }), name).rejects.toThrow(/closed/);
      await expect(repos.units.findOrCreate({ jurisdiction: '测试县', name: `迟到的单位-${name}` }), name).rejects.toThrow(/closed/);
      expect({ name, state: (await db.repos.events.get(eventId))?.state }).toEqual({ name, state: 'received' });
      expect(await db.repos.outbox.findByUuid(`late-${name}`)).toBeUndefined();
      expect(await db.repos.audit.forEntity('event', eventId)).toHaveLength(0);
      expect(await db.repos.units.findByName('测试县', `迟到的单位-${name}`)).toBeUndefined();
    }
  });

  it('a unit past its timeout is rolled back, lets go of the connection, and its late statements are refused', async () => {
    await db.repos.events.record('evt-slow', 'message', '{}');
    let late!: Promise<unknown>;
    const started = Date.now();
    const slow = db
      .transaction(
        async (repos) => {
          await repos.events.claim('evt-slow');
          await new Promise((resolve) => setTimeout(resolve, 400));
          late = repos.outbox.enqueue(reply('reply-slow')).catch((error: Error) => error.message);
          await late;
        },
        { timeout: 100 },
      )
      .catch((error: Error) => error.message);
    // Another writer gets the connection once the slow unit is rolled back, long before it finishes.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.repos.events.record('evt-after-slow', 'message', '{}');
    expect(Date.now() - started).toBeLessThan(400);
    expect(await slow).toMatch(/timeout/);
    expect(await late).toMatch(/closed/);
    expect((await db.repos.events.get('evt-slow'))?.state).toBe('received');
    expect(await db.repos.outbox.findByUuid('reply-slow')).toBeUndefined();
    expect(await db.repos.events.get('evt-after-slow')).toBeDefined();
  });

  it('a model query in a unit and one outside it, asked in the same tick, are not joined (no wait on the unit)', async () => {
    await db.repos.events.record('evt-inside-tick', 'message', '{}');
    await db.repos.events.record('evt-outside-tick', 'message', '{}');
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    // Chained outside the unit's call chain: it runs beside the unit, in the same tick as the unit's own lookup.
    const outside = gate.then(() => db.repos.events.get('evt-outside-tick'));
    const inside = await db.transaction(async (repos) => {
      await repos.events.claim('evt-inside-tick');
      go();
      return repos.events.get('evt-inside-tick');
    });
    expect(inside?.state).toBe('done');
    expect((await outside)?.state).toBe('received');
  });

  it('a write outside the unit while it is open waits for it and is its own', async () => {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = db
      .transaction(async (repos) => {
        await repos.audit.record({ actor: 'ou_unit', action: 'test.inside', entityType: 'event', entityId: 'evt-beside' });
        opened();
        await held;
        throw new Error('the work failed');
      })
      .catch((error: Error) => error.message);
    await isOpen;
    const outside = db.repos.audit.record({ actor: 'ou_unit', action: 'test.outside', entityType: 'event', entityId: 'evt-beside' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await rolledBack).toBe('the work failed');
    await outside;
    expect((await db.repos.audit.forEntity('event', 'evt-beside')).map((entry) => entry.action)).toEqual(['test.outside']);
  });
});
