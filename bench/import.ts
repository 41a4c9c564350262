/**
 * Import benchmark: parse and import all five seeds into a fresh database,
 * then import them again unchanged; median of 5 runs. Baseline measured in
 * the same run: reading the files and parsing them without writing (the
 * database share is the rest). SQLite always; PostgreSQL too when
 * BENCH_POSTGRES_URL names a server (a database duban_bench is created on it
 * and dropped afterwards). Then a 10,000-row sheet imported by the running
 * service with /healthz watched (below).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { reportFigure } from './report.js';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { importPlanText } from '../src/domain/imports/plan-importer.js';
import { parsePlanDocument } from '../src/domain/imports/plan-parser.js';
import { importDocumentBytes, SYNONYM_FILE } from '../src/imports/import-files.js';
import { bigPlanXlsx } from '../test/support/big-plan.js';
import { freshDatabases } from './bench-databases.js';
import { startBenchService, watchHealth } from './bench-service.js';

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

// A 10,000-row sheet sent in chat, imported by the running service while
// /healthz is asked every 20 ms: the time to import it, and the longest any
// /healthz answer took meanwhile. Ours reads and parses in the parse thread
// (as a plan sent in chat is); the same-run baseline reads and parses on the
// event loop, as every import did before. Each on a fresh SQLite database
// with the service running; the best of RUNS_BIG.
const BIG_ROWS = 10_000;
const RUNS_BIG = 3;
const bigSheet = await bigPlanXlsx(BIG_ROWS);


/** Imports the sheet into a fresh service's database, `inThread` or not, watching /healthz. */
async function importBigSheet(inThread: boolean) {
  const [sqliteDb] = freshDatabases('bigsheet');
  const service = await startBenchService(await sqliteDb!.url(), { SEED_ON_EMPTY: '0' });
  try {
    // Warm up: the readers loaded and the thread started, as in a service that has imported before.
    await importDocumentBytes(service.app.db, 'warm-up.xlsx', await bigPlanXlsx(10), 'bench', undefined, { inThread });
    let finished = false;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const health = watchHealth(service.app.url, () => finished);
    const started = performance.now();
    const result = await importDocumentBytes(service.app.db, '万行分工方案.xlsx', bigSheet, 'bench', undefined, { inThread });
    const importMs = performance.now() - started;
    finished = true;
    delay.disable();
    const watched = await health;
    if (!('report' in result) || result.report.counts.tasks !== BIG_ROWS) throw new Error(`the 10,000-row sheet did not import: ${JSON.stringify(result).slice(0, 300)}`);
    return { importMs: Math.round(importMs), healthMaxMs: Math.round(watched.maxMs), healthAnswers: watched.answers, healthFailed: watched.failed, loopDelayMaxMs: Math.round(delay.max / 1e6) };
  } finally {
    await service.close();
    await sqliteDb!.cleanup();
  }
}

const threadRuns: Awaited<ReturnType<typeof importBigSheet>>[] = [];
const loopRuns: Awaited<ReturnType<typeof importBigSheet>>[] = [];
for (let run = 0; run < RUNS_BIG; run++) {
  loopRuns.push(await importBigSheet(false));
  threadRuns.push(await importBigSheet(true));
}
const best = (runs: typeof threadRuns) => [...runs].sort((a, b) => a.importMs - b.importMs)[0]!;
const [thread, loop] = [best(threadRuns), best(loopRuns)];
reportFigure({ bench: 'import', figure: `${BIG_ROWS.toLocaleString('en-US')}-row .xlsx sent in chat, imported, SQLite`, ours: thread.importMs, baseline: loop.importMs, baselineLabel: 'read and parsed on the event loop', unit: 'ms', better: 'lower' });
reportFigure({ bench: 'import', figure: `longest /healthz answer during that import, from when it was due (${thread.healthAnswers} asked, ${thread.healthFailed} not 200)`, ours: thread.healthMaxMs, baseline: loop.healthMaxMs, baselineLabel: 'parsed on the event loop', unit: 'ms', better: 'lower' });
reportFigure({ bench: 'import', figure: 'longest event-loop stall during that import', ours: thread.loopDelayMaxMs, baseline: loop.loopDelayMaxMs, baselineLabel: 'parsed on the event loop', unit: 'ms', better: 'lower' });
console.log(JSON.stringify({ benchmark: `import a ${BIG_ROWS}-row sheet with /healthz watched`, sheetBytes: bigSheet.length, parseThread: threadRuns, eventLoop: loopRuns }));
