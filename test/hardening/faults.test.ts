/**
 * Faults around the service: Lark answering with 429 storms, 5xx (some
 * after taking the message), a timeout and an expired token mid-run; every
 * event redelivered 2–5 times in random order to two instances sharing
 * PostgreSQL; PostgreSQL refusing connections for a while. Every reply is
 * delivered once and in its chat's order, every event acted on once, and
 * the service recovers by itself.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent, postToWebhook, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { TEST_POSTGRES_URL, withDatabase } from '../support/test-env.js';
import { until } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_fau1tsfau1tsfau1', encryptKey: 'faults-encrypt-key', verificationToken: 'faults-verification-token' };
const ADMIN = 'ou_faultsadmin';

/** A seeded shuffle, so a failing order can be repeated. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Ids of the tasks the seed plan of 中山 holds, to report on. */
async function zhongshanTaskIds(app: TestApp, count: number): Promise<number[]> {
  const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
  return (await app.db.repos.tasks.listByPlan(plan.id)).slice(0, count).map((task) => task.id);
}

describe('Lark API faults', () => {
  let fake: FakeLark;
  let app: TestApp;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'faults-secret' });
    app = await startTestApp('sqlite', { ...webhookEnv(secrets, 'faults-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN, LOG_LEVEL: 'warn' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('429 storms, 5xx (some after the message was taken), a timeout and an expired token: every reply once, each chat in order', async () => {
    fake.enforceLimits({ perApp: 50, perChat: 5, random429: 0.15, random5xx: 0.1, seed: 7 });
    // One reply answered only after the client's 10 s timeout.
    fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 200, delayMs: 10_500, body: { code: 0, data: { message_id: 'om_never_recorded' } } });
    const started = Date.now();
    const chats = ['oc_faults_a', 'oc_faults_b', 'oc_faults_c'];
    const sent: { chatId: string; messageId: string }[] = [];
    for (let round = 0; round < 5; round++) {
      for (const chatId of chats) {
        const event = messageEvent(secrets, { text: round % 2 === 0 ? '/帮助' : '哪些任务逾期了', chatId });
        expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
        sent.push({ chatId, messageId: event.event.message.message_id });
      }
      if (round === 2) fake.expireTokens();
    }
    await app.lark!.processor.idle();
    const deliveredTo = (messageId: string) => fake.deliveries.filter((delivery) => delivery.target === messageId);
    await until(() => sent.every(({ messageId }) => deliveredTo(messageId).length === 1), 60_000);
    expect(sent.map(({ messageId }) => deliveredTo(messageId).length)).toEqual(sent.map(() => 1));
    // A message Lark took while its answer was lost is sent again (once, by its uuid) after its backoff: wait until every row is settled.
    await until(async () => (await app.db.repos.outbox.backlog()).pending === 0, 60_000);
    // The faults did happen: refusals, errors, and messages taken with the answer lost (sent again by uuid, shown once).
    expect(fake.faults.rateLimited + fake.faults.serverErrors + fake.faults.lostResponses).toBeGreaterThan(3);
    // The hung call held up only its own chat: most replies were out long before its 10 s timeout ended.
    expect(fake.deliveries.filter((delivery) => delivery.at - started < 9_500).length).toBeGreaterThanOrEqual(3);
    // In each chat, the replies arrived in the order they were queued.
    const outbox = await app.db.repos.outbox.list('sent', 10_000);
    for (const chatId of chats) {
      const queued = outbox.filter((row) => row.chatKey === chatId).sort((a, b) => a.id - b.id).map((row) => row.target);
      const arrived = fake.deliveries.filter((delivery) => sent.some((entry) => entry.chatId === chatId && entry.messageId === delivery.target)).map((delivery) => delivery.target);
      expect(arrived).toEqual(queued);
    }
  }, 90_000);
});

