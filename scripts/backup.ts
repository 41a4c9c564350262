/**
 * `npm run backup`: an online backup of the SQLite database DATABASE_URL
 * names, into BACKUP_DIR (./backups by default) as a file named by the time
 * (duban-2026-12-02T0930Z.db), taken while the service runs and checked
 * after. Restoring is the README's "Backups and restore". For PostgreSQL it
 * says to use pg_dump and exits 2.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { parseDatabaseUrl } from '../src/db/database-url.js';
import { backupSqlite } from '../src/db/sqlite-backup.js';

try {
  const config = loadConfig();
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.provider === 'postgresql') {
    console.error('DATABASE_URL 指向 PostgreSQL：请用 PostgreSQL 自带的 pg_dump 备份，例如\n  pg_dump --format=custom --file=duban-$(date +%F).dump "$DATABASE_URL"\n恢复用 pg_restore（见 README“Backups and restore”）。');
    process.exit(2);
  }
  if (target.file === ':memory:') {
    console.error('DATABASE_URL 指向内存数据库，没有可备份的文件。');
    process.exit(2);
  }
  const dir = resolve(process.env.BACKUP_DIR ?? 'backups');
  const backup = await backupSqlite(target.file, dir);
  console.log(`备份完成：${backup.path}（${(backup.bytes / 1024 / 1024).toFixed(1)} MB，${backup.plans} 个方案，${backup.tasks} 项任务，完整性检查通过）`);
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
