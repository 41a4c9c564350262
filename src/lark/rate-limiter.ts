/**
 * Token buckets for Lark's send limits: 5 messages a second per chat (shared
 * by every bot in a group) and 50 a second per app. The sender asks before
 * each message and waits instead of being refused. Per process: with several
 * instances, give each a share (LARK_APP_RATE).
 */

/** One bucket's size and refill rate. */
export interface BucketRule {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets keyed by chat, plus one for the whole app. */
export class SendRateLimiter {
  private readonly chats = new Map<string, Bucket>();
  private readonly app: Bucket;

  constructor(
    private readonly perChat: BucketRule = { perSecond: 5, burst: 5 },
    private readonly perApp: BucketRule = { perSecond: 50, burst: 50 },
    private readonly now: () => number = Date.now,
  ) {
    this.app = { tokens: perApp.burst, at: now() };
  }

  private refill(bucket: Bucket, rule: BucketRule, at: number) {
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((at - bucket.at) / 1000) * rule.perSecond);
    bucket.at = at;
  }

  /**
   * Takes a send for `chatKey` if both buckets allow it now and returns 0;
   * otherwise takes nothing and returns the milliseconds to wait.
   */
  take(chatKey: string): number {
    const at = this.now();
    let chat = this.chats.get(chatKey);
    if (!chat) {
      chat = { tokens: this.perChat.burst, at };
      this.chats.set(chatKey, chat);
    }
    this.refill(chat, this.perChat, at);
    this.refill(this.app, this.perApp, at);
    if (chat.tokens >= 1 && this.app.tokens >= 1) {
      chat.tokens -= 1;
      this.app.tokens -= 1;
      return 0;
    }
    const waitChat = chat.tokens >= 1 ? 0 : ((1 - chat.tokens) / this.perChat.perSecond) * 1000;
    const waitApp = this.app.tokens >= 1 ? 0 : ((1 - this.app.tokens) / this.perApp.perSecond) * 1000;
    // Forget idle chats so the map does not grow without bound.
    if (this.chats.size > 10_000) for (const [key, bucket] of this.chats) if (at - bucket.at > 60_000) this.chats.delete(key);
    return Math.ceil(Math.max(waitChat, waitApp));
  }
}
