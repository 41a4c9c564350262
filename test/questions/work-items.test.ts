/**
 * The one rule of what a task is (domain/tasks/work-items), on plan trees
 * shaped like the documents': what is counted, and where a sub-item's
 * units and deadline come from.
 */
import { describe, expect, it } from 'vitest';
import { inheritedFrom, workItems } from '../../src/domain/tasks/work-items.js';

interface Node {
  id: number;
  parentId: number | null;
  kind: string;
  key: string;
  units: string[];
  deadline: string;
}

const node = (id: number, parentId: number | null, key: string, units: string[] = [], deadline = '', kind = parentId === null ? 'task' : 'requirement'): Node => ({ id, parentId, kind, key, units, deadline });
const own = { hasUnits: (n: Node) => n.units.length > 0, hasDeadline: (n: Node) => n.deadline !== '' };
const read = (nodes: Node[]) => workItems(nodes, own).map((item) => [item.task.key, item.unitsFrom.key, item.deadlineFrom.key]);

describe('work items', () => {
  it('a task broken into sub-requirements counts as them, each with its units and deadline, or its parent’s', () => {
    const plan = [
      node(20, null, '20', ['市财政局'], '2016年12月底前完成'),
      node(85, 20, '20.1'),
      node(86, 20, '20.2', ['市审计局']),
      node(87, 20, '20.3', [], '2016年8月底前完成'),
      node(21, null, '21', ['市政府办公室'], '全年工作'),
    ];
    expect(read(plan)).toEqual([
      ['20.1', '20', '20'],
      ['20.2', '20.2', '20'],
      ['20.3', '20', '20.3'],
      ['21', '21', '21'],
    ]);
  });

  it('inherits from the nearest ancestor that names it, however deep', () => {
    const plan = [node(1, null, '1', ['市财政局'], '2016年12月底前'), node(2, 1, '1.1', ['市审计局']), node(3, 2, '1.1.1'), node(4, 2, '1.1.2', [], '2016年9月底前')];
    expect(read(plan)).toEqual([
      ['1.1.1', '1.1', '1'],
      ['1.1.2', '1.1', '1.1.2'],
    ]);
  });

  it('a heading is never a task; a parent whose sub-items are all gone is one; an item whose parent is gone keeps its own', () => {
    const plan = [node(1, null, '一', [], '', 'category'), node(2, null, '2', ['市财政局'], '年底前'), node(3, 99, '3.1', [], '')];
    expect(read(plan)).toEqual([
      ['2', '2', '2'],
      ['3.1', '3.1', '3.1'],
    ]);
  });

  it('nothing up the line names it: the item keeps its own (empty) units and deadline', () => {
    expect(read([node(1, null, '1'), node(2, 1, '1.1'), node(3, 1, '1.2')])).toEqual([
      ['1.1', '1.1', '1.1'],
      ['1.2', '1.2', '1.2'],
    ]);
  });

  it('for one task and its ancestors read one by one: the nearest that names it, else itself', () => {
    const [item, parent, top] = [node(3, 2, '1.1.1'), node(2, 1, '1.1'), node(1, null, '1', ['市财政局'])];
    expect(inheritedFrom([item, parent, top], own.hasUnits)).toBe(top);
    expect(inheritedFrom([item, parent, top], own.hasDeadline)).toBe(item);
  });
});
