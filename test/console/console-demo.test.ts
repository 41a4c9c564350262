/**
 * The console's demonstration data (演示数据), over its HTTP API as the page
 * uses it: turned on, the seeds come back as plans of their own with every
 * year moved to this year (the service's clock says 2026-07-20), their
 * lights judged by the moved dates, and the weekly card marked 演示数据
 * with the tasks due within 14 days that the seed documents' own deadline
 * text says there are; turned off, they are gone and the seeds' plans are as
 * they were; beside a real Lark app it is refused, and a service started
 * with a real app deletes demonstration plans left in its database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, statusLight } from '../../src/domain/questions/status-light.js';
import { addDays } from '../../src/lib/dates.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { DATABASES } from '../support/databases.js';
import { webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

type Json = Record<string, any>;

const GROUP = 'oc_console_group';
/** The service's "today": a Monday in July, before the scheduler's hour. */
const NOW = new Date('2026-07-20T08:00:00+08:00');
const TODAY = '2026-07-20';
const YEAR = 2026;

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
/** The seed plans as written: each file's text and its year (the first year the document writes before 年). */
const seedPlans = readdirSync(SEEDS)
  .filter((name) => /^\d{3}_.*\.txt$/.test(name))
  .map((name) => {
    const text = readFileSync(`${SEEDS}${name}`, 'utf8');
    return { name, text, year: Number(/((?:19|20)\d{2})\s*年/.exec(text)![1]) };
  });

/** Last day of a month, 'YYYY-MM-DD'. */
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * From the seeds' own text: each "YYYY年M月底" deadline written in them,
 * moved by the years its plan moves to this year, that falls on `today` or
 * within the 14 days after it.
 */
function writtenDeadlinesDueSoon(today: string): string[] {
  const found: string[] = [];
  for (const plan of seedPlans) {
    for (const match of plan.text.matchAll(/((?:19|20)\d{2})年(\d{1,2})月底/g)) {
      const due = monthEnd(Number(match[1]) + YEAR - plan.year, Number(match[2]));
      if (due >= today && due <= addDays(today, DUE_SOON_DAYS)) found.push(`${plan.name}: ${match[0]} → ${due}`);
    }
  }
  return found;
}

async function csrfOf(baseUrl: string): Promise<string> {
  return ((await (await fetch(`${baseUrl}/console/api/state`)).json()) as Json).csrf;
}

async function post(baseUrl: string, path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-csrf': await csrfOf(baseUrl) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

const stateOf = async (baseUrl: string): Promise<Json> => (await (await fetch(`${baseUrl}/console/api/state`)).json()) as Json;
const messagesOf = async (baseUrl: string, chatId = GROUP): Promise<Json[]> => ((await (await fetch(`${baseUrl}/console/api/messages?chatId=${chatId}&after=0`)).json()) as Json).messages;

/** Waits for the first bot message in the chat after `after` that `match` accepts. */
async function botMessage(baseUrl: string, match: (message: Json) => boolean, after: number, chatId = GROUP): Promise<Json> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await messagesOf(baseUrl, chatId)).find((message) => message.seq > after && message.sender.kind === 'bot' && match(message));
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the bot did not answer in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every text a card shows, joined. */
const textsOf = (card: unknown): string => {
  if (Array.isArray(card)) return card.map(textsOf).join('\n');
  if (!card || typeof card !== 'object') return typeof card === 'string' ? card : '';
  return Object.entries(card as Json)
    .map(([key, value]) => (key === 'content' && typeof value === 'string' ? value : textsOf(value)))
    .join('\n');
};

