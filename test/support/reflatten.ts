/**
 * The stress set of the flattened-table readers, made without new gold: each
 * tuned table document of the corpus (test/fixtures/real/, family table-flat
 * or table-delimited) is rebuilt as the grid its table spec says the page
 * held (scripts/office-fixtures/table-specs.ts, written from the text alone),
 * and that grid is flattened again the other ways web pages and copy-paste
 * flatten tables: one cell per line with or without blank lines, one row per
 * line with spaces or tabs, the header wrapped onto two lines or spaced out
 * (工 作 任 务), the 序号 column gone, an extra 备注 column, the header in
 * other offices' words (主办单位, 时间节点), the deadline column before the
 * units, a 进展情况 column of words, the unit columns under one spanning 责任单位 (a header of two rows), the
 * header written again halfway down (a table copied from two pages), the table cut in two by blank lines, a
 * task cell spanning two named columns, the section headings drawn as a column left of the 序号, the header
 * flattened one way and the rows another (a header line over cells one per line, header cells one per line
 * over rows on one line), the rows numbered 一, 二, 三, a unit, leader or deadline cell merged down over the rows
 * below that hold the same.
 * Every variant
 * keeps the document's own text around the table and must give the same
 * gold: the cells are the same, only the flattening differs.
 */
import { rebuildDocument, type Block, type Cell, type Row, type Table } from '../../scripts/office-fixtures/rebuild-table.js';
import { TABLE_SPECS } from '../../scripts/office-fixtures/table-specs.js';
import { classifyHeaders } from '../../src/domain/imports/layouts/columns.js';
import { corpusDocuments } from './corpus-documents.js';
import type { Gold } from './import-scoring.js';

/** One way of writing a table as text. */
export interface Flattening {
  name: string;
  /** The table's text lines. */
  render(table: Table): string[];
}

/** A tuned table document with its rebuilt blocks and its gold. */
export interface TableDocument {
  slug: string;
  gold: Gold;
  blocks: Block[];
}

/** Every tuned table-flat / table-delimited document whose table spec rebuilds it. */
export function tunedTableDocuments(): TableDocument[] {
  return corpusDocuments((gold, slug) => gold.split === 'tune' && /^table-/.test(gold.family) && TABLE_SPECS[slug] !== undefined).map(({ slug, gold, text }) => ({
    slug,
    gold,
    blocks: rebuildDocument(text, TABLE_SPECS[slug]!, slug),
  }));
}

const isNumberHeader = (cell: Cell) => /^序\s*号$/.test(cell.paragraphs.join('').trim());

/** The table without its 序号 column (a page that left it out). */
export function withoutNumber(table: Table): Table {
  const header = table.rows.find((row) => row.kind === 'header');
  const at = header ? header.cells.findIndex(isNumberHeader) : -1;
  if (at < 0) return table;
  const rows = table.rows.map((row): Row => {
    if (row.kind === 'section') return { kind: 'section', cells: [{ paragraphs: row.cells[0]!.paragraphs, span: table.columns - 1 }, ...Array.from({ length: table.columns - 2 }, () => ({ paragraphs: [], covered: true }))] };
    const cells = [...row.cells];
    const [dropped] = cells.splice(at, 1);
    // A cell spanning the 序号 column and more keeps the rest of its span.
    if (dropped && (dropped.span ?? 1) > 1 && cells[at]?.covered) cells[at] = { paragraphs: dropped.paragraphs, ...(dropped.span! > 2 ? { span: dropped.span! - 1 } : {}) };
    if (dropped?.covered) {
      let left = at - 1;
      while (left >= 0 && cells[left]!.covered) left--;
      if (left >= 0 && cells[left]!.span) cells[left] = { ...cells[left]!, ...(cells[left]!.span! > 2 ? { span: cells[left]!.span! - 1 } : { span: undefined }) };
    }
    return { kind: row.kind, cells };
  });
  return { columns: table.columns - 1, rows };
}

