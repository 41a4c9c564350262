/**
 * The outbox: every message the bot will send, written in the transaction of
 * the change that causes it, then delivered by the sender. A crash after the
 * commit loses nothing; the stable uuid makes a repeated send land once.
 */
import { OutboxAction, OutboxState } from '../domain/vocabulary.js';
import type { Db } from './client.js';
import { hotSql, int } from './hot-sql.js';

/** A queued or delivered message. */
export interface OutboxRecord {
  id: number;
  uuid: string;
  action: OutboxAction;
  receiveIdType: string | null;
  target: string;
  chatKey: string;
  msgType: string;
  content: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentMessageId: string | null;
  /** Text to send instead if Lark refuses the card. */
  fallbackText: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** What a new outbox row holds. */
export interface OutboxInput {
  /** Idempotency key, at most 50 characters; derive it from what caused the message. */
  uuid: string;
  action: OutboxAction;
  receiveIdType?: string | null;
  target: string;
  chatKey: string;
  msgType: string;
  content: string;
  /** For cards: plain text to send instead if Lark refuses the card. */
  fallbackText?: string | null;
}

function toRecord(row: Omit<OutboxRecord, 'action' | 'state'> & { action: string; state: string }): OutboxRecord {
  return { ...row, action: OutboxAction.parse(row.action), state: OutboxState.parse(row.state) };
}

/** Queues, claims and settles outgoing messages. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Queues a message; enqueuing the same uuid again returns the first row unchanged. */
  async enqueue(input: OutboxInput, at = new Date()): Promise<OutboxRecord> {
    if (input.uuid.length > 50) throw new Error(`outbox uuid longer than 50 characters: ${input.uuid}`);
    // Every event queues its reply here: one statement past the query compiler (Prisma's upsert took three).
    const receiveIdType = input.receiveIdType ?? null;
    const fallbackText = input.fallbackText ?? null;
    const inserted = await hotSql(this.db).query`
      INSERT INTO "OutboxMessage" ("uuid", "action", "receiveIdType", "target", "chatKey", "msgType", "content", "state", "attempts", "nextAttemptAt", "createdAt", "fallbackText")
      VALUES (${input.uuid}, ${input.action}, ${receiveIdType}, ${input.target}, ${input.chatKey}, ${input.msgType}, ${input.content}, 'pending', 0, ${at}, ${at}, ${fallbackText})
      ON CONFLICT ("uuid") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) return (await this.findByUuid(input.uuid))!;
    // Written out, not spread from the input: on Node 20 (V8 11.3) each new property after a spread in a literal is a runtime call (18 µs for this row).
    return {
      id: int(inserted[0]!.id),
      uuid: input.uuid,
      action: OutboxAction.parse(input.action),
      receiveIdType,
      target: input.target,
      chatKey: input.chatKey,
      msgType: input.msgType,
      content: input.content,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      sentMessageId: null,
      fallbackText,
      createdAt: at,
      sentAt: null,
    };
  }

  /**
   * Pending messages that may be sent now: per chat only the oldest pending
   * one, so each chat receives its messages in order.
   */
  async due(now: Date, limit = 100): Promise<OutboxRecord[]> {
    // Which rows, from their heads alone: a backlog of cards (up to 30 KB each) is not read whole on every pass.
    const heads = await this.db.outboxMessage.findMany({
      where: { state: 'pending' },
      orderBy: { id: 'asc' },
      take: limit * 5,
      select: { id: true, chatKey: true, nextAttemptAt: true },
    });
    const seenChats = new Set<string>();
    const ids: number[] = [];
    for (const head of heads) {
      if (seenChats.has(head.chatKey)) continue;
      seenChats.add(head.chatKey);
      if (head.nextAttemptAt <= now) ids.push(head.id);
      if (ids.length >= limit) break;
    }
    if (ids.length === 0) return [];
    // Still due: a row another instance leased between the two reads carries its lease's time, and leasing that would send it twice.
    const rows = await this.db.outboxMessage.findMany({ where: { id: { in: ids }, state: 'pending', nextAttemptAt: { lte: now } }, orderBy: { id: 'asc' } });
    return rows.map(toRecord);
  }

  /**
   * Takes a lease on a row so that one sender among several instances sends
   * it: succeeds only if nobody moved `nextAttemptAt` since it was read.
   */
  async lease(id: number, seenNextAttemptAt: Date, until: Date): Promise<boolean> {
    const result = await this.db.outboxMessage.updateMany({
      where: { id, state: 'pending', nextAttemptAt: seenNextAttemptAt },
      data: { nextAttemptAt: until, attempts: { increment: 1 } },
    });
    return result.count === 1;
  }

  /** Records a delivery. */
  async markSent(id: number, sentMessageId: string | null, at = new Date()): Promise<void> {
    await this.db.outboxMessage.update({
      where: { id },
      data: { state: 'sent', sentMessageId, sentAt: at, lastError: null },
    });
  }

  /** Schedules another attempt after a retryable failure. */
  async retryAt(id: number, next: Date, error: string): Promise<void> {
    await this.db.outboxMessage.update({ where: { id }, data: { nextAttemptAt: next, lastError: error.slice(0, 2000) } });
  }

  /** Turns a refused card into its plain-text fallback, to be sent next. */
  async useFallback(id: number, error: string): Promise<void> {
    const row = await this.db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { fallbackText: true } });
    await this.db.outboxMessage.update({
      where: { id },
      data: { msgType: 'text', content: JSON.stringify({ text: row.fallbackText ?? '' }), fallbackText: null, nextAttemptAt: new Date(), lastError: error.slice(0, 2000) },
    });
  }

  /** Gives up on a message the platform refused for good. */
  async markFailed(id: number, error: string): Promise<void> {
    await this.db.outboxMessage.update({ where: { id }, data: { state: 'failed', lastError: error.slice(0, 2000) } });
  }

  /** A row by id. */
  async get(id: number): Promise<OutboxRecord | undefined> {
    const row = await this.db.outboxMessage.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  /** The message queued under a uuid (an event's id and the reply's index), to trace what an event caused. */
  async findByUuid(uuid: string): Promise<OutboxRecord | undefined> {
    const row = await this.db.outboxMessage.findUnique({ where: { uuid } });
    return row ? toRecord(row) : undefined;
  }

  /** What waits to be sent: how many, and since when the oldest (what /metrics shows; a growing backlog is worth an alert). */
  async backlog(): Promise<{ pending: number; oldestPendingAt: Date | null }> {
    const found = await this.db.outboxMessage.aggregate({ where: { state: 'pending' }, _count: { _all: true }, _min: { createdAt: true } });
    return { pending: found._count._all, oldestPendingAt: found._min.createdAt ?? null };
  }

  /** Rows in a state, oldest first. */
  async list(state?: OutboxState, limit = 1000): Promise<OutboxRecord[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: state ? { state } : {},
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map(toRecord);
  }
}
