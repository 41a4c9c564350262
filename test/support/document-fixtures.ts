/**
 * Builds .docx, .xlsx and .csv files from a seed's text, the way an office
 * would hold the same plan: the paragraphs around the table as paragraphs,
 * the table as a real table, and runs of empty cells under a filled one as
 * merged cells (rowspan in Word, merged ranges in Excel). Prose plans become
 * one paragraph (or sheet row) per line.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { normalizeDocument } from '../../src/domain/imports/normalize-text.js';
import { tableRowsOfText } from '../../src/domain/imports/plan-parser.js';

/** A plan's content: lines outside the table, and the table as rectangular rows (header first). */
export interface PlanContent {
  before: string[];
  after: string[];
  /** Null for prose plans. */
  table: { header: string[]; headerSpans: number[]; rows: string[][] } | null;
}

const HEADING_TASK = /^[(（][一二三四五六七八九十]+[)）]/;

/** Reads a seed's text into paragraphs and a rectangular table. */
export function planContentOf(rawText: string): PlanContent {
  const lines = normalizeDocument(rawText).text.split('\n');
  const rows = tableRowsOfText(rawText);
  if (!rows) return { before: lines.filter((line) => line.trim() !== ''), after: [], table: null };
  const [headerRow, ...bodyRows] = rows;
  const header = headerRow!.cells.map((cell) => cell.text.trim());
  while (header.at(-1) === '') header.pop();
  let body = bodyRows.map((row) => row.cells.map((cell) => cell.text.trim()));
  // Word writes the cell spanned by a merged category as nothing at all; a table has it empty.
  body = body.map((cells) => (HEADING_TASK.test(cells[0] ?? '') ? ['', ...cells] : cells));
  const width = Math.max(header.length, ...body.map((cells) => cells.length));
  // A header shorter than its rows spans its 工作任务 cell over the category columns.
  const headerSpans = header.map((cell) => (/任务/.test(cell) ? 1 + width - header.length : 1));
  // A row without a second-level category has that cell empty in a real table.
  const spanned = headerSpans.findIndex((span) => span > 1);
  const rectangular = body
    .map((cells) => (spanned >= 0 && cells.length === width - 1 && /^\d+$/.test(cells[0] ?? '') ? [...cells.slice(0, spanned + 1), '', ...cells.slice(spanned + 1)] : cells))
    .map((cells) => [...cells, ...Array<string>(width - cells.length).fill('')]);
  const first = headerRow!.line;
  const last = bodyRows.at(-1)?.line ?? first;
  const lastLine = Math.max(last, ...bodyRows.flatMap((row) => row.cells.map((cell) => cell.line + cell.text.split('\n').length - 1)));
  return {
    before: lines.slice(0, first - 1).filter((line) => line.trim() !== ''),
    after: lines.slice(lastLine).filter((line) => line.trim() !== '' && !line.startsWith('\t')),
    table: { header, headerSpans, rows: rectangular },
  };
}

/** For each body cell, how many rows it spans (0 where covered by a cell above). */
function verticalSpans(rows: readonly string[][]): number[][] {
  const spans = rows.map((cells) => cells.map(() => 1));
  const width = rows[0]?.length ?? 0;
  for (let column = 0; column < width; column++) {
    let top = -1;
    rows.forEach((cells, index) => {
      if (cells[column] !== '' || top < 0) {
        top = cells[column] !== '' ? index : -1;
        return;
      }
      spans[top]![column]!++;
      spans[index]![column] = 0;
    });
  }
  return spans;
}

function paragraphsOf(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

/** The plan as a Word document. */
export async function docxOf(content: PlanContent): Promise<Buffer> {
  const children: (Paragraph | Table)[] = content.before.map((line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(line)] }));
  if (content.table) {
    const { header, headerSpans, rows } = content.table;
    const spans = verticalSpans(rows);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: header.map((cell, index) => new TableCell({ columnSpan: headerSpans[index], children: paragraphsOf(cell) })),
          }),
          ...rows.map(
            (cells, rowIndex) =>
              new TableRow({
                children: cells.flatMap((cell, column) => {
                  const span = spans[rowIndex]![column]!;
                  if (span === 0) return [];
                  return [new TableCell({ rowSpan: span, children: paragraphsOf(cell) })];
                }),
              }),
          ),
        ],
      }),
    );
  }
  children.push(...content.after.map((line) => new Paragraph({ children: [new TextRun(line)] })));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The plan as an Excel workbook: title rows, then the table with merged cells. */
export async function xlsxOf(content: PlanContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工');
  for (const line of content.before) sheet.addRow([line]);
  if (content.table) {
    const { header, headerSpans, rows } = content.table;
    const headerRow = sheet.addRow(header.flatMap((cell, index) => [cell, ...Array<string>(headerSpans[index]! - 1).fill('')]));
    let column = 1;
    header.forEach((_, index) => {
      if (headerSpans[index]! > 1) sheet.mergeCells(headerRow.number, column, headerRow.number, column + headerSpans[index]! - 1);
      column += headerSpans[index]!;
    });
    const spans = verticalSpans(rows);
    const firstBody = headerRow.number + 1;
    rows.forEach((cells) => {
      const row = sheet.addRow(cells);
      row.alignment = { wrapText: true, vertical: 'top' };
    });
    spans.forEach((spanRow, rowIndex) =>
      spanRow.forEach((span, columnIndex) => {
        if (span > 1) sheet.mergeCells(firstBody + rowIndex, columnIndex + 1, firstBody + rowIndex + span - 1, columnIndex + 1);
      }),
    );
  }
  for (const line of content.after) sheet.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan as a CSV file, quoted as Excel writes it; merged cells are simply empty. */
export function csvOf(content: PlanContent): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows: string[][] = content.before.map((line) => [line]);
  if (content.table) {
    const { header, headerSpans, rows: body } = content.table;
    rows.push(header.flatMap((cell, index) => [cell, ...Array<string>(headerSpans[index]! - 1).fill('')]), ...body);
  }
  rows.push(...content.after.map((line) => [line]));
  return Buffer.from(`\uFEFF${rows.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}
