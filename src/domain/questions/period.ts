/**
 * Time words in a question, as the period a task must fall due in: 本周,
 * 下周, 上个月, 12月份, 2016年7月底前, 2017年第一季度, 三季度, 下半年, 年底前,
 * 2018年底前, 两周内. Read from text without knowing today (so a question can
 * be kept and asked again), resolved to days with it. Pure.
 */
import { addDays, isoWeekday } from '../../lib/dates.js';
import { readNumber } from './numbers.js';
import { nextSpringFestival } from '../calendar/spring-festival.js';

/** A period a question names, relative to today or fixed. */
export type PeriodSpec =
  | { kind: 'week'; offset: number }
  | { kind: 'month'; offset: number }
  | { kind: 'month_of_year'; month: number; year: YearSpec }
  | { kind: 'quarter'; quarter: number; year: YearSpec }
  | { kind: 'this_quarter'; offset: number }
  | { kind: 'half'; half: 1 | 2; year: YearSpec }
  | { kind: 'year'; year: YearSpec }
  | { kind: 'within'; days: number }
  /** From today to the end of a part of a month (上旬 the 10th, 中旬 the 20th, 下旬 its last day): "下个月中旬之前". */
  | { kind: 'until_part'; month: MonthNamed; part: 1 | 2 | 3 }
  /** From today to a day of this week or the next (weekday 1 Monday … 7 Sunday): "下周一之前", "周五前". */
  | { kind: 'until_weekday'; weeks: 0 | 1; weekday: number }
  /** A part of a month (上旬 1st–10th, 中旬 11th–20th, 下旬 to its end): "12月中旬", "下个月上旬". */
  | { kind: 'month_part'; month: MonthNamed; part: 1 | 2 | 3 }
  /** From today to the day before the next Spring Festival: "春节前", "年前", "过年前". */
  | { kind: 'until_spring_festival' }
  /** From the next New Year's Day or Spring Festival on: "元旦过后", "过完年以后". */
  | { kind: 'after_holiday'; holiday: 'new_year' | 'spring_festival' }
  /** One day: "12月31号当天", "2017年2月28日". */
  | { kind: 'day'; year: YearSpec; month: number; day: number };

/** The parts of a month as said: 上旬 (1st–10th), 中旬 (11th–20th), 下旬 (21st to its end). */
const MONTH_PARTS = ['上旬', '中旬', '下旬'] as const;

/** A part of a month by its word: 上旬 1, 中旬 2, 下旬 3. */
export function monthPart(word: string): 1 | 2 | 3 {
  return (MONTH_PARTS.indexOf(word as (typeof MONTH_PARTS)[number]) + 1) as 1 | 2 | 3;
}

/** The first and last day of a part of the month that runs from `first` to `last`, and its word. */
export function partOfMonth(first: string, last: string, part: 1 | 2 | 3): { from: string; to: string; word: string } {
  return { from: addDays(first, (part - 1) * 10), to: part === 3 ? last : addDays(first, part * 10 - 1), word: MONTH_PARTS[part - 1]! };
}

/** A year as written: a number, or this year / next / last. */
export type YearSpec = { fixed: number } | { offset: number };

const NUM = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';

/** Years said relative to this one, each word once: 今年 0, 明年 +1, 去年 −1 … */
const RELATIVE_YEARS: readonly [string, number][] = [
  ['今年', 0], ['本年度', 0], ['本年', 0], ['当年', 0],
  ['明年', 1], ['下一年', 1], ['下年', 1], ['来年', 1],
  ['后年', 2],
  ['去年', -1], ['上一年', -1], ['上年', -1],
  ['前年', -2],
];
/** A year as written: 2018年(度), or one of RELATIVE_YEARS. */
const YEAR_WORD = `(?:(?:19|20)\\d{2}\\s*年度?|${RELATIVE_YEARS.map(([word]) => word).join('|')})`;
/** A year before another time word, optional: "2017年第一季度", "明年上半年", "一季度". */
const YEAR = `(${YEAR_WORD})?`;
/** The end of a year or all of it: 年底, 年末, 年终, 年内, 全年 (after a year word also 底 / 末 / 内: 今年底, 2018年内). */
const YEAR_END = '(?:年底|年末|年终|年内)';

