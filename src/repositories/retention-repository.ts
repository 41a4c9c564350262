/**
 * Forgets rows that only grow: processed inbound events, delivered outbox
 * messages, finished import jobs, expired reminder snoozes and SentSummary
 * claims no period can fire again. Every purge deletes in batches of a few
 * hundred ids, each batch its own short statement, so no lock is held for
 * long and a writer never waits behind a purge; the same code runs on SQLite
 * and PostgreSQL. This is the only code that deletes such rows. Which rows
 * are still needed is decided by the rules in src/domain/retention, applied
 * by the daily job in src/summaries/data-purge.ts: here only what each table
 * can be asked.
 */
import type { Db } from './client.js';

/** Ids deleted per statement. */
export const PURGE_BATCH = 500;

/** A SentSummary claim as the purge sees it. */
export interface ClaimRow {
  id: number;
  chatId: string;
  kind: string;
  period: string;
  createdAt: Date;
}

/** When each task was last reported on (or created, if never), for claims keyed by it. */
export interface TaskReportTimes {
  id: number;
  lastReportAt: Date | null;
  createdAt: Date;
}

/** Deletes old rows table by table, in batches. */
export class RetentionRepository {
  constructor(
    private readonly db: Db,
    private readonly batch = PURGE_BATCH,
  ) {}

  /** The same purges, `size` ids per statement (tests prove the batching with a small one). */
  batched(size: number): RetentionRepository {
    return new RetentionRepository(this.db, size);
  }

  /** Done inbound events received before `before`; how many were deleted. Events still 'received' are kept (they are retried). */
  async purgeEvents(before: Date): Promise<number> {
    return this.inBatches(
      async () => (await this.db.inboundEvent.findMany({ where: { state: 'done', receivedAt: { lt: before } }, select: { eventId: true }, take: this.batch })).map((row) => row.eventId),
      async (ids) => (await this.db.inboundEvent.deleteMany({ where: { eventId: { in: ids }, state: 'done' } })).count,
    );
  }

  /** Outbox messages delivered before `before`; pending and failed rows are kept. */
  async purgeSentOutbox(before: Date): Promise<number> {
    return this.inBatches(
      async () => (await this.db.outboxMessage.findMany({ where: { state: 'sent', sentAt: { lt: before } }, select: { id: true }, take: this.batch })).map((row) => row.id),
      async (ids) => (await this.db.outboxMessage.deleteMany({ where: { id: { in: ids }, state: 'sent' } })).count,
    );
  }

  /**
   * Import jobs that finished (done, failed, cancelled) before `before`, and
   * previews nobody decided on since then; a job pending or running is kept.
   */
  async purgeImportJobs(before: Date): Promise<number> {
    const old = {
      OR: [
        { state: { in: ['done', 'failed', 'cancelled'] }, OR: [{ finishedAt: { lt: before } }, { finishedAt: null, createdAt: { lt: before } }] },
        { state: 'previewed', createdAt: { lt: before } },
      ],
    };
    return this.inBatches(
      async () => (await this.db.importJob.findMany({ where: old, select: { id: true }, take: this.batch })).map((row) => row.id),
      async (ids) => (await this.db.importJob.deleteMany({ where: { id: { in: ids }, ...old } })).count,
    );
  }

  /** Snoozes that ended on or before `today` ('YYYY-MM-DD': reminders resume on a snooze's `until`). */
  async purgeExpiredSnoozes(today: string): Promise<number> {
    return this.inBatches(
      async () => (await this.db.reminderSnooze.findMany({ where: { until: { lte: today } }, select: { id: true }, take: this.batch })).map((row) => row.id),
      async (ids) => (await this.db.reminderSnooze.deleteMany({ where: { id: { in: ids }, until: { lte: today } } })).count,
    );
  }

  /** One page of claims taken before `before`, in id order after `afterId`. */
  async claimsBefore(before: Date, afterId: number): Promise<ClaimRow[]> {
    return this.db.sentSummary.findMany({
      where: { createdAt: { lt: before }, id: { gt: afterId } },
      select: { id: true, chatId: true, kind: true, period: true, createdAt: true },
      orderBy: { id: 'asc' },
      take: this.batch,
    });
  }

  /** Deletes claims by id; how many went. */
  async deleteClaims(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.db.sentSummary.deleteMany({ where: { id: { in: [...ids] } } })).count;
  }

  /** Report times of the tasks that still exist among `ids` (archived ones included). */
  async taskReportTimes(ids: readonly number[]): Promise<TaskReportTimes[]> {
    if (ids.length === 0) return [];
    return this.db.task.findMany({ where: { id: { in: [...ids] } }, select: { id: true, lastReportAt: true, createdAt: true } });
  }

  /** Finds a batch, deletes it, until a batch comes back short; lets the event loop run between batches. */
  private async inBatches<Id>(find: () => Promise<Id[]>, remove: (ids: Id[]) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await find();
      if (ids.length > 0) total += await remove(ids);
      if (ids.length < this.batch) return total;
      await betweenBatches();
    }
  }
}

/**
 * Lets timers, sockets and other statements run between two batches:
 * SQLite's driver is synchronous, so a purge that only awaited its own
 * statements would hold the event loop (and webhook answers) until it ended.
 */
export function betweenBatches(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
