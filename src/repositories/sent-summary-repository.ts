/**
 * The guard that makes a periodic message go out once per chat and period,
 * whatever the number of instances or restarts: the claim is a unique row.
 */
import type { Db } from './client.js';

/** Claims and reads sent-summary records. */
export class SentSummaryRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims (chat, kind, period). True for the first caller; false when the
   * period was already claimed — the caller must then send nothing. Take the
   * claim in the transaction that enqueues the message.
   */
  async claim(chatId: string, kind: string, period: string, at = new Date()): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO "SentSummary" ("chatId", "kind", "period", "createdAt")
      VALUES (${chatId}, ${kind}, ${period}, ${at})
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  /** Links a claim to the outbox row that carries it. */
  async attachOutbox(chatId: string, kind: string, period: string, outboxId: number): Promise<void> {
    await this.db.sentSummary.update({
      where: { chatId_kind_period: { chatId, kind, period } },
      data: { outboxId },
    });
  }

  /** Chats (or people) that already have a claim of `kind` for any of `periods`, as "chatId period" keys. */
  async claimed(kind: string, periods: readonly string[]): Promise<Set<string>> {
    if (periods.length === 0) return new Set();
    const rows = await this.db.sentSummary.findMany({ where: { kind, period: { in: [...periods] } }, select: { chatId: true, period: true } });
    return new Set(rows.map((row) => `${row.chatId} ${row.period}`));
  }

  /** How many claims of `kind` a chat (or person) has, across periods. */
  async count(chatId: string, kind: string): Promise<number> {
    return this.db.sentSummary.count({ where: { chatId, kind } });
  }

  /** The periods already claimed for a chat and kind, newest first. */
  async periods(chatId: string, kind: string): Promise<string[]> {
    const rows = await this.db.sentSummary.findMany({
      where: { chatId, kind },
      orderBy: { period: 'desc' },
      select: { period: true },
    });
    return rows.map((row) => row.period);
  }
}
