/**
 * Entry point of `npm start`: reads the environment, starts the service, and
 * shuts it down cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, loadConfig } from './config.js';
import { startApp } from './app.js';
import { createLogger } from './lib/logger.js';
import { providerOf } from './db/provider-schema.js';

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
  const app = await startApp(config, logger);
  logger.info(
    { url: app.url, database: providerOf(config.databaseUrl), lark: config.lark ? config.lark.mode : 'not configured' },
    `duban is listening on ${app.url}`,
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
