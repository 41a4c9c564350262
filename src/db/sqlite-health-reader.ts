/**
 * The health check's own read-only connection to an SQLite file. The service
 * writes through one connection (serialised-sqlite.ts), which a unit of work
 * holds until it commits: a health check sent through it waits behind a long
 * import's writes, and /healthz answered a second late. In WAL mode a reader
 * never waits on the writer, so the check reads the migrations table on a
 * connection of its own, opened when first asked and closed with the service.
 */
import BetterSqlite3 from 'better-sqlite3';

/** The migrations the database has applied, read without waiting on the writer. */
export interface SqliteHealthReader {
  /** Names of the applied migrations; throws when the file or its migrations table cannot be read. */
  appliedMigrations(): string[];
  close(): void;
}

/** A health reader of the SQLite file at `file` (opened on first use: the file may not exist until migrations run). */
export function sqliteHealthReader(file: string): SqliteHealthReader {
  let connection: BetterSqlite3.Database | undefined;
  return {
    appliedMigrations() {
      connection ??= new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      const rows = connection.prepare('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { migration_name: string }[];
      return rows.map((row) => row.migration_name);
    },
    close() {
      connection?.close();
      connection = undefined;
    },
  };
}
