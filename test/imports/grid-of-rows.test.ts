/**
 * A sheet's rows become the document's text as well as its table, one line
 * per row so warnings share one numbering — except that a gap of empty rows
 * (a stray cell in row 1,048,576) is not kept line for line: every reader
 * would walk a million empty lines.
 */
import { describe, expect, it } from 'vitest';
import { documentOfRows } from '../../src/imports/formats/grid-of-rows.js';

describe('a document made of sheet rows', () => {
  it('keeps row numbers as line numbers across short gaps, and makes a gap of a million empty rows one line', () => {
    const rows = [
      { line: 1, cells: ['2023年重点工作任务分解', ''] },
      { line: 2, cells: ['序号', '工作任务'] },
      { line: 5, cells: ['1', '推进营商环境改革'] },
      { line: 1_048_576, cells: ['', '备注'] },
    ];
    const { text, tables } = documentOfRows([], [rows]);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['2023年重点工作任务分解', '序号 工作任务', '', '', '1 推进营商环境改革']);
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('备注');
    // The table keeps the sheet's own row numbers.
    expect(tables![0]!.map((row) => row.line)).toEqual([1, 2, 5, 1_048_576]);
  });
});