for (const { provider, available } of DATABASES) describe.skipIf(!available)(`console demonstration data (演示数据) [${provider}]`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(provider, { CONSOLE: '1', SEED_ON_EMPTY: '1' }, undefined, { clock: () => NOW });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('turned on, imports the seeds again as demonstration plans moved to this year; the seeds stay as they were', async () => {
    const before = await stateOf(app.url);
    expect(before.demo).toMatchObject({ available: true, on: false });
    const real = await app.db.repos.plans.list();

    const on = await post(app.url, '/console/api/demo', { on: true });
    expect(on.status).toBe(200);
    expect(on.body.demo).toMatchObject({ available: true, on: true, year: YEAR });
    expect(on.body.demo.plans).toHaveLength(seedPlans.length);
    for (const plan of on.body.demo.plans) expect(plan.title).toMatch(/^【演示】/);

    const plans = await app.db.repos.plans.list();
    const demo = plans.filter((plan) => plan.demo);
    expect(demo.map((plan) => plan.year)).toEqual(seedPlans.map(() => YEAR));
    // A plan whose title wrote its year now writes this year's.
    const zhongshan = demo.find((plan) => plan.sourceName === seedPlans[0]!.name)!;
    expect(zhongshan.title).toBe(`【演示】${/^.+$/m.exec(seedPlans[0]!.text)![0].trim().replace(String(seedPlans[0]!.year), String(YEAR))}`);
    // The seeds' own plans are untouched.
    expect(plans.filter((plan) => !plan.demo).map(({ id, title, year, sourceHash }) => ({ id, title, year, sourceHash }))).toEqual(real.map(({ id, title, year, sourceHash }) => ({ id, title, year, sourceHash })));

    // Turning it on again replaces the demonstration: still one per seed.
    const again = await post(app.url, '/console/api/demo', { on: true });
    expect(again.body.demo.plans).toHaveLength(seedPlans.length);
    expect((await app.db.repos.plans.listDemo()).length).toBe(seedPlans.length);
  }, 120_000);

  it("a demonstration task's light follows its moved deadline against a fixed today", async () => {
    const catalog = await app.catalog.current();
    const plan = catalog.index.allPlans().find((candidate) => candidate.demo && candidate.title.includes(`${YEAR}年政务公开工作要点分工方案`) && candidate.title.includes('中山市'))!;
    expect(plan).toBeDefined();
    const tasks = catalog.index.tasksOfPlan(plan.id);
    const withDeadline = (raw: string) => tasks.find((task) => task.deadlineRaw === raw)!;
    // The seed says 2016年7月底前完成, 2016年12月底前完成 and 中考3月 高考11月 (a 2016 plan): moved ten years.
    const july = withDeadline(`${YEAR}年7月底前完成`);
    const december = withDeadline(`${YEAR}年12月底前完成`);
    const march = tasks.find((task) => task.deadlineRaw.startsWith('中考3月'))!;
    expect(july.dueDates[0]).toBe(`${YEAR}-07-31`);
    expect(statusLight(july, TODAY)).toBe('yellow'); // 11 days left
    expect(statusLight(july, '2026-08-03')).toBe('red');
    expect(statusLight(july, '2026-06-01')).toBe('green');
    expect(statusLight(december, TODAY)).toBe('green');
    expect(statusLight(december, '2026-12-20')).toBe('yellow');
    expect(statusLight(march, TODAY)).toBe('red');
    // The same task of the seed's own 2016 plan is 逾期 whatever the day.
    const seedPlan = catalog.index.allPlans().find((candidate) => !candidate.demo && candidate.title === plan.title.replace('【演示】', '').replace(String(YEAR), '2016'))!;
    const seedJuly = catalog.index.tasksOfPlan(seedPlan.id).find((task) => task.deadlineRaw === '2016年7月底前完成')!;
    expect(statusLight(seedJuly, TODAY)).toBe('red');
  });

  it("a demonstration task's card says 演示数据; the same task of the seed's own plan does not", async () => {
    const catalog = await app.catalog.current();
    const demoPlan = catalog.index.allPlans().find((plan) => plan.demo)!;
    const seedPlan = catalog.index.allPlans().find((plan) => !plan.demo && plan.title.replace(/\d{4}/g, '') === demoPlan.title.replace('【演示】', '').replace(/\d{4}/g, ''))!;
    const first = (planId: number) => catalog.index.tasksOfPlan(planId).find((task) => catalog.index.isLeaf(task.id))!;
    const chat = 'oc_console_p2p_member';
    const ask = async (taskId: number) => {
      const latest = Math.max(0, ...(await messagesOf(app.url, chat)).map((message) => message.seq));
      const sent = await post(app.url, '/console/api/messages', { as: 'ou_console_member', chatId: chat, text: `任务 #${taskId}` });
      expect(sent.status).toBe(200);
      return textsOf((await botMessage(app.url, (message) => message.msgType === 'interactive', latest, chat)).content);
    };
    const demoCard = await ask(first(demoPlan.id).id);
    expect(demoCard).toContain('演示数据');
    expect(demoCard).toContain('【演示】');
    expect(await ask(first(seedPlan.id).id)).not.toContain('演示数据');
  }, 60_000);

  it('the weekly card of the demonstration says 演示数据 and counts the tasks its documents say are due within 14 days', async () => {
    const written = writtenDeadlinesDueSoon(TODAY);
    expect(written.length).toBeGreaterThan(0); // the day is chosen so that the seeds' text has deadlines in the next 14 days
    const latest = Math.max(0, ...(await messagesOf(app.url)).map((message) => message.seq));
    const run = await post(app.url, '/console/api/weekly', { chatId: GROUP });
    expect(run.status).toBe(200);
    const card = await botMessage(app.url, (message) => String(message.content?.header?.title?.content ?? '').includes('督办周报'), latest);
    const text = textsOf(card.content);
    expect(text).toContain('演示数据');
    const dueSoon = Number(/14\s*天内到期\D{0,4}(\d+)/.exec(text)?.[1]);
    // Each deadline the documents write falls to at least one task (a task's sub-requirements share their row's deadline).
    expect(dueSoon).toBeGreaterThanOrEqual(written.length);
    // Only the demonstration plans: none of the seeds' own 2016–2018 tasks, all long overdue, is on it.
    expect(text).not.toMatch(/逾期 3\d{3} 天/);
  }, 60_000);

  it('turned off, deletes the demonstration plans with their tasks', async () => {
    const off = await post(app.url, '/console/api/demo', { on: false });
    expect(off.status).toBe(200);
    expect(off.body.demo).toMatchObject({ on: false, plans: [] });
    expect(await app.db.repos.plans.listDemo()).toEqual([]);
    expect((await app.db.repos.plans.list()).length).toBe(seedPlans.length);
    const catalog = await app.catalog.current();
    expect(catalog.index.allPlans().some((plan) => plan.demo)).toBe(false);
  });
});

