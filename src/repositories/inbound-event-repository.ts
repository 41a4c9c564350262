/**
 * The inbox of platform events. Lark delivers at least once and redelivers
 * for about 7 hours; an event is stored before the request is acknowledged
 * and marked done in the transaction of the work it causes, so it is acted
 * on once across redeliveries, restarts and several instances.
 */
import type { Db } from './client.js';
import { hotSql, type HotValue } from './hot-sql.js';

/** An event to store, as `recordMany` takes it. */
export interface EventToRecord {
  eventId: string;
  eventType: string;
  payload: string;
  at: Date;
}

/** A stored event. */
export interface InboundEventRecord {
  eventId: string;
  eventType: string;
  payload: string;
  state: 'received' | 'done';
  attempts: number;
  receivedAt: Date;
}

/** Stores and claims inbound events (done ones are forgotten by the daily purge, RetentionRepository). */
export class InboundEventRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores an event. True when it is new; false for a redelivery of an event
   * already stored (which is then acknowledged and otherwise ignored).
   */
  async record(eventId: string, eventType: string, payload: string, at = new Date()): Promise<boolean> {
    const inserted = await hotSql(this.db).execute`
      INSERT INTO "InboundEvent" ("eventId", "eventType", "payload", "state", "attempts", "receivedAt")
      VALUES (${eventId}, ${eventType}, ${payload}, 'received', 0, ${at})
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  /**
   * Stores several events in one statement (one commit, when outside a
   * transaction): the ids of those that were new. Ids must be distinct; one
   * already stored is left as it is, a redelivery.
   */
  async recordMany(events: readonly EventToRecord[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const values: HotValue[] = [];
    for (const event of events) values.push(event.eventId, event.eventType, event.payload, event.at);
    const rows = await hotSql(this.db).queryText(
      `INSERT INTO "InboundEvent" ("eventId", "eventType", "payload", "state", "attempts", "receivedAt")
      VALUES ${events.map(() => "(?, ?, ?, 'received', 0, ?)").join(', ')}
      ON CONFLICT DO NOTHING RETURNING "eventId"`,
      values,
    );
    return new Set(rows.map((row) => String(row.eventId)));
  }

  /**
   * Stores an event already claimed, in one statement: for a card callback,
   * whose work runs in the same transaction (record + claim in one). True
   * when it is new; false for a redelivery, which then does nothing.
   */
  async recordClaimed(eventId: string, eventType: string, payload: string, at = new Date()): Promise<boolean> {
    const inserted = await hotSql(this.db).execute`
      INSERT INTO "InboundEvent" ("eventId", "eventType", "payload", "state", "attempts", "receivedAt", "processedAt")
      VALUES (${eventId}, ${eventType}, ${payload}, 'done', 0, ${at}, ${at})
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  /**
   * Marks a received event done; call it inside the transaction of the work
   * the event causes. False when it was already done (by another instance,
   * or before a restart): the caller then does nothing. On PostgreSQL a
   * concurrent claimant waits for the first transaction and then gets false.
   */
  async claim(eventId: string, at = new Date()): Promise<boolean> {
    const changed = await hotSql(this.db).execute`UPDATE "InboundEvent" SET "state" = 'done', "processedAt" = ${at} WHERE "eventId" = ${eventId} AND "state" = 'received'`;
    return changed === 1;
  }

  /** Counts a failed processing attempt, outside the failed transaction. */
  async recordFailure(eventId: string, error: string): Promise<void> {
    await this.db.inboundEvent.updateMany({
      where: { eventId, state: 'received' },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 2000) },
    });
  }

  /** Events still waiting after `before` (their process died, or the database failed): to process again. */
  async stalled(before: Date, limit = 100): Promise<InboundEventRecord[]> {
    const rows = await this.db.inboundEvent.findMany({
      where: { state: 'received', receivedAt: { lt: before } },
      orderBy: { receivedAt: 'asc' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, state: row.state as InboundEventRecord['state'] }));
  }

  /** An event by id. */
  async get(eventId: string): Promise<InboundEventRecord | undefined> {
    const row = await this.db.inboundEvent.findUnique({ where: { eventId } });
    return row ? { ...row, state: row.state as InboundEventRecord['state'] } : undefined;
  }
}
