/**
 * Corrections after an import, through the real webhook route: an
 * administrator's /修改 changes a task's units, deadline, title and leaders,
 * with an audit record, and the task card and answers show it; others are
 * refused, bad input gets the usage in Chinese and changes nothing, and a
 * re-import of the same plan keeps the corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanText } from '../../src/domain/imports/plan-importer.js';
import { readCsv } from '../../src/imports/formats/spreadsheet-reader.js';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_c0rrect1c0rrect1', encryptKey: 'correct-encrypt-key', verificationToken: 'correct-verification-token' };
const ADMIN = 'ou_correctadmin';
const PLAN = ['肇庆市2027年重点工作任务分工方案', '序号,工作任务,牵头单位,配合单位,分管领导,完成时限', '1,推进政务公开标准化,市政务服务数据管理局,市财政局,杜某某,2027年6月底前', '2,完善预决算公开,市财政局,市审计局,王某,12月底前'].join('\n');

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/修改 corrections [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let taskId: number;
    const chatId = `oc_correct_${provider}`;
    const importPlan = async () => importPlanText(app.db, { ...(await readCsv(Buffer.from(PLAN, 'utf8'))), fileName: 'zq.csv', actor: ADMIN });

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'correct-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'correct-secret', fake.url), SEED_ON_EMPTY: '0', BOT_ADMINS: ADMIN });
      const report = await importPlan();
      taskId = (await app.db.repos.tasks.listByPlan(report.planId))[0]!.id;
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const send = async (text: string, sender = ADMIN) => String((await replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId })).content.text);

    it('the task card shows the leaders the document names', async () => {
      const card = readCard((await replyTo(app.url, fake, secrets, { text: `/任务 #${taskId}`, senderOpenId: 'ou_member', chatId })).content);
      expect(card.text).toContain('牵头：市政务服务数据管理局；配合：市财政局\n分管领导：杜某某\n时限：2027年6月底前');
    });

    it('an administrator corrects units, deadline, title and leaders; each change is audited and shown', async () => {
      expect(await send(`/修改 #${taskId} 牵头 市财政局 配合 市税务局`)).toBe(
        [
          `已修改任务 #${taskId}「推进政务公开标准化」的责任单位：`,
          '  原为：牵头：市政务服务数据管理局；配合：市财政局',
          '  现为：牵头：市财政局；配合：市税务局',
          '新登记的单位：市税务局（本地区原来没有这些单位；如是已有单位的简称，请用 /别名 把它们指向同一单位）',
          '重新导入同一方案时，只要原文的这一项没有改动，这次修改会保留。',
        ].join('\n'),
      );
      expect(await send(`/修改 #${taskId} 期限 2027年9月底前`)).toContain('现为：2027年9月底前');
      expect(await send(`/修改 #${taskId} 标题 推进政务公开标准化规范化`)).toContain('的标题：\n  原为：推进政务公开标准化\n  现为：推进政务公开标准化规范化');
      expect(await send(`/修改 #${taskId} 分管领导 陈某、李某`)).toContain('现为：陈某、李某');
      const audits = (await app.db.repos.audit.forEntity('task', taskId)).filter((audit) => audit.action === 'task.correct');
      expect(audits.map((audit) => (audit.after as { field: string }).field)).toEqual(['units', 'deadline', 'title', 'leaders']);
      expect(audits.every((audit) => audit.actor === ADMIN && audit.eventId)).toBe(true);

      const card = readCard((await replyTo(app.url, fake, secrets, { text: `/任务 #${taskId}`, senderOpenId: 'ou_member', chatId })).content);
      expect(card.title).toContain('推进政务公开标准化规范化');
      expect(card.text).toContain('牵头：市财政局；配合：市税务局\n分管领导：陈某、李某\n时限：2027年9月底前');
      // Answers find the task under its corrected lead unit.
      expect(readCard((await replyTo(app.url, fake, secrets, { text: '市税务局负责什么', senderOpenId: 'ou_member', chatId })).content).text).toContain('推进政务公开标准化规范化');

      // A re-import of the unchanged document keeps every correction.
      const again = await importPlan();
      expect(again.changes.correctionsKept).toEqual(['1']);
      expect(await app.db.repos.tasks.get(taskId)).toMatchObject({ title: '推进政务公开标准化规范化', leaders: '陈某、李某' });
    });

    it('others are refused; bad input is answered with the usage and changes nothing', async () => {
      const before = await app.db.repos.audit.count('task.correct');
      expect(await send(`/修改 #${taskId} 标题 别人改的`, 'ou_member')).toBe('/修改 只有管理员可以使用。如需使用，请联系管理员。');
      expect(await send(`/修改 #${taskId}`)).toMatch(/^\/修改：请写任务编号、要改的内容和新的值，例如 \/修改 #12 牵头 市财政局 配合 市税务局。\n用法：\n  \/修改 #12 牵头 市财政局 配合 市税务局/);
      expect(await send(`/修改 #${taskId} 颜色 红色`)).toMatch(/^\/修改：请写任务编号、要改的内容和新的值/);
      expect(await send(`/修改 #${taskId} 期限`)).toMatch(/^\/修改：请在“期限”后面写新的内容。/);
      expect(await send(`/修改 #${taskId} 牵头 杜某某`)).toBe(`“杜某某”像是人名，不是单位。分管领导请这样改：/修改 #${taskId} 分管领导 杜某某`);
      expect(await send('/修改 #999999 标题 新的标题')).toMatch(/^没有找到任务 #999999。/);
      expect(await app.db.repos.audit.count('task.correct')).toBe(before);
      expect((await app.db.repos.units.list('肇庆市')).map((unit) => unit.name)).not.toContain('杜某某');
    });
  });
}
