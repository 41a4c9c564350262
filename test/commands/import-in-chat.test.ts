/**
 * Importing a plan sent in chat, through the real webhook route and the fake
 * Open API: an administrator sends the document, confirms on the card, the
 * worker downloads it as a message resource and imports it, and the report
 * comes back to the chat — once, however often 导入 is pressed. Others, other
 * formats and damaged files are answered.
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
      return { reply, chatId };
    }
    const press = async (value: Record<string, unknown>, operator: string, chatId: string) =>
      (await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: operator, chatId }), secrets.encryptKey)).body as { toast?: { content: string } };

    it('an administrator sends a plan, confirms on the card, and gets the import report; pressing again imports nothing more', async () => {
      const { reply, chatId } = await sendFile(ADMIN, '江门市2016年政务公开工作要点分工.txt', await readFile(SEED));
      const card = readCard(reply.content);
      expect(card.title).toBe('导入分工方案');
      expect(card.labels).toEqual(['导入', '不导入']);
      expect(await app.db.repos.plans.count()).toBe(0);

      expect((await press(card.buttons[0]!, 'ou_someone', chatId)).toast?.content).toBe('只有管理员可以导入分工方案。');
      expect((await press(card.buttons[0]!, ADMIN, chatId)).toast?.content).toBe('正在导入，完成后会把导入报告发到这里。');
      const report = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === chatId && String(delivery.content.text ?? '').startsWith('导入完成')));
      const [plan] = await app.db.repos.plans.list();
      expect(String(report.content.text)).toContain(`《${plan!.title}》`);
      expect(String(report.content.text)).toContain('新导入');
      expect(await app.db.repos.audit.count('plan.import')).toBe(1);
      expect(await app.db.repos.audit.count('import_job.done')).toBe(1);

      expect((await press(card.buttons[0]!, ADMIN, chatId)).toast?.content).toBe('这个文件已经导入过了，报告见上文。');
      expect(await app.db.repos.plans.count()).toBe(1);
      expect(await app.db.repos.audit.count('import_job.request')).toBe(1);
      // The new plan is answered at once.
      expect(readCard((await replyTo(app.url, fake, secrets, { text: '有哪些方案', senderOpenId: ADMIN, chatId })).content).title).toBe('共有 1 个分工方案');
    });

    it('others are told who may import; other formats and damaged files are answered', async () => {
      expect((await sendFile('ou_member', 'plan.txt', Buffer.from('x'))).reply.content.text).toBe('收到文件。只有管理员可以导入分工方案；如需导入，请把文件发给管理员。');
      expect((await sendFile(ADMIN, '方案.pdf', Buffer.from('%PDF'))).reply.content.text).toBe('“方案.pdf”不是可导入的格式。分工方案请用 .docx、.xlsx、.csv、.txt 格式（.doc/.xls 请先另存为 .docx/.xlsx）。');
      const { reply, chatId } = await sendFile(ADMIN, '损坏.docx', Buffer.from('not a zip'));
      await press(readCard(reply.content).buttons[0]!, ADMIN, chatId);
      const failed = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === chatId && String(delivery.content.text ?? '').startsWith('导入失败')));
      expect(failed.content.text).toBe('导入失败：损坏.docx：文件已损坏或不是有效的 .docx 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。');
      expect(await app.db.repos.audit.count('import_job.failed')).toBe(1);
      expect(String((await replyTo(app.url, fake, secrets, { text: '/导入', senderOpenId: ADMIN, chatId })).content.text)).toMatch(/^请把分工方案文件/);
      expect((await replyTo(app.url, fake, secrets, { text: '/import', senderOpenId: 'ou_member', chatId: 'oc_member' })).content.text).toBe('/导入 只有管理员可以使用。如需使用，请联系管理员。');
    });
  });
}
