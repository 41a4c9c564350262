/**
 * The day of the Spring Festival (春节, the first day of the lunar year), which offices count time by: "年前要交的",
 * "春节前办完". Worked out from the lunar calendar the `chinese-days` package carries (1900–2100), so no year needs a
 * table of its own. Pure.
 */
import chineseDays from 'chinese-days';

/** The package is CommonJS: its functions hang off the default export. */
const { getSolarDateFromLunar } = chineseDays;

/** The Spring Festival of a Gregorian year, as 'YYYY-MM-DD' (2017 → 2017-01-28). */
export function springFestival(year: number): string {
  return getSolarDateFromLunar(`${year}-01-01`).date;
}

/** The first Spring Festival after `today` ('YYYY-MM-DD'): this year's if it is still to come, else next year's. */
export function nextSpringFestival(today: string): string {
  const thisYear = springFestival(Number(today.slice(0, 4)));
  return thisYear > today ? thisYear : springFestival(Number(today.slice(0, 4)) + 1);
}
