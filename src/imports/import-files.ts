/**
 * Imports plan documents from files and folders: used by `npm run import`
 * and by the first start, which loads seeds/ into an empty database.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Database } from '../db/database.js';
import { importPlanText, previewPlanText, tasksPhrase, type ImportReport, type PlanOverrides, type PlanPreview, type StoredImportReport } from '../domain/imports/plan-importer.js';
import { applySynonymTable, type SynonymReport } from '../domain/units/apply-synonyms.js';
import { parseSynonymTable, type SynonymTable } from '../domain/units/synonym-table.js';
import { decodeText } from './formats/decode-text.js';
import { checkFileSize } from './formats/size-limits.js';
import { sharedParseThread } from './parse-thread.js';
import { isAnsweredError, isImportable, parseDocumentBytes, readerFor } from './read-document.js';

export { isImportable, readDocumentFile } from './read-document.js';

/**
 * The outcome for one file: its report, or why it was refused. `error` is
 * what the user is told; `detail`, for an internal failure (a database
 * error, say), is what the logs get and never the chat.
 */
export type FileImportResult =
  | { file: string; report: StoredImportReport }
  | { file: string; synonyms: SynonymReport & { groups: number; errors: string[]; dryRun?: boolean } }
  | { file: string; error: string; detail?: string };

/** The outcome of a dry run for one file: what importing it would do, or why it would be refused. */
export type FilePreviewResult = Exclude<FileImportResult, { report: unknown }> | { file: string; preview: PlanPreview };

/** The unit synonym table's file name: found in an imported folder, or named explicitly. */
export const SYNONYM_FILE = /(^|[-_.])synonyms\.txt$/i;

/** Expands folders (not recursively) into the importable files they hold, sorted by name. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => isImportable(name) && !/^readme/i.test(name));
      // The synonym table first, so the plans after it use it.
      const ordered = names.sort((a, b) => Number(SYNONYM_FILE.test(b)) - Number(SYNONYM_FILE.test(a)) || a.localeCompare(b));
      files.push(...ordered.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** The answer for a failure whose own message is internal: the details go to the logs. */
const internalFailure = (fileName: string) => `${fileName}：导入时出现内部错误，没有导入任何内容。请稍后重试；如仍失败，请联系管理员查看服务日志。`;

/**
 * Imports one document's bytes: a unit synonym table is applied (and
 * returned, for the plans after it), a plan is read and parsed — in the
 * parse thread when `inThread`, so the service keeps answering — and
 * imported with `synonyms`. Never throws: a failure is the result's error,
 * in Chinese, with an internal error's text only as its detail.
 */
