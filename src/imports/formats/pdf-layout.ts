/**
 * Rebuilds a page's lines and tables from what a PDF keeps: pieces of text
 * at positions, and the strokes that draw table borders. Pure geometry, in
 * page space with y growing downwards (pdf-reader.ts does the reading).
 *
 * A table is a set of ruled lines: its row edges are the horizontal rules,
 * its column edges the vertical ones, and a cell merged across rows or
 * columns is one whose inner rule is missing; its text goes to its
 * top-left position, the others stay empty ("same as above", as the .docx
 * reader gives them). Text outside tables becomes lines, rows by y and
 * pieces apart by more than a character's gap joined with a space. A line
 * that runs to the right edge and goes on in the next line is one
 * paragraph wrapped, so it is joined (in cells too).
 */

/** A piece of text: where its baseline starts, how wide it is, its font size. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A ruled line: horizontal (y fixed, from x1 to x2) or vertical (x fixed, from y1 to y2). */
export interface Rule {
  horizontal: boolean;
  /** The fixed coordinate. */
  at: number;
  from: number;
  to: number;
}

/** A page read: its lines of text and its tables, each in the order they stand, top to bottom. */
export type PageBlock =
  | { kind: 'line'; text: string; top: number; bottom: number }
  /** `mergedAbove`: per row, the columns a cell above spans down over (no rule drawn between), as the .docx reader gives them. */
  | { kind: 'table'; rows: string[][]; mergedAbove: number[][]; top: number; bottom: number; edges: number[] };

/** How close two rules' coordinates must be to be one edge, in points. */
const SNAP = 2;

const center = (piece: TextPiece) => ({ x: piece.x + piece.width / 2, y: piece.y - piece.size * 0.3 });

/** Distinct values, sorted, those within SNAP of each other merged. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  for (const value of sorted) if (result.length === 0 || value - result.at(-1)! > SNAP) result.push(value);
  return result;
}

/** Whether a rule covers a span (with a little slack for joints). */
const covers = (rule: Rule, from: number, to: number) => rule.from <= from + SNAP && rule.to >= to - SNAP;

/** Groups pieces into lines (by baseline), each sorted left to right. */
export function linesOf(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - piece.y) <= Math.max(line[0]!.size, piece.size) * 0.4) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

/**
 * Whether a narrow gap is the spacing Word and WPS set between Chinese and
 * Latin letters or digits (2018 年), which is no space in the text.
 */
const autoSpaced = (before: string, after: string) => {
  const [a, b] = [before.at(-1)!, after[0]!];
  return (/[\u3000-\u9fff\uff00-\uffef]/.test(a) && /[A-Za-z0-9%]/.test(b)) || (/[A-Za-z0-9%.]/.test(a) && /[\u3000-\u9fff\uff00-\uffef]/.test(b));
};

/** A line's text: pieces joined, with a space where a space's width parts them (blank pieces are not kept), `separator` where more than `cellGap` does. */
export function lineText(line: readonly TextPiece[], cellGap = Infinity, separator = ' '): string {
  let text = '';
  let end = -Infinity;
  for (const piece of line) {
    const gap = piece.x - end;
    if (text && gap > cellGap) text += separator;
    else if (text && gap > piece.size * 0.15 && !/\s$/.test(text) && (gap > piece.size * 0.5 || !autoSpaced(text, piece.text))) text += ' ';
    text += piece.text;
    end = piece.x + piece.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Marks text whose last line ran to the right edge, so the next line (on the next page, perhaps) goes on with it. */
export const WRAPPED = '\u2060';

/**
 * The width the next line's start needed on the line before: its first
 * character, or its first run of Latin letters and digits, which is not
 * broken (a phone number goes to the next line whole).
 */
function firstCharWidth(line: readonly TextPiece[]): number {
  const piece = line[0]!;
  const chars = [...piece.text];
  const word = /^[A-Za-z0-9%.\-/:]+/.exec(piece.text)?.[0].length ?? 1;
  // A mark that may not begin a line (、，。） …) goes down with the character before it (学、 wraps as one).
  const held = NO_LINE_START.test(chars[word] ?? '') ? 1 : 0;
  return (piece.width / Math.max(1, chars.length)) * (word + held);
}

/** Punctuation that typesetting never puts at a line's start (kinsoku): it keeps the character before it company. */
const NO_LINE_START = /^[、，。；：？！）」』”’》〉】,.;:?!)\]]$/;

/** Joins a wrapped line to the text before it: with a space only between Latin words. */
export const joinWrapped = (before: string, after: string) => (/[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after) ? `${before} ${after}` : before + after);

