/**
 * The statements every event runs (store and claim it, read the asker's
 * roles, queue the reply, remember the chat's answer), past Prisma's query
 * compiler: measured on 2026-12-03, a model query costs about 0.75 ms of
 * CPU, the same statement as Prisma raw SQL 0.3 ms, and straight to the
 * SQLite connection 0.05 ms. On SQLite they go to the connection, each
 * text prepared once and kept (inside a unit of work, as part of its
 * transaction, like bulk-insert.ts); on PostgreSQL to the driver adapter
 * (src/db/pg-direct.ts: the unit of work's own transaction, or the pool),
 * as Prisma raw SQL when the handle is not known or its transaction has
 * ended. Written as a tagged template whose values are bound, never
 * spliced in; dates bound as Prisma stores them.
 */
import { executeDirect, queryDirect } from '../db/pg-direct.js';
import { directSqliteOf } from '../db/serialised-sqlite.js';
import type { Db } from './client.js';

/** A value bound to a statement. */
export type HotValue = string | number | Date | null;

/** A value as the SQLite adapter would bind it: dates as ISO 8601 text with +00:00, as Prisma stores them. */
function sqliteValue(value: HotValue): string | number | null {
  return value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value;
}

/** PostgreSQL's placeholders for a template's values: $1, $2, … */
function numbered(strings: TemplateStringsArray): string {
  return strings.reduce((text, part, index) => `${text}$${index}${part}`);
}

/** The statements of one Prisma handle, as tagged templates: `hotSql(db).query\`SELECT … WHERE "id" = ${id}\``. */
export interface HotSql {
  /** Runs a statement that returns rows; column → value (SQLite gives integers as BigInt and dates as ISO text: read them with `int` and `date`). */
  query(strings: TemplateStringsArray, ...values: HotValue[]): Promise<Record<string, unknown>[]>;
  /** Runs a statement; the number of rows it changed. */
  execute(strings: TemplateStringsArray, ...values: HotValue[]): Promise<number>;
  /** Like `query`, for text built with a varying number of `?` placeholders (an IN list); the text must hold no value itself. */
  queryText(sql: string, values: readonly HotValue[]): Promise<Record<string, unknown>[]>;
}

/** The hot statements of a Prisma client or transaction. */
export function hotSql(db: Db): HotSql {
  return {
    async query(strings, ...values) {
      const direct = await directSqliteOf(db);
      if (direct) return direct.prepared(strings.join('?'), values.map(sqliteValue));
      return queryDirect(db, numbered(strings), values) ?? db.$queryRaw<Record<string, unknown>[]>(strings, ...values);
    },
    async execute(strings, ...values) {
      const direct = await directSqliteOf(db);
      if (direct) return Number((await direct.prepared(strings.join('?'), values.map(sqliteValue)))[0]!.changes);
      return executeDirect(db, numbered(strings), values) ?? db.$executeRaw(strings, ...values);
    },
    async queryText(sql, values) {
      const direct = await directSqliteOf(db);
      if (direct) return direct.prepared(sql, values.map(sqliteValue));
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      return queryDirect(db, text, values) ?? db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    },
  };
}

/** `count` placeholders for an IN list: "?, ?, ?". */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** An integer column as either database returns it (SQLite: BigInt). */
export function int(value: unknown): number {
  return Number(value);
}

/** A nullable integer column. */
export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A date column as either database returns it (SQLite: ISO text). */
export function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
