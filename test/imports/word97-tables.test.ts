/**
 * A Word 97 .doc holds the same tables as the .docx Word saves of the same
 * plan: the same rows and cells, and the cells merged down a column (a
 * 负责科室 over four rows) marked as merged, so the importer gives them the
 * merged cell's units. Two tables with no paragraph between them are one
 * run of rows in a .doc; they are still two tables when their columns are
 * drawn apart, as the .docx has them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/imports/import-files.js';
import { documentOfWordParagraphs } from '../../src/imports/formats/word97-reader.js';
import type { WordParagraph } from '../../src/imports/formats/word97-structure.js';

const real = fileURLToPath(new URL('../fixtures/real/', import.meta.url));
const tuned = readdirSync(`${real}office/`)
  .filter((name) => name.endsWith('.doc'))
  .map((name) => name.slice(0, -4))
  .filter((slug) => JSON.parse(readFileSync(`${real}${slug}.json`, 'utf8')).split === 'tune');

/** A table as the importer sees it: each row's cells, a merged continuation written ↑. */
const shape = (tables: readonly { cells: { text: string; mergedAbove?: boolean }[] }[][] | undefined) =>
  (tables ?? []).map((rows) => rows.map((row) => row.cells.map((cell) => (cell.mergedAbove ? `↑${cell.text}` : cell.text))));

/** A row of a .doc as its paragraphs: one per cell, then the row mark with the cells' edges. */
const row = (cells: string[], edges: number[], mergedAbove?: number[]): WordParagraph[] => [
  ...cells.map((text) => ({ text, end: 'cell' as const })),
  { text: '', end: 'row' as const, edges, ...(mergedAbove ? { mergedAbove } : {}) },
];

describe('tables of a Word 97 document', () => {
  it('every tuned table document’s .doc reads as its .docx, merged cells included', async () => {
    expect(tuned.length).toBeGreaterThanOrEqual(40);
    const merged: string[] = [];
    for (const slug of tuned) {
      const [doc, docx] = await Promise.all([readDocumentFile(`${real}office/${slug}.doc`), readDocumentFile(`${real}office/${slug}.docx`)]);
      expect({ slug, tables: shape(doc.tables) }).toEqual({ slug, tables: shape(docx.tables) });
      if (shape(doc.tables).flat(2).some((cell) => cell.startsWith('↑'))) merged.push(slug);
    }
    // The set holds tables with vertical merges (xihu-0000-1's 负责科室 over four rows among them).
    expect(merged).toContain('xihu-0000-1');
  });

  it('two tables with no paragraph between them part where their columns differ; a row spanning columns stays', () => {
    const paragraphs: WordParagraph[] = [
      ...row(['序号', '工作任务', '牵头单位', '完成时限'], [0, 600, 4600, 6600, 8600]),
      ...row(['1', '推进政务公开标准化', '市政务服务数据管理局', '2027年6月底前'], [0, 600, 4600, 6600, 8600]),
      ...row(['二、民生实事'], [0, 8600]),
      ...row(['2', '完善预决算公开', '市财政局', '12月底前'], [0, 600, 4600, 6600, 8600], [2]),
      // A second table drawn with other columns (its first column as wide as the first's 序号), right under the first.
      ...row(['项目', '建设内容', '责任单位', '年度投资'], [0, 600, 5200, 7200, 8600]),
      ...row(['城北小学', '新建教学楼', '县教体局', '300'], [0, 600, 5200, 7200, 8600]),
    ];
    const document = documentOfWordParagraphs(paragraphs);
    expect(shape(document.tables)).toEqual([
      [
        ['序号', '工作任务', '牵头单位', '完成时限'],
        ['1', '推进政务公开标准化', '市政务服务数据管理局', '2027年6月底前'],
        ['二、民生实事', '', '', ''],
        ['2', '完善预决算公开', '↑市财政局', '12月底前'],
      ],
      [
        ['项目', '建设内容', '责任单位', '年度投资'],
        ['城北小学', '新建教学楼', '县教体局', '300'],
      ],
    ]);
  });
});
