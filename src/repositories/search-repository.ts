/**
 * Bulk reads for the question index: every live task with its unit links
 * and due dates, every plan, unit and alias, in a handful of statements
 * (raw SQL: at 100,000 tasks Prisma's per-row decoding would dominate), and
 * a fingerprint that changes when any of them changes.
 */
import type { Db } from './client.js';

/** Rows for building the index. */
export interface SearchRows {
  tasks: {
    id: number;
    planId: number;
    parentId: number | null;
    key: string;
    /** As printed: "8", "（一）", "3．". */
    number: string | null;
    kind: string;
    position: number;
    title: string;
    requirement: string;
    categoryPath: string;
    status: string;
    percent: number;
    lastReportAt: number | null;
  }[];
  links: { taskId: number; unitId: number; role: string; position: number }[];
  dueDates: { taskId: number; dueOn: string }[];
  plans: { id: number; title: string; jurisdiction: string }[];
  units: { id: number; name: string; jurisdiction: string }[];
  aliases: { unitId: number; alias: string }[];
}

const toNumber = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
const toTime = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date).getTime());

/** Reads what the question index is built from. */
export class SearchRepository {
  constructor(private readonly db: Db) {}

  /** Everything the index needs, live tasks only. */
  async loadRows(): Promise<SearchRows> {
    const [tasks, links, dueDates, plans, units, aliases] = await Promise.all([
      this.db.$queryRaw<Record<string, unknown>[]>`
        SELECT "id", "planId", "parentId", "key", "number", "kind", "position", "title", "requirement", "categoryPath", "status", "percent", "lastReportAt"
        FROM "Task" WHERE "removedAt" IS NULL`,
      this.db.$queryRaw<Record<string, unknown>[]>`
        SELECT tu."taskId", tu."unitId", tu."role", tu."position" FROM "TaskUnit" tu
        JOIN "Task" t ON t."id" = tu."taskId" WHERE t."removedAt" IS NULL`,
      this.db.$queryRaw<Record<string, unknown>[]>`
        SELECT d."taskId", d."dueOn" FROM "Deadline" d
        JOIN "Task" t ON t."id" = d."taskId" WHERE t."removedAt" IS NULL AND d."dueOn" IS NOT NULL`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "id", "title", "jurisdiction" FROM "Plan"`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "id", "name", "jurisdiction" FROM "Unit"`,
      this.db.$queryRaw<Record<string, unknown>[]>`SELECT "unitId", "alias" FROM "UnitAlias"`,
    ]);
    return {
      tasks: tasks.map((row) => ({
        id: toNumber(row.id),
        planId: toNumber(row.planId),
        parentId: row.parentId === null ? null : toNumber(row.parentId),
        key: row.key as string,
        number: (row.number as string | null) ?? null,
        kind: row.kind as string,
        position: toNumber(row.position),
        title: row.title as string,
        requirement: row.requirement as string,
        categoryPath: row.categoryPath as string,
        status: row.status as string,
        percent: toNumber(row.percent),
        lastReportAt: toTime(row.lastReportAt),
      })),
      links: links.map((row) => ({ taskId: toNumber(row.taskId), unitId: toNumber(row.unitId), role: row.role as string, position: toNumber(row.position) })),
      dueDates: dueDates.map((row) => ({ taskId: toNumber(row.taskId), dueOn: row.dueOn as string })),
      plans: plans.map((row) => ({ id: toNumber(row.id), title: row.title as string, jurisdiction: row.jurisdiction as string })),
      units: units.map((row) => ({ id: toNumber(row.id), name: row.name as string, jurisdiction: row.jurisdiction as string })),
      aliases: aliases.map((row) => ({ unitId: toNumber(row.unitId), alias: row.alias as string })),
    };
  }

  /** Changes whenever tasks, their state, plans, units or aliases change. */
  async fingerprint(): Promise<string> {
    const [row] = await this.db.$queryRaw<Record<string, unknown>[]>`
      SELECT
        (SELECT COUNT(*) FROM "Task") AS tasks,
        (SELECT MAX("updatedAt") FROM "Task") AS "tasksAt",
        (SELECT COUNT(*) FROM "TaskUnit") AS links,
        (SELECT COUNT(*) FROM "Plan") AS plans,
        (SELECT MAX("updatedAt") FROM "Plan") AS "plansAt",
        (SELECT COUNT(*) FROM "Unit") AS units,
        (SELECT COUNT(*) FROM "UnitAlias") AS aliases`;
    return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
  }
}
