/**
 * A card is serialised once (src/bot/cards/card-json.ts): the text measured
 * when card() made it is what the outbox stores. What a chat receives must
 * still be exactly the card the renderer drew — a list shortened to fit, a
 * card whose long text was clipped — and a card built by hand (not by
 * card()) is stored as it stands when queued, each time.
 */
import { expect, it } from 'vitest';
import { renderAnswer } from '../../src/bot/cards/answer-cards.js';
import { card, markdown } from '../../src/bot/cards/card-parts.js';
import { wasClipped } from '../../src/bot/cards/card-fit.js';
import { CARD_LIMIT_BYTES, enqueueOutgoing } from '../../src/bot/outgoing.js';
import type { AnswerItem } from '../../src/domain/questions/answer-service.js';
import { taskQuery } from '../../src/domain/questions/question.js';
import { describeEachDatabase } from '../support/databases.js';

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

/** A list item whose latest note is `note`. */
function item(taskId: number, note: string): AnswerItem {
  return {
    taskId,
    planId: 1,
    planTitle: '卡片测试方案',
    label: `第${taskId}项`,
    title: `任务 ${taskId}：推进政务公开`.repeat(150),
    parentTitle: null,
    units: [{ name: '市财政局', role: 'lead', roleLabel: '牵头', asked: true }],
    unitsFrom: null,
    leaders: null,
    deadline: null,
    light: 'green',
    statusLabel: '进行中',
    percent: 40,
    latest: { note, at: new Date('2026-12-01T00:00:00Z') },
    highlights: [],
  };
}

describeEachDatabase('the outbox stores the card as drawn', ({ db }) => {
  it('a list that did not fit whole, and a card whose 10,000-character text was clipped', async () => {
    const items = Array.from({ length: 10 }, (_, index) => item(index + 1, '进展说明'.repeat(30)));
    const list = renderAnswer({ kind: 'task_list', understanding: '按单位：市财政局', query: taskQuery({}), total: 10, page: 1, pageCount: 1, items, approximate: false }).card;
    expect(JSON.stringify(list)).toContain('本页还有');
    const clipped = card('很长的卡片', 'blue', [markdown('长'.repeat(12_000))]);
    expect(wasClipped(clipped)).toBe(true);
    const cause = unique('ev_card_json_');
    const ids = await db().transaction((repos) =>
      enqueueOutgoing(repos, cause, [
        { kind: 'reply', messageId: 'om_1', chatId: 'oc_1', msgType: 'interactive', card: list, fallbackText: '列表' },
        { kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_1', msgType: 'interactive', card: clipped },
      ]),
    );
    expect(ids).toHaveLength(2);
    for (const [index, drawn] of [list, clipped].entries()) {
      const stored = await db().repos.outbox.findByUuid(`${cause}-${index}`);
      expect(stored!.content).toBe(JSON.stringify(drawn));
      expect(Buffer.byteLength(stored!.content)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    }
  });

  it('a card built by hand is stored as it stands when queued, each time', async () => {
    const handmade: Record<string, unknown> = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '第一版' }] } };
    const first = unique('ev_handmade_');
    await db().transaction((repos) => enqueueOutgoing(repos, first, [{ kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_1', msgType: 'interactive', card: handmade }]));
    handmade.body = { elements: [{ tag: 'markdown', content: '第二版' }] };
    const second = unique('ev_handmade_');
    await db().transaction((repos) => enqueueOutgoing(repos, second, [{ kind: 'send', receiveIdType: 'chat_id', receiveId: 'oc_1', msgType: 'interactive', card: handmade }]));
    expect(JSON.parse((await db().repos.outbox.findByUuid(`${first}-0`))!.content).body.elements[0].content).toBe('第一版');
    expect(JSON.parse((await db().repos.outbox.findByUuid(`${second}-0`))!.content).body.elements[0].content).toBe('第二版');
  });
});
