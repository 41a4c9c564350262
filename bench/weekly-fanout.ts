/**
 * Weekly fan-out benchmark: 1,000 subscribed group chats get their weekly
 * card through the real service — delivery (claims, cards, outbox), the
 * outbox sender and the real Lark SDK — and a local fake of the Open API
 * that enforces Lark's send limits (50 a second per app, 5 per chat,
 * refused with 429 and x-ogw-ratelimit-reset) and, in the second run,
 * injects faults: 2% random 429s and 2% 5xx, half of those after the
 * message was taken (the answer lost, so only the uuid keeps it single).
 * Reports the time against the rate-limit floor (1,000 ÷ 50/s = 20 s), and
 * checks zero duplicates and zero missing. SQLite; BENCH_POSTGRES_URL adds
 * PostgreSQL, and there the same fan-out from two instances on one database
 * (two-instance-fanout.ts): the send limit shared through PostgreSQL beside
 * a limiter per process, counting the 429s our own over-sending causes.
 */
import { Writable } from 'node:stream';
import { freshDatabases } from './bench-databases.js';
import { reportFigure } from './report.js';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/lib/logger.js';
import { deliverDueSummaries } from '../src/summaries/weekly-delivery.js';
import { loadChinaCalendar } from '../src/calendar/china-holidays.js';
import type { SendLimits } from '../test/support/fake-lark.js';
import { silentLogger, startBenchService } from './bench-service.js';
import { runTwoInstances, type TwoInstanceResult } from './two-instance-fanout.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 1_000);
const APP_RATE = 50;
/** Monday 23 November 2026, 09:00:05 in Beijing: every chat's card is due. */
const NOW = new Date('2026-11-23T09:00:05+08:00');

interface RunResult {
  label: string;
  queueMs: number;
  deliverMs: number;
  delivered: number;
  duplicates: number;
  missing: number;
  faults: { rateLimited: number; serverErrors: number; lostResponses: number };
}

