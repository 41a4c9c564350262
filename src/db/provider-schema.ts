/**
 * The two database providers duban supports and how their Prisma schemas are
 * derived from the shared models file. Used by the schema writer script, the
 * Prisma config, and the test that keeps the generated schemas in sync.
 */

/** A database provider duban can run on. */
export type Provider = 'sqlite' | 'postgresql';

/** Every supported provider, SQLite (the embedded default) first. */
export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql'];

/** Path of a provider's schema, relative to the project root. */
export function schemaPath(provider: Provider): string {
  return `prisma/${provider}/schema.prisma`;
}

/** Path of a provider's migrations folder, relative to the project root. */
export function migrationsPath(provider: Provider): string {
  return `prisma/${provider}/migrations`;
}

/**
 * Tells the provider from a DATABASE_URL: `file:` is SQLite,
 * `postgres://` and `postgresql://` are PostgreSQL. Returns undefined otherwise.
 */
export function providerOf(url: string): Provider | undefined {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  return undefined;
}

/** The full schema for one provider: generated header plus the shared models. */
export function renderProviderSchema(provider: Provider, models: string): string {
  return `// GENERATED from prisma/models.prisma by \`npm run db:schemas\`. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${provider}"
  engineType   = "client"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
  // Ignored at run time (a driver adapter connects); needed by \`prisma generate\`.
  url      = env("DATABASE_URL")
}

${models.trimEnd()}
`;
}
