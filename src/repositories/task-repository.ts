/**
 * Tasks of a plan — categories, tasks and sub-requirements — with the units
 * that take part and the deadlines as written and understood.
 */
import { DeadlineKind, Recurrence, TaskKind, TaskStatus, UnitRole } from '../domain/vocabulary.js';
import { insertRows, insertRowsReturning } from './bulk-insert.js';
import type { Db } from './client.js';
import { slices } from './id-lists.js';
import { date, hotSql, int, intOrNull } from './hot-sql.js';

/** A unit's part in a task, with the unit's name for display. */
export interface TaskUnitLink {
  unitId: number;
  unitName: string;
  role: UnitRole;
}

/** A deadline as written (`raw`) and as understood. */
export interface DeadlineRecord {
  raw: string;
  kind: DeadlineKind;
  /** 'YYYY-MM-DD', when the text names a day. */
  dueOn: string | null;
  recurrence: Recurrence | null;
}

/** A task with its links and deadlines. */
export interface TaskRecord {
  id: number;
  planId: number;
  parentId: number | null;
  key: string;
  kind: TaskKind;
  number: string | null;
  position: number;
  categoryPath: string;
  title: string;
  requirement: string;
  sourceExcerpt: string;
  sourceLine: number | null;
  status: TaskStatus;
  percent: number;
  lastReportAt: Date | null;
  removedAt: Date | null;
  /** Leaders in charge (分管领导), names joined by "、"; null when the document names none. */
  leaders: string | null;
  /** What the document said last time of the correctable fields (JSON), null before any import wrote it. */
  documentFields: string | null;
  units: TaskUnitLink[];
  deadlines: DeadlineRecord[];
}

/** What an import writes for one node of a plan. */
export interface TaskInput {
  key: string;
  kind: TaskKind;
  parentId: number | null;
  number: string | null;
  position: number;
  categoryPath: string;
  title: string;
  requirement: string;
  sourceExcerpt: string;
  sourceLine: number | null;
  /** Leaders in charge, names joined by "、". */
  leaders?: string | null;
  /** What the document said of the correctable fields, as JSON (see Task.documentFields). */
  documentFields?: string | null;
}

/** One node of a plan as an import wants it stored: its parent by key, its units and deadlines. */
export interface PlanNodeInput extends Omit<TaskInput, 'parentId'> {
  parentKey: string | null;
  units: readonly { unitId: number; role: UnitRole }[];
  deadlines: readonly DeadlineRecord[];
}

/** What syncPlan did: the id of every node by key, and how many rows it touched. */
export interface PlanSyncResult {
  ids: Map<string, number>;
  created: number;
  updated: number;
  removed: number;
}

/** The current state of a task, derived from its latest progress update. */
export interface TaskState {
  status: TaskStatus;
  percent: number;
  lastReportAt: Date | null;
}

const taskInclude = {
  units: { orderBy: { position: 'asc' }, select: { unitId: true, role: true, unit: { select: { name: true } } } },
  deadlines: { orderBy: { position: 'asc' }, select: { raw: true, kind: true, dueOn: true, recurrence: true } },
} as const;

type TaskRow = NonNullable<Awaited<ReturnType<Db['task']['findFirst']>>> & {
  units: { unitId: number; role: string; unit: { name: string } }[];
  deadlines: { raw: string; kind: string; dueOn: string | null; recurrence: string | null }[];
};

function toRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    planId: row.planId,
    parentId: row.parentId,
    key: row.key,
    kind: TaskKind.parse(row.kind),
    number: row.number,
    position: row.position,
    categoryPath: row.categoryPath,
    title: row.title,
    requirement: row.requirement,
    sourceExcerpt: row.sourceExcerpt,
    sourceLine: row.sourceLine,
    status: TaskStatus.parse(row.status),
    percent: row.percent,
    lastReportAt: row.lastReportAt,
    removedAt: row.removedAt,
    leaders: row.leaders,
    documentFields: row.documentFields,
    units: row.units.map((link) => ({ unitId: link.unitId, unitName: link.unit.name, role: UnitRole.parse(link.role) })),
    deadlines: row.deadlines.map((deadline) => ({
      raw: deadline.raw,
      kind: DeadlineKind.parse(deadline.kind),
      dueOn: deadline.dueOn,
      recurrence: deadline.recurrence === null ? null : Recurrence.parse(deadline.recurrence),
    })),
  };
}

/** Only the TaskInput fields, so a wider object (a loaded TaskRecord) can be passed. */
function pickTaskInput(input: TaskInput): TaskInput {
  const { key, kind, parentId, number, position, categoryPath, title, requirement, sourceExcerpt, sourceLine } = input;
  return { key, kind, parentId, number, position, categoryPath, title, requirement, sourceExcerpt, sourceLine, leaders: input.leaders ?? null, documentFields: input.documentFields ?? null };
}

