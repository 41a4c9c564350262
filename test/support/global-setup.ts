/**
 * Runs once per `vitest` run: migrates one SQLite file and (when
 * TEST_POSTGRES_URL is set) one PostgreSQL database with `prisma migrate
 * deploy`. Each test file then gets its own copy, so files run in parallel
 * without seeing each other's rows, and so do concurrent runs.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/migrate.js';
import { TEST_POSTGRES_URL, withDatabase } from './test-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const runDir = `${root}/tmp/test-runs/${runId}`;
  mkdirSync(runDir, { recursive: true });
  const sqliteTemplate = `${runDir}/template.db`;
  await migrateDatabase(`file:${sqliteTemplate}`);

  const pgPrefix = `duban_t_${runId}`;
  let pgTemplate = '';
  if (TEST_POSTGRES_URL) {
    pgTemplate = `${pgPrefix}_template`;
    await adminQuery(TEST_POSTGRES_URL, `CREATE DATABASE "${pgTemplate}"`);
    await migrateDatabase(withDatabase(TEST_POSTGRES_URL, pgTemplate));
  }
  project.provide('runDir', runDir);
  project.provide('sqliteTemplate', sqliteTemplate);
  project.provide('pgPrefix', pgPrefix);
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    rmSync(runDir, { recursive: true, force: true });
    if (TEST_POSTGRES_URL) await dropRunDatabases(TEST_POSTGRES_URL, pgPrefix);
  };
}

async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  const { rows } = await adminQuery(url, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
  for (const row of rows as { datname: string }[]) {
    await adminQuery(url, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  }
}
