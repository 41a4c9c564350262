/**
 * Reads Excel 97–2003 workbooks (.xls) and WPS spreadsheets (.et), both
 * OLE compound files in the BIFF8 format, through SheetJS (@e965/xlsx,
 * the current SheetJS release republished on the npm registry: Apache-2.0,
 * no dependencies, reads BIFF2–8 and the merged ranges). Sheets become the
 * same grid the .xlsx reader gives: a merged range's covered cells read as
 * empty ("same as above"), Excel dates as 2016年12月31日, rows numbered as
 * Excel shows them. A ".xls" that is really an .xlsx is read as one (with
 * its zip guards); an HTML or XML table saved as .xls is read as a sheet.
 */
import * as XLSX from '@e965/xlsx';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';
import { isMarkupFile, isOleFile, isZipFile } from './file-signature.js';
import { documentOfRows, type NumberedRow } from './grid-of-rows.js';
import { MAX_MERGED_CELLS, readXlsx, rowsOfSheet, tooMuchMerged, type SheetRow } from './spreadsheet-reader.js';

/** A cell's text: an Excel date as the deadline reader reads it, else the text Excel shows. */
function cellText(cell: XLSX.CellObject): string {
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
    const date = XLSX.SSF.parse_date_code(cell.v) as { y: number; m: number; d: number };
    return `${date.y}年${date.m}月${date.d}日`;
  }
  if (cell.w !== undefined) return cell.w;
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/** The cells merged ranges cover, all sheets together (SheetJS keeps ranges, but a range over a whole sheet is no task table). */
function mergedCells(workbook: XLSX.WorkBook): number {
  let cells = 0;
  for (const name of workbook.SheetNames) {
    for (const range of workbook.Sheets[name]?.['!merges'] ?? []) cells += (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
  }
  return cells;
}

/** Reads an .xls/.et file's bytes; throws when they are not a workbook, DocumentRefused when its merges cover too much. */
export async function readXls(bytes: Buffer, fileName = '表格'): Promise<PlanDocument> {
  if (isZipFile(bytes)) return readXlsx(bytes, fileName);
  if (!isOleFile(bytes) && !isMarkupFile(bytes)) throw new Error('not an OLE compound file');
  // Dense sheets: rows are arrays of the cells that exist, so a cell far out in the sheet costs nothing to skip.
  const workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellHTML: false, cellFormula: false, cellStyles: false, bookVBA: false });
  const covered = mergedCells(workbook);
  if (covered > MAX_MERGED_CELLS) throw tooMuchMerged(fileName, covered);
  const tables: NumberedRow[][] = [];
  let offset = 0;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name] as XLSX.DenseSheet | undefined;
    const data = sheet?.['!data'] ?? [];
    const hidden = new Set<string>();
    // The columns of each row a merged range from a row above covers.
    const mergedAbove = new Map<number, number[]>();
    for (const range of sheet?.['!merges'] ?? []) {
      for (let r = range.s.r; r <= range.e.r; r++) {
        for (let c = range.s.c; c <= range.e.c; c++) if ((r !== range.s.r || c !== range.s.c) && data[r]?.[c]) hidden.add(`${r}:${c}`);
        if (r > range.s.r) mergedAbove.set(r, [...(mergedAbove.get(r) ?? []), ...Array.from({ length: range.e.c - range.s.c + 1 }, (_, at) => range.s.c + at + 1)]);
      }
    }
    const sheetRows: SheetRow[] = [];
    let lastRow = 0;
    data.forEach((row, r) => {
      if (!row) return;
      const cells: SheetRow['cells'] = [];
      row.forEach((cell, c) => {
        if (!cell || hidden.has(`${r}:${c}`)) return;
        const text = cellText(cell).trim();
        if (text !== '') cells.push({ column: c + 1, text });
      });
      if (cells.length === 0) return;
      const covered = mergedAbove.get(r);
      sheetRows.push({ rowNumber: r + 1, cells, reach: row.length, ...(covered ? { mergedAbove: covered } : {}) });
      lastRow = r + 1;
    });
    tables.push(rowsOfSheet(sheetRows, offset));
    offset += lastRow;
  }
  return documentOfRows([], tables);
}