async function run(label: string, databaseUrl: string, limits: SendLimits): Promise<RunResult> {
  // The scheduler's own clock stays before the slot: the benchmark runs the delivery itself, to time it.
  const { app, fake, close } = await startBenchService(databaseUrl, {}, { clock: () => new Date('2026-11-22T12:00:00+08:00') });
  fake.enforceLimits(limits);
  try {
    const chats = Array.from({ length: CHATS }, (_, index) => `oc_bench_${String(index).padStart(5, '0')}`);
    for (const chatId of chats) {
      await app.db.repos.subscriptions.upsert({ chatId, weekday: 1, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: 'ou_bench', activeFrom: new Date('2026-11-22T12:00:00+08:00') });
    }
    const started = performance.now();
    const services = { db: app.db, catalog: app.catalog, calendar: loadChinaCalendar(), timeZone: 'Asia/Shanghai', logger: silentLogger() };
    // As the scheduler does: the sender is woken as cards are queued.
    const queued = await deliverDueSummaries(services, NOW, () => app.lark!.sender.wake());
    const queueMs = performance.now() - started;
    if (queued.queued !== CHATS) throw new Error(`queued ${queued.queued} of ${CHATS}`);
    app.lark!.sender.wake();
    const deadline = Date.now() + 10 * 60_000;
    while (new Set(fake.deliveries.map((delivery) => delivery.target)).size < CHATS || (await app.db.repos.outbox.list('pending', 1)).length > 0) {
      if (Date.now() > deadline) throw new Error('not delivered within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deliverMs = performance.now() - started;
    const perChat = new Map<string, number>();
    for (const delivery of fake.deliveries) perChat.set(delivery.target, (perChat.get(delivery.target) ?? 0) + 1);
    return {
      label,
      queueMs,
      deliverMs,
      delivered: fake.deliveries.length,
      duplicates: [...perChat.values()].filter((count) => count > 1).length,
      missing: chats.filter((chatId) => !perChat.has(chatId)).length,
      faults: { ...fake.faults },
    };
  } finally {
    await close();
  }
}

const floorMs = (CHATS / APP_RATE) * 1000;
const results: (RunResult & { provider: string })[] = [];
const twoInstances: TwoInstanceResult[] = [];
for (const database of freshDatabases('fanout')) {
  try {
    if (database.provider === 'PostgreSQL') {
      // Queued first: the sending alone, the limiters side by side; then as the service runs, sending while queueing.
      for (const [limiter, queuedFirst] of [['per-process', true], ['shared', true], ['shared', false]] as const) {
        const result = await runTwoInstances(await database.url(), limiter, CHATS, NOW, queuedFirst);
        twoInstances.push(result);
        console.log(`PostgreSQL, two instances, ${limiter} send limit${queuedFirst ? ', queued first' : ''}: all delivered in ${(result.deliverMs / 1000).toFixed(1)} s, ${result.rateLimited} refused with 429`);
      }
    }
    for (const [label, limits] of [
      ['limits only', { perApp: APP_RATE, perChat: 5, random429: 0, random5xx: 0 }],
      ['limits + 2% 429 + 2% 5xx', { perApp: APP_RATE, perChat: 5, random429: 0.02, random5xx: 0.02, seed: 7 }],
    ] as const) {
      const result = await run(label, await database.url(), limits);
      results.push({ ...result, provider: database.provider });
      console.log(`${database.provider} ${label}: queued in ${(result.queueMs / 1000).toFixed(1)} s, all delivered in ${(result.deliverMs / 1000).toFixed(1)} s`);
    }
  } finally {
    await database.cleanup();
  }
}

console.log(`\nWeekly card to ${CHATS} chats; rate-limit floor ${CHATS} ÷ ${APP_RATE}/s = ${(floorMs / 1000).toFixed(1)} s\n`);
console.log('| database | run | queue | queue + deliver | ÷ floor | delivered | duplicates | missing | 429 | 5xx refused | 5xx after taking |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.provider} | ${r.label} | ${(r.queueMs / 1000).toFixed(1)} s | ${(r.deliverMs / 1000).toFixed(1)} s | ${(r.deliverMs / floorMs).toFixed(2)} | ${r.delivered} | ${r.duplicates} | ${r.missing} | ${r.faults.rateLimited} | ${r.faults.serverErrors} | ${r.faults.lostResponses} |`,
  );
}
if (twoInstances.length > 0) {
  console.log('\nTwo instances on one PostgreSQL, the fake enforcing 50/s per app and 5/s per chat, no random faults:\n');
  console.log('| send limit | run | queue | deliver (from the start of sending) | ÷ floor | delivered | duplicates | missing | 429 (our over-sending) | sent by each instance |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of twoInstances) {
    console.log(`| ${r.limiter} | ${r.queuedFirst ? 'queued first' : 'sending while queueing'} | ${(r.queueMs / 1000).toFixed(1)} s | ${(r.deliverMs / 1000).toFixed(1)} s | ${(r.deliverMs / floorMs).toFixed(2)} | ${r.delivered} | ${r.duplicates} | ${r.missing} | ${r.rateLimited} | ${r.perInstance.join(' + ')} |`);
  }
  const baseline = twoInstances.find((r) => r.limiter === 'per-process' && r.queuedFirst);
  const shared = twoInstances.find((r) => r.limiter === 'shared' && r.queuedFirst);
  if (baseline && shared) {
    reportFigure({ bench: 'weekly fan-out', figure: `${CHATS} chats, PostgreSQL, two instances, shared send limit, queued first`, ours: Math.round(shared.deliverMs), baseline: floorMs, baselineLabel: `${CHATS} ÷ ${APP_RATE}/s rate-limit floor`, unit: 'ms', better: 'lower' });
    reportFigure({ bench: 'weekly fan-out', figure: `${CHATS} chats, PostgreSQL, two instances, 429s from our own over-sending`, ours: shared.rateLimited, baseline: baseline.rateLimited, baselineLabel: 'a send limit per process', unit: '429s', better: 'lower' });
  }
}
for (const r of results) {
  reportFigure({ bench: 'weekly fan-out', figure: `${CHATS} chats, ${r.provider}, ${r.label}`, ours: Math.round(r.deliverMs), baseline: floorMs, baselineLabel: `${CHATS} ÷ ${APP_RATE}/s rate-limit floor`, unit: 'ms', better: 'lower' });
}
if (results.some((r) => r.duplicates > 0 || r.missing > 0) || twoInstances.some((r) => r.duplicates > 0 || r.missing > 0)) {
  console.error('FAILED: duplicates or missing cards');
  process.exitCode = 1;
}
