/**
 * Applies the database migrations with `prisma migrate deploy`, the same
 * command a deployment runs, so that start-up, tests and containers migrate
 * one way. Runs the CLI in a child process with the JavaScript schema engine
 * (see prisma.config.ts): no engine binary is downloaded.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from './database-url.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const unrefTimers = fileURLToPath(new URL('./unref-engine-timers.mjs', import.meta.url));

/** Raised when `prisma migrate deploy` fails; carries the CLI's output. */
export class MigrationError extends Error {
  constructor(readonly output: string) {
    super(`prisma migrate deploy failed:\n${output}`);
    this.name = 'MigrationError';
  }
}

/**
 * Brings the database at `databaseUrl` up to the latest migration.
 * Creates the SQLite file (and its folder) when it does not exist.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  // The CLI runs in the project folder (dist/ for the compiled service): a SQLite path relative to where the
  // service was started (file:./data/duban.db) is handed over absolute, so both open the same file.
  const target = parseDatabaseUrl(databaseUrl);
  const url = target.provider === 'sqlite' && target.file !== ':memory:' ? `file:${target.file}` : databaseUrl;
  const child = spawn(process.execPath, ['--import', unrefTimers, prismaCli, 'migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new MigrationError(output.trim());
}
