/** The unit synonym table as an administrator writes it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSynonymTable, synonymsOf } from '../../src/domain/units/synonym-table.js';

describe('unit synonym table', () => {
  it('a "*" group matches each level with its own prefix, never across levels', () => {
    const table = parseSynonymTable('*：发展改革局 = 发改局 = 发改委\n');
    expect(synonymsOf(table, '中山市', '市发改局')).toEqual(['市发改局', '市发展改革局', '市发改委']);
    expect(synonymsOf(table, '新会区', '区发改委')).toEqual(['区发改委', '区发展改革局', '区发改局']);
    expect(synonymsOf(table, '新会区', '区财政局')).toEqual(['区财政局']);
  });

  it('a jurisdiction group applies in that jurisdiction only', () => {
    const table = parseSynonymTable('中山市：市政务服务管理办公室 = 市政务办');
    expect(synonymsOf(table, '中山市', '市政务办')).toEqual(['市政务办', '市政务服务管理办公室']);
    expect(synonymsOf(table, '临沂市', '市政务办')).toEqual(['市政务办']);
  });

  it('reports lines it cannot read with the line number and the right form, and skips comments', () => {
    const table = parseSynonymTable('# 注释\n中山市 市发改局\n*：只有一个名称\n*：环境保护局 = 环保局 # 行尾注释\n');
    expect(table.groups).toEqual([{ jurisdiction: '*', names: ['环境保护局', '环保局'], line: 4 }]);
    expect(table.errors).toEqual([
      '第2行：应写成“辖区：标准名称 = 别名 = …”，例如“中山市：市发展改革局 = 市发改局”',
      '第3行：应写成“辖区：标准名称 = 别名 = …”，例如“中山市：市发展改革局 = 市发改局”',
    ]);
  });

  it('the shipped table reads without errors', () => {
    const text = readFileSync(fileURLToPath(new URL('../../seeds/unit-synonyms.txt', import.meta.url)), 'utf8');
    const table = parseSynonymTable(text);
    expect(table.errors).toEqual([]);
    expect(table.groups.length).toBeGreaterThanOrEqual(15);
  });
});
