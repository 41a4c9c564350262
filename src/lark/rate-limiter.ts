/**
 * Lark's send limits as sliding windows: at most 5 messages in any second
 * per chat (shared by every bot in a group) and 50 in any second per app.
 * The sender asks before each message and waits instead of being refused.
 * A token bucket of 50 with 50 a second lets 100 through in a second's
 * window after an idle spell, and the platform answers the second half
 * with 429s; a window cannot. This one counts in memory, for one process
 * (SQLite); on PostgreSQL every instance counts in the database instead
 * (shared-send-limiter.ts).
 */

/**
 * Added to each one-second window: requests reach the platform a little
 * later than they leave, unevenly, and a window measured here to the
 * millisecond is overrun there (the fan-out benchmark saw 39 of 100 sends
 * refused with none, 0 with 100 ms).
 */
export const WINDOW_MARGIN_MS = 100;

/**
 * What a limiter answers before a send: 0 when the slot is taken (send now),
 * else the milliseconds to wait before asking again.
 */
export interface SlotAnswer {
  waitMs: number;
  /** The slot's time by the limiter's clock (ms since the epoch), when taken. */
  at?: number;
}

/** What the outbox sender asks before each send: in memory on SQLite, through the database on PostgreSQL. */
export interface SendLimiter {
  ask(chatKey: string): SlotAnswer | Promise<SlotAnswer>;
}

/** At most `count` sends in any `windowMs`. */
export interface WindowRule {
  count: number;
  windowMs: number;
}

/** Lark's limit per chat (shared by every bot in a group), with the margin. */
export const PER_CHAT: WindowRule = { count: 5, windowMs: 1000 + WINDOW_MARGIN_MS };
/** Lark's limit per app, with the margin. */
export const PER_APP: WindowRule = { count: 50, windowMs: 1000 + WINDOW_MARGIN_MS };

/** The send times still inside a window, oldest first. */
class SendLog {
  private readonly times: number[] = [];

  /** Drops the times that left the window. */
  prune(at: number, rule: WindowRule): void {
    while (this.times.length > 0 && this.times[0]! <= at - rule.windowMs) this.times.shift();
  }

  /** Ms until one more send fits, 0 when it fits now (call prune() first). */
  waitFor(at: number, rule: WindowRule): number {
    if (this.times.length < rule.count) return 0;
    return this.times[this.times.length - rule.count]! + rule.windowMs - at;
  }

  add(at: number) {
    this.times.push(at);
  }

  /** The latest send, or -Infinity. */
  last(): number {
    return this.times.at(-1) ?? Number.NEGATIVE_INFINITY;
  }
}

/**
 * Ms until one more slot fits a window whose latest slots (oldest first, all
 * at or before `now`) are `slots`; 0 when it fits now.
 */
export function windowWait(now: number, slots: readonly number[], rule: WindowRule): number {
  if (slots.length < rule.count) return 0;
  return Math.max(0, slots[slots.length - rule.count]! + rule.windowMs - now);
}

/** Windows keyed by chat, plus one for the whole app, in this process's memory. */
export class SendRateLimiter implements SendLimiter {
  private readonly chats = new Map<string, SendLog>();
  private readonly app = new SendLog();

  constructor(
    private readonly perChat: WindowRule = PER_CHAT,
    private readonly perApp: WindowRule = PER_APP,
    private readonly now: () => number = Date.now,
  ) {}

  /** take() as a SendLimiter answers it. */
  ask(chatKey: string): SlotAnswer {
    const waitMs = this.take(chatKey);
    return waitMs === 0 ? { waitMs, at: this.now() } : { waitMs };
  }

  /**
   * Takes a send for `chatKey` if both windows allow it now and returns 0;
   * otherwise takes nothing and returns the milliseconds to wait.
   */
  take(chatKey: string): number {
    const at = this.now();
    let chat = this.chats.get(chatKey);
    if (!chat) {
      chat = new SendLog();
      this.chats.set(chatKey, chat);
    }
    chat.prune(at, this.perChat);
    this.app.prune(at, this.perApp);
    const wait = Math.max(chat.waitFor(at, this.perChat), this.app.waitFor(at, this.perApp));
    if (wait <= 0) {
      chat.add(at);
      this.app.add(at);
      return 0;
    }
    // Forget idle chats so the map does not grow without bound.
    if (this.chats.size > 10_000) for (const [key, log] of this.chats) if (at - log.last() > 60_000) this.chats.delete(key);
    return Math.ceil(wait);
  }
}
