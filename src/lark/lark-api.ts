/**
 * The one way out to the Lark Open API. Wraps the official SDK client with
 * what it lacks: a request timeout, our own tenant token (fetched once even
 * under concurrent calls, dropped and fetched again once when Lark rejects
 * it), retry with backoff on rate limits (honouring x-ogw-ratelimit-reset),
 * 5xx and network errors, and errors that carry Lark's code and message.
 * Other 4xx are not retried.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import axios, { AxiosError } from 'axios';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';

/** How to reach the app's API. */
export interface LarkApiOptions {
  appId: string;
  appSecret: string;
  /** 'feishu', 'lark', or a base URL (a local fake in tests). */
  domain: string;
  logger: Logger;
  /** Per request; the SDK has none. */
  timeoutMs?: number;
  /** Attempts per call, counting the first. */
  maxAttempts?: number;
  /** Longest wait between attempts inside one call. */
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Counts every attempt by operation and outcome, and rate limits apart. */
  metrics?: ServiceMetrics;
}

/** Token codes after which the token is fetched again: "need a token", invalid, expired. */
const TOKEN_CODES = new Set([99991661, 99991663, 99991665]);
/** Attempts of a message call: one; the outbox retries it through the rate limiter. */
const MESSAGE_ATTEMPTS = 1;

/** Rate-limit codes: the platform's and the message API's. */
const RATE_LIMIT_CODES = new Set([99991400, 230020]);

/** A failed Lark call, with what Lark said. */
export class LarkApiError extends Error {
  constructor(
    readonly operation: string,
    readonly httpStatus: number | null,
    readonly code: number | null,
    readonly larkMessage: string,
    /** Worth trying again later (rate limit, 5xx, network, timeout). */
    readonly retryable: boolean,
    /** How long Lark asked us to wait, when it said. */
    readonly retryAfterMs: number | null,
  ) {
    super(`${operation}: ${httpStatus ?? 'network'} code=${code ?? '-'} ${larkMessage}`);
    this.name = 'LarkApiError';
  }
}

/** Lark's answer body. */
interface LarkBody<T> {
  code?: number;
  msg?: string;
  data?: T;
}

/** Resolves a domain setting to a base URL. */
export function larkBaseUrl(domain: string): string {
  if (domain === 'feishu') return 'https://open.feishu.cn';
  if (domain === 'lark') return 'https://open.larksuite.com';
  return domain.replace(/\/$/, '');
}

function toLarkError(operation: string, error: unknown): LarkApiError {
  if (error instanceof LarkApiError) return error;
  if (error instanceof AxiosError) {
    const status = error.response?.status ?? null;
    const body = error.response?.data as LarkBody<unknown> | string | undefined;
    const code = typeof body === 'object' && body && typeof body.code === 'number' ? body.code : null;
    const message = typeof body === 'object' && body ? (body.msg ?? error.message) : (typeof body === 'string' ? body.slice(0, 200) : error.message);
    const reset = Number(error.response?.headers?.['x-ogw-ratelimit-reset']);
    const retryAfterMs = Number.isFinite(reset) && reset >= 0 ? reset * 1000 : null;
    const retryable = status === null || status === 429 || status >= 500 || (code !== null && (RATE_LIMIT_CODES.has(code) || TOKEN_CODES.has(code)));
    return new LarkApiError(operation, status, code, message, retryable, retryAfterMs);
  }
  return new LarkApiError(operation, null, null, error instanceof Error ? error.message : String(error), true, null);
}

/**
 * What the SDK's own log lines may say: its words, and of an error only its
 * name, message, HTTP status and Lark code. The SDK logs whole AxiosErrors,
 * whose request config holds the tenant token and the message body; those
 * never reach the log.
 */
export function summariseSdkLog(args: readonly unknown[]): unknown[] {
  return args.flatMap((arg): unknown[] => {
    if (Array.isArray(arg)) return summariseSdkLog(arg);
    if (arg instanceof Error) {
      const response = (arg as AxiosError).response;
      const body = response?.data as LarkBody<unknown> | undefined;
      return [{ name: arg.name, message: arg.message, ...(response ? { status: response.status } : {}), ...(typeof body?.code === 'number' ? { code: body.code } : {}) }];
    }
    if (arg === null || typeof arg !== 'object') return [arg];
    return ['[object]'];
  });
}