function yearOf(text: string | undefined): YearSpec {
  if (!text) return { offset: 0 };
  const fixed = /((?:19|20)\d{2})/.exec(text);
  if (fixed) return { fixed: Number(fixed[1]) };
  const relative = RELATIVE_YEARS.find(([word]) => text.startsWith(word));
  return { offset: relative?.[1] ?? 0 };
}

/** A count of days, weeks, months or years: 两周, 一个月, 半年, 30天 (the number and the unit as two groups). */
const SPAN = `(?<![\\d年])(${NUM.slice(1, -1)}|半)\\s*(天|日|周|个?星期|个?礼拜|个月|年)`;

/** Days in a span: 半个月 15, 两周 14, 一个月 30, 半年 182, 一年 365. */
function readSpan(count: string | undefined, unit: string | undefined): number | undefined {
  if (!count || !unit) return undefined;
  const n = count === '半' ? 0.5 : readNumber(count);
  if (n === null) return undefined;
  const days = /天|日/.test(unit) ? 1 : /月/.test(unit) ? 30 : /年/.test(unit) ? 365 : 7;
  return Math.round(n * days);
}

/** Words that make 今年 a deadline ("今年要办完的") rather than the plan's year of work ("今年要干什么"). */
const DUE_WORDS = /到期|完成|办完|办结|做完|截止|底前|之前|以前|前要|要交/;

/**
 * The period readings, in the order tried, made once: built inside readPeriod
 * they were ~40 regular expressions, closures and an array per question
 * (7 KB of garbage; the expressions' texts assembled and looked up again).
 * None is global or sticky, so sharing them keeps no state between calls.
 */
