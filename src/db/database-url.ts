/**
 * Turns a DATABASE_URL into what the driver adapters need. Shared by the
 * runtime client and the Prisma CLI config so both reach the same database.
 */
import { isAbsolute, resolve } from 'node:path';
import { type Provider, providerOf } from './provider-schema.js';

/** Where a DATABASE_URL points, in driver terms. */
export type DatabaseTarget =
  | { provider: 'sqlite'; /** Absolute file path, or ':memory:'. */ file: string }
  | {
      provider: 'postgresql';
      /** Connection string without Prisma's `schema` parameter. */
      connectionString: string;
      /** PostgreSQL schema to use; `public` unless `?schema=` says otherwise. */
      schema: string;
    };

/**
 * Parses a DATABASE_URL. SQLite paths are relative to the working directory
 * (`file:./data/duban.db`); PostgreSQL URLs may carry Prisma's `?schema=NAME`.
 * Throws on any other scheme.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const provider: Provider | undefined = providerOf(url);
  if (provider === 'sqlite') {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path === ':memory:') return { provider, file: path };
    return { provider, file: isAbsolute(path) ? path : resolve(process.cwd(), path) };
  }
  if (provider === 'postgresql') {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? 'public';
    parsed.searchParams.delete('schema');
    return { provider, connectionString: parsed.toString(), schema };
  }
  throw new Error('DATABASE_URL must start with file:, postgres:// or postgresql://');
}

/**
 * pg pool settings for a PostgreSQL target: the search_path is set per
 * connection so that raw SQL and Prisma's queries both land in the schema;
 * `applicationName` names the pool's connections (the index change feed
 * tells this process's own writes by it).
 */
export function pgPoolConfig(target: Extract<DatabaseTarget, { provider: 'postgresql' }>, max = 10, applicationName?: string) {
  return {
    connectionString: target.connectionString,
    options: `-c search_path="${target.schema.replaceAll('"', '""')}"`,
    max,
    ...(applicationName ? { application_name: applicationName } : {}),
  };
}
