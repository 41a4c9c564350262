/**
 * The pieces the webhook benchmarks share: the generator (bench/load/fire.ts,
 * a process of its own per target, the rate split between targets), the
 * stepping search for the highest sustained rate, the bare adaptKoa server
 * that is every run's baseline, and the service started and warmed up as a
 * running one is.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as lark from '@larksuiteoapi/node-sdk';
import Koa from 'koa';
import { messageEvent, postToWebhook } from '../../test/support/lark-events.js';
import { BENCH_SECRETS, startBenchService, type BenchService } from '../bench-service.js';

/** The admin of the benchmark's service (commands that need a role). */
export const ADMIN = 'ou_benchadmin';
/** Seconds per step. */
export const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
/** A step is sustained when every request is 200 and p99 ack is under this. */
export const ACK_P99_LIMIT_MS = 100;

/** The mix of requests: questions, commands and callbacks (60/20/20), messages only, or card callbacks only. */
export type Mix = 'mixed' | 'messages' | 'cards';

/** What the generator saw (for several targets: totals, and the worst target's latencies). */
export interface FireResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  sent: number;
}

/** One step of a search. */
export interface Step {
  rate: number;
  achieved: number;
  /** Events of the step ÷ (step + time for the backlog to drain): what the processing keeps up with. */
  processed: number;
  p50: number;
  p99: number;
  failed: number;
  drainMs: number;
  ok: boolean;
}

/**
 * Connections the generator keeps open: enough that the rate is offered
 * even when answers are slow. autocannon sends one request per connection
 * at a time, so card callbacks (answered after their transaction and card,
 * tens of ms) need one per two a second or the generator, not the server,
 * sets the rate.
 */
function connectionsFor(rate: number, mix: Mix): number {
  return mix === 'cards' ? Math.min(200, Math.max(10, Math.ceil(rate / 2))) : Math.min(100, Math.max(10, Math.ceil(rate / 20)));
}

/** Runs the generator against one target for `seconds`, in its own process. */
function fireOne(url: string, rate: number, taskIds: number[], mix: Mix, seconds: number): Promise<FireResult> {
  const settings = JSON.stringify({ url, secrets: BENCH_SECRETS, rate, seconds, connections: connectionsFor(rate, mix), taskIds, admin: ADMIN, mix });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/fire.ts', settings], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as FireResult) : reject(new Error(`generator exited with ${code}`))));
  });
}

/**
 * Runs the generator at `rate` overall, split evenly between `urls` (one
 * generator process each, as a load balancer would spread them). Totals are
 * summed; p50 and p99 are the worst target's, so a figure never flatters.
 */
export async function fire(urls: readonly string[], rate: number, taskIds: number[], mix: Mix = (process.env.BENCH_MIX as Mix | undefined) ?? 'mixed', seconds = STEP_SECONDS): Promise<FireResult> {
  const results = await Promise.all(urls.map((url) => fireOne(url, rate / urls.length, taskIds, mix, seconds)));
  return {
    requests: { average: results.reduce((sum, r) => sum + r.requests.average, 0), total: results.reduce((sum, r) => sum + r.requests.total, 0) },
    latency: { p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)) },
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    sent: results.reduce((sum, r) => sum + r.sent, 0),
  };
}

/** One step at `rate`: fired, then the backlog drained by `settle`; judged against the limits. */
export async function step(label: string, urls: readonly string[], rate: number, taskIds: number[], settle: () => Promise<void>, mix?: Mix, seconds = STEP_SECONDS): Promise<Step> {
  const result = await fire(urls, rate, taskIds, mix, seconds);
  const drainStarted = performance.now();
  await settle();
  const failed = result.non2xx + result.errors + result.timeouts;
  const drainMs = performance.now() - drainStarted;
  const done: Step = { rate, achieved: result.requests.total / seconds, processed: result.requests.total / (seconds + drainMs / 1000), p50: result.latency.p50, p99: result.latency.p99, failed, drainMs, ok: false };
  done.ok = failed === 0 && done.p99 < ACK_P99_LIMIT_MS && done.achieved >= 0.95 * rate;
  console.log(`${label}: ${rate}/s → ${done.achieved.toFixed(0)}/s, p50 ${done.p50} ms, p99 ${done.p99} ms, failed ${failed}, backlog drained in ${(drainMs / 1000).toFixed(1)} s (processed ${done.processed.toFixed(0)}/s) ${done.ok ? 'ok' : 'NOT sustained'}`);
  return done;
}

