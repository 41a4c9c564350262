/**
 * When a chat's weekly card is due. A subscription names a weekday and a
 * local time; the card for ISO week W is due then, or — when that day is a
 * public holiday — at the same time on the next working day. At any moment
 * the card to send is the latest period whose time has come: after
 * downtime it is sent once, late, and weeks missed before it are not
 * sent at all. Pure.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { zonedInstant } from '../../lib/zoned-time.js';
import { addDays, dayIn, isoWeekday } from '../../lib/dates.js';
import type { SummaryWeek } from './weekly-summary.js';

/** When a chat wants its card. */
export interface WeeklySchedule {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM' local. */
  time: string;
  /** Periods due before this instant are not sent (a new subscription does not send last week's card). */
  activeFrom: Date;
}

/** A period's card and when it is due. */
export interface DueSlot {
  week: SummaryWeek;
  /** The working day it goes out, 'YYYY-MM-DD'. */
  day: string;
  /** The instant it is due. */
  at: Date;
}

/** A card sent this long after it was due says it is late. */
export const LATE_AFTER_MS = 15 * 60_000;

/** 'YYYY-Www' of the ISO week holding `day`. */
export function isoWeekKey(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() + 4 - isoWeekday(day));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week holding `day`, in `timeZone`. */
export function weekOf(day: string, timeZone: string): SummaryWeek {
  const start = addDays(day, 1 - isoWeekday(day));
  return { period: isoWeekKey(start), start, end: addDays(start, 6), startsAt: zonedInstant(start, '00:00', timeZone) };
}

/** When the card of the week starting `monday` is due under `schedule`. */
export function slotOf(monday: string, schedule: Pick<WeeklySchedule, 'weekday' | 'time'>, timeZone: string, calendar: WorkingCalendar): DueSlot {
  const day = calendar.workingDayFrom(addDays(monday, schedule.weekday - 1));
  return { week: weekOf(monday, timeZone), day, at: zonedInstant(day, schedule.time, timeZone) };
}

/**
 * The card due at `now`: the latest week whose slot has come and is not
 * before the subscription began; null when none. When a holiday pushes one
 * week's slot past the next week's, the later week's card stands for both.
 */
export function dueSlot(schedule: WeeklySchedule, now: Date, timeZone: string, calendar: WorkingCalendar): DueSlot | null {
  const monday = weekOf(dayIn(timeZone, now), timeZone).start;
  // This week's slot, or last week's when a holiday pushed it into this week or this week's has not come yet.
  for (const candidate of [monday, addDays(monday, -7)]) {
    const slot = slotOf(candidate, schedule, timeZone, calendar);
    if (slot.at.getTime() > now.getTime()) continue;
    return slot.at.getTime() >= schedule.activeFrom.getTime() ? slot : null;
  }
  return null;
}
