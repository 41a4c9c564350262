/**
 * Entry point of `npm start`: reads the environment, starts the service, and
 * shuts it down cleanly on SIGINT/SIGTERM.
 */
import { existsSync, statSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { parseDatabaseUrl } from './db/database-url.js';
import { providerOf } from './db/provider-schema.js';

/**
 * A first start on SQLite (no database file yet, or an empty one) migrates
 * while the rest of the service loads: `prisma migrate deploy` runs in a
 * child process, so it and the module loading use both cores. Any other
 * database is left to startApp, which migrates only when the schema is
 * behind: a restart pays nothing here.
 */
function migrateNewSqliteFile(databaseUrl: string): Promise<void> | undefined {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider !== 'sqlite' || target.file === ':memory:') return undefined;
  if (existsSync(target.file) && statSync(target.file).size > 0) return undefined;
  return import('./db/migrate.js').then(({ migrateDatabase }) => migrateDatabase(databaseUrl));
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.console) {
    // Said first, before the seeds import: a newcomer without a Feishu app learns where to go.
    const where = config.port === 0 ? 'the URL logged below' : `http://localhost:${config.port}/`;
    logger.info(`${config.lark ? 'CONSOLE=1' : 'no LARK_APP_ID set'}: the local chat console will be at ${where} (open it in a browser on this machine)`);
  }
  const migrating = migrateNewSqliteFile(config.databaseUrl);
  // Awaited below; this only keeps a failure that comes before then from counting as unhandled.
  migrating?.catch(() => undefined);
  // Loaded here rather than imported at the top, so a first start's migrations run meanwhile.
  const { startApp } = await import('./app.js');
  await migrating;
  const app = await startApp(config, logger);
  logger.info(
    { url: app.url, database: providerOf(config.databaseUrl), lark: config.lark ? config.lark.mode : 'not configured', console: config.console ? `${app.url}/` : 'off' },
    `duban is listening on ${app.url}${config.console ? `; local chat console at ${app.url.replace('127.0.0.1', 'localhost')}/` : ''}`,
  );
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`duban failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
