/**
 * The service killed with SIGKILL at random moments, as its own process,
 * and started again on the same database (PostgreSQL when the run has it,
 * SQLite otherwise): during the seed import, and while progress reports
 * pour in and the weekly cards fan out. Afterwards no plan is half there,
 * no report is lost or doubled, and every reply and weekly card reaches
 * Lark exactly once. Lark's part is played as Lark does: an event not
 * acknowledged with 200 is delivered again.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';
import { Database } from '../../src/db/database.js';
import { dueSlot } from '../../src/domain/summaries/weekly-schedule.js';
import { importFiles } from '../../src/imports/import-files.js';
import { buildService, spawnService, type ChildService } from '../support/child-service.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent, postToWebhook, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { TEST_POSTGRES_URL } from '../support/test-env.js';
import { until } from '../support/wait.js';

const provider = TEST_POSTGRES_URL ? 'postgresql' : 'sqlite';
const secrets: ConsoleSecrets = { appId: 'cli_cra5hcra5hcra5hc', encryptKey: 'crash-encrypt-key', verificationToken: 'crash-verification-token' };
const ADMIN = 'ou_crashadmin';
const TIME_ZONE = 'Asia/Shanghai';
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Tasks per plan title of the seeds, imported in this process into a database of its own. */
async function referenceOfSeeds(): Promise<Map<string, number>> {
  const reference = new Map<string, number>();
  const db = await Database.open(await createTestDatabaseUrl('sqlite'));
  for (const result of await importFiles(db, [SEEDS], 'system')) if ('report' in result) reference.set(result.report.title, (await db.repos.tasks.listByPlan(result.report.planId)).length);
  await db.close();
  return reference;
}

