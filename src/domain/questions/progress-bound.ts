/**
 * A bound on how far along the tasks are, as people say it: 进度八成及以上, 完成80%以上, 超过七成, 不到30%, 百分之六十以下,
 * 进度报到一半及以上.
 * The tasks it keeps are unfinished (a closure awaiting review is done but for the review, so it is no task "at 80%").
 * 过半 / 不到一半 are states of their own (state-phrases.ts). Pure.
 */
import { readNumber } from './numbers.js';

/** Unfinished tasks whose last reported percent (0 when none) is above, at least, below or at most `percent`. */
export interface ProgressBound {
  op: 'gt' | 'ge' | 'lt' | 'le';
  percent: number;
}

/** A share as written: 80%, 百分之八十, 八成. */
const SHARE = '(?:(\\d{1,3})\\s*[%％]|百分之([一二两三四五六七八九十百\\d]{1,4})|([一二两三四五六七八九十\\d])\\s*成(?!本|果|绩|立|熟|员)|(一半|半数))';
const MORE = '超过|高于|大于|多于|过了|超出';
const LESS = '不到|不足|低于|少于|没到|没过|未到|未过|未达到?|没达到|不满';
const BOUND = new RegExp(`(?:进度|完成(?:率|度)?|推进)?(?:在|是|达到|到了|报到了?|报了|到)?(${MORE}|${LESS})?${SHARE}(?:(?:及|或|和)?(以上|以下|以内))?`);

/** The bound a question sets on progress, and the words that set it; undefined when it sets none. */
export function readProgressBound(text: string): { bound: ProgressBound; words: string } | undefined {
  const match = BOUND.exec(text);
  if (!match) return undefined;
  const [words, before, percent, written, tenths, half, after] = match;
  const value = percent !== undefined ? Number(percent) : written !== undefined ? readNumber(written) : tenths !== undefined ? (readNumber(tenths) ?? NaN) * 10 : half !== undefined ? 50 : NaN;
  if (value === null || !Number.isFinite(value) || value <= 0 || value > 100) return undefined;
  const more = before !== undefined && new RegExp(`^(?:${MORE})$`).test(before);
  const less = before !== undefined && !more;
  let op: ProgressBound['op'] | undefined;
  if (more) op = 'gt';
  else if (less) op = 'lt';
  else if (after === '以上') op = 'ge';
  else if (after === '以下' || after === '以内') op = 'le';
  // A share with no word of more or less ("完成率80%") is a figure asked about, no bound.
  if (!op) return undefined;
  return { bound: { op, percent: value }, words };
}

/** The bound in words for "我的理解": 进度不低于 80%（未完成的）. */
export function describeProgressBound(bound: ProgressBound): string {
  return `进度${{ gt: '超过', ge: '不低于', lt: '不到', le: '不超过' }[bound.op]} ${bound.percent}%（未完成的）`;
}