/** The table with an empty 备注 column at its end (pages often keep one). */
export function withRemarks(table: Table): Table {
  return {
    columns: table.columns + 1,
    rows: table.rows.map((row): Row => {
      if (row.kind === 'section') return { kind: 'section', cells: [{ paragraphs: row.cells[0]!.paragraphs, span: table.columns + 1 }, ...row.cells.slice(1), { paragraphs: [], covered: true }] };
      return { kind: row.kind, cells: [...row.cells, { paragraphs: row.kind === 'header' ? ['备注'] : [] }] };
    }),
  };
}

/** Header words other offices use for the same columns (工作任务 → 任务内容, 牵头单位 → 主办单位, 完成时限 → 时间节点 …): each keeps its column's role. */
const HEADER_SYNONYMS: readonly [RegExp, string][] = [
  [/^(工作任务|重点工作任务|主要任务|重点任务)$/, '任务内容'],
  [/^牵头单位$/, '主办单位'],
  [/^牵头部门$/, '牵头责任单位'],
  [/^责任单位$/, '责任部门'],
  [/^配合单位$/, '协办单位'],
  [/^完成时限$/, '时间节点'],
  [/^完成时间$/, '完成期限'],
];

const cellWords = (cell: Cell) => cell.paragraphs.join('').replace(/\s+/g, '');

/** The table with its header written in other offices' words. */
export function withSynonyms(table: Table): Table {
  const rename = (cell: Cell): Cell => {
    const found = HEADER_SYNONYMS.find(([words]) => words.test(cellWords(cell)));
    return found ? { ...cell, paragraphs: [found[1]] } : cell;
  };
  return { ...table, rows: table.rows.map((row): Row => (row.kind === 'header' ? { ...row, cells: row.cells.map(rename) } : row)) };
}

/** The table with its deadline column moved before its first unit column (完成时限 | 牵头单位), when no cell spans columns. */
export function withDeadlineFirst(table: Table): Table {
  const header = table.rows.find((row) => row.kind === 'header');
  if (!header || table.rows.some((row) => row.kind !== 'section' && row.cells.some((cell) => (cell.span ?? 1) > 1))) return table;
  const words = header.cells.map(cellWords);
  const deadline = words.findIndex((word) => /时限|时间|期限|节点/.test(word));
  const units = words.findIndex((word) => /单位|部门|牵头|主办/.test(word));
  if (deadline < 0 || units < 0 || deadline < units) return table;
  return {
    ...table,
    rows: table.rows.map((row): Row => {
      if (row.kind === 'section') return row;
      const cells = [...row.cells];
      const [moved] = cells.splice(deadline, 1);
      cells.splice(units, 0, moved!);
      return { ...row, cells };
    }),
  };
}

/** The table with a 进展情况 column of words at its end, as a 台账 keeps one. */
export function withProgress(table: Table): Table {
  const words = ['正在推进', '已完成初稿，正在征求意见', '按计划推进中', '已启动'];
  let next = 0;
  return {
    columns: table.columns + 1,
    rows: table.rows.map((row): Row => {
      if (row.kind === 'section') return { kind: 'section', cells: [{ paragraphs: row.cells[0]!.paragraphs, span: table.columns + 1 }, ...row.cells.slice(1), { paragraphs: [], covered: true }] };
      return { kind: row.kind, cells: [...row.cells, { paragraphs: row.kind === 'header' ? ['进展情况'] : [words[next++ % words.length]!] }] };
    }),
  };
}

/**
 * The table with its lead and cooperating unit columns under one spanning 责任单位 cell, a header of two rows (the
 * other header cells merged down over both), as many offices draw it; unchanged when those columns are not side by side.
 */
