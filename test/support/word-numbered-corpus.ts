/**
 * The corpus's tuned documents as an office that numbers automatically holds
 * them, made without new gold: a prose plan's typed outline numbers (一、
 * （一） 1. （1） ①) become Word's list levels (chineseCounting "%1、",
 * "（%1）", decimal "%1." …), counted as Word counts, a list started again
 * where the typed numbers start again; a table plan's 序号 cells become an
 * automatic list, so the cells themselves hold no text. A typed number that
 * Word's counting would not give (a page that skipped one) stays typed, as
 * a person fixing up such a document would leave it. The text and the
 * cells are otherwise the document's own, so the gold must not change.
 */
import type { Block, Table } from '../../scripts/office-fixtures/rebuild-table.js';
import { corpusDocuments, type CorpusDocument } from './corpus-documents.js';
import type { WordBlock, WordCell, WordList, WordParagraph } from './word-document.js';

/** Every tuned prose-labels / prose-parens document. */
export function tunedProseDocuments(): CorpusDocument[] {
  return corpusDocuments((gold) => gold.split === 'tune' && /^prose-/.test(gold.family));
}

const CHINESE = '一二三四五六七八九十';
const chineseValue = (text: string) => {
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (tens ? CHINESE.indexOf(tens) + 1 : text.includes('十') ? 1 : 0) * 10 + (ones ? CHINESE.indexOf(ones) + 1 : 0);
};

/** The outline levels of Chinese plans, highest first: how each is typed, and how Word numbers it. */
const OUTLINE: readonly { pattern: RegExp; format: string; usual: string; value(match: RegExpMatchArray): number; text(match: RegExpMatchArray): string }[] = [
  { pattern: /^([一二三四五六七八九十]{1,3})([、．.])\s*/, format: 'chineseCounting', usual: '%1、', value: (m) => chineseValue(m[1]!), text: (m) => `%1${m[2]}` },
  { pattern: /^([（(])([一二三四五六七八九十]{1,3})([）)])\s*/, format: 'chineseCounting', usual: '（%1）', value: (m) => chineseValue(m[2]!), text: (m) => `${m[1]}%1${m[3]}` },
  { pattern: /^(\d{1,3})([、．.](?!\d))\s*/, format: 'decimal', usual: '%1.', value: (m) => Number(m[1]), text: (m) => `%1${m[2]}` },
  { pattern: /^([（(])(\d{1,3})([）)])\s*/, format: 'decimal', usual: '（%1）', value: (m) => Number(m[2]), text: (m) => `${m[1]}%1${m[3]}` },
  { pattern: /^([①-⑳])\s*/, format: 'decimalEnclosedCircle', usual: '%1', value: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1, text: () => '%1' },
];

/** Counts as Word does for one list definition, to know which typed numbers Word would give. */
class WordCount {
  private counters: (number | undefined)[] = [];

  expected(level: number): number {
    return (this.counters[level] ?? 0) + 1;
  }

  /** A paragraph of the level numbered value: deeper levels start again after it. */
  take(level: number, value: number): void {
    this.counters[level] = value;
    this.counters.length = level + 1;
  }
}

/** A prose document's lines as Word paragraphs, its typed outline numbers as one automatic list. */
export function proseAsWordLists(text: string): { blocks: WordBlock[]; lists: WordList[] } {
  const levelTexts: (string | undefined)[] = [];
  const list: WordList = { levels: [], instances: [{ numId: 1 }] };
  const count = new WordCount();
  let numId = 1;
  const blocks = text.split('\n').map((line): WordBlock => {
    const trimmed = line.replace(/^[\s\u3000]+/, '');
    const level = OUTLINE.findIndex((outline) => outline.pattern.test(trimmed));
    if (level < 0) return { paragraph: { text: line } };
    const outline = OUTLINE[level]!;
    const match = trimmed.match(outline.pattern)!;
    const value = outline.value(match);
    levelTexts[level] ??= outline.text(match);
    const rest = trimmed.slice(match[0].length);
    if (levelTexts[level] !== outline.text(match) || rest === '') return { paragraph: { text: line } };
    if (value === count.expected(level)) {
      count.take(level, value);
      return { paragraph: { text: rest, list: { numId, level } } };
    }
    if (value !== 1) return { paragraph: { text: line } };
    // The typed numbers start again where Word's would go on: a list of its own (Word's 重新开始编号).
    numId++;
    list.instances.push({ numId, startOverrides: { [level]: 1 } });
    count.take(level, value);
    return { paragraph: { text: rest, list: { numId, level } } };
  });
  // Word writes a level's own number as %<level + 1> (%1 is always the top level's).
  list.levels = OUTLINE.map((outline, level) => ({ format: outline.format, text: (levelTexts[level] ?? outline.usual).replace('%1', `%${level + 1}`) }));
  return { blocks, lists: [list] };
}

const isNumberHeader = (text: string) => /^序\s*号$/.test(text.trim());

/** A rebuilt table as a Word table (vertical merges, spans), its 序号 column's numbers an automatic list of instance numId. */
function tableAsWord(table: Table, numId: number, lists: WordList[]): { rows: WordCell[][]; headerRows: number } {
  const header = table.rows.find((row) => row.kind === 'header');
  const numberColumn = header ? header.cells.findIndex((cell) => isNumberHeader(cell.paragraphs.join(''))) : -1;
  let expected: number | undefined;
  let listed = false;
  const rows = table.rows.map((row, rowIndex) =>
    row.cells.flatMap((cell, column): WordCell[] => {
      if (cell.covered) return [];
      const below = table.rows[rowIndex + 1]?.cells[column];
      const merge = cell.merged ? 'continue' : below?.merged ? 'restart' : undefined;
      let paragraphs: WordParagraph[] = cell.merged ? [] : cell.paragraphs.map((text) => ({ text }));
      const typed = cell.paragraphs.join('').trim();
      if (row.kind === 'body' && column === numberColumn && !cell.merged && /^\d{1,3}$/.test(typed)) {
        expected ??= Number(typed);
        if (Number(typed) === expected) {
          paragraphs = [{ text: '', list: { numId, level: 0 } }];
          expected++;
          listed = true;
        }
      }
      return [{ paragraphs, ...(cell.span && cell.span > 1 ? { span: cell.span } : {}), ...(merge ? { merge } : {}) }];
    }),
  );
  if (listed) lists.push({ levels: [{ format: 'decimal', text: '%1' }], instances: [{ numId }] });
  return { rows, headerRows: table.rows.findLastIndex((row) => row.kind === 'header') + 1 };
}

/** A rebuilt table document as Word holds it with its 序号 columns numbered automatically. */
export function tablesAsWordLists(blocks: readonly Block[]): { blocks: WordBlock[]; lists: WordList[] } {
  const lists: WordList[] = [];
  let numId = 0;
  const word = blocks.map((block): WordBlock => ('paragraph' in block ? { paragraph: { text: block.paragraph } } : { table: tableAsWord(block.table, ++numId, lists) }));
  return { blocks: word, lists };
}
