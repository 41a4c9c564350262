/**
 * Updates, people and 催办 in chat, end to end: the seeds imported on first
 * start, progress reported last week (stored with its day) and this week
 * (through the webhook with /进度), then asked as a 督查室 would — what was
 * updated, who reported and who did not, when a unit last reported, what a person reported
 * or is in charge of — and 催一下 a unit: its liaisons get a 催办 card of
 * their overdue and stalled tasks, once a day per unit, with an audit
 * record; someone who is not a supervisor is refused and nothing is sent.
 * Expected tasks and days come from the scenario below and the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCollective } from '../../src/domain/imports/unit-list-parser.js';
import { addDays, dayIn, daysBetween, isoWeekday, monthDayText } from '../../src/lib/dates.js';
import { readCard, type ReadCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type Delivery, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_7777000011112222', encryptKey: 'updates-encrypt-key', verificationToken: 'updates-verification-token' };
const ZONE = 'Asia/Shanghai';
const ADMIN = 'ou_updatesadmin';
const SUPERVISOR = 'ou_updates_supervisor';
const STRANGER = 'ou_updates_stranger';
/** Liaisons: two of 中山市 市财政局, one each of 临沂市 市财政局 and 中山市 市审计局. */
const ZS_FINANCE = ['ou_updates_zs_czj_1', 'ou_updates_zs_czj_2'] as const;
const LY_FINANCE = 'ou_updates_ly_czj';
const ZS_AUDIT = 'ou_updates_zs_sjj';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`updates, people and 催办 in chat [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const chatId = `oc_updates_${provider}`;
    const ids = new Map<string, number>();
    /** The id of a seed task, "ZS:10.2" (ZS 中山, LY 临沂). */
    const id = (ref: string) => ids.get(ref)!;
    const today = () => dayIn(ZONE);
    /** Last week's Wednesday, 10:00 in 北京时间: last week whatever day the suite runs. */
    const lastWeek = () => new Date(`${addDays(today(), 1 - isoWeekday(today()) - 5)}T10:00:00+08:00`);

    async function unitId(jurisdiction: string, name: string): Promise<number> {
      return (await app.db.repos.units.findByName(jurisdiction, name))!.id;
    }
    async function person(openId: string, name: string, role: 'supervisor' | 'liaison', unit?: [string, string]) {
      const record = await app.db.repos.people.upsert(openId, name);
      await app.db.repos.people.grant({ personId: record.id, role, unitId: unit ? await unitId(...unit) : null, state: 'active', grantedBy: ADMIN });
    }
    /** A report stored as it was made on `at` (the history before this test's week). */
    async function reportedOn(ref: string, at: Date, by: string, unit: [string, string], percent: number, note: string) {
      const reportingUnit = await unitId(...unit);
      await app.db.transaction((repos) => repos.progress.append({ taskId: id(ref), percent, status: 'in_progress', note, actor: by, unitId: reportingUnit, at }));
    }
    /** Sends a message and returns the bot's reply. */
    const send = (text: string, sender: string) => replyTo(app.url, fake, secrets, { text, chatId, senderOpenId: sender });
    async function ask(text: string, sender = SUPERVISOR): Promise<ReadCard> {
      const delivery = await send(text, sender);
      expect(delivery.msgType).toBe('interactive');
      return readCard(delivery.content);
    }
    const sorted = (values: readonly string[]) => [...values].sort();
    const cardsTo = (openId: string): Delivery[] => fake.deliveries.filter((delivery) => delivery.kind === 'send' && delivery.target === openId);

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'updates-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'updates-secret', fake.url), SEED_ON_EMPTY: '1', BOT_TIMEZONE: ZONE, BOT_ADMINS: ADMIN });
      for (const plan of await app.db.repos.plans.list()) {
        const short = plan.title.startsWith('中山市贯彻落实') ? 'ZS' : plan.title.includes('临沂') ? 'LY' : null;
        if (short) for (const task of await app.db.repos.tasks.listByPlan(plan.id)) ids.set(`${short}:${task.key}`, task.id);
      }
      await person(SUPERVISOR, '李督查', 'supervisor');
      await person(ZS_FINANCE[0], '张联络', 'liaison', ['中山市', '市财政局']);
      await person(ZS_FINANCE[1], '钱会计', 'liaison', ['中山市', '市财政局']);
      await person(LY_FINANCE, '周婷', 'liaison', ['临沂市', '市财政局']);
      await person(ZS_AUDIT, '黄伟', 'liaison', ['中山市', '市审计局']);
      // Last week: 中山's 市财政局 and 市审计局 reported.
      await reportedOn('ZS:10.2', lastWeek(), ZS_FINANCE[0], ['中山市', '市财政局'], 40, '政府性基金目录清单初稿已编制');
      await reportedOn('ZS:19.3', new Date(lastWeek().getTime() + 3_600_000), ZS_AUDIT, ['中山市', '市审计局'], 50, '审计工作报告待市人大公开');
      // 45 days ago, 临沂's 市财政局 on 第8项第1条, whose deadline an administrator then moves to 2099: stalled, not overdue.
      await reportedOn('LY:8.1', new Date(Date.now() - 45 * 86_400_000), LY_FINANCE, ['临沂市', '市财政局'], 30, '税收优惠政策汇编已推送');
      expect(String((await send(`/修改 #${id('LY:8.1')} 期限 2099年12月底前`, ADMIN)).content.text)).toContain('2099');
      // This week, through chat.
      expect(String((await send(`/进度 #${id('ZS:8')} 60% 新增项目已评审并录入PPP综合信息系统`, ZS_FINANCE[0])).content.text)).toContain('进行中 60%');
      expect(String((await send(`/进度 #${id('LY:6')} 75% 市级部门预决算已公开`, LY_FINANCE)).content.text)).toContain('进行中 75%');
    }, 90_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    it('本周有哪些更新: this week’s reported tasks with their #id and what was reported; 上周 the week before', async () => {
      const week = await ask('本周有哪些更新');
      expect(week.title).toBe('2 项任务有进度报告');
      expect(sorted(week.tasks)).toEqual(['LY:第6项', 'ZS:第8项']);
      expect(week.text).toContain(`#${id('ZS:8')} `);
      expect(week.text).toContain(`#${id('LY:6')} `);
      expect(week.text).toContain(`${monthDayText(today())} 市财政局：进行中 60%，新增项目已评审并录入PPP综合信息系统`);
      expect(week.text).toContain('我的理解：时间：本周');
      const last = await ask('上周有哪些任务报了进度');
      expect(sorted(last.tasks)).toEqual(['ZS:第10项第2条', 'ZS:第19项第3条']);
      // Narrowed by the unit that reported, and by place.
      expect(sorted((await ask('市财政局这周报了什么')).tasks)).toEqual(['LY:第6项', 'ZS:第8项']);
      expect((await ask('临沂这周有什么进展')).tasks).toEqual(['LY:第6项']);
      // How many times is a count of the reports, the tasks they were on listed under it.
      const times = await ask('市财政局最近一个月报过几次进度');
      expect(times.title).toBe('报告了 3 次进度，涉及 3 项任务');
      // The latest report alone: 临沂's, sent after 中山's this week.
      expect((await ask('市财政局最近一次报的是哪件')).tasks).toEqual(['LY:第6项']);
    });

    it('谁报了进度: the reporting units of the period', async () => {
      const lastWeekUnits = await ask('上周谁报了进度');
      expect(lastWeekUnits.title).toBe('2 个单位报告了进度');
      expect(lastWeekUnits.text).toContain('**市财政局**（中山市）：1 次报告');
      expect(lastWeekUnits.text).toContain('**市审计局**（中山市）：1 次报告');
      expect(lastWeekUnits.text).not.toContain('临沂市');
      const recent = await ask('最近一个月哪些单位报了进度');
      expect(recent.text).toContain('**市财政局**（临沂市）：1 次报告');
      expect(recent.title).toBe('3 个单位报告了进度');
      // A share of the week's reported tasks: 中山's 第8项 of the two (临沂's 第6项 the other).
      expect((await ask('本周报进度的事项里 中山的占几成')).title).toBe('占比 50%（1 / 2 项）');
      // A place said after the units (…的单位里 中山的有几家) still narrows them.
      const zsThisWeek = await ask('这周报进度的单位里 中山的有几家');
      expect(zsThisWeek.title).toBe('1 个单位报告了进度');
      expect(zsThisWeek.text).not.toContain('临沂市');
    });

    it('各单位报进度的次数 排个前二: the reporting units ranked by their reports, a tie sharing its place, cut at the places asked for', async () => {
      // 中山 and 临沂's 市财政局 two reports each (last week or 45 days ago, and this week), 中山 市审计局 one.
      const top = await ask('各单位报进度的次数 排个前二');
      expect(top.title).toBe('报告进度次数排名（3 个单位报告过）');
      expect(top.text).toContain('**市财政局**（中山市）：第 1 名 2 次报告');
      expect(top.text).toContain('**市财政局**（临沂市）：第 1 名 2 次报告');
      expect(top.text).not.toContain('市审计局');
      const all = await ask('哪个单位报进度最多');
      expect(all.text).toContain('**市审计局**（中山市）：第 3 名 1 次报告');
      // A place narrows it to its tasks' reports.
      const zs = await ask('中山各单位汇报次数排名');
      expect(zs.text).toContain('**市财政局**（中山市）：第 1 名 2 次报告');
      expect(zs.text).not.toContain('临沂市');
    });

    it('哪些单位没报过进度: the units of the place’s tasks that never reported (collectives left out), or not in the period asked', async () => {
      const lyUnits = (await app.db.repos.units.list('临沂市')).filter((unit) => !isCollective(unit.name));
      const never = await ask('临沂哪些单位没报过进度');
      expect(never.title).toBe(`${lyUnits.length - 1} 个单位没有报告过进度`);
      expect(never.text).toContain('**市法制办**（临沂市）');
      expect(never.text).not.toContain('**市财政局**');
      expect(never.text).not.toContain('各县区政府');
      // Last week only 中山's units reported: 临沂's 市财政局 was silent then.
      const lastWeekSilent = await ask('上周临沂还有哪些单位没报进度');
      expect(lastWeekSilent.title).toBe(`${lyUnits.length} 个单位没有报告过进度`);
      expect(lastWeekSilent.text).toContain('**市财政局**（临沂市）');
      // Of last week's reporters (中山's 市财政局 and 市审计局), the one that has not reported this week.
      const fellSilent = await ask('上周报过、这周还没报的单位有哪些');
      expect(fellSilent.title).toBe('1 个单位没有报告过进度');
      expect(fellSilent.text).toContain('**市审计局**（中山市）');
      expect(fellSilent.text).toContain('只看上周');
      // This week's reports on tasks reported before too: 第8项 and 临沂's 第6项 were first reported this week, so none.
      const again = await ask('这周报上来的里头 有哪件是之前就报过、这回又报了的');
      expect(again.text).toContain('且此前也报过');
      expect(again.text).not.toContain(`#${id('ZS:8')} `);
      expect((await ask('这周报上来的进度有哪些')).text).toContain(`#${id('ZS:8')} `);
      // This week's reports against last week's: two each (第8项 and 临沂's 第6项; 第10项第2条 and 第19项第3条), then by tasks.
      const versus = await ask('这周报上来的进度 跟上周比少了几条');
      expect(versus.title).toContain('一样多');
      expect(versus.text).toContain('2 条报告');
      // …and by the units that reported: 中山's 市财政局 and 临沂's unit of 第6项 this week, 中山's 市财政局 and 市审计局 last week.
      const units = await ask('这周报进度的单位 比上周少了几家');
      expect(units.title).toContain('一样多');
      expect(units.text).toContain('2 家单位');
      // Who reported on one numbered item this week: 中山's 市财政局 on 第8项; 第10项第2条 was last week's.
      const onItem = await ask('中山方案第8项 这周是谁报的进度');
      expect(onItem.text).toContain('**市财政局**（中山市）');
      expect(onItem.text).not.toContain('临沂市');
      expect((await ask('中山方案第10项第2条 这周是谁报的进度')).title).toBe('没有找到答案');
      // Reported in both weeks: of last week's two, only 中山's 市财政局 reported this week too.
      const both = await ask('上周和本周都报过进度的单位有哪些');
      expect(both.text).toContain('**市财政局**（中山市）');
      expect(both.text).not.toContain('市审计局');
      expect(both.text).not.toContain('临沂市');
      // Reported often: over the last month only 中山's 市财政局 reported twice (第8项, 第10项第2条).
      const often = await ask('最近一个月 哪几家单位报了两次及以上');
      expect(often.text).toContain('**市财政局**（中山市）');
      expect(often.text).not.toContain('市审计局');
      expect(often.text).not.toContain('临沂市');
      expect(often.text).toContain('报了 2 次及以上');
    });

    it('上次报告是什么时候: the day of the unit’s latest report; a unit that never reported is said so, with a question that finds something', async () => {
      const audit = await ask('中山市审计局上次报告是什么时候');
      const lastWeekDay = dayIn(ZONE, lastWeek());
      expect(audit.title).toBe(`市审计局上次报告：${monthDayText(lastWeekDay)}（${daysBetween(lastWeekDay, today())} 天前）`);
      expect(audit.text).toContain(`#${id('ZS:19.3')} `);
      expect((await ask('临沂市财政局最近一次报进度是哪天')).title).toBe(`市财政局上次报告：${monthDayText(today())}（今天）`);
      const never = await ask('江门市法制局上次报进度是什么时候');
      expect(never.title).toBe('没有找到答案');
      expect(never.text).toContain('还没有报告过进度');
      expect(never.text).toContain('“江门市法制局负责什么”');
    });

    it('a person: what they reported, and what they are in charge of — their units’ tasks, or as a leader named in the plan', async () => {
      expect(sorted((await ask('张联络报了哪些进度')).tasks)).toEqual(['ZS:第10项第2条', 'ZS:第8项']);
      // Two people named together: their reports counted together (张联络 two, 黄伟 one); one unknown says who.
      expect((await ask('张联络和黄伟最近一个月一共报了几次进度')).title).toBe('报告了 3 次进度，涉及 3 项任务');
      expect((await ask('张联络和王小二报了几次进度')).text).toContain('没有找到名叫“王小二”的联络员或督查人员');
      const liaison = await ask('张联络负责什么');
      expect(liaison.text).toContain('张联络是中山市 市财政局的联络员');
      expect(liaison.tasks).toEqual(['ZS:第8项', 'ZS:第10项第1条', 'ZS:第10项第2条', 'ZS:第20项第1条', 'ZS:第20项第2条']);
      // Leaders as an administrator corrected them; a name with its title is the same person.
      expect(String((await send(`/修改 #${id('ZS:17')} 分管领导 李丹`, ADMIN)).content.text)).toContain('李丹');
      expect(String((await send(`/修改 #${id('LY:22')} 分管领导 王某、李丹`, ADMIN)).content.text)).toContain('李丹');
      const leader = await ask('李丹副市长负责什么');
      expect(leader.title).toBe('李丹分管 2 项任务');
      expect(leader.tasks).toEqual(['ZS:第17项', 'LY:第22项']);
      const nobody = await ask('张三负责什么');
      expect(nobody.title).toBe('没有找到答案');
      expect(nobody.text).toContain('没有写明由张三分管的任务');
    });

    it('催一下: refused for someone who is not a supervisor; sent once a day per unit to its liaisons, with the audit record', async () => {
      const zsFinance = await unitId('中山市', '市财政局');
      const lyFinance = await unitId('临沂市', '市财政局');
      const refused = await send('催一下中山市财政局', STRANGER);
      expect(String(refused.content.text)).toContain('催办只有督查人员或管理员可以发出');
      expect(cardsTo(ZS_FINANCE[0])).toEqual([]);
      expect(await app.db.repos.audit.count('reminder.chase_request')).toBe(0);

      // What 中山市 市财政局 answers for, from the database: leaves in its charge (牵头, else 负责), their parent's units and deadline where they name none, due before today and not closed.
      const rows = await app.db.repos.search.loadRows();
      const parents = new Set(rows.tasks.map((task) => task.parentId));
      const linksOf = (taskId: number) => rows.links.filter((link) => link.taskId === taskId);
      const dueOf = (taskId: number) => rows.deadlines.filter((deadline) => deadline.taskId === taskId && deadline.dueOn).map((deadline) => deadline.dueOn!).sort()[0];
      const overdue = rows.tasks
        .filter((task) => !parents.has(task.id) && !['done', 'pending_review'].includes(task.status))
        .filter((task) => {
          const links = linksOf(task.id).length > 0 ? linksOf(task.id) : task.parentId ? linksOf(task.parentId) : [];
          const inCharge = ['lead', 'responsible'].map((role) => links.filter((link) => link.role === role)).find((found) => found.length > 0) ?? links;
          const ownDeadline = rows.deadlines.some((deadline) => deadline.taskId === task.id);
          const due = ownDeadline ? dueOf(task.id) : task.parentId ? dueOf(task.parentId) : undefined;
          return inCharge.some((link) => link.unitId === zsFinance) && due !== undefined && due < today();
        })
        .map((task) => task.id);
      expect(overdue.length).toBeGreaterThan(0);

      const answer = await ask('催一下中山市财政局');
      expect(answer.title).toBe('已催办 1 个单位');
      expect(answer.text).toContain(`已向市财政局（中山市）的 2 位联络员发送催办，列出 ${overdue.length} 项逾期`);
      for (const liaison of ZS_FINANCE) {
        const [chase] = await waitFor(() => (cardsTo(liaison).length > 0 ? cardsTo(liaison) : undefined));
        const card = readCard(chase!.content);
        expect(card.title).toBe('催办：请尽快报告任务进展');
        expect(sorted([...card.text.matchAll(/#(\d+) /g)].map((match) => match[1]!))).toEqual(sorted(overdue.map(String)));
        expect(card.text).toContain('/进度');
      }
      const [record] = (await app.db.repos.audit.forEntity('unit', zsFinance)).filter((entry) => entry.action === 'reminder.chase_request');
      expect(record).toMatchObject({ actor: SUPERVISOR, after: { day: today(), liaisons: [...ZS_FINANCE], stalled: [] } });
      expect(sorted((record!.after as { overdue: number[] }).overdue.map(String))).toEqual(sorted(overdue.map(String)));

      // 市财政局 is every city's: 中山 already chased today, 临沂 chased now (第8项第1条 stalled), 江门 has no liaison.
      const again = await ask('催一下市财政局');
      expect(again.title).toBe('已催办 1 个单位');
      expect(again.text).toContain('市财政局（中山市）今天已经催办过');
      expect(again.text).toContain('市财政局（江门市）还没有联络员，催办没有发出');
      expect(again.text).toContain(`#${id('LY:8.1')} `);
      const [lyCard] = await waitFor(() => (cardsTo(LY_FINANCE).length > 0 ? cardsTo(LY_FINANCE) : undefined));
      expect(readCard(lyCard!.content).text).toMatch(new RegExp(`#${id('LY:8.1')} .*：4[456] 天没有报告进展`));
      expect(cardsTo(ZS_FINANCE[0])).toHaveLength(1);
      expect((await app.db.repos.audit.forEntity('unit', zsFinance)).filter((entry) => entry.action === 'reminder.chase_request')).toHaveLength(1);
      expect((await app.db.repos.audit.forEntity('unit', lyFinance)).filter((entry) => entry.action === 'reminder.chase_request')).toHaveLength(1);
      expect(await app.db.repos.audit.count('reminder.chase_request')).toBe(2);

      // A name that is no unit: said so, nothing sent.
      const unknown = await send('催一下月球开发署', SUPERVISOR);
      expect(String(unknown.content.text)).toContain('没有找到名为“月球开发署”的单位，没有发出催办');
      expect(await app.db.repos.audit.count('reminder.chase_request')).toBe(2);
    });
  });
}
