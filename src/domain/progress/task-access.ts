/**
 * Which task a report is about and whether this person may report on it:
 * the checks /progress, /done and the task card's forms share. A liaison
 * reports for their unit linked to the task (the lead unit first); an
 * administrator for anyone. Refusals say why, who may, and what to do.
 */
import type { Repositories } from '../../repositories/index.js';
import type { TaskRecord } from '../../repositories/task-repository.js';
import type { Actor } from '../people/actor.js';
import type { UnitRole } from '../vocabulary.js';
import { inheritedFrom } from '../tasks/work-items.js';

/** Why a report, closure or review was not recorded, in words for the person. */
export class ProgressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressRefused';
  }
}

/** The unit a person reports for on a task; null unit for an administrator with no linked unit. */
export interface ReportingUnit {
  unitId: number | null;
  role: UnitRole | null;
}

/** The live task with this id, or a refusal naming the nearest numbers (of the person's own units first). */
export async function findTask(repos: Repositories, taskId: number, actor: Actor): Promise<TaskRecord> {
  const task = await repos.tasks.get(taskId);
  if (task && !task.removedAt && task.kind !== 'category') return task.units.length > 0 ? task : { ...task, units: await unitsAnswering(repos, task) };
  const own = actor.liaisonUnitIds.length > 0 ? await repos.tasks.nearest(taskId, 3, actor.liaisonUnitIds) : [];
  const near = own.length > 0 ? own : await repos.tasks.nearest(taskId, 3);
  const hint = near.length > 0 ? `相近的编号：${near.map((t) => `#${t.id}「${t.title.slice(0, 20)}」`).join('、')}。` : '';
  const why = task?.kind === 'category' ? `#${taskId} 是分类标题，不是任务。` : task?.removedAt ? `任务 #${taskId} 已从最新的方案中删除。` : `没有找到任务 #${taskId}。`;
  return Promise.reject(new ProgressRefused(`${why}${hint}任务编号在任务卡片底部，也可以用 /查找 关键词 找到任务。`));
}

/**
 * The units of a task that names none itself: a task broken into
 * sub-requirements is its sub-requirements' units' task; a sub-requirement
 * has its nearest ancestor's units (domain/tasks/work-items), so the
 * liaisons it is reminded to do report on it.
 */
async function unitsAnswering(repos: Repositories, task: TaskRecord): Promise<TaskRecord['units']> {
  const below = await repos.tasks.unitsOfChildren(task.id);
  if (below.length > 0) return below;
  const line: [TaskRecord, ...TaskRecord[]] = [task];
  for (let parentId = task.parentId; parentId !== null && line.length < 16; ) {
    const parent = await repos.tasks.get(parentId);
    if (!parent) break;
    line.push(parent);
    parentId = parent.parentId;
  }
  return inheritedFrom(line, (node) => node.units.length > 0).units;
}

/** The unit this person reports for on this task, or undefined when they may not report on it. */
export function reportingUnit(actor: Actor, task: TaskRecord): ReportingUnit | undefined {
  const rank: Record<UnitRole, number> = { lead: 0, responsible: 1, cooperating: 2 };
  const own = task.units.filter((link) => actor.liaisonUnitIds.includes(link.unitId)).sort((a, b) => rank[a.role] - rank[b.role]);
  if (own[0]) return { unitId: own[0].unitId, role: own[0].role };
  return actor.isAdmin ? { unitId: null, role: null } : undefined;
}

/** The refusal for someone who is not a liaison of any unit linked to the task. */
export function notYourTask(task: TaskRecord, doing: string): ProgressRefused {
  if (task.units.length === 0) return new ProgressRefused(`任务 #${task.id} 没有写明责任单位，只有管理员可以${doing}。`);
  const units = task.units.map((link) => link.unitName).join('、');
  return new ProgressRefused(`你不能${doing}任务 #${task.id}：只有它的责任单位（${units}）的联络员或管理员可以${doing}。发送 /绑定 单位名称 申请成为联络员。`);
}
