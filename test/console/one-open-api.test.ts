/**
 * The console's Open API and the tests' fake are one implementation
 * (src/console/fake-open-api): whatever the bot meets in one it meets in the
 * other. Each answers Lark's refusals with the same status, code and
 * message, keeps a uuid's message once, and lets a callback's update token
 * be used twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CHATS } from '../../src/console/console-cast.js';
import { startConsoleOpenApi } from '../../src/console/console-open-api.js';
import { ConsoleStore } from '../../src/console/console-store.js';
import { startFakeLark } from '../support/fake-lark.js';

/** One running Open API, and what a test needs to read back from it. */
interface Subject {
  url: string;
  app: { appId: string; appSecret: string };
  chat: string;
  /** Messages taken so far. */
  taken(): number;
  /** A callback's update token for a message it holds. */
  updateToken(messageId: string): string;
  close(): Promise<void>;
}

async function theConsole(): Promise<Subject> {
  const store = new ConsoleStore();
  const api = await startConsoleOpenApi(store);
  const chat = CONSOLE_CHATS[0]!.chatId;
  return { url: api.url, app: api.app, chat, taken: () => store.changedSince(chat, 0).length, updateToken: (id) => store.issueUpdateToken(id), close: () => api.close() };
}

async function theTestsFake(): Promise<Subject> {
  const app = { appId: 'cli_one', appSecret: 'one-secret' };
  const fake = await startFakeLark(app);
  return { url: fake.url, app, chat: 'oc_one', taken: () => fake.deliveries.length, updateToken: () => 'c-one', close: () => fake.close() };
}

const text = (value: string) => JSON.stringify({ text: value });

describe.each([
  { name: 'the console', start: theConsole },
  { name: 'the tests’ fake', start: theTestsFake },
])('$name answers as Lark does', ({ start }) => {
  let subject: Subject;
  let token: string;
  const call = async (method: string, path: string, body?: unknown, bearer: string | undefined = token) => {
    const answer = await fetch(`${subject.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: answer.status, body: (await answer.json()) as { code: number; msg: string; data?: { message_id?: string; file_key?: string }; tenant_access_token?: string } };
  };
  const send = (body: Record<string, unknown>, query = '?receive_id_type=chat_id') => call('POST', `/open-apis/im/v1/messages${query}`, { receive_id: subject.chat, msg_type: 'text', ...body });

  beforeAll(async () => {
    subject = await start();
    const issued = await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', { app_id: subject.app.appId, app_secret: subject.app.appSecret }, undefined);
    token = issued.body.tenant_access_token!;
  });
  afterAll(async () => {
    await subject?.close();
  });

  it('issues tokens only to its app and checks them on every call', async () => {
    expect(await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', { app_id: subject.app.appId, app_secret: 'wrong' }, undefined)).toEqual({ status: 400, body: { code: 10014, msg: 'app secret invalid' } });
    expect((await send({ content: text('hi') })).status).toBe(200);
    const unsigned = await call('POST', '/open-apis/im/v1/messages?receive_id_type=chat_id', { receive_id: subject.chat, msg_type: 'text', content: text('hi') }, 't-forged');
    expect(unsigned).toEqual({ status: 400, body: { code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' } });
  });

  it('refuses what Lark refuses, and takes none of it', async () => {
    const before = subject.taken();
    expect(await send({ content: text('hi') }, '')).toEqual({ status: 400, body: { code: 99992402, msg: 'field validation failed: receive_id_type' } });
    expect(await send({ content: text('长'.repeat(60_000)) })).toEqual({ status: 400, body: { code: 230025, msg: 'The message content is too long.' } });
    expect(await send({ content: 'hi' })).toEqual({ status: 400, body: { code: 230001, msg: 'content is not JSON' } });
    expect(await send({ content: text('hi'), uuid: 'u'.repeat(51) })).toEqual({ status: 400, body: { code: 230001, msg: 'uuid is longer than 50 characters' } });
    const card = await send({ msg_type: 'interactive', content: JSON.stringify({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: 'x', href: {} }] } }) });
    expect(card.status).toBe(400);
    expect(card.body.code).toBe(230099);
    expect(card.body.msg).toMatch(/^Failed to create card content, ext=.*href/);
    expect(subject.taken()).toBe(before);
  });

  it('keeps a message sent twice with one uuid once, under one id', async () => {
    const before = subject.taken();
    const first = await send({ content: text('一次'), uuid: 'one-open-api-uuid' });
    const again = await send({ content: text('一次'), uuid: 'one-open-api-uuid' });
    expect(first.status).toBe(200);
    expect(again.body.data?.message_id).toBe(first.body.data?.message_id);
    expect(subject.taken()).toBe(before + 1);
  });

  it('lets a callback’s update token be used twice, then refuses it', async () => {
    const sent = await send({ content: text('卡片之前') });
    const updateToken = subject.updateToken(sent.body.data!.message_id!);
    const card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '更新' }] } };
    for (let use = 0; use < 2; use++) expect((await call('POST', '/open-apis/interactive/v1/card/update', { token: updateToken, card })).body).toEqual({ code: 0, msg: 'ok' });
    expect(await call('POST', '/open-apis/interactive/v1/card/update', { token: updateToken, card })).toEqual({ status: 400, body: { code: 200830, msg: 'token is invalid or has been used up' } });
  });

  it('refuses an empty upload and a file asked of a message that does not hold it', async () => {
    const upload = async (data: Blob) => {
      const form = new FormData();
      form.append('file_type', 'stream');
      form.append('file_name', '台账.xlsx');
      form.append('file', data);
      const answer = await fetch(`${subject.url}/open-apis/im/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return { status: answer.status, body: (await answer.json()) as { code: number; msg: string; data?: { file_key: string } } };
    };
    expect(await upload(new Blob([]))).toEqual({ status: 400, body: { code: 234010, msg: 'file is empty' } });
    const kept = await upload(new Blob([Buffer.from('rows')]));
    expect(kept.body.code).toBe(0);
    const sent = await send({ content: text('没有文件') });
    expect(await call('GET', `/open-apis/im/v1/messages/${sent.body.data!.message_id!}/resources/${kept.body.data!.file_key}?type=file`)).toEqual({ status: 400, body: { code: 234003, msg: 'File not in msg.' } });
  });
});
