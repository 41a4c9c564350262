/**
 * The local console's calls, over HTTP against the running service: bad
 * input answered in Chinese with nothing stored, a plan imported by file,
 * the ledger downloadable, the weekly card run now, access from other
 * machines refused, and the console kept apart from a real Lark app beside
 * it. The answers come through the real outbox, SDK and the console's Open
 * API, as in the browser.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent, postToWebhook, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const GROUP = 'oc_console_group';
const ADMIN = 'ou_console_admin';
const MEMBER = 'ou_console_member';
const ADMIN_P2P = 'oc_console_p2p_admin';

type Json = Record<string, any>;

/** The page's request token, as the page reads it from the console's state. */
async function csrfOf(baseUrl: string): Promise<string> {
  return ((await (await fetch(`${baseUrl}/console/api/state`)).json()) as Json).csrf;
}

/** The console's calls, as the page makes them (with its request token). */
function consoleOf(baseUrl: string) {
  let csrf: string | undefined;
  const post = async (path: string, body: unknown) => {
    csrf ??= await csrfOf(baseUrl);
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-csrf': csrf }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const messages = async (chatId: string): Promise<Json[]> => ((await (await fetch(`${baseUrl}/console/api/messages?chatId=${chatId}&after=0`)).json()) as Json).messages;
  return {
    post,
    messages,
    say: (as: string, chatId: string, text: string) => post('/console/api/messages', { as, chatId, text }),
    press: (as: string, messageId: string, value: Json, formValue?: Json) => post('/console/api/actions', { as, messageId, value, ...(formValue ? { formValue } : {}) }),
    /** The first bot message in a chat after `after` that `match` accepts. */
    botMessage: (chatId: string, match: (message: Json) => boolean, after = 0) =>
      waitForAsync(async () => (await messages(chatId)).find((message) => message.seq > after && message.sender.kind === 'bot' && match(message)), 10_000),
  };
}

/** Polls an async finder until it finds something. */
async function waitForAsync<T>(find: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('not found in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cardTitle = (message: Json) => String(message.content?.header?.title?.content ?? '');
const buttonsOf = (card: unknown): Json[] => {
  if (Array.isArray(card)) return card.flatMap(buttonsOf);
  if (!card || typeof card !== 'object') return [];
  const own = (card as Json).tag === 'button' ? [card as Json] : [];
  return [...own, ...Object.values(card).flatMap(buttonsOf)];
};

describe('local console API', () => {
  let app: TestApp;
  let ui: ReturnType<typeof consoleOf>;

  beforeAll(async () => {
    app = await startTestApp('sqlite', { CONSOLE: '1', SEED_ON_EMPTY: '1' });
    ui = consoleOf(app.url);
    await ui.botMessage(GROUP, (message) => String(message.content.text ?? '').includes('我是督办助手'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves the page, and refuses bad input in Chinese without storing or sending anything', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('督办助手');
    const before = (await ui.messages(GROUP)).length;
    const outboxBefore = (await app.db.repos.outbox.list()).length;

    const stranger = await ui.say('ou_somebody', GROUP, '市财政局负责什么');
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toContain('选择“我是谁”');
    const othersChat = await ui.say(MEMBER, ADMIN_P2P, '你好');
    expect(othersChat.status).toBe(400);
    expect(othersChat.body.error).toContain('这个会话不属于你');
    const empty = await ui.say(MEMBER, GROUP, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('消息是空的');
    const notJson = await ui.post('/console/api/messages', '{"as":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toContain('JSON');
    const wrongShape = await ui.post('/console/api/messages', { as: MEMBER, chatId: GROUP, text: 42 });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error).toContain('text');
    const noCard = await ui.press(MEMBER, 'om_console_nothing', { action: 'task_card', taskId: 1 });
    expect(noCard.status).toBe(404);

    expect((await ui.messages(GROUP)).length).toBe(before);
    expect((await app.db.repos.outbox.list()).length).toBe(outboxBefore);
  });

  it('a member asks in their own chat without @ and is answered there', async () => {
    const asked = await ui.say(MEMBER, 'oc_console_p2p_member', '哪些任务逾期了');
    expect(asked.status).toBe(200);
    const answer = await ui.botMessage('oc_console_p2p_member', (message) => message.replyTo === asked.body.message.messageId);
    expect(answer.msgType).toBe('interactive');
    expect(cardTitle(answer)).toMatch(/逾期|任务/);
  });

  it('an administrator imports a plan by sending the file, and the report comes back', async () => {
    const csv = Buffer.from('中山市控制台测试工作分工方案\n序号,工作任务,牵头单位,完成时限\n1,编制控制台测试清单,市测试局,2027年3月底前完成\n', 'utf8');
    const sent = await fetch(`${app.url}/console/api/files?as=${ADMIN}&chatId=${ADMIN_P2P}&name=${encodeURIComponent('控制台测试方案.csv')}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-console-csrf': await csrfOf(app.url) }, body: csv });
    expect(sent.status).toBe(200);
    const fileMessage = ((await sent.json()) as Json).message;
    const confirm = await ui.botMessage(ADMIN_P2P, (message) => message.msgType === 'interactive' && message.replyTo === fileMessage.messageId);
    const importButton = buttonsOf(confirm.content).find((button) => button.text.content === '导入')!;
    const pressed = await ui.press(ADMIN, confirm.messageId, importButton.behaviors[0].value);
    expect(pressed.status).toBe(200);
    const report = await ui.botMessage(ADMIN_P2P, (message) => String(message.content.text ?? '').startsWith('导入完成'));
    expect(report.content.text).toContain('《中山市控制台测试工作分工方案》');
    const catalog = await app.catalog.current();
    expect(catalog.index.matchPlans('控制台测试').length).toBe(1);
  });

  it('/导出 sends the ledger as a file the page can download', async () => {
    const asked = await ui.say(MEMBER, GROUP, '/导出 市财政局');
    const file = await ui.botMessage(GROUP, (message) => message.msgType === 'file', asked.body.message.seq);
    expect(file.content.file_name).toMatch(/\.xlsx$/);
    const download = await fetch(`${app.url}/console/api/files/${file.content.file_key}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('.xlsx');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await fetch(`${app.url}/console/api/files/file_console_missing`)).status).toBe(404);
  });

  it('runs the weekly card now in the group, as the schedule would send it (not a preview); not in a one-to-one chat', async () => {
    const latest = Math.max(...(await ui.messages(GROUP)).map((message) => message.seq));
    const run = await ui.post('/console/api/weekly', { chatId: GROUP });
    expect(run.status).toBe(200);
    const card = await ui.botMessage(GROUP, (message) => cardTitle(message).includes('督办周报'), latest);
    expect(String(card.content.header.subtitle.content)).not.toContain('预览');
    const p2p = await ui.post('/console/api/weekly', { chatId: ADMIN_P2P });
    expect(p2p.status).toBe(400);
    expect(p2p.body.error).toContain('群');
  });
});

/** This machine's first non-loopback IPv4 address, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe.skipIf(!outsideAddress)(`console access from other machines${outsideAddress ? '' : ' (skipped: no non-loopback address)'}`, () => {
  it('is refused unless CONSOLE_ALLOW_REMOTE=1, and then only with the token', async () => {
    const closed = await startTestApp('sqlite', { CONSOLE: '1', HOST: '0.0.0.0' });
    const open = await startTestApp('sqlite', { CONSOLE: '1', HOST: '0.0.0.0', CONSOLE_ALLOW_REMOTE: '1', CONSOLE_TOKEN: 'console-token-for-tests' });
    try {
      const port = (app: TestApp) => new URL(app.url).port;
      const refused = await fetch(`http://${outsideAddress}:${port(closed)}/console/api/state`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('只接受本机访问');
      expect((await fetch(`http://127.0.0.1:${port(closed)}/console/api/state`)).status).toBe(200);
      const remote = `http://${outsideAddress}:${port(open)}`;
      expect((await fetch(`${remote}/console/api/state`)).status).toBe(401);
      const signIn = await fetch(`${remote}/console/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=console-token-for-tests', redirect: 'manual' });
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      expect(cookie).not.toContain('console-token-for-tests');
      expect((await fetch(`${remote}/console/api/state`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

describe('console and a real Lark app', () => {
  const secrets: ConsoleSecrets = { appId: 'cli_c0ns01ec0ns01ec0', encryptKey: 'console-encrypt-key', verificationToken: 'console-verification-token' };
  let fake: FakeLark;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'console-secret' });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('with Lark configured the console is off, unless CONSOLE=1; then each side gets only its own messages', async () => {
    const off = await startTestApp('sqlite', { ...webhookEnv(secrets, 'console-secret', fake.url), CONSOLE: undefined });
    try {
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      expect((await fetch(`${off.url}/console/api/state`)).status).toBe(404);
    } finally {
      await off.close();
    }

    const both = await startTestApp('sqlite', { ...webhookEnv(secrets, 'console-secret', fake.url), CONSOLE: '1', SEED_ON_EMPTY: '1' });
    try {
      const ui = consoleOf(both.url);
      const asked = await ui.say(MEMBER, GROUP, '市财政局负责什么');
      const answer = await ui.botMessage(GROUP, (message) => message.replyTo === asked.body.message.messageId);
      expect(cardTitle(answer)).toMatch(/项任务/);

      const event = messageEvent(secrets, { text: '/帮助', senderOpenId: 'ou_real_person', chatId: 'oc_real_chat' });
      expect((await postToWebhook(both.url, event, secrets.encryptKey)).status).toBe(200);
      await waitFor(() => fake.deliveries.find((delivery) => delivery.target === event.event.message.message_id));
      // Lark got only the real chat's reply; the console's greeting and answer never left the machine.
      expect(fake.deliveries.every((delivery) => !delivery.target.includes('_console_'))).toBe(true);
      expect(fake.deliveries).toHaveLength(1);
    } finally {
      await both.close();
    }
  });
});
