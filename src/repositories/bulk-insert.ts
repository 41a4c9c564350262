/**
 * Multi-row INSERTs. Prisma's createMany compiles every row through its
 * query compiler, which costs about 0.2 ms a row here; a plan's hundreds of
 * unit links and deadlines go in through this instead. On SQLite the rows
 * go as one JSON text per statement (json_each unpacks them) straight to
 * the connection: Prisma's compiler spends microseconds on every bound
 * value, and a 10,000-task plan has 300,000 of them, all while the one
 * SQLite connection is held. On PostgreSQL, one parameterised statement per
 * chunk of rows. Callers give @updatedAt columns a value themselves.
 */
import { join, raw, sqltag as sql } from '@prisma/client/runtime/client';
import { directSqliteOf, type DirectSqlite } from '../db/serialised-sqlite.js';
import type { Db } from './client.js';

/** Rows per statement: stays under SQLite's and PostgreSQL's parameter limits for any table here. */
const CHUNK = 500;

/** Rows per statement when they go as one JSON parameter (SQLite). */
const JSON_CHUNK = 5_000;

type Value = string | number | Date | null;

/** A value as the SQLite adapter would bind it: dates as ISO 8601 text with +00:00, as Prisma stores them. */
function jsonValue(value: Value): string | number | null {
  return value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value;
}

/** The SQLite statements for `rows`: each chunk's rows as one JSON text, unpacked by json_each in the order given. */
function sqliteStatements<Row extends Record<string, Value>>(table: string, columns: readonly (keyof Row & string)[], rows: readonly Row[], tail = '') {
  const picks = columns.map((_, index) => `json_extract(value, '$[${index}]')`).join(', ');
  const text = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) SELECT ${picks} FROM json_each(?) ORDER BY key${tail}`;
  const chunks: { sql: string; args: [string] }[] = [];
  for (let start = 0; start < rows.length; start += JSON_CHUNK) {
    chunks.push({ sql: text, args: [JSON.stringify(rows.slice(start, start + JSON_CHUNK).map((row) => columns.map((column) => jsonValue(row[column] as Value))))] });
  }
  return chunks;
}

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
  const direct: DirectSqlite | undefined = await directSqliteOf(db);
  if (direct) {
    for (const statement of sqliteStatements(table, columns, rows)) await direct.execute(statement.sql, statement.args);
    return;
  }
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
  const direct = await directSqliteOf(db);
  if (direct) {
    for (const statement of sqliteStatements(table, columns, rows, tail)) out.push(...((await direct.query(statement.sql, statement.args)) as Out[]));
    return out;
  }
  for (const statement of statements(table, columns, rows, tail)) out.push(...(await db.$queryRaw<Out[]>(statement)));
  return out;
}
