/**
 * The local console's Open API: the one fake of the Lark Open API
 * (fake-open-api/) with a mailroom that writes into the console's chats.
 * The service's own LarkApi and outbox talk to it through the real SDK,
 * exactly as they talk to Lark, and what they send lands in ConsoleStore.
 * Lark's refusals are kept where a user would meet them (the shared
 * endpoints apply them); the console adds its own: only the cast's chats
 * and people are reachable, only text, cards and files are shown, and a
 * file message must name a file the console was given.
 */
import { randomBytes } from 'node:crypto';
import { CAST, CONSOLE_CHATS, p2pChatOf } from './console-cast.js';
import { ConsoleStore } from './console-store.js';
import type { Mailroom } from './fake-open-api/mailroom.js';
import { startOpenApi } from './fake-open-api/open-api-server.js';

/** The bot as the console introduces it. */
export const CONSOLE_BOT = { openId: 'ou_console_bot', name: '督办助手' } as const;

/** The console's app credentials (local only; they open nothing else). */
export interface ConsoleApp {
  appId: string;
  appSecret: string;
}

/** A running console Open API. */
export interface ConsoleOpenApi {
  /** Base URL for LARK_DOMAIN-style configuration, e.g. http://127.0.0.1:40123. */
  url: string;
  app: ConsoleApp;
  close(): Promise<void>;
}

/** The message types the console's page shows. */
const CONSOLE_MSG_TYPES = ['text', 'interactive', 'file'] as const;

/** Where a message sent with receive_id_type goes: a console chat, or nowhere. */
function chatFor(receiveIdType: string, receiveId: string): string | undefined {
  if (receiveIdType === 'chat_id') return CONSOLE_CHATS.some((chat) => chat.chatId === receiveId) ? receiveId : undefined;
  if (receiveIdType === 'open_id') {
    const member = CAST.find((person) => person.openId === receiveId);
    return member ? p2pChatOf(member).chatId : undefined;
  }
  return undefined;
}

/** The console's mailroom: messages, card updates and files go into `store`. */
function consoleMailroom(store: ConsoleStore): Mailroom {
  return {
    sendTarget: chatFor,
    replyTarget: (messageId) => store.get(messageId)?.chatId,
    deliver({ target, msgType, content, replyTo }) {
      const file = msgType === 'file' ? store.file(String(content.file_key ?? '')) : undefined;
      if (msgType === 'file' && !file) return { refused: { code: 234003, msg: 'file not found' } };
      // As recipients see it in Lark: the file's name comes with its key.
      const message = store.add({ chatId: target, sender: { kind: 'bot' }, msgType, content: file ? { file_key: file.key, file_name: file.name } : content, replyTo });
      if (file) file.messageId = message.messageId;
      return { messageId: message.messageId };
    },
    update: (messageId, card) => store.update(messageId, card),
    updateByToken(token, card) {
      const messageId = store.useUpdateToken(token);
      if (!messageId) return false;
      store.update(messageId, (card ?? {}) as Record<string, unknown>);
      return true;
    },
    putFile: (name, _type, data) => store.putFile(name ?? 'file', data).key,
    messageFile(messageId, fileKey) {
      const file = store.file(fileKey);
      return file && file.messageId === messageId ? { name: file.name, data: file.data } : undefined;
    },
  };
}

/** Starts the console's Open API on 127.0.0.1 (a free port), writing into `store`. */
export async function startConsoleOpenApi(store: ConsoleStore): Promise<ConsoleOpenApi> {
  const app: ConsoleApp = { appId: 'cli_console', appSecret: randomBytes(16).toString('hex') };
  const api = await startOpenApi({
    app,
    bot: CONSOLE_BOT,
    mailroom: consoleMailroom(store),
    newToken: () => `t-console-${randomBytes(8).toString('hex')}`,
    layers: { msgTypes: CONSOLE_MSG_TYPES },
  });
  return { url: api.url, app, close: () => api.close() };
}
