/**
 * The real service for a benchmark: started in this process on a database,
 * with the seeds, in webhook mode against a local fake of the Open API, and
 * logging nowhere.
 */
import { Writable } from 'node:stream';
import { startApp, type AppOptions, type RunningApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/lib/logger.js';
import { startFakeLark, type FakeLark } from '../test/support/fake-lark.js';
import type { ConsoleSecrets } from '../test/support/lark-events.js';

/** The benchmark app's credentials, as the fake and the signed requests know them. */
export const BENCH_SECRETS: ConsoleSecrets = { appId: 'cli_benchbenchbench0', encryptKey: 'bench-encrypt-key', verificationToken: 'bench-verification-token' };
const APP_SECRET = 'bench-secret';

/** A running service and its fake Open API. */
export interface BenchService {
  app: RunningApp;
  fake: FakeLark;
  close(): Promise<void>;
}

/** A logger that writes nothing. */
export function silentLogger() {
  return createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }));
}

/** Starts the fake and the service on `databaseUrl`; `env` adds settings, `options` a clock and how much the fake keeps of what it saw. */
export async function startBenchService(databaseUrl: string, env: NodeJS.ProcessEnv = {}, options: AppOptions & { keepRecords?: number } = {}): Promise<BenchService> {
  const fake = await startFakeLark({ appId: BENCH_SECRETS.appId, appSecret: APP_SECRET, keepRecords: options.keepRecords });
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: '1',
    LARK_APP_ID: BENCH_SECRETS.appId,
    LARK_APP_SECRET: APP_SECRET,
    LARK_VERIFICATION_TOKEN: BENCH_SECRETS.verificationToken,
    LARK_ENCRYPT_KEY: BENCH_SECRETS.encryptKey,
    LARK_DOMAIN: fake.url,
    CONSOLE: '0',
    ...env,
  });
  const app = await startApp(config, silentLogger(), options);
  return {
    app,
    fake,
    async close() {
      await app.close();
      await fake.close();
    },
  };
}

/**
 * Asks /healthz every 20 ms until `done`: the longest an answer took, counted
 * from when the request was due (the asker shares the event loop, so a
 * frozen loop delays the request itself), and how many were not 200.
 */
export async function watchHealth(url: string, done: () => boolean): Promise<{ maxMs: number; answers: number; failed: number }> {
  let maxMs = 0;
  let answers = 0;
  let failed = 0;
  let due = performance.now();
  while (!done()) {
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    const answered = performance.now();
    maxMs = Math.max(maxMs, answered - due);
    answers++;
    if (response.status !== 200) failed++;
    due = answered + 20;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { maxMs, answers, failed };
}