/** A short line ending like the name of a body (局, 中心, 街道…): in a narrow cell, a list of units one a line, not a wrapped phrase. */
const UNIT_LINE = /^[^，。；、,;]{2,10}(局|委|办|院|所|站|队|部|会|处|科|室|馆|社|团|厂|校|行|组|中心|政府|公司|街道|管委会)$/;

/**
 * Whether a line wrapped into the next: the next line's first character
 * would not have fitted after it before the right edge, and the next line
 * starts at the left edge in the same size (a centred title or a new
 * indented paragraph does not). Chinese text wraps anywhere, so a wrapped
 * paragraph goes on with no space. A short line that ends like a unit's
 * name followed by another is a list, one unit a line.
 */
function wraps(line: readonly TextPiece[], next: readonly TextPiece[] | undefined, right: number, left?: number): boolean {
  const last = line.at(-1)!;
  // Word and WPS set a quarter em between Latin letters or digits and Chinese (2.8 | 月底前): the next line's start needed that too.
  const spacing = next && autoSpaced(last.text, next[0]!.text) ? last.size * 0.25 : 0;
  if (last.x + last.width + (next ? firstCharWidth(next) + spacing : last.size) <= right + 0.5) return false;
  if (!next) return true;
  if (Math.abs(next[0]!.size - line[0]!.size) > 0.5) return false;
  if (left !== undefined && (next[0]!.x > left + next[0]!.size * 0.5 || line[0]!.x > left + line[0]!.size * 2.5)) return false;
  return !(UNIT_LINE.test(lineText(line)) && UNIT_LINE.test(lineText(next).replace(/[，。；、,;]$/, '')));
}

/** Joins lines into paragraphs (a wrapped line goes on in the next), within a text area ending at `right`. */
function paragraphs(lines: readonly TextPiece[][], right: number): string[] {
  const result: string[] = [];
  let wrapped = false;
  lines.forEach((line, index) => {
    const text = lineText(line);
    if (!text) return;
    if (wrapped && result.length > 0) result[result.length - 1] = joinWrapped(result.at(-1)!, text);
    else result.push(text);
    wrapped = wraps(line, lines[index + 1], right);
  });
  return result;
}

interface TableFrame {
  /** Row edges, top to bottom. */
  ys: number[];
  /** Column edges, left to right. */
  xs: number[];
  horizontals: Rule[];
  verticals: Rule[];
}

/**
 * The tables the rules draw: runs of horizontal rules joined by vertical
 * ones. A rule as wide as the page (a page border) is no table's.
 */
function tableFrames(rules: readonly Rule[]): TableFrame[] {
  const horizontals = rules.filter((rule) => rule.horizontal && rule.to - rule.from > SNAP * 2);
  const verticals = rules.filter((rule) => !rule.horizontal && rule.to - rule.from > SNAP * 2);
  const ys = distinct(horizontals.map((rule) => rule.at));
  const frames: TableFrame[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2) {
      const top = run[0]!;
      const bottom = run.at(-1)!;
      const ownVerticals = verticals.filter((rule) => rule.from < bottom - SNAP && rule.to > top + SNAP);
      const xs = distinct(ownVerticals.map((rule) => rule.at));
      if (xs.length >= 2) {
        const ownHorizontals = horizontals.filter((rule) => rule.at >= top - SNAP && rule.at <= bottom + SNAP);
        frames.push({ ys: run, xs, horizontals: ownHorizontals, verticals: ownVerticals });
      }
    }
    run = [];
  };
  // The inner column edges of the band between two row edges: the vertical rules crossing its middle.
  const innerEdges = (top: number, bottom: number) => {
    const edges = distinct(verticals.filter((rule) => rule.from <= (top + bottom) / 2 && rule.to >= (top + bottom) / 2).map((rule) => rule.at));
    return edges.slice(1, -1);
  };
  for (const y of ys) {
    const previous = run.at(-1);
    // Two row edges are one table's when a vertical rule runs between them.
    if (previous !== undefined && !verticals.some((rule) => rule.from <= previous + SNAP && rule.to >= y - SNAP)) close();
    else if (run.length >= 2) {
      // A table drawn right under another shares its rule: rows of several cells with no inner column edge in common are two tables.
      const above = innerEdges(run.at(-2)!, previous!);
      const below = innerEdges(previous!, y);
      if (above.length > 0 && below.length > 0 && !below.some((edge) => above.some((other) => Math.abs(other - edge) <= SNAP))) {
        close();
        run.push(previous!);
      }
    }
    run.push(y);
  }
  close();
  return frames;
}

/**
 * The rows of a table: each piece of text in the cell it stands in, a merged cell's text at its top-left position;
 * and, per row, the columns a cell above spans down over.
 */
