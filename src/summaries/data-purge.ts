/**
 * The daily purge: once a day, from 03:00 local time, forgets the rows that
 * only grow — done inbound events, sent outbox messages, finished import
 * jobs, ended reminder snoozes, and SentSummary claims that can never guard
 * a send again — by the rules of src/domain/retention, in batches
 * (RetentionRepository). The audit trail is never purged; each run adds one
 * audit record with what it deleted. Several instances agree through a
 * SentSummary claim on (system, data_purge, day): one of them purges, and
 * were two ever to run at once, both would delete the same rows harmlessly.
 * A failure is logged and never reaches the scheduler; the next day's run
 * takes up what was left, since every rule is by age.
 */
import type { Database } from '../db/database.js';
import { chaseTaskOf, CLAIM_KINDS, claimIsSpent, cutoffsAt, silenceStart, type Cutoffs } from '../domain/retention/retention-rules.js';
import { dayIn } from '../lib/dates.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import { timeIn } from '../lib/zoned-time.js';
import { betweenBatches, type RetentionRepository } from '../repositories/retention-repository.js';

/** Local time from which the day's purge runs: before anyone works, after the night's events settled. */
export const PURGE_TIME = '03:00';

/** Rows deleted, by table. */
export interface PurgeCounts {
  inboundEvents: number;
  sentOutbox: number;
  importJobs: number;
  snoozes: number;
  claims: number;
}

/** The metric label of each table. */
const TABLE_LABEL: Record<keyof PurgeCounts, string> = {
  inboundEvents: 'inbound_event',
  sentOutbox: 'outbox_message',
  importJobs: 'import_job',
  snoozes: 'reminder_snooze',
  claims: 'sent_summary',
};

/** Deletes the spent claims taken before `cutoffs.claims`, a page at a time; how many went. */
async function purgeClaims(retention: RetentionRepository, cutoffs: Cutoffs, today: string): Promise<number> {
  let deleted = 0;
  for (let afterId = 0; ; ) {
    const page = await retention.claimsBefore(cutoffs.claims, afterId);
    if (page.length === 0) return deleted;
    afterId = page[page.length - 1]!.id;
    const taskIds = [...new Set(page.map(chaseTaskOf).filter((id): id is number => id !== null))];
    const silences = new Map((await retention.taskReportTimes(taskIds)).map((task) => [task.id, silenceStart(task)] as const));
    deleted += await retention.deleteClaims(page.filter((claim) => claimIsSpent(claim, today, silences)).map((claim) => claim.id));
    await betweenBatches();
  }
}

/**
 * Forgets every row old enough at `now` (`today` is the local day); the
 * counts by table. Each batch is its own statement: no long transaction.
 */
export async function purgeOldRows(retention: RetentionRepository, now: Date, today: string): Promise<{ counts: PurgeCounts; cutoffs: Cutoffs }> {
  const cutoffs = cutoffsAt(now, today);
  const counts: PurgeCounts = {
    inboundEvents: await retention.purgeEvents(cutoffs.events),
    sentOutbox: await retention.purgeSentOutbox(cutoffs.sentOutbox),
    importJobs: await retention.purgeImportJobs(cutoffs.importJobs),
    snoozes: await retention.purgeExpiredSnoozes(cutoffs.snoozesEndedBy),
    claims: await purgeClaims(retention, cutoffs, today),
  };
  return { counts, cutoffs };
}

/** What the daily purge needs. */
export interface DailyPurgeOptions {
  db: Database;
  timeZone: string;
  logger: Logger;
  metrics?: ServiceMetrics;
  /** Ids per delete statement (tests use a small one). */
  batch?: number;
}

/** Runs the purge once a day, whichever instance gets there first. */
export class DailyPurge {
  /** The local day this instance last ran or saw the day's claim taken: no database call until the next day. */
  private doneOn: string | null = null;

  constructor(private readonly options: DailyPurgeOptions) {}

  /** Purges when the day's run is due and nobody has done it; the counts, or null when it did not run (or failed, logged). */
  async runIfDue(now: Date): Promise<PurgeCounts | null> {
    const { db, timeZone, logger, metrics } = this.options;
    const today = dayIn(timeZone, now);
    if (this.doneOn === today || timeIn(timeZone, now) < PURGE_TIME) return null;
    try {
      const mine = await db.repos.sentSummaries.claim('system', CLAIM_KINDS.dataPurge, today, now);
      this.doneOn = today;
      if (!mine) return null;
      const retention = this.options.batch ? db.repos.retention.batched(this.options.batch) : db.repos.retention;
      const { counts, cutoffs } = await purgeOldRows(retention, now, today);
      await db.transaction((repos) =>
        repos.audit.record({
          actor: 'system',
          action: 'retention.purge',
          entityType: 'retention',
          entityId: today,
          after: { deleted: counts, cutoffs: { ...cutoffs, events: cutoffs.events.toISOString(), sentOutbox: cutoffs.sentOutbox.toISOString(), importJobs: cutoffs.importJobs.toISOString(), claims: cutoffs.claims.toISOString() } },
          at: now,
        }),
      );
      for (const [table, count] of Object.entries(counts) as [keyof PurgeCounts, number][]) metrics?.rowsPurged.inc({ table: TABLE_LABEL[table] }, count);
      logger.info({ ...counts, day: today }, 'old rows purged');
      return counts;
    } catch (error) {
      logger.error({ err: error, day: today }, 'purging old rows failed; the next day’s run takes up what is left');
      return null;
    }
  }
}
