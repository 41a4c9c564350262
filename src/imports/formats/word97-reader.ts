/**
 * Reads Word 97–2003 documents (.doc) and WPS text documents (.wps, which
 * WPS Office writes in the same OLE "WordDocument" format). Paragraphs,
 * cells and rows come from the document's own structure
 * (word97-structure.ts) into the grid the .docx reader gives: a vertically
 * merged cell's covered cells are empty ("same as above"), a cell merged
 * across columns sits in its first column, paragraphs and table rows share
 * one numbering; headers and footers are left out, as in .docx. A file
 * whose structure cannot be read falls back to word-extractor's text.
 * A ".doc" that is really a .docx is read as one (with its zip guards);
 * an OLE file without a Word stream (Microsoft Works, a renamed sheet)
 * and an RTF or web page saved as .doc get their own answer.
 */
import * as XLSX from '@e965/xlsx';
import WordExtractor from 'word-extractor';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';
import { readDocx } from './docx-reader.js';
import { isMarkupFile, isOleFile, isZipFile } from './file-signature.js';
import { documentOfRows, type NumberedRow } from './grid-of-rows.js';
import { DocumentRefused } from './size-limits.js';
import { wordParagraphs, type WordParagraph } from './word97-structure.js';

/** A line of text in a cell or paragraph, with its runs of blanks made one space. */
const tidy = (text: string) => text.replace(/[^\S\n]+/g, ' ').split('\n').map((line) => line.trim()).filter(Boolean).join('\n');

/** A row as Word stores it: its cells' texts and, when known, the cells' edges across the page. */
interface WordRow {
  cells: string[];
  edges?: number[];
  /** The cells (by index) that continue a cell merged down from the row above. */
  mergedAbove?: number[];
}

/** Edges closer than this (in twips, a twentieth of a point) are one column edge. */
const EDGE_TOLERANCE = 30;

/**
 * A table's rows on one grid of columns: every distinct cell edge across
 * the rows is a column edge, and a cell merged across columns fills its
 * first column and leaves the others empty, as the .docx reader does.
 * Rows whose edges are unknown keep their cells in order.
 */
function tableGrid(rows: readonly WordRow[], firstLine: number): NumberedRow[] {
  const known = rows.filter((row) => row.edges && row.edges.length === row.cells.length + 1);
  const edges: number[] = [];
  for (const edge of known.flatMap((row) => row.edges!).sort((a, b) => a - b)) {
    if (edges.length === 0 || edge - edges.at(-1)! > EDGE_TOLERANCE) edges.push(edge);
  }
  const columnAt = (edge: number) => {
    let best = 0;
    edges.forEach((candidate, index) => {
      if (Math.abs(candidate - edge) < Math.abs(edges[best]! - edge)) best = index;
    });
    return best;
  };
  const width = Math.max(edges.length - 1, ...rows.map((row) => row.cells.length));
  return rows.map((row, index) => {
    const cells = Array<string>(width).fill('');
    const mergedAbove: number[] = [];
    const placed = row.edges && row.edges.length === row.cells.length + 1 && edges.length > 1;
    row.cells.forEach((text, cell) => {
      const column = placed ? Math.min(columnAt(row.edges![cell]!), width - 1) : cell;
      cells[column] = cells[column] ? `${cells[column]}\n${text}` : text;
      if (row.mergedAbove?.includes(cell)) mergedAbove.push(column);
    });
    return { line: firstLine + index, cells, ...(mergedAbove.length > 0 ? { mergedAbove } : {}) };
  });
}

/**
 * Whether a row begins a new table right under another (two tables with
 * no paragraph between them are one run of rows in a .doc): both rows have
 * several cells and no inner cell edge in common, or the row's columns are
 * drawn elsewhere than the table's so far — fewer than half of its inner
 * edges are edges of the rows above (a row whose cells span columns keeps
 * the table's edges, only fewer of them).
 */
function startsAnotherTable(previous: WordRow | undefined, tableEdges: ReadonlySet<number>, edges: number[] | undefined, cells: number): boolean {
  if (!previous?.edges || !edges || previous.cells.length < 2 || cells < 2) return false;
  const near = (edge: number, list: Iterable<number>) => [...list].some((other) => Math.abs(other - edge) <= EDGE_TOLERANCE);
  if (!innerEdges(edges).some((edge) => near(edge, innerEdges(previous.edges!)))) return true;
  if (cells < 3) return false;
  return innerEdges(edges).filter((edge) => near(edge, tableEdges)).length * 2 < innerEdges(edges).length;
}

