/**
 * Opens a Prisma client on SQLite or PostgreSQL through a driver adapter
 * (no native query engine). Only the repositories use what this returns.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PrismaClient as SqlitePrismaClient } from '../generated/sqlite/client.js';
import { randomBytes } from 'node:crypto';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { openPgPool, releasingTransactions, type PgPool } from './pg-pool.js';
import type { Provider } from './provider-schema.js';
import { serialisedSqlite } from './serialised-sqlite.js';
import { countStatements } from './statement-count.js';
import { pgDirect } from './pg-direct.js';

/**
 * The Prisma client type the repositories are written against. Both
 * providers are generated from the same models, so the PostgreSQL client
 * has the same API; it is typed as this one.
 */
export type PrismaDb = SqlitePrismaClient;

/** A Prisma client inside an interactive transaction. */
export type PrismaTx = Parameters<Parameters<PrismaDb['$transaction']>[0]>[0];

/** What openPrisma returns. */
export interface OpenedPrisma {
  prisma: PrismaDb;
  provider: Provider;
  /** On SQLite in a file: the file, for the health check's own reader (sqlite-health-reader.ts). */
  sqliteFile?: string;
  /** On PostgreSQL: the target, the application_name of the pool's connections (unique to this client), and the pool (ended by its owner after $disconnect). */
  postgres?: { target: Extract<DatabaseTarget, { provider: 'postgresql' }>; applicationName: string; pool: PgPool };
}

/** Settings for openPrisma. */
export interface OpenPrismaOptions {
  /** Largest number of PostgreSQL connections in the pool. */
  poolSize?: number;
}

/**
 * Connects to the database a DATABASE_URL names. SQLite runs in WAL mode with
 * a busy timeout so that readers never block the writer and two writers wait
 * for each other instead of failing.
 */
export async function openPrisma(databaseUrl: string, options: OpenPrismaOptions = {}): Promise<OpenedPrisma> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === 'sqlite') {
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('../generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    // A new installation has no data/ folder yet; SQLite creates the file, not its folder.
    if (target.file !== ':memory:') await mkdir(dirname(target.file), { recursive: true });
    // One connection: statements outside a transaction wait for the open one instead of landing in it.
    const adapter = serialisedSqlite(countStatements(new PrismaBetterSQLite3({ url: target.file, timeout: 10_000 })));
    const prisma = new PrismaClient({ adapter });
    adapter.register(prisma);
    if (target.file !== ':memory:') await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    return { prisma, provider: 'sqlite', ...(target.file !== ':memory:' ? { sqliteFile: target.file } : {}) };
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import('../generated/postgresql/client.js'),
    import('@prisma/adapter-pg'),
  ]);
  const applicationName = `duban-${process.pid}-${randomBytes(4).toString('hex')}`;
  // The pool is ours, not the adapter's, so that closing it is bounded (pg-pool.ts).
  const pool = openPgPool(target, options.poolSize ?? 10, applicationName);
  // The statements every event runs go to the adapter itself (pg-direct.ts), past Prisma's compiler.
  const adapter = pgDirect(countStatements(releasingTransactions(new PrismaPg(pool.pool, { schema: target.schema }))));
  const prisma = new PrismaClient({ adapter }) as unknown as PrismaDb;
  adapter.register(prisma);
  return { prisma, provider: 'postgresql', postgres: { target, applicationName, pool } };
}
