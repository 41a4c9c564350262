/**
 * Understands deadlines written in words: "2016年12月底前完成" → 2016-12-31,
 * "2017年第1季度完成" → 2017-03-31, "全年工作" → recurring yearly,
 * "收到省级降费政策文件后及时转发" → event-triggered. Pure; never invents a
 * date the text does not give. The raw text is always kept by the caller.
 */
import type { DeadlineKind, Recurrence } from '../vocabulary.js';
import { toHalfWidth, unbreak } from './normalize-text.js';

/** One understood deadline. A text naming two dates gives two. */
export interface ParsedDeadline {
  raw: string;
  kind: DeadlineKind;
  /** 'YYYY-MM-DD' for kind 'date'. */
  dueOn: string | null;
  recurrence: Recurrence | null;
}

/** What parseDeadline returns: the deadlines, and whether the text was understood. */
export interface DeadlineParse {
  deadlines: ParsedDeadline[];
  /** False when non-empty text matched no rule (kept raw, kind 'none'). */
  understood: boolean;
}

/** Years counted in words: 三年内 is three. */
const YEARS_COUNTED: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthEnd(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

const RECURRING: readonly [RegExp, Recurrence][] = [
  [/每季度?|季报|按季/, 'quarterly'],
  [/每半年|半年一次/, 'half_yearly'],
  [/每月|按月|月报/, 'monthly'],
  [/全年|每年|年度工作|逐年/, 'yearly'],
];
const EVENT = /^\d{1,3}\s*个?(?:工作)?(?:日|天)(?:内|之内)?$|后(及时|立即|\d+个?(工作)?日内|\d+天内|的时间要求)|收到.+后|出台后|发布后|通过后|批复后|待.+(出台|发布)|按.*规定时限|根据.*(部署|安排)(要求)?完成|按(?:照)?(?:上级|省|市|县|区)?(?:的)?(?:要求|部署|规定|安排)|(?:汛期|汛|开学|春节|国庆|冬季|雨季|旺季|换届)(?:前|之前|以前)/;
const CONTINUOUS = /长期|持续|常态化|不定期|定期|随时|及时|即时|立即|马上|立行立改|动态清零/;

/**
 * Finds the dates a deadline text names, in order. `planYear` supplies the
 * year for texts such as "中考3月".
 */
function findDates(text: string, planYear: number | null): string[] {
  const found: { at: number; date: string }[] = [];
  const taken: [number, number][] = [];
  const claim = (regex: RegExp, toDate: (m: RegExpExecArray) => string | null) => {
    for (const match of text.matchAll(regex)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const date = toDate(match as RegExpExecArray);
      if (!date) continue;
      taken.push([start, end]);
      found.push({ at: start, date });
    }
  };
  // "202211", "20221130": a date column's digits alone (the whole text, never a figure inside a sentence).
  claim(/^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?$/g, (m) => (m[3] === undefined ? monthEnd(Number(m[1]), Number(m[2])) : isoDate(Number(m[1]), Number(m[2]), Number(m[3]))));
  // "2024-12-31", "2024.12.31", "2024/12/31", "2024.12" (the month's end).
  claim(/(?<!\d)(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?(?!\d)/g, (m) => {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(year) || month < 1 || month > 12) return null;
    if (m[3] === undefined) return monthEnd(year, month);
    const day = Number(m[3]);
    return day >= 1 && day <= 31 ? isoDate(year, month, day) : null;
  });
  claim(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (m) => {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return plausibleYear(year) && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? isoDate(year, month, day) : null;
  });
  claim(/(\d{4})年(?:度)?第?([1-4一二三四])季度/g, (m) => {
    const year = Number(m[1]);
    const quarter = CHINESE_QUARTER[m[2]!]!;
    return plausibleYear(year) ? monthEnd(year, quarter * 3) : null;
  });
  claim(/(\d{4})年(上|下)半年/g, (m) => {
    const year = Number(m[1]);
    return plausibleYear(year) ? (m[2] === '上' ? isoDate(year, 6, 30) : isoDate(year, 12, 31)) : null;
  });
  // "2016年12月底前", "2016年12底前" (月 left out), "2017年1月前" (before January: the end of December).
  claim(/(\d{4})年(\d{1,2})(?:月(底|末|份|中)?(前)?|(底|末)前?)/g, (m) => {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(year) || month < 1 || month > 12) return null;
    const beforeMonth = m[4] === '前' && m[3] === undefined;
    if (beforeMonth) return month === 1 ? isoDate(year - 1, 12, 31) : monthEnd(year, month - 1);
    if (m[3] === '中') return isoDate(year, month, 15);
    return monthEnd(year, month);
  });
  // "2023-2025年", "2023年至2025年": a span of years, due at its end.
  claim(/(?:19|20)\d{2}\s*年?\s*(?:[-—－~～至到])\s*((?:19|20)\d{2})\s*年(?:底|末)?/g, (m) => isoDate(Number(m[1]), 12, 31));
  claim(/(\d{4})年(?:年)?(底|末|内|前)/g, (m) => {
    const year = Number(m[1]);
    return plausibleYear(year) ? isoDate(year, 12, 31) : null;
  });
  // "2022" alone in a date column: that year.
  claim(/^((?:19|20)\d{2})(?:年度?)?$/g, (m) => isoDate(Number(m[1]), 12, 31));
  // "2017年完成" names a year; "从2016年起" does not name a due date.
  claim(/(?<![从自])(\d{4})年\s*(?!起|以来|度?以前)(?=完成|实现|全面|基本|建成|开放|投入|前)/g, (m) => {
    const year = Number(m[1]);
    return plausibleYear(year) ? isoDate(year, 12, 31) : null;
  });
  if (planYear !== null) {
    // "三年内", "两年内": so many years from the plan's (the plan's year the first).
    claim(/(?<![\d年])([一二两三四五1-5])年(?:内|之内|以内)/g, (m) => {
      const years = YEARS_COUNTED[m[1]!] ?? Number(m[1]);
      return years >= 1 ? isoDate(planYear + years - 1, 12, 31) : null;
    });
    // "6月至9月", "6—9月": a span of months, due at its end.
    claim(/(?<![\d年个])(\d{1,2})月?\s*(?:至|到|—|－|-|~|～)\s*(\d{1,2})月(?:底|末|份)?/g, (m) => {
      const month = Number(m[2]);
      return month >= 1 && month <= 12 && Number(m[1]) < month ? monthEnd(planYear, month) : null;
    });
    // Within the plan's year: "年底前", "年内", "第三季度", "三季度末", "上半年".
    claim(/(?<![\d年])(年底|年末|年内|本年度?内?)/g, () => isoDate(planYear, 12, 31));
    claim(/(?<![\d年])第?([1-4一二三四])季度/g, (m) => monthEnd(planYear, CHINESE_QUARTER[m[1]!]! * 3));
    claim(/(?<![\d年])(上|下)半年/g, (m) => (m[1] === '上' ? isoDate(planYear, 6, 30) : isoDate(planYear, 12, 31)));
    // "12月中旬" by the 20th, "12月上旬(前)" by the 10th, "9月中下旬" by the month's end; "月中" the 15th.
    claim(/(?<![\d年个])(\d{1,2})月(上旬|中下旬|中旬|下旬|底|末|份|中)?/g, (m) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return null;
      if (m[2] === '上旬') return isoDate(planYear, month, 10);
      if (m[2] === '中旬') return isoDate(planYear, month, 20);
      return m[2] === '中' ? isoDate(planYear, month, 15) : monthEnd(planYear, month);
    });
    // "6.30前", "11.30": a month and day written with a dot, the whole text (never a figure inside a sentence).
    claim(/^(\d{1,2})\.(\d{1,2})(?=(?:前|之前|以前)?$)/g, (m) => {
      const [month, day] = [Number(m[1]), Number(m[2])];
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? isoDate(planYear, month, day) : null;
    });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.date);
}

