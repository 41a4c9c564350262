/**
 * How far the holiday data reaches, seen from one day: what /healthz and
 * the start-up warning report, and which missing year administrators are
 * told about. A missing year is an operator's matter — the service runs on
 * weekends-only for it — so it is reported, never fatal. Pure.
 */
import type { WorkingCalendar } from './working-calendar.js';

/** The holiday data's reach on a day, as /healthz shows it. */
export interface HolidayCoverage {
  /** Last day of the official schedule ('YYYY-12-31'); null without any. */
  coveredThrough: string | null;
  /** This year and next year, where their schedule is missing (weekends-only for them). */
  missing: number[];
}

/** The coverage seen from `today` ('YYYY-MM-DD'). */
export function holidayCoverage(calendar: WorkingCalendar, today: string): HolidayCoverage {
  const year = Number(today.slice(0, 4));
  return { coveredThrough: calendar.coveredThrough(), missing: [year, year + 1].filter((candidate) => !calendar.covers(candidate)) };
}

/**
 * The year administrators should be told is missing on `today`: this year
 * when it runs weekends-only, or next year during December (the State
 * Council's notice usually comes out between late October and early
 * December); null when there is nothing to say.
 */
export function yearToAnnounce(calendar: WorkingCalendar, today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendar.covers(year)) return year;
  if (today.slice(5, 7) === '12' && !calendar.covers(year + 1)) return year + 1;
  return null;
}
