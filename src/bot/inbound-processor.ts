/**
 * The one entry point for platform events, whichever transport brought
 * them. An event is stored in the inbox first (that is when the transport
 * may acknowledge it), then processed: the event is claimed, the bot's
 * behaviour runs, and what it says is queued in the outbox, all in one
 * transaction. A redelivered event, or the same event at a second instance,
 * finds its claim taken and does nothing. When the behaviour fails the user
 * still gets an answer, never silence and never a stack trace.
 */
import type { Database } from '../db/database.js';
import type { CardAction, BotAdded, IncomingMessage, InboundEvent } from './events.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import type { Repositories } from '../repositories/index.js';
import { InboxGroupCommit } from './inbox-group-commit.js';
import { enqueueOutgoing, textReply, type Outgoing } from './outgoing.js';

/** An event processed after it is stored: a message, or the bot added to a group. */
type QueuedEvent = Exclude<InboundEvent, CardAction>;

/** What behaviour code gets besides the event. */
export interface BotContext {
  repos: Repositories;
  now: Date;
  /**
   * Runs `work` once the event's transaction has committed (never if it rolls
   * back): a worker woken inside the transaction would look for its job
   * before the job is there for it to see (on PostgreSQL it then waited for
   * its next poll). Without it (a handler called on its own, in a test) the
   * caller runs `work` at once.
   */
  afterCommit?: (work: () => void) => void;
}

/** The answer to a card callback: a toast, a new card, and anything else to send. */
export interface CardActionResult {
  toast?: { type: 'info' | 'success' | 'error' | 'warning'; content: string };
  card?: Record<string, unknown>;
  outgoing?: Outgoing[];
}

/** What the bot does with each kind of event; pure of transport. */
export interface BotBehaviour {
  onMessage(message: IncomingMessage, ctx: BotContext): Promise<Outgoing[]>;
  onCardAction(action: CardAction, ctx: BotContext): Promise<CardActionResult>;
  onBotAdded(event: BotAdded, ctx: BotContext): Promise<Outgoing[]>;
}

/** The body Lark expects back from a card callback. */
export interface CardCallbackResponse {
  toast?: CardActionResult['toast'];
  card?: { type: 'raw'; data: Record<string, unknown> };
}

/** Shown when processing a message failed; says what to do, not what broke. */
export const APOLOGY = '抱歉，处理这条消息时出错了，已记录下来。请稍后再试；如果反复出现，请联系管理员。';

/** Dependencies of the processor. */
export interface InboundProcessorOptions {
  db: Database;
  behaviour: BotBehaviour;
  logger: Logger;
  /** Called after something was queued, to wake the outbox sender. */
  onQueued?: () => void;
  /** Time a card callback may take before it is answered with a toast and finished later (Lark allows 3 s). */
  cardBudgetMs?: number;
  /**
   * Events processed at once; the rest wait their turn, so acknowledging new
   * requests keeps priority. While a request waits for its acknowledgement
   * (an event being stored, a card callback being answered) one at a time.
   */
  concurrency?: number;
  /** Events waiting in memory at most; past that they wait in the inbox for the recovery pass. */
  maxQueued?: number;
  /** Counts events received and processed, and times them. */
  metrics?: ServiceMetrics;
}

/** Stores, dedupes and processes inbound events. */
export class InboundProcessor {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly cardBudgetMs: number;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  /** Stored events waiting to be processed, oldest first. */
  private readonly queue: QueuedEvent[] = [];
  /** Ids of the events queued or being processed here, so recovery does not take them again. */
  private readonly mine = new Set<string>();
  private active = 0;
  /** Events were left in the inbox because the queue was full: refill from there once it empties. */
  private overflowed = false;
  /** Requests waiting for their acknowledgement: events being stored, card callbacks being answered. */
  private acking = 0;
  /** Stores events arriving together in one statement and one commit. */
  private readonly inbox: InboxGroupCommit;

  constructor(private readonly options: InboundProcessorOptions) {
    this.cardBudgetMs = options.cardBudgetMs ?? 2_500;
    this.concurrency = options.concurrency ?? 4;
    this.maxQueued = options.maxQueued ?? 2_000;
    this.inbox = new InboxGroupCommit((events) => options.db.repos.events.recordMany(events));
  }

