/**
 * Webhook load benchmark: signed, encrypted events in a realistic mix
 * (questions, slash commands, card callbacks) from autocannon in a process
 * of its own, against the running service on loopback; the highest rate it
 * sustains with every request answered 200 and p99 ack under 100 ms, found
 * by stepping the rate up and bisecting. The baseline in the same run is the
 * bare limit: a Koa app with only the SDK's own adaptKoa and an empty
 * handler, fed the same requests. Then the time from an event to its reply
 * reaching the fake Open API, at 40 messages a second (under Lark's 50 a
 * second per app). SQLite; BENCH_POSTGRES_URL adds PostgreSQL.
 */
import type { RunningApp } from '../src/app.js';
import type { FakeLark } from '../test/support/fake-lark.js';
import { messageEvent, postToWebhook } from '../test/support/lark-events.js';
import { BENCH_SECRETS } from './bench-service.js';
import { freshDatabases } from './bench-databases.js';
import { ACK_P99_LIMIT_MS, STEP_SECONDS, bare, ours, sustainedRate, type Step } from './load/steps.js';
import { reportFigure } from './report.js';

const secrets = BENCH_SECRETS;
const REPLY_RATE = 40;
const REPLY_SECONDS = 15;

/** Event → reply at the fake, at REPLY_RATE messages a second for REPLY_SECONDS, open loop. */
async function replyLatency(app: RunningApp, fake: FakeLark): Promise<{ p50: number; p99: number; count: number }> {
  const sentAt = new Map<string, number>();
  const questions = ['市财政局负责什么', '哪些任务逾期了', 'PPP项目谁负责', '/我是谁', '这个月到期的任务'];
  const total = REPLY_RATE * REPLY_SECONDS;
  const started = performance.now();
  const posts: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / REPLY_RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const event = messageEvent(secrets, { text: questions[i % questions.length]!, chatId: `oc_reply_${i % 40}`, senderOpenId: `ou_reply_${i % 40}` });
    sentAt.set(event.event.message.message_id, Date.now());
    posts.push(postToWebhook(app.url, event, secrets.encryptKey));
  }
  await Promise.all(posts);
  const deadline = Date.now() + 120_000;
  const arrived = () => fake.deliveries.filter((delivery) => sentAt.has(delivery.target));
  while (arrived().length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies = arrived()
    .map((delivery) => delivery.at - sentAt.get(delivery.target)!)
    .sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { p50: pick(0.5), p99: pick(0.99), count: latencies.length };
}

const databases = freshDatabases('load');

const baseline = await bare();
const bareResult = await sustainedRate('bare adaptKoa', [baseline.url], [1, 2, 3], async () => undefined);
await baseline.close();

const rows: { provider: string; best: Step | undefined; reply: { p50: number; p99: number; count: number } }[] = [];
const providers = process.env.BENCH_PROVIDERS?.split(',').map((name) => name.trim().toLowerCase());
for (const database of databases.filter((candidate) => !providers || providers.includes(candidate.provider.toLowerCase()))) {
  // The inbound path under load: replies pile up in the outbox meanwhile, with the sender paused — Lark takes
  // at most 50 a second per app, so no rate above that is sent in real time anyway, and bare sends nothing.
  const loaded = await ours(await database.url());
  let best: Step | undefined;
  try {
    await loaded.app.lark!.sender.stop();
    ({ best } = await sustainedRate(`duban ${database.provider}`, [loaded.app.url], loaded.taskIds, () => loaded.app.lark!.processor.idle()));
  } finally {
    await loaded.close();
  }
  // Replies, with the sender running, on a fresh database.
  const fresh = await ours(await database.url());
  try {
    rows.push({ provider: database.provider, best, reply: await replyLatency(fresh.app, fresh.fake) });
  } finally {
    await fresh.close();
    await database.cleanup();
  }
}

const bareBest = bareResult.best;

console.log(`\nWebhook load, ${STEP_SECONDS} s steps; sustained = every request 200 and p99 ack < ${ACK_P99_LIMIT_MS} ms\n`);
console.log('| server | sustained events/s | p50 / p99 ack at that rate | ÷ bare | processed/s at that rate | reply p50 / p99 at 40 msg/s |');
console.log('|---|---|---|---|---|---|');
console.log(`| bare adaptKoa, empty handler | ${bareBest?.rate ?? 0} | ${bareBest?.p50 ?? '-'} / ${bareBest?.p99 ?? '-'} ms | 1.00 | (nothing to process) | — |`);
for (const row of rows) {
  const ratio = row.best && bareBest ? row.best.rate / bareBest.rate : 0;
  console.log(`| duban, ${row.provider} | ${row.best?.rate ?? 0} | ${row.best?.p50 ?? '-'} / ${row.best?.p99 ?? '-'} ms | ${ratio.toFixed(2)} | ${row.best?.processed.toFixed(0) ?? '-'} | ${row.reply.p50} / ${row.reply.p99} ms (${row.reply.count} replies) |`);
  reportFigure({ bench: 'webhook load', figure: `sustained events/s, ${row.provider}`, ours: row.best?.rate ?? 0, baseline: bareBest?.rate ?? 0, baselineLabel: 'bare adaptKoa, empty handler', unit: '/s', better: 'higher' });
  reportFigure({ bench: 'webhook load', figure: `event → reply p99 at 40 msg/s, ${row.provider}`, ours: row.reply.p99, baseline: 3000, baselineLabel: "Lark's 3 s callback budget", unit: 'ms', better: 'lower' });
}
