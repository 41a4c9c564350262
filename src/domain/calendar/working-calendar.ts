/**
 * Which days are working days in mainland China's official calendar: Monday
 * to Friday, except public holidays, plus the weekend days worked in lieu
 * (调休补班). Pure: built from the holiday data, asked about 'YYYY-MM-DD' days.
 * Summaries and reminders consult it so nothing fires on a holiday.
 */
import { addDays, isoWeekday } from '../../lib/dates.js';

/** The official schedule of some years: days off and weekend days worked. */
export interface HolidayData {
  /** Public holidays, 'YYYY-MM-DD'. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休补班), 'YYYY-MM-DD'. */
  workdays: readonly string[];
  /** The years the data covers in full. */
  years: readonly number[];
}

/** Answers "is this a working day?" from the official schedule. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;
  /** Years the schedule covers; outside them only weekends are days off. */
  readonly years: ReadonlySet<number>;

  constructor(data: HolidayData) {
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
    this.years = new Set(data.years);
  }

  /** True when `day` is a working day: a weekday that is not a holiday, or a make-up working day. */
  isWorkingDay(day: string): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return isoWeekday(day) <= 5;
  }

  /** `day` itself when it is a working day, else the next one. */
  workingDayFrom(day: string): string {
    let current = day;
    // The longest official break is nine days; a month is a safe bound.
    for (let step = 0; step < 31 && !this.isWorkingDay(current); step++) current = addDays(current, 1);
    return current;
  }

  /** True when the official schedule of `year` is known. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * True when `day` falls in a year without a schedule, so isWorkingDay
   * answers for it by weekends alone: cards that depend on it say 暂按周末计算.
   */
  weekendsOnly(day: string): boolean {
    return !this.covers(Number(day.slice(0, 4)));
  }

  /**
   * The last day of the unbroken run of covered years that starts at the
   * earliest one ('YYYY-12-31'), or null with no data: from the day after,
   * only weekends are days off. A later year with a gap before it does not
   * extend the run.
   */
  coveredThrough(): string | null {
    if (this.years.size === 0) return null;
    let year = Math.min(...this.years);
    while (this.years.has(year + 1)) year++;
    return `${year}-12-31`;
  }
}
