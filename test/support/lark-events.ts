/**
 * Builds events and card callbacks as Lark sends them: the v2 envelope,
 * encrypted with AES-256-CBC under sha256(encrypt key), signed with
 * sha256(timestamp + nonce + encrypt key + body) in the X-Lark-* headers,
 * and posts them to the service's webhook route.
 */
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { checkCard } from '../../src/bot/cards/spec/check-card.js';
import type { Delivery } from './fake-lark.js';
import { waitFor } from './wait.js';

/** The app's webhook secrets as configured in the developer console. */
export interface ConsoleSecrets {
  encryptKey: string;
  verificationToken: string;
  appId: string;
}

/** The v2 envelope header Lark puts on every event and callback. */
function header(secrets: ConsoleSecrets, eventType: string, eventId?: string) {
  return {
    event_id: eventId ?? randomUUID().replace(/-/g, ''),
    token: secrets.verificationToken,
    create_time: String(Date.now()),
    event_type: eventType,
    tenant_key: 'tenant_test',
    app_id: secrets.appId,
  };
}

/** A message event envelope. */
export function messageEvent(
  secrets: ConsoleSecrets,
  options: { text: string; chatId?: string; chatType?: 'p2p' | 'group'; senderOpenId?: string; mention?: { openId: string; name: string }; eventId?: string; senderType?: string; parentId?: string; messageId?: string; file?: { key: string; name: string } },
) {
  const mentionKey = '@_user_1';
  // The mention goes where the text has its key, or first (as when the bot is @-mentioned).
  const text = options.mention && !options.text.includes(mentionKey) ? `${mentionKey} ${options.text}` : options.text;
  return {
    schema: '2.0',
    header: header(secrets, 'im.message.receive_v1', options.eventId),
    event: {
      sender: { sender_id: { open_id: options.senderOpenId ?? 'ou_user_1', union_id: 'on_user_1', user_id: 'u1' }, sender_type: options.senderType ?? 'user', tenant_key: 'tenant_test' },
      message: {
        message_id: options.messageId ?? `om_${randomBytes(8).toString('hex')}`,
        root_id: '',
        parent_id: options.parentId ?? '',
        create_time: String(Date.now()),
        update_time: String(Date.now()),
        chat_id: options.chatId ?? 'oc_chat_1',
        thread_id: '',
        chat_type: options.chatType ?? 'p2p',
        message_type: options.file ? 'file' : 'text',
        content: JSON.stringify(options.file ? { file_key: options.file.key, file_name: options.file.name } : { text }),
        mentions: options.mention
          ? [{ key: mentionKey, id: { open_id: options.mention.openId, union_id: 'on_bot', user_id: '' }, name: options.mention.name, tenant_key: 'tenant_test' }]
          : [],
        user_agent: 'Mozilla/5.0',
      },
    },
  };
}

/** A card.action.trigger callback envelope (Card JSON 2.0). */
export function cardActionEvent(
  secrets: ConsoleSecrets,
  options: { value: Record<string, unknown>; formValue?: Record<string, unknown>; operatorOpenId?: string; chatId?: string; messageId?: string; eventId?: string },
) {
  return {
    schema: '2.0',
    header: header(secrets, 'card.action.trigger', options.eventId),
    event: {
      operator: { tenant_key: 'tenant_test', user_id: 'u1', open_id: options.operatorOpenId ?? 'ou_user_1', union_id: 'on_user_1' },
      token: `c-${randomBytes(12).toString('hex')}`,
      action: { value: options.value, tag: 'button', ...(options.formValue ? { form_value: options.formValue, name: 'submit' } : {}) },
      host: 'im_message',
      context: { open_message_id: options.messageId ?? 'om_card_1', open_chat_id: options.chatId ?? 'oc_chat_1' },
    },
  };
}

/** A payload given as JSON text (a 100,000-deep value overflows JSON.stringify, not the text). */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Encrypts a payload as Lark does (`payload` may be the JSON text itself, for bodies JSON.stringify cannot make). */
export function encryptPayload(payload: unknown, encryptKey: string): string {
  const text = payload instanceof JsonText ? payload.text : JSON.stringify(payload);
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

/** The request Lark would send for a payload: encrypted body and signature headers. */
export function signedRequest(payload: unknown, encryptKey: string, options: { timestamp?: number; signWith?: string; unsigned?: boolean } = {}) {
  const body = JSON.stringify({ encrypt: encryptPayload(payload, encryptKey) });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + (options.signWith ?? encryptKey) + body)
    .digest('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.unsigned) Object.assign(headers, { 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature });
  return { body, headers };
}

/**
 * Posts a payload to the webhook route as Lark would. A card the bot
 * answers a callback with must be one Lark takes (checkCard), as the fake
 * Open API requires of every card sent: Lark would refuse it.
 */
export async function postToWebhook(baseUrl: string, payload: unknown, encryptKey: string, options: Parameters<typeof signedRequest>[2] = {}) {
  const { body, headers } = signedRequest(payload, encryptKey, options);
  const response = await fetch(`${baseUrl}/lark/events`, { method: 'POST', headers, body });
  const text = await response.text();
  const answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const answered = (answer.card as { data?: unknown } | undefined)?.data;
  if (answered !== undefined) expect(checkCard(answered), 'the card a callback answers with').toEqual([]);
  return { status: response.status, body: answer };
}

/** The event Lark sends when someone adds the bot to a group. */
export function botAddedEvent(secrets: ConsoleSecrets, options: { chatId: string; operatorOpenId?: string }) {
  return {
    schema: '2.0',
    header: header(secrets, 'im.chat.member.bot.added_v1'),
    event: { chat_id: options.chatId, operator_id: { open_id: options.operatorOpenId ?? 'ou_user_1' }, external: false, name: '督办工作群' },
  };
}

/** The environment that connects a test app to a fake Lark in webhook mode with these secrets. */
export function webhookEnv(secrets: ConsoleSecrets, appSecret: string, fakeUrl: string): NodeJS.ProcessEnv {
  return {
    LARK_APP_ID: secrets.appId,
    LARK_APP_SECRET: appSecret,
    LARK_ENCRYPT_KEY: secrets.encryptKey,
    LARK_VERIFICATION_TOKEN: secrets.verificationToken,
    LARK_DOMAIN: fakeUrl,
    LARK_MODE: 'webhook',
  };
}

/**
 * Sends a message to the bot as Lark would and waits for the bot's reply to
 * it in the fake's deliveries. The webhook must answer 200.
 */
export async function replyTo(
  baseUrl: string,
  fake: { deliveries: readonly Delivery[] },
  secrets: ConsoleSecrets,
  message: Parameters<typeof messageEvent>[1],
): Promise<Delivery> {
  const event = messageEvent(secrets, message);
  expect((await postToWebhook(baseUrl, event, secrets.encryptKey)).status).toBe(200);
  return waitFor(() => fake.deliveries.find((delivery) => delivery.target === event.event.message.message_id));
}
