/**
 * Delivers the outbox: every reply and card the service decided to send was
 * written there in the transaction of the change that caused it; this loop
 * sends each one with its stable uuid, so a retry, a restart or a second
 * instance never posts twice (Lark ignores a repeated uuid for an hour) and
 * a crash never loses one. Each chat gets its messages in order; the send
 * rate stays inside Lark's limits.
 */
import { PollingWorker } from '../lib/polling-loop.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import type { OutboxRecord } from '../repositories/outbox-repository.js';
import { LarkApiError, type LarkApi } from './lark-api.js';
import { SendRateLimiter, type SendLimiter } from './rate-limiter.js';

/** The calls the sender makes. */
export type SenderApi = Pick<LarkApi, 'send' | 'reply' | 'patchCard' | 'updateCardByToken' | 'uploadFile'>;

/** How the sender behaves. */
export interface OutboxSenderOptions {
  db: Database;
  api: SenderApi;
  /** The API a target (chat, person, message or token) belongs to, when the service speaks to more than one (Lark and the local console). */
  apiFor?: (target: string) => SenderApi | undefined;
  logger: Logger;
  /** Lark's send limits (in memory by default; sendLimiterFor picks the shared one on PostgreSQL). */
  limiter?: SendLimiter;
  /** How long a claimed message is reserved for this sender. */
  leaseMs?: number;
  /** How often to look for due messages when nobody wakes the sender. */
  pollMs?: number;
  /** Attempts before a message is given up (about a day with the backoff below). */
  maxAttempts?: number;
  /** Counts messages sent, retried, sent as text instead, and given up. */
  metrics?: ServiceMetrics;
}

/** Deliveries under way at once (each waits for its send slot under a lease). */
const MAX_IN_FLIGHT = 100;

/** While deliveries are in flight, how often to look again for messages that came due. */
const RECHECK_MS = 250;

/** Backoff after the n-th failed attempt: 2 s, 4 s, 8 s … capped at 30 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30 * 60_000, 1000 * 2 ** attempt);
}

/** Sends due outbox messages, in the background or one pass at a time. */
export class OutboxSender extends PollingWorker {
  private readonly limiter: SendLimiter;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: OutboxSenderOptions) {
    super({ pollMs: options.pollMs ?? 2_000, logger: options.logger, name: 'outbox' });
    this.limiter = options.limiter ?? new SendRateLimiter();
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.maxAttempts = options.maxAttempts ?? 16;
  }

  /**
   * One pass: sends every message due now that the rate limits allow.
   * Deliveries run side by side: a slow or timed-out call holds up only its
   * own chat (whose next message waits behind it), never the others; the
   * pass looks for more once they have all settled, or every 250 ms while
   * some are still out, and returns when all have. Returns how soon another
   * pass is useful (ms).
   */
  async pass(now = new Date()): Promise<number> {
    const inFlight = new Map<number, Promise<boolean>>();
    for (let round = 0; round < 500; round++) {
      const due = (await this.options.db.repos.outbox.due(now, 100)).filter((message) => !inFlight.has(message.id));
      for (const message of due.slice(0, Math.max(0, MAX_IN_FLIGHT - inFlight.size))) {
        inFlight.set(message.id, this.deliver(message).finally(() => inFlight.delete(message.id)));
      }
      if (inFlight.size === 0) break;
      // On once all have settled, or after a tick while some are still out (a slow call holds up only its chat).
      let tick: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(inFlight.values()), new Promise((resolve) => (tick = setTimeout(resolve, RECHECK_MS)))]);
      clearTimeout(tick);
      now = new Date();
    }
    await Promise.allSettled(inFlight.values());
    return this.pollMs;
  }

  /** Sends one message under a lease; true when it is settled (sent or given up). */
  private async deliver(message: OutboxRecord): Promise<boolean> {
    const { outbox } = this.options.db.repos;
    if (!(await outbox.lease(message.id, message.nextAttemptAt, new Date(Date.now() + this.leaseMs)))) return false;
    const attempt = message.attempts + 1;
    try {
      await this.sendSlot(message.chatKey);
      const messageId = await this.send(message);
      await outbox.markSent(message.id, messageId);
      this.options.metrics?.outboxSettled.inc({ outcome: 'sent' });
      return true;
    } catch (error) {
      const failure = error instanceof LarkApiError ? error : undefined;
      const reason = failure ? `${failure.httpStatus ?? 'network'} ${failure.code ?? ''} ${failure.larkMessage}` : String(error);
      if ((failure === undefined || failure.retryable) && attempt < this.maxAttempts) {
        const delay = Math.max(failure?.retryAfterMs ?? 0, retryDelayMs(attempt));
        await outbox.retryAt(message.id, new Date(Date.now() + delay), reason);
        this.options.metrics?.outboxSettled.inc({ outcome: 'retried' });
        this.options.logger.warn({ outboxId: message.id, attempt, delayMs: delay, reason }, 'outbox send failed, will retry');
        return false;
      }
      if (failure && !failure.retryable && message.msgType === 'interactive' && message.fallbackText && message.action !== 'card_update' && message.action !== 'patch') {
        // Lark refused the card itself: say the same in plain text rather than nothing.
        await outbox.useFallback(message.id, reason);
        this.options.metrics?.outboxSettled.inc({ outcome: 'fallback' });
        this.options.logger.warn({ outboxId: message.id, reason }, 'card refused, sending its text instead');
        return false;
      }
      await outbox.markFailed(message.id, reason);
      this.options.metrics?.outboxSettled.inc({ outcome: 'failed' });
      this.options.logger.error({ outboxId: message.id, attempt, reason, code: failure?.code }, 'outbox send failed for good');
      return true;
    }
  }

  /**
   * Waits until the rate limits allow one more send to the chat, and takes
   * it: right before the request, not before the lease, so the send leaves
   * when the limiter counted it (taken earlier, a lease that waited for the
   * database let sends bunch up past Lark's window: 18 refused in the
   * 1,000-chat fan-out on SQLite).
   */
  private async sendSlot(chatKey: string): Promise<void> {
    for (let wait = (await this.limiter.ask(chatKey)).waitMs; wait > 0; wait = (await this.limiter.ask(chatKey)).waitMs) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** A file message's content as Lark takes it: the file uploaded first (again on a retry; the message itself is sent once, by its uuid). */
  private async contentOf(message: OutboxRecord, api: SenderApi): Promise<string> {
    if (message.msgType !== 'file') return message.content;
    const file = JSON.parse(message.content) as { file_name: string; data_base64: string };
    const fileType = /\.xlsx?$/i.test(file.file_name) ? 'xls' : /\.docx?$/i.test(file.file_name) ? 'doc' : 'stream';
    const fileKey = await api.uploadFile(file.file_name, Buffer.from(file.data_base64, 'base64'), fileType);
    return JSON.stringify({ file_key: fileKey });
  }

  private async send(message: OutboxRecord): Promise<string | null> {
    const api = this.options.apiFor?.(message.target) ?? this.options.api;
    switch (message.action) {
      case 'send':
        return (await api.send({ receiveIdType: message.receiveIdType ?? 'chat_id', receiveId: message.target, msgType: message.msgType, content: await this.contentOf(message, api), uuid: message.uuid })).messageId;
      case 'reply':
        return (await api.reply({ messageId: message.target, msgType: message.msgType, content: await this.contentOf(message, api), uuid: message.uuid })).messageId;
      case 'patch':
        await api.patchCard(message.target, message.content);
        return message.target;
      case 'card_update':
        await api.updateCardByToken(message.target, JSON.parse(message.content));
        return null;
    }
  }
}
