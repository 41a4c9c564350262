/**
 * The scoreboard's own rules, on a small plan written for it: a list closed by 等…有关部门 in the gold names the
 * same bodies as the importer's units apart (the bureaus and the department collective), and a different unit is
 * still wrong — so the equivalence cannot hide a misread.
 */
import { describe, expect, it } from 'vitest';
import { scoreDocument, type Gold } from '../support/import-scoring.js';

const PLAN = [
  '宁波市2025年重点工作任务分解',
  '1.推进城市更新行动',
  '牵头单位：市发改委',
  '配合单位：市住建局、市自然资源规划局等市级有关部门',
  '2.推进老旧小区改造',
  '牵头单位：市住建局',
  '配合单位：市财政局',
].join('\n');

const gold = (others: string[]): Gold =>
  ({
    split: 'tune',
    family: 'prose-labels',
    title: null,
    region: null,
    year: null,
    tasks: [
      { number: '1', starts: '推进城市更新行动', lead: ['市发改委'], others, leaders: [], deadline: null },
      { number: '2', starts: '推进老旧小区改造', lead: ['市住建局'], others: ['市财政局'], leaders: [], deadline: null },
    ],
  }) as unknown as Gold;

describe('the import scoreboard', () => {
  it('takes a list closed by 等市级有关部门 as its parts, and still counts another unit wrong', () => {
    expect(scoreDocument('scoring', PLAN, gold(['市住建局', '市自然资源规划局等市级有关部门'])).failures).toEqual([]);
    expect(scoreDocument('scoring', PLAN, gold(['市住建局', '市自然资源规划局', '市级有关部门'])).failures).toEqual([]);
    expect(scoreDocument('scoring', PLAN, gold(['市住建局', '市水利局等市级有关部门'])).failures).toHaveLength(1);
  });
});
