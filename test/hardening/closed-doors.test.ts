/**
 * The security review's reproductions, each one now refused: a foreign page
 * driving the console (CSRF), a DNS-rebound host and a reverse proxy in front
 * of it; console people keeping real roles after the console is off; webhook
 * mode without an Encrypt Key; a supervisor approving their own liaison
 * request and then their own closure; a 100,000-deep card value; forwarded
 * addresses believed without TRUST_PROXY; rejection texts that tell a prober
 * which check ran; console uploads kept forever.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ConsoleStore, FILE_BYTES_LIMIT, FILE_TTL_MS } from '../../src/console/console-store.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { JsonText, cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { until } from '../support/wait.js';

type Json = Record<string, any>;

const secrets: ConsoleSecrets = { appId: 'cli_c10sedd00rs00001', encryptKey: 'closed-doors-encrypt-key', verificationToken: 'closed-doors-verification-token' };
const APP_SECRET = 'closed-doors-app-secret';
const ADMIN = 'ou_doorsadmin';
const SUPERVISOR = 'ou_doorssupervisor';
const CHAT = 'oc_doors_chat';
const CONSOLE_ADMIN = 'ou_console_admin';
const CONSOLE_ADMIN_P2P = 'oc_console_p2p_admin';

/** A raw HTTP request, so the Host header can be anything (fetch will not set it). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('closed doors', () => {
  let fake: FakeLark;
  let consoleApp: TestApp | undefined;
  let realApp: TestApp | undefined;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: APP_SECRET });
    consoleApp = await startTestApp('sqlite', { CONSOLE: '1', SEED_ON_EMPTY: '1' });
  }, 90_000);
  afterAll(async () => {
    await consoleApp?.close();
    await realApp?.close();
    await fake?.close();
  });

  it('a foreign page, a rebound host name or a proxy cannot drive the console; the page itself can', async () => {
    const app = consoleApp!;
    const state = (await (await fetch(`${app.url}/console/api/state`)).json()) as Json;
    const host = new URL(app.url).host;
    // A task card in the administrator's chat, to press on.
    const say = (csrf: string, text: string) =>
      fetch(`${app.url}/console/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-csrf': csrf }, body: JSON.stringify({ as: CONSOLE_ADMIN, chatId: CONSOLE_ADMIN_P2P, text }) });
    expect((await say(state.csrf, '/任务 #7')).status).toBe(200);
    let card: Json | undefined;
    await until(async () => {
      const messages = ((await (await fetch(`${app.url}/console/api/messages?chatId=${CONSOLE_ADMIN_P2P}&after=0`)).json()) as Json).messages as Json[];
      card = messages.find((message) => message.msgType === 'interactive' && message.sender.kind === 'bot');
      return card !== undefined;
    }, 15_000);
    const before = await app.db.repos.tasks.get(7);
    const close = JSON.stringify({ as: CONSOLE_ADMIN, messageId: card!.messageId, value: { action: 'task_close_submit', taskId: 7 }, formValue: { evidence: '已办结 https://evil.example/' } });

    const attempts = [
      // The reproduction: an auto-submitted <form enctype="text/plain"> on another site.
      raw(`${app.url}/console/api/actions`, { method: 'POST', headers: { host, origin: 'https://evil.example', 'content-type': 'text/plain' }, body: close }),
      // The same as JSON, without the page's request token.
      raw(`${app.url}/console/api/actions`, { method: 'POST', headers: { host, 'content-type': 'application/json' }, body: close }),
      // With the token, but sent from another origin.
      raw(`${app.url}/console/api/actions`, { method: 'POST', headers: { host, origin: 'https://evil.example', 'content-type': 'application/json', 'x-console-csrf': state.csrf }, body: close }),
      // DNS rebinding: the attacker's name resolved to 127.0.0.1.
      raw(`${app.url}/console/api/actions`, { method: 'POST', headers: { host: 'rebind.evil.example', 'content-type': 'application/json', 'x-console-csrf': state.csrf }, body: close }),
      raw(`${app.url}/console/api/state`, { headers: { host: `rebind.evil.example:${new URL(app.url).port}` } }),
      // Through a reverse proxy on this machine: every request comes from 127.0.0.1.
      raw(`${app.url}/console/api/actions`, { method: 'POST', headers: { host, 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json', 'x-console-csrf': state.csrf }, body: close }),
      raw(`${app.url}/`, { headers: { host, 'x-real-ip': '203.0.113.9' } }),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatch(/拒绝|本机|localhost|CONSOLE_TOKEN|校验/);
    }
    expect(await app.db.repos.tasks.get(7)).toMatchObject({ status: before!.status, percent: before!.percent });

    // The page's own call, from the same origin with its token, goes through.
    const sameOrigin = await raw(`${app.url}/console/api/actions`, {
      method: 'POST',
      headers: { host, origin: app.url, 'content-type': 'application/json', 'x-console-csrf': state.csrf },
      body: JSON.stringify({ as: CONSOLE_ADMIN, messageId: card!.messageId, value: { action: 'task_card', taskId: 7 } }),
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('remote access needs CONSOLE_TOKEN, and webhook mode needs an Encrypt Key: both are configuration errors', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ CONSOLE_ALLOW_REMOTE: '1' }).join('\n')).toContain('CONSOLE_TOKEN');
    expect(problems({ CONSOLE_ALLOW_REMOTE: '1', CONSOLE_TOKEN: 'short' }).join('\n')).toContain('CONSOLE_TOKEN');
    expect(problems({ CONSOLE_ALLOW_REMOTE: '1', CONSOLE_TOKEN: 'a-long-enough-console-token' })).toEqual([]);
    const plaintext = problems({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_VERIFICATION_TOKEN: 'vt', LARK_MODE: 'webhook' });
    expect(plaintext.join('\n')).toContain('LARK_ENCRYPT_KEY is required in webhook mode');
    expect(problems({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'ws' })).toEqual([]);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('once the console is off, its people hold no role: a real request is never sent to them', async () => {
    const databaseUrl = consoleApp!.databaseUrl;
    expect((await consoleApp!.db.repos.people.grantsOf('ou_console_supervisor', 'active')).length).toBe(1);
    await consoleApp!.close();
    consoleApp = undefined;
    realApp = await startTestApp('sqlite', { ...webhookEnv(secrets, APP_SECRET, fake.url), BOT_ADMINS: ADMIN }, databaseUrl);
    for (const openId of ['ou_console_admin', 'ou_console_supervisor', 'ou_console_liaison']) {
      expect(await realApp.db.repos.people.grantsOf(openId, 'active')).toEqual([]);
    }
    const reply = await replyTo(realApp.url, fake, secrets, { text: '/绑定 中山市 市旅游局', senderOpenId: 'ou_doorsnewcomer', chatId: CHAT });
    expect(String(reply.content.text)).toContain('已提交申请');
    await until(() => fake.deliveries.some((delivery) => delivery.target === ADMIN), 10_000);
    await realApp.lark!.processor.idle();
    expect(fake.deliveries.filter((delivery) => delivery.target.startsWith('ou_console_'))).toEqual([]);
  });

  it('nobody approves their own request: a supervisor’s liaison request, then their own closure, wait for someone else', async () => {
    const app = realApp!;
    const person = await app.db.repos.people.upsert(SUPERVISOR);
    await app.db.repos.people.grant({ personId: person.id, role: 'supervisor', state: 'active', grantedBy: ADMIN });
    const press = async (operatorOpenId: string, value: Record<string, unknown>) => {
      const answer = await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId, chatId: CHAT }), secrets.encryptKey);
      expect(answer.status).toBe(200);
      return (answer.body.toast as { type: string; content: string } | undefined) ?? { type: 'none', content: '' };
    };

    const deliveredBefore = fake.deliveries.length;
    await replyTo(app.url, fake, secrets, { text: '/绑定 中山市 市财政局', senderOpenId: SUPERVISOR, chatId: CHAT });
    await app.lark!.processor.idle();
    await until(() => fake.deliveries.slice(deliveredBefore).some((delivery) => delivery.target === ADMIN), 10_000);
    expect(fake.deliveries.slice(deliveredBefore).filter((delivery) => delivery.target === SUPERVISOR)).toEqual([]);
    const request = (await app.db.repos.people.grantsOf(SUPERVISOR, 'pending'))[0]!;
    const own = await press(SUPERVISOR, { action: 'grant_review', grantId: request.id, approve: true });
    expect(own).toMatchObject({ type: 'error' });
    expect(own.content).toContain('不能审批自己的申请');
    expect((await app.db.repos.people.getGrant(request.id))?.state).toBe('pending');
    expect((await press(ADMIN, { action: 'grant_review', grantId: request.id, approve: true })).type).toBe('success');

    // Now the unit's liaison as well as a supervisor: closing one of its tasks asks for review, and not of themselves.
    const unit = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
    const plans = await app.db.repos.plans.list();
    let taskId: number | undefined;
    for (const plan of plans) {
      const found = (await app.db.repos.tasks.listByPlan(plan.id)).find((task) => task.status !== 'done' && task.units.some((link) => link.unitId === unit.id && link.role === 'lead'));
      if (found) {
        taskId = found.id;
        break;
      }
    }
    const closing = await replyTo(app.url, fake, secrets, { text: `/完成 #${taskId} 已在门户网站公开 https://www.example.gov.cn/zwgk`, senderOpenId: SUPERVISOR, chatId: CHAT });
    expect(String(closing.content.text)).toContain('等待');
    expect((await app.db.repos.tasks.get(taskId!))?.status).toBe('pending_review');
    const ownReview = await press(SUPERVISOR, { action: 'closure_review', taskId, approve: true });
    expect(ownReview.content).toContain('不能审核通过自己的办结申请');
    expect((await app.db.repos.tasks.get(taskId!))?.status).toBe('pending_review');
    await press(ADMIN, { action: 'closure_review', taskId, approve: true });
    expect((await app.db.repos.tasks.get(taskId!))?.status).toBe('done');
  });

  it('a card value 100,000 levels deep is answered as a spent button, not a 500', async () => {
    const app = realApp!;
    const deep = `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`;
    const envelope = JSON.stringify(cardActionEvent(secrets, { value: { action: 'task_card', deep: '__DEEP__' }, operatorOpenId: ADMIN, chatId: CHAT })).replace('"__DEEP__"', deep);
    const answer = await postToWebhook(app.url, new JsonText(envelope), secrets.encryptKey);
    expect(answer.status).toBe(200);
    expect((answer.body.toast as Json | undefined)?.content).toBeTruthy();
  });

  it('without TRUST_PROXY the logged address is the socket’s; a refusal does not say which check refused it', async () => {
    const app = realApp!;
    const forged = await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'task_card' } }), secrets.encryptKey, { signWith: 'guessed' });
    const undecryptable = await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'task_card' } }), 'someone-elses-key');
    expect(forged.status).toBe(401);
    expect(undecryptable.status).toBe(400);
    expect(forged.body).toEqual({ error: 'rejected' });
    expect(undecryptable.body).toEqual({ error: 'rejected' });
    const spoofed = await fetch(`${app.url}/lark/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: '{}' });
    expect(spoofed.status).toBe(400);
    const logged = app.logs.filter((line) => line.includes('lark request rejected')).at(-1)!;
    expect(logged).not.toContain('203.0.113.9');
    expect(logged).toMatch(/"ip":"(::ffff:)?127\.0\.0\.1"/);
  });

  it('console uploads are bounded and expire', () => {
    const store = new ConsoleStore();
    const start = Date.now();
    const keys: string[] = [];
    for (let n = 0; n < 10; n++) keys.push(store.putFile(`plan-${n}.docx`, Buffer.alloc(29 * 1024 * 1024), null, start + n).key);
    expect(store.fileBytes()).toBeLessThanOrEqual(FILE_BYTES_LIMIT);
    expect(store.file(keys[9]!, start + 10)).toBeDefined();
    expect(store.file(keys[0]!, start + 10)).toBeUndefined();
    expect(store.file(keys[9]!, start + 10 + FILE_TTL_MS)).toBeUndefined();
    expect(store.fileBytes()).toBe(0);
  });
});
