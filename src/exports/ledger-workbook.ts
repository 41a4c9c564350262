/**
 * Writes the 台账 as an .xlsx workbook (exceljs, the library the importer
 * reads spreadsheets with): a header row, one row per task, frozen header,
 * filters, widths that fit Chinese text, and the status coloured like the
 * cards' lights. Times are shown in the bot's time zone.
 */
import ExcelJS from 'exceljs';
import type { LedgerRow } from '../domain/ledger/ledger-rows.js';
import type { StatusLight } from '../domain/questions/answer-service.js';

/** The columns, in order: header and width. */
export const LEDGER_COLUMNS = [
  ['方案', 30],
  ['编号', 12],
  ['类别', 20],
  ['任务', 40],
  ['具体要求', 60],
  ['牵头单位', 20],
  ['责任单位', 20],
  ['配合单位', 20],
  ['时限', 22],
  ['到期日', 12],
  ['状态', 10],
  ['进度(%)', 9],
  ['最新进展', 40],
  ['最后更新', 17],
  ['任务编号', 10],
] as const;

const FILL: Record<StatusLight, string> = { red: 'FFF4CCCC', yellow: 'FFFFF2CC', green: 'FFD9EAD3', grey: 'FFEEEEEE' };

function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The workbook's bytes. */
export async function ledgerWorkbook(rows: readonly LedgerRow[], options: { title: string; timeZone: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办助手';
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow([
      row.plan,
      row.label,
      row.category,
      row.title,
      row.requirement,
      row.units.lead.join('、'),
      row.units.responsible.join('、'),
      row.units.cooperating.join('、'),
      row.deadline,
      row.dueOn ?? '',
      row.status,
      row.percent,
      row.latestNote,
      row.lastReportAt ? localTime(row.lastReportAt, options.timeZone) : '',
      row.taskId,
    ]);
    added.alignment = { vertical: 'top', wrapText: true };
    added.getCell(11).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[row.light] } };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  workbook.title = options.title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
