/**
 * Requests meant to get past the webhook or a card button: every rejected
 * request is refused with a 4xx, stores no event and is logged once with its
 * reason; card buttons whose value claims another task, another person or a
 * role the presser lacks are refused and change nothing; and across the
 * whole run, no secret (app secret, encrypt key, verification token, tenant
 * token) appears in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, messageEvent, postToWebhook, replyTo, signedRequest, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_h0st11eh0st11e0', encryptKey: 'hostile-encrypt-key-7c1e', verificationToken: 'hostile-verification-token-93b2' };
const APP_SECRET = 'hostile-app-secret-5d0a';
const ADMIN = 'ou_hostileadmin';
const LIAISON = 'ou_hostileliaison';
const MEMBER = 'ou_hostilemember';
const CHAT = 'oc_hostile_chat';

describe('hostile requests', () => {
  let fake: FakeLark;
  let app: TestApp;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: APP_SECRET });
    app = await startTestApp('sqlite', { ...webhookEnv(secrets, APP_SECRET, fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const rejections = () => app.logs.filter((line) => line.includes('lark request rejected')).length;

  it('each rejected request: a 4xx, no event stored, one log line with the reason', async () => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(`${app.url}/lark/events`, { method: 'POST', headers, body });
    const fresh = () => messageEvent(secrets, { text: '/帮助', chatId: CHAT });
    const oversized = (() => {
      const event = messageEvent(secrets, { text: '长'.repeat(400_000), chatId: CHAT });
      const request = signedRequest(event, secrets.encryptKey);
      return { event, status: post(request.body, request.headers).then((response) => response.status) };
    })();
    const cases = [
      { name: 'forged signature', event: fresh(), send: (event: unknown) => postToWebhook(app.url, event, secrets.encryptKey, { signWith: 'guess' }), status: 401 },
      { name: 'replayed (an hour old)', event: fresh(), send: (event: unknown) => postToWebhook(app.url, event, secrets.encryptKey, { timestamp: Math.floor(Date.now() / 1000) - 3600 }), status: 401 },
      { name: 'from the future', event: fresh(), send: (event: unknown) => postToWebhook(app.url, event, secrets.encryptKey, { timestamp: Math.floor(Date.now() / 1000) + 3600 }), status: 401 },
      { name: 'wrong key', event: fresh(), send: (event: unknown) => postToWebhook(app.url, event, 'someone-elses-key'), status: 400 },
      {
        name: 'wrong token',
        event: (() => {
          const event = fresh();
          return { ...event, header: { ...event.header, token: 'forged-token' } };
        })(),
        send: (event: unknown) => postToWebhook(app.url, event, secrets.encryptKey),
        status: 403,
      },
      { name: 'unsigned', event: fresh(), send: (event: unknown) => postToWebhook(app.url, event, secrets.encryptKey, { unsigned: true }), status: 401 },
    ];
    const before = rejections();
    for (const { name, event, send, status } of cases) expect({ name, status: (await send(event)).status }).toEqual({ name, status });
    expect({ name: 'oversized', status: await oversized.status }).toEqual({ name: 'oversized', status: 413 });
    for (const [name, body] of [
      ['malformed JSON', '{"encrypt":'],
      ['JSON that is not an object', '[1,2,3]'],
      ['an empty body', ''],
    ] as const) {
      expect({ name, status: (await post(body)).status }).toEqual({ name, status: 400 });
    }
    await app.lark!.processor.idle();
    for (const { event } of [...cases, oversized]) expect(await app.db.repos.events.get(event.header.event_id)).toBeUndefined();
    // One line per signed-but-refused request (the oversized and unreadable ones are refused before verification).
    expect(rejections() - before).toBe(cases.length + 3);
    expect(fake.deliveries.filter((delivery) => delivery.target === CHAT)).toHaveLength(0);
  });

  it('card buttons that claim another task, person or role are refused and change nothing', async () => {
    // A liaison of 中山市 市旅游局, and a task that unit has nothing to do with.
    const unit = (await app.db.repos.units.findByName('中山市', '市旅游局'))!;
    const person = await app.db.repos.people.upsert(LIAISON);
    await app.db.repos.people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'active', grantedBy: ADMIN });
    const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
    const foreign = (await app.db.repos.tasks.listByPlan(plan.id)).find((task) => task.key === '8')!;
    // A pending liaison request of the member's, for a "self-approval".
    const bind = await replyTo(app.url, fake, secrets, { text: '/绑定 中山市 市财政局', senderOpenId: MEMBER, chatId: CHAT });
    expect(String(bind.content.text ?? JSON.stringify(bind.content))).toMatch(/申请/);
    const pending = (await app.db.repos.people.grantsOf(MEMBER, 'pending'))[0]!;
    const audits = await app.db.repos.audit.count();

    const press = async (operatorOpenId: string, value: Record<string, unknown>, formValue?: Record<string, unknown>) => {
      const answer = await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId, chatId: CHAT, ...(formValue ? { formValue } : {}) }), secrets.encryptKey);
      expect(answer.status).toBe(200);
      return (answer.body.toast as { type: string; content: string } | undefined) ?? { type: 'none', content: '' };
    };
    const refusals = [
      // Progress on a task of another unit, with the value claiming the admin as actor and a unit it does not hold.
      await press(LIAISON, { action: 'task_progress_submit', taskId: foreign.id, operator: ADMIN, unitId: 1, role: 'admin' }, { percent: '90', note: '冒充' }),
      // Closing it.
      await press(LIAISON, { action: 'task_close_submit', taskId: foreign.id, openId: ADMIN }, { evidence: 'http://example.com' }),
      // A supervisor's decision on it.
      await press(MEMBER, { action: 'closure_review', taskId: foreign.id, approve: true, reviewer: ADMIN }),
      // Approving one's own liaison request.
      await press(MEMBER, { action: 'grant_review', grantId: pending.id, approve: true, role: 'admin' }),
      // Importing a file as an administrator.
      await press(MEMBER, { action: 'import_file', messageId: 'om_x', fileKey: 'file_x', fileName: 'x.csv', admin: true }),
      // Subscribing a chat to the weekly card.
      await press(MEMBER, { action: 'subscription_save', chatId: CHAT }, { weekday: '1', time: '09:00' }),
    ];
    for (const toast of refusals) {
      expect(toast.type).toMatch(/error|warning/);
      expect(toast.content).toMatch(/只有|不能|无权|没有权限|联络员|管理员|督查/);
    }
    expect(await app.db.repos.tasks.get(foreign.id)).toMatchObject({ percent: 0, status: 'open' });
    expect((await app.db.repos.people.getGrant(pending.id))?.state).toBe('pending');
    expect(await app.db.repos.subscriptions.get(CHAT)).toBeUndefined();
    expect(await app.db.repos.audit.count()).toBe(audits);
  });

  it('no secret appears anywhere in the logs of the run', async () => {
    // Make sure the run logged a fair amount, including failures of the Lark API.
    fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } });
    await postToWebhook(app.url, messageEvent(secrets, { text: '/帮助', chatId: CHAT }), secrets.encryptKey);
    fake.expireTokens();
    await replyTo(app.url, fake, secrets, { text: '市财政局负责什么', chatId: CHAT });
    await app.lark!.processor.idle();
    const tokens = fake.calls.filter((call) => call.authorization).map((call) => call.authorization!.replace(/^Bearer /, ''));
    expect(tokens.length).toBeGreaterThan(0);
    const logged = app.logs.join('');
    expect(logged.length).toBeGreaterThan(1000);
    for (const secret of [APP_SECRET, secrets.encryptKey, secrets.verificationToken, ...new Set(tokens)]) expect(logged).not.toContain(secret);
  });
});
