/**
 * Reads what /subscribe is told: a weekday ("周一", "星期五", "每周三"), a
 * time ("09:00", "9点半", "下午4点") and a scope (a plan, a unit, or 全部) in
 * any order. Pure; the scope words are resolved against the catalog later.
 */

/** What the text said; absent parts keep the current setting. */
export interface SubscriptionArguments {
  weekday?: number;
  time?: string;
  /** The remaining words: a plan or unit, '' when none. */
  scopeText: string;
  /** Set when a weekday or time was written but cannot be used. */
  problem?: string;
}

const DAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

const WEEKDAY_PATTERN = /(?:每)?(?:周|星期|礼拜)([一二三四五六日天1-7])/;
const CLOCK_PATTERN = /(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*(?:[:：]\s*(\d{2})|[点时]\s*(半|(\d{1,2})\s*分?)?)/;

/** Parses the text after /subscribe. */
export function readSubscriptionArguments(text: string): SubscriptionArguments {
  let rest = text.trim();
  const result: SubscriptionArguments = { scopeText: '' };
  const weekday = WEEKDAY_PATTERN.exec(rest);
  if (weekday) {
    result.weekday = DAY[weekday[1]!]!;
    rest = rest.replace(weekday[0], ' ');
  }
  const clock = CLOCK_PATTERN.exec(rest);
  if (clock) {
    let hour = Number(clock[2]);
    const minute = clock[3] !== undefined ? Number(clock[3]) : clock[4] === '半' ? 30 : clock[5] !== undefined ? Number(clock[5]) : 0;
    if ((clock[1] === '下午' || clock[1] === '晚上') && hour < 12) hour += 12;
    if (hour > 23 || minute > 59) result.problem = `“${clock[0].trim()}”不是有效的时间，请写成 09:00 这样的 24 小时制`;
    else result.time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    rest = rest.replace(clock[0], ' ');
  }
  result.scopeText = rest.replace(/\s+/g, ' ').trim();
  return result;
}
