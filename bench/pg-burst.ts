/**
 * PostgreSQL under the Monday burst (issue 21, item 2): what one service and
 * two services on one PostgreSQL database acknowledge, each beside the bare
 * adaptKoa limit measured in the same run and split the same way.
 * - the highest sustained rate of the webhook mix (every request 200, p99
 *   ack < 100 ms), one instance, then two instances with the generator's
 *   requests split evenly between them (one generator process each);
 * - card callbacks only at BENCH_CALLBACK_RATE (200/s), for a longer step:
 *   p99 until each is answered with its card (goal < 300 ms), one instance
 *   and two.
 * Each instance runs in a process of its own (bench/load/service-process.ts).
 * The outbox senders are stopped, as in bench/webhook-load.ts (Lark takes 50
 * messages a second per app; the replies wait in the outbox). Needs
 * BENCH_POSTGRES_URL; prints the load average beside each figure.
 */
import { loadavg } from 'node:os';
import { freshDatabases } from './bench-databases.js';
import { bare, serviceProcess, step, sustainedRate, type ServiceProcess, type Step } from './load/steps.js';
import { reportFigure } from './report.js';

const CALLBACK_RATE = Number(process.env.BENCH_CALLBACK_RATE ?? 200);
const CALLBACK_SECONDS = Number(process.env.BENCH_CALLBACK_SECONDS ?? 15);
const CALLBACK_P99_GOAL_MS = 300;

const load = () => loadavg()[0]!.toFixed(1);
const database = freshDatabases('burst').find((candidate) => candidate.provider === 'PostgreSQL');
if (!database) {
  console.log('bench/pg-burst.ts needs BENCH_POSTGRES_URL; nothing measured.');
  process.exit(0);
}

interface Row {
  figure: string;
  ours: Step | undefined;
  baseline: Step | undefined;
  kind: 'rate' | 'callbacks';
  load: string;
}
const rows: Row[] = [];

/** The bare limit with the requests split between `count` servers, as ours are. */
async function bareLimit(count: number): Promise<{ sustained: Step | undefined; callbacks: Step }> {
  const servers = await Promise.all(Array.from({ length: count }, () => bare()));
  try {
    const urls = servers.map((server) => server.url);
    const { best } = await sustainedRate(`bare adaptKoa ×${count}`, urls, [1, 2, 3], async () => undefined);
    const callbacks = await step(`bare adaptKoa ×${count}, callbacks`, urls, CALLBACK_RATE, [1, 2, 3], async () => undefined, 'cards', CALLBACK_SECONDS);
    return { sustained: best, callbacks };
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

try {
  for (const count of [1, 2]) {
    const baseline = await bareLimit(count);
    const url = await database.url();
    // Each instance a process of its own, started one after the other: the first imports the seeds, the second finds them.
    const services: ServiceProcess[] = [];
    for (let n = 0; n < count; n++) services.push(await serviceProcess(url));
    try {
      const urls = services.map((service) => service.url);
      const settle = async () => {
        await Promise.all(services.map((service) => service.idle()));
      };
      const taskIds = services[0]!.taskIds;
      const label = count === 1 ? 'one instance' : 'two instances, one database';
      const startedLoad = load();
      const { best } = await sustainedRate(`duban PostgreSQL, ${label}`, urls, taskIds, settle);
      rows.push({ figure: `sustained events/s, ${label}`, ours: best, baseline: baseline.sustained, kind: 'rate', load: `${startedLoad}–${load()}` });
      const callbackLoad = load();
      const callbacks = await step(`duban PostgreSQL, ${label}, callbacks`, urls, CALLBACK_RATE, taskIds, settle, 'cards', CALLBACK_SECONDS);
      rows.push({ figure: `card callbacks p99 at ${CALLBACK_RATE}/s, ${label}`, ours: callbacks, baseline: baseline.callbacks, kind: 'callbacks', load: `${callbackLoad}–${load()}` });
    } finally {
      for (const service of services) await service.close();
    }
  }
} finally {
  await database.cleanup();
}

console.log(`\nPostgreSQL under the burst; sustained = every request 200 and p99 ack < 100 ms; callbacks goal p99 < ${CALLBACK_P99_GOAL_MS} ms\n`);
console.log('| figure | ours | bare adaptKoa, same split (same run) | load average |');
console.log('|---|---|---|---|');
const show = (row: Row, of: Step | undefined) =>
  !of ? 'none held' : row.kind === 'rate' ? `${of.rate}/s (p50 ${of.p50} / p99 ${of.p99} ms)` : `p99 ${of.p99} ms (p50 ${of.p50} ms; ${of.achieved.toFixed(0)}/s achieved, ${of.failed} failed)`;
for (const row of rows) {
  console.log(`| ${row.figure} | ${show(row, row.ours)} | ${show(row, row.baseline)} | ${row.load} |`);
  if (row.kind === 'rate') reportFigure({ bench: 'pg burst', figure: row.figure, ours: row.ours?.rate ?? 0, baseline: row.baseline?.rate ?? 0, baselineLabel: 'bare adaptKoa, same split', unit: '/s', better: 'higher' });
  else reportFigure({ bench: 'pg burst', figure: row.figure, ours: row.ours?.p99 ?? Number.NaN, baseline: row.baseline?.p99 ?? Number.NaN, baselineLabel: 'bare adaptKoa, same split', unit: 'ms', better: 'lower' });
}
