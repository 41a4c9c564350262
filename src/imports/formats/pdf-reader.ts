/**
 * Reads PDFs with a text layer (the 政府信息公开 copies of plans) through
 * pdfjs-dist's legacy build, pure JavaScript: the text pieces and the ruled
 * lines of each page go to pdf-layout.ts, which rebuilds lines and table
 * rows. Across pages, the running headers and footers and the page numbers
 * are dropped (lines in the top or bottom band that repeat on other pages,
 * digits aside, or that are only a page number), and a table that goes on
 * over a page break is joined, its repeated header rows left out. A PDF
 * with no text (a scan) is refused with an answer saying so, not imported
 * as nothing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';
import { isPdfFile } from './file-signature.js';
import { documentOfRows, type NumberedRow } from './grid-of-rows.js';
import { joinWrapped, pageBlocks, WRAPPED, type PageBlock, type Rule, type TextPiece } from './pdf-layout.js';
import { DocumentRefused } from './size-limits.js';

/** The most pages read: a plan is a few dozen; a 1,000-page report is not one. */
export const MAX_PDF_PAGES = 500;

/** How much of the page's height, at the top and at the bottom, holds running headers and footers. */
const MARGIN_BAND = 0.1;

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdfjs, loaded on first use (it is large, and most imports are not PDFs). */
async function pdfjs() {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** The horizontal and vertical strokes and thin boxes a page draws, in page space (y down). */
function rulesOf(operators: { fnArray: number[]; argsArray: unknown[] }, ops: Record<string, number>, start: Matrix): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm = start;
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.constructPath && args[0] !== ops.endPath) {
      for (const path of (args[1] as ArrayLike<number>[] | undefined) ?? []) {
        let at = 0;
        let current: [number, number] | undefined;
        let first: [number, number] | undefined;
        const segment = (to: [number, number]) => {
          if (current) {
            const [x1, y1] = current;
            const [x2, y2] = to;
            if (Math.abs(y1 - y2) <= 0.5 && Math.abs(x1 - x2) > 0.5) rules.push({ horizontal: true, at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
            else if (Math.abs(x1 - x2) <= 0.5 && Math.abs(y1 - y2) > 0.5) rules.push({ horizontal: false, at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
          }
          current = to;
        };
        while (at < path.length) {
          const op = path[at++];
          if (op === 0) {
            current = first = apply(ctm, path[at]!, path[at + 1]!);
            at += 2;
          } else if (op === 1) {
            segment(apply(ctm, path[at]!, path[at + 1]!));
            at += 2;
          } else if (op === 2) {
            current = apply(ctm, path[at + 4]!, path[at + 5]!);
            at += 6;
          } else if (op === 3) {
            current = apply(ctm, path[at + 2]!, path[at + 3]!);
            at += 4;
          } else if (op === 4) {
            if (first) segment(first);
          } else break;
        }
      }
    }
  });
  return rules;
}

/** Whether a character is set full width (Chinese, full-width punctuation). */
const isWide = (char: string) => /[\u1100-\uffdc]/.test(char) && !/[\uff61-\uffdc]/.test(char);

/**
 * Splits a piece of text at its runs of blanks: a PDF writer may put two
 * cells' text in one run ("序号 事项"), which would then stand in one cell.
 * Each character's place is estimated (full width, or half) and scaled to
 * the piece's width.
 */
export function splitAtSpaces(piece: TextPiece): TextPiece[] {
  if (!/\S\s+\S/.test(piece.text)) return [piece];
  const chars = [...piece.text];
  const nominal = chars.map((char) => (isWide(char) ? 1 : 0.5));
  const scale = piece.width / nominal.reduce((sum, width) => sum + width, 0);
  const parts: TextPiece[] = [];
  let x = piece.x;
  let current: TextPiece | undefined;
  chars.forEach((char, index) => {
    const width = nominal[index]! * scale;
    if (/\s/.test(char)) current = undefined;
    else if (current) {
      current.text += char;
      current.width += width;
    } else {
      current = { text: char, x, y: piece.y, width, size: piece.size };
      parts.push(current);
    }
    x += width;
  });
  return parts;
}

/** A line's text with its digits made one mark, so "— 3 —" on page 3 matches "— 4 —" on page 4. */
const shape = (text: string) => text.replaceAll(WRAPPED, '').replace(/\s+/g, '').replace(/\d+/g, '#');

/** A line that is only a page number: 1, — 1 —, - 1 -, 第1页, 第1页 共5页, 1/5. */
const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?\d+\s*(页)?\s*([/／]\s*\d+|共\s*\d+\s*页)?[-—–－\s]*$/;

interface Page {
  blocks: PageBlock[];
  height: number;
}

/** Drops running headers and footers and page numbers: lines in the top or bottom band that repeat across pages or are only a number. */
function withoutRunningLines(pages: readonly Page[]): PageBlock[][] {
  const inBand = (block: PageBlock, page: Page) => block.bottom <= page.height * MARGIN_BAND || block.top >= page.height * (1 - MARGIN_BAND);
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(page.blocks.filter((block) => block.kind === 'line' && inBand(block, page)).map((block) => shape((block as { text: string }).text)))) {
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    }
  }
  return pages.map((page) =>
    page.blocks.filter((block) => {
      if (block.kind !== 'line' || !inBand(block, page)) return true;
      if (PAGE_NUMBER.test(block.text.replaceAll(WRAPPED, ''))) return false;
      return !(pages.length >= 2 && (pagesWith.get(shape(block.text)) ?? 0) >= 2);
    }),
  );
}

