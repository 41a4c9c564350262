/**
 * The traffic light every card, list and ledger shows for a task, by one
 * rule: red when overdue; yellow when due within 14 days, blocked, stalled
 * for 30 days, or in the last 30% of its time without a report in that
 * window; green otherwise; grey when there is nothing to judge by. A
 * recurring task (全年工作, 每季度) is judged against its current period.
 */
import { addDays, daysBetween, utcDayOf } from '../../lib/dates.js';
import type { Recurrence } from '../vocabulary.js';

/** Green: on track or done; yellow: due soon or stalled; red: overdue; grey: nothing to judge by. */
export type StatusLight = 'green' | 'yellow' | 'red' | 'grey';

/** A task due within this many days is yellow. */
export const DUE_SOON_DAYS = 14;
/** A task with no report for this many days is stalled. */
export const STALLED_DAYS = 30;
/** The last share of a task's time in which a report is expected. */
export const LATE_WINDOW_SHARE = 0.3;

/** What the light is judged from. */
export interface LightFacts {
  status: string;
  /** Parsed due days, ascending. */
  dueDates: readonly string[];
  /** The period of a recurring deadline, when the task has no dated one. */
  recurrence: Recurrence | null;
  /** Ms of the latest report, or null. */
  lastReportAt: number | null;
  /** Ms when the task was imported: the start of its time when it is not recurring. */
  createdAt: number;
}

const MONTHS: Record<Recurrence, number> = { yearly: 12, half_yearly: 6, quarterly: 3, monthly: 1 };

/**
 * The periods of the day last asked about, by recurrence: every recurring
 * item of every list asks for its period, one or two times (dates made and
 * formatted each time), and they are four a day.
 */
let periods: { today: string; byRecurrence: Map<Recurrence, Readonly<{ start: string; end: string }>> } = { today: '', byRecurrence: new Map() };

/** First and last day of the recurrence period that contains `today`. */
export function currentPeriod(recurrence: Recurrence, today: string): Readonly<{ start: string; end: string }> {
  if (periods.today !== today) periods = { today, byRecurrence: new Map() };
  let period = periods.byRecurrence.get(recurrence);
  if (period === undefined) {
    period = periodContaining(recurrence, today);
    periods.byRecurrence.set(recurrence, period);
  }
  return period;
}

function periodContaining(recurrence: Recurrence, today: string): { start: string; end: string } {
  const months = MONTHS[recurrence];
  const year = Number(today.slice(0, 4));
  const firstMonth = Math.floor((Number(today.slice(5, 7)) - 1) / months) * months;
  const start = new Date(Date.UTC(year, firstMonth, 1));
  const end = new Date(Date.UTC(year, firstMonth + months, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** The day a task is due by now: its first dated deadline, else the end of its current period, else none. */
export function currentDue(task: Pick<LightFacts, 'dueDates' | 'recurrence'>, today: string): string | null {
  if (task.dueDates[0] !== undefined) return task.dueDates[0];
  return task.recurrence ? currentPeriod(task.recurrence, today).end : null;
}

/** True when the task is in the last 30% of its time and has not reported within it. */
function lateInWindow(task: LightFacts, due: string, today: string): boolean {
  const start = task.dueDates[0] === undefined && task.recurrence ? currentPeriod(task.recurrence, today).start : utcDayOf(task.createdAt);
  const span = daysBetween(start, due);
  if (span <= 0) return false;
  const windowStart = addDays(due, -Math.ceil(span * LATE_WINDOW_SHARE));
  if (today < windowStart) return false;
  return task.lastReportAt === null || utcDayOf(task.lastReportAt) < windowStart;
}

/** True when `due` is today or within DUE_SOON_DAYS after it. */
export function isDueSoon(due: string | null, today: string): boolean {
  return due !== null && due >= today && daysBetween(today, due) <= DUE_SOON_DAYS;
}

/** True when the task has reported before but not for more than STALLED_DAYS. */
export function isStalled(task: Pick<LightFacts, 'lastReportAt'>, today: string): boolean {
  return task.lastReportAt !== null && daysBetween(utcDayOf(task.lastReportAt), today) > STALLED_DAYS;
}

/**
 * Why a task is yellow: the rule of the light that made it so, checked in
 * the light's own order (受阻, then 14 days, then the last 30% of its time
 * without a report in it, then 30 days without a report). Lists and counts
 * name this reason, so a task is never called 30天未更新 for another rule.
 */
export type AttentionReason = 'blocked' | 'due_soon' | 'late_window' | 'stalled';

/** A task's light and, when yellow, the one rule that made it yellow. */
export interface LightJudgement {
  light: StatusLight;
  reason: AttentionReason | null;
}

/** The light for a task on `today` with its reason (see statusLight). */
export function judgeLight(task: LightFacts, today: string): LightJudgement {
  if (task.status === 'done') return { light: 'green', reason: null };
  const due = currentDue(task, today);
  if (due !== null && due < today) return { light: 'red', reason: null };
  if (task.status === 'blocked') return { light: 'yellow', reason: 'blocked' };
  if (isDueSoon(due, today)) return { light: 'yellow', reason: 'due_soon' };
  if (due !== null && lateInWindow(task, due, today)) return { light: 'yellow', reason: 'late_window' };
  if (isStalled(task, today)) return { light: 'yellow', reason: 'stalled' };
  if (due === null && task.lastReportAt === null) return { light: 'grey', reason: null };
  return { light: 'green', reason: null };
}

/** The light for a task on `today`, a day in the bot's time zone (report times are taken by their UTC day: a day's error at most, on spans of weeks). */
export function statusLight(task: LightFacts, today: string): StatusLight {
  return judgeLight(task, today).light;
}
