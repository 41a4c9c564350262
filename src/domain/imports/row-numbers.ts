/**
 * Row numbers counted in Chinese numerals: some offices number a table's
 * rows 一, 二, 三 … instead of 1, 2, 3. Where a table counts that way — 一
 * and then 二 standing alone, and no 1 then 2 — its numbers are read as the
 * arabic numbers every table reader cuts rows by. Where the rows count in
 * arabic, a Chinese numeral standing alone is a section's number
 * (一 | 经济发展), not a row's, and is left as it is. Pure.
 */

const CN_DIGITS = '一二三四五六七八九十';

/** A Chinese number up to 九十九 as a number: 三 → 3, 十二 → 12, 二十 → 20. */
export function chineseNumber(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + CN_DIGITS.indexOf(text[1]!) + 1;
  const tens = text.indexOf('十');
  if (tens > 0) return (CN_DIGITS.indexOf(text[0]!) + 1) * 10 + (text[tens + 1] ? CN_DIGITS.indexOf(text[tens + 1]!) + 1 : 0);
  return CN_DIGITS.indexOf(text) + 1;
}

const LONE_CHINESE = /^[（(]?([一二三四五六七八九]?十?[一二三四五六七八九]?)[)）.、．]?$/;
const LONE_ARABIC = /^[（(]?(\d{1,5})[)）.、．]?$/;

/** Whether the numbers count rows: a 1 and, after it, a 2 (figures standing alone in cells rarely do). */
function counts(numbers: readonly number[]): boolean {
  const one = numbers.indexOf(1);
  return one >= 0 && numbers.indexOf(2, one + 1) > one;
}

/** Three Chinese numerals in turn (二, 三, 四 under a first row whose 一 stands behind its category's cell) count rows too. */
function inTurn(numbers: readonly number[]): boolean {
  return numbers.some((number, at) => at >= 2 && numbers[at - 1] === number - 1 && numbers[at - 2] === number - 2);
}

/**
 * The texts that may be row numbers (a 序号 column's cells, the lines of a one-cell-per-line table, the first
 * word of each row) with the Chinese ones as arabic, when the table counts its rows in Chinese and not in
 * arabic; the same texts otherwise.
 */
export function withArabicRowNumbers(texts: readonly string[]): readonly string[] {
  const arabic: number[] = [];
  const chinese: number[] = [];
  for (const text of texts) {
    const flat = text.trim();
    if (flat === '') continue;
    const digits = LONE_ARABIC.exec(flat);
    if (digits) arabic.push(Number(digits[1]));
    const match = LONE_CHINESE.exec(flat);
    if (match?.[1]) chinese.push(chineseNumber(match[1]));
  }
  if (counts(arabic) || !(counts(chinese) || inTurn(chinese))) return texts;
  return texts.map((text) => {
    const match = LONE_CHINESE.exec(text.trim());
    return match?.[1] ? String(chineseNumber(match[1])) : text;
  });
}

/** Lines whose first word is the row's number ("二 新建城市公园两个 县城管局"), the Chinese ones as arabic when the rows count so. */
export function withArabicLeadingNumbers(lines: readonly string[]): readonly string[] {
  const split = lines.map((line) => /^(\s*)(\S+)(\s+\S[^]*)?$/.exec(line));
  const firsts = split.map((match) => (match?.[3] ? match[2]! : ''));
  const numbers = withArabicRowNumbers(firsts);
  if (numbers === firsts) return lines;
  return lines.map((line, index) => (numbers[index] !== firsts[index] ? `${split[index]![1]}${numbers[index]}${split[index]![3]}` : line));
}

/**
 * Whether numbers down a column count rows (1, 2, 3 …, or again from 1 where sections restart them) rather than being
 * figures (26000, 4000, 2000 of a target column): most of them follow the one before by one or start again at 1.
 */
export function countsRows(numbers: readonly number[]): boolean {
  if (numbers.length < 2) return numbers.length === 1 && numbers[0]! <= 2;
  return numbers.slice(1).filter((number, index) => number === numbers[index]! + 1 || number === 1).length >= (numbers.length - 1) * 0.6;
}
