/**
 * Reads task ledgers kept as spreadsheets: .xlsx through exceljs, .csv
 * through csv-parse. Each sheet is a table; a merged cell's covered cells
 * read as empty, which the table reader takes as "same as above". Dates
 * typed as Excel dates become "2016年12月31日" so that the deadline reader
 * understands them like written ones. Line numbers are the sheet's row
 * numbers, as the user sees them in Excel.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';
import { decodeText } from './decode-text.js';
import { documentOfRows, type NumberedRow } from './grid-of-rows.js';
import { checkArchive, DocumentRefused } from './size-limits.js';

/** A date as the deadline reader understands it: 2016年12月31日. */
export function dateText(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (value instanceof Date) return dateText(value);
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date) return dateText(value.result);
  return cell.text ?? '';
}

/**
 * Columns every row of a sheet is padded to, at most. A task table has a
 * few dozen; a sheet with more used columns keeps them, but only its rows
 * that reach there are that long, so reading stays linear in the cells.
 */
const PADDED_COLUMNS = 256;

/** Empty columns kept of a run of columns no row uses (a cell far out in column XFD leaves 16,000 of them). */
const KEPT_EMPTY_COLUMNS = 8;

/** A sheet row as read: its number and the texts of the cells that hold something, by column. */
export interface SheetRow {
  rowNumber: number;
  cells: { column: number; text: string }[];
  /** How far the row's cells reach (its last cell, even an empty styled one). */
  reach: number;
  /** The columns a merged range from a row above covers. */
  mergedAbove?: number[];
}

/**
 * The rows of a sheet as rectangular grid rows, reading only the cells that
 * exist. The sheet's used range is not trusted (one cell in column XFD
 * makes it 16,384 columns wide): columns that no row fills are kept only as
 * a short run of empty columns, so the table keeps its shape and its empty
 * columns, and nothing iterates the empty width.
 */
export function rowsOfSheet(sheetRows: readonly SheetRow[], offset: number): NumberedRow[] {
  const used = [...new Set(sheetRows.flatMap((row) => row.cells.map((cell) => cell.column)))].sort((a, b) => a - b);
  const reach = Math.max(0, ...sheetRows.map((row) => row.reach));
  // Where each used column lands once the long runs of unused columns are shortened.
  const position = new Map<number, number>();
  let next = 0;
  let previous = 0;
  for (const column of used) {
    next += Math.min(column - previous - 1, KEPT_EMPTY_COLUMNS);
    position.set(column, next++);
    previous = column;
  }
  const width = Math.min(next + Math.min(reach - previous, KEPT_EMPTY_COLUMNS), PADDED_COLUMNS);
  return sheetRows.map((row) => {
    const last = row.cells.length > 0 ? position.get(row.cells.at(-1)!.column)! + 1 : 0;
    const cells = Array<string>(Math.max(width, last)).fill('');
    for (const cell of row.cells) cells[position.get(cell.column)!] = cell.text;
    const mergedAbove = (row.mergedAbove ?? []).flatMap((column) => (position.has(column) ? [position.get(column)!] : []));
    return { line: offset + row.rowNumber, cells, ...(mergedAbove.length > 0 ? { mergedAbove } : {}) };
  });
}

/**
 * The most cells a workbook's merged ranges may cover. exceljs makes every
 * covered cell when it loads a merge, so one range over A1:XFD1048576 is 17
 * billion cells; a real task sheet merges a few thousand.
 */
export const MAX_MERGED_CELLS = 200_000;

/** The answer for a workbook whose merged ranges cover more than MAX_MERGED_CELLS. */
export function tooMuchMerged(fileName: string, cells: number): DocumentRefused {
  return new DocumentRefused(
    `${fileName}：表格中的合并单元格共覆盖 ${cells.toLocaleString('en-US')} 个单元格（例如整行、整列或整张表合并），远超任务表格所需，没有导入。请取消这些大范围的合并，只保留任务表格后另存再导入。`,
  );
}

/** Column letters to a number: A → 1, XFD → 16,384. */
function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/** Counts the cells the merged ranges of the sheets' XML cover, as the text streams past. */
function mergedCellCounter() {
  const tails = new Map<string, string>();
  let cells = 0;
  return {
    get cells() {
      return cells;
    },
    onChunk(name: string, chunk: Buffer) {
      const text = (tails.get(name) ?? '') + chunk.toString('latin1');
      let consumed = 0;
      for (const match of text.matchAll(/<mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"[^>]*>/g)) {
        const [, left, top, right, bottom] = match;
        cells += (Math.abs(columnNumber(right!) - columnNumber(left!)) + 1) * (Math.abs(Number(bottom) - Number(top)) + 1);
        consumed = match.index + match[0].length;
      }
      // A tag cut at the chunk's end is read with the next chunk.
      tails.set(name, text.slice(Math.max(consumed, text.length - 200)));
    },
  };
}

/** Reads an .xlsx file's bytes; throws when they are not a workbook, DocumentRefused when it unzips too big or merges too much. */
export async function readXlsx(bytes: Buffer, fileName = '表格'): Promise<PlanDocument> {
  const merged = mergedCellCounter();
  await checkArchive(fileName, bytes, { entries: /^xl\/worksheets\/[^/]+\.xml$/, onChunk: merged.onChunk });
  if (merged.cells > MAX_MERGED_CELLS) {
    throw tooMuchMerged(fileName, merged.cells);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: NumberedRow[][] = [];
  // Sheets after the first are numbered on after it, so warnings stay unambiguous.
  let offset = 0;
  for (const sheet of workbook.worksheets) {
    const sheetRows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetRow['cells'] = [];
      const mergedAbove: number[] = [];
      // Only the cells that exist, in column order; a merged cell's covered cells read as empty, those under its first row marked.
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.isMerged && cell.master !== cell && Number(cell.master.row) < rowNumber) mergedAbove.push(column);
        const text = cellText(cell).trim();
        if (text !== '') cells.push({ column, text });
      });
      sheetRows.push({ rowNumber, cells, reach: row.cellCount, ...(mergedAbove.length > 0 ? { mergedAbove } : {}) });
    });
    tables.push(rowsOfSheet(sheetRows, offset));
    offset += sheet.rowCount;
  }
  return documentOfRows([], tables);
}

/** Reads a .csv file's bytes (UTF-8 or GBK, comma or tab separated). */
export function readCsv(bytes: Buffer): PlanDocument {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const rows = records.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }));
  return documentOfRows([], [rows.filter((row) => row.cells.some(Boolean))]);
}
