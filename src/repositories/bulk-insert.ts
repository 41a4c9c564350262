/**
 * Multi-row INSERTs written as one parameterised statement per chunk. Prisma's
 * createMany compiles every row through its query compiler, which costs
 * about 0.2 ms a row here; a plan's hundreds of unit links and deadlines go
 * in through this instead. Callers give @updatedAt columns a value themselves.
 */
import { join, raw, sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';

/** Rows per statement: stays under SQLite's and PostgreSQL's parameter limits for any table here. */
const CHUNK = 500;

type Value = string | number | Date | null;

function statements<Row extends Record<string, Value>>(table: string, columns: readonly (keyof Row & string)[], rows: readonly Row[], tail = '') {
  const head = raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `);
  const chunks = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => sql`(${join(columns.map((column) => row[column]))})`);
    chunks.push(sql`${head}${join(values)}${raw(tail)}`);
  }
  return chunks;
}

/** Inserts rows (objects with exactly `columns` as keys) into `table`. */
export async function insertRows<Row extends Record<string, Value>>(
  db: Db,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): Promise<void> {
  for (const statement of statements(table, columns, rows)) await db.$executeRaw(statement);
}

/** Inserts rows and returns the `returning` columns of each (INSERT … RETURNING, SQLite 3.35+ and PostgreSQL). */
export async function insertRowsReturning<Row extends Record<string, Value>, Out>(
  db: Db,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  returning: readonly string[],
): Promise<Out[]> {
  const out: Out[] = [];
  const tail = ` RETURNING ${returning.map((column) => `"${column}"`).join(', ')}`;
  for (const statement of statements(table, columns, rows, tail)) out.push(...(await db.$queryRaw<Out[]>(statement)));
  return out;
}
