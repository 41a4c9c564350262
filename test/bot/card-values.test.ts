/**
 * A button's value is read with a schema: the ids the bot's own cards carry
 * (numbers, or digits from an older card) are read; anything else — a
 * negative or fractional id, a word, an object, nothing — reads as a spent
 * button, never as NaN reaching a query.
 */
import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../src/bot/card-actions.js';
import { TaskButton, readButton } from '../../src/bot/card-values.js';

const press = (value: Record<string, unknown>) => ({ value });

describe('button values', () => {
  it('reads the ids our cards carry, as numbers or digits, and ignores other keys', () => {
    expect(readButton(press({ action: 'task_card', taskId: 12 }), TaskButton)).toEqual({ taskId: 12 });
    expect(readButton(press({ action: 'task_card', taskId: '12' }), TaskButton)).toEqual({ taskId: 12 });
    expect(readButton(press({ action: 'closure_review', taskId: 7, approve: true, reviewer: 'ou_x' }), CARD_ACTIONS.closure_review.schema)).toEqual({ action: 'closure_review', taskId: 7, approve: true });
  });

  it('anything else is a spent button', () => {
    for (const taskId of [0, -3, 1.5, 'abc', '', '007', '1e3', null, {}, [1], undefined, 2 ** 53]) {
      expect(readButton(press({ taskId }), TaskButton)).toBeUndefined();
    }
    expect(readButton(press({ action: 'grant_review', grantId: 3, approve: 'yes' }), CARD_ACTIONS.grant_review.schema)).toBeUndefined();
  });
});
