/**
 * Plans sent in chat as the formats offices keep (issue 18): .doc, .wps,
 * .xls, .et and .pdf, through the real webhook route, the import worker's
 * download and the parse thread, to the import card and, for the PDF, the
 * report. A scanned PDF is answered with what it is. The .wps and .et are
 * the .doc and .xls bytes under WPS's names (WPS writes the same formats).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { pdfOf } from '../support/pdf-writer.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_legacyformats01', encryptKey: 'legacy-encrypt-key', verificationToken: 'legacy-verification-token' };
const ADMIN = 'ou_legacyadmin';
const fixture = (extension: string) => readFile(new URL(`../fixtures/real/office/dazhu-2016-1.${extension}`, import.meta.url));

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`plans in old and published formats imported in chat [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let sequence = 0;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'legacy-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'legacy-secret', fake.url), SEED_ON_EMPTY: '0', BOT_ADMINS: ADMIN });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    async function sendFile(name: string, data: Buffer) {
      const messageId = `om_legacy_${provider}_${++sequence}`;
      const key = fake.addMessageFile(messageId, name, data);
      const chatId = `oc_p2p_${ADMIN}`;
      const reply = await replyTo(app.url, fake, secrets, { text: '', senderOpenId: ADMIN, chatId, messageId, file: { key, name } });
      return { reply, chatId, messageId };
    }
    /** The worker's answer to a file message: the import card, or why it cannot be imported. */
    const answerTo = (messageId: string) =>
      waitFor(() => fake.deliveries.find((delivery) => delivery.target === messageId && (delivery.msgType === 'interactive' || String(delivery.content.text ?? '').startsWith('无法导入'))));

    it('a .doc, .wps, .xls, .et and .pdf each get the import card with the plan’s 10 tasks; the PDF imports', async () => {
      for (const [name, source] of [['民生实事.doc', 'doc'], ['民生实事.wps', 'doc'], ['民生实事.xls', 'xls'], ['民生实事.et', 'xls'], ['民生实事.pdf', 'pdf']] as const) {
        const { reply, messageId, chatId } = await sendFile(name, await fixture(source));
        expect(String(reply.content.text)).toMatch(new RegExp(`^收到 ${name.replace('.', '\\.')}，正在读取`));
        const answer = await answerTo(messageId);
        expect({ name, type: answer.msgType }).toEqual({ name, type: 'interactive' });
        const preview = readCard(answer.content);
        expect({ name, tasks: /10 项任务，/.test(preview.text), title: preview.text.includes('2016年民生实事目标任务分解表') }).toEqual({ name, tasks: true, title: true });
        if (source !== 'pdf') continue;
        const value = preview.buttons[preview.labels.indexOf('导入')]!;
        const pressed = await postToWebhook(app.url, cardActionEvent(secrets, { value, formValue: {}, operatorOpenId: ADMIN, chatId }), secrets.encryptKey);
        expect((pressed.body as { toast?: { content: string } }).toast?.content).toBe('正在导入，完成后会把导入报告发到这里。');
        const report = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === chatId && String(delivery.content.text ?? '').startsWith('导入完成')));
        expect(String(report.content.text)).toContain('《2016年民生实事目标任务分解表》（大竹县，新导入）\n  10 项任务；');
      }
      expect(await app.db.repos.plans.count()).toBe(1);
    });

    it('a scanned PDF is answered with what it holds, and nothing is stored', async () => {
      const { messageId } = await sendFile('扫描件.pdf', pdfOf([{ image: true }]));
      const answer = await answerTo(messageId);
      expect(answer.content.text).toBe(
        '无法导入：扫描件.pdf：这份 PDF 的 1 页里只有图片，没有文字（多半是扫描件），无法读取其中的任务，没有导入。请向发文单位索取 Word/WPS 原件或带文字的 PDF；也可以先用 WPS 或 Acrobat 的“文字识别（OCR）”转成 Word，核对后再导入。',
      );
      expect(await app.db.repos.plans.count()).toBe(1);
    });
  });
}
