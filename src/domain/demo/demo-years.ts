/**
 * The demonstration data's one rule: a plan's text with every year moved by
 * whole years, so that a 2016 plan reads as this year's. "2016年12月底前完成"
 * becomes "2026年12月底前完成", "2017年第1季度" "2027年第1季度", and a
 * written date "2016-07-07" "2026-07-07"; 全年工作 and 每季度 stay recurring
 * (they name no year). Calendar dates keep their month and day (a reader
 * expects 12月底 to stay 12月底), so weekdays move as a calendar's do.
 * Document numbers (〔2016〕12号) are names, not dates, and stay.
 */

/** What a demonstration plan's title starts with, so every list that names the plan says what it is. */
export const DEMO_TITLE_MARK = '【演示】';

/** The words every card showing demonstration tasks carries. */
export const DEMO_LABEL = '演示数据';

/** A year written before 年 (spaces allowed: "2016 年"), or as the year of a written date ("2016-07-07"). */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*年|-\d{1,2}-\d{1,2}(?!\d))/g;

/** `text` with every written year moved by `years`. */
export function shiftYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(YEAR, (year) => String(Number(year) + years));
}

/** How many years a plan of `planYear` moves to be a plan of `thisYear`. */
export function yearsToShift(planYear: number, thisYear: number): number {
  return thisYear - planYear;
}