export function withTwoLevelHeader(table: Table): Table {
  const headerAt = table.rows.findIndex((row) => row.kind === 'header');
  const header = table.rows[headerAt];
  if (!header || table.rows.filter((row) => row.kind === 'header').length !== 1 || header.cells.some((cell) => cell.covered || (cell.span ?? 1) > 1)) return table;
  const words = header.cells.map(cellWords);
  const lead = words.findIndex((word) => /牵头|主办|主责/.test(word) && /单位|部门/.test(word));
  if (lead < 0 || !/配合|协办|协同|参与|责任单位|责任部门/.test(words[lead + 1] ?? '')) return table;
  const upper: Row = { kind: 'header', cells: header.cells.map((cell, index) => (index === lead ? { paragraphs: ['责任单位'], span: 2 } : index === lead + 1 ? { paragraphs: [], covered: true } : cell)) };
  const lower: Row = { kind: 'header', cells: header.cells.map((cell, index) => (index === lead || index === lead + 1 ? cell : { paragraphs: [], merged: true })) };
  return { ...table, rows: [...table.rows.slice(0, headerAt), upper, lower, ...table.rows.slice(headerAt + 1)] };
}

/** The table with a caption row across its top (2024年重点工作任务分解表), as Word tables often open. */
export function withCaptionRow(table: Table, caption: string): Table {
  const spanned: Row = { kind: 'section', cells: [{ paragraphs: [caption], span: table.columns }, ...Array.from({ length: table.columns - 1 }, () => ({ paragraphs: [], covered: true }))] };
  return { ...table, rows: [spanned, ...table.rows] };
}

/** The table with its header written again halfway down, at a row no merged cell runs through (a table copied from two pages). */
export function withRepeatedHeader(table: Table): Table {
  const headers = table.rows.filter((row) => row.kind === 'header');
  let at = Math.floor(table.rows.length / 2);
  while (at < table.rows.length && table.rows[at]!.cells.some((cell) => cell.merged)) at++;
  if (headers.length === 0 || at <= headers.length || at >= table.rows.length) return table;
  return { ...table, rows: [...table.rows.slice(0, at), ...headers.map((row): Row => ({ ...row, kind: 'body' })), ...table.rows.slice(at)] };
}

/** The table cut in two at a row no merged cell runs through, the second part without a header (a Word table parted at a page break); the table alone when it is too short. */
export function halves(table: Table): Table[] {
  let at = Math.floor(table.rows.length / 2);
  while (at < table.rows.length && table.rows[at]!.cells.some((cell) => cell.merged)) at++;
  if (at >= table.rows.length || at <= table.rows.filter((row) => row.kind === 'header').length) return [table];
  return [{ ...table, rows: table.rows.slice(0, at) }, { ...table, rows: table.rows.slice(at) }];
}

/** A flattening of the table's halves with two blank lines between them: two tables a page shows apart. */
export function cutInTwo(render: Flattening['render']): Flattening['render'] {
  return (table) => halves(table).flatMap((half, index) => [...(index > 0 ? ['', ''] : []), ...render(half)]);
}

/**
 * The table with a 具体内容 column after its task column that every task cell spans (主要任务 | 具体内容 over one
 * cell a row), as offices draw a header wider than the body; unchanged when a body cell already spans columns.
 */
export function withTaskOverTwoColumns(table: Table): Table {
  const header = table.rows.find((row) => row.kind === 'header');
  const at = header ? header.cells.findIndex((cell) => /任务|事项|项目|实事|名称|问题|重点工作/.test(cellWords(cell)) && !/分类|类别|单位|部门|时限|要求/.test(cellWords(cell))) : -1;
  if (at < 0 || table.rows.some((row) => row.kind !== 'section' && row.cells.some((cell) => (cell.span ?? 1) > 1))) return table;
  return {
    columns: table.columns + 1,
    rows: table.rows.map((row): Row => {
      if (row.kind === 'section') return { ...row, cells: [{ ...row.cells[0]!, span: table.columns + 1 }, ...row.cells.slice(1), { paragraphs: [], covered: true }] };
      if (row.kind === 'header') return { ...row, cells: [...row.cells.slice(0, at + 1), { paragraphs: ['具体内容'] }, ...row.cells.slice(at + 1)] };
      const task = row.cells[at]!;
      return { ...row, cells: [...row.cells.slice(0, at), { ...task, span: 2 }, { paragraphs: [], covered: true, ...(task.merged ? { merged: true } : {}) }, ...row.cells.slice(at + 1)] };
    }),
  };
}