/** A row's edges between its cells (not the table's two sides). */
const innerEdges = (edges: readonly number[]) => edges.slice(1, -1);

/** Paragraphs and table rows of a Word document, numbered in order as the .docx reader numbers them. */
export function documentOfWordParagraphs(paragraphs: readonly WordParagraph[]): PlanDocument {
  const lines: { line: number; text: string }[] = [];
  const tables: NumberedRow[][] = [];
  let line = 0;
  let rows: WordRow[] = [];
  // The inner edges of the table's rows so far, each value once (rows repeat them): kept as rows come, not recounted per row.
  let tableEdges = new Set<number>();
  let cells: string[] = [];
  let cell: string[] = [];
  const endTable = () => {
    if (rows.length === 0) return;
    tables.push(tableGrid(rows, line + 1));
    line += rows.length;
    rows = [];
    tableEdges = new Set();
  };
  for (const paragraph of paragraphs) {
    if (paragraph.end === 'text') {
      endTable();
      const text = tidy(paragraph.text).replace(/\n/g, ' ');
      if (text) lines.push({ line: ++line, text });
      continue;
    }
    cell.push(paragraph.text);
    if (paragraph.end === 'cell-paragraph') continue;
    if (paragraph.end === 'cell') {
      cells.push(tidy(cell.join('\n')));
      cell = [];
      continue;
    }
    // The row mark: what is before it in its paragraph is no cell's (Word leaves it empty).
    cell = [];
    if (startsAnotherTable(rows.at(-1), tableEdges, paragraph.edges, cells.length)) endTable();
    rows.push({ cells, ...(paragraph.edges ? { edges: paragraph.edges } : {}), ...(paragraph.mergedAbove ? { mergedAbove: paragraph.mergedAbove } : {}) });
    for (const edge of paragraph.edges ? innerEdges(paragraph.edges) : []) tableEdges.add(edge);
    cells = [];
  }
  endTable();
  return documentOfRows(lines, tables);
}

/** The text word-extractor gives (tables as tab-separated lines), when the structure cannot be read. */
function documentOfPlainText(body: string): PlanDocument {
  const lines = body
    .split('\n')
    .map((text) => tidy(text.replace(/\t+/g, ' ')))
    .filter(Boolean)
    .map((text, index) => ({ line: index + 1, text }));
  return documentOfRows(lines, []);
}

/** The names of an OLE file's streams. */
function oleStreams(bytes: Buffer): string[] {
  const container = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[] };
  return container.FullPaths.map((path) => path.replace(/\/$/, '').split('/').at(-1)!);
}

/** Reads a .doc/.wps file's bytes; throws when they are not a Word document, DocumentRefused for a format it names. */
export async function readWord97(bytes: Buffer, fileName = '文档'): Promise<PlanDocument> {
  const extension = /\.[^.]+$/.exec(fileName)?.[0].toLowerCase() ?? '.doc';
  if (isZipFile(bytes)) return readDocx(bytes, fileName);
  const resave = `请用 WPS 或 Word 打开后另存为 .docx 再导入。`;
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') throw new DocumentRefused(`${fileName}：这份 ${extension} 文件实际是 RTF 格式，无法直接读取。${resave}`);
  if (isMarkupFile(bytes)) throw new DocumentRefused(`${fileName}：这份 ${extension} 文件实际是网页（HTML/MHT）格式，无法直接读取。${resave}`);
  if (!isOleFile(bytes)) throw new Error('not an OLE compound file');
  if (!oleStreams(bytes).includes('WordDocument')) {
    throw new DocumentRefused(`${fileName}：这份 ${extension} 文件不是 Word 97–2003 或 WPS 文字格式（可能是 Microsoft Works、早期 WPS 或改了扩展名的其他文件），无法直接读取。${resave}`);
  }
  try {
    return documentOfWordParagraphs(wordParagraphs(bytes));
  } catch {
    // A layout this reader does not know (Word 6, a fast-saved file): the text without its tables' structure.
    return documentOfPlainText((await new WordExtractor().extract(bytes)).getBody());
  }
}