function tableRows(frame: TableFrame, pieces: readonly TextPiece[]): { rows: string[][]; mergedAbove: number[][] } {
  const { ys, xs, horizontals, verticals } = frame;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  // Whether the rule on top of (row, column), or left of it, is drawn.
  const ruledAbove = (row: number, column: number) => row === 0 || horizontals.some((rule) => Math.abs(rule.at - ys[row]!) <= SNAP && covers(rule, (xs[column]! + xs[column + 1]!) / 2, (xs[column]! + xs[column + 1]!) / 2));
  const ruledLeft = (row: number, column: number) => column === 0 || verticals.some((rule) => Math.abs(rule.at - xs[column]!) <= SNAP && covers(rule, (ys[row]! + ys[row + 1]!) / 2, (ys[row]! + ys[row + 1]!) / 2));
  const root: [number, number][][] = [];
  for (let row = 0; row < rows; row++) {
    root.push([]);
    for (let column = 0; column < columns; column++) {
      if (!ruledLeft(row, column)) root[row]![column] = root[row]![column - 1]!;
      else if (!ruledAbove(row, column)) root[row]![column] = root[row - 1]![column]!;
      else root[row]![column] = [row, column];
    }
  }
  const cellPieces = new Map<string, TextPiece[]>();
  for (const piece of pieces) {
    const { x, y } = center(piece);
    const row = ys.findIndex((edge, index) => index < rows && y >= edge && y < ys[index + 1]!);
    const column = xs.findIndex((edge, index) => index < columns && x >= edge && x < xs[index + 1]!);
    if (row < 0 || column < 0) continue;
    const [r, c] = root[row]![column]!;
    const key = `${r}:${c}`;
    cellPieces.set(key, [...(cellPieces.get(key) ?? []), piece]);
  }
  const mergedAbove = root.map((cells, row) => cells.flatMap(([r], column) => (r < row ? [column] : [])));
  const texts = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => {
      const inCell = cellPieces.get(`${row}:${column}`);
      if (!inCell) return '';
      // The cell's right edge: the next column edge whose rule is drawn on this row.
      let right = column + 1;
      while (right < columns && !ruledLeft(row, right)) right++;
      // Text stops short of the edge by the cell's padding, as far as it starts from the left edge.
      const lines = linesOf(inCell);
      const padding = Math.max(0, Math.min(...lines.map((line) => line[0]!.x)) - xs[column]!);
      // A cell whose last line runs to its edge may go on over the page break: marked, for pdf-reader.ts to join.
      return paragraphs(lines, xs[right]! - padding).join('\n') + (wraps(lines.at(-1)!, undefined, xs[right]! - padding) ? WRAPPED : '');
    }),
  );
  return { rows: texts, mergedAbove };
}

/** Whether a piece of text stands inside a table frame. */
const inside = (frame: TableFrame, piece: TextPiece) => {
  const { x, y } = center(piece);
  return y >= frame.ys[0]! && y <= frame.ys.at(-1)! && x >= frame.xs[0]! && x <= frame.xs.at(-1)!;
};

/** Reads one page: its tables from the rules, the rest as lines (wrapped lines joined). */
export function pageBlocks(pieces: readonly TextPiece[], rules: readonly Rule[], pageWidth = Infinity): PageBlock[] {
  const frames = tableFrames(rules);
  const blocks: PageBlock[] = frames.map((frame) => ({
    kind: 'table',
    ...tableRows(
      frame,
      pieces.filter((piece) => inside(frame, piece)),
    ),
    top: frame.ys[0]!,
    bottom: frame.ys.at(-1)!,
    edges: frame.xs,
  }));
  const outside = pieces.filter((piece) => !frames.some((frame) => inside(frame, piece)));
  const lines = linesOf(outside);
  // The text area's right edge: as far from the page's edge as its left one (a title as long as no line is no edge), or the longest line.
  const left = Math.min(...lines.map((line) => line[0]!.x));
  const right = Math.max(pageWidth - left, ...lines.map((line) => line.at(-1)!.x + line.at(-1)!.width));
  // Lines are kept one by one (their positions decide headers and footers); wrapping is joined after those are dropped.
  lines.forEach((line, index) => {
    const text = lineText(line, line[0]!.size * 2.5, '  ');
    // A wrapped line is marked with a word joiner; pdf-reader.ts joins it to the next line left after headers and footers are dropped.
    if (text) blocks.push({ kind: 'line', text: wraps(line, lines[index + 1], right, left) ? `${text}${WRAPPED}` : text, top: line[0]!.y - line[0]!.size, bottom: line[0]!.y });
  });
  return blocks.sort((a, b) => a.top - b.top);
}
