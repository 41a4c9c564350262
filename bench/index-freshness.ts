/**
 * Freshness of the question index across two instances on one PostgreSQL
 * database (issue 21, item 4): the time from a write's commit at one
 * instance to the other instance hearing of it (LISTEN/NOTIFY; counted from
 * the writer's call returning, so a notice that arrives first counts below
 * zero), and what a
 * question pays for the index's freshness — the catalog's `current()` when
 * nothing changed, with the notices heard (ours) and with the fingerprint
 * look every question would make if it looked each time (the same-run
 * baseline; the 1 s look pays it once a second). An empty database (the
 * look's cost grows with the tasks: 120 ms at 100,000). Needs
 * BENCH_POSTGRES_URL.
 */
import { loadavg } from 'node:os';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { QuestionCatalog } from '../src/domain/questions/question-catalog.js';
import { freshDatabases } from './bench-databases.js';
import { reportFigure } from './report.js';

const WRITES = Number(process.env.FRESHNESS_WRITES ?? 40);
const QUESTIONS = 2_000;
const database = freshDatabases('fresh').find((candidate) => candidate.provider === 'PostgreSQL');
if (!database) {
  console.log('bench/index-freshness.ts needs BENCH_POSTGRES_URL; nothing measured.');
  process.exit(0);
}
const pick = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
try {
  const url = await database.url();
  await migrateDatabase(url);
  const writer = await Database.open(url);
  const reader = await Database.open(url);
  try {
    const catalog = new QuestionCatalog(reader, 60_000);
    await catalog.current();
    while (!reader.hearsOtherInstances()) await new Promise((resolve) => setTimeout(resolve, 20));
    let heard: (() => void) | undefined;
    reader.onIndexedChange(() => heard?.());
    const lags: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const arrived = new Promise<number>((resolve) => (heard = () => resolve(performance.now())));
      await writer.transaction((repos) => repos.units.findOrCreate({ jurisdiction: '新鲜市', name: `新鲜测试局${i}` }));
      const committed = performance.now();
      lags.push((await arrived) - committed);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    heard = undefined;
    await catalog.current();
    lags.sort((a, b) => a - b);
    const timeEach = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < QUESTIONS; i++) await work();
      return (performance.now() - started) / QUESTIONS;
    };
    const heardCost = await timeEach(() => catalog.current());
    const lookCost = await timeEach(() => reader.repos.search.fingerprint());
    console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
    console.log(`commit → other instance hears it: p50 ${pick(lags, 0.5).toFixed(2)} ms, p99 ${pick(lags, 0.99).toFixed(2)} ms, max ${lags[lags.length - 1]!.toFixed(2)} ms (${WRITES} writes)`);
    console.log(`index freshness per question: ${(heardCost * 1000).toFixed(1)} µs heard, against a fingerprint look ${lookCost.toFixed(2)} ms`);
    reportFigure({ bench: 'index freshness', figure: 'commit → other instance hears it, p99', ours: pick(lags, 0.99), baseline: 1000, baselineLabel: 'the 1 s fingerprint look', unit: 'ms', better: 'lower' });
    reportFigure({ bench: 'index freshness', figure: 'freshness cost per question (nothing changed)', ours: heardCost, baseline: lookCost, baselineLabel: 'a fingerprint look', unit: 'ms', better: 'lower' });
  } finally {
    await writer.close();
    await reader.close();
  }
} finally {
  await database.cleanup();
}