describe('demonstration data beside a real Lark app', () => {
  const secrets: ConsoleSecrets = { appId: 'cli_d3m0d3m0d3m0d3m0', encryptKey: 'demo-encrypt-key', verificationToken: 'demo-verification-token' };
  let fake: FakeLark;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'demo-secret' });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('is refused in Chinese, and demonstration plans left in the database are deleted at start', async () => {
    // A console on its own makes the demonstration, then the same database gets a real app.
    const alone = await startTestApp('sqlite', { CONSOLE: '1', SEED_ON_EMPTY: '1' }, undefined, { clock: () => NOW });
    let databaseUrl: string;
    try {
      expect((await post(alone.url, '/console/api/demo', { on: true })).status).toBe(200);
      expect((await alone.db.repos.plans.listDemo()).length).toBe(seedPlans.length);
      databaseUrl = alone.databaseUrl;
    } finally {
      await alone.close();
    }

    const both = await startTestApp('sqlite', { ...webhookEnv(secrets, 'demo-secret', fake.url), CONSOLE: '1' }, databaseUrl, { clock: () => NOW });
    try {
      expect(await both.db.repos.plans.listDemo()).toEqual([]);
      expect((await both.db.repos.plans.list()).length).toBe(seedPlans.length);
      expect((await stateOf(both.url)).demo).toMatchObject({ available: false, on: false });
      const refused = await post(both.url, '/console/api/demo', { on: true });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toContain('演示数据只能在没有配置飞书应用的本地控制台中使用');
      expect(await both.db.repos.plans.listDemo()).toEqual([]);
    } finally {
      await both.close();
    }
  }, 120_000);
});
