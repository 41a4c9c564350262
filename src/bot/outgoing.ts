/**
 * What the bot decides to say, before it is a Lark API call: a reply to a
 * message, a message to a chat or person, or a card update through a
 * callback token. The bot layer produces these; enqueueOutgoing writes them
 * to the outbox in the caller's transaction, with uuids derived from the
 * event that caused them, so the same event can never queue a second copy.
 */
import { createHash } from 'node:crypto';
import type { Repositories } from '../repositories/index.js';
import { cardJson, cardJsonBytes } from './cards/card-json.js';

/** Message content: text, a Card JSON 2.0 object, or a file (uploaded when it is sent). */
export type Content =
  | { msgType: 'text'; text: string }
  | { msgType: 'interactive'; card: Record<string, unknown>; fallbackText?: string }
  | { msgType: 'file'; fileName: string; data: Buffer };

/** One thing to send. */
export type Outgoing =
  | ({ kind: 'reply'; messageId: string; chatId: string } & Content)
  | ({ kind: 'send'; receiveIdType: 'chat_id' | 'open_id'; receiveId: string } & Content)
  | { kind: 'card_update'; token: string; chatId: string; card: Record<string, unknown> };

/** Lark's limits on a message body. */
export const TEXT_LIMIT_BYTES = 150 * 1024;
export const CARD_LIMIT_BYTES = 30 * 1024;

/** Lark's limit on an uploaded file. */
export const FILE_LIMIT_BYTES = 30 * 1024 * 1024;

/** Lark's limit on elements in one card (JSON 2.0). */
export const CARD_ELEMENT_LIMIT = 200;

/** Counts a card's elements and components (every object with a `tag` below the body). */
export function countCardElements(card: unknown): number {
  if (Array.isArray(card)) return card.reduce((sum: number, item) => sum + countCardElements(item), 0);
  if (!card || typeof card !== 'object') return 0;
  const own = 'tag' in card && typeof (card as { tag: unknown }).tag === 'string' && !['plain_text', 'lark_md'].includes((card as { tag: string }).tag) ? 1 : 0;
  return own + Object.values(card).reduce((sum: number, value) => sum + countCardElements(value), 0);
}

/** Refuses a card Lark would refuse, so renderers page long lists instead of losing them; `content` is its JSON (card-json.ts). */
function checkCard(card: Record<string, unknown>, content: string) {
  const bytes = cardJsonBytes(card, content);
  if (bytes > CARD_LIMIT_BYTES) throw new Error(`card of ${bytes} bytes exceeds Lark's ${CARD_LIMIT_BYTES}-byte limit; page it`);
  const elements = countCardElements(card);
  if (elements > CARD_ELEMENT_LIMIT) throw new Error(`card with ${elements} elements exceeds Lark's ${CARD_ELEMENT_LIMIT}; page it`);
}

/**
 * Makes text safe as a Lark text message, whose content is markup of its
 * own: `<at user_id="all">` mentions everyone, `<b> <i> <u> <s>` style it,
 * and `[words](url)` hides a link behind words. The bot never writes these
 * itself in text messages, so every occurrence came from a document or a
 * person, and its opening character becomes full-width: shown, never acted
 * on. (Card markdown is escaped where it is built; see escapeMarkdown.)
 */
export function neutraliseTextMarkup(text: string): string {
  return text.replace(/<(\/?)(at|b|i|u|s)\b/gi, '＜$1$2').replace(/\]\(/g, ']（');
}

/** A text reply. */
export function textReply(messageId: string, chatId: string, text: string): Outgoing {
  return { kind: 'reply', messageId, chatId, msgType: 'text', text };
}

/** A uuid of at most 50 characters, stable for (cause, index). */
export function outboxUuid(cause: string, index: number): string {
  const base = cause.length <= 40 ? cause : createHash('sha256').update(cause).digest('hex').slice(0, 40);
  return `${base}-${index}`;
}

function serialise(item: Exclude<Outgoing, { kind: 'card_update' }>): { msgType: string; content: string; fallbackText?: string } {
  if (item.msgType === 'file') {
    if (item.data.length === 0 || item.data.length > FILE_LIMIT_BYTES) throw new Error(`file of ${item.data.length} bytes cannot be sent (1 byte to ${FILE_LIMIT_BYTES})`);
    // Kept whole in the outbox, so a retry after a crash can upload it again.
    return { msgType: 'file', content: JSON.stringify({ file_name: item.fileName, data_base64: item.data.toString('base64') }) };
  }
  if (item.msgType === 'interactive') {
    const content = cardJson(item.card);
    checkCard(item.card, content);
    return { msgType: item.msgType, content, ...(item.fallbackText ? { fallbackText: neutraliseTextMarkup(item.fallbackText) } : {}) };
  }
  const content = JSON.stringify({ text: neutraliseTextMarkup(item.text) });
  if (Buffer.byteLength(content) > TEXT_LIMIT_BYTES) throw new Error(`text message of ${Buffer.byteLength(content)} bytes exceeds Lark's ${TEXT_LIMIT_BYTES}-byte limit; page it`);
  return { msgType: item.msgType, content };
}

/** Queues what to send, in the caller's transaction; `cause` is the event or job id. Returns the outbox ids, in order. */
export async function enqueueOutgoing(repos: Repositories, cause: string, items: readonly Outgoing[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, item] of items.entries()) {
    const uuid = outboxUuid(cause, index);
    if (item.kind === 'card_update') {
      const content = cardJson(item.card);
      checkCard(item.card, content);
      ids.push((await repos.outbox.enqueue({ uuid, action: 'card_update', target: item.token, chatKey: item.chatId, msgType: 'interactive', content })).id);
    } else if (item.kind === 'reply') {
      ids.push((await repos.outbox.enqueue({ uuid, action: 'reply', target: item.messageId, chatKey: item.chatId, ...serialise(item) })).id);
    } else {
      ids.push((await repos.outbox.enqueue({ uuid, action: 'send', receiveIdType: item.receiveIdType, target: item.receiveId, chatKey: item.receiveId, ...serialise(item) })).id);
    }
  }
  return ids;
}
