/**
 * "Most urgent first" (/我的, /到期): open tasks by their first due day —
 * overdue before due soon before later, tasks without a date after those —
 * and closed tasks last; pages cut that order, not document order.
 */
import { describe, expect, it } from 'vitest';
import { taskQuery } from '../../src/domain/questions/question.js';
import { TaskIndex, type IndexedTask } from '../../src/domain/questions/task-index.js';

function task(id: number, dueDates: string[], status = 'in_progress'): IndexedTask {
  return {
    id, planId: 1, parentId: null, key: String(id), number: String(id), kind: 'task', position: id, title: `任务${id}`, requirement: '', categoryPath: '',
    status, percent: 10, lastReportAt: null, createdAt: 0, leaders: null, recurrence: null, units: [{ unitId: 7, role: 'lead' }], dueDates, deadlineRaw: dueDates.join('；'),
  };
}

describe('urgency order', () => {
  // Document order 1…6; urgency order: 4 (overdue), 2 (due in days), 6 (later), 1 (no date), then the closed 3 and 5.
  const index = new TaskIndex(
    [task(1, []), task(2, ['2026-12-01']), task(3, ['2026-11-01'], 'done'), task(4, ['2026-10-15']), task(5, [], 'done'), task(6, ['2027-03-31'])],
    [{ id: 1, title: '方案', jurisdiction: '中山市' }],
  );
  const ids = (query: Parameters<TaskIndex['search']>[0], window?: { offset: number; limit: number }) => index.search(query, '2026-11-22', window).hits.map((hit) => hit.task.id);
  const unit = [{ text: '市财政局', unitIds: [7], fuzzy: false }];

  it('orders a unit’s tasks by urgency, closed ones last, and pages that order', () => {
    expect(ids(taskQuery({ units: unit }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(taskQuery({ units: unit, order: 'urgency' }))).toEqual([4, 2, 6, 1, 3, 5]);
    expect(ids(taskQuery({ units: unit, order: 'urgency' }), { offset: 2, limit: 2 })).toEqual([6, 1]);
    expect(index.search(taskQuery({ units: unit, order: 'urgency' }), '2026-11-22', { offset: 2, limit: 2 }).total).toBe(6);
  });

  it('due within N days: open tasks due from today to today + N, soonest first', () => {
    expect(ids(taskQuery({ status: 'due_within', withinDays: 9, order: 'urgency' }))).toEqual([2]);
    expect(ids(taskQuery({ status: 'due_within', withinDays: 200, order: 'urgency' }))).toEqual([2, 6]);
    expect(ids(taskQuery({ status: 'due_within', withinDays: 8 }))).toEqual([]);
  });

  it('the tasks falling due first (接下来最先到期的): unfinished, their next deadline the earliest from today or from a period’s start, ties together', () => {
    const more = new TaskIndex(
      [
        task(1, ['2026-10-15', '2027-02-28']),
        task(2, ['2026-12-31']),
        task(3, ['2026-11-30'], 'done'),
        task(4, ['2026-12-31']),
        { ...task(5, []), recurrence: 'yearly', deadlineRaw: '从2026年起每年实施' },
        task(6, ['2027-06-30']),
      ],
      [{ id: 1, title: '方案', jurisdiction: '中山市', year: 2026 }],
    );
    const soonest = (query: Parameters<TaskIndex['search']>[0]) => {
      const result = more.search(query, '2026-11-22');
      return { ids: result.hits.map((hit) => hit.task.id), day: result.soonestDay };
    };
    // The done 3 is no longer due; 1's first deadline has passed, its next is in February; the yearly 5 is due at the year's end.
    expect(soonest(taskQuery({ soonest: true }))).toEqual({ ids: [2, 4, 5], day: '2026-12-31' });
    expect(soonest(taskQuery({ soonest: true, period: { kind: 'after_holiday', holiday: 'new_year' } }))).toEqual({ ids: [1], day: '2027-02-28' });
    expect(soonest(taskQuery({ soonest: true, units: [{ text: '市财政局', unitIds: [99], fuzzy: false }] }))).toEqual({ ids: [], day: undefined });
  });

  it('the tasks waiting longest (等得最久的): those whose last report is the oldest day, never one not reported', () => {
    const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);
    const waiting = new TaskIndex(
      [
        { ...task(1, []), status: 'pending_review', lastReportAt: at('2026-11-18') },
        { ...task(2, []), status: 'pending_review', lastReportAt: at('2026-11-01') },
        { ...task(3, []), status: 'pending_review', lastReportAt: at('2026-11-01') },
        { ...task(4, []), status: 'in_progress', lastReportAt: at('2026-10-01') },
        task(5, []),
      ],
      [{ id: 1, title: '方案', jurisdiction: '中山市' }],
    );
    const longest = (query: Parameters<TaskIndex['search']>[0]) => waiting.search(query, '2026-11-22').hits.map((hit) => hit.task.id);
    expect(longest(taskQuery({ waitedLongest: true, status: 'pending_review' }))).toEqual([2, 3]);
    expect(longest(taskQuery({ waitedLongest: true }))).toEqual([4]);
  });

  it('the task furthest along (进度报得最高的): the reported ones whose last percent is the highest, tied ones together, never one not reported', () => {
    const at = Date.parse('2026-11-18T10:00:00+08:00');
    const reported = new TaskIndex(
      [
        { ...task(1, []), status: 'blocked', percent: 40, lastReportAt: at },
        { ...task(2, []), status: 'blocked', percent: 70, lastReportAt: at },
        { ...task(3, []), status: 'in_progress', percent: 90, lastReportAt: at },
        { ...task(4, []), status: 'blocked', percent: 70, lastReportAt: at },
        { ...task(5, []), status: 'blocked' },
      ],
      [{ id: 1, title: '方案', jurisdiction: '中山市' }],
    );
    const furthest = (query: Parameters<TaskIndex['search']>[0]) => reported.search(query, '2026-11-22').hits.map((hit) => hit.task.id);
    expect(furthest(taskQuery({ furthest: true, status: 'blocked' }))).toEqual([2, 4]);
    expect(furthest(taskQuery({ furthest: true }))).toEqual([3]);
  });

  it('the task furthest behind (进度最低的): the lowest last percent, a task never reported at 0, tied ones together', () => {
    const at = Date.parse('2026-11-18T10:00:00+08:00');
    const reported = new TaskIndex(
      [
        { ...task(1, []), status: 'in_progress', percent: 40, lastReportAt: at },
        { ...task(2, []), status: 'in_progress', percent: 20, lastReportAt: at },
        { ...task(3, []), status: 'in_progress', percent: 20, lastReportAt: at },
        { ...task(4, []), status: 'open', percent: 0 },
      ],
      [{ id: 1, title: '方案', jurisdiction: '中山市' }],
    );
    const behind = (query: Parameters<TaskIndex['search']>[0]) => reported.search(query, '2026-11-22').hits.map((hit) => hit.task.id);
    expect(behind(taskQuery({ leastAlong: true, status: 'in_progress' }))).toEqual([2, 3]);
    expect(behind(taskQuery({ leastAlong: true }))).toEqual([4]);
  });
});
