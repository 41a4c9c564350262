/**
 * Facts about the test run shared by the global setup and the test files.
 */

/** PostgreSQL server for the PostgreSQL half of the suite, if any. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || undefined;

/** Why PostgreSQL tests are skipped, shown in their names. */
export const POSTGRES_SKIP_REASON = 'TEST_POSTGRES_URL is not set';

/** The same URL pointing at another database on that server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's scratch files. */
    runDir: string;
    /** Migrated SQLite file that test databases are copied from. */
    sqliteTemplate: string;
    /** Prefix of this run's PostgreSQL databases. */
    pgPrefix: string;
    /** Migrated PostgreSQL database that test databases are created from, '' without PostgreSQL. */
    pgTemplate: string;
  }
}
