/**
 * Recording progress on a task: who may report (administrators, and the
 * liaisons of a unit linked to the task), what a report may say (0–100,
 * not backwards without a reason, not on a closed task, blocked only with
 * a reason), and the record it leaves: a history row, the task's new state
 * (set by the lead unit's reports; a cooperating unit's report is kept in
 * the history), and an audit entry with before and after — in the caller's
 * transaction.
 */
import type { Repositories } from '../../repositories/index.js';
import type { ProgressRecord } from '../../repositories/progress-repository.js';
import { TASK_STATUS_LABEL, type TaskStatus } from '../vocabulary.js';

/** A report as a person gives it. */
export interface ProgressReport {
  taskId: number;
  /** Null with `blocked`: the percent stays. */
  percent: number | null;
  blocked: boolean;
  note: string;
  actor: string;
}

/** Why a report was not recorded, in words for the reporter. */
export class ProgressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressRefused';
  }
}

/** What was recorded. */
export interface ProgressOutcome {
  record: ProgressRecord;
  taskTitle: string;
  statusLabel: string;
  /** False when a cooperating unit reported: kept in the history, the task's state unchanged. */
  setState: boolean;
}

/** Records a report, or throws ProgressRefused saying why not. */
export async function reportProgress(repos: Repositories, report: ProgressReport, admins: readonly string[]): Promise<ProgressOutcome> {
  const task = await repos.tasks.get(report.taskId);
  if (!task || task.removedAt) throw new ProgressRefused(`没有找到任务 #${report.taskId}。任务编号在任务卡片底部，也可以用 /查找 关键词 找到任务。`);

  const grants = await repos.people.grantsOf(report.actor);
  const isAdmin = admins.includes(report.actor) || grants.some((grant) => grant.role === 'admin');
  const linked = new Map(task.units.map((link) => [link.unitId, link.role]));
  const ownUnits = grants.filter((grant) => grant.role === 'liaison' && grant.unitId !== null && linked.has(grant.unitId));
  if (!isAdmin && ownUnits.length === 0) {
    const units = task.units.map((link) => link.unitName).join('、') || '（未写明单位）';
    throw new ProgressRefused(`你不能更新任务 #${task.id}：只有它的责任单位（${units}）的联络员或管理员可以报进度。发送 /绑定 单位名称 申请成为联络员。`);
  }
  if (task.status === 'done') throw new ProgressRefused(`任务 #${task.id} 已经完成，不能再报进度。如需重新打开，请联系督查室或管理员。`);
  if (report.blocked && report.note === '') throw new ProgressRefused('标记“受阻”时请写明原因，例如：/进度 #12 受阻 等待省里文件');
  const percent = report.percent ?? task.percent;
  if (percent < task.percent && report.note === '') {
    throw new ProgressRefused(`任务 #${task.id} 目前进度是 ${task.percent}%，新的进度 ${percent}% 比它低。如确需调低，请写明原因。`);
  }

  // The lead unit's (or an administrator's) report sets the task's state; a cooperating unit's is kept in the history.
  const unit = ownUnits.find((grant) => linked.get(grant.unitId!) === 'lead') ?? ownUnits[0];
  const setsState = isAdmin || (unit !== undefined && linked.get(unit.unitId!) !== 'cooperating');
  const status: TaskStatus = report.blocked ? 'blocked' : percent >= 100 ? 'in_progress' : percent > 0 ? 'in_progress' : 'open';
  const before = { percent: task.percent, status: task.status };
  const record = await repos.progress.append({
    taskId: task.id,
    percent,
    status,
    note: report.note,
    actor: report.actor,
    unitId: unit?.unitId ?? null,
    setsState,
  });
  await repos.audit.record({
    actor: report.actor,
    action: 'task.progress',
    entityType: 'task',
    entityId: task.id,
    before,
    after: { percent, status, note: report.note, unitId: unit?.unitId ?? null, setsState },
  });
  return { record, taskTitle: task.title, statusLabel: TASK_STATUS_LABEL[status], setState: setsState };
}
