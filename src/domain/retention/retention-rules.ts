/**
 * What the daily purge may forget, and when: how long each table that only
 * grows keeps its rows, and which SentSummary claims can never guard a send
 * again. A claim is the unique row that makes a periodic message go out once
 * per (recipient, kind, period); deleting one whose period could still come
 * due would send that message twice, so a claim goes only when the code that
 * checks it can no longer ask for its period — each rule below cites that
 * code. A kind or period it does not recognise is kept. The audit trail
 * (AuditLog) is never purged. Pure: from the time, the claim and, for
 * chases, the task's current silence.
 */
import { addDays, utcDayOf } from '../../lib/dates.js';
import { isoWeekKey } from '../summaries/weekly-schedule.js';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** Lark redelivers an unacknowledged event for about 7 hours: a done event is never forgotten sooner than this. */
export const MIN_EVENT_RETENTION_MS = 8 * HOUR_MS;

/** How long rows are kept once they are finished with, and why. */
export const RETENTION = {
  /**
   * Done inbound events. Their stored id is what turns a redelivery into a
   * no-op (inbound-event-repository.ts): kept well past Lark's ~7 h.
   */
  eventsMs: 2 * DAY_MS,
  /**
   * Sent outbox rows. Their uuid is the idempotency key: enqueuing the same
   * uuid again returns the sent row instead of sending twice
   * (outbox-repository.ts `enqueue`), and Lark itself dedups a uuid for 1 h.
   * Every uuid derives from an event (kept 2 days) or a claim (kept longer),
   * so a week is far past any retry or reprocessing that could reuse one.
   */
  sentOutboxMs: 7 * DAY_MS,
  /**
   * Import jobs that finished, and previews nobody decided on. A button on a
   * purged preview answers 这个按钮已失效 (bot/plan-import.ts); the audit
   * trail keeps who imported what.
   */
  importJobsMs: 30 * DAY_MS,
  /** Claims are looked at only once this old, and then only when their kind's rule says they are spent. */
  claimMinAgeMs: 14 * DAY_MS,
} as const;

/**
 * Days of margin on every date rule below: the scheduler's "today" is
 * local while some keys are UTC days, and a clock set back a little must
 * not revive a period.
 */
export const CLAIM_GRACE_DAYS = 7;

/**
 * The SentSummary kinds, as the code that claims them spells them (the
 * retention test checks each against its constant).
 */
export const CLAIM_KINDS = {
  /** summaries/weekly-delivery.ts WEEKLY_KIND: period 'YYYY-Www'. */
  weekly: 'weekly',
  /** summaries/reminder-delivery.ts SUPERVISOR_WEEKLY_KIND: period 'YYYY-Www'. */
  supervisorWeekly: 'weekly_detail',
  /** summaries/holiday-notice-delivery.ts HOLIDAY_NOTICE_KIND: period 'YYYY'. */
  holidayNotice: 'holiday_notice',
  /** domain/reminders/chase-request.ts CHASE_REQUEST_KIND: period 'YYYY-MM-DD'. */
  chaseRequest: 'chase_request',
  /** The daily purge's own claim (summaries/data-purge.ts): period 'YYYY-MM-DD'. */
  dataPurge: 'data_purge',
  /** summaries/reminder-delivery.ts claims `reminder:${Reminder['kind']}` with the item's onceKey as period. */
  deadline: 'reminder:deadline',
  overdue: 'reminder:overdue',
  chase: 'reminder:chase',
  chaseCopy: 'reminder:chase_copy',
} as const;

/** When each table's rows become old enough to go. */
export interface Cutoffs {
  /** Done events received before this go. */
  events: Date;
  /** Outbox rows sent before this go. */
  sentOutbox: Date;
  /** Import jobs finished (or previewed) before this go. */
  importJobs: Date;
  /** Claims taken before this are judged by claimIsSpent. */
  claims: Date;
  /** Snoozes whose `until` is on or before this day go. */
  snoozesEndedBy: string;
}