describe.skipIf(!TEST_POSTGRES_URL)(`redelivery to two instances on PostgreSQL${TEST_POSTGRES_URL ? '' : ' (skipped: TEST_POSTGRES_URL is not set)'}`, () => {
  let fake: FakeLark;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'faults-secret' });
    first = await startTestApp('postgresql', { ...webhookEnv(secrets, 'faults-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN, LOG_LEVEL: 'warn' });
    second = await startTestApp('postgresql', { ...webhookEnv(secrets, 'faults-secret', fake.url), BOT_ADMINS: ADMIN, LOG_LEVEL: 'warn' }, first.databaseUrl);
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await fake?.close();
  });

  it('each event delivered 2–5 times, shuffled, to either instance: each acted on once', async () => {
    const tasks = await zhongshanTaskIds(first, 12);
    const events = [
      ...tasks.map((taskId, index) => messageEvent(secrets, { text: `/进度 #${taskId} ${(index + 1) * 5}% 第${index + 1}次`, senderOpenId: ADMIN, chatId: 'oc_redeliver' })),
      ...Array.from({ length: 12 }, (_, index) => messageEvent(secrets, { text: index % 2 ? '市财政局负责什么' : '/我是谁', chatId: `oc_redeliver_${index % 3}` })),
    ];
    const copies = events.flatMap((event, index) => Array.from({ length: 2 + (index % 4) }, () => event));
    const deliveries = shuffled(copies, 20261201);
    const audits = await first.db.repos.audit.count('task.progress');
    // Eight at a time, each to one of the two instances.
    for (let at = 0; at < deliveries.length; at += 8) {
      const batch = deliveries.slice(at, at + 8);
      const answers = await Promise.all(batch.map((event, index) => postToWebhook((at + index) % 2 ? second.url : first.url, event, secrets.encryptKey)));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
    }
    await Promise.all([first.lark!.processor.idle(), second.lark!.processor.idle()]);
    const repliesTo = (messageId: string) => fake.deliveries.filter((delivery) => delivery.target === messageId).length;
    await until(() => events.every((event) => repliesTo(event.event.message.message_id) === 1), 30_000);
    expect(events.map((event) => repliesTo(event.event.message.message_id))).toEqual(events.map(() => 1));
    expect(await first.db.repos.audit.count('task.progress')).toBe(audits + tasks.length);
    for (const [index, taskId] of tasks.entries()) {
      const history = await first.db.repos.progress.history(taskId);
      expect(history.filter((entry) => entry.note === `第${index + 1}次`)).toHaveLength(1);
    }
  }, 90_000);
});

describe.skipIf(!TEST_POSTGRES_URL)(`PostgreSQL unavailable for a while${TEST_POSTGRES_URL ? '' : ' (skipped: TEST_POSTGRES_URL is not set)'}`, () => {
  let fake: FakeLark;
  let app: TestApp;
  let database: string;
  const admin = () => new pg.Client({ connectionString: withDatabase(TEST_POSTGRES_URL!, 'postgres') });
  const run = async (sql: string) => {
    const client = admin();
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'faults-secret' });
    app = await startTestApp('postgresql', { ...webhookEnv(secrets, 'faults-secret', fake.url), LOG_LEVEL: 'error' });
    database = new URL(app.databaseUrl).pathname.slice(1);
  }, 60_000);
  afterAll(async () => {
    await run(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await app?.close();
    await fake?.close();
  });

  it('refused connections: webhooks get a 5xx (so Lark sends again), /healthz says so; afterwards it recovers by itself and acts once', async () => {
    await run(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await run(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`);
    const event = messageEvent(secrets, { text: '/帮助', chatId: 'oc_outage' });
    const during = await postToWebhook(app.url, event, secrets.encryptKey);
    expect(during.status).toBeGreaterThanOrEqual(500);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(503);

    await run(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    // Lark delivers the event again; now it is stored, acknowledged and answered once.
    await until(async () => (await fetch(`${app.url}/healthz`)).status === 200, 20_000);
    const after = await postToWebhook(app.url, event, secrets.encryptKey);
    expect(after.status).toBe(200);
    expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
    await until(() => fake.deliveries.some((delivery) => delivery.target === event.event.message.message_id), 20_000);
    await app.lark!.processor.idle();
    await app.lark!.sender.pass();
    expect(fake.deliveries.filter((delivery) => delivery.target === event.event.message.message_id)).toHaveLength(1);
  }, 60_000);
});
