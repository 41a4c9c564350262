/**
 * `npm start` as a newcomer runs it (`node scripts/start.mjs`): it builds
 * dist/ when dist/ is missing or older than the sources, then runs the
 * compiled service. On a new SQLite file the compiled service migrates,
 * imports the seeds, and answers /healthz and the console page, so every
 * file it reads from beside itself (the migrations, seeds/, the console's
 * public/) is found from dist/ as from src/. It waits for the service's
 * own "listening" line, never for a time.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm start', () => {
  it('builds dist/ when needed, runs the compiled service on a new database, and stops cleanly on SIGTERM', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'duban-npm-start-'));
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) if (!/^(LARK_|CONSOLE|SEED_ON_EMPTY|LOG_LEVEL)/.test(name)) env[name] = value;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      // Relative to where npm start runs, as the default file:./data/duban.db is (the compiled service runs from dist/).
      env: { ...env, DATABASE_URL: `file:${relative(ROOT, join(folder, 'duban.db'))}`, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /duban is listening on (http:\/\/[\d.:]+)/.exec(output)?.[1];
          if (found) resolve(found);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        void exited.then(() => reject(new Error(`npm start exited before listening:\n${output.slice(-3000)}`)));
      });
      // Compiled, not the tsx fallback.
      expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
      expect(output).not.toContain('running the sources through tsx');
      expect(output).toContain('imported seeds');

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { provider: 'sqlite', schemaCurrent: true, pendingMigrations: [] }, holidays: { missing: expect.any(Array) } });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
