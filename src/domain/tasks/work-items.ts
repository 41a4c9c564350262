/**
 * What "a task" is — the one definition that answers, counts, the weekly
 * card, reminders, the ledger export and the import report all use, so
 * they give the same number for the same plan.
 *
 * A plan is a tree: tasks, some broken into numbered sub-requirements
 * (第10项第3条). A **work item** is a node without sub-items (a task not
 * broken down, or each sub-requirement of one), never a category heading.
 * Where a work item names no units, it has those of its nearest ancestor
 * that names some; the same for its deadline. A parent is still a node —
 * found by its number, shown as the item's 所属任务 — but it is not counted,
 * listed or reminded beside its own items.
 */

/** A node of a plan as the rule needs it: which node it is and which node it hangs under. */
export interface PlanNode {
  id: number;
  parentId: number | null;
  /** 'category' | 'task' | 'requirement': a heading is never a work item. */
  kind: string;
}

/** Whether a node names units and a deadline of its own, in whatever shape its caller keeps them. */
export interface OwnFacts<T> {
  hasUnits(node: T): boolean;
  hasDeadline(node: T): boolean;
}

/**
 * The rule applied to a list of nodes, by position in that list: whether
 * each node is a work item, and the position of the node whose units and
 * whose deadline it has (its own position when it names them, or when no
 * ancestor does). Typed arrays, so the question index can take it for
 * 100,000 tasks without an object per task.
 */
export interface Lineage {
  workItem: Uint8Array;
  unitsFrom: Int32Array;
  deadlineFrom: Int32Array;
}

/** A work item with the nodes its units and deadline come from (itself, or an ancestor). */
export interface WorkItem<T> {
  task: T;
  unitsFrom: T;
  deadlineFrom: T;
}

/**
 * Applies the rule to a plan's nodes (or several plans'; ids are unique).
 * A node whose parent is not among them (archived, or not loaded) counts
 * as a top-level node; a parent whose sub-items are all gone is a work item.
 */
export function lineage<T extends PlanNode>(nodes: readonly T[], own: OwnFacts<T>): Lineage {
  const count = nodes.length;
  const at = new Map<number, number>();
  nodes.forEach((node, index) => at.set(node.id, index));
  const parentAt = new Int32Array(count).fill(-1);
  const hasChildren = new Uint8Array(count);
  nodes.forEach((node, index) => {
    const parent = node.parentId === null ? undefined : at.get(node.parentId);
    if (parent === undefined || parent === index) return;
    parentAt[index] = parent;
    hasChildren[parent] = 1;
  });
  const workItem = new Uint8Array(count);
  for (let index = 0; index < count; index++) workItem[index] = hasChildren[index] || nodes[index]!.kind === 'category' ? 0 : 1;
  return { workItem, unitsFrom: nearestNaming(nodes, parentAt, own.hasUnits), deadlineFrom: nearestNaming(nodes, parentAt, own.hasDeadline) };
}

/** The work items among `nodes`, in their order, each with where its units and deadline come from. */
export function workItems<T extends PlanNode>(nodes: readonly T[], own: OwnFacts<T>): WorkItem<T>[] {
  const { workItem, unitsFrom, deadlineFrom } = lineage(nodes, own);
  const items: WorkItem<T>[] = [];
  nodes.forEach((task, index) => {
    if (workItem[index]) items.push({ task, unitsFrom: nodes[unitsFrom[index]!]!, deadlineFrom: nodes[deadlineFrom[index]!]! });
  });
  return items;
}

/**
 * For one node, given it and its ancestors nearest first: the first that
 * names what `names` asks for, else the node itself. The rule for a single
 * task read from the database (whose parents are a lookup or two away).
 */
export function inheritedFrom<T>(selfAndAncestors: readonly [T, ...T[]], names: (node: T) => boolean): T {
  return selfAndAncestors.find(names) ?? selfAndAncestors[0];
}

/** For each node, the position of the nearest of itself and its ancestors that names the fact (its own position when none does). */
function nearestNaming<T>(nodes: readonly T[], parentAt: Int32Array, names: (node: T) => boolean): Int32Array {
  const UNKNOWN = -1;
  const NONE = -2;
  const count = nodes.length;
  const from = new Int32Array(count).fill(UNKNOWN);
  const path: number[] = [];
  for (let index = 0; index < count; index++) {
    if (from[index] !== UNKNOWN) continue;
    // Walk up until a node that names it, or whose answer is known, or the top; then fill the path.
    let found = NONE;
    for (let cursor = index; cursor !== -1 && path.length <= count; cursor = parentAt[cursor]!) {
      if (from[cursor] !== UNKNOWN) {
        found = from[cursor]!;
        break;
      }
      path.push(cursor);
      if (names(nodes[cursor]!)) {
        found = cursor;
        break;
      }
    }
    for (const node of path) from[node] = found;
    path.length = 0;
  }
  // Nobody up the line names it: each such node keeps its own (empty) one.
  for (let index = 0; index < count; index++) if (from[index] === NONE) from[index] = index;
  return from;
}
