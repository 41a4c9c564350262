/**
 * Header rows beyond the first: a second row that completes a header of two
 * rows (责任单位 spanning 牵头单位 | 配合单位), and the header printed again
 * further down (a table copied from several pages). Every table reader asks
 * these the same way, so a table reads alike as Word, sheet, tabs or spaces.
 */
import { classifyHeader, continuesHeaderCell, looksLikeHeader } from './columns.js';
import type { GridRow } from './grid.js';

const texts = (row: GridRow) => row.cells.map((cell) => cell.text);

/**
 * The header a second header row completes: where a cell spans columns the row under it splits (责任单位 over
 * 牵头单位 | 配合单位, 完成时限 over 开始 | 结束), each split column takes the lower name — in place, with the spanning
 * cell written once (a copied table), or with the empty cells dropped (the lower names all of one kind replace the
 * one header cell of that kind). Undefined when the row under the header is not header words (a body row).
 */
export function withSubHeader(header: readonly string[], below: readonly string[]): string[] | undefined {
  const named = below.map((cell) => cell.replace(/\s+/g, ''));
  const filled = named.filter(Boolean);
  if (filled.length < 2 || !filled.every((cell) => !/\d/.test(cell) && classifyHeader(cell) !== undefined && classifyHeader(cell) !== 'number')) return undefined;
  // A copied table writes a spanning cell once: the header is short of the columns it spans, right after it.
  const first = named.findIndex(Boolean);
  let run = 0;
  while (named[first + run]) run++;
  const spanning = first < header.length && named.slice(first, first + run).every((cell) => classifyHeader(cell) === classifyHeader(header[first]!));
  if (run > 1 && spanning && !named.some((cell, index) => cell !== '' && (header[index] ?? '').trim() === '')) {
    header = [...header.slice(0, first + 1), ...Array<string>(run - 1).fill(''), ...header.slice(first + 1)];
  }
  // In place: split columns sit under a spanning cell, so the header is empty over at least one of them.
  if (below.length >= header.length - 1 && below.length <= header.length + 1) {
    if (!named.some((cell, index) => cell !== '' && (header[index] ?? '').trim() === '')) return undefined;
    return Array.from({ length: Math.max(header.length, below.length) }, (_, index) => (named[index] ? below[index]!.trim() : (header[index] ?? '')));
  }
  // A page that dropped the empty cells ("牵头单位 | 配合单位" under "责任单位"): the lower names all of one kind replace the one header cell of that kind.
  const kind = classifyHeader(filled[0]!);
  const parents = header.flatMap((cell, index) => (classifyHeader(cell) === kind ? [index] : []));
  if (named.length !== filled.length || !filled.every((cell) => classifyHeader(cell) === kind) || parents.length !== 1) return undefined;
  return [...header.slice(0, parents[0]), ...filled, ...header.slice(parents[0]! + 1)];
}

/** Rows (header first) with a second header row folded into the header (withSubHeader); the same rows when there is none. */
export function withSubHeaderRow(rows: readonly GridRow[]): GridRow[] {
  const [header, below, ...rest] = rows;
  const merged = header && below && withSubHeader(texts(header), texts(below));
  return merged ? [{ ...header!, cells: merged.map((text) => ({ text, line: header!.line })) }, ...rest] : [...rows];
}

/**
 * Whether a row repeats the header: a table copied from several pages, or a 台账 that prints its header again
 * above each part, writes the header's words again as a row (two or more cells, each one of the header's).
 * Made once per header, asked of every row.
 */
export function repeatsHeader(header: readonly string[]): (cells: readonly string[]) => boolean {
  const named = header.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
  const words = new Set(named);
  const whole = named.join('');
  return (cells) => {
    // Cheap first: a row of the header's words starts with one of them.
    const first = cells.find((cell) => cell.trim() !== '')?.replace(/\s+/g, '');
    if (!first || !whole.includes(first)) return false;
    const filled = cells.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
    // A cell of two words may come apart in one copy and not the other (区本级 任务数).
    return filled.length >= 2 && (filled.every((cell) => words.has(cell)) || filled.join('') === whole);
  };
}

/** A line that may be one header cell: short, one word (no tab, no sentence), spaced only inside a known name (分管 市领导). */
const headerCellLine = (line: string) => {
  const cell = line.trim();
  if (cell === '' || cell.length > 16 || /[\t，。；;,]/.test(cell)) return false;
  return !/\s/.test(cell) || classifyHeader(cell) !== undefined;
};

/**
 * A header written one cell per line above rows written one per line (a page that renders its header cells as
 * blocks and its rows as lines): the header's cells gathered onto its first line — parted by tabs when the
 * rows are, else by two spaces — and its other lines left blank, so every line keeps its number. The same
 * lines when no header is written so.
 */
