/**
 * An administrator's correction of an imported task: its units and their
 * parts, its deadline, its title, its leaders. The change and its audit
 * record (before and after) are written together, in the caller's
 * transaction. What the document said is left as it was, so a re-import
 * keeps the correction unless the document itself changes that field.
 */
import type { Repositories } from '../../repositories/index.js';
import type { TaskRecord } from '../../repositories/task-repository.js';
import { parseDeadline } from '../imports/deadline-parser.js';
import { looksLikePerson, splitLeaders } from '../imports/people.js';
import { parseUnitCell } from '../imports/unit-list-parser.js';
import type { Actor } from '../people/actor.js';
import { UNIT_ROLE_LABEL, type UnitLevel, type UnitRole } from '../vocabulary.js';

/** What to change. Units replace the task's whole set. */
export type TaskCorrection =
  | { field: 'units'; units: { role: UnitRole; names: string }[] }
  | { field: 'deadline'; text: string }
  | { field: 'title'; text: string }
  | { field: 'leaders'; text: string };

/** Why a correction was not made, in words for the administrator. */
export class CorrectionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionRefused';
  }
}

/** What was changed, for the reply. */
export interface CorrectionOutcome {
  taskId: number;
  taskTitle: string;
  /** "牵头单位" / "完成时限" / "标题" / "分管领导". */
  fieldLabel: string;
  before: string;
  after: string;
  /** Units the correction named that the plan's region did not know, created for it. */
  createdUnits: string[];
  /** The deadline text matched no rule: kept as written. */
  deadlineKeptRaw: boolean;
}

const FIELD_LABEL: Record<TaskCorrection['field'], string> = { units: '责任单位', deadline: '完成时限', title: '标题', leaders: '分管领导' };

/** "牵头：市财政局；配合：市税务局". */
function unitsText(task: Pick<TaskRecord, 'units'>): string {
  const byRole = new Map<UnitRole, string[]>();
  for (const unit of task.units) byRole.set(unit.role, [...(byRole.get(unit.role) ?? []), unit.unitName]);
  return [...byRole].map(([role, names]) => `${UNIT_ROLE_LABEL[role]}：${names.join('、')}`).join('；') || '未写明';
}

/** Applies one correction, with its audit record. Throws CorrectionRefused for bad input or a task that is not there. */
export async function correctTask(repos: Repositories, actor: Actor, input: { taskId: number; correction: TaskCorrection; eventId?: string | null }): Promise<CorrectionOutcome> {
  if (!actor.isAdmin) throw new CorrectionRefused('只有管理员可以修改任务。');
  const { taskId, correction } = input;
  const task = await repos.tasks.get(taskId);
  if (!task || task.removedAt || task.kind === 'category') {
    const why = task?.removedAt ? `任务 #${taskId} 已从最新的方案中移除（存档），不能再修改。` : task ? `#${taskId} 是分类标题，不是任务。` : `没有找到任务 #${taskId}。`;
    throw new CorrectionRefused(`${why}任务编号在任务卡片底部，也可以用 /查找 关键词 找到任务。`);
  }
  const plan = (await repos.plans.get(task.planId))!;
  const outcome: CorrectionOutcome = { taskId, taskTitle: task.title, fieldLabel: FIELD_LABEL[correction.field], before: '', after: '', createdUnits: [], deadlineKeptRaw: false };
  switch (correction.field) {
    case 'units': {
      // Everything is checked before anything is written: a refusal changes nothing.
      const wanted: { role: UnitRole; name: string; level: UnitLevel; unitId: number | null }[] = [];
      for (const group of correction.units) {
        for (const mention of parseUnitCell(group.names, { defaultRole: group.role })) {
          if (looksLikePerson(mention.name)) throw new CorrectionRefused(`“${mention.name}”像是人名，不是单位。分管领导请这样改：/修改 #${taskId} 分管领导 ${mention.name}`);
          const known = await repos.units.findByName(plan.jurisdiction, mention.name);
          const name = known?.name ?? mention.name;
          if (wanted.some((other) => other.name === name || (known && other.unitId === known.id))) throw new CorrectionRefused(`“${name}”写了两次。每个单位只写一次，写在它承担的角色后面。`);
          wanted.push({ role: group.role, name, level: mention.level, unitId: known?.id ?? null });
        }
      }
      if (wanted.length === 0) throw new CorrectionRefused(`请写出单位名称，例如 /修改 #${taskId} 牵头 市财政局 配合 市税务局`);
      const links: { unitId: number; role: UnitRole; name: string }[] = [];
      for (const unit of wanted) {
        if (unit.unitId === null) outcome.createdUnits.push(unit.name);
        const unitId = unit.unitId ?? (await repos.units.findOrCreate({ jurisdiction: plan.jurisdiction, name: unit.name, level: unit.level })).id;
        links.push({ unitId, role: unit.role, name: unit.name });
      }
      outcome.before = unitsText(task);
      outcome.after = unitsText({ units: links.map((link) => ({ unitId: link.unitId, unitName: link.name, role: link.role })) });
      await repos.tasks.replaceUnits(taskId, links);
      await repos.tasks.correct(taskId, {});
      break;
    }
    case 'deadline': {
      const text = correction.text.replace(/\s+/g, ' ').trim();
      if (text.length === 0 || text.length > 100) throw new CorrectionRefused(`请写出完成时限（100 个字以内），例如 /修改 #${taskId} 期限 2027年6月底前`);
      const { deadlines, understood } = parseDeadline(text, plan.year);
      outcome.before = task.deadlines[0]?.raw ?? '未写明';
      outcome.after = text;
      outcome.deadlineKeptRaw = !understood;
      await repos.tasks.replaceDeadlines(taskId, deadlines);
      await repos.tasks.correct(taskId, {});
      break;
    }
    case 'title': {
      const text = correction.text.replace(/\s+/g, ' ').trim();
      if (text.length < 2 || text.length > 200) throw new CorrectionRefused(`标题应为 2 到 200 个字，例如 /修改 #${taskId} 标题 推进政务公开标准化规范化`);
      outcome.before = task.title;
      outcome.after = text;
      await repos.tasks.correct(taskId, { title: text });
      break;
    }
    case 'leaders': {
      const clear = /^(无|没有|清空|删除)$/.test(correction.text.trim());
      const names = clear ? [] : [...new Set(splitLeaders(correction.text))];
      if (!clear && names.length === 0) throw new CorrectionRefused(`请写出分管领导的姓名或职务，例如 /修改 #${taskId} 分管领导 杜某某、王某；没有分管领导时写“无”`);
      const unit = names.find((name) => !looksLikePerson(name) && /(局|委|办|厅|中心|政府|部门|单位)$/.test(name));
      if (unit) throw new CorrectionRefused(`“${unit}”是单位，不是领导。单位请这样改：/修改 #${taskId} 牵头 ${unit}`);
      if (names.some((name) => name.length > 20)) throw new CorrectionRefused('每位领导的姓名或职务请写在 20 个字以内，用“、”隔开。');
      outcome.before = task.leaders ?? '无';
      outcome.after = names.join('、') || '无';
      await repos.tasks.correct(taskId, { leaders: names.length > 0 ? names.join('、') : null });
      break;
    }
  }
  if (correction.field === 'title') outcome.taskTitle = outcome.after;
  await repos.audit.record({
    actor: actor.openId,
    action: 'task.correct',
    entityType: 'task',
    entityId: taskId,
    before: { field: correction.field, value: outcome.before },
    after: { field: correction.field, value: outcome.after, createdUnits: outcome.createdUnits },
    eventId: input.eventId ?? null,
  });
  return outcome;
}
