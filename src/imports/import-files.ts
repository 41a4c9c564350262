/**
 * Imports plan documents from files and folders: used by `npm run import`
 * and by the first start, which loads seeds/ into an empty database.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Database } from '../db/database.js';
import { importPlanText, type ImportReport } from '../domain/imports/plan-importer.js';
import type { PlanDocument } from '../domain/imports/plan-parser.js';
import { applySynonymTable, type SynonymReport } from '../domain/units/apply-synonyms.js';
import { parseSynonymTable, type SynonymTable } from '../domain/units/synonym-table.js';
import { decodeText } from './formats/decode-text.js';
import { readDocx } from './formats/docx-reader.js';
import { readCsv, readXlsx } from './formats/spreadsheet-reader.js';

/** How each supported extension is read. */
const READERS: Record<string, (bytes: Buffer) => PlanDocument | Promise<PlanDocument>> = {
  '.txt': (bytes) => ({ text: decodeText(bytes) }),
  '.md': (bytes) => ({ text: decodeText(bytes) }),
  '.docx': readDocx,
  '.xlsx': readXlsx,
  '.csv': readCsv,
};

const FORMATS_LABEL = Object.keys(READERS).join('、');

/** The outcome for one file: its report, or why it was refused. */
export type FileImportResult =
  | { file: string; report: ImportReport }
  | { file: string; synonyms: SynonymReport & { groups: number; errors: string[] } }
  | { file: string; error: string };

/** The unit synonym table's file name: found in an imported folder, or named explicitly. */
export const SYNONYM_FILE = /(^|[-_.])synonyms\.txt$/i;

/** Expands folders (not recursively) into the importable files they hold, sorted by name. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => extname(name).toLowerCase() in READERS && !/^readme/i.test(name));
      // The synonym table first, so the plans after it use it.
      const ordered = names.sort((a, b) => Number(SYNONYM_FILE.test(b)) - Number(SYNONYM_FILE.test(a)) || a.localeCompare(b));
      files.push(...ordered.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Whether a file name has an extension the importer reads. */
export function isImportable(fileName: string): boolean {
  return extname(fileName).toLowerCase() in READERS;
}

/** The reader for a file name; throws a Chinese message for formats the importer does not read. */
function readerFor(fileName: string): (bytes: Buffer) => PlanDocument | Promise<PlanDocument> {
  const extension = extname(fileName).toLowerCase();
  const reader = READERS[extension];
  if (reader) return reader;
  const hint = extension === '.doc' || extension === '.xls' ? `请在 Office/WPS 中另存为 ${extension}x 后再导入。` : '';
  throw new Error(`${fileName}：不支持的文件格式“${extension || '无扩展名'}”。支持 ${FORMATS_LABEL}。${hint}`);
}

/** Reads a document from its bytes; throws a Chinese message for unsupported or damaged files. */
async function readDocumentBytes(fileName: string, source: Buffer): Promise<PlanDocument & { source: Buffer }> {
  const reader = readerFor(fileName);
  try {
    return { ...(await reader(source)), source };
  } catch {
    throw new Error(`${fileName}：文件已损坏或不是有效的 ${extname(fileName).toLowerCase()} 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。`);
  }
}

/** Reads a document file (refusing an unsupported format before reading it); throws a Chinese message for unsupported or damaged files. */
export async function readDocumentFile(path: string): Promise<PlanDocument & { source: Buffer }> {
  readerFor(basename(path));
  return readDocumentBytes(basename(path), await readFile(path));
}

/**
 * Imports one document's bytes: a unit synonym table is applied (and
 * returned, for the plans after it), a plan is imported with `synonyms`.
 * Never throws: a failure is the result's error.
 */
async function importBytes(db: Database, input: { label: string; fileName: string; bytes: Buffer; actor: string; synonyms?: SynonymTable }): Promise<{ result: FileImportResult; table?: SynonymTable }> {
  const { label, fileName, bytes, actor } = input;
  try {
    if (SYNONYM_FILE.test(fileName)) {
      const table = parseSynonymTable(decodeText(bytes));
      const report = await applySynonymTable(db, table, actor);
      return { result: { file: label, synonyms: { ...report, groups: table.groups.length, errors: table.errors } }, table };
    }
    const document = await readDocumentBytes(fileName, bytes);
    return { result: { file: label, report: await importPlanText(db, { ...document, fileName, actor, ...(input.synonyms ? { synonyms: input.synonyms } : {}) }) } };
  } catch (error) {
    return { result: { file: label, error: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Imports each file in its own transaction; one bad file does not stop the
 * others. A unit synonym table among them (unit-synonyms.txt) is applied to
 * the units already stored and used for the plans imported after it.
 */
export async function importFiles(db: Database, paths: readonly string[], actor: string): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  let synonyms: SynonymTable = { groups: [], errors: [] };
  for (const file of await expandPaths(paths)) {
    const fileName = basename(file);
    let bytes: Buffer;
    try {
      if (!SYNONYM_FILE.test(fileName)) readerFor(fileName);
      bytes = await readFile(file);
    } catch (error) {
      results.push({ file, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const { result, table } = await importBytes(db, { label: file, fileName, bytes, actor, synonyms });
    if (table) synonyms = { groups: [...synonyms.groups, ...table.groups], errors: [] };
    results.push(result);
  }
  return results;
}

/** Imports one document from its bytes (a file sent in chat); a synonym table is applied like a folder's. */
export async function importDocumentBytes(db: Database, fileName: string, bytes: Buffer, actor: string): Promise<FileImportResult> {
  return (await importBytes(db, { label: fileName, fileName, bytes, actor })).result;
}

/** A human-readable summary of import results, in Chinese, for the CLI and logs. */
export function formatImportResults(results: readonly FileImportResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`✗ ${result.file}\n  ${result.error}`);
      continue;
    }
    if ('synonyms' in result) {
      const { groups, aliasesAdded, merged, errors } = result.synonyms;
      lines.push(`✓ ${basename(result.file)} → 单位同义词表 ${groups} 组；新增别名 ${aliasesAdded} 个，合并单位 ${merged.length} 个`);
      for (const merge of merged) lines.push(`  ⇢ ${merge.jurisdiction}：${merge.from} 并入 ${merge.into}`);
      for (const error of errors) lines.push(`  ⚠ ${error}`);
      continue;
    }
    const { report } = result;
    const d = report.counts.deadlines;
    lines.push(
      `✓ ${report.fileName} → 《${report.title}》（${report.jurisdiction}，${report.created ? '新导入' : '重新导入'}）`,
      `  任务 ${report.counts.tasks} 项，子要求 ${report.counts.requirements} 条；单位 ${report.counts.unitsNamed} 个（新建 ${report.counts.unitsCreated}），分工 ${report.counts.links} 条`,
      `  时限：具体日期 ${d.dated}，周期性 ${d.recurring}，事件触发 ${d.event}，持续 ${d.continuous}，仅保留原文 ${d.keptRaw}`,
    );
    if (!report.created) {
      const { added, removed, changed } = report.changes;
      lines.push(`  变化：新增 ${added.length}，删除 ${removed.length}，修改 ${changed.length}${[...added, ...removed, ...changed].length ? `（${[...added.map((k) => `+${k}`), ...removed.map((k) => `-${k}`), ...changed.map((k) => `~${k}`)].join(' ')}）` : ''}`);
    }
    for (const warning of report.warnings) lines.push(`  ⚠ ${warning.message}`);
  }
  return lines.join('\n');
}
