/**
 * The part of the Lark Open API the bot uses, served on a loopback port for
 * the local console: tenant tokens, the bot's identity, sending and
 * replying, card updates (by message and by callback token), file uploads
 * and message files. The service's own LarkApi and outbox talk to it
 * through the real SDK, exactly as they talk to Lark, and what they send
 * lands in the console's chats. Lark's refusals are kept where a user would
 * meet them: message size limits, cards that break Card JSON 2.0, unknown
 * targets, used-up tokens.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CARD_REFUSED_CODE } from '../bot/cards/spec/card-spec.js';
import { checkCard, describeProblems } from '../bot/cards/spec/check-card.js';
import { CARD_LIMIT_BYTES, TEXT_LIMIT_BYTES } from '../bot/outgoing.js';
import { CAST, CONSOLE_CHATS, p2pChatOf } from './console-cast.js';
import { ConsoleStore } from './console-store.js';
import { parseMultipart } from './multipart.js';

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

type Json = Record<string, unknown>;
type Answer = { status: number; body: Json } | { status: number; file: { name: string; data: Buffer } };

const ok = (data: Json = {}): Answer => ({ status: 200, body: { code: 0, msg: 'ok', data } });
const refuse = (status: number, code: number, msg: string): Answer => ({ status, body: { code, msg } });

/** Lark's refusal of a card that breaks Card JSON 2.0, or undefined when it would take it. */
function cardRefusal(card: unknown): Answer | undefined {
  const problems = checkCard(card);
  return problems.length > 0 ? refuse(400, CARD_REFUSED_CODE, `Failed to create card content, ext=${describeProblems(problems)}`) : undefined;
}

/** Where a message sent with receive_id_type goes: a console chat, or nowhere. */
function chatFor(receiveIdType: string, receiveId: string): string | undefined {
  if (receiveIdType === 'chat_id') return CONSOLE_CHATS.some((chat) => chat.chatId === receiveId) ? receiveId : undefined;
  if (receiveIdType === 'open_id') {
    const member = CAST.find((person) => person.openId === receiveId);
    return member ? p2pChatOf(member).chatId : undefined;
  }
  return undefined;
}

/** Starts the console's Open API on 127.0.0.1 (a free port), writing into `store`. */
export async function startConsoleOpenApi(store: ConsoleStore): Promise<ConsoleOpenApi> {
  const app: ConsoleApp = { appId: 'cli_console', appSecret: randomBytes(16).toString('hex') };
  const tokens = new Set<string>();
  const byUuid = new Map<string, string>();

  /** Takes a message for a chat: size limits and uuid idempotency as Lark applies them. */
  const take = (chatId: string, body: Json, replyTo: string | null): Answer => {
    const msgType = String(body.msg_type ?? '');
    const raw = String(body.content ?? '');
    if (!['text', 'interactive', 'file'].includes(msgType)) return refuse(400, 230001, `unsupported msg_type ${msgType}`);
    if (Buffer.byteLength(raw) > (msgType === 'text' ? TEXT_LIMIT_BYTES : CARD_LIMIT_BYTES)) return refuse(400, 230025, 'The message content is too long.');
    const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
    const earlier = uuid ? byUuid.get(uuid) : undefined;
    if (earlier) return ok({ message_id: earlier, chat_id: chatId });
    let content: Json;
    try {
      content = JSON.parse(raw) as Json;
    } catch {
      return refuse(400, 230001, 'content is not JSON');
    }
    const refused = msgType === 'interactive' ? cardRefusal(content) : undefined;
    if (refused) return refused;
    const file = msgType === 'file' ? store.file(String(content.file_key ?? '')) : undefined;
    if (msgType === 'file' && !file) return refuse(400, 234003, 'file not found');
    // As recipients see it in Lark: the file's name comes with its key.
    const message = store.add({ chatId, sender: { kind: 'bot' }, msgType, content: file ? { file_key: file.key, file_name: file.name } : content, replyTo });
    if (file) file.messageId = message.messageId;
    if (uuid) byUuid.set(uuid, message.messageId);
    return ok({ message_id: message.messageId, chat_id: chatId });
  };

  const route = (method: string, url: URL, body: Json, raw: Buffer, contentType: string, authorization: string | undefined): Answer => {
    const path = url.pathname;
    if (method === 'POST' && path === '/open-apis/auth/v3/tenant_access_token/internal') {
      if (body.app_id !== app.appId || body.app_secret !== app.appSecret) return refuse(400, 10014, 'app secret invalid');
      const token = `t-console-${randomBytes(8).toString('hex')}`;
      tokens.add(token);
      return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 } };
    }
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) return refuse(400, 99991663, 'Invalid access token for authorization.');

    if (method === 'GET' && path === '/open-apis/bot/v3/info') {
      return { status: 200, body: { code: 0, msg: 'ok', bot: { open_id: CONSOLE_BOT.openId, app_name: CONSOLE_BOT.name, activate_status: 2 } } };
    }
    if (method === 'POST' && path === '/open-apis/im/v1/messages') {
      const chatId = chatFor(url.searchParams.get('receive_id_type') ?? '', String(body.receive_id ?? ''));
      return chatId ? take(chatId, body, null) : refuse(400, 230013, 'Bot has NO availability to this user or chat.');
    }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
    if (method === 'POST' && reply) {
      const parent = store.get(decodeURIComponent(reply[1]!));
      return parent ? take(parent.chatId, body, parent.messageId) : refuse(400, 230011, 'The message was withdrawn or does not exist.');
    }
    const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patch) {
      const content = String(body.content ?? '');
      if (Buffer.byteLength(content) > CARD_LIMIT_BYTES) return refuse(400, 230025, 'The message content is too long.');
      let card: Json;
      try {
        card = JSON.parse(content) as Json;
      } catch {
        return refuse(400, 230001, 'content is not JSON');
      }
      const refused = cardRefusal(card);
      if (refused) return refused;
      return store.update(decodeURIComponent(patch[1]!), card) ? ok() : refuse(400, 230011, 'The message does not exist.');
    }
    if (method === 'POST' && path === '/open-apis/interactive/v1/card/update') {
      const refused = cardRefusal(body.card);
      if (refused) return refused;
      const messageId = store.useUpdateToken(String(body.token ?? ''));
      if (!messageId) return refuse(400, 200830, 'token is invalid or has been used up');
      store.update(messageId, (body.card ?? {}) as Json);
      return { status: 200, body: { code: 0, msg: 'ok' } };
    }
    if (method === 'POST' && path === '/open-apis/im/v1/files') {
      const form = parseMultipart(raw, contentType);
      const data = form.get('file');
      if (!data || data.length === 0) return refuse(400, 234010, 'file is empty');
      const file = store.putFile(form.get('file_name')?.toString('utf8') ?? 'file', data);
      return ok({ file_key: file.key });
    }
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (method === 'GET' && resource) {
      const file = store.file(decodeURIComponent(resource[2]!));
      if (!file || file.messageId !== decodeURIComponent(resource[1]!)) return refuse(400, 234003, 'File not in msg.');
      return { status: 200, file: { name: file.name, data: file.data } };
    }
    return refuse(404, 404, `the console does not serve ${method} ${path}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = String(req.headers['content-type'] ?? '');
    let body: Json = {};
    if (contentType.includes('json') && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8')) as Json;
      } catch {
        body = {};
      }
    }
    const answer = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://console'), body, raw, contentType, req.headers.authorization);
    if ('file' in answer) {
      res.writeHead(answer.status, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${encodeURIComponent(answer.file.name)}"` });
      res.end(answer.file.data);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 500, msg: error instanceof Error ? error.message : 'error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
