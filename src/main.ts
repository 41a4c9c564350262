/**
 * Entry point of `npm start`: reads the environment, starts the service, and
 * shuts it down cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { isNewDatabase } from './db/new-database.js';
import { providerOf } from './db/provider-schema.js';

/**
 * A first start (a database never migrated) migrates while the rest of the
 * service loads: `prisma migrate deploy` runs in a child process, so it and
 * the module loading use both cores. Any other database is left to
 * startApp, which migrates only when the schema is behind: a restart pays
 * for one look (a file's size, or one query on PostgreSQL).
 */
async function migrateNewDatabase(databaseUrl: string): Promise<void> {
  if (!(await isNewDatabase(databaseUrl))) return;
  const { migrateDatabase } = await import('./db/migrate.js');
  await migrateDatabase(databaseUrl);
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
  const migrating = migrateNewDatabase(config.databaseUrl);
  // Awaited below; this only keeps a failure that comes before then from counting as unhandled.
  migrating.catch(() => undefined);
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
