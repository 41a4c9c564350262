/**
 * Reads Word documents (.docx): mammoth turns the document into simple
 * HTML (paragraphs, lists, tables with rowspan/colspan), which is walked
 * here into text lines and table grids. Merged cells become empty cells,
 * which the table reader treats as "same as above", as in Word's own text
 * export. Word's automatic list numbering is typed into the paragraphs first
 * (word-numbering.ts: 一、（一）1. as Word shows them, a 序号 column's
 * numbers), so numbered items read the same as typed numbers.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { PlanDocument } from '../../domain/imports/plan-parser.js';
import { documentOfRows, type NumberedRow } from './grid-of-rows.js';
import { checkArchive } from './size-limits.js';
import { typeWordNumbering } from './word-numbering.js';

/** The part of the DOM this reader uses (the project does not load the browser's DOM types). */
interface Node {
  nodeType: number;
  firstChild: Node | null;
  nextSibling: Node | null;
  textContent: string | null;
}

interface Element extends Node {
  tagName: string;
  getAttribute(name: string): string | null;
  removeChild(child: Node): void;
}

const ELEMENT_NODE = 1;

function elements(node: Node): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) found.push(child as Element);
  }
  return found;
}

function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A cell's text: its paragraphs on separate lines. */
function cellText(cell: Element): string {
  const paragraphs = elements(cell).filter((child) => /^(p|h\d|li)$/.test(child.tagName));
  if (paragraphs.length === 0) return textOf(cell);
  return paragraphs.map(textOf).filter(Boolean).join('\n');
}

/** The rows of a table, spans expanded: a spanned position is an empty cell, marked when a cell above spans down over it. */
function tableRows(table: Element, firstLine: number): NumberedRow[] {
  const trs = [...elements(table)].flatMap((part) => (part.tagName === 'tr' ? [part] : elements(part).filter((row) => row.tagName === 'tr')));
  const grid: (string | undefined)[][] = trs.map(() => []);
  const mergedAbove: number[][] = trs.map(() => []);
  trs.forEach((tr, rowIndex) => {
    let column = 0;
    for (const cell of elements(tr).filter((child) => child.tagName === 'td' || child.tagName === 'th')) {
      while (grid[rowIndex]![column] !== undefined) column++;
      const rowSpan = Number(cell.getAttribute('rowspan') || 1);
      const colSpan = Number(cell.getAttribute('colspan') || 1);
      for (let r = 0; r < rowSpan && rowIndex + r < trs.length; r++) {
        for (let c = 0; c < colSpan; c++) {
          grid[rowIndex + r]![column + c] = r === 0 && c === 0 ? cellText(cell) : '';
          if (r > 0 && c === 0) mergedAbove[rowIndex + r]!.push(column);
        }
      }
      column += colSpan;
    }
  });
  return grid.map((cells, index) => ({ line: firstLine + index, cells: Array.from(cells, (cell) => cell ?? ''), ...(mergedAbove[index]!.length > 0 ? { mergedAbove: mergedAbove[index] } : {}) }));
}

/** The Word file with its automatic numbering typed in, or the same bytes when it numbers nothing automatically. */
async function withTypedNumbering(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)?.async('string');
  const [document, numbering, styles] = await Promise.all([read('word/document.xml'), read('word/numbering.xml'), read('word/styles.xml')]);
  if (document === undefined || numbering === undefined) return bytes;
  const typed = typeWordNumbering(document, numbering, styles);
  if (typed === document) return bytes;
  zip.file('word/document.xml', typed);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Reads a .docx file's bytes; throws when they are not a Word document, DocumentRefused when it unzips too big. */
export async function readDocx(bytes: Buffer, fileName = '文档'): Promise<PlanDocument> {
  await checkArchive(fileName, bytes);
  const { value: html } = await mammoth.convertToHtml({ buffer: await withTypedNumbering(bytes) });
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/xml').documentElement as unknown as Element;
  const lines: { line: number; text: string }[] = [];
  const tables: NumberedRow[][] = [];
  let line = 0;
  const walkList = (list: Element) => {
    elements(list).forEach((item, index) => {
      const nested = elements(item).filter((child) => child.tagName === 'ol' || child.tagName === 'ul');
      for (const child of nested) item.removeChild(child);
      lines.push({ line: ++line, text: `${list.tagName === 'ol' ? `${index + 1}. ` : ''}${textOf(item)}` });
      nested.forEach(walkList);
    });
  };
  for (const element of elements(body)) {
    if (element.tagName === 'table') {
      const rows = tableRows(element, line + 1);
      tables.push(rows);
      line += rows.length;
    } else if (element.tagName === 'ol' || element.tagName === 'ul') {
      walkList(element);
    } else {
      lines.push({ line: ++line, text: textOf(element) });
    }
  }
  return documentOfRows(lines, tables);
}