/**
 * Parses a deadline cell. Dates win when present (one deadline per date);
 * otherwise the text is recurring, event-triggered, continuous, or — when
 * empty — none. Unrecognised text is kept as kind 'none', understood=false.
 */
export function parseDeadline(raw: string, planYear: number | null): DeadlineParse {
  const kept = raw.replace(/\s+/g, ' ').trim();
  if (kept === '') return { deadlines: [], understood: true };
  const text = toHalfWidth(unbreak(kept));
  const dates = [...new Set(findDates(text, planYear))];
  if (dates.length > 0) {
    return {
      deadlines: dates.map((dueOn) => ({ raw: kept, kind: 'date', dueOn, recurrence: null })),
      understood: true,
    };
  }
  for (const [pattern, recurrence] of RECURRING) {
    if (pattern.test(text)) return { deadlines: [{ raw: kept, kind: 'recurring', dueOn: null, recurrence }], understood: true };
  }
  if (EVENT.test(text)) return { deadlines: [{ raw: kept, kind: 'event', dueOn: null, recurrence: null }], understood: true };
  if (CONTINUOUS.test(text)) return { deadlines: [{ raw: kept, kind: 'continuous', dueOn: null, recurrence: null }], understood: true };
  return { deadlines: [{ raw: kept, kind: 'none', dueOn: null, recurrence: null }], understood: false };
}
