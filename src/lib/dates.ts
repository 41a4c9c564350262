/**
 * Calendar days: "today" in the bot's time zone, day arithmetic and how a
 * day reads in Chinese. Deadlines are days, and "today" in
 * 北京时间 is not today in UTC for the first eight hours.
 */

/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one, and answers ask for many days. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to a 'YYYY-MM-DD' day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** 'YYYY-MM-DD' of an instant (ms) in UTC: for spans of weeks, where a day's error does not matter. */
export function utcDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Chinese weekday names by ISO weekday (index 0 unused). */
export const WEEKDAY_NAME = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** "11月23日" for '2026-11-23'. */
export function monthDayText(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
