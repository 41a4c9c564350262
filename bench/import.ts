/**
 * Import benchmark: parse and import all five seeds into a fresh database,
 * then import them again unchanged; median of 5 runs. Baseline measured in
 * the same run: reading the files and parsing them without writing (the
 * database share is the rest). SQLite always; PostgreSQL too when
 * BENCH_POSTGRES_URL names a server (a database duban_bench is created on it
 * and dropped afterwards).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { reportFigure } from './report.js';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { importPlanText } from '../src/domain/imports/plan-importer.js';
import { parsePlanDocument } from '../src/domain/imports/plan-parser.js';
import { SYNONYM_FILE } from '../src/imports/import-files.js';

const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt') && !SYNONYM_FILE.test(name)).sort();
const texts = files.map((file) => ({ file, text: readFileSync(join(seedsDir, file), 'utf8') }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const RUNS = 5;

async function importAll(db: Database): Promise<number> {
  const started = performance.now();
  for (const { file, text } of texts) await importPlanText(db, { text, fileName: file, actor: 'bench' });
  return performance.now() - started;
}

/** Times a fresh import and an unchanged re-import on databases `prepare` makes. */
async function measure(prepare: (run: number) => Promise<string>) {
  const fresh: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const db = await Database.open(await prepare(run));
    fresh.push(await importAll(db));
    again.push(await importAll(db));
    await db.close();
  }
  return { freshMs: Math.round(median(fresh)), reimportMs: Math.round(median(again)), freshRuns: fresh.map(Math.round) };
}

const parseTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  for (const { file } of texts) parsePlanDocument(readFileSync(join(seedsDir, file), 'utf8'), file);
  parseTimes.push(performance.now() - started);
}

const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
const template = join(dir, 'template.db');
await migrateDatabase(`file:${template}`);
const sqlite = await measure(async (run) => {
  const file = join(dir, `run${run}.db`);
  copyFileSync(template, file);
  return `file:${file}`;
});
rmSync(dir, { recursive: true, force: true });

let postgres: Awaited<ReturnType<typeof measure>> | undefined;
const serverUrl = process.env.BENCH_POSTGRES_URL;
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const url = new URL(serverUrl);
  url.pathname = '/duban_bench';
  postgres = await measure(async () => {
    await admin.query('DROP DATABASE IF EXISTS duban_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE duban_bench');
    await migrateDatabase(url.toString());
    return url.toString();
  });
  await admin.query('DROP DATABASE IF EXISTS duban_bench WITH (FORCE)');
  await admin.end();
}

const parseMs = Math.round(median(parseTimes));
for (const [label, result] of [['SQLite', sqlite], ['PostgreSQL', postgres]] as const) {
  if (result) reportFigure({ bench: 'import', figure: `five seeds into a new database, ${label}`, ours: result.freshMs, baseline: parseMs, baselineLabel: 'parsing alone, no database', unit: 'ms', better: 'lower' });
}
console.log(
  JSON.stringify({
    benchmark: 'import five seeds',
    baselineParseOnlyMs: Math.round(median(parseTimes)),
    sqlite,
    ...(postgres ? { postgres } : {}),
  }),
);
