/**
 * Counts, rates and rankings asked in chat, end to end (issue 17): the five
 * seeds imported on first start, a few tasks closed with /完成 by an
 * administrator, each question sent as Lark would to the real webhook route
 * and the answer read back from the card the real SDK sent to the fake Open
 * API. Every figure the test expects is computed here from the database's
 * rows — a task is a leaf (a node without sub-items, never a heading) with its parent's units
 * and deadlines where it names none — never from the bot's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/lib/dates.js';
import type { SearchRows } from '../../src/repositories/search-repository.js';
import { readCard, type ReadCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_5tat5tat5tat5tat', encryptKey: 'stats-encrypt-key', verificationToken: 'stats-verification-token' };
const ADMIN = 'ou_statsadmin';
const TIME_ZONE = 'Asia/Shanghai';
/** Bodies named for many units at once ("各镇区", "市有关单位"): never ranked. */
const COLLECTIVE = /^各|各(部门|直属|镇|县|区|级|地|科室|单位)|有关|相关|所有/;
/** The city each plan's place lies in. */
const CITY: Record<string, string> = { 中山市: '中山市', 临沂市: '临沂市', 江门市: '江门市', 新会区: '江门市' };

/** A task as the test counts it, from the rows alone. */
interface Leaf {
  id: number;
  planId: number;
  done: boolean;
  overdue: boolean;
  unitIds: number[];
}

/** The leaves of every plan, with inherited units and deadlines, judged on `today`. */
function leavesOf(rows: SearchRows, today: string): Leaf[] {
  const byId = new Map(rows.tasks.map((task) => [task.id, task]));
  const parents = new Set(rows.tasks.map((task) => task.parentId).filter((id) => id !== null));
  const unitsOf = (id: number): number[] => {
    const own = rows.links.filter((link) => link.taskId === id).map((link) => link.unitId);
    const parent = byId.get(id)?.parentId;
    return own.length > 0 || parent === null || parent === undefined ? own : unitsOf(parent);
  };
  const dueOf = (id: number): string[] => {
    const own = rows.deadlines.filter((deadline) => deadline.taskId === id);
    const parent = byId.get(id)?.parentId;
    if (own.length === 0 && parent !== null && parent !== undefined) return dueOf(parent);
    return own.map((deadline) => deadline.dueOn).filter((day): day is string => day !== null).sort();
  };
  return rows.tasks
    .filter((task) => !parents.has(task.id) && task.kind !== 'category')
    .map((task) => {
      const done = task.status === 'done';
      const due = dueOf(task.id);
      return { id: task.id, planId: task.planId, done, overdue: !done && due.length > 0 && due[0]! < today, unitIds: unitsOf(task.id) };
    });
}

const percent = (done: number, tasks: number) => Math.round((done / tasks) * 100);

