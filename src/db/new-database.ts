/**
 * Whether a database has never been migrated, asked without a Prisma client:
 * `npm start` uses it to run a first start's migrations while the rest of
 * the service loads (src/main.ts). A database it cannot tell about counts as
 * not new, and is left to startApp, which checks the schema properly.
 */
import { existsSync, statSync } from 'node:fs';
import { parseDatabaseUrl, pgPoolConfig } from './database-url.js';

/** True for a SQLite file that does not exist yet (or is empty), or a PostgreSQL schema without Prisma's migrations table. */
export async function isNewDatabase(databaseUrl: string): Promise<boolean> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === 'sqlite') return target.file !== ':memory:' && (!existsSync(target.file) || statSync(target.file).size === 0);
  const { default: pg } = await import('pg');
  const { max: _max, ...settings } = pgPoolConfig(target, 1);
  const client = new pg.Client(settings);
  try {
    await client.connect();
    const result = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`"${target.schema.replaceAll('"', '""')}"._prisma_migrations`]);
    return result.rows[0]?.found === null;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
