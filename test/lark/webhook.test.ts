/**
 * The Lark connection end to end: Lark's signed, encrypted requests to the
 * real HTTP route, the real SDK sending replies to a local fake of the Open
 * API, on SQLite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { until as untilHolds } from '../support/wait.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { botAddedEvent, cardActionEvent, encryptPayload, messageEvent, postToWebhook, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_a1b2c3d4e5f60718', encryptKey: 'encrypt-key-for-tests', verificationToken: 'verification-token-for-tests' };

const larkEnv = (fake: FakeLark) => webhookEnv(secrets, 'app-secret-for-tests', fake.url);

/** Waits until `check` holds; fails after 5 s. */
const until = (check: () => boolean | Promise<boolean>) => untilHolds(check, 5_000);

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`Lark webhook [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const extraApps: TestApp[] = [];

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'app-secret-for-tests' });
      app = await startTestApp(provider, larkEnv(fake));
    });
    afterEach(async () => {
      for (const extra of extraApps.splice(0)) await extra.close();
    });
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const repliesTo = (messageId: string) => fake.deliveries.filter((delivery) => delivery.kind === 'reply' && delivery.target === messageId);

    it('answers the URL verification challenge, and refuses it with the wrong token', async () => {
      const ok = await postToWebhook(app.url, { challenge: 'ch-123', token: secrets.verificationToken, type: 'url_verification' }, secrets.encryptKey, { unsigned: true });
      expect(ok).toEqual({ status: 200, body: { challenge: 'ch-123' } });
      const forged = await postToWebhook(app.url, { challenge: 'ch-123', token: 'guessed', type: 'url_verification' }, secrets.encryptKey, { unsigned: true });
      expect(forged.status).toBe(403);
    });

    it('a text message in a one-to-one chat gets a reply through the real SDK', async () => {
      const event = messageEvent(secrets, { text: '/帮助' });
      const response = await postToWebhook(app.url, event, secrets.encryptKey);
      expect(response).toEqual({ status: 200, body: {} });
      await until(() => repliesTo(event.event.message.message_id).length === 1);
      const [reply] = repliesTo(event.event.message.message_id);
      expect(reply!.msgType).toBe('text');
      expect(String(reply!.content.text)).toContain('我是督办助手');
      expect(reply!.uuid!.length).toBeLessThanOrEqual(50);
      // The reply was sent with the tenant token the fake issued.
      expect(fake.calls.find((call) => call.path.endsWith('/reply'))?.authorization).toMatch(/^Bearer t-\d+$/);
    });

    it('in a group it answers only when @-mentioned or given a slash command', async () => {
      const chatter = messageEvent(secrets, { text: '大家下午好', chatType: 'group', chatId: 'oc_group_1' });
      const mentioned = messageEvent(secrets, { text: '你能做什么', chatType: 'group', chatId: 'oc_group_1', mention: { openId: fake.botOpenId, name: '督办助手' } });
      const command = messageEvent(secrets, { text: '/help', chatType: 'group', chatId: 'oc_group_1' });
      for (const event of [chatter, mentioned, command]) expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
      await until(() => repliesTo(mentioned.event.message.message_id).length === 1 && repliesTo(command.event.message.message_id).length === 1);
      await app.lark!.processor.idle();
      expect(repliesTo(chatter.event.message.message_id)).toHaveLength(0);
    });

    it('when added to a group it introduces itself there', async () => {
      const chatId = `oc_new_group_${provider}`;
      expect((await postToWebhook(app.url, botAddedEvent(secrets, { chatId }), secrets.encryptKey)).status).toBe(200);
      await until(() => fake.deliveries.some((delivery) => delivery.kind === 'send' && delivery.target === chatId));
      const welcome = fake.deliveries.find((delivery) => delivery.target === chatId)!;
      expect(String(welcome.content.text)).toMatch(/^大家好！我是督办助手/);
      expect(fake.calls.find((call) => call.path === '/open-apis/im/v1/messages' && call.body.receive_id === chatId)?.query.get('receive_id_type')).toBe('chat_id');
    });

    it('a redelivered event is acted on once, even when the copies arrive together', async () => {
      const event = messageEvent(secrets, { text: '/帮助' });
      const answers = await Promise.all([1, 2, 3].map(() => postToWebhook(app.url, event, secrets.encryptKey)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      await until(() => repliesTo(event.event.message.message_id).length === 1);
      // Lark's later redelivery (15 s on) finds the event done.
      expect((await postToWebhook(app.url, event, secrets.encryptKey)).status).toBe(200);
      await app.lark!.processor.idle();
      await app.lark!.sender.pass();
      expect(repliesTo(event.event.message.message_id)).toHaveLength(1);
    });

    it('forged, unsigned, stale, wrong-token and undecryptable requests get 4xx and change nothing', async () => {
      const before = { deliveries: fake.deliveries.length, outbox: (await app.db.repos.outbox.list()).length };
      const event = () => messageEvent(secrets, { text: '/帮助' });
      const cases: [string, Promise<{ status: number }>, number][] = [
        ['signed with another key', postToWebhook(app.url, event(), secrets.encryptKey, { signWith: 'not-the-key' }), 401],
        ['unsigned', postToWebhook(app.url, event(), secrets.encryptKey, { unsigned: true }), 401],
        ['ten minutes old', postToWebhook(app.url, event(), secrets.encryptKey, { timestamp: Math.floor(Date.now() / 1000) - 600 }), 401],
        ['wrong verification token', postToWebhook(app.url, { ...event(), header: { ...event().header, token: 'forged' } }, secrets.encryptKey), 403],
        ['encrypted with another key', postToWebhook(app.url, event(), 'another-encrypt-key'), 400],
        [
          'plain JSON when encryption is configured',
          fetch(`${app.url}/lark/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event()) }),
          400,
        ],
        ['not JSON', fetch(`${app.url}/lark/events`, { method: 'POST', body: 'hello' }), 400],
      ];
      for (const [name, request, status] of cases) expect({ name, status: (await request).status }).toEqual({ name, status });
      await app.lark!.processor.idle();
      expect(fake.deliveries.length).toBe(before.deliveries);
      expect((await app.db.repos.outbox.list()).length).toBe(before.outbox);
      // The rejection is logged with its reason, never with the secrets.
      const logged = app.logs.join('');
      expect(logged).toContain('signature does not match the body');
      expect(logged).not.toContain(secrets.encryptKey);
      expect(encryptPayload({}, secrets.encryptKey)).not.toBe('');
    });

    it('a 429 with x-ogw-ratelimit-reset is waited out and the reply delivered once', async () => {
      fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 429, headers: { 'x-ogw-ratelimit-reset': '1' }, body: { code: 99991400, msg: 'request trigger frequency limit' } });
      const event = messageEvent(secrets, { text: '/帮助' });
      const started = Date.now();
      await postToWebhook(app.url, event, secrets.encryptKey);
      await until(() => repliesTo(event.event.message.message_id).length === 1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      const attempts = fake.calls.filter((call) => call.path === `/open-apis/im/v1/messages/${event.event.message.message_id}/reply`);
      expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    });

    it('a 500 is retried; an expired token is fetched again once; a 400 is not retried and is logged with its code', async () => {
      fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 502, body: 'Bad Gateway' });
      const first = messageEvent(secrets, { text: '/帮助' });
      await postToWebhook(app.url, first, secrets.encryptKey);
      await until(() => repliesTo(first.event.message.message_id).length === 1);

      const tokensBefore = fake.callsTo('POST', '/open-apis/auth/v3/tenant_access_token/internal').length;
      fake.expireTokens();
      const second = messageEvent(secrets, { text: '/帮助' });
      await postToWebhook(app.url, second, secrets.encryptKey);
      await until(() => repliesTo(second.event.message.message_id).length === 1);
      expect(fake.callsTo('POST', '/open-apis/auth/v3/tenant_access_token/internal').length).toBe(tokensBefore + 1);

      fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } });
      const third = messageEvent(secrets, { text: '/帮助' });
      await postToWebhook(app.url, third, secrets.encryptKey);
      await until(async () => (await app.db.repos.outbox.list('failed')).length === 1);
      expect(fake.calls.filter((call) => call.path === `/open-apis/im/v1/messages/${third.event.message.message_id}/reply`)).toHaveLength(1);
      expect((await app.db.repos.outbox.list('failed'))[0]!.lastError).toContain('230002');
    });

    it('a card callback is answered within 3 s with a toast', async () => {
      const started = Date.now();
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'no-such-action' } }), secrets.encryptKey);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(response).toEqual({ status: 200, body: { toast: { type: 'warning', content: '这个按钮已失效，请重新打开最新的卡片。' } } });
    });

    it('a crash between commit and send: the reply is delivered once after restart', async () => {
      // Instance A commits the reply to the outbox but dies before sending it.
      const first = await startTestApp(provider, larkEnv(fake));
      await first.lark!.sender.stop();
      const event = messageEvent(secrets, { text: '/帮助' });
      expect((await postToWebhook(first.url, event, secrets.encryptKey)).status).toBe(200);
      await first.lark!.processor.idle();
      const pending = (await first.db.repos.outbox.list('pending')).filter((row) => row.target === event.event.message.message_id);
      expect(pending).toHaveLength(1);
      // It even got as far as Lark accepting the message, but not as far as recording that.
      await first.lark!.api.reply({ messageId: pending[0]!.target, msgType: pending[0]!.msgType, content: pending[0]!.content, uuid: pending[0]!.uuid });
      await first.close();
      expect(repliesTo(event.event.message.message_id)).toHaveLength(1);

      // Instance B starts on the same database and sends what is pending, with the same uuid.
      const second = await startTestApp(provider, larkEnv(fake), first.databaseUrl);
      extraApps.push(second);
      await until(async () => (await second.db.repos.outbox.get(pending[0]!.id))?.state === 'sent');
      expect(repliesTo(event.event.message.message_id)).toHaveLength(1);
    });

    it.skipIf(provider !== 'postgresql')('the same event at two instances on one PostgreSQL is acted on once', async () => {
      const other = await startTestApp(provider, larkEnv(fake), app.databaseUrl);
      extraApps.push(other);
      for (let round = 0; round < 5; round++) {
        const event = messageEvent(secrets, { text: '/帮助' });
        const answers = await Promise.all([app, other, app, other].map((instance) => postToWebhook(instance.url, event, secrets.encryptKey)));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        await until(() => repliesTo(event.event.message.message_id).length === 1);
        await Promise.all([app.lark!.processor.idle(), other.lark!.processor.idle()]);
        await Promise.all([app.lark!.sender.pass(), other.lark!.sender.pass()]);
        expect(repliesTo(event.event.message.message_id)).toHaveLength(1);
      }
    });
  });
}