async function importBytes(
  db: Database,
  input: { label: string; fileName: string; bytes: Buffer; actor: string; synonyms?: SynonymTable; overrides?: PlanOverrides; dryRun?: boolean; inThread?: boolean },
): Promise<{ result: FilePreviewResult | FileImportResult; table?: SynonymTable }> {
  const { label, fileName, bytes, actor } = input;
  try {
    if (SYNONYM_FILE.test(fileName)) {
      const table = parseSynonymTable(decodeText(bytes));
      const report = input.dryRun ? { aliasesAdded: 0, merged: [], dryRun: true } : await applySynonymTable(db, table, actor);
      return { result: { file: label, synonyms: { ...report, groups: table.groups.length, errors: table.errors } }, table };
    }
    const { text, parsed } = input.inThread ? await sharedParseThread.parse(fileName, bytes) : await parseDocumentBytes(fileName, bytes);
    const plan = { text, parsed, source: bytes, fileName, actor, ...(input.synonyms ? { synonyms: input.synonyms } : {}), ...(input.overrides ? { overrides: input.overrides } : {}) };
    if (input.dryRun) return { result: { file: label, preview: await previewPlanText(db, plan) } };
    return { result: { file: label, report: await importPlanText(db, plan) } };
  } catch (error) {
    if (isAnsweredError(error)) return { result: { file: label, error: error.message } };
    return { result: { file: label, error: internalFailure(fileName), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
}

/**
 * Imports each file in its own transaction; one bad file does not stop the
 * others. A unit synonym table among them (unit-synonyms.txt) is applied to
 * the units already stored and used for the plans imported after it.
 */
export async function importFiles(db: Database, paths: readonly string[], actor: string): Promise<FileImportResult[]>;
export async function importFiles(db: Database, paths: readonly string[], actor: string, options: { dryRun: true }): Promise<FilePreviewResult[]>;
export async function importFiles(db: Database, paths: readonly string[], actor: string, options: { dryRun?: boolean } = {}): Promise<(FileImportResult | FilePreviewResult)[]> {
  const results: (FileImportResult | FilePreviewResult)[] = [];
  let synonyms: SynonymTable = { groups: [], errors: [] };
  for (const file of await expandPaths(paths)) {
    const fileName = basename(file);
    let bytes: Buffer;
    try {
      if (!SYNONYM_FILE.test(fileName)) readerFor(fileName);
      checkFileSize(fileName, (await stat(file)).size);
      bytes = await readFile(file);
    } catch (error) {
      results.push({ file, error: isAnsweredError(error) ? error.message : `${fileName}：无法读取这个文件（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）。请确认路径正确、文件可读。` });
      continue;
    }
    const { result, table } = await importBytes(db, { label: file, fileName, bytes, actor, synonyms, ...(options.dryRun ? { dryRun: true } : {}) });
    if (table) synonyms = { groups: [...synonyms.groups, ...table.groups], errors: [] };
    results.push(result);
  }
  return results;
}

/**
 * Imports one document from its bytes (a file sent in chat), with the
 * choices made on its import card; a synonym table is applied like a
 * folder's. The document is read and parsed in the parse thread, so the
 * service keeps answering meanwhile (`inThread: false` reads it here).
 */
export async function importDocumentBytes(db: Database, fileName: string, bytes: Buffer, actor: string, overrides?: PlanOverrides, options: { inThread?: boolean } = {}): Promise<FileImportResult> {
  return (await importBytes(db, { label: fileName, fileName, bytes, actor, ...(overrides ? { overrides } : {}), inThread: options.inThread ?? true })).result as FileImportResult;
}

/** What importing one document's bytes would do (the import card's preview), read in the parse thread like an import; stores nothing. */
export async function previewDocumentBytes(db: Database, fileName: string, bytes: Buffer, actor: string, options: { inThread?: boolean } = {}): Promise<FilePreviewResult> {
  return (await importBytes(db, { label: fileName, fileName, bytes, actor, dryRun: true, inThread: options.inThread ?? true })).result as FilePreviewResult;
}

/** A human-readable summary of import results, in Chinese, for the CLI and logs. */
export function formatImportResults(results: readonly (FileImportResult | FilePreviewResult)[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`✗ ${result.file}\n  ${result.error}`);
      continue;
    }
    if ('synonyms' in result) {
      const { groups, aliasesAdded, merged, errors } = result.synonyms;
      if (result.synonyms.dryRun) lines.push(`✓ ${basename(result.file)} → 单位同义词表 ${groups} 组（试运行，未应用）`);
      else lines.push(`✓ ${basename(result.file)} → 单位同义词表 ${groups} 组；新增别名 ${aliasesAdded} 个，合并单位 ${merged.length} 个`);
      for (const merge of merged) lines.push(`  ⇢ ${merge.jurisdiction}：${merge.from} 并入 ${merge.into}`);
      for (const error of errors) lines.push(`  ⚠ ${error}`);
      continue;
    }
    lines.push(...planReportLines('report' in result ? result.report : result.preview.report));
  }
  return lines.join('\n');
}

/** The lines of one plan's report: what was (or, in a dry run, would be) imported and changed, and every warning. */
export function planReportLines(report: ImportReport): string[] {
  const d = report.counts.deadlines;
  const lines = [
    `${report.dryRun ? '◇' : '✓'} ${report.fileName} → 《${report.title}》（${report.jurisdiction}，${report.created ? '新导入' : '重新导入'}${report.dryRun ? '；试运行，未写入数据库' : ''}）`,
    `  ${tasksPhrase(report.counts)}；单位 ${report.counts.unitsNamed} 个（新建 ${report.counts.unitsCreated}），分工 ${report.counts.links} 条${report.counts.leaders ? `；分管领导 ${report.counts.leaders} 人` : ''}`,
    `  时限：具体日期 ${d.dated}，周期性 ${d.recurring}，事件触发 ${d.event}，持续 ${d.continuous}，仅保留原文 ${d.keptRaw}`,
  ];
  if (!report.created) {
    const { added, removed, changed, removedWithProgress, correctionsKept } = report.changes;
    const listed = [...added.map((k) => `+${k}`), ...removed.map((k) => `-${k}`), ...changed.map((k) => `~${k}`)];
    lines.push(`  变化：新增 ${added.length}，移除 ${removed.length}，修改 ${changed.length}${listed.length ? `（${listed.join(' ')}）` : ''}`);
    if (removed.length > 0) lines.push(`  移除的任务存档保留，不删除${removedWithProgress.length ? `；其中 ${removedWithProgress.length} 项已有进度记录（${removedWithProgress.join(' ')}）` : ''}`);
    if (correctionsKept.length > 0) lines.push(`  保留导入后的修改 ${correctionsKept.length} 项（原文未改动这些字段）：${correctionsKept.join(' ')}`);
  }
  for (const warning of report.warnings) lines.push(`  ⚠ ${warning.message}`);
  return lines;
}