/**
 * The table with its section rows (一、… across the table) drawn as a column left of the 序号 instead, each heading
 * merged down its rows, the header's first cell spanning it and the 序号 (序号 over 一、… | 1); unchanged without sections.
 */
export function withHeadingsAsColumn(table: Table): Table {
  if (!table.rows.some((row) => row.kind === 'section') || table.rows.filter((row) => row.kind === 'header').length !== 1) return table;
  const rows: Row[] = [];
  let heading: string[] = [];
  let first = true;
  for (const row of table.rows) {
    if (row.kind === 'section') {
      heading = row.cells[0]!.paragraphs;
      first = true;
    } else if (row.kind === 'header') {
      rows.push({ ...row, cells: [{ ...row.cells[0]!, span: 2 }, { paragraphs: [], covered: true }, ...row.cells.slice(1)] });
    } else {
      rows.push({ ...row, cells: [first ? { paragraphs: heading } : { paragraphs: [], merged: true }, ...row.cells] });
      first = false;
    }
  }
  return { columns: table.columns + 1, rows };
}

/** Header cells of four characters or more wrapped after their second (完成时限 → 完成 / 时限), as a narrow Word column does. */
function wrapped(cell: Cell): string[] {
  const text = cell.paragraphs.join('').replace(/\s+/g, '');
  const all = characters(text);
  return all.length >= 4 ? [all.slice(0, 2).join(''), all.slice(2).join('')] : [text];
}

/** A text's characters, each with the pinyin a mirror page printed after it (責(zé)): a page never breaks inside the pinyin. */
function characters(text: string): string[] {
  return text.match(/.(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）])?/g) ?? [];
}

/** A cell the page shows: not covered by a span, not merged from above, not empty. */
const shown = (cell: Cell) => !cell.covered && !cell.merged && cell.paragraphs.some((paragraph) => paragraph.trim() !== '');

/** One cell per line (a cell's paragraphs each a line), a blank line after each cell; wrapHeader wraps header cells inside their cell. */
function blankLines(wrapHeader: boolean): Flattening['render'] {
  return (table) =>
    table.rows.flatMap((row) =>
      row.cells.filter(shown).flatMap((cell) => [...(wrapHeader && row.kind === 'header' ? wrapped(cell) : cell.paragraphs), '']),
    );
}

/** One cell per line, no blank lines; wrapHeader puts each half of a wrapped header cell on its own line. */
function lines(wrapHeader: boolean): Flattening['render'] {
  return (table) => table.rows.flatMap((row) => row.cells.filter(shown).flatMap((cell) => (wrapHeader && row.kind === 'header' ? wrapped(cell) : cell.paragraphs)));
}

/**
 * One row per line, cells parted by a space (empty and merged cells gone);
 * spacedHeader spaces out each header cell's characters (Word's 分散对齐:
 * 工 作 任 务), the cells two spaces apart.
 */
function spaced(spacedHeader: boolean): Flattening['render'] {
  return (table) =>
    table.rows.map((row) => {
      const cells = row.cells.filter(shown).map((cell) => cell.paragraphs.join(' '));
      if (spacedHeader && row.kind === 'header') return cells.map((text) => characters(text.replace(/\s+/g, '')).join(' ')).join('  ');
      return cells.join(' ');
    });
}

/** One row per line, cells parted by tabs, empty and merged cells kept as empty (a browser's copy of an HTML table). */
function tabs(table: Table): string[] {
  return table.rows.map((row) => (row.kind === 'section' ? row.cells[0]!.paragraphs.join(' ') : row.cells.filter((cell) => !cell.covered).map((cell) => cell.paragraphs.join(' ')).join('\t')));
}

