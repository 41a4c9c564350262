/**
 * The tests' Lark: the one fake Open API (src/console/fake-open-api/) with
 * a mailroom that records every delivery, patch, card update and file and
 * reaches any chat or person, plus the layers tests need: every call
 * recorded, failures injected (429 with x-ogw-ratelimit-reset, 5xx, slow
 * answers, expired tokens), Lark's send limits and random faults
 * (fake-lark-limits.ts), chat and user look-ups, and the long connection
 * (fake-lark-ws.ts) for LARK_MODE=ws.
 */
import { randomBytes } from 'node:crypto';
import type { Answer, OpenApiRequest } from '../../src/console/fake-open-api/exchange.js';
import type { Mailroom } from '../../src/console/fake-open-api/mailroom.js';
import { startOpenApi } from '../../src/console/fake-open-api/open-api-server.js';
import { sendLimitLayer, type SendLimits } from './fake-lark-limits.js';
import { attachLongConnection } from './fake-lark-ws.js';

export type { SendLimits } from './fake-lark-limits.js';

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

/** A failure to answer with instead of the normal response. */
export interface InjectedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

type FakeFile = { name: string; type: string; data: Buffer; messageId?: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a fake for one app. `keepRecords` keeps only the latest calls and
 * deliveries (a long benchmark would otherwise measure the fake's own
 * memory growing with every request it records).
 */
export async function startFakeLark(app: { appId: string; appSecret: string; botOpenId?: string; keepRecords?: number }) {
  const calls: RecordedCall[] = [];
  const callOf = new WeakMap<OpenApiRequest, RecordedCall>();
  const deliveries: Delivery[] = [];
  const patches: { messageId: string; content: string }[] = [];
  const cardUpdates: { token: string; card: unknown }[] = [];
  /** Cards refused for breaking Card JSON 2.0: where they were sent and why. */
  const refusedCards: { route: string; msg: string }[] = [];
  const tokenUses = new Map<string, number>();
  /** Files uploaded by the bot, and files in users' messages the bot may download, by file_key. */
  const files = new Map<string, FakeFile>();
  const failures: { route: string; failure: InjectedFailure }[] = [];
  const limits = sendLimitLayer();
  let tokenCount = 0;
  let delayMs = 0;
  const botOpenId = app.botOpenId ?? `ou_bot_${randomBytes(4).toString('hex')}`;
  const keep = <T>(records: T[]) => {
    if (app.keepRecords !== undefined && records.length > app.keepRecords) records.splice(0, records.length - app.keepRecords);
  };

  const mailroom: Mailroom = {
    sendTarget: (_type, receiveId) => receiveId || undefined,
    replyTarget: (messageId) => messageId,
    deliver({ kind, target, msgType, content, uuid }) {
      const messageId = `om_${randomBytes(8).toString('hex')}`;
      deliveries.push({ messageId, kind, target, msgType, content, uuid, at: Date.now() });
      keep(deliveries);
      return { messageId };
    },
    update(messageId, _card, content) {
      patches.push({ messageId, content });
      return true;
    },
    updateByToken(token, card) {
      const uses = (tokenUses.get(token) ?? 0) + 1;
      tokenUses.set(token, uses);
      if (uses > 2) return false;
      cardUpdates.push({ token, card });
      return true;
    },
    putFile(name, type, data) {
      const fileKey = `file_v3_${randomBytes(8).toString('hex')}`;
      files.set(fileKey, { name: name ?? '', type: type ?? '', data });
      return fileKey;
    },
    messageFile(messageId, fileKey) {
      const file = files.get(fileKey);
      return file && file.messageId === messageId ? { name: file.name, data: file.data } : undefined;
    },
  };

  /** Chat and user look-ups, which only the tests' Lark serves. */
  const lookUps = (request: OpenApiRequest): Answer | undefined => {
    if (request.method !== 'GET') return undefined;
    const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)(\/members)?$/.exec(request.path);
    if (chat?.[2]) return { status: 200, body: { code: 0, msg: 'ok', data: { items: [], has_more: false, page_token: '', member_total: 0 } } };
    if (chat) return { status: 200, body: { code: 0, msg: 'ok', data: { name: '督办工作群', chat_mode: 'group', chat_type: 'private', user_count: '3' } } };
    const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(request.path);
    if (user) return { status: 200, body: { code: 0, msg: 'ok', data: { user: { open_id: user[1], name: `用户${user[1]!.slice(-4)}` } } } };
    return undefined;
  };

  const api = await startOpenApi({
    app,
    bot: { openId: botOpenId, name: '督办助手' },
    mailroom,
    newToken: () => `t-${++tokenCount}`,
    layers: {
      async first(request) {
        const call: RecordedCall = { method: request.method, path: request.path, query: request.query, body: request.body, authorization: request.authorization, status: 200 };
        callOf.set(request, call);
        calls.push(call);
        keep(calls);
        if (delayMs > 0) await pause(delayMs);
        if (request.route === 'POST /callback/ws/endpoint') return { status: 200, body: longConnection.endpoint(request.body, app) };
        return undefined;
      },
      async gateway(request) {
        const injected = failures.findIndex((entry) => entry.route === request.route || entry.route === '*');
        if (injected < 0) return undefined;
        const { failure } = failures.splice(injected, 1)[0]!;
        if (failure.delayMs) await pause(failure.delayMs);
        return { status: failure.status, body: failure.body ?? { code: failure.status, msg: 'injected failure' }, headers: failure.headers };
      },
      admitSend: limits.admit,
      cardRefused(route, msg) {
        refusedCards.push({ route, msg });
        console.warn(`fake Lark refused a card: ${msg}`);
      },
      more: lookUps,
      answered(request, answer) {
        const call = callOf.get(request);
        if (call) call.status = answer.status;
      },
    },
  });
  const longConnection = attachLongConnection(api.server, () => api.url);

  return {
    url: api.url,
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
      limits.enforce(options);
    },
    /** Faults answered so far under enforceLimits. */
    faults: limits.faults,
    /** Answers the next request to `route` ("POST /open-apis/im/v1/messages", or "*") with a failure. */
    inject(route: string, failure: InjectedFailure) {
      failures.push({ route, failure });
    },
    /** Makes every token issued so far invalid, as when Lark rotates them. */
    expireTokens() {
      api.expireTokens();
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
      await api.close();
    },
  };
}

/** The fake's handle. */
export type FakeLark = Awaited<ReturnType<typeof startFakeLark>>;
