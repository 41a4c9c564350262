/**
 * Topic words as people write them against the plans' wording: a
 * disclosure topic ("预决算公开") is its stem and 公开 anywhere in the task,
 * not the two side by side; a name with a generic word ("12345热线") falls
 * back to the name alone, marked approximate, only when the whole finds
 * nothing; an ordinary word is still a real substring.
 */
import { describe, expect, it } from 'vitest';
import { taskQuery } from '../../src/domain/questions/question.js';
import { TaskIndex, disclosureParts, relaxedTopic, type IndexedTask } from '../../src/domain/questions/task-index.js';

function task(id: number, title: string, requirement = ''): IndexedTask {
  return {
    id, planId: 1, parentId: null, key: String(id), number: String(id), kind: 'task', position: id, title, requirement, categoryPath: '',
    status: 'open', percent: 0, lastReportAt: null, createdAt: 0, leaders: null, recurrence: null, units: [{ unitId: 7, role: 'lead' }], dueDates: [], deadlineRaw: '',
  };
}

describe('topic matching', () => {
  const index = new TaskIndex(
    [
      task(1, '细化财政预决算公开'),
      task(2, '加快推进财政预决算、重大建设项目重点领域政府信息公开工作'),
      task(3, '推进预算绩效管理'),
      task(4, '加强中山市12345投诉举报平台管理'),
      task(5, '整合各类政务热线电话'),
      task(6, '推动政府和社会资本合作PPP项目信息公开'),
      task(7, '公开PPP（政府和社会资本合作）项目库'),
    ],
    [{ id: 1, title: '方案', jurisdiction: '中山市' }],
  );
  const search = (topic: string) => index.search(taskQuery({ topic }), '2016-11-23');
  const ids = (topic: string) => search(topic).hits.map((hit) => hit.task.id).sort();

  it('a disclosure topic is its stem and 公开, wherever they stand in the task', () => {
    expect(disclosureParts(['预决算公开', 'PPP'])).toEqual(['预决算', '公开', 'PPP']);
    expect(disclosureParts(['专项资金信息公开'])).toEqual(['专项资金', '信息公开']);
    expect(disclosureParts(['公开'])).toEqual(['公开']);
    expect(ids('预决算公开')).toEqual([1, 2]);
    expect(search('预决算公开').approximate).toBe(false);
    expect(search('预决算公开').hits[0]!.matchedWords).toEqual(['预决算']);
  });

  it('a number or latin name with a generic word: the name alone, approximate, only when the whole finds nothing', () => {
    expect(relaxedTopic(['12345热线', '扶贫'])).toEqual(['12345', '扶贫']);
    expect(ids('12345热线')).toEqual([4]);
    expect(search('12345热线').approximate).toBe(true);
    // The whole word found: no relaxing (7 writes PPP apart from 项目).
    expect(ids('PPP项目')).toEqual([6]);
    expect(search('PPP项目').approximate).toBe(false);
    // A word without a name is not relaxed: 政务热线 is not every 热线.
    expect(ids('政务热线')).toEqual([5]);
    expect(ids('96345热线')).toEqual([]);
  });
});
