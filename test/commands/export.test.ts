/**
 * /export (/导出) through the real webhook route and the fake Open API: the
 * ledger is uploaded and sent as an .xlsx file message, and the file, read
 * back with exceljs, holds every task of the scope, row by row as the
 * database has it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../src/exports/ledger-workbook.js';
import { TASK_STATUS_LABEL } from '../../src/domain/vocabulary.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { tasksFromDatabase } from '../support/tasks-from-rows.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_exp0rtexp0rtexp0', encryptKey: 'export-encrypt-key', verificationToken: 'export-verification-token' };
const ADMIN = 'ou_exportadmin';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/export [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const chatId = `oc_export_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'export-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'export-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    /** Sends `/导出 …` and returns the text receipt and the workbook sent after it. */
    async function exportLedger(text: string) {
      const event = messageEvent(secrets, { text, senderOpenId: 'ou_member', chatId });
      expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
      const replies = () => fake.deliveries.filter((delivery) => delivery.target === event.event.message.message_id);
      await waitFor(() => replies().length === 2 || undefined);
      const [receipt, file] = replies() as [(typeof fake.deliveries)[0], (typeof fake.deliveries)[0]];
      expect(file.msgType).toBe('file');
      const uploaded = fake.files.get(String(file.content.file_key))!;
      expect(uploaded.type).toBe('xls');
      expect(uploaded.name).toMatch(/^台账-.+-\d{8}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(uploaded.data as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('台账')!;
      const rows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
      return { receipt: String(receipt.content.text), header: rows[0]!, rows: rows.slice(1), uploadCalls: fake.callsTo('POST', '/open-apis/im/v1/files').length };
    }

    it('one unit’s ledger: every task of the unit (in every city), each row as the database has it', async () => {
      const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('临沂'))!;
      const task = (await app.db.repos.tasks.listByPlan(plan.id)).find((candidate) => candidate.key === '6')!;
      await replyTo(app.url, fake, secrets, { text: `/进度 #${task.id} 40% 已公开部门预算`, senderOpenId: ADMIN, chatId });

      const { receipt, header, rows } = await exportLedger('/导出 市财政局');
      expect(header).toEqual(LEDGER_COLUMNS.map(([name]) => name));
      // Tasks as every count means them (work items, with their parent's units and deadline where they name none), from the rows.
      const finance = new Set((await app.db.repos.units.list()).filter((unit) => unit.name === '市财政局').map((unit) => unit.id));
      const tasks = new Map((await tasksFromDatabase(app.db)).map((candidate) => [candidate.id, candidate]));
      const linked = [...tasks.values()].filter((candidate) => candidate.units.some((link) => finance.has(link.unitId))).map((candidate) => candidate.id);
      // "市财政局" means every city's 市财政局, as in questions.
      expect(rows.map((row) => Number(row[14])).sort((a, b) => a - b)).toEqual(linked.sort((a, b) => a - b));
      expect(receipt).toMatch(new RegExp(`^已生成台账（.+）：${rows.length} 项任务，截至 \\d{4}-\\d{2}-\\d{2}。文件见下一条消息。$`));
      const unitNames = new Map((await app.db.repos.units.list()).map((unit) => [unit.id, unit.name]));
      for (const row of rows) {
        const stored = (await app.db.repos.tasks.get(Number(row[14])))!;
        const task = tasks.get(stored.id)!;
        const names = (role: string) => task.units.filter((link) => link.role === role).map((link) => unitNames.get(link.unitId)).join('、');
        expect(row[3]).toBe(stored.title);
        expect(row[5] ?? '').toBe(names('lead'));
        expect(row[7] ?? '').toBe(names('cooperating'));
        expect(row[10]).toBe(TASK_STATUS_LABEL[stored.status]);
        expect(row[11]).toBe(stored.percent);
        const written = task.deadlines.map((deadline) => deadline.raw).filter((raw, index, all) => all.indexOf(raw) === index).join('；');
        expect(row[8] ?? '').toEqual(task.deadlineFrom === null || !written ? written : expect.stringMatching(new RegExp(`^${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（沿用第`)));
      }
      const reported = rows.find((row) => Number(row[14]) === task.id)!;
      expect(reported.slice(10, 13)).toEqual(['进行中', 40, '已公开部门预算']);
      expect(reported[13]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    });

    it('one plan’s ledger holds exactly its tasks, in document order; an upload that fails once is retried and the file sent once', async () => {
      fake.inject('POST /open-apis/im/v1/files', { status: 500, body: { code: 500, msg: 'internal error' } });
      const uploadsBefore = fake.callsTo('POST', '/open-apis/im/v1/files').length;
      const { rows, uploadCalls } = await exportLedger('/导出 临沂');
      expect(uploadCalls - uploadsBefore).toBe(2);
      const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('临沂'))!;
      // One definition of a task everywhere: the leaves (a parent's sub-items are its rows, not the parent).
      const all = (await app.db.repos.tasks.listByPlan(plan.id)).filter((task) => task.kind !== 'category');
      const tasks = all.filter((task) => !all.some((child) => child.parentId === task.id));
      expect(tasks.length).toBeLessThan(all.length);
      expect(rows.map((row) => Number(row[14]))).toEqual(tasks.map((task) => task.id));
      expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([plan.title]));
    });

    it('a scope that names nothing is answered, with no file', async () => {
      const reply = await replyTo(app.url, fake, secrets, { text: '/导出 宇宙飞船', senderOpenId: 'ou_member', chatId });
      expect(reply.content.text).toBe('没有找到名为“宇宙飞船”的单位。也没有名称或地区包含“宇宙飞船”的方案。请写单位名称或方案关键词，例如“/导出 市财政局”“/导出 临沂”；不写则导出全部。');
    });
  });
}
