/**
 * The one fake of the Lark Open API, served on a loopback port: the local
 * console's stand-in for Lark (it ships with the product) and the tests'
 * and benchmarks' fake (test/support/fake-lark.ts) are this server with
 * their own Mailroom and layers. It issues tenant tokens and checks them on
 * every call, tells the bot who it is, and serves the message endpoints;
 * the real SDK talks to it through LARK_DOMAIN exactly as to Lark.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refuse, type Answer, type OpenApiRequest } from './exchange.js';
import type { Mailroom } from './mailroom.js';
import { messageEndpoints, type MessageEndpointOptions } from './message-endpoints.js';

/** Layers a user puts around the endpoints, in the order a request meets them. */
export interface OpenApiLayers extends MessageEndpointOptions {
  /** Sees every request first, before any token is issued or checked; may answer it. */
  first?: (request: OpenApiRequest) => Answer | undefined | Promise<Answer | undefined>;
  /** After the token endpoint, before the token check: may answer instead (a gateway's failure). */
  gateway?: (request: OpenApiRequest) => Answer | undefined | Promise<Answer | undefined>;
  /** Endpoints beyond the shared ones, for requests with a valid token. */
  more?: (request: OpenApiRequest) => Answer | undefined;
  /** Hears every answer as it goes out. */
  answered?: (request: OpenApiRequest, answer: Answer) => void;
}

/** What a fake Open API serves. */
export interface OpenApiOptions {
  /** The one app it knows: tokens go to these credentials only. */
  app: { appId: string; appSecret: string };
  /** The bot as /bot/v3/info introduces it. */
  bot: { openId: string; name: string };
  mailroom: Mailroom;
  /** A new tenant token (random when omitted). */
  newToken?: () => string;
  layers?: OpenApiLayers;
}

/** A running fake Open API. */
export interface RunningOpenApi {
  /** Base URL for LARK_DOMAIN-style configuration, e.g. http://127.0.0.1:40123. */
  url: string;
  /** The HTTP server, for layers that serve more on it (the tests' long connection). */
  server: Server;
  /** Makes every token issued so far invalid, as when Lark rotates them. */
  expireTokens(): void;
  close(): Promise<void>;
}

/** Method and path with message, chat and user ids as :id. */
const routeOf = (method: string, path: string) => `${method} ${path.replace(/\/(om|oc|ou)_[\w-]+/g, '/:id')}`;

/** Reads a request whole: its body as bytes and, unless it is a form, as JSON. */
async function readRequest(req: IncomingMessage): Promise<OpenApiRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = String(req.headers['content-type'] ?? '');
  let body: Record<string, unknown> = {};
  if (raw.length > 0 && !contentType.startsWith('multipart/')) {
    try {
      const value = JSON.parse(raw.toString('utf8')) as unknown;
      if (typeof value === 'object' && value !== null) body = value as Record<string, unknown>;
    } catch {
      body = {};
    }
  }
  const url = new URL(req.url ?? '/', 'http://open-api');
  const method = req.method ?? 'GET';
  return { method, path: url.pathname, route: routeOf(method, url.pathname), query: url.searchParams, body, raw, contentType, authorization: req.headers.authorization };
}

/** Writes an answer: JSON, or a file as Lark serves message resources. */
function write(res: ServerResponse, answer: Answer): void {
  if ('file' in answer) {
    res.writeHead(answer.status, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${encodeURIComponent(answer.file.name)}"` });
    res.end(answer.file.data);
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

/** Starts a fake Open API on 127.0.0.1 (a free port). */
export async function startOpenApi(options: OpenApiOptions): Promise<RunningOpenApi> {
  const { app, bot, mailroom, layers = {} } = options;
  const newToken = options.newToken ?? (() => `t-${randomBytes(8).toString('hex')}`);
  const tokens = new Set<string>();
  const messages = messageEndpoints(mailroom, layers);

  const answer = async (request: OpenApiRequest): Promise<Answer> => {
    const early = await layers.first?.(request);
    if (early) return early;
    if (request.method === 'POST' && request.path === '/open-apis/auth/v3/tenant_access_token/internal') {
      if (request.body.app_id !== app.appId || request.body.app_secret !== app.appSecret) return refuse(400, 10014, 'app secret invalid');
      const token = newToken();
      tokens.add(token);
      return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 } };
    }
    const failed = await layers.gateway?.(request);
    if (failed) return failed;
    const token = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) return refuse(400, 99991663, 'Invalid access token for authorization. Please make a request with token attached.');
    if (request.method === 'GET' && request.path === '/open-apis/bot/v3/info') {
      return { status: 200, body: { code: 0, msg: 'ok', bot: { open_id: bot.openId, app_name: bot.name, activate_status: 2 } } };
    }
    return messages(request) ?? layers.more?.(request) ?? refuse(404, 404, `the fake Open API does not serve ${request.route}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const request = await readRequest(req);
    let out: Answer;
    try {
      out = await answer(request);
    } catch (error) {
      out = refuse(500, 500, error instanceof Error ? error.message : String(error));
    }
    layers.answered?.(request, out);
    write(res, out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => write(res, refuse(500, 500, String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    expireTokens: () => tokens.clear(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
