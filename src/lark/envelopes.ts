/**
 * Lark's v2 event envelopes, built from plain facts: a message received, a
 * card callback, the bot added to a group. The local console speaks to the
 * bot in exactly the shape Lark uses, so what it shows is what the real
 * dispatch path does with a real event. Pure.
 */
import { randomUUID } from 'node:crypto';

/** Who the envelope claims to come from. */
export interface EnvelopeOrigin {
  appId: string;
  tenantKey: string;
  /** The verification token; empty where nothing checks it (the long connection, the console). */
  token?: string;
  eventId?: string;
}

function header(origin: EnvelopeOrigin, eventType: string) {
  return {
    event_id: origin.eventId ?? randomUUID().replace(/-/g, ''),
    token: origin.token ?? '',
    create_time: String(Date.now()),
    event_type: eventType,
    tenant_key: origin.tenantKey,
    app_id: origin.appId,
  };
}

/** A message as im.message.receive_v1 carries it. */
export interface MessageFacts {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  senderOpenId: string;
  /** Text; ignored for a file message. */
  text?: string;
  /** Someone mentioned at the start of the text, as "@_user_1" (the bot, when @-mentioned). */
  mention?: { openId: string; name: string };
  file?: { key: string; name: string };
  parentId?: string;
}

/** An im.message.receive_v1 envelope. */
export function messageEnvelope(origin: EnvelopeOrigin, facts: MessageFacts): Record<string, unknown> {
  const mentionKey = '@_user_1';
  const text = facts.mention ? `${mentionKey} ${facts.text ?? ''}` : (facts.text ?? '');
  const now = String(Date.now());
  return {
    schema: '2.0',
    header: header(origin, 'im.message.receive_v1'),
    event: {
      sender: { sender_id: { open_id: facts.senderOpenId }, sender_type: 'user', tenant_key: origin.tenantKey },
      message: {
        message_id: facts.messageId,
        root_id: facts.parentId ?? '',
        parent_id: facts.parentId ?? '',
        create_time: now,
        update_time: now,
        chat_id: facts.chatId,
        thread_id: '',
        chat_type: facts.chatType,
        message_type: facts.file ? 'file' : 'text',
        content: JSON.stringify(facts.file ? { file_key: facts.file.key, file_name: facts.file.name } : { text }),
        mentions: facts.mention ? [{ key: mentionKey, id: { open_id: facts.mention.openId }, name: facts.mention.name, tenant_key: origin.tenantKey }] : [],
      },
    },
  };
}

/** A press or form submission on a card, as card.action.trigger carries it. */
export interface CardActionFacts {
  operatorOpenId: string;
  messageId: string;
  chatId: string;
  value: Record<string, unknown>;
  formValue?: Record<string, unknown>;
  /** The delayed-update token Lark issues with each callback. */
  updateToken: string;
}

/** A card.action.trigger envelope. */
export function cardActionEnvelope(origin: EnvelopeOrigin, facts: CardActionFacts): Record<string, unknown> {
  return {
    schema: '2.0',
    header: header(origin, 'card.action.trigger'),
    event: {
      operator: { open_id: facts.operatorOpenId, tenant_key: origin.tenantKey },
      token: facts.updateToken,
      action: { tag: 'button', value: facts.value, ...(facts.formValue ? { form_value: facts.formValue, name: 'submit' } : {}) },
      host: 'im_message',
      context: { open_message_id: facts.messageId, open_chat_id: facts.chatId },
    },
  };
}

/** An im.chat.member.bot.added_v1 envelope. */
export function botAddedEnvelope(origin: EnvelopeOrigin, facts: { chatId: string; chatName: string; operatorOpenId: string }): Record<string, unknown> {
  return {
    schema: '2.0',
    header: header(origin, 'im.chat.member.bot.added_v1'),
    event: { chat_id: facts.chatId, name: facts.chatName, operator_id: { open_id: facts.operatorOpenId }, external: false },
  };
}
