/**
 * Test databases: every test file gets fresh, migrated databases of both
 * kinds. `describeEachDatabase` runs the same tests on SQLite and on
 * PostgreSQL; without TEST_POSTGRES_URL the PostgreSQL half is reported as
 * skipped, never silently passed.
 */
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import type { Provider } from '../../src/db/provider-schema.js';
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, withDatabase } from './test-env.js';

/** A fresh, migrated database of the given kind; returns its DATABASE_URL. */
export async function createTestDatabaseUrl(provider: Provider): Promise<string> {
  const name = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (provider === 'sqlite') {
    const file = `${inject('runDir')}/${name}.db`;
    copyFileSync(inject('sqliteTemplate'), file);
    return `file:${file}`;
  }
  if (!TEST_POSTGRES_URL) throw new Error(POSTGRES_SKIP_REASON);
  const database = `${inject('pgPrefix')}_${name}`;
  await createFromTemplate(TEST_POSTGRES_URL, database, inject('pgTemplate'));
  return withDatabase(TEST_POSTGRES_URL, database);
}

/** An empty database (no tables) of the given kind, for migration tests. */
export async function createEmptyDatabaseUrl(provider: Provider): Promise<string> {
  const name = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (provider === 'sqlite') return `file:${inject('runDir')}/${name}-empty.db`;
  if (!TEST_POSTGRES_URL) throw new Error(POSTGRES_SKIP_REASON);
  const database = `${inject('pgPrefix')}_${name}_empty`;
  await adminQuery(TEST_POSTGRES_URL, `CREATE DATABASE "${database}"`);
  return withDatabase(TEST_POSTGRES_URL, database);
}

/** The providers this run can test, each with whether it is available. */
export const DATABASES: readonly { provider: Provider; available: boolean }[] = [
  { provider: 'sqlite', available: true },
  { provider: 'postgresql', available: TEST_POSTGRES_URL !== undefined },
];

/** Handle given to the body of describeEachDatabase. */
export interface DatabaseFixture {
  provider: Provider;
  /** The database of this describe block (open after beforeAll). */
  db(): Database;
  /** Its DATABASE_URL. */
  url(): string;
}

/**
 * Declares the same tests once per database. Each block gets its own fresh
 * database; tests inside a block share it, so they create their own rows.
 */
export function describeEachDatabase(title: string, body: (fixture: DatabaseFixture) => void): void {
  for (const { provider, available } of DATABASES) {
    const label = available ? `${title} [${provider}]` : `${title} [${provider}: skipped, ${POSTGRES_SKIP_REASON}]`;
    describe.skipIf(!available)(label, () => {
      let database: Database | undefined;
      let databaseUrl = '';
      beforeAll(async () => {
        databaseUrl = await createTestDatabaseUrl(provider);
        database = await Database.open(databaseUrl, { poolSize: 4 });
      });
      afterAll(async () => {
        await database?.close();
      });
      body({
        provider,
        db: () => {
          if (!database) throw new Error('database not open yet: use it inside a test or hook');
          return database;
        },
        url: () => databaseUrl,
      });
    });
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createFromTemplate(url: string, database: string, template: string): Promise<void> {
  // PostgreSQL refuses to copy a template another CREATE DATABASE is copying
  // at the same moment; test files start together, so wait and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
