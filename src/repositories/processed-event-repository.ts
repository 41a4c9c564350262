/**
 * Platform event ids already acted on. Lark delivers at least once and
 * redelivers for about 7 hours, so an event is claimed in the transaction of
 * the work it causes and the claim is kept well past that window.
 */
import type { Db } from './client.js';

/** Claims and purges processed event ids. */
export class ProcessedEventRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims an event id. True for the first claim; false when it was already
   * processed (or is being processed by another instance, which then wins).
   */
  async claim(eventId: string, eventType: string, at = new Date()): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO "ProcessedEvent" ("eventId", "eventType", "receivedAt")
      VALUES (${eventId}, ${eventType}, ${at})
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  /** Whether an event id was already claimed. */
  async seen(eventId: string): Promise<boolean> {
    return (await this.db.processedEvent.count({ where: { eventId } })) > 0;
  }

  /** Forgets claims older than `before`; returns how many. */
  async purgeBefore(before: Date): Promise<number> {
    const result = await this.db.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } });
    return result.count;
  }
}