export function gatherHeaderLines(lines: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  const cellOf = (group: readonly number[]) => group.map((line) => lines[line]!.trim()).join('').replace(/\s+/g, '');
  for (let start = 0; start < lines.length; start++) {
    if (!headerCellLine(lines[start]!) || classifyHeader(lines[start]!.trim()) === undefined) continue;
    const run: number[] = [];
    let index = start;
    for (; index < lines.length && run.length < 24; index++) {
      if (lines[index]!.trim() === '') continue;
      if (!headerCellLine(lines[index]!)) break;
      run.push(index);
    }
    // With blank lines between most cells, the lines of one block are one cell a narrow column wrapped (建设起 / 止年限).
    const gaps = run.slice(1).filter((line, at) => line > run[at]! + 1).length;
    const blocks = run.length > 2 && gaps * 2 >= run.length - 1;
    // Without, a cell wrapped onto two lines is one where together its pieces name a column (建设起 / 止年限, 总投资 / (万元)).
    const groups: number[][] = [];
    for (const line of run) {
      const previous = groups.at(-1);
      const piece = lines[line]!.trim();
      const wrapped = previous && (blocks ? previous.at(-1) === line - 1 : continuesHeaderCell(cellOf(previous), piece) || /^[（(][\u4e00-\u9fa5%％]{1,4}[)）]$/.test(piece));
      if (previous && wrapped) previous.push(line);
      else if (groups.length < 12) groups.push([line]);
      else break;
    }
    // A header starts at its 序号 when it has one: a caption above it (2016年民生实事目标任务分解表) is no column.
    const numberAt = groups.findIndex((group) => classifyHeader(cellOf(group)) === 'number');
    if (numberAt > 0) groups.splice(0, numberAt);
    const cells = groups.map(cellOf);
    if (groups.length < 3 || !looksLikeHeader(cells)) {
      // Try again from a 序号 further in the run, else go on after it (a table of one cell per line is one long run).
      const number = groups.slice(1).find((group) => classifyHeader(cellOf(group)) === 'number');
      start = Math.max(start, (number?.[0] ?? index) - 1);
      continue;
    }
    // The first row, perhaps under a section heading or two: cells parted by tabs, or by spaces.
    const rows = lines.slice(index, index + 8).filter((line) => line.trim() !== '').slice(0, 3);
    const tabbed = rows.some((row) => row.split('\t').filter((cell) => cell.trim() !== '').length >= 2);
    const spaced = !tabbed && rows.some((row) => row.trim().split(/\s+/).length >= 2 && !headerCellLine(row));
    if (!tabbed && !spaced) continue;
    out ??= [...lines];
    out[groups[0]![0]!] = cells.join(tabbed ? '\t' : '  ');
    for (const line of groups.flat().slice(1)) out[line] = '';
    start = index;
  }
  return out ?? lines;
}

/** "工 作 任 务" → "工作任务", "2 0 2 2 年 度 目 标" → "2022年度目标": single characters (digits and dashes too) spaced out to fill a header cell. */
export function joinSpacedCharacters(line: string): string {
  return line.replace(/(?<![^\s])([\u4e00-\u9fa5\d\-—~～（）()])(?:[ \u3000]([\u4e00-\u9fa5\d\-—~～（）()]))+(?![^\s])/g, (run) => run.replace(/[ \u3000]/g, ''));
}

/**
 * Header pieces that name a column only together ("分管 县领导", "完成 时限"
 * where the page broke the cell) joined: a piece no column's name, beside
 * one it makes a column's name with.
 */
export function joinHeaderPieces(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const [index, piece] of pieces.entries()) {
    const previous = out.at(-1);
    const next = pieces[index + 1];
    // "第二季度 完成情况": a piece that names a column with the piece after it goes with that one, not the one before.
    const goesOn = next !== undefined && classifyHeader(piece) === undefined && classifyHeader(`${piece}${next}`) !== undefined && classifyHeader(next) !== undefined && /^[\u4e00-\u9fa5]{1,6}$/.test(piece);
    // "责任 领导", "责任 科室", "攻坚目标 任务": a bare 领导 / 科室 / 任务 after a short word is the end of that word's cell.
    // (Not a column of its own after a whole name that keeps its kind joined: "责任单位 时限" are two columns.)
    const joinedKind = previous !== undefined ? classifyHeader(`${previous}${piece}`) : undefined;
    const ownColumn = previous !== undefined && joinedKind === classifyHeader(previous) && classifyHeader(piece) !== undefined && classifyHeader(piece) !== joinedKind;
    const tail = previous !== undefined && /^(领导|科室|处室|单位|部门|任务|时限|时间|情况|内容|措施|要求)$/.test(piece) && /^[\u4e00-\u9fa5]{2,6}$/.test(previous) && joinedKind !== undefined && !ownColumn;
    // "责任股室 (单位)", "投资额 （万元）": a bracketed word after a named cell qualifies that cell.
    const qualifier = previous !== undefined && /^[（(][\u4e00-\u9fa5%％]{1,4}[)）]$/.test(piece) && classifyHeader(previous) !== undefined && classifyHeader(previous) !== 'number';
    if (tail || qualifier) {
      out[out.length - 1] = `${previous}${piece}`;
      continue;
    }
    if (previous !== undefined && !goesOn && /^[\u4e00-\u9fa5]{1,6}$/.test(previous) && continuesHeaderCell(previous, piece)) {
      out[out.length - 1] = `${previous}${piece}`;
      continue;
    }
    out.push(piece);
  }
  return out;
}
