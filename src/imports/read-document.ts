/**
 * Reading a plan document from its bytes and understanding it: the pure
 * half of an import (no database), which the import thread runs off the
 * event loop. Unsupported formats, damaged files, files over the size
 * limits and documents with no tasks are refused with a Chinese answer.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parsePlanDocument, type ParsedPlan, type PlanDocument } from '../domain/imports/plan-parser.js';
import { decodeText } from './formats/decode-text.js';
import { readDocx } from './formats/docx-reader.js';
import { readXls } from './formats/legacy-spreadsheet-reader.js';
import { readPdf } from './formats/pdf-reader.js';
import { checkFileSize, DocumentRefused } from './formats/size-limits.js';
import { readCsv, readXlsx } from './formats/spreadsheet-reader.js';
import { readWord97 } from './formats/word97-reader.js';

/** How each supported extension is read. */
const READERS: Record<string, (bytes: Buffer, fileName: string) => PlanDocument | Promise<PlanDocument>> = {
  '.txt': (bytes) => ({ text: decodeText(bytes) }),
  '.md': (bytes) => ({ text: decodeText(bytes) }),
  '.docx': readDocx,
  '.doc': readWord97,
  '.wps': readWord97,
  '.xlsx': readXlsx,
  '.xls': readXls,
  '.et': readXls,
  '.csv': readCsv,
  '.pdf': readPdf,
};

const FORMATS_LABEL = Object.keys(READERS).join('、');

/**
 * Names of the errors whose message is written for the person importing
 * (what was wrong and what to do). Any other error — a database's, a
 * library's — is an internal one: logged, never shown.
 */
const ANSWERED_ERRORS = new Set(['DocumentRefused', 'UnreadableDocumentError', 'ImportRefused']);

/** Whether an error's message is a Chinese answer for the user rather than internal detail. */
export function isAnsweredError(error: unknown): error is Error {
  return error instanceof Error && ANSWERED_ERRORS.has(error.name);
}

/** Whether a file name has an extension the importer reads. */
export function isImportable(fileName: string): boolean {
  return extname(fileName).toLowerCase() in READERS;
}

/** The reader for a file name; throws DocumentRefused for formats the importer does not read. */
export function readerFor(fileName: string): (bytes: Buffer, fileName: string) => PlanDocument | Promise<PlanDocument> {
  const extension = extname(fileName).toLowerCase();
  const reader = READERS[extension];
  if (reader) return reader;
  throw new DocumentRefused(`${fileName}：不支持的文件格式“${extension || '无扩展名'}”。支持 ${FORMATS_LABEL}。请在 Office/WPS 中另存为其中一种（如 .docx 或 .xlsx）后再导入。`);
}

/** Reads a document from its bytes; throws DocumentRefused for unsupported, oversized or damaged files. */
export async function readDocumentBytes(fileName: string, source: Buffer): Promise<PlanDocument & { source: Buffer }> {
  const reader = readerFor(fileName);
  checkFileSize(fileName, source.length);
  try {
    return { ...(await reader(source, fileName)), source };
  } catch (error) {
    if (error instanceof DocumentRefused) throw error;
    throw new DocumentRefused(`${fileName}：文件已损坏或不是有效的 ${extname(fileName).toLowerCase()} 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。`);
  }
}

/** Reads a document file, refusing an unsupported format or a file over the size limit before reading it. */
export async function readDocumentFile(path: string): Promise<PlanDocument & { source: Buffer }> {
  const fileName = basename(path);
  readerFor(fileName);
  checkFileSize(fileName, (await stat(path)).size);
  return readDocumentBytes(fileName, await readFile(path));
}

/** A document read and understood. */
export interface ParsedDocument {
  /** The document's text (with the tables' rows as lines). */
  text: string;
  parsed: ParsedPlan;
}

/** Reads a document's bytes and parses it; throws the answered errors above. */
export async function parseDocumentBytes(fileName: string, bytes: Buffer): Promise<ParsedDocument> {
  const document = await readDocumentBytes(fileName, bytes);
  return { text: document.text, parsed: parsePlanDocument(document, fileName) };
}
