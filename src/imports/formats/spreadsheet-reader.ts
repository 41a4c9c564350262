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

function dateText(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (value instanceof Date) return dateText(value);
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date) return dateText(value.result);
  return cell.text ?? '';
}

/** Reads an .xlsx file's bytes; throws when they are not a workbook. */
export async function readXlsx(bytes: Buffer): Promise<PlanDocument> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: NumberedRow[][] = [];
  // Sheets after the first are numbered on after it, so warnings stay unambiguous.
  let offset = 0;
  for (const sheet of workbook.worksheets) {
    const rows: NumberedRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column)).trim());
      rows.push({ line: offset + rowNumber, cells });
    });
    tables.push(rows);
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
