/**
 * Import benchmark: parse and import all five seeds into a fresh SQLite
 * database, median of 5 runs. Baseline measured in the same run: reading the
 * files and parsing them without writing (the database share is the rest).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { parsePlanDocument } from '../src/domain/imports/plan-parser.js';
import { importPlanText } from '../src/domain/imports/plan-importer.js';

const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const parseTimes: number[] = [];
const importTimes: number[] = [];
const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
const template = join(dir, 'template.db');
await migrateDatabase(`file:${template}`);
for (let run = 0; run < 5; run++) {
  let started = performance.now();
  for (const file of files) parsePlanDocument(readFileSync(join(seedsDir, file), 'utf8'), file);
  parseTimes.push(performance.now() - started);

  const dbFile = join(dir, `run${run}.db`);
  rmSync(dbFile, { force: true });
  copyFileSync(template, dbFile);
  const db = await Database.open(`file:${dbFile}`);
  started = performance.now();
  for (const file of files) {
    await importPlanText(db, { text: readFileSync(join(seedsDir, file), 'utf8'), fileName: file, actor: 'bench' });
  }
  importTimes.push(performance.now() - started);
  await db.close();
}
rmSync(dir, { recursive: true, force: true });
const result = {
  benchmark: 'import five seeds (SQLite)',
  importMs: Math.round(median(importTimes)),
  baselineParseOnlyMs: Math.round(median(parseTimes)),
  ratio: Number((median(importTimes) / median(parseTimes)).toFixed(1)),
  runs: importTimes.map((t) => Math.round(t)),
};
console.log(JSON.stringify(result));
