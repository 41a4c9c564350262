/**
 * The clock behind weekly cards, reminders and the administrators' notice
 * of a missing holiday schedule: every half minute it asks what is due now
 * and queues it. Runs in every instance; the SentSummary
 * claims make the instances agree on who sends what, and a pass after
 * downtime catches up once. Reminders are planned at most every ten
 * minutes (planning reads every task). Once a day it also purges the rows
 * that only grow (data-purge.ts).
 */
import { PollingWorker } from '../lib/polling-loop.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import { DailyPurge } from './data-purge.js';
import { deliverHolidayNotice } from './holiday-notice-delivery.js';
import { deliverReminders, deliverSupervisorCards } from './reminder-delivery.js';
import { deliverDueSummaries, type SummaryServices } from './weekly-delivery.js';

/** What the scheduler needs beyond the summary services. */
export interface SummarySchedulerOptions extends SummaryServices {
  /** The time, injectable so tests can run the calendar. */
  clock?: () => Date;
  /** After something was queued: wakes the outbox sender. */
  onQueued?: () => void;
  pollMs?: number;
  /** Days before a deadline liaisons are reminded (7 and 1 by default). */
  reminderDays?: readonly number[];
  /** open_ids of administrators from BOT_ADMINS, told (with admin grants) when a year's holiday schedule is missing. */
  admins?: readonly string[];
  /** Counts weekly cards, reminders, supervisors' cards and holiday notices queued, and rows purged. */
  metrics?: ServiceMetrics;
  /** Ids per delete statement of the daily purge (tests use a small one). */
  purgeBatch?: number;
}

/** How often reminders are planned again. */
const REMINDER_EVERY_MS = 10 * 60_000;

/** Runs weekly deliveries and reminders on a timer. */
export class SummaryScheduler extends PollingWorker {
  private remindedAt = Number.NEGATIVE_INFINITY;
  private readonly purge: DailyPurge;

  constructor(private readonly options: SummarySchedulerOptions) {
    super({ pollMs: options.pollMs ?? 30_000, logger: options.logger, name: 'summary scheduler' });
    this.purge = new DailyPurge({ ...options, ...(options.purgeBatch ? { batch: options.purgeBatch } : {}) });
  }

  /** Queues whatever is due now. */
  async pass(): Promise<void> {
    const now = (this.options.clock ?? (() => new Date()))();
    const weekly = await deliverDueSummaries(this.options, now, this.options.onQueued);
    let queued = weekly.queued;
    const counted = this.options.metrics?.scheduledQueued;
    counted?.inc({ kind: 'weekly_card' }, weekly.queued);
    if (weekly.queued > 0) this.options.logger.info({ ...weekly }, 'weekly cards queued');
    if (Math.abs(now.getTime() - this.remindedAt) >= REMINDER_EVERY_MS) {
      this.remindedAt = now.getTime();
      const supervisors = await deliverSupervisorCards(this.options, now);
      const reminders = await deliverReminders(this.options, now, this.options.reminderDays);
      const holidayNotices = await deliverHolidayNotice({ ...this.options, admins: this.options.admins ?? [] }, now);
      counted?.inc({ kind: 'supervisor_card' }, supervisors);
      counted?.inc({ kind: 'reminder' }, reminders.queued);
      counted?.inc({ kind: 'holiday_notice' }, holidayNotices);
      if (supervisors + reminders.queued + holidayNotices > 0) this.options.logger.info({ supervisors, ...reminders, holidayNotices }, 'reminders queued');
      queued += supervisors + reminders.queued + holidayNotices;
    }
    if (queued > 0) this.options.onQueued?.();
    // Never throws: a failed purge is logged and left to the next day.
    await this.purge.runIfDue(now);
  }
}
