/**
 * The week-on-week trend a weekly card draws as a line: for each of the
 * last eight ISO weeks (the summary's own week last, counted up to now),
 * how many progress reports and how many closures were made on the tasks
 * the card counts. The same tasks as the summary (tasksInScope) and the
 * same reading of a progress row as its 本周变化 (a row that sets 已办结 is
 * a closure, any other row a report); one read of the progress history.
 */
import { addDays } from '../../lib/dates.js';
import type { SummaryWeek } from './weekly-summary.js';
import { weekOf } from './weekly-schedule.js';

/** Weeks a trend covers, the summary's week included. */
export const TREND_WEEKS = 8;

/** One week of the trend. */
export interface TrendWeek {
  /** '2026-W47'. */
  period: string;
  /** Its Monday, 'YYYY-MM-DD'. */
  start: string;
  /** Progress reports (and review decisions other than closing) made that week. */
  reports: number;
  /** Tasks closed (a row setting 已办结) that week. */
  closures: number;
}

/** The `count` ISO weeks ending with `week`, oldest first (weeks start at Monday 00:00 in `timeZone`, as the card's own week does). */
export function trendWeeks(week: SummaryWeek, timeZone: string, count = TREND_WEEKS): SummaryWeek[] {
  return Array.from({ length: count }, (_, index) => weekOf(addDays(week.start, -7 * (count - 1 - index)), timeZone));
}

/**
 * Counts progress rows into `weeks` (from trendWeeks): a row setting 已办结
 * is a closure, any other a report; rows of tasks not `counted` and rows
 * before the first week are left out. Pure: the summary passes the rows it
 * has already read.
 */
export function tallyTrend(rows: readonly { taskId: number; status: string; createdAt: Date }[], counted: ReadonlySet<number>, weeks: readonly SummaryWeek[]): TrendWeek[] {
  const trend: TrendWeek[] = weeks.map((week) => ({ period: week.period, start: week.start, reports: 0, closures: 0 }));
  const starts = weeks.map((week) => week.startsAt.getTime());
  for (const row of rows) {
    if (!counted.has(row.taskId)) continue;
    const at = row.createdAt.getTime();
    if (starts.length === 0 || at < starts[0]!) continue;
    // The last week whose start is not after the row.
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index--;
    const entry = trend[index]!;
    if (row.status === 'done') entry.closures++;
    else entry.reports++;
  }
  return trend;
}
