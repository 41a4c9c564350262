/**
 * The weekly fan-out sent by two instances on one PostgreSQL: one service
 * queues the 1,000 cards, two instances (each its own connection pool, Lark
 * client and outbox sender) deliver them to one fake Open API that enforces
 * Lark's limits (50 a second per app, 5 per chat). Run once with the limiter
 * the service picks on PostgreSQL (shared through the database) and once
 * with a limiter per process, the same-run baseline that lets two instances
 * send twice Lark's rate. Both instances run in this process, on one event
 * loop; the fake runs in a process of its own, as Lark is another machine.
 */
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { LarkApi } from '../src/lark/lark-api.js';
import { OutboxSender } from '../src/lark/outbox-sender.js';
import { SendRateLimiter, type SendLimiter } from '../src/lark/rate-limiter.js';
import { sendLimiterFor } from '../src/lark/shared-send-limiter.js';
import { loadChinaCalendar } from '../src/calendar/china-holidays.js';
import { deliverDueSummaries } from '../src/summaries/weekly-delivery.js';
import { silentLogger } from './bench-service.js';
import { startFakeProcess, type FakeState } from './fake-lark-process.js';

const APP_ID = 'cli_twoinstancesfan0';
const APP_SECRET = 'two-instances-secret';

/** Which send limiter each instance runs. */
export type LimiterKind = 'shared' | 'per-process';

/** What one two-instance run measured. */
export interface TwoInstanceResult {
  limiter: LimiterKind;
  queuedFirst: boolean;
  /** Queueing the cards (one transaction per chat), while the instances already send. */
  queueMs: number;
  /** From the start (of queueing, or of sending when queued first) to the last card delivered. */
  deliverMs: number;
  delivered: number;
  duplicates: number;
  missing: number;
  /** Sends the fake refused for going over Lark's limits (no random faults are injected). */
  rateLimited: number;
  /** Cards each instance delivered. */
  perInstance: number[];
}

/**
 * Queues the weekly card for `chats` chats due at `now` and delivers it from
 * two instances; `databaseUrl` must be a new, empty PostgreSQL database.
 * The instances send while the cards are queued, as the service does; with
 * `queuedFirst` they start once all are queued and the time counts from
 * then, so that it measures the sending alone (queueing runs at 20–100 cards
 * a second on PostgreSQL, depending on the machine's load, and can be the
 * slower half).
 */
export async function runTwoInstances(databaseUrl: string, limiter: LimiterKind, chats: number, now: Date, queuedFirst = false): Promise<TwoInstanceResult> {
  const logger = silentLogger();
  // The queueing service: migrations, seeds, the catalog; no Lark connection, so it sends nothing itself.
  const app = await startApp(loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_ON_EMPTY: '1', CONSOLE: '0' }), logger, {
    clock: () => new Date('2026-11-22T12:00:00+08:00'),
    processMetrics: false,
  });
  const fake = await startFakeProcess(APP_ID, APP_SECRET, { perApp: 50, perChat: 5, random429: 0, random5xx: 0 });
  const instances: { db: Database; sender: OutboxSender; sent: () => number }[] = [];
  try {
    for (let index = 0; index < 2; index++) {
      const db = await Database.open(databaseUrl);
      const api = new LarkApi({ appId: APP_ID, appSecret: APP_SECRET, domain: fake.url, logger });
      const chosen: SendLimiter = limiter === 'shared' ? sendLimiterFor(db, logger) : new SendRateLimiter();
      let sent = 0;
      const counting: typeof api = Object.assign(Object.create(api) as LarkApi, {
        send: async (...args: Parameters<LarkApi['send']>) => {
          const result = await api.send(...args);
          sent++;
          return result;
        },
      });
      const sender = new OutboxSender({ db, api: counting, logger, limiter: chosen });
      instances.push({ db, sender, sent: () => sent });
    }
    const chatIds = Array.from({ length: chats }, (_, index) => `oc_two_${String(index).padStart(5, '0')}`);
    for (const chatId of chatIds) {
      await app.db.repos.subscriptions.upsert({ chatId, weekday: 1, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: 'ou_bench', activeFrom: new Date('2026-11-22T12:00:00+08:00') });
    }
    const startSenders = () => instances.forEach((instance) => instance.sender.start());
    if (!queuedFirst) startSenders();
    let started = performance.now();
    const services = { db: app.db, catalog: app.catalog, calendar: loadChinaCalendar(), timeZone: 'Asia/Shanghai', logger };
    const wakeAll = () => instances.forEach((instance) => instance.sender.wake());
    const queued = await deliverDueSummaries(services, now, wakeAll);
    const queueMs = performance.now() - started;
    if (queued.queued !== chats) throw new Error(`queued ${queued.queued} of ${chats}`);
    if (queuedFirst) {
      started = performance.now();
      startSenders();
    }
    wakeAll();
    const deadline = Date.now() + 10 * 60_000;
    let state: FakeState;
    while (new Set((state = await fake.state()).targets).size < chats || (await app.db.repos.outbox.list('pending', 1)).length > 0) {
      if (Date.now() > deadline) throw new Error('not delivered within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deliverMs = performance.now() - started;
    const perChat = new Map<string, number>();
    for (const target of state.targets) perChat.set(target, (perChat.get(target) ?? 0) + 1);
    return {
      limiter,
      queuedFirst,
      queueMs,
      deliverMs,
      delivered: state.targets.length,
      duplicates: [...perChat.values()].filter((count) => count > 1).length,
      missing: chatIds.filter((chatId) => !perChat.has(chatId)).length,
      rateLimited: state.faults.rateLimited,
      perInstance: instances.map((instance) => instance.sent()),
    };
  } finally {
    for (const instance of instances) await instance.sender.stop();
    for (const instance of instances) await instance.db.close();
    await app.close();
    await fake.close();
  }
}
