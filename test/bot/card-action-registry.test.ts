/**
 * Card actions are declared once (card-actions.ts) and handled once: the
 * registry refuses a duplicate handler, a handler without a declaration and
 * a declaration without a handler at start; a press whose value does not
 * fit its schema reaches no handler; the running service starts with every
 * declared action handled exactly once; and no renderer or command writes a
 * card action's value by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../src/bot/card-actions.js';
import { CardActionRegistryError, SPENT_BUTTON, registerCardActions } from '../../src/bot/card-action-registry.js';
import type { CardActionHandler } from '../../src/bot/conversation.js';
import type { CardAction } from '../../src/bot/events.js';
import { startTestApp } from '../support/app.js';

const declarations = { task_detail: CARD_ACTIONS.task_detail, ask: CARD_ACTIONS.ask };
const ok: CardActionHandler = async () => ({ toast: { type: 'success', content: 'handled' } });
const press = (value: Record<string, unknown>): CardAction => ({ kind: 'card_action', eventId: 'e', operatorOpenId: 'ou_x', chatId: 'oc_x', messageId: 'om_x', value, formValue: {}, updateToken: null });
const ctx = {} as Parameters<CardActionHandler>[1];

describe('card action registry', () => {
  it('refuses a handler registered twice, one without a declaration, and a declaration nobody handles — listing each', () => {
    expect(() => registerCardActions([{ owner: 'a', handlers: { task_detail: ok, ask: ok } }, { owner: 'b', handlers: { ask: ok } }], declarations)).toThrow(/“ask” is handled twice \(a and b\)/);
    expect(() => registerCardActions([{ owner: 'a', handlers: { task_detail: ok, ask: ok, tsak_detail: ok } }], declarations)).toThrow(/“tsak_detail” \(a\) has no declaration/);
    expect(() => registerCardActions([{ owner: 'a', handlers: { task_detail: ok } }], declarations)).toThrow(CardActionRegistryError);
    expect(() => registerCardActions([{ owner: 'a', handlers: { task_detail: ok } }], declarations)).toThrow(/“ask” is declared but nobody handles it/);
  });

  it('a value that does not fit its schema is a spent button and reaches no handler', async () => {
    const handlers = registerCardActions([{ owner: 'a', handlers: { task_detail: ok, ask: ok } }], declarations);
    expect(await handlers.task_detail!(press(CARD_ACTIONS.task_detail.value({ taskId: 12 })), ctx)).toMatchObject({ toast: { content: 'handled' } });
    for (const value of [{ action: 'task_detail' }, { action: 'task_detail', taskId: -1 }, { action: 'task_detail', taskId: 'x' }, { action: 'ask', text: '' }]) {
      const name = value.action as 'task_detail' | 'ask';
      expect(await handlers[name]!(press(value), ctx)).toEqual(SPENT_BUTTON);
    }
  });

  it('the running service starts with every declared action handled exactly once', async () => {
    // startApp builds the registry from every part's handlers, and refuses to start on any mismatch.
    const app = await startTestApp('sqlite');
    await app.close();
  });

  it('no renderer or command writes a card action’s value by hand', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
    const names = Object.keys(CARD_ACTIONS).join('|');
    const literal = new RegExp(`action:\\s*'(${names})'`);
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'commands'))].filter((file) => !file.endsWith('card-actions.ts') && !file.includes('/generated/') && literal.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