/**
 * The cutoffs at `now`; `today` is the local day the reminders use. A
 * snooze is in force while `until` is after today (ReminderSnoozeRepository
 * `inForce`), so one that ends today is already spent.
 */
export function cutoffsAt(now: Date, today: string): Cutoffs {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    events: before(Math.max(RETENTION.eventsMs, MIN_EVENT_RETENTION_MS)),
    sentOutbox: before(RETENTION.sentOutboxMs),
    importJobs: before(RETENTION.importJobsMs),
    claims: before(RETENTION.claimMinAgeMs),
    snoozesEndedBy: today,
  };
}

/** A claim as the rules see it. */
export interface Claim {
  kind: string;
  period: string;
}

/** 'taskId@YYYY-MM-DD/n': the onceKey of deadline and chase reminders (domain/reminders/reminder-plan.ts). */
const TASK_KEY = /^(\d+)@(\d{4}-\d{2}-\d{2})\/\d+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^\d{4}-W\d{2}$/;
const YEAR = /^\d{4}$/;

/**
 * Where a task's silence starts, as the chase reminders count it:
 * `utcDayOf(task.lastReportAt ?? task.createdAt)` in reminder-plan.ts.
 */
export function silenceStart(task: { lastReportAt: Date | null; createdAt: Date }): string {
  return utcDayOf((task.lastReportAt ?? task.createdAt).getTime());
}

/** The task a chase claim is about, whose current silence decides it; null for other claims. */
export function chaseTaskOf(claim: Claim): number | null {
  if (claim.kind !== CLAIM_KINDS.chase && claim.kind !== CLAIM_KINDS.chaseCopy) return null;
  const match = TASK_KEY.exec(claim.period);
  return match ? Number(match[1]) : null;
}

/**
 * True when no code can ask for this claim's period again, so deleting it
 * cannot let its message go out twice. `today` is the local day;
 * `silences` holds the current silence start (silenceStart) of every task
 * named by a chase claim that still exists — a task not in it was deleted.
 */
export function claimIsSpent(claim: Claim, today: string, silences: ReadonlyMap<number, string>): boolean {
  const past = addDays(today, -CLAIM_GRACE_DAYS);
  switch (claim.kind) {
    case CLAIM_KINDS.weekly:
    case CLAIM_KINDS.supervisorWeekly:
      // dueSlot (domain/summaries/weekly-schedule.ts) only ever offers this week's or last week's period;
      // deliverSupervisorCards only this week's. 'YYYY-Www' keys sort as they run.
      return WEEK.test(claim.period) && claim.period < isoWeekKey(addDays(past, -7));
    case CLAIM_KINDS.holidayNotice:
      // yearToAnnounce (domain/calendar/holiday-coverage.ts) names this year or, in December, the next.
      return YEAR.test(claim.period) && Number(claim.period) < Number(past.slice(0, 4));
    case CLAIM_KINDS.overdue:
    case CLAIM_KINDS.chaseRequest:
    case CLAIM_KINDS.dataPurge:
      // Keyed by the day they are sent on (reminder-plan.ts `onceKey: today`, requestChase's `today`): a past day never comes back.
      return DAY.test(claim.period) && claim.period < past;
    case CLAIM_KINDS.deadline: {
      // planReminders makes a deadline key only while its due day is today or later (left >= 0);
      // once the due day has passed, the task is overdue instead — whatever its deadlines become.
      const match = TASK_KEY.exec(claim.period);
      return match !== null && match[2]! < past;
    }
    case CLAIM_KINDS.chase:
    case CLAIM_KINDS.chaseCopy: {
      // A chase key names the day the task's silence began; a new report starts a new silence, and
      // lastReportAt only moves forward (TaskRepository.moveState), so an older silence never comes back.
      const match = TASK_KEY.exec(claim.period);
      if (match === null) return false;
      const current = silences.get(Number(match[1]));
      return current === undefined || current > match[2]!;
    }
    default:
      return false;
  }
}
