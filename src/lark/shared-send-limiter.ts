/**
 * Lark's send limits for every instance on one PostgreSQL together: the
 * windows live in the database (SendWindow) and slots are taken under one
 * advisory lock by the database's clock, so any number of instances stays
 * within 50 a second per app and 5 per chat. A slot is taken at the moment
 * it is used, as in memory: one held for later is lost, or crowds the next
 * window, whenever the event loop wakes its sender late.
 *
 * An instance's asks queue here and are answered together, in order, by
 * one transaction at a time (one connection): those that fit now take their
 * slots; a chat whose own window is full is told when it opens; when the
 * app's window is full the queue waits for it to open and tries again. So a
 * hundred deliveries waiting for the app's window cost one transaction per
 * opening per instance, not one per delivery.
 */
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import { PER_APP, PER_CHAT, SendRateLimiter, windowWait, type SendLimiter, type SlotAnswer, type WindowRule } from './rate-limiter.js';

/** The key of the app's window. */
const APP_KEY = 'app';
/** Asks looked at by one transaction at most. */
const MAX_BATCH = 200;
/** How often idle windows are pruned, and how long a window stays after its last slot. */
const PRUNE_EVERY_MS = 60_000;
const IDLE_MS = 10 * 60_000;
/** The app's window is also kept in this many parts (see SharedSendLimiter.pace). */
const PACE_PARTS = 4;
/** After a failed transaction, how long before the queue tries again (the asks wait; their deliveries hold leases). */
const RETRY_MS = 1_000;

interface PendingAsk {
  chatKey: string;
  resolve: (answer: SlotAnswer) => void;
}

/** The send limiter of an instance on PostgreSQL: slots taken in the database, shared with the other instances. */
export class SharedSendLimiter implements SendLimiter {
  private pending: PendingAsk[] = [];
  private draining = false;
  private prunedAt = Number.NEGATIVE_INFINITY;
  /**
   * The app's window in quarters: a quarter of its slots in any quarter of
   * it, so a full window leaves as four small bursts, not one of 50 at each
   * opening that reaches Lark spread over more than the margin (two
   * instances' 1,000-card fan-out on the loaded 2-core machine: 52 refused
   * without it, 6 in halves, 0 in quarters and 0 in tenths — tenths 9% slower,
   * each part losing a wake-up's latency).
   */
  private readonly pace: WindowRule;

  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
    private readonly perChat: WindowRule = PER_CHAT,
    private readonly perApp: WindowRule = PER_APP,
  ) {
    this.pace = { count: Math.max(1, Math.floor(perApp.count / PACE_PARTS)), windowMs: perApp.windowMs / PACE_PARTS };
  }

  /** Resolves when a slot for `chatKey` is taken (waitMs 0), or with the wait until the chat's own window opens. */
  ask(chatKey: string): Promise<SlotAnswer> {
    return new Promise((resolve) => {
      this.pending.push({ chatKey, resolve });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, MAX_BATCH);
        let appWaitMs: number;
        try {
          const result = await this.takeSlots(batch);
          // Answered after the commit: a slot counts for the other instances before its send leaves.
          for (const [ask, answer] of result.answers) ask.resolve(answer);
          this.pending = this.pending.filter((ask) => !result.answers.has(ask));
          appWaitMs = result.appWaitMs;
          this.pruneNowAndThen(result.now);
        } catch (error) {
          // The database is away: the asks wait for it, as their messages would wait for it anyway.
          this.logger?.warn({ err: error }, 'taking send slots failed, trying again');
          appWaitMs = RETRY_MS;
        }
        if (appWaitMs > 0) await new Promise((resolve) => setTimeout(resolve, appWaitMs));
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * One transaction: the lock, the windows of the app and of these chats,
   * then the asks in order — each taken now if both windows allow, told its
   * chat's wait if only its chat's is full — until the app's is full.
   * Returns how long until the app's window opens (0 when every ask was answered).
   */
  private async takeSlots(batch: PendingAsk[]): Promise<{ answers: Map<PendingAsk, SlotAnswer>; appWaitMs: number; now: number }> {
    return this.db.transaction(
      async (repos) => {
        const keys = [...new Set([APP_KEY, ...batch.map((ask) => chatWindowKey(ask.chatKey))])];
        const { now, slots } = await repos.sendWindows.lockAndRead(keys);
        const changed = new Map<string, number[]>();
        const answers = new Map<PendingAsk, SlotAnswer>();
        let appWaitMs = 0;
        for (const ask of batch) {
          const app = slots.get(APP_KEY)!;
          appWaitMs = Math.max(windowWait(now, app, this.perApp), windowWait(now, app, this.pace));
          if (appWaitMs > 0) break;
          const key = chatWindowKey(ask.chatKey);
          const chat = slots.get(key)!;
          const chatWaitMs = windowWait(now, chat, this.perChat);
          if (chatWaitMs > 0) {
            answers.set(ask, { waitMs: Math.ceil(chatWaitMs) });
            continue;
          }
          for (const [windowKey, window, rule] of [[key, chat, this.perChat], [APP_KEY, app, this.perApp]] as const) {
            const kept = keepLatest([...window, now], rule.count);
            slots.set(windowKey, kept);
            changed.set(windowKey, kept);
          }
          answers.set(ask, { waitMs: 0, at: now });
        }
        await repos.sendWindows.write(changed, now);
        return { answers, appWaitMs: Math.ceil(appWaitMs), now };
      },
      { timeout: 10_000 },
    );
  }

  /** Forgets windows idle for ten minutes, once a minute, outside the takers' lock. */
  private pruneNowAndThen(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    this.db.repos.sendWindows.pruneIdle(new Date(now - IDLE_MS)).catch((error: unknown) => this.logger?.warn({ err: error }, 'pruning send windows failed'));
  }
}

/** The send limiter for a database: shared through PostgreSQL, in memory on SQLite (one process by design). */
export function sendLimiterFor(db: Database, logger?: Logger): SendLimiter {
  return db.provider === 'postgresql' ? new SharedSendLimiter(db, logger) : new SendRateLimiter();
}

function chatWindowKey(chatKey: string): string {
  return `chat:${chatKey}`;
}

/** The latest `count` slots: all a window's rule needs, since slots are taken in time order. */
function keepLatest(slots: number[], count: number): number[] {
  return slots.length > count ? slots.slice(slots.length - count) : slots;
}
