/**
 * Tasks as every count means them, worked out by the test from the
 * database's rows alone — not with the code under test: a task is a node
 * without live sub-items (never a category heading), with its nearest
 * ancestor's units and deadlines where it names none. Tests compare the
 * bot's figures (weekly card, ledger, import report, answers) with these.
 */
import type { Database } from '../../src/db/database.js';
import type { SearchRows } from '../../src/repositories/search-repository.js';

/** One task, from the rows. */
export interface RowTask {
  id: number;
  planId: number;
  parentId: number | null;
  key: string;
  status: string;
  /** Its own units, or its nearest ancestor's. */
  units: { unitId: number; role: string }[];
  /** Its own deadlines, or its nearest ancestor's: raw text and parsed days. */
  deadlines: { raw: string; dueOn: string | null }[];
  /** The ancestor whose deadlines it has, when it names none; else null. */
  deadlineFrom: number | null;
  /** The ancestor whose units it has, when it names none; else null. */
  unitsFrom: number | null;
}

/** The tasks of every live plan node, from the rows the search repository reads. */
export function tasksFromRows(rows: SearchRows): RowTask[] {
  const byId = new Map(rows.tasks.map((task) => [task.id, task]));
  const parents = new Set(rows.tasks.map((task) => task.parentId).filter((id) => id !== null));
  const linksOf = (id: number) => rows.links.filter((link) => link.taskId === id).sort((a, b) => a.position - b.position);
  const deadlinesOf = (id: number) => rows.deadlines.filter((deadline) => deadline.taskId === id).sort((a, b) => a.position - b.position);
  /** The nearest of the node and its ancestors with `own` non-empty, or the node itself. */
  const source = <T>(id: number, own: (id: number) => T[]): number => {
    for (let at: number | null | undefined = id; at !== null && at !== undefined; at = byId.get(at)?.parentId) if (own(at).length > 0) return at;
    return id;
  };
  return rows.tasks
    .filter((task) => task.kind !== 'category' && !parents.has(task.id))
    .map((task) => {
      const unitsAt = source(task.id, linksOf);
      const deadlineAt = source(task.id, deadlinesOf);
      return {
        id: task.id,
        planId: task.planId,
        parentId: task.parentId,
        key: task.key,
        status: task.status,
        units: linksOf(unitsAt).map((link) => ({ unitId: link.unitId, role: link.role })),
        deadlines: deadlinesOf(deadlineAt).map((deadline) => ({ raw: deadline.raw, dueOn: deadline.dueOn })),
        deadlineFrom: deadlineAt === task.id ? null : deadlineAt,
        unitsFrom: unitsAt === task.id ? null : unitsAt,
      };
    });
}

/** The same, read from a database. */
export async function tasksFromDatabase(db: Database): Promise<RowTask[]> {
  return tasksFromRows(await db.repos.search.loadRows());
}

/** Whether a task is overdue on `today`: not done, and its first parsed day before today. */
export function isOverdue(task: RowTask, today: string): boolean {
  const first = task.deadlines.map((deadline) => deadline.dueOn).filter((day): day is string => day !== null).sort()[0];
  return task.status !== 'done' && first !== undefined && first < today;
}

/** The units in charge of a task: its lead units, else its responsible ones, else all it names. */
export function unitsInChargeOf(task: RowTask): number[] {
  for (const role of ['lead', 'responsible']) {
    const ids = task.units.filter((link) => link.role === role).map((link) => link.unitId);
    if (ids.length > 0) return ids;
  }
  return task.units.map((link) => link.unitId);
}