  /** Runs `answer` counted as a request waiting for its acknowledgement; processing yields to it meanwhile. */
  private async acknowledging<T>(answer: () => Promise<T>): Promise<T> {
    this.acking++;
    try {
      return await answer();
    } finally {
      this.acking--;
      if (this.acking === 0) this.drain();
    }
  }

  /**
   * Stores a message or bot-added event and queues it for processing.
   * Resolves once the event is durable: the transport may then acknowledge
   * it. False for a redelivery of an event already stored.
   */
  async receive(event: QueuedEvent): Promise<boolean> {
    const fresh = await this.acknowledging(() => this.inbox.record({ eventId: event.eventId, eventType: event.kind, payload: JSON.stringify(event), at: new Date() }));
    this.options.metrics?.eventsReceived.inc({ kind: event.kind, duplicate: String(!fresh) });
    if (fresh) this.enqueue(event);
    return fresh;
  }

  /** Queues a stored event; when the queue is full it stays in the inbox, where the recovery pass finds it. */
  private enqueue(event: QueuedEvent) {
    if (this.queue.length >= this.maxQueued) {
      this.overflowed = true;
      return;
    }
    this.queue.push(event);
    this.mine.add(event.eventId);
    this.drain();
  }

  /**
   * Starts queued events up to the concurrency (one while requests wait for
   * their acknowledgement). Each starts on the next turn of the event loop
   * (setImmediate), after requests already waiting on the socket: under a
   * burst, acknowledging Lark comes first and the work follows, instead of
   * every stored event's work running ahead of the next acknowledgement.
   */
  private drain() {
    while (this.active < (this.acking > 0 ? 1 : this.concurrency) && this.queue.length > 0) {
      const event = this.queue.shift()!;
      this.active++;
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.process(event))
        .finally(() => {
          this.active--;
          this.mine.delete(event.eventId);
          this.drain();
        });
      this.track(run);
    }
    if (this.queue.length === 0 && this.overflowed) {
      this.overflowed = false;
      this.track(this.refill());
    }
  }

  /** Queues the events left waiting in the inbox while the queue was full, oldest first. */
  private async refill(): Promise<void> {
    try {
      for (const event of await this.waitingInInbox(new Date(), this.maxQueued)) if (event.kind !== 'card_action') this.enqueue(event);
    } catch (error) {
      this.options.logger.error({ err: error }, 'refilling the event queue failed; the recovery pass takes the events');
    }
  }

  /** Processes a stored event once; safe to call again for the same event. */
  async process(event: QueuedEvent): Promise<void> {
    const { db, behaviour, logger, metrics } = this.options;
    const timed = metrics?.startTimer(event.kind);
    try {
      const committed: (() => void)[] = [];
      const queued = await db.transaction(async (repos) => {
        committed.length = 0;
        if (!(await repos.events.claim(event.eventId))) return -1;
        const ctx: BotContext = { repos, now: new Date(), afterCommit: (work) => void committed.push(work) };
        const outgoing = event.kind === 'message' ? await behaviour.onMessage(event, ctx) : await behaviour.onBotAdded(event, ctx);
        await enqueueOutgoing(repos, event.eventId, outgoing);
        return outgoing.length;
      });
      for (const work of committed) work();
      // -1: another instance (or an earlier pass) had already taken it; nothing was processed here.
      if (queued >= 0) {
        timed?.();
        metrics?.eventsProcessed.inc({ kind: event.kind, outcome: 'ok' });
      }
      if (queued > 0) this.options.onQueued?.();
    } catch (error) {
      metrics?.eventsProcessed.inc({ kind: event.kind, outcome: 'failed' });
      logger.error({ err: error, eventId: event.eventId, kind: event.kind }, 'processing an event failed');
      await this.apologise(event, error);
    }
  }

  /** After a failure: mark the event done with an apology, or leave it for recovery if even that fails. */
  private async apologise(event: QueuedEvent, cause: unknown) {
    try {
      const queued = await this.options.db.transaction(async (repos) => {
        if (!(await repos.events.claim(event.eventId))) return false;
        if (event.kind === 'message') await enqueueOutgoing(repos, event.eventId, [textReply(event.messageId, event.chatId, APOLOGY)]);
        return event.kind === 'message';
      });
      if (queued) this.options.onQueued?.();
    } catch (error) {
      this.options.logger.error({ err: error, eventId: event.eventId }, 'could not record the failure; the event stays for recovery');
      await this.options.db.repos.events.recordFailure(event.eventId, String(cause)).catch(() => undefined);
    }
  }

  /**
   * Answers a card callback within Lark's 3 s: the work and its outbox
   * messages commit together; if the work takes longer than the budget the
   * answer is a toast, and the new card follows through the update token.
   */
  async respondToCardAction(action: CardAction): Promise<CardCallbackResponse> {
    const { db, behaviour, logger, metrics } = this.options;
    let late = false;
    const timed = metrics?.startTimer(action.kind);
    const work = (async (): Promise<CardCallbackResponse> => {
      try {
        const committed: (() => void)[] = [];
        const result = await db.transaction(async (repos) => {
          committed.length = 0;
          // Stored already claimed: the work commits with it, or neither is kept.
          const fresh = await repos.events.recordClaimed(action.eventId, action.kind, JSON.stringify(action));
          metrics?.eventsReceived.inc({ kind: action.kind, duplicate: String(!fresh) });
          if (!fresh) return undefined;
          const outcome = await behaviour.onCardAction(action, { repos, now: new Date(), afterCommit: (work) => void committed.push(work) });
          await enqueueOutgoing(repos, action.eventId, outcome.outgoing ?? []);
          return outcome;
        });
        for (const work of committed) work();
        if (result === undefined) return {};
        timed?.();
        metrics?.eventsProcessed.inc({ kind: action.kind, outcome: 'ok' });
        if (late && result.card && action.updateToken && action.chatId) {
          // The callback was already answered with a toast: the card follows by its update token.
          const update: Outgoing = { kind: 'card_update', token: action.updateToken, chatId: action.chatId, card: result.card };
          await db.transaction((repos) => enqueueOutgoing(repos, `${action.eventId}:late`, [update]));
        }
        if (result.outgoing?.length || late) this.options.onQueued?.();
        return { ...(result.toast ? { toast: result.toast } : {}), ...(result.card ? { card: { type: 'raw', data: result.card } } : {}) };
      } catch (error) {
        metrics?.eventsProcessed.inc({ kind: action.kind, outcome: 'failed' });
        logger.error({ err: error, eventId: action.eventId }, 'card action failed');
        return { toast: { type: 'error', content: '操作没有成功，请稍后再试；如果反复出现，请联系管理员。' } };
      }
    })();
    this.track(work);
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.cardBudgetMs);
    });
    const first = await this.acknowledging(() => Promise.race([work, budget]));
    clearTimeout(timer);
    if (first !== 'late') return first;
    late = true;
    return { toast: { type: 'info', content: '正在处理，卡片稍后更新。' } };
  }

  /** Processes events stored but never finished (their process died, or the database failed). */
  async recoverStalled(olderThanMs = 30_000): Promise<number> {
    const stalled = await this.waitingInInbox(new Date(Date.now() - olderThanMs));
    for (const event of stalled) {
      if (event.kind === 'card_action') {
        // Card callbacks are answered synchronously or not at all; nothing to resume.
        await this.options.db.repos.events.claim(event.eventId);
        continue;
      }
      await this.process(event);
    }
    return stalled.length;
  }

  /** Events stored before `before` and not done, other than those queued or being processed here. */
  private async waitingInInbox(before: Date, limit?: number): Promise<InboundEvent[]> {
    const records = await this.options.db.repos.events.stalled(before, limit);
    return records.filter((record) => !this.mine.has(record.eventId)).map((record) => JSON.parse(record.payload) as InboundEvent);
  }

  private track(promise: Promise<unknown>) {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** Events waiting in memory to be processed (the queue depth /metrics shows). */
  queued(): number {
    return this.queue.length;
  }

  /** Waits until every event being processed is settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
