/**
 * Writes a rebuilt document (rebuild-table.ts) as an office file: HTML with
 * rowspan/colspan for LibreOffice to turn into a Word document (its tables
 * get <w:vMerge> and <w:gridSpan>, as Word writes them), and an Excel
 * workbook through exceljs with merged ranges, one sheet per table.
 */
import ExcelJS from 'exceljs';
import type { Block, Row, Table } from './rebuild-table.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How many rows below a cell are merged into it. */
function rowSpan(rows: readonly Row[], rowIndex: number, column: number): number {
  let span = 1;
  while (rows[rowIndex + span]?.kind === 'body' && rows[rowIndex + span]!.cells[column]?.merged) span++;
  return span;
}

function tableHtml(table: Table): string {
  const rows = table.rows.map((row, rowIndex) => {
    const cells = row.cells.flatMap((cell, column) => {
      if (cell.merged || cell.covered) return [];
      const attributes = [cell.span && cell.span > 1 ? ` colspan="${cell.span}"` : '', row.kind === 'body' && rowSpan(table.rows, rowIndex, column) > 1 ? ` rowspan="${rowSpan(table.rows, rowIndex, column)}"` : ''].join('');
      const content = cell.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('');
      return [`<td${attributes}>${content}</td>`];
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  // The header row repeats on every page, as Word's 重复标题行 does.
  const headerRows = table.rows.findLastIndex((row) => row.kind === 'header') + 1;
  return `<table border="1" cellspacing="0" cellpadding="4">\n<thead>${rows.slice(0, headerRows).join('\n')}</thead>\n<tbody>${rows.slice(headerRows).join('\n')}</tbody>\n</table>`;
}

/** The page footer 公文 print: the page number as — 1 —, a field Writer fills in on every page. */
const PAGE_NUMBER_FOOTER = '<div title="footer"><p align="center">— <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> —</p></div>';

/** The document as HTML for LibreOffice's Writer import, with page numbers in the footer. */
export function documentHtml(blocks: readonly Block[], title: string): string {
  const body = blocks.map((block) => ('paragraph' in block ? `<p>${escape(block.paragraph)}</p>` : tableHtml(block.table))).join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body}\n${PAGE_NUMBER_FOOTER}\n</body></html>\n`;
}

/** A cell's value as Excel holds it: a typed number stays a number. */
function cellValue(text: string): string | number {
  return /^\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The document as an Excel workbook: each table on its own sheet, the paragraphs before it (and after the last) as merged rows. */
export async function documentXlsx(blocks: readonly Block[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // A fixed date, so that making the files again changes only what changed.
  workbook.created = workbook.modified = new Date('2026-01-01T00:00:00Z');
  const tables = blocks.filter((block): block is { table: Table } => 'table' in block);
  let sheet: ExcelJS.Worksheet | undefined;
  let pending: string[] = [];
  let row = 0;
  const writeParagraphs = (target: ExcelJS.Worksheet, paragraphs: string[], columns: number) => {
    for (const paragraph of paragraphs) {
      row++;
      target.getCell(row, 1).value = paragraph;
      if (columns > 1) target.mergeCells(row, 1, row, columns);
    }
  };
  for (const block of blocks) {
    if ('paragraph' in block) {
      pending.push(block.paragraph);
      continue;
    }
    const table = block.table;
    sheet = workbook.addWorksheet(`Sheet${tables.indexOf(block) + 1}`);
    row = 0;
    sheet.columns = Array.from({ length: table.columns }, () => ({ width: 24 }));
    writeParagraphs(sheet, pending, table.columns);
    pending = [];
    const first = row + 1;
    table.rows.forEach((tableRow, index) => {
      row++;
      tableRow.cells.forEach((cell, cellIndex) => {
        if (cell.merged || cell.covered) return;
        const target = sheet!.getCell(row, cellIndex + 1);
        target.value = cellValue(cell.paragraphs.join('\n'));
        target.alignment = { wrapText: true, vertical: 'middle' };
        const span = cell.span ?? 1;
        const down = tableRow.kind === 'body' ? rowSpan(table.rows, index, cellIndex) : 1;
        if (span > 1 || down > 1) sheet!.mergeCells(row, cellIndex + 1, row + down - 1, cellIndex + span);
      });
    });
    for (let r = first; r <= row; r++) {
      for (let c = 1; c <= table.columns; c++) sheet.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  if (sheet && pending.length > 0) writeParagraphs(sheet, pending, tables.at(-1)!.table.columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
