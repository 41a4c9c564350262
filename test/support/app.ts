/**
 * Starts the real service on a free port against a fresh test database.
 */
import { Writable } from 'node:stream';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Provider } from '../../src/db/provider-schema.js';
import { createLogger } from '../../src/lib/logger.js';
import { createTestDatabaseUrl } from './databases.js';

/** A running service plus everything it logged. */
export interface TestApp extends RunningApp {
  logs: string[];
  databaseUrl: string;
}

/**
 * The scheduler's time unless a test sets `clock`: a Monday before 09:00 in
 * a year with a holiday schedule, so nothing the scheduler sends on its own
 * (weekly cards, reminders, the administrators' holiday notice) depends on
 * the day the suite runs.
 */
export const SCHEDULER_TIME = new Date('2026-11-23T08:00:00+08:00');

/** The DATABASE_URL a test app runs on. */
export function databaseUrlOf(app: TestApp): string {
  return app.databaseUrl;
}

/**
 * Starts the service with its real configuration path; `env` adds variables.
 * `databaseUrl` runs it on an existing database (a second instance, or a restart).
 */
export async function startTestApp(provider: Provider, env: NodeJS.ProcessEnv = {}, databaseUrl?: string, options: AppOptions = {}): Promise<TestApp> {
  databaseUrl ??= await createTestDatabaseUrl(provider);
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_ON_EMPTY: '0', CONSOLE: '0', ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await startApp(config, createLogger('debug', sink), { clock: () => SCHEDULER_TIME, ...options });
  return Object.assign(app, { logs, databaseUrl });
}
