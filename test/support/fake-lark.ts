/**
 * A local fake of the Lark Open API, for the real SDK to talk to through
 * LARK_DOMAIN. It issues tenant tokens and checks them on every call,
 * enforces message size limits and uuid idempotency, refuses a card that
 * breaks Card JSON 2.0 (checkCard) with Lark's code, records every call,
 * and can inject failures: 429 with x-ogw-ratelimit-reset, 5xx, slow
 * answers and expired tokens. It also serves the long connection
 * (fake-lark-ws.ts) for LARK_MODE=ws.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../../src/console/multipart.js';
import { CARD_REFUSED_CODE } from '../../src/bot/cards/spec/card-spec.js';
import { checkCard, describeProblems } from '../../src/bot/cards/spec/check-card.js';
import { attachLongConnection } from './fake-lark-ws.js';

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  authorization: string | undefined;
  status: number;
}

/** A message the fake accepted (uuid repeats are not counted twice). */
export interface Delivery {
  messageId: string;
  kind: 'send' | 'reply';
  target: string;
  msgType: string;
  content: Record<string, unknown>;
  uuid: string | undefined;
  /** When it was accepted (ms). */
  at: number;
}

/** Lark's send limits as the fake enforces them, and random faults to inject. */
export interface SendLimits {
  /** Messages a second for the app (Lark: 50). */
  perApp: number;
  /** Messages a second per chat (Lark: 5). */
  perChat: number;
  /** Share of sends refused with 429 at random. */
  random429: number;
  /** Share of sends answered 5xx at random: half refused, half taken with the answer lost. */
  random5xx: number;
  /** Seed of the random faults, so a run can be repeated. */
  seed?: number;
}

/** A small seeded PRNG, so injected faults repeat from run to run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A failure to answer with instead of the normal response. */
export interface InjectedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

const TEXT_LIMIT = 150 * 1024;
const CARD_LIMIT = 30 * 1024;

/** Lark's refusal of a card that breaks Card JSON 2.0 (checkCard), or undefined when the card would be taken. */
function cardRefusal(card: unknown, bytes?: number): { code: number; msg: string } | undefined {
  const problems = checkCard(card, bytes);
  if (problems.length === 0) return undefined;
  return { code: CARD_REFUSED_CODE, msg: `Failed to create card content, ext=${describeProblems(problems)}` };
}

