/**
 * Bulk reads for the question index: every live task with its unit links
 * and due dates, every plan, unit and alias, in a handful of statements
 * (raw SQL: at 100,000 tasks Prisma's per-row decoding would dominate), and
 * a fingerprint that changes when any of them changes.
 */
import { join, raw } from '@prisma/client/runtime/client';
import { INDEXED_COLUMN_NAMES, INDEXED_TASK_COLUMNS, type ColumnType, type IndexedTaskColumns } from '../domain/questions/indexed-fields.js';
import type { Db } from './client.js';

/** A task's own columns, as the question index keeps them: declared in INDEXED_TASK_COLUMNS. */
export type SearchTaskRow = IndexedTaskColumns;

/** A plan as the question index keeps it. */
export interface SearchPlanRow {
  id: number;
  title: string;
  jurisdiction: string;
  /** The plan's year, when the document says it: when its 全年工作 falls due. */
  year?: number | null;
  /** Demonstration data (the console's 演示数据): every card showing its tasks says so. */
  demo?: boolean;
}

/** Rows for building the index. */
export interface SearchRows {
  tasks: SearchTaskRow[];
  links: { taskId: number; unitId: number; role: string; position: number }[];
  deadlines: { taskId: number; raw: string; dueOn: string | null; recurrence: string | null; position: number }[];
  plans: SearchPlanRow[];
  units: { id: number; name: string; jurisdiction: string }[];
  aliases: { unitId: number; alias: string }[];
}

const toNumber = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
const toTime = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date).getTime());

/** Counts and times that change when the index's sources change. */
export interface SearchFingerprint {
  tasks: number;
  tasksAt: number | null;
  links: number;
  plans: number;
  plansAt: number | null;
  units: number;
  aliases: number;
}

type Row = Record<string, unknown>;

/** Tasks read at a time when the index is built. */
const TASK_PAGE = 10_000;

/** Reads a column's value as its declared type (PostgreSQL counts come back as bigint, times as Date or text). */
const DECODE: Record<ColumnType, (value: unknown) => unknown> = {
  int: toNumber,
  'int?': (value) => (value === null || value === undefined ? null : toNumber(value)),
  text: (value) => value as string,
  'text?': (value) => (value as string | null | undefined) ?? null,
  time: (value) => toTime(value) ?? 0,
  'time?': toTime,
};

/** The declared columns as a select list, each quoted. */
const TASK_COLUMNS = INDEXED_COLUMN_NAMES.map((name) => `"${name}"`).join(', ');

/** The declared columns' decoders, in select order. */
const TASK_DECODERS = INDEXED_COLUMN_NAMES.map((name) => [name, DECODE[INDEXED_TASK_COLUMNS[name].type]] as const);

function taskRow(row: Row): SearchTaskRow {
  const task: Record<string, unknown> = {};
  for (const [name, decode] of TASK_DECODERS) task[name] = decode(row[name]);
  return task as SearchTaskRow;
}

function linkRow(row: Row): SearchRows['links'][number] {
  return { taskId: toNumber(row.taskId), unitId: toNumber(row.unitId), role: row.role as string, position: toNumber(row.position) };
}

function deadlineRow(row: Row): SearchRows['deadlines'][number] {
  return { taskId: toNumber(row.taskId), raw: row.raw as string, dueOn: (row.dueOn as string | null) ?? null, recurrence: (row.recurrence as string | null) ?? null, position: toNumber(row.position) };
}

/** Reads what the question index is built from. */
export class SearchRepository {
  constructor(private readonly db: Db) {}

  /** Everything the index needs, live tasks only (the rows of every page of tasks together). */
  async loadRows(): Promise<SearchRows> {
    const rows: SearchRows = { tasks: [], links: [], deadlines: [], ...(await this.loadPlansAndUnits()) };
    for await (const page of this.taskPages()) {
      for (const task of page.tasks) rows.tasks.push(task);
      for (const link of page.links) rows.links.push(link);
      for (const deadline of page.deadlines) rows.deadlines.push(deadline);
    }
    return rows;
  }