/** A seeded sequence of delays, so a failing run can be repeated with CRASH_SEED. */
function randomOf(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe(`SIGKILL at random moments [${provider}]`, () => {
  let fake: FakeLark;
  let databaseUrl: string;
  let service: ChildService | undefined;
  const random = randomOf(Number(process.env.CRASH_SEED ?? 20261201));
  const env = () => ({ ...webhookEnv(secrets, 'crash-secret', fake.url), DATABASE_URL: databaseUrl, BOT_ADMINS: ADMIN, BOT_TIMEZONE: TIME_ZONE, SEED_ON_EMPTY: '1' });
  const start = async () => {
    service = spawnService(env());
    return service.listening;
  };
  const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await Database.open(databaseUrl);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'crash-secret' });
    databaseUrl = await createTestDatabaseUrl(provider);
    await buildService();
  }, 120_000);
  afterAll(async () => {
    await service?.kill();
    await fake?.close();
  });

  it('killed during the seed import: every plan whole after the restart', async () => {
    // Killed once in the middle of the seed import (some plans in, not all), once at a random moment around it.
    service = spawnService(env());
    await until(async () => {
      const count = await withDb((db) => db.repos.plans.count()).catch(() => 0);
      return count >= 1 && count < 5;
    }, 30_000);
    await service.kill();
    const partial = await withDb((db) => db.repos.plans.count());
    expect(partial).toBeLessThan(5);
    service = spawnService(env());
    await new Promise((resolve) => setTimeout(resolve, 1000 + random() * 3000));
    await service.kill();
    // Started for good; meanwhile, what the seeds hold, imported in this process into a database of its own
    // (here, where its blocking the event loop can move no kill).
    const [reference] = await Promise.all([referenceOfSeeds(), start()]);
    expect(reference.size).toBe(5);
    const plans = await withDb((db) => db.repos.plans.list());
    expect(plans.map((plan) => plan.title).sort()).toEqual([...reference.keys()].sort());
    for (const plan of plans) {
      const live = await withDb((db) => db.repos.tasks.listByPlan(plan.id));
      expect({ plan: plan.title, tasks: live.length }).toEqual({ plan: plan.title, tasks: reference.get(plan.title) });
    }
    await service!.kill();
  }, 120_000);

  it('killed while reports arrive and weekly cards fan out: nothing lost, nothing twice', async () => {
    // 120 group chats whose weekly card is due now: about 2.4 s of sending at Lark's 50 a second.
    const calendar = loadChinaCalendar();
    const now = new Date();
    const activeFrom = new Date(now.getTime() - 8 * 86_400_000);
    const weekday = [1, 2, 3, 4, 5, 6, 7].find((day) => dueSlot({ weekday: day, time: '00:00', activeFrom }, now, TIME_ZONE, calendar) !== null)!;
    expect(weekday).toBeDefined();
    const chats = Array.from({ length: 120 }, (_, index) => `oc_crash_weekly_${index}`);
    const tasks = await withDb(async (db) => {
      for (const chatId of chats) await db.repos.subscriptions.upsert({ chatId, weekday, time: '00:00', scope: { planIds: [], unitIds: [] }, createdBy: ADMIN, activeFrom });
      const plan = (await db.repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
      return (await db.repos.tasks.listByPlan(plan.id)).filter((task) => task.kind === 'task').slice(0, 24).map((task) => task.id);
    });
    const events = tasks.map((taskId, index) => messageEvent(secrets, { text: `/进度 #${taskId} ${10 + (index % 9) * 10}% 崩溃测试${index}`, senderOpenId: ADMIN, chatId: `oc_crash_reports_${index % 4}` }));
    const acknowledged = new Set<string>();

    // Reports, one every 80 ms, into a service killed in the middle of both: some reports
    // acknowledged, some weekly cards out, at a random moment after that.
    const url = await start();
    const weeklySent = () => chats.filter((chatId) => fake.deliveries.some((delivery) => delivery.target === chatId)).length;
    const killer = (async () => {
      // (On a loaded machine the reports may be acknowledged slowly while the cards go out: half the cards out is then the moment.)
      await until(() => (acknowledged.size >= 6 && (weeklySent() >= 10 || acknowledged.size >= 14)) || weeklySent() >= chats.length / 2, 30_000);
      await new Promise((resolve) => setTimeout(resolve, random() * 100));
      await service!.kill();
    })();
    const posts: Promise<void>[] = [];
    for (const event of events) {
      posts.push(
        postToWebhook(url, event, secrets.encryptKey).then(
          (answer) => void (answer.status === 200 && acknowledged.add(event.header.event_id)),
          () => undefined,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    await Promise.all(posts);
    await killer;
    const atKill = { acknowledged: acknowledged.size, weekly: weeklySent() };
    expect(atKill.acknowledged).toBeLessThan(events.length);
    expect(atKill.weekly).toBeLessThan(chats.length);

    // The killed instance held the outbox rows it was sending under 60 s leases; they run out (moved to
    // now, as waiting a minute would), so the new instance takes them up: sent once, or again under
    // their uuid if the dead one had sent them, which Lark counts once.
    await withDb(async (db) => {
      const now = new Date();
      for (const message of await db.repos.outbox.list('pending')) {
        if (message.nextAttemptAt > now) await db.repos.outbox.retryAt(message.id, now, message.lastError ?? 'leased by an instance that was killed');
      }
    });

    // Started again, Lark delivers what was not acknowledged, and a few that were (at least once).
    const again = await start();
    const redeliver = [...events.filter((event) => !acknowledged.has(event.header.event_id)), ...events.slice(0, 3)];
    for (const event of redeliver) expect((await postToWebhook(again, event, secrets.encryptKey)).status).toBe(200);

    const repliesTo = (messageId: string) => fake.deliveries.filter((delivery) => delivery.target === messageId).length;
    const weeklyTo = (chatId: string) => fake.deliveries.filter((delivery) => delivery.target === chatId && JSON.stringify(delivery.content).includes('督办周报')).length;
    await until(() => events.every((event) => repliesTo(event.event.message.message_id) >= 1) && chats.every((chatId) => weeklyTo(chatId) >= 1), 60_000);
    // Counted once nothing is left to send: a doubled send would have reached Lark before its row was marked sent.
    await until(async () => (await withDb((db) => db.repos.outbox.backlog())).pending === 0, 60_000);
    expect(events.map((event) => repliesTo(event.event.message.message_id))).toEqual(events.map(() => 1));
    expect(chats.map(weeklyTo)).toEqual(chats.map(() => 1));
    await withDb(async (db) => {
      for (const [index, taskId] of tasks.entries()) {
        const history = await db.repos.progress.history(taskId);
        expect({ taskId, reports: history.filter((entry) => entry.note === `崩溃测试${index}`).length }).toEqual({ taskId, reports: 1 });
      }
      expect(await db.repos.audit.count('task.progress')).toBe(tasks.length);
      expect(await db.repos.audit.count('summary.weekly')).toBe(chats.length);
    });
    // Say where the kill fell.
    console.info(`crash test: killed with ${atKill.acknowledged} of ${events.length} reports acknowledged and ${atKill.weekly} of ${chats.length} weekly cards out`);
  }, 150_000);
});
