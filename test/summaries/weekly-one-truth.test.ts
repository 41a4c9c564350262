/**
 * The weekly card tells one truth (issue 19, items 1 and 2), over the seeds,
 * through the real webhook and the fake Open API, as a group would see it:
 * each figure at its head equals the rows behind its button and the answer
 * to the command it names; a yellow task carries the reason that made it
 * yellow, and the head counts those reasons as the list names them; the
 * by-unit table names each unit once, with its place, collectives apart;
 * each listed task says its plan and its units. Expected figures are
 * worked out from the database rows (test/support/tasks-from-rows.ts) and
 * from what this test itself did, never read from the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/lib/dates.js';
import { cardElements, readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { isOverdue, tasksFromDatabase, unitsInChargeOf, type RowTask } from '../support/tasks-from-rows.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_onetruthonetruth0', encryptKey: 'one-truth-encrypt-key', verificationToken: 'one-truth-verification-token' };
const ADMIN = 'ou_onetruthadmin';
const READER = 'ou_onetruthreader';
type Json = Record<string, unknown>;

/** The reason words a yellow task can carry on the card and in its list. */
const REASONS = ['14天内到期', '受阻', '剩余时限不足三成未报告', '超过30天未更新'] as const;
/** Collective or vague units as the seed documents write them: never ranked as a bureau. */
const COLLECTIVES = ['各市、区政府', '市有关单位', '各镇（街、区）', '各县区政府', '市政府各部门'];

/** A list line without its markup: "第5项 …（逾期 12 天）｜中山2016政务公开要点｜市财政局". */
const plain = (line: string) => line.replace(/<\/?font[^>]*>/g, '');

/** The lines of a card's markdown section headed `heading`, without the heading and the "还有" line. */
function section(card: Json, heading: string): string[] {
  const elements = cardElements(((card.body as { elements: Json[] }).elements ?? []) as Json[]);
  const found = elements.find((element) => element.tag === 'markdown' && String(element.content).startsWith(`**${heading}`));
  if (!found) return [];
  return String(found.content).split('\n').slice(1).filter((line) => !line.startsWith('还有 ')).map(plain);
}

