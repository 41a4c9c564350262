/**
 * The Lark pieces on their own: envelope reading, send rate limits, and the
 * API client's token handling against the fake Open API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, toInboundEvent } from '../../src/lark/inbound-events.js';
import { LarkApi, LarkApiError } from '../../src/lark/lark-api.js';
import { SendRateLimiter } from '../../src/lark/rate-limiter.js';
import { createLogger } from '../../src/lib/logger.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent } from '../support/lark-events.js';

const secrets = { appId: 'cli_fedcba9876543210', encryptKey: '', verificationToken: 'vt' };

describe('reading events', () => {
  it('removes the bot mention, keeps others as @name, and knows it was mentioned', () => {
    const envelope = messageEvent(secrets, { text: '市财政局负责什么', chatType: 'group', mention: { openId: 'ou_bot', name: '督办助手' } });
    const event = toInboundEvent(envelope, 'ou_bot');
    expect(event).toMatchObject({ kind: 'message', text: '市财政局负责什么', mentionsBot: true, chatType: 'group' });
    expect(toInboundEvent(envelope, 'ou_other')).toMatchObject({ text: '@督办助手 市财政局负责什么', mentionsBot: false });
  });

  it('reads rich-text posts, and ignores event types it does not handle', () => {
    const post = JSON.stringify({ zh_cn: { title: '进度', content: [[{ tag: 'text', text: '已完成' }, { tag: 'text', text: '初稿' }], [{ tag: 'text', text: '60%' }]] } });
    expect(messageText('post', post)).toBe('进度\n已完成初稿\n60%');
    expect(messageText('image', '{"image_key":"img_x"}')).toBe('');
    expect(toInboundEvent({ schema: '2.0', header: { event_id: 'e', event_type: 'contact.user.updated_v3' }, event: {} }, null)).toBeUndefined();
  });
});

describe('send rate limits', () => {
  it('at most 5 in any second per chat and 50 per app, waiting instead of failing', () => {
    let now = 0;
    const second = { count: 5, windowMs: 1000 };
    const limiter = new SendRateLimiter(second, { count: 50, windowMs: 1000 }, () => now);
    const waits = Array.from({ length: 6 }, () => limiter.take('oc_a'));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // The sixth waits until the first leaves the window.
    expect(waits[5]).toBe(1000);
    now = 999;
    expect(limiter.take('oc_a')).toBe(1);
    now = 1000;
    expect(limiter.take('oc_a')).toBe(0);
    // The app window: 50 chats at one instant send, the 51st waits for the second to pass.
    const app = new SendRateLimiter(undefined, { count: 50, windowMs: 1000 }, () => now);
    const waits51 = Array.from({ length: 51 }, (_, index) => app.take(`oc_${index}`));
    expect(waits51.filter((wait) => wait === 0)).toHaveLength(50);
    expect(waits51.at(-1)).toBe(1000);
    // Sends spread over time: never more than 50 inside any one-second window.
    // The defaults keep a margin: 50 in any 1.1 s.
    const spread = new SendRateLimiter(undefined, undefined, () => now);
    const sent: number[] = [];
    for (now = 10_000; now < 13_000; now += 7) if (spread.take(`oc_${now}`) === 0) sent.push(now);
    for (const at of sent) expect(sent.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(50);
    expect(sent.length).toBeGreaterThanOrEqual(135);
  });
});

describe('LarkApi against the fake', () => {
  let fake: FakeLark;
  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 's' });
  });
  afterAll(async () => {
    await fake?.close();
  });
  const api = (options: Partial<ConstructorParameters<typeof LarkApi>[0]> = {}) =>
    new LarkApi({ appId: secrets.appId, appSecret: 's', domain: fake.url, logger: createLogger('silent'), ...options });

  it('fetches one token for five concurrent calls', async () => {
    const before = fake.callsTo('POST', '/open-apis/auth/v3/tenant_access_token/internal').length;
    const client = api();
    await Promise.all(Array.from({ length: 5 }, (_, index) => client.send({ receiveIdType: 'chat_id', receiveId: 'oc_1', msgType: 'text', content: JSON.stringify({ text: `第${index}条` }), uuid: `single-flight-${index}` })));
    expect(fake.callsTo('POST', '/open-apis/auth/v3/tenant_access_token/internal').length).toBe(before + 1);
  });

  it('gives up on a slow answer after its timeout, as a retryable error', async () => {
    const client = api({ timeoutMs: 200, maxAttempts: 1 });
    await client.tenantToken();
    fake.slowDown(500);
    try {
      await expect(client.botInfo()).rejects.toMatchObject({ name: 'LarkApiError', retryable: true, httpStatus: null });
    } finally {
      fake.slowDown(0);
    }
  });

  it('a wrong app secret is a clear, final error', async () => {
    const error = await api({ appSecret: 'wrong' }).botInfo().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LarkApiError);
    expect(error).toMatchObject({ code: 10014, retryable: false });
  });
});

describe('card limits', () => {
  it('counts a card\'s elements as Lark does (plain text labels are not elements)', async () => {
    const { countCardElements, CARD_ELEMENT_LIMIT } = await import('../../src/bot/outgoing.js');
    const card = (rows: number) => ({ schema: '2.0', header: { title: { tag: 'plain_text', content: '任务' } }, body: { elements: Array.from({ length: rows }, (_, i) => ({ tag: 'markdown', content: `第${i}项` })) } });
    expect(countCardElements(card(3))).toBe(3);
    expect(countCardElements(card(CARD_ELEMENT_LIMIT + 1))).toBe(CARD_ELEMENT_LIMIT + 1);
  });
});
