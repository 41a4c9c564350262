/**
 * Memory under load, and a leak check: the service (SQLite, seeds, the
 * outbox sender running against the fake Open API) takes the webhook mix
 * at 40 events a second — what it processes and Lark accepts in real time —
 * for BENCH_SOAK_MINUTES (10 by default), one minute at a time. After each
 * minute, with the backlog processed and the replies sent, the heap is
 * measured after a full GC: a leak shows as heap that keeps growing from
 * minute to minute. Run with --expose-gc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SECRETS, startBenchService } from './bench-service.js';
import { reportFigure } from './report.js';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const RATE = 40;
const secrets = BENCH_SECRETS;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mb = (bytes: number) => Math.round(bytes / 1048576);

const dir = mkdtempSync(join(tmpdir(), 'duban-soak-'));
// The fake runs in this process: it keeps only its latest records, so what grows is the service.
const { app, close } = await startBenchService(`file:${dir}/soak.db`, {}, { keepRecords: 1_000 });
const plans = await app.db.repos.plans.list();
const taskIds = (await Promise.all(plans.map((plan) => app.db.repos.tasks.listByPlan(plan.id)))).flat().map((task) => task.id);

/** One minute of load from the generator process. */
function minuteOfLoad(): Promise<{ requests: { total: number }; non2xx: number; errors: number }> {
  const settings = JSON.stringify({ url: app.url, secrets, rate: RATE, seconds: 60, connections: 10, taskIds, admin: 'ou_benchadmin' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/fire.ts', settings], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`generator exited with ${code}`))));
  });
}

/** Heap and RSS once the work of the load is done and garbage collected. */
async function settled() {
  await app.lark!.processor.idle();
  while ((await app.db.repos.outbox.list('pending', 1)).length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const usage = process.memoryUsage();
  return { heapMB: usage.heapUsed / 1048576, rssMB: mb(usage.rss) };
}

const start = await settled();
console.log(`after start (seeds imported): heap ${start.heapMB.toFixed(1)} MB, RSS ${start.rssMB} MB`);
const minutes: { minute: number; events: number; failed: number; heapMB: number; rssMB: number }[] = [];
for (let minute = 1; minute <= MINUTES; minute++) {
  const load = await minuteOfLoad();
  const memory = await settled();
  minutes.push({ minute, events: load.requests.total, failed: load.non2xx + load.errors, ...memory });
  console.log(`minute ${minute}: ${load.requests.total} events, ${load.non2xx + load.errors} failed; heap ${memory.heapMB.toFixed(1)} MB, RSS ${memory.rssMB} MB`);
}
await close();
rmSync(dir, { recursive: true, force: true });

// Least-squares slope of the heap after GC over the minutes after the first (which warms caches up).
const tail = minutes.slice(1);
const meanX = tail.reduce((sum, m) => sum + m.minute, 0) / tail.length;
const meanY = tail.reduce((sum, m) => sum + m.heapMB, 0) / tail.length;
const slope = tail.length > 1 ? tail.reduce((sum, m) => sum + (m.minute - meanX) * (m.heapMB - meanY), 0) / tail.reduce((sum, m) => sum + (m.minute - meanX) ** 2, 0) : 0;
const last = minutes.at(-1)!;
console.log(`\nSoak: ${MINUTES} min at ${RATE} events/s (${minutes.reduce((sum, m) => sum + m.events, 0)} events, ${minutes.reduce((sum, m) => sum + m.failed, 0)} failed)`);
console.log('| | heap after GC | RSS |');
console.log('|---|---|---|');
console.log(`| after start | ${start.heapMB.toFixed(1)} MB | ${start.rssMB} MB |`);
for (const m of minutes) console.log(`| after minute ${m.minute} | ${m.heapMB.toFixed(1)} MB | ${m.rssMB} MB |`);
console.log(`\nheap trend over minutes 2–${MINUTES}: ${slope >= 0 ? '+' : ''}${(slope * 1024).toFixed(0)} KB a minute`);
reportFigure({ bench: 'soak', figure: `RSS after ${MINUTES} min at ${RATE} events/s, SQLite`, ours: last.rssMB, baseline: start.rssMB, baselineLabel: 'RSS after start', unit: 'MB', better: 'lower' });
reportFigure({ bench: 'soak', figure: `heap after GC after ${MINUTES} min, SQLite`, ours: Math.round(last.heapMB), baseline: Math.round(minutes[0]!.heapMB), baselineLabel: 'heap after minute 1', unit: 'MB', better: 'lower' });
