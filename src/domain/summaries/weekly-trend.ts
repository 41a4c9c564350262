/**
 * The week-on-week trend a weekly card draws as a line: for each of the
 * last eight ISO weeks (the summary's own week last, counted up to now),
 * how many progress reports and how many closures were made on the tasks
 * the card counts. The same tasks as the summary (tasksInScope) and the
 * same reading of a progress row as its 本周变化 (a row that sets 已办结 is
 * a closure, any other row a report); one read of the progress history.
 */
import { addDays } from '../../lib/dates.js';
import type { Repositories } from '../../repositories/index.js';
import type { Catalog } from '../questions/question-catalog.js';
import { tasksInScope, type SummaryScope, type SummaryWeek } from './weekly-summary.js';
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

/**
 * Reports and closures per week for the `weeks` ISO weeks ending with
 * `week`, oldest first; the last week counts up to `now`. Weeks start at
 * Monday 00:00 in `timeZone`, as the card's own week does.
 */
export async function weeklyTrend(input: {
  catalog: Catalog;
  repos: Repositories;
  scope: SummaryScope;
  week: SummaryWeek;
  now: Date;
  timeZone: string;
  weeks?: number;
}): Promise<TrendWeek[]> {
  const count = input.weeks ?? TREND_WEEKS;
  const weeks = Array.from({ length: count }, (_, index) => weekOf(addDays(input.week.start, -7 * (count - 1 - index)), input.timeZone));
  const trend: TrendWeek[] = weeks.map((week) => ({ period: week.period, start: week.start, reports: 0, closures: 0 }));
  const first = weeks[0];
  if (!first || input.now.getTime() <= first.startsAt.getTime()) return trend;
  const counted = new Set(tasksInScope(input.catalog, input.scope).map((task) => task.id));
  const starts = weeks.map((week) => week.startsAt.getTime());
  for (const row of await input.repos.progress.activityBetween(first.startsAt, input.now)) {
    if (!counted.has(row.taskId)) continue;
    const at = row.createdAt.getTime();
    // The last week whose start is not after the row.
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index--;
    const entry = trend[index]!;
    if (row.status === 'done') entry.closures++;
    else entry.reports++;
  }
  return trend;
}
