/**
 * The stress set of the flattened-table readers, made without new gold: each
 * tuned table document of the corpus (test/fixtures/real/, family table-flat
 * or table-delimited) is rebuilt as the grid its table spec says the page
 * held (scripts/office-fixtures/table-specs.ts, written from the text alone),
 * and that grid is flattened again the other ways web pages and copy-paste
 * flatten tables: one cell per line with or without blank lines, one row per
 * line with spaces or tabs, the header wrapped onto two lines or spaced out
 * (工 作 任 务), the 序号 column gone, an extra 备注 column. Every variant
 * keeps the document's own text around the table and must give the same
 * gold: the cells are the same, only the flattening differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rebuildDocument, type Block, type Cell, type Row, type Table } from '../../scripts/office-fixtures/rebuild-table.js';
import { TABLE_SPECS } from '../../scripts/office-fixtures/table-specs.js';
import type { Gold } from './import-scoring.js';

const dir = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

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
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const slug = file.replace(/\.json$/, '');
      const gold = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Gold;
      const specs = TABLE_SPECS[slug];
      if (gold.split !== 'tune' || !/^table-/.test(gold.family) || !specs) return [];
      return [{ slug, gold, blocks: rebuildDocument(readFileSync(`${dir}${slug}.txt`, 'utf8'), specs, slug) }];
    });
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

/** Header cells of four characters or more wrapped after their second (完成时限 → 完成 / 时限), as a narrow Word column does. */
function wrapped(cell: Cell): string[] {
  const text = cell.paragraphs.join('').replace(/\s+/g, '');
  return text.length >= 4 ? [text.slice(0, 2), text.slice(2)] : [text];
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
      if (spacedHeader && row.kind === 'header') return cells.map((text) => [...text.replace(/\s+/g, '')].join(' ')).join('  ');
      return cells.join(' ');
    });
}

/** One row per line, cells parted by tabs, empty and merged cells kept as empty (a browser's copy of an HTML table). */
function tabs(table: Table): string[] {
  return table.rows.map((row) => (row.kind === 'section' ? row.cells[0]!.paragraphs.join(' ') : row.cells.filter((cell) => !cell.covered).map((cell) => cell.paragraphs.join(' ')).join('\t')));
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
];

/** A document's text with each table written by one flattening, the paragraphs around it as they were. */
export function reflatten(blocks: readonly Block[], flattening: Flattening): string {
  return blocks.flatMap((block) => ('paragraph' in block ? [block.paragraph] : ['', ...flattening.render(block.table), ''])).join('\n');
}
