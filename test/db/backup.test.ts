/**
 * `npm run backup` on the embedded SQLite database while the service runs,
 * and the README's restore: the service started on the backup file answers
 * with the same plans and tasks. For PostgreSQL it points to pg_dump.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/imports/import-files.js';
import { startTestApp, type TestApp } from '../support/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Runs `npm run backup`'s script as a user would, with this environment. */
async function backup(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The plans and the tasks in them, as a user would count them after a restore. */
async function counts(app: TestApp): Promise<{ plans: number; tasks: number }> {
  const plans = await app.db.repos.plans.list();
  let tasks = 0;
  for (const plan of plans) tasks += (await app.db.repos.tasks.listByPlan(plan.id)).length;
  return { plans: plans.length, tasks };
}

describe('npm run backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the running service’s SQLite database into a dated file, and the service restored from it has the same plans and tasks', async () => {
    const live = await startTestApp('sqlite');
    apps.push(live);
    await importFiles(live.db, [join(ROOT, 'seeds', '000_94ff24fa85011159.txt'), join(ROOT, 'seeds', '001_3c6ad803d9ae2d0e.txt')], 'system');
    const before = await counts(live);
    expect(before.tasks).toBeGreaterThan(50);

    const first = await backup({ DATABASE_URL: live.databaseUrl, BACKUP_DIR: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`备份完成：.*duban-\\d{4}-\\d{2}-\\d{2}T\\d{4}Z\\.db.*2 个方案，${before.tasks} 项任务，完整性检查通过`));
    // A second backup in the same minute is a new file, never the first one overwritten.
    expect((await backup({ DATABASE_URL: live.databaseUrl, BACKUP_DIR: dir })).code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);

    // The service keeps working after a backup: the live database takes a plan the backup does not have.
    await importFiles(live.db, [join(ROOT, 'seeds', '002_873e3bb7a99b9369.txt')], 'system');
    expect((await counts(live)).plans).toBe(3);

    // Restore: start the service on the backup file.
    const restored = await startTestApp('sqlite', {}, `file:${join(dir, files[0]!)}`);
    apps.push(restored);
    expect(await counts(restored)).toEqual(before);
    const health = await fetch(`${restored.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('for PostgreSQL says to use pg_dump, and writes nothing', async () => {
    const answer = await backup({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test', BACKUP_DIR: join(dir, 'pg') });
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain('pg_dump');
    expect(readdirSync(dir)).not.toContain('pg');
  });
});
