/**
 * Lines a PDF, a print layout or a fixed-width page broke at its width.
 * Text copied from a PDF keeps every printed line: a long item comes in
 * three or four lines of the same length, so a label's value, a trailing
 * parenthesis or a unit's name is cut in two and the item's text is read
 * as several. When many lines share one length (the page's width), a line
 * of that length is joined with the next unless the next starts something
 * of its own: an outline number, a label, a table row. The joined line
 * takes the first line's place and the lines it took in stay as empty
 * lines, so every line keeps its number for warnings.
 */

/** What starts a line of its own: an outline number (一、 （一） 1. （1） ① 第一条), a row's 序号 alone, a bracket of units. */
const OWN_START = /^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.．、](?!\d)|\d{1,5}(?:\s|$)|[①-⑳]|第[一二三四五六七八九十百\d]+[条章节项]|[[【〔])/;

/** A label (牵头单位：, 完成时限：) at a line's start. */
const LABEL_START = /^\s*[\u4e00-\u9fa5]{0,4}(?:单位|部门|领导|科室|处室|股室|时限|时间|节点|措施|问题|任务|目标|要求|内容|分工|责任人|负责人)[:：]/;

/**
 * A line that ends in the middle of words (on a character, a figure or a comma, not on 。；） or a colon): the page
 * broke it there, so a label the next line seems to open is the rest of a word cut in two (…；责 / 任单位：,
 * …；数据 / 提供单位：). A label after a line that ended its sentence starts a line of its own.
 */
const ENDS_MID_WORDS = /[\u4e00-\u9fa5A-Za-z0-9、，,]$/;

/** Lines of at least this many characters count towards a page width. */
const LONG = 20;

/** The page width most long lines share, when enough of them do; undefined for text that was not broken at a width. */
export function pageWidth(lines: readonly string[]): number | undefined {
  const lengths = new Map<number, number>();
  let long = 0;
  for (const line of lines) {
    if (/[\t|]/.test(line)) continue;
    // Measured with the line's indent: a paragraph's first line is indented two characters and printed as wide.
    const length = [...line.trimEnd()].length;
    if (length < LONG) continue;
    long++;
    lengths.set(length, (lengths.get(length) ?? 0) + 1);
  }
  let best: number | undefined;
  let count = 0;
  for (const [length, n] of lengths) {
    // Full-width and half-width characters make a printed line a character shorter now and then: count those too.
    const near = n + (lengths.get(length - 1) ?? 0);
    if (near > count || (near === count && length > (best ?? 0))) [best, count] = [length, near];
  }
  // Broken at a width, many long lines are of it (an item's last line is shorter, and so is a short item's only line);
  // lines of their own vary. joinHardWraps asks more of a width than this: that the lines of it go on in the next.
  return best !== undefined && count >= 6 && count >= long * 0.3 ? best : undefined;
}

/** The most lines one paragraph is joined from: a runaway join (a table's rows of one length) stops there. */
const MOST_LINES = 40;

/** The text with lines broken at the page's width joined back (see the module comment); the same text when it has none. */
export function joinHardWraps(text: string): string {
  const lines = text.split('\n');
  const width = pageWidth(lines);
  if (width === undefined) return text;
  // Each line judged once, before any is joined: full (of the page's width), and whether it goes on from the one before.
  const full = lines.map((line) => !/[\t|]/.test(line) && [...line.trimEnd()].length >= width - 1);
  const goesOn = lines.map(
    (line, at) => line.trim() !== '' && !/[\t|]/.test(line) && !OWN_START.test(line) && (!LABEL_START.test(line) || (at > 0 && ENDS_MID_WORDS.test(lines[at - 1]!.trimEnd()))),
  );
  // Broken text shows it: most full lines go on in the next (a sheet's rows of one length each start with their number).
  const fullLines = full.filter((isFull, at) => isFull && at < lines.length - 1).length;
  const continued = full.filter((isFull, at) => isFull && goesOn[at + 1] === true).length;
  if (continued < 3 || continued < fullLines * 0.5) return text;
  for (let at = 0; at < lines.length - 1; at++) {
    const pieces = [lines[at]!.replace(/\s+$/, '')];
    let next = at + 1;
    // A line goes on in the next while it is full: the piece taken in last decides.
    while (full[next - 1] && goesOn[next] && pieces.length < MOST_LINES) {
      pieces.push(lines[next]!.trim());
      lines[next] = '';
      next++;
    }
    if (pieces.length > 1) lines[at] = pieces.join('');
    at = next - 1;
  }
  return lines.join('\n');
}