/** The columns a new task is inserted with; the rest take their defaults. */
const TASK_INSERT_COLUMNS = [
  'planId', 'parentId', 'key', 'kind', 'number', 'position', 'categoryPath', 'title', 'requirement', 'sourceExcerpt', 'sourceLine', 'leaders', 'documentFields', 'createdAt', 'updatedAt',
] as const;

type TaskInsert = Record<(typeof TASK_INSERT_COLUMNS)[number], string | number | Date | null>;

/** Reads and writes tasks, their unit links and deadlines. */
export class TaskRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates the node with this key in the plan, or updates it in place so its
   * id — and with it the progress history — survives a re-import.
   */
  async upsert(planId: number, input: TaskInput): Promise<{ id: number; created: boolean }> {
    const data = pickTaskInput(input);
    const existing = await this.db.task.findUnique({
      where: { planId_key: { planId, key: input.key } },
      select: { id: true },
    });
    if (existing) {
      await this.db.task.update({ where: { id: existing.id }, data: { ...data, removedAt: null } });
      return { id: existing.id, created: false };
    }
    const row = await this.db.task.create({ data: { planId, ...data }, select: { id: true } });
    return { id: row.id, created: true };
  }

  /** Sets the units of a task, in the order given, replacing the previous set. */
  async replaceUnits(taskId: number, links: readonly { unitId: number; role: UnitRole }[]): Promise<void> {
    await this.db.taskUnit.deleteMany({ where: { taskId } });
    if (links.length === 0) return;
    await this.db.taskUnit.createMany({
      data: links.map((link, position) => ({ taskId, unitId: link.unitId, role: link.role, position })),
    });
  }

  /** Sets the deadlines of a task, replacing the previous set. */
  async replaceDeadlines(taskId: number, deadlines: readonly DeadlineRecord[]): Promise<void> {
    await this.db.deadline.deleteMany({ where: { taskId } });
    if (deadlines.length === 0) return;
    await this.db.deadline.createMany({ data: deadlines.map((deadline, position) => ({ taskId, ...deadline, position })) });
  }

  /**
   * Marks every live task of the plan not in `keepIds` as removed (kept with
   * its history, hidden from answers). Returns how many were marked.
   */
  async markRemovedExcept(planId: number, keepIds: readonly number[], at: Date): Promise<number> {
    // The live ids are read and compared here: a NOT IN of a big plan's ids is more values than SQLite takes.
    const keep = new Set(keepIds);
    const live = await this.db.task.findMany({ where: { planId, removedAt: null }, select: { id: true } });
    let count = 0;
    for (const ids of slices(live.map((row) => row.id).filter((id) => !keep.has(id)))) {
      count += (await this.db.task.updateMany({ where: { id: { in: ids }, removedAt: null }, data: { removedAt: at } })).count;
    }
    return count;
  }

  /**
   * Makes the plan's stored tasks match `nodes` (parents before children) in
   * a few bulk statements: new nodes are created level by level, a node
   * whose key exists keeps its id (and so its progress history) and is only
   * written when something differs, and nodes no longer present are marked
   * removed. Re-importing an unchanged plan writes nothing but the check.
   */
  async syncPlan(planId: number, nodes: readonly PlanNodeInput[], removedAt: Date): Promise<PlanSyncResult> {
    const existing = new Map(
      (await this.db.task.findMany({ where: { planId }, include: taskInclude })).map((row) => [row.key, row as TaskRow]),
    );
    const ids = new Map([...existing].map(([key, row]) => [key, row.id]));
    const parentIdOf = (node: PlanNodeInput) => (node.parentKey === null ? null : ids.get(node.parentKey)!);
    const fieldsOf = (node: PlanNodeInput) => {
      const { key, kind, number, position, categoryPath, title, requirement, sourceExcerpt, sourceLine } = node;
      const [leaders, documentFields] = [node.leaders ?? null, node.documentFields ?? null];
      return { key, kind, number, position, categoryPath, title, requirement, sourceExcerpt, sourceLine, leaders, documentFields, parentId: parentIdOf(node) };
    };

    // New nodes, one statement per depth: a child needs its parent's id.
    let pending = nodes.filter((node) => !existing.has(node.key));
    const created = pending.length;
    while (pending.length > 0) {
      const ready = pending.filter((node) => node.parentKey === null || ids.has(node.parentKey));
      if (ready.length === 0) throw new Error(`plan ${planId}: nodes whose parent is missing: ${pending.map((node) => node.key).join(', ')}`);
      const now = new Date();
      const rows = await insertRowsReturning<TaskInsert, { id: number | bigint; key: string }>(
        this.db,
        'Task',
        TASK_INSERT_COLUMNS,
        ready.map((node) => ({ planId, ...fieldsOf(node), createdAt: now, updatedAt: now })),
        ['id', 'key'],
      );
      for (const row of rows) ids.set(row.key, Number(row.id));
      pending = pending.filter((node) => !ids.has(node.key));
    }

    let updated = 0;
    const relink: number[] = [];
    const redate: number[] = [];
    for (const node of nodes) {
      const row = existing.get(node.key);
      const id = ids.get(node.key)!;
      if (!row) {
        relink.push(id);
        redate.push(id);
        continue;
      }
      const fields = fieldsOf(node);
      const differs = (Object.keys(fields) as (keyof typeof fields)[]).some((field) => row[field] !== fields[field]);
      if (differs || row.removedAt !== null) {
        await this.db.task.update({ where: { id }, data: { ...fields, removedAt: null } });
        updated++;
      }
      const linksNow = JSON.stringify(row.units.map((link) => [link.unitId, link.role]));
      if (linksNow !== JSON.stringify(node.units.map((link) => [link.unitId, link.role]))) relink.push(id);
      const datesNow = JSON.stringify(row.deadlines.map((d) => [d.raw, d.kind, d.dueOn, d.recurrence]));
      if (datesNow !== JSON.stringify(node.deadlines.map((d) => [d.raw, d.kind, d.dueOn, d.recurrence]))) redate.push(id);
    }
    const byId = new Map(nodes.map((node) => [ids.get(node.key)!, node]));
    // Id lists go in slices (a plan of 5,000 tasks is more values than SQLite takes in one IN); new tasks have nothing to delete.
    const stored = (ids: readonly number[]) => slices(ids.filter((id) => existing.has(byId.get(id)!.key)));
    if (relink.length > 0) {
      for (const taskIds of stored(relink)) await this.db.taskUnit.deleteMany({ where: { taskId: { in: taskIds } } });
      const data = relink.flatMap((taskId) => byId.get(taskId)!.units.map((link, position) => ({ taskId, unitId: link.unitId, role: link.role, position })));
      await insertRows(this.db, 'TaskUnit', ['taskId', 'unitId', 'role', 'position'], data);
    }
    if (redate.length > 0) {
      for (const taskIds of stored(redate)) await this.db.deadline.deleteMany({ where: { taskId: { in: taskIds } } });
      const data = redate.flatMap((taskId) =>
        byId.get(taskId)!.deadlines.map((d, position) => ({ taskId, raw: d.raw, kind: d.kind, dueOn: d.dueOn, recurrence: d.recurrence, position })),
      );
      await insertRows(this.db, 'Deadline', ['taskId', 'raw', 'kind', 'dueOn', 'recurrence', 'position'], data);
    }
    // A changed link or deadline set is a change of the task: readers watching updatedAt see it.
    const touchedAt = new Date();
    for (const touched of stored([...new Set([...relink, ...redate])])) await this.db.task.updateMany({ where: { id: { in: touched } }, data: { updatedAt: touchedAt } });
    const removed = await this.markRemovedExcept(planId, [...byId.keys()], removedAt);
    return { ids, created, updated, removed };
  }

  /** Sets a task's title or leaders (an administrator's correction), and marks it changed; the import's record of the document is left as it was. */
  async correct(taskId: number, fields: { title?: string; leaders?: string | null }): Promise<void> {
    await this.db.task.update({ where: { id: taskId }, data: { ...fields, updatedAt: new Date() } });
  }

  /** Writes a task's current state; ProgressRepository.append calls it. */
  async setState(taskId: number, state: TaskState): Promise<void> {
    await this.db.task.update({ where: { id: taskId }, data: state });
  }

  /**
   * Moves a task to a new state only if it is still in one of `from` (any,
   * when omitted) and no later report has set it: of two writers racing,
   * the one with the later report wins whatever the commit order, and a
   * report never reopens a task a reviewer closed a moment before. The
   * conditional UPDATE locks the row, so the check and the write are one.
   * True when the state was written.
   */
  async moveState(taskId: number, state: TaskState, from?: readonly TaskStatus[]): Promise<boolean> {
    const at = state.lastReportAt;
    const result = await this.db.task.updateMany({
      where: {
        id: taskId,
        ...(from ? { status: { in: [...from] } } : {}),
        ...(at ? { OR: [{ lastReportAt: null }, { lastReportAt: { lte: at } }] } : {}),
      },
      data: state,
    });
    return result.count === 1;
  }

  /**
   * A task's current state and whether it is removed: what a task card reads
   * fresh from the database (in the transaction that may have just changed
   * it), its text, units and deadlines coming from the question index. One
   * statement, where get() takes three.
   */
  async currentState(id: number): Promise<(TaskState & { removedAt: Date | null }) | undefined> {
    const [task] = await hotSql(this.db).query`SELECT "status", "percent", "lastReportAt", "removedAt" FROM "Task" WHERE "id" = ${id}`;
    if (!task) return undefined;
    return {
      status: TaskStatus.parse(task.status),
      percent: int(task.percent),
      lastReportAt: task.lastReportAt === null ? null : date(task.lastReportAt),
      removedAt: task.removedAt === null ? null : date(task.removedAt),
    };
  }

  /** The task with this id, with units and deadlines. */
  async get(id: number): Promise<TaskRecord | undefined> {
    // Every task card and /任务 reads this: three plain statements past the query compiler, not Prisma's four compiled ones.
    const sql = hotSql(this.db);
    const [task] = await sql.query`
      SELECT "id", "planId", "parentId", "key", "kind", "number", "position", "categoryPath", "title", "requirement", "sourceExcerpt", "sourceLine",
             "status", "percent", "lastReportAt", "removedAt", "leaders", "documentFields"
      FROM "Task" WHERE "id" = ${id}`;
    if (!task) return undefined;
    const units = await sql.query`
      SELECT l."unitId", l."role", u."name" FROM "TaskUnit" l JOIN "Unit" u ON u."id" = l."unitId" WHERE l."taskId" = ${id} ORDER BY l."position" ASC`;
    const deadlines = await sql.query`SELECT "raw", "kind", "dueOn", "recurrence" FROM "Deadline" WHERE "taskId" = ${id} ORDER BY "position" ASC`;
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return toRecord({
      id: int(task.id),
      planId: int(task.planId),
      parentId: intOrNull(task.parentId),
      key: String(task.key),
      kind: String(task.kind),
      number: text(task.number),
      position: int(task.position),
      categoryPath: String(task.categoryPath),
      title: String(task.title),
      requirement: String(task.requirement),
      sourceExcerpt: String(task.sourceExcerpt),
      sourceLine: intOrNull(task.sourceLine),
      status: String(task.status),
      percent: int(task.percent),
      lastReportAt: task.lastReportAt === null ? null : date(task.lastReportAt),
      removedAt: task.removedAt === null ? null : date(task.removedAt),
      leaders: text(task.leaders),
      documentFields: text(task.documentFields),
      units: units.map((link) => ({ unitId: int(link.unitId), role: String(link.role), unit: { name: String(link.name) } })),
      deadlines: deadlines.map((deadline) => ({ raw: String(deadline.raw), kind: String(deadline.kind), dueOn: text(deadline.dueOn), recurrence: text(deadline.recurrence) })),
    } as TaskRow);
  }

  /** Several tasks by id, with units and deadlines, in the order asked. */
  async getMany(ids: readonly number[]): Promise<TaskRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.task.findMany({ where: { id: { in: [...ids] } }, include: taskInclude });
    const byId = new Map(rows.map((row) => [row.id, toRecord(row)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** The tasks of a plan in document order; removed ones only when asked. */
  async listByPlan(planId: number, options: { includeRemoved?: boolean } = {}): Promise<TaskRecord[]> {
    const rows = await this.db.task.findMany({
      where: { planId, ...(options.includeRemoved ? {} : { removedAt: null }) },
      orderBy: { position: 'asc' },
      include: taskInclude,
    });
    return rows.map(toRecord);
  }

  /**
   * Live tasks (not headings) whose ids are nearest to `id`, optionally only
   * those linked to some units: the suggestions for a mistyped task number.
   */
  async nearest(id: number, limit: number, unitIds?: readonly number[]): Promise<{ id: number; title: string }[]> {
    const where = { kind: { not: 'category' }, removedAt: null, ...(unitIds ? { units: { some: { unitId: { in: [...unitIds] } } } } : {}) };
    const select = { id: true, title: true } as const;
    const [below, above] = await Promise.all([
      this.db.task.findMany({ where: { ...where, id: { lt: id } }, orderBy: { id: 'desc' }, take: limit, select }),
      this.db.task.findMany({ where: { ...where, id: { gt: id } }, orderBy: { id: 'asc' }, take: limit, select }),
    ]);
    return [...below, ...above].sort((a, b) => Math.abs(a.id - id) - Math.abs(b.id - id) || a.id - b.id).slice(0, limit);
  }

  /** The units of a task's sub-requirements, each once in document order: the units of a task that names none itself. */
  async unitsOfChildren(taskId: number): Promise<TaskUnitLink[]> {
    const rows = await this.db.taskUnit.findMany({
      where: { task: { parentId: taskId, removedAt: null } },
      orderBy: [{ task: { position: 'asc' } }, { position: 'asc' }],
      select: { unitId: true, role: true, unit: { select: { name: true } } },
    });
    const seen = new Map<number, TaskUnitLink>();
    for (const row of rows) if (!seen.has(row.unitId)) seen.set(row.unitId, { unitId: row.unitId, unitName: row.unit.name, role: UnitRole.parse(row.role) });
    return [...seen.values()];
  }
}