const sameRow = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((cell, index) => cell.replaceAll(WRAPPED, '') === b[index]!.replaceAll(WRAPPED, ''));

/** The blocks of every page in order, a table that goes on over a page break joined to its start, its repeated header rows left out. */
function joinedAcrossPages(pages: readonly PageBlock[][]): PageBlock[] {
  const blocks: PageBlock[] = [];
  pages.forEach((page, pageIndex) => {
    page.forEach((block, index) => {
      const previous = blocks.at(-1);
      const continues = pageIndex > 0 && index === 0 && block.kind === 'table' && previous?.kind === 'table' && previous.rows[0]?.length === block.rows[0]?.length;
      if (!continues) {
        blocks.push(block.kind === 'table' ? { ...block, rows: [...block.rows], mergedAbove: [...block.mergedAbove] } : block);
        return;
      }
      let repeated = 0;
      while (repeated < block.rows.length && repeated < previous.rows.length - 1 && sameRow(block.rows[repeated]!, previous.rows[repeated]!)) repeated++;
      const rows = block.rows.slice(repeated);
      const merged = block.mergedAbove.slice(repeated);
      // A row the page break cut: its first cell empty, and every cell it fills one that ran to its edge at the foot of the page before.
      const last = previous.rows.at(-1)!;
      const first = rows[0];
      if (first && !first[0] && first.some(Boolean) && first.every((cell, column) => !cell || last[column]?.endsWith(WRAPPED))) {
        previous.rows[previous.rows.length - 1] = last.map((cell, column) => (first[column] ? joinWrapped(cell.slice(0, -WRAPPED.length), first[column]!) : cell));
        rows.shift();
        merged.shift();
      }
      previous.rows.push(...rows);
      previous.mergedAbove.push(...merged);
    });
  });
  return blocks;
}

/** Reads a .pdf file's bytes; throws when they are not a PDF, DocumentRefused for a scan or a document of too many pages. */
export async function readPdf(bytes: Buffer, fileName = '文件'): Promise<PlanDocument> {
  if (!isPdfFile(bytes)) throw new Error('not a PDF');
  const { getDocument, OPS, Util } = await pdfjs();
  const document = await getDocument({
    data: new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: join(packageDir, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(packageDir, 'standard_fonts/'),
  }).promise;
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new DocumentRefused(`${fileName}：这份 PDF 有 ${document.numPages} 页，超过了 ${MAX_PDF_PAGES} 页的上限，没有导入。分工方案通常只有几十页：请只保留任务表格所在的页，另存后再导入。`);
    }
    const pages: Page[] = [];
    let characters = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const transform = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const matrix = Util.transform(transform, item.transform) as Matrix;
        const size = Math.hypot(matrix[2], matrix[3]);
        characters += item.str.trim().length;
        pieces.push(...splitAtSpaces({ text: item.str, x: matrix[4], y: matrix[5], width: item.width * (size / (Math.hypot(item.transform[2], item.transform[3]) || size)), size }));
      }
      const rules = rulesOf(await page.getOperatorList(), OPS as unknown as Record<string, number>, transform);
      pages.push({ blocks: pageBlocks(pieces, rules, viewport.width), height: viewport.height });
      page.cleanup();
    }
    if (characters < 10) {
      throw new DocumentRefused(
        `${fileName}：这份 PDF 的 ${document.numPages} 页里只有图片，没有文字（多半是扫描件），无法读取其中的任务，没有导入。请向发文单位索取 Word/WPS 原件或带文字的 PDF；也可以先用 WPS 或 Acrobat 的“文字识别（OCR）”转成 Word，核对后再导入。`,
      );
    }
    const lines: { line: number; text: string }[] = [];
    const tables: NumberedRow[][] = [];
    let line = 0;
    let wrapped = false;
    for (const block of joinedAcrossPages(withoutRunningLines(pages))) {
      if (block.kind === 'table') {
        tables.push(block.rows.map((cells, row) => ({ line: ++line, cells: cells.map((cell) => cell.replaceAll(WRAPPED, '')), ...(block.mergedAbove[row]?.length ? { mergedAbove: block.mergedAbove[row] } : {}) })));
        wrapped = false;
        continue;
      }
      const text = block.text.replaceAll(WRAPPED, '');
      if (wrapped && lines.length > 0) lines.at(-1)!.text = joinWrapped(lines.at(-1)!.text, text);
      else lines.push({ line: ++line, text });
      wrapped = block.text.endsWith(WRAPPED);
    }
    return documentOfRows(lines, tables);
  } finally {
    await document.destroy();
  }
}
