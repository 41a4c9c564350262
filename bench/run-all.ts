/**
 * `npm run bench`: every benchmark of the project, one after another, each
 * in its own process (import, questions at 100,000 tasks, webhook load,
 * PostgreSQL under the burst,
 * weekly fan-out, soak, start time), then one table of every figure beside its baseline
 * from the same run and the ratio. BENCH_POSTGRES_URL adds PostgreSQL to
 * the benchmarks that take it; BENCH_ONLY=import,soak runs some.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './report.js';

const BENCHES: { name: string; file: string; nodeArgs?: string[] }[] = [
  { name: 'import', file: 'bench/import.ts' },
  { name: 'import-pdf', file: 'bench/import-pdf.ts' },
  { name: 'import-far-rows', file: 'bench/import-far-rows.ts' },
  { name: 'questions', file: 'bench/questions.ts', nodeArgs: ['--expose-gc'] },
  { name: 'webhook', file: 'bench/webhook-load.ts' },
  { name: 'burst', file: 'bench/pg-burst.ts' },
  { name: 'freshness', file: 'bench/index-freshness.ts' },
  { name: 'fanout', file: 'bench/weekly-fanout.ts' },
  { name: 'soak', file: 'bench/soak.ts', nodeArgs: ['--expose-gc'] },
  { name: 'start', file: 'bench/start.ts' },
];

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const dir = mkdtempSync(join(tmpdir(), 'duban-benchall-'));
const summary = join(dir, 'figures.jsonl');
const failed: string[] = [];
for (const bench of BENCHES.filter((candidate) => !only || only.includes(candidate.name))) {
  console.log(`\n=== ${bench.name} (${bench.file})\n`);
  const run = spawnSync(process.execPath, [...(bench.nodeArgs ?? []), '--import', 'tsx', bench.file], { stdio: 'inherit', env: { ...process.env, BENCH_SUMMARY: summary } });
  if (run.status !== 0) failed.push(bench.name);
}

const figures = existsSync(summary) ? readFileSync(summary, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure) : [];
rmSync(dir, { recursive: true, force: true });
const show = (value: number, unit: string) => `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
console.log(`\n=== Summary, ${new Date().toISOString().slice(0, 10)}: every figure beside its baseline from the same run\n`);
console.log('| benchmark | figure | ours | baseline | ratio |');
console.log('|---|---|---|---|---|');
for (const f of figures) {
  // The ratio reads "times better": baseline ÷ ours for times and sizes, ours ÷ baseline for rates.
  const ratio = f.better === 'lower' ? f.baseline / f.ours : f.ours / f.baseline;
  console.log(`| ${f.bench} | ${f.figure} | ${show(f.ours, f.unit)} | ${show(f.baseline, f.unit)} (${f.baselineLabel}) | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—'} |`);
}
if (failed.length > 0) {
  console.error(`\nFAILED: ${failed.join(', ')}`);
  process.exitCode = 1;
}
