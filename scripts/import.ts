/**
 * `npm run import -- <file-or-folder>...`: imports plan documents into the
 * database DATABASE_URL names (migrating it first) and prints a report.
 * `--dry-run` prints the same report and stores nothing. Exits 1 when any
 * file could not be imported.
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { formatImportResults, importFiles } from '../src/imports/import-files.js';

const dryRun = process.argv.includes('--dry-run');
const paths = process.argv.slice(2).filter((arg) => arg !== '--dry-run');
if (paths.length === 0) {
  console.error('用法：npm run import -- [--dry-run] <文件或文件夹>...\n例如：npm run import -- seeds/\n--dry-run：只显示导入报告，不写入数据库');
  process.exit(2);
}
try {
  const config = loadConfig();
  await migrateDatabase(config.databaseUrl);
  const db = await Database.open(config.databaseUrl);
  try {
    const results = dryRun ? await importFiles(db, paths, 'cli', { dryRun: true }) : await importFiles(db, paths, 'cli');
    console.log(formatImportResults(results));
    process.exitCode = results.some((result) => 'error' in result) ? 1 : 0;
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `导入失败：${(error as Error).message}`);
  process.exitCode = 1;
}