/** The rows of the card's table, as the reader sees them. */
function tableOf(card: Record<string, unknown>): Record<string, string | number>[] {
  const elements = (card.body as { elements: Record<string, unknown>[] }).elements;
  const table = elements.find((element) => element.tag === 'table');
  return (table?.rows as Record<string, string | number>[] | undefined) ?? [];
}

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`counts, rates and rankings in chat [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let leaves: Leaf[];
    let rows: SearchRows;
    const chatId = `oc_stats_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'stats-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'stats-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN, BOT_TIMEZONE: TIME_ZONE });
      // Close a few tasks the way people do: three of 临沂's, one of 中山's 市财政局, one of 江门's.
      for (const [plan, key] of [['临沂', '6'], ['临沂', '7'], ['临沂', '15'], ['中山市贯彻落实', '8'], ['江门市政务公开', '11']] as const) {
        const found = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes(plan))!;
        const task = (await app.db.repos.tasks.listByPlan(found.id)).find((candidate) => candidate.key === key)!;
        const reply = await replyTo(app.url, fake, secrets, { text: `/完成 #${task.id} 已在政府网站公开`, senderOpenId: ADMIN, chatId });
        expect(String(reply.content.text)).toContain('已办结');
      }
      rows = await app.db.repos.search.loadRows();
      leaves = leavesOf(rows, dayIn(TIME_ZONE));
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    async function ask(text: string): Promise<ReadCard & { card: Record<string, unknown>; table: Record<string, string | number>[] }> {
      const delivery = await replyTo(app.url, fake, secrets, { text, chatId, senderOpenId: 'ou_statsreader' });
      expect(delivery.msgType).toBe('interactive');
      return { ...readCard(delivery.content), card: delivery.content, table: tableOf(delivery.content) };
    }
    const planOf = (planId: number) => rows.plans.find((plan) => plan.id === planId)!;
    const unitsNamed = (name: string, jurisdiction?: string) => new Set(rows.units.filter((unit) => unit.name === name && (!jurisdiction || unit.jurisdiction === jurisdiction)).map((unit) => unit.id));
    const ofUnits = (ids: Set<number>) => leaves.filter((leaf) => leaf.unitIds.some((id) => ids.has(id)));

    it('中山市有多少项任务: the leaves of 中山市’s plans, with a table by plan', async () => {
      const inZhongshan = leaves.filter((leaf) => planOf(leaf.planId).jurisdiction === '中山市');
      const answer = await ask('中山市有多少项任务');
      expect(answer.title).toBe(`共 ${inZhongshan.length} 项任务`);
      expect(answer.text).toContain('我的理解：地区：中山市');
      const byPlan = rows.plans.filter((plan) => plan.jurisdiction === '中山市').map((plan) => ({ name: plan.title, tasks: inZhongshan.filter((leaf) => leaf.planId === plan.id).length }));
      expect(answer.table.map((row) => ({ name: row.name, tasks: row.tasks }))).toEqual(expect.arrayContaining(byPlan));
      expect(answer.table).toHaveLength(byPlan.length);
    });

    it('市财政局的任务完成了多少, 中山市财政局的完成率: done tasks and done ÷ all, with the definition', async () => {
      const finance = ofUnits(unitsNamed('市财政局'));
      const done = finance.filter((leaf) => leaf.done).length;
      expect(done).toBeGreaterThan(0);
      const answer = await ask('市财政局的任务完成了多少');
      expect(answer.title).toBe(`已完成 ${done} 项`);
      expect(answer.text).toContain(`共 ${finance.length} 项任务，已完成 ${done} 项`);

      const zhongshan = ofUnits(unitsNamed('市财政局', '中山市'));
      const rate = await ask('中山市财政局的完成率');
      expect(rate.title).toBe(`完成率 ${percent(zhongshan.filter((leaf) => leaf.done).length, zhongshan.length)}%`);
      expect(rate.text).toContain('完成率 = 已完成的任务 ÷ 全部任务');

      // The button lists the tasks behind the figure: the done ones.
      const button = answer.buttons.find((value) => value.action === 'answer_page')!;
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value: button, chatId }), secrets.encryptKey);
      expect(readCard((response.body.card as { data: Record<string, unknown> }).data).title).toBe(`找到 ${done} 项任务`);
    });

    it('哪个单位任务最多, 逾期最多的单位: units ranked by their tasks, collectives left out, ties sharing a place', async () => {
      const counts = (pick: (leaf: Leaf) => boolean) => {
        const tally = new Map<number, number>();
        for (const leaf of leaves.filter(pick)) for (const id of new Set(leaf.unitIds)) tally.set(id, (tally.get(id) ?? 0) + 1);
        return [...tally].filter(([id]) => !COLLECTIVE.test(rows.units.find((unit) => unit.id === id)!.name)).sort((a, b) => b[1] - a[1]);
      };
      const nameOf = (id: number) => {
        const unit = rows.units.find((candidate) => candidate.id === id)!;
        return `${unit.name}（${unit.jurisdiction}）`;
      };

      const most = counts(() => true);
      const answer = await ask('哪个单位任务最多');
      expect(answer.title).toBe('任务最多的单位');
      expect(answer.table.slice(0, 10).map((row) => row.tasks)).toEqual(most.slice(0, 10).map(([, count]) => count));
      const top = most.filter(([, count]) => count === most[0]![1]).map(([id]) => nameOf(id));
      expect(answer.table.filter((row) => row.rank === 1).map((row) => row.name).sort()).toEqual(top.sort());
      expect(answer.table.some((row) => COLLECTIVE.test(String(row.name)))).toBe(false);
      // Equal counts share a place: the rank is one more than the rows above with more.
      for (const row of answer.table) expect(row.rank).toBe(1 + answer.table.filter((other) => Number(other.tasks) > Number(row.tasks)).length);

      const late = counts((leaf) => leaf.overdue);
      const overdue = await ask('逾期最多的单位');
      expect(overdue.title).toBe('逾期任务最多的单位');
      expect(overdue.table[0]!.overdue).toBe(late[0]![1]);
      expect(late.filter(([, count]) => count === late[0]![1]).map(([id]) => nameOf(id))).toContain(overdue.table[0]!.name);
    });

    it('中山逾期的是哪几个单位的: the units of the tasks asked about, counted, each in the table, collectives left out', async () => {
      const late = leaves.filter((leaf) => leaf.overdue && planOf(leaf.planId).jurisdiction === '中山市');
      const ids = [...new Set(late.flatMap((leaf) => leaf.unitIds))].filter((id) => !COLLECTIVE.test(rows.units.find((unit) => unit.id === id)!.name));
      expect(ids.length).toBeGreaterThan(0);
      const answer = await ask('中山逾期的是哪几个单位的');
      expect(answer.title).toContain(String(ids.length));
      expect(answer.table.map((row) => String(row.name)).sort()).toEqual(ids.map((id) => `${rows.units.find((unit) => unit.id === id)!.name}（中山市）`).sort());
    });

    it('临沂 跟财政局一起牵头的是哪几家单位: the other units leading the tasks its 财政局 leads, never 财政局 itself', async () => {
      const byId = new Map(rows.tasks.map((task) => [task.id, task]));
      const leadsOf = (id: number): number[] => {
        const own = rows.links.filter((link) => link.taskId === id);
        const parent = byId.get(id)?.parentId;
        if (own.length === 0 && parent !== null && parent !== undefined) return leadsOf(parent);
        return own.filter((link) => link.role === 'lead').map((link) => link.unitId);
      };
      const finance = unitsNamed('市财政局', '临沂市');
      const shared = leaves.filter((leaf) => planOf(leaf.planId).jurisdiction === '临沂市' && leadsOf(leaf.id).some((id) => finance.has(id)));
      const partners = [...new Set(shared.flatMap((leaf) => leadsOf(leaf.id)))].filter((id) => !finance.has(id) && !COLLECTIVE.test(rows.units.find((unit) => unit.id === id)!.name));
      expect(partners.length).toBeGreaterThan(1);
      const answer = await ask('临沂那边 跟财政局一起牵头的都是哪几家单位');
      expect(answer.table.map((row) => String(row.name)).sort()).toEqual(partners.map((id) => `${rows.units.find((unit) => unit.id === id)!.name}（临沂市）`).sort());
      expect(answer.text).toContain('同为牵头的其他单位');
    });

    it('中山市财政局的平均进度: the mean last reported percent of its tasks, a done one counting 100, one never reported 0', async () => {
      const zhongshan = ofUnits(unitsNamed('市财政局', '中山市'));
      const done = zhongshan.filter((leaf) => leaf.done).length;
      expect(done).toBeGreaterThan(0);
      // No progress was reported in this suite but the closures: the mean is done × 100 ÷ tasks.
      const answer = await ask('中山市财政局的平均进度是多少');
      expect(answer.title).toBe(`平均进度 ${percent(done, zhongshan.length)}%`);
      expect(answer.text).toContain('办结的算 100%');
    });

    it('中山逾期的占比多少: the share of 中山’s tasks that are overdue, with both counts; a share of a scope with no tasks is none', async () => {
      const zhongshan = leaves.filter((leaf) => planOf(leaf.planId).jurisdiction === '中山市');
      const late = zhongshan.filter((leaf) => leaf.overdue);
      expect(late.length).toBeGreaterThan(0);
      const answer = await ask('中山逾期的占比多少');
      expect(answer.title).toBe(`占比 ${percent(late.length, zhongshan.length)}%（${late.length} / ${zhongshan.length} 项）`);
      const nothing = await ask('区块链那块 逾期的占几成');
      expect(nothing.text).toContain('算不出占比');
    });

    it('2017年6月到期的 完成了几个 / 办完的占比: the period’s finished tasks count, where a list of the period is its unfinished ones', async () => {
      // 江门 第11项 (due 2017-06-30) was closed above; the other tasks due that month are open.
      expect((await ask('2017年6月到期的任务完成了几个')).title).toBe('已完成 1 项');
      const share = await ask('2017年6月到期的 办完的占比多少');
      const [, part, whole] = /（(\d+) \/ (\d+) 项）/.exec(share.title) ?? [];
      expect(Number(part)).toBe(1);
      expect(Number(whole)).toBeGreaterThanOrEqual(4);
      const list = await ask('2017年6月到期的有哪些');
      expect(list.title).toBe(`找到 ${Number(whole) - 1} 项任务`);
    });

    it('各地完成情况怎么样: cities ranked by completion rate, 新会区 counted in 江门市', async () => {
      const cities = Object.values(CITY).filter((city, index, all) => all.indexOf(city) === index).map((city) => {
        const mine = leaves.filter((leaf) => CITY[planOf(leaf.planId).jurisdiction] === city);
        return { name: city, tasks: mine.length, done: mine.filter((leaf) => leaf.done).length };
      });
      cities.sort((a, b) => b.done / b.tasks - a.done / a.tasks);
      const answer = await ask('各地完成情况怎么样');
      expect(answer.title).toBe('完成率最高的地区');
      expect(answer.table.map((row) => [row.name, row.tasks, row.done, row.rate])).toEqual(cities.map((city) => [city.name, city.tasks, city.done, `${percent(city.done, city.tasks)}%`]));
    });

    it('a unit its place does not have counts nothing, says so, and offers the unit without the place', async () => {
      const answer = await ask('广州市财政局有几项任务');
      expect(answer.title).toBe('共 0 项任务');
      expect(answer.text).toContain('广州市没有这个单位');
      expect(answer.buttons).toContainEqual({ action: 'ask', text: '财政局有多少项任务' });
      const offered = await ask('财政局有多少项任务');
      expect(offered.title).toBe(`共 ${ofUnits(new Set([...unitsNamed('市财政局'), ...unitsNamed('区财政局')])).length} 项任务`);
    });
  });
}
