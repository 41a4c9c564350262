/**
 * The one list of what the question index keeps of a task. Each of a
 * task's own columns says how it is read (its type: the search repository
 * selects and decodes the columns from this list) and what a change to it
 * means for the index: `patch` — a state the index takes in place (a
 * progress report), `rebuild` — a change to what or where the task is (its
 * text, its place in the plan), which needs the index built again. The
 * facts a task may inherit from its nearest ancestor (units, deadlines) are
 * listed here too. Adding a field to the index is one line here; the row
 * type, the SQL, the decoding and the index's patch test follow from it.
 */
import type { Recurrence, UnitRole } from '../vocabulary.js';

/** How a column is read from the database: a number, text or a time (ms); `?` allows null. */
export type ColumnType = 'int' | 'int?' | 'text' | 'text?' | 'time' | 'time?';

/** What a changed value means for an index already built. */
export type OnChange = 'identity' | 'patch' | 'rebuild';

/** A task's own column the index keeps. */
export interface IndexedColumn {
  type: ColumnType;
  onChange: OnChange;
}

/** The task's own columns the index keeps, in the order they are selected. */
export const INDEXED_TASK_COLUMNS = {
  id: { type: 'int', onChange: 'identity' },
  planId: { type: 'int', onChange: 'rebuild' },
  parentId: { type: 'int?', onChange: 'rebuild' },
  key: { type: 'text', onChange: 'rebuild' },
  /** As printed: "8", "（一）", "3．". */
  number: { type: 'text?', onChange: 'rebuild' },
  kind: { type: 'text', onChange: 'rebuild' },
  position: { type: 'int', onChange: 'rebuild' },
  title: { type: 'text', onChange: 'rebuild' },
  requirement: { type: 'text', onChange: 'rebuild' },
  categoryPath: { type: 'text', onChange: 'rebuild' },
  status: { type: 'text', onChange: 'patch' },
  percent: { type: 'int', onChange: 'patch' },
  /** Milliseconds, or null when no progress was ever reported. */
  lastReportAt: { type: 'time?', onChange: 'patch' },
  /** Milliseconds when the task was first imported. */
  createdAt: { type: 'time', onChange: 'patch' },
  /** Leaders in charge (分管领导), names joined by "、"; null when none. */
  leaders: { type: 'text?', onChange: 'patch' },
} as const satisfies Record<string, IndexedColumn>;

/** The TypeScript value of each column type. */
interface ColumnValue {
  int: number;
  'int?': number | null;
  text: string;
  'text?': string | null;
  time: number;
  'time?': number | null;
}

/** A task's own columns as the question index keeps them (derived from INDEXED_TASK_COLUMNS). */
export type IndexedTaskColumns = { -readonly [K in keyof typeof INDEXED_TASK_COLUMNS]: ColumnValue[(typeof INDEXED_TASK_COLUMNS)[K]['type']] };

/** The names of the task's own columns the index keeps, in select order. */
export const INDEXED_COLUMN_NAMES = Object.keys(INDEXED_TASK_COLUMNS) as (keyof IndexedTaskColumns)[];

/** The own columns whose change the index cannot patch in place. */
export const REBUILD_COLUMNS = INDEXED_COLUMN_NAMES.filter((name) => INDEXED_TASK_COLUMNS[name].onChange === 'rebuild');

/** The facts a task has from its rows of links and deadlines: its own, or its nearest ancestor's when it names none. */
export interface InheritedFacts {
  units: readonly { unitId: number; role: UnitRole }[];
  /** Parsed due dates, 'YYYY-MM-DD', ascending. */
  dueDates: readonly string[];
  /** The deadline as written (several joined by "；"), '' when none. */
  deadlineRaw: string;
  /** The period of its first recurring deadline (全年工作 → yearly), or null. */
  recurrence: Recurrence | null;
}

/**
 * Whose each inherited fact is when a task names none: `units` from its
 * nearest ancestor with units, `deadline` from its nearest ancestor with a
 * deadline. A change to any of them needs a rebuild.
 */
export const INHERITED_FACTS: Record<keyof InheritedFacts, 'units' | 'deadline'> = {
  units: 'units',
  dueDates: 'deadline',
  deadlineRaw: 'deadline',
  recurrence: 'deadline',
};

/** The names of the inherited facts. */
export const INHERITED_FACT_NAMES = Object.keys(INHERITED_FACTS) as (keyof InheritedFacts)[];

/** True when two versions of a task differ only in what the index patches in place (same id assumed). */
export function differsOnlyInState<T extends IndexedTaskColumns & InheritedFacts>(before: T, after: T): boolean {
  return (
    REBUILD_COLUMNS.every((name) => before[name] === after[name]) &&
    INHERITED_FACT_NAMES.every((name) => before[name] === after[name] || JSON.stringify(before[name]) === JSON.stringify(after[name]))
  );
}

/**
 * `task` with the inherited facts of the tasks it has its units and its
 * deadline from (itself or ancestors). The copy is made property by
 * property, not by spread: V8 gives each object spread from these rows a
 * hidden class of its own (a map and its descriptors, ~0.5 KB per task),
 * where copies made in one order share one.
 */
export function withInheritedFacts<T extends InheritedFacts>(task: T, unitsSource: T, deadlineSource: T): T {
  if (unitsSource === task && deadlineSource === task) return task;
  const copy = {} as Record<string, unknown>;
  for (const name in task) copy[name] = task[name];
  for (const name of INHERITED_FACT_NAMES) copy[name] = (INHERITED_FACTS[name] === 'units' ? unitsSource : deadlineSource)[name];
  return copy as T;
}
