/**
 * Lark's send windows in the database, so that every instance on one
 * PostgreSQL counts the same sends: per key ('app', 'chat:…') the latest
 * slot times. PostgreSQL only (an advisory lock and the server's clock);
 * SQLite runs one process and keeps its windows in memory.
 */
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';

/**
 * The advisory lock every taker holds for its transaction. One lock, not one
 * per key: every send counts in the app's window, so takers are serialised
 * anyway; a transaction holds it for three short statements.
 */
export const SEND_WINDOW_LOCK = 0x64756261_6e01n;

/** The windows of some keys, read under the lock. */
export interface LockedWindows {
  /** The database's clock when the lock was held (ms since the epoch): one clock for every instance. */
  now: number;
  /** Each key's latest slot times, oldest first (empty when it has none). */
  slots: Map<string, number[]>;
}

/** Reads and writes send windows; call lockAndRead and write in one transaction. */
export class SendWindowRepository {
  constructor(private readonly db: Db) {}

  /** Waits for the takers' lock (held to the end of the transaction), then reads the windows of `keys` and the clock. */
  async lockAndRead(keys: readonly string[]): Promise<LockedWindows> {
    await this.db.$queryRaw`SELECT pg_advisory_xact_lock(${SEND_WINDOW_LOCK})::text AS locked`;
    const [clock] = await this.db.$queryRaw<{ now: number | string }[]>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`;
    const rows = keys.length === 0 ? [] : await this.db.$queryRaw<{ key: string; slots: string }[]>`SELECT "key", "slots" FROM "SendWindow" WHERE "key" IN (${join([...keys])})`;
    const slots = new Map<string, number[]>(keys.map((key) => [key, []]));
    for (const row of rows) slots.set(row.key, parseSlots(row.slots));
    return { now: Number(clock!.now), slots };
  }

  /** Stores the windows that changed, stamped `at` (the clock lockAndRead returned). */
  async write(windows: ReadonlyMap<string, readonly number[]>, at: number): Promise<void> {
    if (windows.size === 0) return;
    const stamp = new Date(at);
    const rows = [...windows].map(([key, slots]) => sql`(${key}, ${JSON.stringify(slots)}, ${stamp})`);
    await this.db.$executeRaw`
      INSERT INTO "SendWindow" ("key", "slots", "updatedAt") VALUES ${join(rows)}
      ON CONFLICT ("key") DO UPDATE SET "slots" = excluded."slots", "updatedAt" = excluded."updatedAt"`;
  }

  /** Forgets windows nobody took a slot in since `before` (their slots are long out of any window); returns how many. */
  async pruneIdle(before: Date): Promise<number> {
    return this.db.$executeRaw`DELETE FROM "SendWindow" WHERE "updatedAt" < ${before}`;
  }
}

/** A stored slot list; anything unreadable counts as no slots. */
function parseSlots(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number' && Number.isFinite(item)) : [];
  } catch {
    return [];
  }
}
