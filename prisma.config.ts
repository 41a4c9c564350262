/**
 * Prisma CLI configuration. No engine binaries are downloaded here: the
 * JavaScript schema engine runs migrations through a driver adapter, chosen by
 * DATABASE_URL (SQLite by default, as at `npm start`).
 *
 * PostgreSQL migrations use @prisma/adapter-pg 7 (installed under the alias
 * @prisma/adapter-pg-migrate): 6.19's adapter cannot read the `name` column
 * type of the catalog queries `migrate deploy` runs. The app itself uses the
 * 6.19 adapter that matches @prisma/client.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'prisma/config';
import { parseDatabaseUrl, pgPoolConfig } from './src/db/database-url.js';
import { migrationsPath, providerOf, schemaPath } from './src/db/provider-schema.js';

const url = process.env.DATABASE_URL ?? 'file:./data/duban.db';
const provider = providerOf(url) ?? 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: schemaPath(provider),
  migrations: { path: migrationsPath(provider) },
  async adapter() {
    const target = parseDatabaseUrl(url);
    if (target.provider === 'sqlite') {
      const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
      if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
      return new PrismaBetterSQLite3({ url: target.file });
    }
    const { PrismaPg } = await import('@prisma/adapter-pg-migrate');
    // A short idle timeout lets the CLI exit as soon as it is done.
    return new PrismaPg({ ...pgPoolConfig(target, 10), idleTimeoutMillis: 50 }, { schema: target.schema });
  },
});
