/**
 * Progress history: append-only. A task's current state is its latest row,
 * and is copied onto the task in the same transaction for fast queries.
 */
import { TaskStatus } from '../domain/vocabulary.js';
import { slices } from './id-lists.js';
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';
import { TaskRepository } from './task-repository.js';
import { date, hotSql, int, intOrNull, placeholders } from './hot-sql.js';

/** One progress report, review decision or closure. */
export interface ProgressRecord {
  id: number;
  taskId: number;
  percent: number;
  status: TaskStatus;
  note: string;
  evidence: string[];
  actor: string;
  unitId: number | null;
  createdAt: Date;
}

/** What a new progress row holds. */
export interface ProgressInput {
  taskId: number;
  percent: number;
  status: TaskStatus;
  note?: string;
  evidence?: string[];
  /** open_id of the reporter, or 'system'. */
  actor: string;
  unitId?: number | null;
  /** Defaults to now; tests and imports of old ledgers pass their own. */
  at?: Date;
  /** False for a cooperating unit's report: it is recorded, but the lead unit's reports set the task's state. */
  setsState?: boolean;
  /** The statuses the task may move from (see TaskRepository.moveState); any when omitted. */
  stateFrom?: readonly TaskStatus[];
}

function toRecord(row: Omit<ProgressRecord, 'status' | 'evidence'> & { status: string; evidence: string }): ProgressRecord {
  return { ...row, status: TaskStatus.parse(row.status), evidence: fromJson<string[]>(row.evidence, []) };
}

/** A row read through hotSql (SQLite gives integers and dates as text). */
function fromRow(row: Record<string, unknown>): ProgressRecord {
  return toRecord({
    id: int(row.id),
    taskId: int(row.taskId),
    percent: int(row.percent),
    status: String(row.status),
    note: String(row.note),
    evidence: String(row.evidence),
    actor: String(row.actor),
    unitId: intOrNull(row.unitId),
    createdAt: date(row.createdAt),
  });
}

/** Appends to and reads the progress history. */
export class ProgressRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends a row and, unless `setsState` is false, makes it the task's
   * current state — if the task is still in a status of `stateFrom` and no
   * later report has set it (`applied` says whether it did). Call it inside
   * a transaction, so the history and the current state never disagree.
   */
  async append(input: ProgressInput): Promise<ProgressRecord & { applied: boolean }> {
    const at = input.at ?? new Date();
    const row = await this.db.progressUpdate.create({
      data: {
        taskId: input.taskId,
        percent: input.percent,
        status: input.status,
        note: input.note ?? '',
        evidence: toJson(input.evidence ?? []),
        actor: input.actor,
        unitId: input.unitId ?? null,
        createdAt: at,
      },
    });
    const applied =
      input.setsState !== false &&
      (await new TaskRepository(this.db).moveState(input.taskId, { status: input.status, percent: input.percent, lastReportAt: at }, input.stateFrom));
    return { ...toRecord(row), applied };
  }

  /**
   * Reports and decisions made in [from, to): which task, which unit, what
   * status and when — what a weekly summary counts, and its eight-week trend.
   */
  async activityBetween(from: Date, to: Date): Promise<{ taskId: number; unitId: number | null; status: string; createdAt: Date }[]> {
    return this.db.progressUpdate.findMany({
      where: { createdAt: { gte: from, lt: to } },
      select: { taskId: true, unitId: true, status: true, createdAt: true },
      orderBy: { id: 'asc' },
    });
  }

  /**
   * Reports and decisions made in [from, to) — either end open when null —
   * oldest first, optionally only those of some units, of some people, or
   * of some statuses: what "本周有哪些更新", "上周谁报了进度" and
   * "张联络报了哪些进度" are answered from. At most the newest `limit` rows.
   */
  async reportsBetween(
    from: Date | null,
    to: Date | null,
    filter: { unitIds?: readonly number[]; actors?: readonly string[]; statuses?: readonly TaskStatus[] } = {},
    limit = 5_000,
  ): Promise<ProgressRecord[]> {
    const rows = await this.db.progressUpdate.findMany({
      where: {
        ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
        ...(filter.unitIds ? { unitId: { in: [...filter.unitIds] } } : {}),
        ...(filter.actors ? { actor: { in: [...filter.actors] } } : {}),
        ...(filter.statuses ? { status: { in: [...filter.statuses] } } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.reverse().map(toRecord);
  }

  /**
   * The units among `unitIds` with at least one report made for them in
   * [from, to) — either end open when null: "哪些单位没报过进度" is the rest.
   */
  async unitsReporting(from: Date | null, to: Date | null, unitIds: readonly number[]): Promise<Set<number>> {
    const reporting = new Set<number>();
    for (const ids of slices([...new Set(unitIds)])) {
      const rows = await this.db.progressUpdate.findMany({
        where: { unitId: { in: ids }, ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}) },
        distinct: ['unitId'],
        select: { unitId: true },
      });
      for (const row of rows) if (row.unitId !== null) reporting.add(row.unitId);
    }
    return reporting;
  }

  /** The latest report made for each of the given units (a report names the unit it is made for): "市财政局上次报告是什么时候". */
  async latestByUnits(unitIds: readonly number[]): Promise<Map<number, ProgressRecord>> {
    const latest = new Map<number, ProgressRecord>();
    for (const unitId of new Set(unitIds)) {
      const row = await this.db.progressUpdate.findFirst({ where: { unitId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      if (row) latest.set(unitId, toRecord(row));
    }
    return latest;
  }

  /** A task's history, newest first. */
  async history(taskId: number, limit = 50): Promise<ProgressRecord[]> {
    // Read by every task card: past the query compiler.
    const rows = await hotSql(this.db).query`
      SELECT "id", "taskId", "percent", "status", "note", "evidence", "actor", "unitId", "createdAt" FROM "ProgressUpdate"
      WHERE "taskId" = ${taskId} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`;
    return rows.map(fromRow);
  }

  /** The latest update of each of the given tasks (for answer cards). */
  async latestFor(taskIds: readonly number[]): Promise<Map<number, ProgressRecord>> {
    if (taskIds.length === 0) return new Map();
    // In slices: a whole plan's ledger asks for thousands of tasks, more values than SQLite takes in one IN.
    const rows = [];
    for (const ids of slices(taskIds)) {
      // Read by every answer card: past the query compiler.
      const sql = `SELECT "id", "taskId", "percent", "status", "note", "evidence", "actor", "unitId", "createdAt" FROM "ProgressUpdate" WHERE "taskId" IN (${placeholders(ids.length)}) ORDER BY "createdAt" DESC, "id" DESC`;
      rows.push(...(await hotSql(this.db).queryText(sql, ids)).map(fromRow));
    }
    const latest = new Map<number, ProgressRecord>();
    for (const row of rows) if (!latest.has(row.taskId)) latest.set(row.taskId, row);
    return latest;
  }
}
