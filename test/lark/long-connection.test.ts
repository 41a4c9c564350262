/**
 * LARK_MODE=ws: the SDK's long connection to the fake's WebSocket endpoint
 * feeds the same processor as the webhook: a message gets a reply, a card
 * callback gets its toast in the acknowledgement, a repeated event is acted
 * on once, and a dropped connection comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { until } from '../support/wait.js';
import { cardActionEvent, messageEvent, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_0123456789abcdef', encryptKey: '', verificationToken: '' };

describe('Lark long connection (LARK_MODE=ws)', () => {
  let fake: FakeLark;
  let app: TestApp;
  const connectionState = async () => {
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { lark?: { connection?: { state: string } } };
    return health.lark?.connection?.state;
  };

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'ws-secret' });
    app = await startTestApp('sqlite', { LARK_APP_ID: secrets.appId, LARK_APP_SECRET: 'ws-secret', LARK_DOMAIN: fake.url, LARK_MODE: 'ws' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('connects, and /healthz shows the connection state', async () => {
    await until(async () => (await connectionState()) === 'connected');
    expect(fake.longConnection.stats().open).toBe(1);
    // No webhook route in ws mode.
    expect((await fetch(`${app.url}/lark/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('a message gets a reply; the same event pushed again is acted on once', async () => {
    const event = messageEvent(secrets, { text: '/帮助' });
    expect(await fake.longConnection.push(event)).toMatchObject({ code: 200 });
    expect(await fake.longConnection.push(event)).toMatchObject({ code: 200 });
    const replies = () => fake.deliveries.filter((delivery) => delivery.target === event.event.message.message_id);
    await until(() => replies().length === 1);
    await app.lark!.processor.idle();
    await app.lark!.sender.pass();
    expect(replies()).toHaveLength(1);
    expect(String(replies()[0]!.content.text)).toContain('我是督办助手');
  });

  it('a card callback is answered in the acknowledgement', async () => {
    const ack = await fake.longConnection.push(cardActionEvent(secrets, { value: { action: 'no-such-action' } }));
    expect(ack).toMatchObject({ code: 200, toast: { type: 'warning' } });
  });

  it('reconnects after the connection drops, and keeps working', async () => {
    const before = fake.longConnection.stats().connections;
    fake.longConnection.dropConnections();
    await until(() => fake.longConnection.stats().connections > before && fake.longConnection.stats().open === 1);
    await until(async () => (await connectionState()) === 'connected');
    const event = messageEvent(secrets, { text: '/help' });
    await fake.longConnection.push(event);
    await until(() => fake.deliveries.some((delivery) => delivery.target === event.event.message.message_id));
  });
});
