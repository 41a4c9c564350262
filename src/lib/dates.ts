/**
 * Calendar days: "today" in the bot's time zone, day arithmetic and how a
 * day reads in Chinese. Deadlines are days, and "today" in
 * 北京时间 is not today in UTC for the first eight hours.
 */

/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one, and answers ask for many days. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today per time zone, and the UTC minute it was read for. Every event asks
 * for today, and in the service a format() took ~50 µs of wall time per
 * event (measured 2026-12-06; 1 µs in a tight loop: its ICU tables go cold
 * between events).
 */
const todays = new Map<string, { minute: number; day: string }>();

/** 'YYYY-MM-DD' of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  const ms = at.getTime();
  const minute = Math.floor(ms / 60_000);
  const known = todays.get(timeZone);
  if (known !== undefined && known.minute === minute) return known.day;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const day = format.format(at);
  // Kept for a minute asked about now (not for the days of old records). A zone's day changes only at its local
  // midnight; checked, not assumed, that this whole UTC minute has one day (its first and last millisecond agree).
  if (Math.abs(ms - Date.now()) < 60_000 && format.format(minute * 60_000) === day && format.format(minute * 60_000 + 59_999) === day) {
    todays.set(timeZone, { minute, day });
  }
  return day;
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
