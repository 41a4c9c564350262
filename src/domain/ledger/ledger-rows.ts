/**
 * The 台账: one row per task — per work item (domain/tasks/work-items): a
 * task broken into sub-requirements is its sub-requirements' rows, each
 * with the parent's units and deadline where it names none — with its plan, number,
 * units by role, deadline, status, progress and latest report — what offices
 * keep in Excel today, drawn from the database instead. Data only; the
 * workbook is written elsewhere.
 */
import type { Repositories } from '../../repositories/index.js';
import { labelOf, labelOfTask } from '../questions/answer-service.js';
import { statusLight, type StatusLight } from '../questions/status-light.js';
import type { Catalog } from '../questions/question-catalog.js';
import type { TaskQuery } from '../questions/question.js';
import { tasksInScope, type SummaryScope } from '../summaries/weekly-summary.js';
import { taskStatusLabel, type UnitRole } from '../vocabulary.js';

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
  /** As written; "（沿用第20项）" after it when the item has its parent's. */
  deadline: string;
  dueOn: string | null;
  status: string;
  light: StatusLight;
  percent: number;
  latestNote: string;
  lastReportAt: Date | null;
}

/**
 * The ledger rows of a task query (/导出: work items only, as every answer),
 * or of a weekly card's scope (its 导出台账 button: exactly the tasks the
 * card counted, however many plans it covers), in plan and document order.
 */
export async function ledgerRows(selection: { query: Omit<TaskQuery, 'page' | 'kind'> } | { scope: SummaryScope }, catalog: Catalog, repos: Repositories, today: string): Promise<LedgerRow[]> {
  const tasks = 'scope' in selection ? tasksInScope(catalog, selection.scope) : catalog.index.search(selection.query, today).hits.map((hit) => hit.task);
  const latest = await repos.progress.latestFor(tasks.map((task) => task.id));
  return tasks.map((task) => {
    const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
    const units: Record<UnitRole, string[]> = { lead: [], responsible: [], cooperating: [] };
    for (const link of task.units) units[link.role].push(catalog.directory.unit(link.unitId)?.name ?? `#${link.unitId}`);
    const update = latest.get(task.id);
    const from = catalog.index.inheritedFrom(task.id).deadline;
    return {
      taskId: task.id,
      plan: catalog.index.plan(task.planId)?.title ?? '',
      label: labelOf(task, parent),
      category: task.categoryPath,
      title: task.title,
      requirement: task.requirement,
      units,
      deadline: from && task.deadlineRaw ? `${task.deadlineRaw}（沿用${labelOfTask(catalog, from.id)}）` : task.deadlineRaw,
      dueOn: task.dueDates[0] ?? null,
      status: taskStatusLabel(task.status),
      light: statusLight(task, today),
      percent: task.percent,
      latestNote: update?.note ?? '',
      lastReportAt: task.lastReportAt === null ? null : new Date(task.lastReportAt),
    };
  });
}