/** A sent message's id. */
export interface SentMessage {
  messageId: string;
}

/** The Lark Open API as the service uses it. */
export class LarkApi {
  /** The SDK client (our token, our HTTP instance). */
  readonly client: lark.Client;
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxBackoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LarkApiOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const http = axios.create({ timeout: this.timeoutMs });
    http.interceptors.response.use((response) => response.data);
    this.client = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: larkBaseUrl(options.domain),
      disableTokenCache: true,
      httpInstance: http as unknown as lark.HttpInstance,
      loggerLevel: lark.LoggerLevel.error,
      logger: {
        error: (...args: unknown[]) => options.logger.error({ sdk: summariseSdkLog(args) }, 'lark sdk'),
        warn: (...args: unknown[]) => options.logger.warn({ sdk: summariseSdkLog(args) }, 'lark sdk'),
        info: () => undefined,
        debug: () => undefined,
        trace: () => undefined,
      },
    });
  }

  /** The tenant access token; concurrent callers share one fetch. */
  async tenantToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    this.tokenRequest ??= (async () => {
      try {
        const body = (await this.client.auth.tenantAccessToken.internal({
          data: { app_id: this.options.appId, app_secret: this.options.appSecret },
        })) as LarkBody<unknown> & { tenant_access_token?: string; expire?: number };
        if (body.code !== 0 || !body.tenant_access_token) {
          throw new LarkApiError('tenant_access_token', 200, body.code ?? null, body.msg ?? 'no token', false, null);
        }
        // Refresh three minutes early, as the SDK does.
        this.token = { value: body.tenant_access_token, expiresAt: Date.now() + Math.max(0, (body.expire ?? 7200) - 180) * 1000 };
        return body.tenant_access_token;
      } finally {
        this.tokenRequest = undefined;
      }
    })();
    return this.tokenRequest;
  }

  /** Forgets the token so the next call fetches a new one. */
  invalidateToken(): void {
    this.token = undefined;
  }

  /**
   * Runs one API call with the token, retrying what is worth retrying.
   * Resolves to `data`; throws LarkApiError with Lark's code otherwise.
   */
  async call<T>(operation: string, run: (options: ReturnType<typeof lark.withTenantToken>) => Promise<unknown>, attempts = this.maxAttempts): Promise<T> {
    let tokenRefreshed = false;
    for (let attempt = 1; ; attempt++) {
      let failure: LarkApiError;
      try {
        const body = (await run(lark.withTenantToken(await this.tenantToken()))) as LarkBody<T>;
        if (body && typeof body === 'object' && (body.code === 0 || body.code === undefined)) {
          this.options.metrics?.larkCalls.inc({ operation, outcome: 'ok', code: '0' });
          return body.data as T;
        }
        const code = body?.code ?? null;
        const retryable = code !== null && (RATE_LIMIT_CODES.has(code) || TOKEN_CODES.has(code));
        failure = new LarkApiError(operation, 200, code, body?.msg ?? 'unexpected answer', retryable, null);
      } catch (error) {
        failure = toLarkError(operation, error);
      }
      this.countFailure(failure);
      if (failure.code !== null && TOKEN_CODES.has(failure.code)) {
        if (tokenRefreshed) throw new LarkApiError(operation, failure.httpStatus, failure.code, failure.larkMessage, false, null);
        tokenRefreshed = true;
        this.invalidateToken();
        attempt--;
        continue;
      }
      if (!failure.retryable || attempt >= attempts) {
        this.options.logger.warn({ operation, httpStatus: failure.httpStatus, code: failure.code, msg: failure.larkMessage, attempt }, 'lark call failed');
        throw failure;
      }
      const backoff = failure.retryAfterMs ?? Math.min(this.maxBackoffMs, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
      if (backoff > this.maxBackoffMs) throw failure;
      await this.sleep(backoff);
    }
  }

  /** Counts a failed attempt: by its Lark code (else HTTP status, else network), and apart when it was a rate limit. */
  private countFailure(failure: LarkApiError): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    metrics.larkCalls.inc({ operation: failure.operation, outcome: 'error', code: String(failure.code ?? failure.httpStatus ?? 'network') });
    if (failure.httpStatus === 429 || (failure.code !== null && RATE_LIMIT_CODES.has(failure.code))) metrics.larkRateLimited.inc({ operation: failure.operation });
  }

  /**
   * Sends a message to a chat or a user; `uuid` makes a repeated send a
   * no-op for an hour. Message calls are tried once (a token refresh
   * aside): the outbox retries them, through the send rate limiter — a
   * retry here would be a send the limiter never saw.
   */
  async send(input: { receiveIdType: string; receiveId: string; msgType: string; content: string; uuid: string }): Promise<SentMessage> {
    const data = await this.call<{ message_id: string }>('im.message.create', (options) =>
      this.client.im.message.create(
        {
          params: { receive_id_type: input.receiveIdType as 'chat_id' },
          data: { receive_id: input.receiveId, msg_type: input.msgType, content: input.content, uuid: input.uuid },
        },
        options,
      ),
      MESSAGE_ATTEMPTS,
    );
    return { messageId: data.message_id };
  }

  /** Replies to a message. */
  async reply(input: { messageId: string; msgType: string; content: string; uuid: string }): Promise<SentMessage> {
    const data = await this.call<{ message_id: string }>('im.message.reply', (options) =>
      this.client.im.message.reply(
        { path: { message_id: input.messageId }, data: { msg_type: input.msgType, content: input.content, uuid: input.uuid } },
        options,
      ),
      MESSAGE_ATTEMPTS,
    );
    return { messageId: data.message_id };
  }

  /** Replaces a card the bot sent (within 14 days). */
  async patchCard(messageId: string, content: string): Promise<void> {
    await this.call('im.message.patch', (options) => this.client.im.message.patch({ path: { message_id: messageId }, data: { content } }, options), MESSAGE_ATTEMPTS);
  }

  /** Updates a card through a callback's delayed-update token (after the callback was answered). */
  async updateCardByToken(token: string, card: unknown): Promise<void> {
    await this.call('interactive.card.update', (options) =>
      this.client.request({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card } }, options),
      MESSAGE_ATTEMPTS,
    );
  }

  /**
   * Uploads a file (at most 30 MB) for a file message; returns its file_key.
   * The SDK answers an upload with the `data` alone, so a refusal inside a
   * 200 comes back empty and is reported as such.
   */
  async uploadFile(fileName: string, data: Buffer, fileType: 'xls' | 'doc' | 'pdf' | 'stream' = 'stream'): Promise<string> {
    const uploaded = await this.call<{ file_key?: string } | null>('im.file.create', async (options) => {
      const answer = (await this.client.im.file.create({ data: { file_type: fileType, file_name: fileName, file: data } }, options)) as { file_key?: string } | null;
      return answer?.file_key ? { code: 0, data: answer } : { code: -1, msg: 'upload answered without a file_key' };
    });
    return uploaded!.file_key!;
  }

  /** Downloads a file someone sent in a message (the message and key must belong together). */
  async downloadMessageFile(messageId: string, fileKey: string): Promise<Buffer> {
    const body = await this.call<Buffer>('im.messageResource.get', async (options) => {
      const raw = (await this.client.request(
        { method: 'GET', url: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/resources/${encodeURIComponent(fileKey)}`, params: { type: 'file' }, responseType: 'arraybuffer' },
        options,
      )) as ArrayBuffer | Buffer;
      return { code: 0, data: Buffer.from(raw as ArrayBuffer) };
    });
    return body;
  }

  /** The bot's own identity, to recognise its mentions. */
  async botInfo(): Promise<{ openId: string; name: string }> {
    const body = await this.call<unknown>('bot.info', async (options) => {
      // bot/v3/info answers {code, msg, bot} rather than {data}.
      const raw = (await this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }, options)) as LarkBody<unknown> & { bot?: unknown };
      return { code: raw.code, msg: raw.msg, data: raw.bot };
    });
    const bot = (body ?? {}) as { open_id?: string; app_name?: string };
    if (!bot.open_id) throw new LarkApiError('bot.info', 200, null, 'no open_id in bot info', false, null);
    return { openId: bot.open_id, name: bot.app_name ?? '' };
  }
}
