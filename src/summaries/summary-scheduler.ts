/**
 * The clock behind weekly cards and reminders: every half minute it asks
 * what is due now and queues it. Runs in every instance; the SentSummary
 * claims make the instances agree on who sends what, and a pass after
 * downtime catches up once.
 */
import { PollingWorker } from '../lib/polling-loop.js';
import { deliverDueSummaries, type SummaryServices } from './weekly-delivery.js';

/** What the scheduler needs beyond the summary services. */
export interface SummarySchedulerOptions extends SummaryServices {
  /** The time, injectable so tests can run the calendar. */
  clock?: () => Date;
  /** After something was queued: wakes the outbox sender. */
  onQueued?: () => void;
  pollMs?: number;
}

/** Runs weekly deliveries on a timer. */
export class SummaryScheduler extends PollingWorker {
  constructor(private readonly options: SummarySchedulerOptions) {
    super({ pollMs: options.pollMs ?? 30_000, logger: options.logger, name: 'summary scheduler' });
  }

  /** Queues whatever is due now. */
  async pass(): Promise<void> {
    const now = (this.options.clock ?? (() => new Date()))();
    const weekly = await deliverDueSummaries(this.options, now);
    if (weekly.queued > 0) {
      this.options.logger.info({ ...weekly }, 'weekly cards queued');
      this.options.onQueued?.();
    }
  }
}