  /** Every plan, unit and alias. */
  async loadPlansAndUnits(): Promise<Pick<SearchRows, 'plans' | 'units' | 'aliases'>> {
    const [plans, units, aliases] = await Promise.all([
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "id", "title", "jurisdiction", "year", "demo" FROM "Plan"`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "id", "name", "jurisdiction" FROM "Unit"`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "unitId", "alias" FROM "UnitAlias"`,
    ]);
    return {
      plans: plans.map((row) => ({ id: toNumber(row.id), title: row.title as string, jurisdiction: row.jurisdiction as string, year: row.year === null || row.year === undefined ? null : toNumber(row.year), demo: Number(row.demo) === 1 })),
      units: units.map((row) => ({ id: toNumber(row.id), name: row.name as string, jurisdiction: row.jurisdiction as string })),
      aliases: aliases.map((row) => ({ unitId: toNumber(row.unitId), alias: row.alias as string })),
    };
  }

  /**
   * The live tasks with their links and deadlines, a page of `size` tasks at
   * a time in id order: at 100,000 tasks, one read of each table held every
   * row three times over (driver, query engine, decoded) at once, and the
   * process kept that memory after it was freed.
   */
  async *taskPages(size = TASK_PAGE): AsyncGenerator<Pick<SearchRows, 'tasks' | 'links' | 'deadlines'>> {
    for (let after = 0; ; ) {
      const tasks = (
        await this.db.$queryRaw<Record<string, unknown>[]>`
          SELECT ${raw(TASK_COLUMNS)} FROM "Task" WHERE "removedAt" IS NULL AND "id" > ${after} ORDER BY "id" LIMIT ${size}`
      ).map(taskRow);
      if (tasks.length === 0) return;
      const first = tasks[0]!.id;
      const last = tasks.at(-1)!.id;
      const [links, deadlines] = await Promise.all([
        this.db.$queryRaw<Record<string, unknown>[]>`
          SELECT tu."taskId", tu."unitId", tu."role", tu."position" FROM "TaskUnit" tu
          JOIN "Task" t ON t."id" = tu."taskId" WHERE t."removedAt" IS NULL AND tu."taskId" BETWEEN ${first} AND ${last}`,
        this.db.$queryRaw<Record<string, unknown>[]>`
          SELECT d."taskId", d."raw", d."dueOn", d."recurrence", d."position" FROM "Deadline" d
          JOIN "Task" t ON t."id" = d."taskId" WHERE t."removedAt" IS NULL AND d."taskId" BETWEEN ${first} AND ${last}`,
      ]);
      yield { tasks, links: links.map(linkRow), deadlines: deadlines.map(deadlineRow) };
      if (tasks.length < size) return;
      after = last;
    }
  }

  /** Counts and latest change times of what the index is built from; compare two to tell what changed. */
  async fingerprint(): Promise<SearchFingerprint> {
    const [row] = await this.db.$queryRaw<Record<string, unknown>[]>`
      SELECT
        (SELECT COUNT(*) FROM "Task") AS tasks,
        (SELECT MAX("updatedAt") FROM "Task") AS "tasksAt",
        (SELECT COUNT(*) FROM "TaskUnit") AS links,
        (SELECT COUNT(*) FROM "Plan") AS plans,
        (SELECT MAX("updatedAt") FROM "Plan") AS "plansAt",
        (SELECT COUNT(*) FROM "Unit") AS units,
        (SELECT COUNT(*) FROM "UnitAlias") AS aliases`;
    const time = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date).getTime());
    return {
      tasks: toNumber(row!.tasks),
      tasksAt: time(row!.tasksAt),
      links: toNumber(row!.links),
      plans: toNumber(row!.plans),
      plansAt: time(row!.plansAt),
      units: toNumber(row!.units),
      aliases: toNumber(row!.aliases),
    };
  }

  /** Ids of tasks written at or after `since` (ms), live or removed. */
  async changedSince(since: number): Promise<number[]> {
    const rows = await this.db.$queryRaw<{ id: number | bigint }[]>`SELECT "id" FROM "Task" WHERE "updatedAt" >= ${new Date(since)}`;
    return rows.map((row) => toNumber(row.id));
  }

  /** The index rows of some tasks (with their links and deadlines); removed ones come back with `removed`. */
  async loadTasks(ids: readonly number[]): Promise<Pick<SearchRows, 'tasks' | 'links' | 'deadlines'> & { removed: number[] }> {
    if (ids.length === 0) return { tasks: [], links: [], deadlines: [], removed: [] };
    const list = join([...ids]);
    const [tasks, links, deadlines] = await Promise.all([
      this.db.$queryRaw<Record<string, unknown>[]>`
        SELECT ${raw(TASK_COLUMNS)}, "removedAt" FROM "Task" WHERE "id" IN (${list})`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "taskId", "unitId", "role", "position" FROM "TaskUnit" WHERE "taskId" IN (${list})`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "taskId", "raw", "dueOn", "recurrence", "position" FROM "Deadline" WHERE "taskId" IN (${list})`,
    ]);
    return {
      tasks: tasks.filter((row) => row.removedAt === null).map(taskRow),
      removed: tasks.filter((row) => row.removedAt !== null).map((row) => toNumber(row.id)),
      links: links.map(linkRow),
      deadlines: deadlines.map(deadlineRow),
    };
  }

  /**
   * The naive search: LIKE over task titles, requirements and unit names,
   * optionally only tasks overdue on `overdueOn`. Ids in plan and document
   * order. Kept as the question benchmark's baseline, not used to answer.
   */
  async naiveSearch(like: string, overdueOn: string | null): Promise<number[]> {
    const rows = overdueOn
      ? await this.db.$queryRaw<{ id: number | bigint }[]>`
          SELECT t."id" FROM "Task" t
          WHERE t."removedAt" IS NULL AND t."status" <> 'done'
            AND (t."title" LIKE ${like} OR t."requirement" LIKE ${like}
              OR t."id" IN (SELECT tu."taskId" FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId" WHERE u."name" LIKE ${like}))
            AND t."id" IN (SELECT d."taskId" FROM "Deadline" d WHERE d."dueOn" < ${overdueOn})
          ORDER BY t."planId", t."position"`
      : await this.db.$queryRaw<{ id: number | bigint }[]>`
          SELECT t."id" FROM "Task" t
          WHERE t."removedAt" IS NULL
            AND (t."title" LIKE ${like} OR t."requirement" LIKE ${like}
              OR t."id" IN (SELECT tu."taskId" FROM "TaskUnit" tu JOIN "Unit" u ON u."id" = tu."unitId" WHERE u."name" LIKE ${like}))
          ORDER BY t."planId", t."position"`;
    return rows.map((row) => Number(row.id));
  }
}
