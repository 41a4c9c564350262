/**
 * Importing a plan sent in chat, through the real webhook route, the Lark
 * SDK and the fake Open API: an administrator sends the document, the
 * worker downloads and reads it and answers with the import card (nothing
 * stored yet), the administrator corrects title, region and year in its
 * form and presses 导入, and the report comes back — once, however often 导入
 * is pressed. A re-import that would archive tasks with progress says so on
 * the card; 不导入 changes nothing. Others, other formats and damaged files
 * are answered.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_1mp0rt1mp0rt1mp0', encryptKey: 'import-encrypt-key', verificationToken: 'import-verification-token' };
const ADMIN = 'ou_importadmin';
const SEED = new URL('../../seeds/003_d1035213d6840534.txt', import.meta.url);

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`plans imported in chat [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let sequence = 0;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'import-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'import-secret', fake.url), SEED_ON_EMPTY: '0', BOT_ADMINS: ADMIN });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    /** Sends a file message as `sender` in their one-to-one chat; returns the bot's reply and the chat. */
    async function sendFile(sender: string, name: string, data: Buffer) {
      const messageId = `om_file_${provider}_${++sequence}`;
      const key = fake.addMessageFile(messageId, name, data);
      const chatId = `oc_p2p_${sender}`;
      const reply = await replyTo(app.url, fake, secrets, { text: '', senderOpenId: sender, chatId, messageId, file: { key, name } });
      return { reply, chatId, messageId };
    }

    /** The import card the worker sends in reply to the file message. */
    const previewOf = (fileMessageId: string) =>
      waitFor(() => fake.deliveries.find((delivery) => delivery.target === fileMessageId && delivery.msgType === 'interactive'));
    const confirmValue = (card: ReturnType<typeof readCard>) => card.buttons[card.labels.indexOf('导入')]!;
    const cancelValue = (card: ReturnType<typeof readCard>) => card.buttons[card.labels.indexOf('不导入')]!;
    const pressWith = async (value: Record<string, unknown>, formValue: Record<string, unknown>, operator: string, chatId: string) =>
      (await postToWebhook(app.url, cardActionEvent(secrets, { value, formValue, operatorOpenId: operator, chatId }), secrets.encryptKey)).body as { toast?: { content: string }; card?: { data: Record<string, unknown> } };

    it('an administrator sends a plan, sees the import card, corrects its title and year, and gets the report; pressing again imports nothing more', async () => {
      const { reply, chatId, messageId } = await sendFile(ADMIN, '江门市2016年政务公开工作要点分工.txt', await readFile(SEED));
      expect(String(reply.content.text)).toMatch(/^收到 江门市2016年政务公开工作要点分工\.txt，正在读取/);
      const preview = readCard((await previewOf(messageId)).content);
      expect(preview.title).toMatch(/^导入预览：/);
      expect(preview.text).toContain('还没有导入');
      expect(preview.text).toContain('**地区**：江门市');
      expect(preview.text).toMatch(/37 项任务，/);
      expect(preview.text).toContain('这是**新方案**');
      expect(preview.text).toMatch(/\*\*前 5 条（共 \d+ 条），导入后是这样\*\*\n\*\*1\*\* /);
      expect(preview.fields).toEqual(['title', 'region', 'year', 'target']);
      expect(preview.labels).toEqual(['导入', '不导入']);
      expect(await app.db.repos.plans.count()).toBe(0);

      const form = { title: '江门市2016年政务公开工作要点任务分工（校对版）', region: '江门市', year: '2016', target: 'new' };
      expect((await pressWith(confirmValue(preview), form, 'ou_someone', chatId)).toast?.content).toBe('只有管理员可以导入分工方案。');
      expect((await pressWith(confirmValue(preview), { ...form, year: '16' }, ADMIN, chatId)).toast?.content).toBe('年份请写四位数字，例如 2027；不确定可以留空。');
      expect((await pressWith(confirmValue(preview), { ...form, region: 'x' }, ADMIN, chatId)).toast?.content).toBe('地区请写 2 到 20 个汉字，例如“中山市”“新会区”。');
      expect(await app.db.repos.audit.count('import_job.request')).toBe(0);
      expect((await pressWith(confirmValue(preview), form, ADMIN, chatId)).toast?.content).toBe('正在导入，完成后会把导入报告发到这里。');
      const report = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === chatId && String(delivery.content.text ?? '').startsWith('导入完成')));
      const [plan] = await app.db.repos.plans.list();
      expect(plan!.title).toBe('江门市2016年政务公开工作要点任务分工（校对版）');
      expect(String(report.content.text)).toContain('《江门市2016年政务公开工作要点任务分工（校对版）》');
      expect(String(report.content.text)).toContain('新导入');
      expect(await app.db.repos.audit.count('import_job.preview_request')).toBe(1);
      expect(await app.db.repos.audit.count('import_job.previewed')).toBe(1);
      expect(await app.db.repos.audit.count('plan.import')).toBe(1);
      expect(await app.db.repos.audit.count('import_job.done')).toBe(1);

      expect((await pressWith(confirmValue(preview), form, ADMIN, chatId)).toast?.content).toBe('这个文件已经导入过了，报告见上文。');
      expect(await app.db.repos.plans.count()).toBe(1);
      expect(await app.db.repos.audit.count('import_job.request')).toBe(1);
      // The new plan is answered at once.
      expect(readCard((await replyTo(app.url, fake, secrets, { text: '有哪些方案', senderOpenId: ADMIN, chatId })).content).title).toBe('共有 1 个分工方案');
    });

    it('a re-import that would archive a task with progress says so on the card; 不导入 changes nothing', async () => {
      const csv = (rows: string[]) => Buffer.from(['珠海市2027年重点工作任务分工方案', '序号,工作任务,牵头单位,配合单位,分管领导,完成时限', ...rows].join('\n'), 'utf8');
      const rows = ['1,推进政务公开标准化,市政务服务数据管理局,市财政局,杜某某,2027年6月底前', '2,完善预决算公开,市财政局,市审计局,王某,12月底前'];
      const first = await sendFile(ADMIN, '珠海分工.csv', csv(rows));
      const firstCard = readCard((await previewOf(first.messageId)).content);
      expect(firstCard.text).toContain('分管领导：杜某某');
      await pressWith(confirmValue(firstCard), {}, ADMIN, first.chatId);
      await waitFor(() => fake.deliveries.find((delivery) => delivery.target === first.chatId && String(delivery.content.text ?? '').includes('珠海市2027年')));
      const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.startsWith('珠海市'))!;
      const [, second] = await app.db.repos.tasks.listByPlan(plan.id);
      expect(second!.leaders).toBe('王某');
      await app.db.transaction((repos) => repos.progress.append({ taskId: second!.id, percent: 50, status: 'in_progress', note: '已起草', actor: 'ou_liaison' }));
      const auditsBefore = await app.db.repos.audit.count('plan.import');

      const again = await sendFile(ADMIN, '珠海分工.csv', csv([rows[0]!]));
      const card = readCard((await previewOf(again.messageId)).content);
      expect(card.text).toContain('这份文件与已有方案**《珠海市2027年重点工作任务分工方案》**来源相同，导入将**更新**它：新增 0，修改 0，移除 1。');
      expect(card.text).toContain('其中 1 项已有进度记录');
      const cancelled = await pressWith(cancelValue(card), {}, ADMIN, again.chatId);
      expect(cancelled.toast?.content).toBe('好的，不导入。');
      expect((await pressWith(confirmValue(card), {}, ADMIN, again.chatId)).toast?.content).toBe('这个文件已取消导入；如需导入，请重新发送文件。');
      expect(await app.db.repos.audit.count('plan.import')).toBe(auditsBefore);
      expect(await app.db.repos.audit.count('import_job.cancel')).toBe(1);
      expect((await app.db.repos.tasks.get(second!.id))?.removedAt).toBeNull();
    });

    it('others are told who may import; other formats and damaged files are answered', async () => {
      expect((await sendFile('ou_member', 'plan.txt', Buffer.from('x'))).reply.content.text).toBe('收到文件。只有管理员可以导入分工方案；如需导入，请把文件发给管理员。');
      expect((await sendFile(ADMIN, '方案.pages', Buffer.from('x'))).reply.content.text).toBe('“方案.pages”不是可导入的格式。分工方案请用 .docx、.doc、.wps、.xlsx、.xls、.et、.pdf、.csv、.txt 格式；其他格式请在 Office/WPS 中另存为 .docx 或 .xlsx 再发。');
      const { messageId, chatId } = await sendFile(ADMIN, '损坏.docx', Buffer.from('not a zip'));
      const failed = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === messageId && String(delivery.content.text ?? '').startsWith('无法导入')));
      expect(failed.content.text).toBe('无法导入：损坏.docx：文件已损坏或不是有效的 .docx 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。');
      expect(await app.db.repos.audit.count('import_job.failed')).toBe(1);
      expect(String((await replyTo(app.url, fake, secrets, { text: '/导入', senderOpenId: ADMIN, chatId })).content.text)).toMatch(/^请把分工方案文件/);
      expect((await replyTo(app.url, fake, secrets, { text: '/import', senderOpenId: 'ou_member', chatId: 'oc_member' })).content.text).toBe('/导入 只有管理员可以使用。如需使用，请联系管理员。');
    });
  });
}
