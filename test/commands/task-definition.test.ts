/**
 * One definition of a task (issue 17), through the real webhook route and
 * the fake Open API: the weekly card, the /导出 ledger, the import report,
 * a count asked in chat and /单位 give the same number of tasks for the
 * seeds and a plan whose sub-requirements name no deadline or units of
 * their own — every figure computed here from the database's rows (a task
 * is a node without sub-items, with its nearest ancestor's units and
 * deadline where it names none), never from the bot's answer. A
 * sub-requirement shows, and is judged by, its parent's deadline.
 */
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImportPreviewCard } from '../../src/bot/cards/import-preview-card.js';
import { dayIn } from '../../src/lib/dates.js';
import { formatImportResults, importFiles } from '../../src/imports/import-files.js';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, messageEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { isOverdue, tasksFromDatabase, type RowTask } from '../support/tasks-from-rows.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_0nedef0nedef0ned', encryptKey: 'onedef-encrypt-key', verificationToken: 'onedef-verification-token' };
const ADMIN = 'ou_onedefadmin';
const LIAISON = 'ou_onedefliaison';
const TIME_ZONE = 'Asia/Shanghai';
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
/** 一、 with 市财政局 leading and 2016年12月底前完成; its （一）（二） name neither, （三） its own 2016年8月底前. */
const BUDGET_PLAN = fileURLToPath(new URL('../fixtures/plans/中山市2016年预决算公开工作分工方案.txt', import.meta.url));

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`one definition of a task [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let tasks: RowTask[];
    let budgetPlanId: number;
    const chatId = `oc_onedef_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'onedef-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'onedef-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN, BOT_TIMEZONE: TIME_ZONE });
      const [result] = await importFiles(app.db, [BUDGET_PLAN], 'system');
      if (!result || !('report' in result) || result.report.planId === null) throw new Error(`the budget plan did not import: ${JSON.stringify(result)}`);
      budgetPlanId = result.report.planId;
      const finance = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      await app.db.repos.people.grant({ personId: (await app.db.repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: finance.id, state: 'active', grantedBy: ADMIN });
      tasks = await tasksFromDatabase(app.db);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const say = (text: string, sender = 'ou_onedefreader') => replyTo(app.url, fake, secrets, { text, chatId, senderOpenId: sender });
    const budget = () => tasks.filter((task) => task.planId === budgetPlanId);
    const byKey = (key: string) => budget().find((task) => task.key === key)!;

    /** Sends `/导出 …`: the text receipt and the rows of the workbook sent after it. */
    async function exportLedger(text: string): Promise<{ receipt: string; rows: unknown[][] }> {
      const event = messageEvent(secrets, { text, senderOpenId: 'ou_onedefreader', chatId });
      expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
      const replies = () => fake.deliveries.filter((delivery) => delivery.target === event.event.message.message_id);
      await waitFor(() => replies().length === 2 || undefined);
      const [receipt, file] = replies() as [(typeof fake.deliveries)[0], (typeof fake.deliveries)[0]];
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fake.files.get(String(file.content.file_key))!.data as unknown as ArrayBuffer);
      const rows = workbook.getWorksheet('台账')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
      return { receipt: String(receipt.content.text), rows };
    }

    it('the weekly card, the ledger, the import report, 中山市有多少项任务 and /单位 count the same tasks', async () => {
      // The seeds hold 272 numbered items; 32 of them are broken into sub-requirements, so 240 tasks — and the budget plan's 4.
      expect(tasks.length).toBe(244);

      const weekly = readCard((await say('/周报 全部')).content);
      expect(weekly.text).toContain(`任务 ${tasks.length} 项，完成率 0%\n✅ 已完成 0　`);

      const ledger = await exportLedger('/导出');
      expect(ledger.rows.map((row) => Number(row[14])).sort((a, b) => a - b)).toEqual(tasks.map((task) => task.id).sort((a, b) => a - b));
      expect(ledger.receipt).toContain(`：${tasks.length} 项任务，截至`);

      // The import report (a dry run over what is stored) says the same of every plan.
      const results = await importFiles(app.db, [SEEDS, BUDGET_PLAN], 'system', { dryRun: true });
      const reports = results.flatMap((result) => ('preview' in result ? [result.preview.report] : []));
      expect(reports).toHaveLength(6);
      const printed = formatImportResults(results);
      for (const report of reports) {
        const mine = tasks.filter((task) => task.planId === report.planId);
        const subItems = mine.filter((task) => task.parentId !== null).length;
        expect(report.counts.tasks).toBe(mine.length);
        expect(printed).toContain(`《${report.title}》`);
        expect(printed).toContain(`  ${mine.length} 项任务${subItems > 0 ? `（其中 ${subItems} 项为细分要求）` : ''}；`);
      }
      expect(reports.reduce((sum, report) => sum + report.counts.tasks, 0)).toBe(tasks.length);
      // The import card says it the same way, and shows （一）（二） with 一、's units and deadline.
      const budgetPreview = results.flatMap((result) => ('preview' in result && result.preview.report.planId === budgetPlanId ? [result.preview] : []))[0]!;
      const previewCard = readCard(renderImportPreviewCard({ jobId: 1, fileName: 'budget.txt', preview: budgetPreview, plans: [] }).card);
      expect(previewCard.text).toContain('4 项任务（其中 3 项为细分要求），单位');
      expect(previewCard.text).toContain('**前 5 条（共 5 条），导入后是这样**');
      expect(previewCard.text).toMatch(/\*\*一\*\* 深入推进预决算公开｜牵头：市财政局｜其他：市审计局｜时限：2016年12月底前完成｜按细分要求计\n/);
      expect(previewCard.text).toMatch(/\*\*一\*\* 公开市级政府预算信息.*｜牵头：市财政局（沿用所属任务）｜其他：市审计局｜时限：2016年12月底前完成（沿用所属任务）\n/);
      expect(previewCard.text).toContain('**三** 公开市级“三公”经费预算和决算｜牵头：市财政局（沿用所属任务）｜其他：市审计局｜时限：2016年8月底前完成\n');

      const plans = new Map((await app.db.repos.plans.list()).map((plan) => [plan.id, plan]));
      const inZhongshan = tasks.filter((task) => plans.get(task.planId)!.jurisdiction === '中山市');
      expect(readCard((await say('中山市有多少项任务')).content).title).toBe(`共 ${inZhongshan.length} 项任务`);

      // /单位: 中山市 市财政局 takes part in the budget plan's three sub-requirements through their parent.
      const finance = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      const financeTasks = tasks.filter((task) => task.units.some((link) => link.unitId === finance.id));
      const financeLeads = financeTasks.filter((task) => task.units.some((link) => link.unitId === finance.id && link.role === 'lead'));
      expect(budget().filter((task) => financeLeads.includes(task)).map((task) => task.key)).toEqual(['1.1', '1.2', '1.3']);
      expect(String((await say('/单位 中山市')).content.text)).toContain(`\n市财政局：${financeTasks.length} 项任务（牵头 ${financeLeads.length} 项）`);
    });

    it('a weekly card over several plans, its 查看逾期任务 and its 导出台账 hold the same tasks', async () => {
      const plans = new Map((await app.db.repos.plans.list()).map((plan) => [plan.id, plan]));
      const inZhongshan = tasks.filter((task) => plans.get(task.planId)!.jurisdiction === '中山市');
      expect(new Set(inZhongshan.map((task) => task.planId)).size).toBe(3);
      const weekly = readCard((await say('/周报 中山')).content);
      expect(weekly.text).toContain(`任务 ${inZhongshan.length} 项，`);
      const reader = 'ou_onedefexporter';
      const pressed = await postToWebhook(app.url, cardActionEvent(secrets, { value: weekly.buttons[weekly.labels.indexOf('导出台账')]!, operatorOpenId: reader, chatId }), secrets.encryptKey);
      expect((pressed.body as { toast?: { content: string } }).toast?.content).toBe('台账已私信发给你');
      const file = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === reader && delivery.msgType === 'file'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fake.files.get(String(file.content.file_key))!.data as unknown as ArrayBuffer);
      const ids = workbook.getWorksheet('台账')!.getSheetValues().slice(2).map((row) => Number((row as unknown[])[15]));
      expect(ids.sort((a, b) => a - b)).toEqual(inZhongshan.map((task) => task.id).sort((a, b) => a - b));

      const overdue = inZhongshan.filter((task) => isOverdue(task, dayIn(TIME_ZONE)));
      expect(weekly.text).toContain(`🔴 逾期 ${overdue.length}`);
      const before = fake.deliveries.length;
      await postToWebhook(app.url, cardActionEvent(secrets, { value: weekly.buttons[weekly.labels.indexOf('查看逾期任务')]!, operatorOpenId: reader, chatId }), secrets.encryptKey);
      const listed = readCard((await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === chatId && delivery.msgType === 'interactive'))).content);
      expect(listed.title).toBe(`找到 ${overdue.length} 项任务`);
      expect(listed.text).toContain('方案：中山市贯彻落实省政府办公厅2016年政务公开工作要点分工方案、');
    });

    it('a sub-requirement with no deadline of its own shows its parent’s, is overdue by it, and its parent is not listed beside it', async () => {
      const [first, second, third, audit] = [byKey('1.1'), byKey('1.2'), byKey('1.3'), byKey('2')];
      expect(budget().map((task) => task.key).sort()).toEqual(['1.1', '1.2', '1.3', '2']);
      expect(first.deadlineFrom).not.toBeNull();
      expect(third.deadlineFrom).toBeNull();
      const today = dayIn(TIME_ZONE);
      expect(budget().every((task) => isOverdue(task, today))).toBe(true);

      const card = readCard((await say(`/任务 #${first.id}`)).content);
      expect(card.text).toContain('时限：2016年12月底前完成（沿用第1项）（2016-12-31）');
      expect(card.text).toContain('牵头：市财政局；配合：市审计局（沿用第1项）');
      expect(card.text).not.toContain('未写明');
      // Its own deadline is its own.
      expect(readCard((await say(`/任务 #${third.id}`)).content).text).toContain('时限：2016年8月底前完成（2016-08-31）\n');

      // The weekly card lists the three sub-requirements and 二、 as overdue, never 一、 itself.
      const weekly = readCard((await say('/周报 预决算公开')).content);
      expect(weekly.text).toContain('任务 4 项，完成率 0%\n✅ 已完成 0　🔴 逾期 4　');
      expect(weekly.text).toContain('**🔴 逾期（4 项）**');
      for (const label of ['第1项第1条', '第1项第2条', '第1项第3条', '第2项']) expect(weekly.text).toContain(`${label} `);
      expect(weekly.text).not.toMatch(/第1项 深入推进预决算公开/);

      // The ledger: the same four rows, 一、's units and deadline on （一）（二）, said to be 一、's.
      const { rows } = await exportLedger('/导出 预决算公开');
      expect(rows.map((row) => [row[1], row[5], row[6] ?? '', row[7] ?? '', row[8], row[9]])).toEqual([
        ['第1项第1条', '市财政局', '', '市审计局', '2016年12月底前完成（沿用第1项）', '2016-12-31'],
        ['第1项第2条', '市财政局', '', '市审计局', '2016年12月底前完成（沿用第1项）', '2016-12-31'],
        ['第1项第3条', '市财政局', '', '市审计局', '2016年8月底前完成', '2016-08-31'],
        ['第2项', '', '市审计局', '', '2017年3月底前完成', '2017-03-31'],
      ]);
      expect(rows.map((row) => Number(row[14]))).toEqual([first.id, second.id, third.id, audit.id]);
    });

    it('the liaison of the unit a sub-requirement has from its parent reports on it', async () => {
      const first = byKey('1.1');
      const reply = await say(`/进度 #${first.id} 50% 已公开市级预算`, LIAISON);
      expect(String(reply.content.text)).toMatch(new RegExp(`^已记录任务 #${first.id}「.+」：进行中 50%，已公开市级预算。`));
      const stored = (await app.db.repos.tasks.get(first.id))!;
      expect([stored.status, stored.percent]).toEqual(['in_progress', 50]);
      const history = await app.db.repos.progress.history(first.id, 5);
      expect(history[0]).toMatchObject({ percent: 50, note: '已公开市级预算', unitId: (await app.db.repos.units.findByName('中山市', '市财政局'))!.id });
    });
  });
}
