/**
 * The database as the application sees it: repositories, units of work
 * (transactions), health, and shutdown. The only owner of the Prisma client.
 */
import { sqliteHealthReader, type SqliteHealthReader } from './sqlite-health-reader.js';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRepositories, type Repositories } from '../repositories/index.js';
import { openPrisma, type OpenedPrisma, type OpenPrismaOptions, type PrismaDb, type PrismaTx } from './client.js';
import { CLOSE_GRACE_MS, closePgPool, within } from './pg-pool.js';
import { INDEX_CHANGE_CHANNEL, startIndexChangeFeed, type IndexChangeFeed } from './index-change-feed.js';
import { migrationsPath, type Provider } from './provider-schema.js';
import { expectTransaction } from './pg-direct.js';
import { asUnitOfWork, sqliteConnectionOf } from './serialised-sqlite.js';
import { sqliteUnitOfWork } from './sqlite-unit-of-work.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What /healthz reports about the database. */
export interface DatabaseHealth {
  provider: Provider;
  reachable: boolean;
  /** True when every migration in the project is applied and none failed. */
  schemaCurrent: boolean;
  appliedMigrations: number;
  pendingMigrations: string[];
  error?: string;
}

/** Settings for a unit of work. */
export interface TransactionOptions {
  /** How long the transaction may run, in ms (default 15 s; imports pass more). */
  timeout?: number;
}

/** The application's database handle. */
export class Database {
  /** Repositories outside any transaction, for reads and single writes. */
  readonly repos: Repositories;
  private readonly indexedChangeListeners = new Set<() => void>();
  private feed: Promise<IndexChangeFeed> | undefined;
  private feedNow: IndexChangeFeed | undefined;

  /** On SQLite in a file: the health check's reader, which never waits on the writer's connection. */
  private readonly healthReader: SqliteHealthReader | undefined;

  private constructor(
    private readonly prisma: PrismaDb,
    readonly provider: Provider,
    private readonly postgres?: OpenedPrisma['postgres'],
    sqliteFile?: string,
  ) {
    this.healthReader = sqliteFile ? sqliteHealthReader(sqliteFile) : undefined;
    // Outside a transaction a write is committed when it returns; other instances are told just after (see notifyOtherInstances).
    this.repos = createRepositories(prisma, () => {
      this.announceIndexedChange();
      void this.notifyOtherInstances(prisma).catch(() => undefined);
    });
  }

  /**
   * On PostgreSQL, NOTIFYs the other instances' question indexes (see
   * index-change-feed.ts) through `db`: inside a transaction the notice is
   * delivered when it commits and never if it rolls back. A write outside
   * a transaction is told by a statement of its own just after it commits
   * (a crash in between is caught by the index's slow safety look).
   */
  private async notifyOtherInstances(db: PrismaTx | PrismaDb): Promise<void> {
    if (!this.postgres) return;
    await db.$executeRawUnsafe(`SELECT pg_notify('${INDEX_CHANGE_CHANNEL}', $1)`, `${this.postgres.target.schema} ${this.postgres.applicationName}`);
  }

  /**
   * Calls `listener` after each committed change to the data questions are
   * answered from (plans, tasks, units, aliases), in this process; returns
   * how to stop. The question index listens, so no writer tells it by hand.
   */
  onIndexedChange(listener: () => void): () => void {
    this.indexedChangeListeners.add(listener);
    return () => this.indexedChangeListeners.delete(listener);
  }

  private announceIndexedChange(): void {
    for (const listener of this.indexedChangeListeners) listener();
  }

  /**
   * Starts hearing other instances' committed changes to indexed data (on
   * PostgreSQL: LISTEN/NOTIFY, one connection of its own); they reach the
   * `onIndexedChange` listeners too. Nothing on SQLite. Called by the
   * question index; once is enough.
   */
  async watchOtherInstances(): Promise<void> {
    const postgres = this.postgres;
    if (!postgres) return;
    this.feed ??= startIndexChangeFeed({
      connectionString: postgres.target.connectionString,
      schema: postgres.target.schema,
      ownName: postgres.applicationName,
      onChange: () => this.announceIndexedChange(),
    }).then((feed) => (this.feedNow = feed));
    await this.feed;
  }

