/**
 * The inbound processor with behaviours that fail or are slow: the user
 * still gets an answer, a slow card callback gets a toast and then its card
 * by the update token, and an event stored before a crash is processed by
 * the recovery pass.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InboundProcessor, APOLOGY, type BotBehaviour } from '../../src/bot/inbound-processor.js';
import { textReply } from '../../src/bot/outgoing.js';
import type { CardAction, IncomingMessage } from '../../src/bot/events.js';
import { LarkApi } from '../../src/lark/lark-api.js';
import { OutboxSender } from '../../src/lark/outbox-sender.js';
import { createLogger } from '../../src/lib/logger.js';
import { describeEachDatabase } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';

let fake: FakeLark;
beforeAll(async () => {
  fake = await startFakeLark({ appId: 'cli_1111222233334444', appSecret: 's' });
});
afterAll(async () => {
  await fake?.close();
});

const message = (eventId: string, text: string): IncomingMessage => ({
  kind: 'message',
  eventId,
  messageId: `om_${eventId}`,
  chatId: 'oc_processor',
  chatType: 'p2p',
  senderOpenId: 'ou_user',
  senderType: 'user',
  messageType: 'text',
  text,
  mentionsBot: false,
  mentions: [],
  parentId: null,
  file: null,
});

const behaviour: BotBehaviour = {
  async onMessage(incoming) {
    if (incoming.text === 'boom') throw new Error('a bug in a command');
    return [textReply(incoming.messageId, incoming.chatId, `收到：${incoming.text}`)];
  },
  async onCardAction(action) {
    await new Promise((resolve) => setTimeout(resolve, Number(action.value.delayMs ?? 0)));
    return { toast: { type: 'success', content: '已更新' }, card: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: `进度 ${String(action.value.percent)}%` }] } } };
  },
  async onBotAdded() {
    return [];
  },
};

describeEachDatabase('inbound processor', ({ db }) => {
  const logger = createLogger('silent');
  const parts = () => {
    const api = new LarkApi({ appId: 'cli_1111222233334444', appSecret: 's', domain: fake.url, logger });
    const sender = new OutboxSender({ db: db(), api, logger });
    const processor = new InboundProcessor({ db: db(), behaviour, logger, cardBudgetMs: 100 });
    return { sender, processor };
  };

  it('a failing command still gets an answer: an apology, no stack trace; the event is done', async () => {
    const { processor, sender } = parts();
    const eventId = `ev_boom_${Date.now()}`;
    await processor.receive(message(eventId, 'boom'));
    await processor.idle();
    await sender.pass();
    const reply = fake.deliveries.find((delivery) => delivery.target === `om_${eventId}`);
    expect(reply?.content).toEqual({ text: APOLOGY });
    expect(await db().repos.events.get(eventId)).toMatchObject({ state: 'done' });
  });

  it('a slow card action is answered with a toast at once, then its card follows by the update token', async () => {
    const { processor, sender } = parts();
    const action: CardAction = {
      kind: 'card_action',
      eventId: `ev_card_${Date.now()}`,
      operatorOpenId: 'ou_user',
      chatId: 'oc_processor',
      messageId: 'om_card',
      value: { action: 'progress', percent: 60, delayMs: 400 },
      formValue: {},
      updateToken: `c-slow-${Date.now()}`,
    };
    const started = Date.now();
    const response = await processor.respondToCardAction(action);
    expect(Date.now() - started).toBeLessThan(400);
    expect(response).toEqual({ toast: { type: 'info', content: '正在处理，卡片稍后更新。' } });
    await processor.idle();
    await sender.pass();
    const update = fake.cardUpdates.find((entry) => entry.token === action.updateToken);
    expect(JSON.stringify(update?.card)).toContain('进度 60%');
  });

  it('a fast card action returns its toast and card in the answer', async () => {
    const { processor } = parts();
    const action: CardAction = {
      kind: 'card_action',
      eventId: `ev_fast_${Date.now()}`,
      operatorOpenId: 'ou_user',
      chatId: 'oc_processor',
      messageId: 'om_card',
      value: { percent: 80 },
      formValue: {},
      updateToken: 'c-fast',
    };
    const response = await processor.respondToCardAction(action);
    expect(response.toast).toEqual({ type: 'success', content: '已更新' });
    expect(JSON.stringify(response.card)).toContain('进度 80%');
    // Pressed twice (a double click delivers two callbacks with their own ids), a redelivered id is a no-op.
    expect(await processor.respondToCardAction(action)).toEqual({});
  });

  it('work a handler leaves for after the commit (waking the import worker) sees what the event wrote', async () => {
    // A worker woken inside the transaction looked for its job before it was there (PostgreSQL), and waited for its next poll.
    // Each handler then waits for any read already started, so one run inside the transaction would read before the commit, every time.
    const seen: Promise<string | undefined>[] = [];
    const leaving: BotBehaviour = {
      ...behaviour,
      async onMessage(incoming, ctx) {
        ctx.afterCommit!(() => seen.push(db().repos.events.get(incoming.eventId).then((stored) => stored?.state)));
        await Promise.all(seen);
        return [];
      },
      async onCardAction(action, ctx) {
        ctx.afterCommit!(() => seen.push(db().repos.events.get(action.eventId).then((stored) => stored?.state)));
        await Promise.all(seen);
        return {};
      },
    };
    const processor = new InboundProcessor({ db: db(), behaviour: leaving, logger, cardBudgetMs: 5_000 });
    await processor.receive(message(`ev_after_commit_${Date.now()}`, '导入'));
    await processor.idle();
    await Promise.all(seen);
    await processor.respondToCardAction({ kind: 'card_action', eventId: `ev_after_commit_card_${Date.now()}`, operatorOpenId: 'ou_user', chatId: 'oc_processor', messageId: 'om_card', value: {}, formValue: {}, updateToken: null });
    expect(await Promise.all(seen)).toEqual(['done', 'done']);
  });

  it('an event stored before a crash is processed by the recovery pass, once', async () => {
    const { processor, sender } = parts();
    const stored = message(`ev_crash_${Date.now()}`, '市财政局负责什么');
    await db().repos.events.record(stored.eventId, stored.kind, JSON.stringify(stored), new Date(Date.now() - 60_000));
    expect(await processor.recoverStalled()).toBe(1);
    expect(await processor.recoverStalled()).toBe(0);
    await sender.pass();
    expect(fake.deliveries.filter((delivery) => delivery.target === stored.messageId).map((delivery) => delivery.content)).toEqual([{ text: '收到：市财政局负责什么' }]);
  });
});