/**
 * The header and the rows flattened differently, as a page whose header cells (th) are inline and data cells
 * blocks gives them, or the other way round: the header on one line with its cells parted by spaces and the
 * rows one cell per line, or each header cell on a line of its own and each row on one line.
 */
function headerApart(header: Flattening['render'], rows: Flattening['render']): Flattening['render'] {
  return (table) => {
    const first = table.rows.findIndex((row) => row.kind === 'header');
    if (first < 0) return rows(table);
    const part = (from: number, to: number): Table => ({ columns: table.columns, rows: table.rows.slice(from, to) });
    return [...rows(part(0, first)), ...header(part(first, first + 1)), ...rows(part(first + 1, table.rows.length))];
  };
}

/**
 * A unit, leader or deadline cell equal to the one above it merged into it, as offices merge a bureau that
 * leads several tasks in a row or one deadline for all: the rows below keep no text of their own there.
 */
export function withRepeatsMerged(table: Table): Table {
  const header = table.rows.find((row) => row.kind === 'header');
  if (!header) return table;
  const kinds = classifyHeaders(header.cells.map((cell) => cell.paragraphs.join('')));
  const mergeable = kinds.map((kind) => kind === 'units' || kind === 'leaders' || kind === 'deadline');
  const rows = table.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell })) }));
  for (let index = 1; index < rows.length; index++) {
    const [above, row] = [rows[index - 1]!, rows[index]!];
    if (above.kind !== 'body' || row.kind !== 'body') continue;
    row.cells.forEach((cell, column) => {
      const upper = above.cells[column];
      const text = cell.paragraphs.join('').trim();
      if (!mergeable[column] || !upper || cell.covered || upper.covered || (cell.span ?? 1) > 1 || (upper.span ?? 1) > 1 || text === '') return;
      // The cell above may itself be merged into the one above it: compare with the text the merge shows.
      let source = index - 1;
      while (source > 0 && rows[source]!.cells[column]!.merged) source--;
      if (rows[source]!.cells[column]!.paragraphs.join('').trim() === text) row.cells[column] = { paragraphs: [], merged: true };
    });
  }
  return { ...table, rows };
}

/** The 序号 column counted in Chinese numerals (一, 二 … 十一), as some offices number their rows. */
export function withChineseNumbers(table: Table): Table {
  const header = table.rows.find((row) => row.kind === 'header');
  const at = header ? header.cells.findIndex(isNumberHeader) : -1;
  if (at < 0) return table;
  return {
    ...table,
    rows: table.rows.map((row) => {
      const cell = row.cells[at];
      const number = cell?.paragraphs.join('').trim() ?? '';
      if (row.kind === 'header' || !/^\d{1,2}$/.test(number)) return row;
      const cells = [...row.cells];
      cells[at] = { ...cell!, paragraphs: [chineseNumber(Number(number))] };
      return { ...row, cells };
    }),
  };
}