/** A figure of the card's head: "🔴 逾期 69" → 69. */
function figure(text: string, label: string): number {
  const found = new RegExp(`${label} (\\d+)`).exec(text);
  if (!found) throw new Error(`no figure “${label}” in:\n${text}`);
  return Number(found[1]);
}

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`the weekly card tells one truth [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let tasks: RowTask[];
    let quietTask: RowTask;
    let blockedTask: RowTask;
    const group = `oc_one_truth_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'one-truth-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'one-truth-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
      tasks = await tasksFromDatabase(app.db);
      // Two tasks with no deadline at all (nothing to be late for): one last reported 40 days ago, one reported blocked today.
      const undated = tasks.filter((task) => task.deadlines.length === 0 && task.units.length > 0);
      [quietTask, blockedTask] = [undated[0]!, undated[1]!];
      await app.db.repos.progress.append({ taskId: quietTask.id, percent: 20, status: 'in_progress', actor: ADMIN, unitId: quietTask.units[0]!.unitId, at: new Date(Date.now() - 40 * 86_400_000) });
      await app.db.repos.progress.append({ taskId: blockedTask.id, percent: 10, status: 'blocked', actor: ADMIN, unitId: blockedTask.units[0]!.unitId });
      tasks = await tasksFromDatabase(app.db);
    }, 90_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const say = (text: string) => replyTo(app.url, fake, secrets, { text, senderOpenId: READER, chatId: group, chatType: 'group' });
    async function press(value: Json) {
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: READER, chatId: group }), secrets.encryptKey);
      expect(response.status).toBe(200);
      return response.body as { toast?: { content: string }; card?: { data: Json } };
    }
    /** Presses a button and returns the card it sent to the group. */
    async function pressForCard(value: Json): Promise<Json> {
      const before = fake.deliveries.length;
      await press(value);
      return (await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === group && delivery.msgType === 'interactive'))).content;
    }

    it('the head’s figures add up to the tasks, and are the database’s', async () => {
      const card = readCard((await say('/周报')).content);
      const today = dayIn('Asia/Shanghai');
      const open = tasks.filter((task) => task.status !== 'done');
      expect(figure(card.text, '任务')).toBe(tasks.length);
      expect(figure(card.text, '✅ 已完成')).toBe(tasks.length - open.length);
      expect(figure(card.text, '🔴 逾期')).toBe(tasks.filter((task) => isOverdue(task, today)).length);
      const sum = ['✅ 已完成', '🔴 逾期', '🟡 需关注', '🟢 正常'].reduce((total, label) => total + figure(card.text, label), 0);
      expect(sum).toBe(tasks.length);
    });

    it('🔴 逾期 N = the rows behind 查看逾期任务 = the answer to /逾期', async () => {
      const card = readCard((await say('/周报')).content);
      const overdue = figure(card.text, '🔴 逾期');
      expect(overdue).toBeGreaterThan(0);
      expect(card.text).toContain(`**🔴 逾期（${overdue} 项）**`);
      const listed = readCard(await pressForCard(card.buttons[card.labels.indexOf('查看逾期任务')]!));
      expect(listed.title).toBe(`找到 ${overdue} 项任务`);
      expect(readCard((await say('/逾期')).content).title).toBe(`找到 ${overdue} 项任务`);
    });

    it('🟡 需关注 N = every row behind 查看需关注任务, each with the reason the head counts it by, its plan and its units', async () => {
      const weekly = (await say('/周报')).content;
      const card = readCard(weekly);
      const attention = figure(card.text, '🟡 需关注');
      // Our two tasks are yellow for what this test did to them: quiet for 40 days, and blocked.
      expect(attention).toBeGreaterThanOrEqual(2);
      const breakdown = /🟡 需关注：(.+)/.exec(card.text)?.[1] ?? '';
      const headCount = (reason: string) => Number(new RegExp(`${reason} (\\d+)`).exec(breakdown)?.[1] ?? 0);
      expect(headCount('超过30天未更新')).toBe(1);
      expect(headCount('受阻')).toBe(1);
      expect(REASONS.reduce((total, reason) => total + headCount(reason), 0)).toBe(attention);

      // Every page of the list: each yellow task once, with its #id, reason, plan and units.
      let list = await pressForCard(card.buttons[card.labels.indexOf('查看需关注任务')]!);
      expect(readCard(list).title).toBe(`🟡 需关注的任务（${attention} 项）`);
      const rows: { id: number; reason: string; plan: string; units: string }[] = [];
      for (;;) {
        for (const line of readCard(list).text.split('\n').map(plain)) {
          const row = /^\d+\. .*（([^（）]+)）｜(.+)｜(.+)（#(\d+)）$/.exec(line);
          if (row) rows.push({ reason: row[1]!, plan: row[2]!, units: row[3]!, id: Number(row[4]) });
        }
        const next = readCard(list).labels.indexOf('下一页');
        if (next < 0) break;
        list = (await press(readCard(list).buttons[next]!)).card!.data;
      }
      expect(rows).toHaveLength(attention);
      expect(new Set(rows.map((row) => row.id)).size).toBe(attention);
      const reasonOf = (shown: string) => (/天后到期|今天到期/.test(shown) ? '14天内到期' : shown);
      for (const reason of REASONS) expect(rows.filter((row) => reasonOf(row.reason) === reason)).toHaveLength(headCount(reason));
      // 30天未更新 is said of the task quiet for 40 days and of no other; 受阻 of the blocked one.
      expect(rows.filter((row) => row.reason === '超过30天未更新').map((row) => row.id)).toEqual([quietTask.id]);
      expect(rows.filter((row) => row.reason === '受阻').map((row) => row.id)).toEqual([blockedTask.id]);
      // Each row's plan is named by its place, and its units are among those in charge of it.
      const plans = new Map((await app.db.repos.plans.list()).map((plan) => [plan.id, plan]));
      const units = new Map((await app.db.repos.units.list()).map((unit) => [unit.id, unit.name]));
      const byId = new Map(tasks.map((task) => [task.id, task]));
      for (const row of rows) {
        const task = byId.get(row.id)!;
        expect(row.plan.startsWith(plans.get(task.planId)!.jurisdiction.replace(/[市区县]$/, '')), row.plan).toBe(true);
        expect(unitsInChargeOf(task).some((unitId) => row.units.includes(units.get(unitId)!)), row.units).toBe(true);
      }
      // The card's own yellow lines are the list's first rows, with the same reasons, plans and units.
      const shown = section(weekly, '🟡 需关注');
      expect(shown.length).toBe(Math.min(10, attention));
      shown.forEach((line, index) => expect(line.endsWith(`（${rows[index]!.reason}）｜${rows[index]!.plan}｜${rows[index]!.units}`), line).toBe(true));
      expect(card.text).not.toContain('/到期');
    });

    it('任务 N = the rows of 导出台账 = the rows of /导出', async () => {
      const card = readCard((await say('/周报')).content);
      const before = fake.deliveries.length;
      await press(card.buttons[card.labels.indexOf('导出台账')]!);
      const note = await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === READER && delivery.msgType === 'text'));
      expect(String(note.content.text)).toContain(`${tasks.length} 项任务`);
      expect(String((await say('/导出')).content.text)).toContain(`${tasks.length} 项任务`);
    });

    it('each overdue task on the card says its plan (by its place) and its units', async () => {
      const lines = section((await say('/周报')).content, '🔴 逾期');
      expect(lines).toHaveLength(10);
      const places = ['中山', '临沂', '新会', '江门'];
      for (const line of lines) {
        const [, plan, units] = line.split('｜');
        expect(places.some((place) => plan?.startsWith(place)), line).toBe(true);
        expect(units && units.length > 1, line).toBe(true);
      }
    });

    it('the by-unit table: each unit once with its place, grouped by place, collectives in a row of their own, a few rows a place', async () => {
      const weekly = (await say('/周报')).content;
      const elements = cardElements(((weekly.body as { elements: Json[] }).elements ?? []) as Json[]);
      const table = elements.find((element) => element.tag === 'table')!;
      expect((table.columns as { display_name: string }[]).map((column) => column.display_name)).toEqual(['地区', '单位', '牵头', '完成', '逾期', '距上次报告']);
      const rows = table.rows as { place: string; unit: string; overdue: number }[];
      const keys = rows.map((row) => `${row.place} ${row.unit}`);
      expect(new Set(keys).size).toBe(keys.length);
      // Grouped: a place's rows are together.
      const order = rows.map((row) => row.place).filter((place, index, all) => index === 0 || all[index - 1] !== place);
      expect(new Set(order).size).toBe(order.length);
      // The seeds' plans are in four places.
      expect(order.sort()).toEqual(['中山市', '临沂市', '新会区', '江门市'].sort());
      for (const place of order) {
        const own = rows.filter((row) => row.place === place);
        const bureaus = own.filter((row) => !row.unit.endsWith('（统称）'));
        expect(bureaus.length).toBeLessThanOrEqual(3);
        expect(own.length - bureaus.length).toBeLessThanOrEqual(1);
        // Ranked by overdue within the place.
        expect(bureaus.map((row) => row.overdue)).toEqual([...bureaus.map((row) => row.overdue)].sort((a, b) => b - a));
      }
      // No collective unit is ranked as a bureau.
      for (const row of rows) if (!row.unit.endsWith('（统称）')) for (const name of COLLECTIVES) expect(row.unit).not.toBe(name);
      expect(rows.filter((row) => row.unit.endsWith('（统称）')).length).toBeGreaterThanOrEqual(3);
    });
  });
}
