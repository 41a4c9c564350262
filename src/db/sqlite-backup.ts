/**
 * Backs up the embedded SQLite database while the service runs: SQLite's
 * online backup copies a consistent snapshot page by page (writers in WAL
 * mode are not held up), into a new file named by the time it was taken;
 * the copy is then opened and checked before it is called a backup. Behind
 * `npm run backup`; PostgreSQL has pg_dump for this.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** A backup that was taken and checked. */
export interface SqliteBackup {
  /** The new file. */
  path: string;
  bytes: number;
  /** What it holds, to compare with the running service. */
  plans: number;
  tasks: number;
}

/** `duban-2026-12-02T0930Z.db`: sorts by time, one a minute; a second one in the same minute gets `-2`, `-3` … */
export function backupFileName(at: Date, attempt = 1): string {
  const stamp = at.toISOString().slice(0, 16).replaceAll(':', '');
  return `duban-${stamp}Z${attempt > 1 ? `-${attempt}` : ''}.db`;
}

/** Copies the database at `file` into `dir` (made if missing) and checks the copy; never overwrites a file. */
export async function backupSqlite(file: string, dir: string, at = new Date()): Promise<SqliteBackup> {
  if (!existsSync(file)) throw new Error(`数据库文件不存在：${file}`);
  mkdirSync(dir, { recursive: true });
  let path = join(dir, backupFileName(at));
  for (let attempt = 2; existsSync(path); attempt++) path = join(dir, backupFileName(at, attempt));
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  // One self-contained file: the copy leaves WAL mode (the service turns it on again when it opens a restored file).
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`备份文件校验未通过（integrity_check: ${String(integrity)}）：${path}`);
    const count = (table: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { path, bytes: statSync(path).size, plans: count('Plan'), tasks: count('Task') };
  } finally {
    copy.close();
  }
}