function chineseNumber(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  return `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Every flattening of the stress set. */
export const FLATTENINGS: readonly Flattening[] = [
  { name: 'blank-lines', render: blankLines(false) },
  { name: 'lines', render: lines(false) },
  { name: 'spaced', render: spaced(false) },
  { name: 'tabs', render: tabs },
  { name: 'blank-lines, header wrapped', render: blankLines(true) },
  { name: 'lines, header wrapped', render: lines(true) },
  { name: 'spaced, header spaced out', render: spaced(true) },
  { name: 'blank-lines, no 序号', render: (table) => blankLines(false)(withoutNumber(table)) },
  { name: 'spaced, no 序号', render: (table) => spaced(false)(withoutNumber(table)) },
  { name: 'tabs, no 序号', render: (table) => tabs(withoutNumber(table)) },
  { name: 'blank-lines, 备注', render: (table) => blankLines(false)(withRemarks(table)) },
  { name: 'spaced, 备注', render: (table) => spaced(false)(withRemarks(table)) },
  { name: 'tabs, 备注', render: (table) => tabs(withRemarks(table)) },
  { name: 'tabs, other header words', render: (table) => tabs(withSynonyms(table)) },
  { name: 'blank-lines, other header words', render: (table) => blankLines(false)(withSynonyms(table)) },
  { name: 'spaced, other header words', render: (table) => spaced(false)(withSynonyms(table)) },
  { name: 'tabs, deadline first', render: (table) => tabs(withDeadlineFirst(table)) },
  { name: 'blank-lines, deadline first', render: (table) => blankLines(false)(withDeadlineFirst(table)) },
  { name: 'tabs, 进展情况', render: (table) => tabs(withProgress(table)) },
  { name: 'blank-lines, 进展情况', render: (table) => blankLines(false)(withProgress(table)) },
  { name: 'spaced, 进展情况', render: (table) => spaced(false)(withProgress(table)) },
  { name: 'tabs, two-level header', render: (table) => tabs(withTwoLevelHeader(table)) },
  { name: 'tabs, header repeated', render: (table) => tabs(withRepeatedHeader(table)) },
  { name: 'blank-lines, header repeated', render: (table) => blankLines(false)(withRepeatedHeader(table)) },
  { name: 'spaced, header repeated', render: (table) => spaced(false)(withRepeatedHeader(table)) },
  { name: 'tabs, task over two columns', render: (table) => tabs(withTaskOverTwoColumns(table)) },
  { name: 'tabs, headings as a column', render: (table) => tabs(withHeadingsAsColumn(table)) },
  { name: 'tabs, cut in two', render: cutInTwo(tabs) },
  { name: 'blank-lines, cut in two', render: cutInTwo(blankLines(false)) },
  { name: 'spaced, cut in two', render: cutInTwo(spaced(false)) },
  { name: 'header spaced, rows blank-lines', render: headerApart(spaced(false), blankLines(false)) },
  { name: 'header spaced, rows lines', render: headerApart(spaced(false), lines(false)) },
  { name: 'header lines, rows spaced', render: headerApart(lines(false), spaced(false)) },
  { name: 'header blank-lines, rows tabs', render: headerApart(blankLines(false), tabs) },
  { name: 'blank-lines, 序号 一二三', render: (table) => blankLines(false)(withChineseNumbers(table)) },
  { name: 'spaced, 序号 一二三', render: (table) => spaced(false)(withChineseNumbers(table)) },
  { name: 'tabs, 序号 一二三', render: (table) => tabs(withChineseNumbers(table)) },
  { name: 'blank-lines, repeats merged', render: (table) => blankLines(false)(withRepeatsMerged(table)) },
  { name: 'spaced, repeats merged', render: (table) => spaced(false)(withRepeatsMerged(table)) },
  { name: 'tabs, repeats merged', render: (table) => tabs(withRepeatsMerged(table)) },
];

/** The table without its header row(s): a page that starts in the middle of a table whose header was on the page before. */
export function withoutHeader(table: Table): Table {
  return { ...table, rows: table.rows.filter((row) => row.kind !== 'header') };
}

/**
 * Tables whose header is not in the text, flattened as pages flatten them. Apart from FLATTENINGS: with no
 * header, whether a unit column leads (牵头单位) or is responsible (责任单位) cannot be read, so these keep floors
 * of their own instead of weighing on the share over all.
 */
export const HEADERLESS_FLATTENINGS: readonly Flattening[] = [
  { name: 'blank-lines, header lost', render: (table) => blankLines(false)(withoutHeader(table)) },
  { name: 'lines, header lost', render: (table) => lines(false)(withoutHeader(table)) },
  { name: 'tabs, header lost', render: (table) => tabs(withoutHeader(table)) },
  { name: 'tabs, no 序号, header lost', render: (table) => tabs(withoutHeader(withoutNumber(table))) },
];

/** A document's text with each table written by one flattening, the paragraphs around it as they were. */
export function reflatten(blocks: readonly Block[], flattening: Flattening): string {
  return blocks.flatMap((block) => ('paragraph' in block ? [block.paragraph] : ['', ...flattening.render(block.table), ''])).join('\n');
}
