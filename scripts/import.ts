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
    // What went wrong inside (a database error, with its source paths) is for the log, after the plain report.
    for (const result of results) if ('error' in result && result.detail) console.error(`详细错误（${result.file}）：\n${result.detail}`);
    process.exitCode = results.some((result) => 'error' in result) ? 1 : 0;
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`导入失败：无法准备数据库，没有导入任何内容。请检查 DATABASE_URL 指向的数据库是否可用。\n详细错误：\n${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
}
