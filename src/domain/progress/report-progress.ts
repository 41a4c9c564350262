/**
 * Recording progress on a task: who may report (administrators, and the
 * liaisons of a unit linked to the task), what a report may say (0–100,
 * not backwards without a reason, not on a closed task, blocked only with
 * a reason), and the record it leaves: a history row, the task's new state
 * (set by the lead or responsible unit's reports; a cooperating unit's
 * report, and any report while a closure waits for review, is kept in the
 * history only), and an audit entry with before and after — in the
 * caller's transaction.
 */
import type { Repositories } from '../../repositories/index.js';
import type { ProgressRecord } from '../../repositories/progress-repository.js';
import type { Actor } from '../people/actor.js';
import { TASK_STATUS_LABEL, type TaskStatus } from '../vocabulary.js';
import { findTask, notYourTask, ProgressRefused, reportingUnit } from './task-access.js';

export { ProgressRefused } from './task-access.js';

/** A report as a person gives it. */
export interface ProgressReport {
  taskId: number;
  /** Null with `blocked`: the percent stays. */
  percent: number | null;
  blocked: boolean;
  note: string;
  /** The platform event that carried it, for the audit trail. */
  eventId?: string;
}

/** What was recorded. */
export interface ProgressOutcome {
  record: ProgressRecord;
  taskTitle: string;
  statusLabel: string;
  /** Why the task's state did not follow the report: a cooperating unit's report, or a closure waiting for review. */
  keptInHistoryOnly: 'cooperating' | 'pending_review' | 'closed' | 'newer_report' | null;
}

/** Statuses a report may move a task from: not while a closure waits for review, never once closed. */
export const REPORTABLE: readonly TaskStatus[] = ['open', 'in_progress', 'blocked'];

/** Records a report, or throws ProgressRefused saying why not. */
export async function reportProgress(repos: Repositories, actor: Actor, report: ProgressReport): Promise<ProgressOutcome> {
  const task = await findTask(repos, report.taskId, actor);
  const unit = reportingUnit(actor, task);
  if (!unit) throw notYourTask(task, '更新');
  if (task.status === 'done') throw new ProgressRefused(`任务 #${task.id} 已经办结，不能再报进度。如需重新打开，请联系督查室或管理员。`);
  if (report.blocked && report.note === '') throw new ProgressRefused('标记“受阻”时请写明原因，例如：/进度 #12 受阻 等待省里文件');
  const percent = report.percent ?? task.percent;
  if (percent < task.percent && report.note === '' && task.status !== 'pending_review') {
    throw new ProgressRefused(`任务 #${task.id} 目前进度是 ${task.percent}%，新的进度 ${percent}% 比它低。如确需调低，请写明原因。`);
  }

  const cooperating = unit.role === 'cooperating';
  const status: TaskStatus = report.blocked ? 'blocked' : percent > 0 ? 'in_progress' : 'open';
  const before = { percent: task.percent, status: task.status };
  const record = await repos.progress.append({
    taskId: task.id,
    percent,
    status,
    note: report.note,
    actor: actor.openId,
    unitId: unit.unitId,
    setsState: !cooperating,
    stateFrom: REPORTABLE,
  });
  let kept: ProgressOutcome['keptInHistoryOnly'] = null;
  if (cooperating) kept = 'cooperating';
  else if (!record.applied) {
    const now = (await repos.tasks.get(task.id))!.status;
    kept = now === 'pending_review' ? 'pending_review' : now === 'done' ? 'closed' : 'newer_report';
  }
  await repos.audit.record({
    actor: actor.openId,
    action: 'task.progress',
    entityType: 'task',
    entityId: task.id,
    before,
    after: { percent, status, note: report.note, unitId: unit.unitId, setsState: record.applied },
    eventId: report.eventId ?? null,
  });
  return { record, taskTitle: task.title, statusLabel: TASK_STATUS_LABEL[status], keptInHistoryOnly: kept };
}
