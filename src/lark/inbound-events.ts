/**
 * Lark's v2 event envelopes turned into the transport-neutral events the
 * bot handles (their types are the bot's: src/bot/events.ts). The webhook route and the long connection both end here, so
 * the rest of the service never sees Lark's wire format. Pure.
 */

import type { BotAdded, CardAction, InboundEvent, IncomingMessage } from '../bot/events.js';

type Json = Record<string, unknown>;

/** Half of a UTF-16 surrogate pair standing alone: valid in JSON, not in text a database can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as it can be stored and sent: lone surrogates become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Deepest nesting and most entries a card value may have: the bot's own are one or two levels and a few dozen entries. */
export const CARD_VALUE_LIMITS = { depth: 8, entries: 2_000 } as const;

/**
 * A card value with every string in it well formed, or undefined when it is
 * deeper or larger than any card of ours makes (a forged value may carry
 * anything: 100,000 levels overflowed the stack). Walks without recursion
 * past the depth limit.
 */
function wellFormedValue(value: unknown): unknown {
  let entries = 0;
  const walk = (node: unknown, depth: number): unknown => {
    if (++entries > CARD_VALUE_LIMITS.entries) throw new RangeError('card value too large');
    if (typeof node === 'string') return wellFormed(node);
    if (node === null || typeof node !== 'object') return node;
    if (depth >= CARD_VALUE_LIMITS.depth) throw new RangeError('card value too deep');
    if (Array.isArray(node)) return node.map((inner) => walk(inner, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, inner]) => [wellFormed(key), walk(inner, depth + 1)]));
  };
  try {
    return walk(value, 0);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string => (typeof value === 'string' ? wellFormed(value) : '');

/** The text of a message's content: text messages, and the text runs of rich-text posts. */
export function messageText(messageType: string, content: string): string {
  let parsed: Json;
  try {
    parsed = obj(JSON.parse(content));
  } catch {
    return '';
  }
  if (messageType === 'text') return str(parsed.text);
  if (messageType === 'post') {
    // A post is {title, content: [[{tag,text}…]…]}, possibly under a locale key.
    const post = Array.isArray(parsed.content) ? parsed : obj(Object.values(parsed)[0]);
    const lines = (Array.isArray(post.content) ? post.content : []) as unknown[];
    const text = lines
      .map((line) => (Array.isArray(line) ? line.map((run) => str(obj(run).text) || (obj(run).tag === 'at' ? str(obj(run).user_name) : '')).join('') : ''))
      .join('\n');
    return [str(post.title), text].filter(Boolean).join('\n');
  }
  return '';
}

/** The file of a file message: {file_key, file_name}. */
function fileOf(messageType: string, content: string): IncomingMessage['file'] {
  if (messageType !== 'file') return null;
  try {
    const parsed = obj(JSON.parse(content));
    return str(parsed.file_key) ? { key: str(parsed.file_key), name: str(parsed.file_name) } : null;
  } catch {
    return null;
  }
}

/**
 * Reads a verified v2 envelope ({schema, header, event}); undefined for
 * event types the bot does not handle (they are acknowledged and dropped).
 */
export function toInboundEvent(envelope: Json, botOpenId: string | null): InboundEvent | undefined {
  const header = obj(envelope.header);
  const event = obj(envelope.event);
  const eventId = str(header.event_id);
  const type = str(header.event_type);
  if (type === 'im.message.receive_v1') {
    const message = obj(event.message);
    const sender = obj(event.sender);
    const mentions = (Array.isArray(message.mentions) ? message.mentions : []).map((mention) => {
      const m = obj(mention);
      return { key: str(m.key), openId: str(obj(m.id).open_id), name: str(m.name) };
    });
    const mentionsBot = botOpenId !== null && mentions.some((mention) => mention.openId === botOpenId);
    let text = messageText(str(message.message_type), str(message.content));
    for (const mention of mentions) {
      text = text.split(mention.key).join(mention.openId === botOpenId ? '' : `@${mention.name}`);
    }
    return {
      kind: 'message',
      eventId,
      messageId: str(message.message_id),
      chatId: str(message.chat_id),
      chatType: str(message.chat_type) === 'p2p' ? 'p2p' : 'group',
      senderOpenId: str(obj(sender.sender_id).open_id),
      senderType: str(sender.sender_type) || 'user',
      messageType: str(message.message_type),
      text: text.replace(/\s+/g, ' ').trim(),
      mentionsBot,
      mentions: mentions.filter((mention) => mention.openId !== botOpenId).map(({ openId, name }) => ({ openId, name })),
      parentId: str(message.parent_id) || null,
      file: fileOf(str(message.message_type), str(message.content)),
    };
  }
  if (type === 'card.action.trigger') {
    const action = obj(event.action);
    const context = obj(event.context);
    return {
      kind: 'card_action',
      eventId,
      operatorOpenId: str(obj(event.operator).open_id),
      chatId: str(context.open_chat_id) || null,
      messageId: str(context.open_message_id) || null,
      // A value past the limits is no button of ours: it reads as an empty one, which the bot answers as 这个按钮已失效.
      value: obj(wellFormedValue(action.value)),
      formValue: obj(wellFormedValue(action.form_value)),
      updateToken: str(event.token) || null,
    };
  }
  if (type === 'im.chat.member.bot.added_v1') {
    return { kind: 'bot_added', eventId, chatId: str(event.chat_id), operatorOpenId: str(obj(event.operator_id).open_id) || null };
  }
  return undefined;
}
