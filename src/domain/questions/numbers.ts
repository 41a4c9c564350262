/**
 * Numbers as questions write them: "12", "十二", "二十三", "两". Shared by
 * the question parser and the period reader. Pure.
 */
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "12", "十二", "二十三" → number. */
export function readNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[一二两三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : text.includes('十') ? 1 : 0) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

