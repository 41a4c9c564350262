/**
 * Imports plan documents from files and folders: used by `npm run import`
 * and by the first start, which loads seeds/ into an empty database.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Database } from '../db/database.js';
import { importPlanText, type ImportReport } from '../domain/imports/plan-importer.js';

/** Formats read as plain text. */
const TEXT_FORMATS = new Set(['.txt', '.md']);

/** The outcome for one file: its report, or why it was refused. */
export type FileImportResult = { file: string; report: ImportReport } | { file: string; error: string };

/** Expands folders (not recursively) into the importable files they hold, sorted by name. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => TEXT_FORMATS.has(extname(name).toLowerCase()) && !/^readme/i.test(name));
      files.push(...names.sort().map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Reads a document file into text; throws a Chinese message for unsupported formats. */
export async function readDocumentFile(path: string): Promise<{ text: string; source: Buffer }> {
  const extension = extname(path).toLowerCase();
  const source = await readFile(path);
  if (TEXT_FORMATS.has(extension)) return { text: source.toString('utf8'), source };
  throw new Error(`${basename(path)}：不支持的文件格式“${extension || '无扩展名'}”。目前支持 .txt 和 .md。`);
}

/** Imports each file in its own transaction; one bad file does not stop the others. */
export async function importFiles(db: Database, paths: readonly string[], actor: string): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  for (const file of await expandPaths(paths)) {
    try {
      const { text, source } = await readDocumentFile(file);
      results.push({ file, report: await importPlanText(db, { text, source, fileName: basename(file), actor }) });
    } catch (error) {
      results.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** A human-readable summary of import results, in Chinese, for the CLI and logs. */
export function formatImportResults(results: readonly FileImportResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`✗ ${result.file}\n  ${result.error}`);
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
