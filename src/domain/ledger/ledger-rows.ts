/**
 * The 台账: one row per task (headings left out) with its plan, number,
 * units by role, deadline, status, progress and latest report — what offices
 * keep in Excel today, drawn from the database instead. Data only; the
 * workbook is written elsewhere.
 */
import type { Repositories } from '../../repositories/index.js';
import { labelOf } from '../questions/answer-service.js';
import { statusLight, type StatusLight } from '../questions/status-light.js';
import type { Catalog } from '../questions/question-catalog.js';
import type { TaskQuery } from '../questions/question.js';
import { TASK_STATUS_LABEL, TaskStatus, type UnitRole } from '../vocabulary.js';

/** One task of the ledger. */
export interface LedgerRow {
  taskId: number;
  plan: string;
  /** "第8项", "第10项第3条". */
  label: string;
  category: string;
  title: string;
  requirement: string;
  units: Record<UnitRole, string[]>;
  deadline: string;
  dueOn: string | null;
  status: string;
  light: StatusLight;
  percent: number;
  latestNote: string;
  lastReportAt: Date | null;
}

/** The ledger rows a task query selects, in plan and document order. */
export async function ledgerRows(query: Omit<TaskQuery, 'page' | 'kind'>, catalog: Catalog, repos: Repositories, today: string): Promise<LedgerRow[]> {
  const tasks = catalog.index
    .search(query, today)
    .hits.map((hit) => hit.task)
    .filter((task) => task.kind !== 'category');
  const latest = await repos.progress.latestFor(tasks.map((task) => task.id));
  return tasks.map((task) => {
    const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
    const units: Record<UnitRole, string[]> = { lead: [], responsible: [], cooperating: [] };
    for (const link of task.units) units[link.role].push(catalog.directory.unit(link.unitId)?.name ?? `#${link.unitId}`);
    const update = latest.get(task.id);
    return {
      taskId: task.id,
      plan: catalog.index.plan(task.planId)?.title ?? '',
      label: labelOf(task, parent),
      category: task.categoryPath,
      title: task.title,
      requirement: task.requirement,
      units,
      deadline: task.deadlineRaw,
      dueOn: task.dueDates[0] ?? null,
      status: TASK_STATUS_LABEL[TaskStatus.catch('open').parse(task.status)],
      light: statusLight(task, today),
      percent: task.percent,
      latestNote: update?.note ?? '',
      lastReportAt: task.lastReportAt === null ? null : new Date(task.lastReportAt),
    };
  });
}