const PERIOD_READINGS: readonly [RegExp, (match: RegExpExecArray, text: string) => PeriodSpec | undefined][] = [
  // A span from today: 两周内, 一个月以内, 半年内, 未来30天, 接下来两周, 最近一个月要到期.
  [new RegExp(`(?:(?:未来|接下来的?|今后|往后)\\s*${SPAN}(?:(?:以|之)?内)?|${SPAN}(?:以|之)?内|(?:最近|近)\\s*${SPAN}(?:内)?(?=\\s*(?:要|会|就)?(?:到期|截止|完成)))`), (m) => {
    const span = readSpan(m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]);
    return span === undefined ? undefined : { kind: 'within', days: span };
  }],
  [/(马上|快要?|即将|近期|最近|眼看)(要|就要)?(到期|截止|逾期|超期|过期)|这(两|几)天(要)?到期/, (m) => ({ kind: 'within', days: m[0].startsWith('这') ? 3 : 14 })],
  // 这两周 is the next two weeks from today, as 两周内.
  [/这两(?:周|个?星期|个?礼拜)/, () => ({ kind: 'within', days: 14 })],
  // 季度末(之前) is this quarter's end: the quarter.
  [/(?<![一二三四1-4第上下])季(?:度)?末/, () => ({ kind: 'this_quarter', offset: 0 })],
  // One day: 12月31号当天, 2017年2月28日 (a deadline written to the day falls due that day); 11月30日前 is by then, not that day.
  [new RegExp(`${YEAR}\\s*${NUM}\\s*月\\s*${NUM}\\s*[日号](?:当天|那天|这天|当日)?(?!\\s*(?:之|以)?前)`), (m) => {
    const [month, day] = [readNumber(m[2]!), readNumber(m[3]!)];
    return month !== null && day !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { kind: 'day', year: yearOf(m[1]), month, day } : undefined;
  }],
  // From a holiday on: 元旦过后, 过了元旦, 春节以后, 过完年.
  [/(?:过了|过完)(?:元旦|新年)|(?:元旦|新年)(?:过后|以后|之后)/, () => ({ kind: 'after_holiday', holiday: 'new_year' })],
  [/(?:过了|过完)(?:春节|年)(?:以后|之后)?|(?:春节|过年)(?:过后|以后|之后)(?!\s*到)/, () => ({ kind: 'after_holiday', holiday: 'spring_festival' })],
  // Before a part of a month: 下个月中旬之前, 本月下旬前, 12月上旬前 (from today until then).
  [new RegExp(`(本月|这个?月|当月|下个?月|下一个?月|${YEAR}\\s*${NUM}\\s*月)\\s*(上旬|中旬|下旬)(?:之前|以前|前)`), (m) => {
    const month = monthNamed(m);
    return month && { kind: 'until_part', month, part: monthPart(m[4]!) };
  }],
  // A part of a month: 12月中旬, 下个月上旬, 本月下旬 (the days of that part).
  [new RegExp(`(本月|这个?月|当月|下个?月|下一个?月|${YEAR}\\s*${NUM}\\s*月份?)\\s*(上旬|中旬|下旬)`), (m) => {
    const month = monthNamed(m);
    return month && { kind: 'month_part', month, part: monthPart(m[4]!) };
  }],
  // Before the Spring Festival: 春节前, 过年前, 年前 at a question's start or after 在 / 赶 (not 今年前三季度, 2018年前).
  [/(?:赶在|赶|在)?(?:春节(?:放假)?(?:前|之前|以前)|(?:过|大)年(?:前|之前|以前))|(?:^|(?<=[\s，,]))(?:赶在|赶|在)?年前(?![\d一二三四五六七八九十两几])/, () => ({ kind: 'until_spring_festival' })],
  // Before a day of this week or the next: 下周一之前, 这周五前, 周五以前 (from today until then).
  [/(?<![上前])(本|这|下|下一)?(?:周|个?星期|个?礼拜)([一二三四五六日天1-7])(?:之前|以前|前)/, (m) => ({
    kind: 'until_weekday',
    weeks: m[1]?.startsWith('下') ? 1 : 0,
    weekday: '一二三四五六'.includes(m[2]!) ? '一二三四五六'.indexOf(m[2]!) + 1 : /[日天]/.test(m[2]!) ? 7 : Number(m[2]),
  })],
  [/(本|这个?|当)季度|本季|当季/, () => ({ kind: 'this_quarter', offset: 0 })],
  // The rest of this month: 这个月剩下这几天, 本月剩余时间 (from today to its end).
  [/(?:本月|这个?月|当月)(?:剩下|剩余|余下|最后)的?(?:这)?(?:几天|时间|日子|一周)?/, () => ({ kind: 'until_part', month: { offset: 0 }, part: 3 })],
  [/(下个?|下一个?)季度/, () => ({ kind: 'this_quarter', offset: 1 })],
  [/(上个?|上一个?)季度/, () => ({ kind: 'this_quarter', offset: -1 })],
  // 周 not begun by 周密 / 周期 / 周边 / 周末 / 周年 / 周转.
  [/(上上|下下)(周(?![密期边末年转])|个?星期|个?礼拜)/, (m) => ({ kind: 'week', offset: m[1] === '上上' ? -2 : 2 })],
  [/(本|这|这一)(周(?![密期边末年转])|个?星期|个?礼拜)/, () => ({ kind: 'week', offset: 0 })],
  [/(下|下一)(周(?![密期边末年转])|个?星期|个?礼拜)/, () => ({ kind: 'week', offset: 1 })],
  [/(上|上一)(周(?![密期边末年转])|个?星期|个?礼拜)/, () => ({ kind: 'week', offset: -1 })],
  [/(本月|这个?月|当月)/, () => ({ kind: 'month', offset: 0 })],
  [/(下个?月|下一个?月)/, () => ({ kind: 'month', offset: 1 })],
  [/(上个?月|上一个?月)/, () => ({ kind: 'month', offset: -1 })],
  [new RegExp(`${YEAR}\\s*第?${NUM}\\s*季度`), (m) => {
    const quarter = readNumber(m[2]!);
    return quarter !== null && quarter >= 1 && quarter <= 4 ? { kind: 'quarter', quarter, year: yearOf(m[1]) } : undefined;
  }],
  [new RegExp(`${YEAR}\\s*(上|下)半年`), (m) => ({ kind: 'half', half: m[2] === '上' ? 1 : 2, year: yearOf(m[1]) })],
  [new RegExp(`${YEAR}\\s*${NUM}\\s*月(份|底|末|中旬|上旬|下旬|初|中|${NUM}\\s*[日号])?`), (m) => {
    const month = readNumber(m[2]!);
    return month !== null && month >= 1 && month <= 12 ? { kind: 'month_of_year', month, year: yearOf(m[1]) } : undefined;
  }],
  // "月底前要完成的" with no month: this month.
  [/(?<![\d一二三四五六七八九十])月(底|末)/, () => ({ kind: 'month', offset: 0 })],
  // A year with its end or all of it: 2018年底, 今年底, 明年年底, 2016年内, 2016年全年; a year other than this one alone (2018年, 明年).
  [new RegExp(`(${YEAR_WORD})\\s*(${YEAR_END}|全年|底|末|(?:以|之)?内)(?:前|之前|以前)?`), (m) => ({ kind: 'year', year: yearOf(m[1]) })],
  // 年底前, and 元旦前 (before New Year's Day is by the end of the year).
  [new RegExp(`${YEAR_END}|元旦(?:前|之前|以前)`), () => ({ kind: 'year', year: { offset: 0 } })],
  [new RegExp(YEAR_WORD), (m, text) => {
    const year = yearOf(m[0]);
    // 今年 alone is the plan's year of work ("人社局今年要干什么"), a period only with 到期 / 完成 / 底前.
    if ('offset' in year && year.offset === 0 && !DUE_WORDS.test(text.slice(m.index))) return undefined;
    return { kind: 'year', year };
  }],
];