/**
 * The highest rate sustained with p99 ack under the limit and nothing
 * refused: steps doubling from 100/s (after an uncounted warm-up at 50/s)
 * until one fails, then two bisections; BENCH_ONLY_RATE tries one rate.
 */
export async function sustainedRate(label: string, urls: readonly string[], taskIds: number[], settle: () => Promise<void>): Promise<{ best: Step | undefined; steps: Step[] }> {
  const steps: Step[] = [];
  await fire(urls, 50, taskIds);
  await settle();
  const tryRate = async (rate: number) => {
    const done = await step(label, urls, rate, taskIds, settle);
    steps.push(done);
    return done.ok;
  };
  const only = Number(process.env.BENCH_ONLY_RATE ?? 0);
  if (only > 0) {
    await tryRate(only);
    return { best: steps.find((candidate) => candidate.ok), steps };
  }
  let good = 0;
  let bad = 0;
  for (let rate = 100; rate <= 12_800; rate *= 2) {
    if (await tryRate(rate)) good = rate;
    else {
      bad = rate;
      break;
    }
  }
  // Not even the first rate: halve until one holds.
  for (let rate = 50; good === 0 && rate >= 10; rate = Math.round(rate / 2)) {
    if (await tryRate(rate)) good = rate;
    else bad = rate;
  }
  if (good > 0 && bad > 0) {
    for (let round = 0; round < 2; round++) {
      const middle = Math.round((good + bad) / 2 / 10) * 10;
      if (await tryRate(middle)) good = middle;
      else bad = middle;
    }
  }
  return { best: steps.filter((candidate) => candidate.ok).sort((a, b) => b.rate - a.rate)[0], steps };
}

/** The bare limit: the SDK's adaptKoa with an empty handler. */
export async function bare(): Promise<{ url: string; close: () => Promise<void> }> {
  const dispatcher = new lark.EventDispatcher({ encryptKey: BENCH_SECRETS.encryptKey, verificationToken: BENCH_SECRETS.verificationToken, loggerLevel: lark.LoggerLevel.error }).register({
    'im.message.receive_v1': async () => ({}),
    'card.action.trigger': async () => ({}),
  } as Record<string, (data: unknown) => Promise<unknown>>);
  const app = new Koa();
  app.use(lark.adaptKoa('/lark/events', dispatcher, { autoChallenge: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The service on a database, with the seeds, warmed up as a running service is, and the ids of its tasks. */
export async function ours(databaseUrl: string): Promise<BenchService & { taskIds: number[] }> {
  const service = await startBenchService(databaseUrl, { BOT_ADMINS: ADMIN });
  const { app } = service;
  const plans = await app.db.repos.plans.list();
  const taskIds = (await Promise.all(plans.map((plan) => app.db.repos.tasks.listByPlan(plan.id)))).flat().map((task) => task.id);
  // Warm up as a running service is: the question catalog built, the code paths compiled.
  for (const text of ['市财政局负责什么', '哪些任务逾期了', `/任务 #${taskIds[0]}`, '/我的', 'PPP项目谁负责']) {
    await postToWebhook(app.url, messageEvent(BENCH_SECRETS, { text, chatId: 'oc_warmup' }), BENCH_SECRETS.encryptKey);
  }
  await app.lark!.processor.idle();
  return { ...service, taskIds };
}

/** A service instance in a process of its own (bench/load/service-process.ts). */
export interface ServiceProcess {
  url: string;
  taskIds: number[];
  /** Resolves once its processing is settled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an instance in its own process on `databaseUrl`. */
export async function serviceProcess(databaseUrl: string): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/service-process.ts', databaseUrl], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('the service process exited before it listened');
  const { url, taskIds } = JSON.parse(first.value as string) as { url: string; taskIds: number[] };
  let queue = Promise.resolve();
  return {
    url,
    taskIds,
    idle: () =>
      (queue = queue.then(async () => {
        child.stdin!.write('idle\n');
        await lines.next();
      })),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.write('close\n');
      }),
  };
}
