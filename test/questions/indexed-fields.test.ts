/**
 * The index's one list of task fields decides what a changed task means:
 * a state the index takes in place (a progress report) or a change to what
 * or where the task is, which needs a rebuild. Checked field by field
 * against the index itself, so a field added to the list is covered too.
 */
import { describe, expect, it } from 'vitest';
import { INDEXED_COLUMN_NAMES, INDEXED_TASK_COLUMNS, INHERITED_FACT_NAMES } from '../../src/domain/questions/indexed-fields.js';
import { TaskIndex, type IndexedTask } from '../../src/domain/questions/task-index.js';

function task(id: number, parentId: number | null): IndexedTask {
  return {
    id, planId: 1, parentId, key: String(id), number: String(id), kind: 'task', position: id, title: `任务${id}`, requirement: '', categoryPath: '',
    status: 'open', percent: 0, lastReportAt: null, createdAt: 0, leaders: null, recurrence: null, units: [{ unitId: 7, role: 'lead' }], dueDates: ['2026-12-31'], deadlineRaw: '2026年底',
  };
}

/** A different value of the same type as `value`. */
function another(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}改`;
  if (Array.isArray(value)) return [...value, value[0]];
  return 5;
}

describe('indexed fields', () => {
  const plans = [{ id: 1, title: '测试方案', jurisdiction: '中山市' }];

  it.each(INDEXED_COLUMN_NAMES.filter((name) => name !== 'id'))('a change to %s is patched in place only when declared a state', (name) => {
    const index = new TaskIndex([task(1, null), task(2, 1)], plans);
    const changed = { ...task(2, 1), [name]: another(task(2, 1)[name]) };
    expect(index.patch([changed])).toBe(INDEXED_TASK_COLUMNS[name].onChange === 'patch');
    if (INDEXED_TASK_COLUMNS[name].onChange === 'patch') expect(index.get(2)![name]).toBe(changed[name]);
  });

  it.each(INHERITED_FACT_NAMES)('a change to the inherited %s needs a rebuild', (name) => {
    const index = new TaskIndex([task(1, null), task(2, 1)], plans);
    expect(index.patch([{ ...task(2, 1), [name]: another(task(2, 1)[name]) }])).toBe(false);
  });

  it('a patched state keeps what the task inherits from its parent', () => {
    const parent = task(1, null);
    const child = { ...task(2, 1), units: [], dueDates: [], deadlineRaw: '' };
    const index = new TaskIndex([parent, child], plans);
    expect(index.patch([{ ...child, status: 'done', percent: 100 }])).toBe(true);
    expect(index.get(2)).toMatchObject({ status: 'done', percent: 100, units: parent.units, dueDates: parent.dueDates, deadlineRaw: parent.deadlineRaw });
  });
});