/**
 * The period a question names and the words that named it; undefined when
 * it names none. 今年 alone is no period ("人社局今年要干什么" asks for the
 * unit's work); 今年 with 到期 / 完成 / 底前 is.
 */
export function readPeriod(text: string): { period: PeriodSpec; words: string } | undefined {
  for (const [pattern, make] of PERIOD_READINGS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const period = make(match, text);
    if (period) return { period, words: match[0] };
  }
  return undefined;
}

function resolveYear(year: YearSpec, today: string): number {
  return 'fixed' in year ? year.fixed : Number(today.slice(0, 4)) + year.offset;
}

function monthRange(year: number, month: number, months = 1): [string, string] {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10);
  return [start, end];
}

/** The month `offset` months from today's (0 this month, 1 the next), as its first and last day. */
function monthFromToday(today: string, offset: number): [string, string] {
  const date = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
  return monthRange(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** A month a part of it is named in: this month's or the next's by offset, or a month of a year. */
type MonthNamed = { offset: number } | { month: number; year: YearSpec };

/**
 * The month of a match of "(本月 | 下个月 | 2017年12月)(上旬|中旬|下旬)": group 1 the whole month words, 2 its year,
 * 3 its number; undefined for a month that is none (13月).
 */
function monthNamed(m: RegExpExecArray): MonthNamed | undefined {
  if (/^下/.test(m[1]!)) return { offset: 1 };
  if (!m[3]) return { offset: 0 };
  const month = readNumber(m[3]);
  return month !== null && month >= 1 && month <= 12 ? { month, year: yearOf(m[2]) } : undefined;
}

/** A named month's first and last day, for today. */
function monthDays(month: MonthNamed, today: string): [string, string] {
  return 'offset' in month ? monthFromToday(today, month.offset) : monthRange(resolveYear(month.year, today), month.month);
}

/** The first and last day of a period, as 'YYYY-MM-DD', for today. */
export function resolvePeriod(period: PeriodSpec, today: string): [string, string] {
  switch (period.kind) {
    case 'within':
      return [today, addDays(today, period.days)];
    case 'until_part': {
      const [first, last] = monthDays(period.month, today);
      return [today, partOfMonth(first, last, period.part).to];
    }
    case 'week': {
      const monday = addDays(today, 1 - isoWeekday(today) + 7 * period.offset);
      return [monday, addDays(monday, 6)];
    }
    case 'month_part': {
      const [first, last] = monthDays(period.month, today);
      const part = partOfMonth(first, last, period.part);
      return [part.from, part.to];
    }
    case 'until_spring_festival':
      return [today, addDays(nextSpringFestival(today), -1)];
    case 'after_holiday':
      return [period.holiday === 'new_year' ? `${Number(today.slice(0, 4)) + 1}-01-01` : nextSpringFestival(today), '9999-12-31'];
    case 'day': {
      const day = `${resolveYear(period.year, today)}-${String(period.month).padStart(2, '0')}-${String(period.day).padStart(2, '0')}`;
      return [day, day];
    }
    case 'until_weekday': {
      // 周一之前 asked on a Wednesday is next Monday: this week's is past.
      const ahead = period.weekday - isoWeekday(today) + 7 * period.weeks;
      return [today, addDays(today, ahead < 0 && period.weeks === 0 ? ahead + 7 : ahead)];
    }
    case 'month':
      return monthFromToday(today, period.offset);
    case 'month_of_year':
      return monthRange(resolveYear(period.year, today), period.month);
    case 'quarter':
      return monthRange(resolveYear(period.year, today), period.quarter * 3 - 2, 3);
    case 'this_quarter': {
      const index = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + period.offset;
      const year = Number(today.slice(0, 4)) + Math.floor(index / 4);
      return monthRange(year, (((index % 4) + 4) % 4) * 3 + 1, 3);
    }
    case 'half':
      return monthRange(resolveYear(period.year, today), period.half === 1 ? 1 : 7, 6);
    case 'year': {
      const year = resolveYear(period.year, today);
      return [`${year}-01-01`, `${year}-12-31`];
    }
  }
}

/** A period in words for "我的理解": 2016年12月, 2017年第一季度, 今天起 14 天内. */
export function describePeriod(period: PeriodSpec, today: string): string {
  const [from, to] = resolvePeriod(period, today);
  const cn = ['一', '二', '三', '四'];
  switch (period.kind) {
    case 'within':
      return `今天起 ${period.days} 天内到期（${from} 至 ${to}）`;
    case 'until_part':
    case 'until_weekday':
      return `今天起至 ${to} 到期`;
    case 'until_spring_festival':
      return `今天起至春节前（${to}）到期`;
    case 'after_holiday':
      return `${from} 起到期`;
    case 'day':
      return `${from} 当天到期`;
    case 'month_part':
      return `${from.slice(0, 4)}年${Number(from.slice(5, 7))}月${MONTH_PARTS[period.part - 1]}到期（${from} 至 ${to}）`;
    case 'week':
      return `${['上上周', '上周', '本周', '下周', '下下周'][period.offset + 2] ?? `${from} 起的一周`}到期（${from} 至 ${to}）`;
    case 'month':
    case 'month_of_year':
      return `${from.slice(0, 4)}年${Number(from.slice(5, 7))}月到期`;
    case 'quarter':
      return `${from.slice(0, 4)}年第${cn[period.quarter - 1]}季度到期`;
    case 'this_quarter':
      return `${from.slice(0, 4)}年第${cn[Math.floor((Number(from.slice(5, 7)) - 1) / 3)]}季度到期`;
    case 'half':
      return `${from.slice(0, 4)}年${period.half === 1 ? '上' : '下'}半年到期`;
    case 'year':
      return `${from.slice(0, 4)}年内到期`;
  }
  return `${from} 至 ${to} 到期`;
}
