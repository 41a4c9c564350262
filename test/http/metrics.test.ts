/**
 * GET /metrics as Prometheus scrapes it, after real traffic: Lark's signed
 * events through the webhook, a forged one, a reply Lark first refuses with
 * 429, a card callback; the figures an operator alerts on must say what
 * happened. Every metric the service defines is documented in the README.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, messageEvent, postToWebhook, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { until } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_metrics0000000001', encryptKey: 'encrypt-key-for-metrics', verificationToken: 'verification-token-for-metrics' };

/** One scrape, read into `name{labels}` → value (labels in the order the service prints them). */
async function scrape(url: string): Promise<{ contentType: string; samples: Map<string, number>; text: string }> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return { contentType: response.headers.get('content-type') ?? '', samples, text };
}

describe('GET /metrics', () => {
  let fake: FakeLark;
  let app: TestApp;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'app-secret-for-metrics' });
    app = await startTestApp('sqlite', webhookEnv(secrets, 'app-secret-for-metrics', fake.url), undefined, { processMetrics: false });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('counts events received, refused and processed, Lark calls by outcome and code, 429s and the outbox', async () => {
    const repliesTo = (messageId: string) => fake.deliveries.filter((delivery) => delivery.kind === 'reply' && delivery.target === messageId);

    const first = messageEvent(secrets, { text: '/帮助' });
    expect((await postToWebhook(app.url, first, secrets.encryptKey)).status).toBe(200);
    await until(() => repliesTo(first.event.message.message_id).length === 1, 15_000);

    // A forged request: signed with the wrong key.
    expect((await postToWebhook(app.url, messageEvent(secrets, { text: '/帮助' }), secrets.encryptKey, { signWith: 'guessed-key' })).status).toBe(401);

    // Lark refuses the next reply once with 429; the outbox sends it after the reset Lark asked for.
    fake.inject('POST /open-apis/im/v1/messages/:id/reply', { status: 429, headers: { 'x-ogw-ratelimit-reset': '1' }, body: { code: 99991400, msg: 'request trigger frequency limit' } });
    const second = messageEvent(secrets, { text: '/帮助' });
    expect((await postToWebhook(app.url, second, secrets.encryptKey)).status).toBe(200);
    // The same event delivered again: received, but not processed twice.
    expect((await postToWebhook(app.url, second, secrets.encryptKey)).status).toBe(200);
    await until(() => repliesTo(second.event.message.message_id).length === 1, 20_000);

    const callback = await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'no_such_button' } }), secrets.encryptKey);
    expect(callback.status).toBe(200);
    await app.lark!.processor.idle();

    const { contentType, samples } = await scrape(app.url);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const value = (sample: string) => samples.get(sample) ?? 0;
    expect(value('duban_events_received_total{kind="message",duplicate="false"}')).toBe(2);
    expect(value('duban_events_received_total{kind="message",duplicate="true"}')).toBe(1);
    expect(value('duban_events_received_total{kind="card_action",duplicate="false"}')).toBe(1);
    expect(value('duban_events_refused_total{status="401"}')).toBe(1);
    expect(value('duban_events_processed_total{kind="message",outcome="ok"}')).toBe(2);
    expect(value('duban_events_processed_total{kind="card_action",outcome="ok"}')).toBe(1);
    expect(value('duban_event_processing_seconds_count{kind="message"}')).toBe(2);
    expect(value('duban_lark_api_calls_total{operation="im.message.reply",outcome="ok",code="0"}')).toBe(2);
    expect(value('duban_lark_api_calls_total{operation="im.message.reply",outcome="error",code="99991400"}')).toBe(1);
    expect(value('duban_lark_rate_limited_total{operation="im.message.reply"}')).toBe(1);
    expect(value('duban_outbox_messages_total{outcome="sent"}')).toBe(2);
    expect(value('duban_outbox_messages_total{outcome="retried"}')).toBe(1);
    expect(samples.get('duban_outbox_pending')).toBe(0);
    expect(samples.get('duban_outbox_oldest_pending_seconds')).toBe(0);
    expect(samples.get('duban_event_queue_depth')).toBe(0);
  });

  it('shows what waits in the outbox, and how long the oldest has waited', async () => {
    // A message queued while nothing sends it: the backlog an alert watches.
    await app.scheduler.stop();
    await app.lark!.sender.stop();
    await app.db.repos.outbox.enqueue({ uuid: 'metrics-backlog-1', action: 'send', receiveIdType: 'chat_id', target: 'oc_metrics', chatKey: 'oc_metrics', msgType: 'text', content: '{"text":"x"}' }, new Date(Date.now() - 120_000));
    const { samples } = await scrape(app.url);
    expect(samples.get('duban_outbox_pending')).toBe(1);
    expect(samples.get('duban_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(120);
  });

  it('every metric the service defines is documented in the README', async () => {
    const { text } = await scrape(app.url);
    const names = [...text.matchAll(/^# TYPE (duban_\w+) /gm)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThanOrEqual(12);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // Written in the README's table as `name` or `name{label,…}`.
    expect(names.filter((name) => !new RegExp(`\`${name}[\`{]`).test(readme))).toEqual([]);
  });
});