/** A card's JSON text parsed, or undefined when it is not JSON. */
function parsed(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Starts a fake for one app. `keepRecords` keeps only the latest calls and
 * deliveries (a long benchmark would otherwise measure the fake's own
 * memory growing with every request it records).
 */
export async function startFakeLark(app: { appId: string; appSecret: string; botOpenId?: string; keepRecords?: number }) {
  const calls: RecordedCall[] = [];
  const deliveries: Delivery[] = [];
  const byUuid = new Map<string, string>();
  const validTokens = new Set<string>();
  const failures: { route: string; failure: InjectedFailure }[] = [];
  const patches: { messageId: string; content: string }[] = [];
  const cardUpdates: { token: string; card: unknown }[] = [];
  /** Cards refused for breaking Card JSON 2.0: where they were sent and why. */
  const refusedCards: { route: string; msg: string }[] = [];
  const refuseCard = (route: string, card: unknown, bytes?: number) => {
    const refused = cardRefusal(card, bytes);
    if (refused) {
      refusedCards.push({ route, msg: refused.msg });
      console.warn(`fake Lark refused a card: ${refused.msg}`);
    }
    return refused;
  };
  const tokenUses = new Map<string, number>();
  /** Files uploaded by the bot, and files in users' messages the bot may download, by file_key. */
  const files = new Map<string, { name: string; type: string; data: Buffer; messageId?: string }>();
  let tokenCount = 0;
  let delayMs = 0;
  /** Lark's send limits and random faults, when switched on (see enforceLimits). */
  let limits: SendLimits | undefined;
  const sentAt: number[] = [];
  const sentAtByChat = new Map<string, number[]>();
  const faults = { rateLimited: 0, serverErrors: 0, lostResponses: 0 };
  let random = mulberry32(1);
  const botOpenId = app.botOpenId ?? `ou_bot_${randomBytes(4).toString('hex')}`;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const route = `${req.method} ${url.pathname.replace(/\/(om|oc|ou)_[\w-]+/g, '/:id')}`;
    const call: RecordedCall = { method: req.method!, path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization, status: 200 };
    calls.push(call);
    if (app.keepRecords !== undefined && calls.length > app.keepRecords) calls.splice(0, calls.length - app.keepRecords);
    const reply = (status: number, payload: unknown, headers?: Record<string, string>) => {
      call.status = status;
      send(res, status, payload, headers);
    };
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    if (route === 'POST /callback/ws/endpoint') return reply(200, longConnection.endpoint(body, app));
    if (route === 'POST /open-apis/auth/v3/tenant_access_token/internal') {
      if (body.app_id !== app.appId || body.app_secret !== app.appSecret) return reply(400, { code: 10014, msg: 'app secret invalid' });
      const token = `t-${++tokenCount}`;
      validTokens.add(token);
      return reply(200, { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
    }

    const injected = failures.findIndex((entry) => entry.route === route || entry.route === '*');
    if (injected >= 0) {
      const { failure } = failures.splice(injected, 1)[0]!;
      if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      return reply(failure.status, failure.body ?? { code: failure.status, msg: 'injected failure' }, failure.headers);
    }

    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !validTokens.has(token)) return reply(400, { code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' });

    if (route === 'GET /open-apis/bot/v3/info') {
      return reply(200, { code: 0, msg: 'ok', bot: { open_id: botOpenId, app_name: '督办助手', activate_status: 2 } });
    }
    if (route === 'POST /open-apis/im/v1/files') {
      // Multipart, as the SDK sends it: file_type, file_name and the file (a part without a filename, so parsed by hand).
      const form = parseMultipart(raw, String(req.headers['content-type']));
      const file = form.get('file');
      if (!file || file.length === 0) return reply(400, { code: 234010, msg: 'file is empty' });
      if (file.length > 30 * 1024 * 1024) return reply(400, { code: 234006, msg: 'file size exceeds the limit' });
      const fileKey = `file_v3_${randomBytes(8).toString('hex')}`;
      files.set(fileKey, { name: String(form.get('file_name') ?? ''), type: String(form.get('file_type') ?? ''), data: file });
      return reply(200, { code: 0, msg: 'ok', data: { file_key: fileKey } });
    }
    const resourceMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && resourceMatch) {
      const file = files.get(resourceMatch[2]!);
      if (!file || file.messageId !== resourceMatch[1]) return reply(400, { code: 234003, msg: 'File not in msg.' });
      call.status = 200;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${encodeURIComponent(file.name)}"` });
      return res.end(file.data);
    }
    const accept = (kind: Delivery['kind'], target: string) => {
      let loseResponse = false;
      if (limits) {
        const now = Date.now();
        const recent = (times: number[]) => {
          while (times.length > 0 && times[0]! <= now - 1000) times.shift();
          return times.length;
        };
        const chatTimes = sentAtByChat.get(target) ?? [];
        sentAtByChat.set(target, chatTimes);
        const roll = random();
        if (roll < limits.random429 || recent(sentAt) >= limits.perApp || recent(chatTimes) >= limits.perChat) {
          faults.rateLimited++;
          return reply(429, { code: 99991400, msg: 'request trigger frequency limit' }, { 'x-ogw-ratelimit-limit': String(limits.perApp), 'x-ogw-ratelimit-reset': '1' });
        }
        if (roll < limits.random429 + limits.random5xx / 2) {
          faults.serverErrors++;
          return reply(500, { code: 500, msg: 'internal error' });
        }
        // The other half of the 5xx: the message is taken, but the answer is lost.
        loseResponse = roll < limits.random429 + limits.random5xx;
        sentAt.push(now);
        chatTimes.push(now);
      }
      const msgType = String(body.msg_type ?? '');
      const content = String(body.content ?? '');
      const limit = msgType === 'text' ? TEXT_LIMIT : CARD_LIMIT;
      if (Buffer.byteLength(content) > limit) return reply(400, { code: 230025, msg: 'The message content is too long.' });
      const refused = msgType === 'interactive' ? refuseCard(route, parsed(content), Buffer.byteLength(content)) : undefined;
      if (refused) return reply(400, refused);
      const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
      if (uuid && uuid.length > 50) return reply(400, { code: 230001, msg: 'uuid is longer than 50 characters' });
      const repeated = uuid ? byUuid.get(uuid) : undefined;
      if (repeated) return reply(200, { code: 0, msg: 'ok', data: { message_id: repeated } });
      const messageId = `om_${randomBytes(8).toString('hex')}`;
      if (uuid) byUuid.set(uuid, messageId);
      deliveries.push({ messageId, kind, target, msgType, content: JSON.parse(content) as Record<string, unknown>, uuid, at: Date.now() });
      if (app.keepRecords !== undefined && deliveries.length > app.keepRecords) deliveries.splice(0, deliveries.length - app.keepRecords);
      if (loseResponse) {
        faults.lostResponses++;
        return reply(502, { code: 502, msg: 'bad gateway' });
      }
      return reply(200, { code: 0, msg: 'ok', data: { message_id: messageId, chat_id: target } });
    };
    if (route === 'POST /open-apis/im/v1/messages') {
      if (!url.searchParams.get('receive_id_type')) return reply(400, { code: 99992402, msg: 'field validation failed: receive_id_type' });
      return accept('send', String(body.receive_id ?? ''));
    }
    const replyMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
    if (req.method === 'POST' && replyMatch) return accept('reply', replyMatch[1]!);
    const patchMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && patchMatch) {
      const refused = refuseCard(route, parsed(String(body.content ?? '')), Buffer.byteLength(String(body.content ?? '')));
      if (refused) return reply(400, refused);
      patches.push({ messageId: patchMatch[1]!, content: String(body.content ?? '') });
      return reply(200, { code: 0, msg: 'ok', data: {} });
    }
    if (route === 'POST /open-apis/interactive/v1/card/update') {
      const cardToken = String(body.token ?? '');
      const uses = (tokenUses.get(cardToken) ?? 0) + 1;
      tokenUses.set(cardToken, uses);
      if (uses > 2) return reply(400, { code: 200830, msg: 'token has been used up' });
      const refused = refuseCard(route, body.card);
      if (refused) return reply(400, refused);
      cardUpdates.push({ token: cardToken, card: body.card });
      return reply(200, { code: 0, msg: 'ok' });
    }
    const chatMatch = /^\/open-apis\/im\/v1\/chats\/([^/]+)(\/members)?$/.exec(url.pathname);
    if (req.method === 'GET' && chatMatch) {
      if (chatMatch[2]) return reply(200, { code: 0, msg: 'ok', data: { items: [], has_more: false, page_token: '', member_total: 0 } });
      return reply(200, { code: 0, msg: 'ok', data: { name: '督办工作群', chat_mode: 'group', chat_type: 'private', user_count: '3' } });
    }
    const userMatch = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && userMatch) {
      return reply(200, { code: 0, msg: 'ok', data: { user: { open_id: userMatch[1], name: `用户${userMatch[1]!.slice(-4)}` } } });
    }
    return reply(404, { code: 404, msg: `fake has no route ${route}` });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { code: 500, msg: String(error) }));
  });
  const longConnection = attachLongConnection(server, () => `http://127.0.0.1:${port}`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    botOpenId,
    calls,
    deliveries,
    patches,
    cardUpdates,
    /** Cards refused for breaking Card JSON 2.0 (a renderer's bug: the bot then falls back to text). */
    refusedCards,
    /** Files the bot uploaded (and files put in users' messages), by file_key. */
    files,
    /** Puts a file in a user's message, for the bot to download as a message resource; returns its file_key. */
    addMessageFile(messageId: string, name: string, data: Buffer): string {
      const fileKey = `file_v3_${randomBytes(8).toString('hex')}`;
      files.set(fileKey, { name, type: 'stream', data, messageId });
      return fileKey;
    },
    /** Enforces Lark's send limits (429 with x-ogw-ratelimit-reset) and injects random faults on sends and replies. */
    enforceLimits(options: SendLimits) {
      limits = options;
      random = mulberry32(options.seed ?? 1);
    },
    /** Faults answered so far under enforceLimits. */
    faults,
    /** Answers the next request to `route` ("POST /open-apis/im/v1/messages", or "*") with a failure. */
    inject(route: string, failure: InjectedFailure) {
      failures.push({ route, failure });
    },
    /** Makes every token issued so far invalid, as when Lark rotates them. */
    expireTokens() {
      validTokens.clear();
    },
    /** Delays every answer. */
    slowDown(ms: number) {
      delayMs = ms;
    },
    /** Calls to a path (exact), in order. */
    callsTo(method: string, path: string) {
      return calls.filter((call) => call.method === method && call.path === path);
    },
    /** The long connection: push events, drop connections, see pings. */
    longConnection,
    async close() {
      longConnection.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The fake's handle. */
export type FakeLark = Awaited<ReturnType<typeof startFakeLark>>;
