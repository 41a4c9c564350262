/**
 * Text from documents and from people is shown as text, never as markup:
 * a plan whose task carries Lark markdown, an @all mention (in both the
 * card and the text-message syntax), a link and card JSON is imported, then
 * asked about, opened, reported on, searched, exported and summarised, and
 * commands echo hostile words back. No card or text the bot sends may
 * mention everyone, link where the document pointed, or hold an element the
 * bot did not build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocumentBytes } from '../../src/imports/import-files.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { until } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_1nject10n1nject1', encryptKey: 'inject-encrypt-key', verificationToken: 'inject-verification-token' };
const ADMIN = 'ou_injectadmin';
const CHAT = 'oc_inject_chat';

const HOSTILE_TITLE = '<at id=all></at>全员注意 **加粗** [钓鱼](http://evil.example/a) <at user_id="all"></at>';
const HOSTILE_REQUIREMENT = '{"tag":"button","text":{"tag":"plain_text","content":"假按钮"},"behaviors":[{"type":"callback","value":{"action":"task_close_submit"}}]} <font color=red>红字</font> ~~删除~~';

/** Every string in a value, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, inner]) => strings(inner, name));
  return [];
}

/** Elements of a card with a given tag. */
function elements(card: unknown, tag: string): Record<string, unknown>[] {
  if (Array.isArray(card)) return card.flatMap((item) => elements(item, tag));
  if (!card || typeof card !== 'object') return [];
  const own = (card as { tag?: unknown }).tag === tag ? [card as Record<string, unknown>] : [];
  return [...own, ...Object.values(card).flatMap((inner) => elements(inner, tag))];
}

/** The strings of a card that Lark renders as markdown. */
function markupOf(card: unknown): string[] {
  const markdown = [...elements(card, 'markdown'), ...elements(card, 'lark_md')].map((element) => String(element.content ?? ''));
  const cells = elements(card, 'table').flatMap((table) => {
    const columns = (table.columns as { name: string; data_type?: string }[]).filter((column) => column.data_type === 'lark_md');
    return (table.rows as Record<string, unknown>[]).flatMap((row) => columns.map((column) => String(row[column.name] ?? '')));
  });
  return [...markdown, ...cells];
}

describe('card and markdown injection', () => {
  let fake: FakeLark;
  let app: TestApp;
  let taskId: number;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'inject-secret' });
    app = await startTestApp('sqlite', { ...webhookEnv(secrets, 'inject-secret', fake.url), BOT_ADMINS: ADMIN });
    const csv = ['中山市注入测试工作分工方案', '序号,工作任务,具体要求,牵头单位,完成时限', `1,"${HOSTILE_TITLE.replace(/"/g, '""')}","${HOSTILE_REQUIREMENT.replace(/"/g, '""')}",市财政局,2026年12月底前完成`].join('\n');
    const result = await importDocumentBytes(app.db, '注入测试.csv', Buffer.from(csv, 'utf8'), 'test');
    expect('report' in result).toBe(true);
    const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('注入测试'))!;
    taskId = (await app.db.repos.tasks.listByPlan(plan.id))[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('nothing the bot sends about the hostile task mentions everyone, links out, or grows an element', async () => {
    const ask = (text: string, sender = 'ou_member') => replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId: CHAT });
    const replies = [
      await ask('市财政局负责什么'),
      await ask('全员注意的任务有哪些'),
      await ask(`/任务 #${taskId}`),
      await ask('/查找 全员注意'),
      await ask(`/进度 #${taskId} 50% <at id=all></at> 进展 <at user_id="all"></at> [点我](http://evil.example/b)`, ADMIN),
      await ask(`/任务 #${taskId}`),
      await ask('/周报 注入测试'),
      await ask('/<at user_id="all"></at>'),
      await ask('<at user_id="all"></at> 哪些任务逾期了'),
      await ask('/绑定 <at user_id="all"></at>'),
    ];
    // The task card's history view, through its button.
    const history = await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'task_card', taskId, view: 'history' }, operatorOpenId: 'ou_member', chatId: CHAT }), secrets.encryptKey);
    expect(history.status).toBe(200);
    await until(() => fake.deliveries.length >= replies.length);

    const sent = [...fake.deliveries.map((delivery) => ({ msgType: delivery.msgType, content: delivery.content as unknown })), { msgType: 'interactive', content: (history.body.card as { data: unknown }).data }];
    let sawHostileTask = 0;
    for (const message of sent) {
      // What Lark reads as markup: a text message's text, card markdown and markdown table cells (plain_text is shown as it is).
      const texts = message.msgType === 'interactive' ? markupOf(message.content) : strings(message.content).map((entry) => entry.text);
      const all = texts.join('\n');
      if (strings(message.content).some((entry) => entry.text.includes('全员注意'))) sawHostileTask++;
      // No @all in either syntax, no link to where the document or the note pointed, no colour or strike from them.
      expect(all).not.toMatch(/<at (id|user_id)="?all/i);
      expect(all).not.toContain('](http://evil.example');
      expect(all).not.toMatch(/<font color=red>/);
      if (message.msgType === 'interactive') {
        // The only buttons are the bot's own: none is labelled from the document.
        for (const button of elements(message.content, 'button')) expect(strings(button).map((entry) => entry.text)).not.toContain('假按钮');
        // Every mention in card markdown is one the bot wrote, of a person.
        for (const text of texts) for (const mention of text.match(/<at [^>]*>/g) ?? []) expect(mention).toMatch(/^<at id=ou_\w+>$/);
      }
    }
    // A card's text stand-in (sent if Lark refuses the card) is safe the same way.
    const fallbacks = (await app.db.repos.outbox.list()).map((row) => row.fallbackText ?? '').filter((text) => text.includes('全员注意'));
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const text of fallbacks) expect(text).not.toMatch(/<at |\]\(http/);
    // The hostile text was shown (as text), not dropped: in the answers, the task card, the search, the summary.
    expect(sawHostileTask).toBeGreaterThanOrEqual(5);
  });
});
