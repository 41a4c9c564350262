/**
 * The 台账 as an .xlsx file for a task query: the rows, the workbook and a
 * file name that says what and when. Shared by /export and the weekly
 * card's 导出台账 button.
 */
import { ledgerRows } from '../domain/ledger/ledger-rows.js';
import type { Catalog } from '../domain/questions/question-catalog.js';
import type { TaskQuery } from '../domain/questions/question.js';
import type { SummaryScope } from '../domain/summaries/weekly-summary.js';
import { ledgerWorkbook } from '../exports/ledger-workbook.js';
import type { Repositories } from '../repositories/index.js';

/** A ledger file, or nothing to export. */
export interface LedgerFile {
  rows: number;
  fileName: string;
  data: Buffer;
}

/** Builds the ledger of a task query or of a weekly card's scope (`select`), titled `scope`; null when it selects no task. */
export async function ledgerFile(input: { select: { query: Omit<TaskQuery, 'page' | 'kind'> } | { scope: SummaryScope }; scope: string; catalog: Catalog; repos: Repositories; today: string; timeZone: string }): Promise<LedgerFile | null> {
  const rows = await ledgerRows(input.select, input.catalog, input.repos, input.today);
  if (rows.length === 0) return null;
  const data = await ledgerWorkbook(rows, { title: `台账（${input.scope}）`, timeZone: input.timeZone });
  const fileName = `台账-${input.scope.slice(0, 30).replace(/[\\/:*?"<>|\s]+/g, '')}-${input.today.replaceAll('-', '')}.xlsx`;
  return { rows: rows.length, fileName, data };
}