  /** True while every other instance's commit to indexed data is heard as it happens (the index may then trust itself). */
  hearsOtherInstances(): boolean {
    return this.feedNow?.live() ?? false;
  }

  /** Connects to the database a DATABASE_URL names (migrations are applied separately). */
  static async open(databaseUrl: string, options: OpenPrismaOptions = {}): Promise<Database> {
    const { prisma, provider, postgres, sqliteFile } = await openPrisma(databaseUrl, options);
    return new Database(prisma, provider, postgres, sqliteFile);
  }

  /**
   * Runs `work` in one transaction with every repository bound to it: all its
   * writes land together or not at all.
   */
  async transaction<T>(work: (repos: Repositories) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // Announced after the commit, never for a transaction rolled back.
    let indexedDataChanged = false;
    const sqlite = sqliteConnectionOf(this.prisma);
    const timeout = options.timeout ?? 15_000;
    const result = await asUnitOfWork(async () => {
      if (sqlite) {
        // On SQLite a transaction on the connection itself, past Prisma's transaction manager (sqlite-unit-of-work.ts).
        return sqliteUnitOfWork(await sqlite, this.prisma, (handle) => work(createRepositories(handle, () => (indexedDataChanged = true))), { timeout, maxWait: 10_000 });
      }
      // On PostgreSQL the hot statements go to this transaction itself (pg-direct.ts): the one started next in this call chain.
      const own = expectTransaction();
      try {
        return await this.prisma.$transaction(
          async (tx) => {
            own.bind(tx);
            const done = await work(
              createRepositories(tx, () => {
                indexedDataChanged = true;
              }),
            );
            // In the transaction: other instances hear of it when it commits, never when it rolls back.
            if (indexedDataChanged) await this.notifyOtherInstances(tx);
            return done;
          },
          { timeout, maxWait: 10_000 },
        );
      } finally {
        own.forget();
      }
    });
    if (indexedDataChanged) this.announceIndexedChange();
    return result;
  }

  /** Checks that the database answers and that every migration is applied. */
  async health(): Promise<DatabaseHealth> {
    const expected = await listMigrations(this.provider);
    try {
      // On an SQLite file its own reader answers at once, a long write on the service's connection or not.
      const names = this.healthReader ? readOrUndefined(this.healthReader) : undefined;
      const rows = names
        ? names.map((migration_name) => ({ migration_name }))
        : await this.prisma.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
      const applied = new Set(rows.map((row) => row.migration_name));
      const pending = expected.filter((name) => !applied.has(name));
      return {
        provider: this.provider,
        reachable: true,
        schemaCurrent: pending.length === 0,
        appliedMigrations: applied.size,
        pendingMigrations: pending,
      };
    } catch (error) {
      const reachable = await this.prisma.$queryRawUnsafe('SELECT 1').then(
        () => true,
        () => false,
      );
      return {
        provider: this.provider,
        reachable,
        schemaCurrent: false,
        appliedMigrations: 0,
        pendingMigrations: expected,
        error: reachable ? 'migrations table missing' : (error as Error).message.split('\n')[0],
      };
    }
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    this.healthReader?.close();
    if (this.feed) await (await this.feed).close();
    // Prisma rolls back what is still open; a rollback that gets no answer does not hold up the close.
    await within(this.prisma.$disconnect(), CLOSE_GRACE_MS);
    if (this.postgres) await closePgPool(this.postgres.pool);
  }
}

/** Names of the migrations the project ships for a provider, in order. */
export async function listMigrations(provider: Provider): Promise<string[]> {
  const entries = await readdir(`${projectRoot}/${migrationsPath(provider)}`, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The reader's migrations, or undefined when it cannot read them (the file gone, no table yet): the service's connection is asked then. */
function readOrUndefined(reader: SqliteHealthReader): string[] | undefined {
  try {
    return reader.appliedMigrations();
  } catch {
    return undefined;
  }
}
