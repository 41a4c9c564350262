/**
 * Answers a structured question from the catalog and the database: which
 * tasks, grouped by plan, ten to a page, each with the asked unit's part,
 * its deadline, a status light and the latest progress; one task in full;
 * the list of plans. Says how it understood the question, so a wrong guess
 * is visible. Returns data; cards and text are rendered elsewhere.
 */
import type { Repositories } from '../../repositories/index.js';
import type { ProgressRecord } from '../../repositories/progress-repository.js';
import { taskStatusLabel, TaskStatus, UNIT_ROLE_LABEL, type UnitRole } from '../vocabulary.js';
import type { Catalog } from './question-catalog.js';
import type { Question, StatusFilter, TaskLookup, TaskQuery } from './question.js';
import { statusLight, type StatusLight } from './status-light.js';
import { describePeriod } from './period.js';
import { nearestQuestions } from './nothing-found.js';
import type { IndexedTask, TaskHit } from './task-index.js';
import { answerUpdatesFamily, type UpdatesAnswer } from './updates-answers.js';
import { monthDayText } from '../../lib/dates.js';
import { answerStats, type StatsAnswer } from './stats-answers.js';
import { withPersonUnits } from './person-units.js';
import { describeProgressBound } from './progress-bound.js';

/** Tasks per page of an answer. */
export const PAGE_SIZE = 10;

export type { StatusLight } from './status-light.js';

/** One task as an answer shows it. */
export interface AnswerItem {
  taskId: number;
  planId: number;
  planTitle: string;
  /** The plan is demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
  /** "第8项", "第10项第3条", "一、(一)". */
  label: string;
  title: string;
  /** The task a sub-requirement belongs to. */
  parentTitle: string | null;
  units: { name: string; role: UnitRole; roleLabel: string; asked: boolean }[];
  /** The task the units are its, when the item names none itself ("第20项"). */
  unitsFrom: string | null;
  /** Leaders in charge (分管领导), names joined by "、"; null when the document names none. */
  leaders: string | null;
  /** As written and as a day; `from` names the task it is inherited from ("第20项") when the item gives none itself. */
  deadline: { raw: string; dueOn: string | null; from: string | null } | null;
  light: StatusLight;
  statusLabel: string;
  percent: number;
  latest: { note: string; at: Date } | null;
  /** Topic words to highlight. */
  highlights: string[];
}

/** An answer, for the renderer. */
export type Answer =
  | {
      kind: 'task_list';
      understanding: string;
      query: TaskQuery;
      total: number;
      page: number;
      pageCount: number;
      items: AnswerItem[];
      /** The topic matched only in part. */
      approximate: boolean;
      /** When nothing matched: the nearest questions that would find tasks. */
      suggestions?: string[];
      /** Asked for the tasks falling due first ("下一个截止日是几号"): the day they fall due. */
      figure?: string;
    }
  | {
      kind: 'task_detail';
      item: AnswerItem;
      status: TaskStatus;
      requirement: string;
      categoryPath: string;
      history: ProgressRecord[];
      /** What the question asked of the task, answered first: its deadline, with the day it falls due as `figure` (null: no date). */
      asked?: 'deadline';
      figure?: string | null;
    }
  | { kind: 'task_choice'; understanding: string; items: AnswerItem[] }
  | { kind: 'plans'; total: number; page: number; pageCount: number; plans: { id: number; title: string; jurisdiction: string; tasks: number; demo?: boolean }[] }
  | { kind: 'smalltalk'; topic: 'greeting' | 'thanks' }
  | StatsAnswer
  | UpdatesAnswer
  | { kind: 'not_understood'; reason: string };

const STATUS_LABEL: Record<StatusFilter, string> = {
  overdue: '已逾期',
  due_this_week: '本周到期',
  due_this_month: '本月到期',
  due_next_month: '下月到期',
  due_this_year: '年底前到期',
  below_half: '进度不到一半',
  no_progress: '没有报过进度',
  reported: '报过进度',
  unfinished: '未完成',
  done: '已完成',
  due_within: '即将到期',
  blocked: '受阻',
  pending_review: '待审核',
  in_progress: '进行中',
  not_started: '未开始',
  started: '已启动（未完成）',
  stalled: '停滞（30 天以上没有报进度）',
  above_half: '进度过半未完成',
};

/** "按单位：市财政局（中山市、临沂市）；只看牵头；主题：PPP；状态：已逾期；方案：临沂". */
export function describeQuery(query: TaskQuery, catalog: Catalog, today: string): string {
  const parts: string[] = [];
  for (const mention of query.units) {
    const units = mention.unitIds.map((id) => catalog.directory.unit(id)).filter((unit) => unit !== undefined);
    const names = [...new Set(units.map((unit) => unit.name))];
    const cities = [...new Set(units.map((unit) => unit.jurisdiction))];
    const shown = mention.self && units.length === 0 ? `${mention.text}（你还没有绑定单位：发送“/绑定 单位名称”后再问）` : mention.self ? `${mention.text}：${names.join('、')}` : mention.place && units.length === 0 ? `${mention.text}（${mention.place}没有这个单位）` : names.length === 1 ? `${names[0]}（${cities.join('、')}）` : names.map((name) => name).join('、');
    parts.push(`按单位：${shown}${mention.fuzzy ? `（按“${mention.text}”近似匹配）` : ''}`);
  }
  if (query.places && query.places.length > 0) parts.push(`地区：${query.places.join('、')}`);
  if (query.role !== 'any' && query.units.length > 0) parts.push(`角色：${UNIT_ROLE_LABEL[query.role]}`);
  if (query.withUnitsIn) parts.push(query.withUnitsIn.atLeast === 1 ? `有${UNIT_ROLE_LABEL[query.withUnitsIn.role]}单位的` : `${query.withUnitsIn.atLeast}家及以上${UNIT_ROLE_LABEL[query.withUnitsIn.role]}单位的`);
  if (query.partners) parts.push(`问的是：与其${query.role === 'any' ? '一起承担' : `同为${UNIT_ROLE_LABEL[query.role]}`}的其他单位`);
  if (query.topic) parts.push(`主题：${query.topic}${query.orTopic ? `或${query.orTopic}` : ''}`);
  if (query.status) parts.push(`状态：${query.status === 'due_within' ? `${query.withinDays ?? 0} 天内到期` : STATUS_LABEL[query.status]}${query.andStatus ? `且${STATUS_LABEL[query.andStatus]}` : ''}${query.orStatus ? `或${STATUS_LABEL[query.orStatus]}` : ''}`);
  if (query.progress) parts.push(describeProgressBound(query.progress));
  if (query.period) parts.push(`时间：${describePeriod(query.period, today)}${query.orPeriod ? `或${describePeriod(query.orPeriod, today)}` : ''}（未完成的）`);
  if (query.plan) parts.push(`方案：${query.plan}`);
  if (Array.isArray(query.planIds) && query.planIds.length > 0) parts.push(`方案：${query.planIds.map((id) => catalog.index.plan(id)?.title ?? `#${id}`).join('、')}`);
  if (parts.length === 0) parts.push('全部任务');
  if (query.except) parts.push(`不含：${describeQuery({ ...query.except, kind: 'tasks', page: 1 }, catalog, today)}`);
  if (query.order === 'urgency') parts.push('最紧迫的在前');
  if (query.soonest) parts.push('只看接下来最先到期的（未完成的）');
  if (query.waitedLongest) parts.push('只看最后一次报告最早的（等得最久的）');
  if (query.furthest) parts.push('只看报告进度最高的');
  if (query.leastAlong) parts.push('只看进度最低的');
  return parts.join('；');
}

/** How a task is called in its plan: "第8项", "第10项第3条", "一、（一）", "一、（一）第2条". */
export function labelOf(task: Pick<IndexedTask, 'key' | 'number' | 'categoryPath'>, parent: Pick<IndexedTask, 'key' | 'number' | 'categoryPath'> | undefined): string {
  if (parent) return `${labelOf(parent, undefined)}第${task.key.slice(parent.key.length + 1)}条`;
  if (/^\d+$/.test(task.key)) return `第${task.key}项`;
  // Numbered under a heading (seed 004): the heading's "一、" and the task's "（一）".
  const heading = /^([一二三四五六七八九十]+、)/.exec(task.categoryPath)?.[1] ?? '';
  return task.number ? `${heading}${task.number}` : task.key;
}

/** How the task with this id is called in its plan ("第20项"), for saying where an inherited deadline or unit comes from. */
export function labelOfTask(catalog: Catalog, taskId: number): string | null {
  const task = catalog.index.get(taskId);
  if (!task) return null;
  return labelOf(task, task.parentId === null ? undefined : catalog.index.get(task.parentId));
}

/** How any answer names a task: its id, plan and printed label, and the task it belongs to. */
export function taskHeadOf(task: IndexedTask, catalog: Catalog): { head: Pick<AnswerItem, 'taskId' | 'planId' | 'planTitle' | 'demo' | 'label' | 'title'>; parent: IndexedTask | undefined } {
  const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
  const plan = catalog.index.plan(task.planId);
  return { head: { taskId: task.id, planId: task.planId, planTitle: plan?.title ?? '', demo: plan?.demo === true, label: labelOf(task, parent), title: task.title }, parent };
}

/** The units of a task, or, when it names none, those of its sub-requirements (each once, in order). */
function unitsOf(task: IndexedTask, catalog: Catalog): IndexedTask['units'] {
  if (task.units.length > 0) return task.units;
  const seen = new Map<number, IndexedTask['units'][number]>();
  for (const child of catalog.index.childrenOf(task.id)) for (const link of child.units) if (!seen.has(link.unitId)) seen.set(link.unitId, link);
  return [...seen.values()];
}

/**
 * Builds the items of a page from the index; only the latest progress notes
 * come from the database (read here, unless the caller has them: `latest`).
 */
async function itemsFor(hits: readonly Pick<TaskHit, 'task' | 'matchedUnits' | 'matchedWords'>[], catalog: Catalog, repos: Repositories, today: string, latest?: ReadonlyMap<number, ProgressRecord>): Promise<AnswerItem[]> {
  latest ??= await repos.progress.latestFor(hits.map((hit) => hit.task.id));
  return hits.map(({ task, matchedUnits, matchedWords }) => {
    const { head, parent } = taskHeadOf(task, catalog);
    const asked = new Set(matchedUnits.map((link) => link.unitId));
    const update = latest.get(task.id);
    const inherited = catalog.index.inheritedFrom(task.id);
    // The head's fields written out, not spread: on Node 20 (V8 11) each new property after a spread in a literal is a
    // runtime call, and this object's ten made an item cost ~35 µs of CPU (0.3 ms a question; 1 µs written out).
    return {
      taskId: head.taskId,
      planId: head.planId,
      planTitle: head.planTitle,
      demo: head.demo,
      label: head.label,
      title: head.title,
      parentTitle: parent?.title ?? null,
      units: unitsOf(task, catalog).map((link) => ({
        name: catalog.directory.unit(link.unitId)?.name ?? `#${link.unitId}`,
        role: link.role,
        roleLabel: UNIT_ROLE_LABEL[link.role],
        asked: asked.has(link.unitId),
      })),
      unitsFrom: inherited.units ? labelOfTask(catalog, inherited.units.id) : null,
      leaders: task.leaders ?? null,
      deadline: task.deadlineRaw ? { raw: task.deadlineRaw, dueOn: task.dueDates[0] ?? null, from: inherited.deadline ? labelOfTask(catalog, inherited.deadline.id) : null } : null,
      light: statusLight(task, today),
      statusLabel: taskStatusLabel(task.status),
      percent: task.percent,
      latest: update ? { note: update.note, at: update.createdAt } : null,
      highlights: matchedWords,
    };
  });
}

/** Answers a task query, one page of it. */
export async function answerTaskQuery(query: TaskQuery, catalog: Catalog, repos: Repositories, today: string): Promise<Answer> {
  let page = Math.max(1, query.page);
  let result = catalog.index.search(query, today, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  // "中山财政局的分工": a plan named by a unit no plan is named after is that unit's tasks.
  if (query.plan && result.plans?.length === 0 && query.planNamedBy) return answerTaskQuery({ ...query, plan: null, planNamedBy: null, units: [...query.units, query.planNamedBy] }, catalog, repos, today);
  if (query.plan && result.plans?.length === 0) {
    return { kind: 'not_understood', reason: `没有找到名称或地区包含“${query.plan}”的方案。发送“有哪些方案”查看全部方案。` };
  }
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page > pageCount) {
    // Past the end (a stale button, or "还有呢" once too often): the last page.
    page = pageCount;
    result = catalog.index.search(query, today, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  }
  const soonest = result.soonestDay ? `；最先到期：${monthDayText(result.soonestDay)}${result.soonestDay.slice(0, 4) === today.slice(0, 4) ? '' : `（${result.soonestDay.slice(0, 4)}年）`}` : '';
  return {
    kind: 'task_list',
    understanding: `${describeQuery(query, catalog, today)}${soonest}`,
    ...(result.soonestDay ? { figure: result.soonestDay } : {}),
    query: { ...query, page },
    total: result.total,
    page,
    pageCount,
    items: await itemsFor(result.hits, catalog, repos, today),
    approximate: result.approximate,
    ...(result.total === 0 ? { suggestions: nearestQuestions(query, catalog, today) } : {}),
  };
}

/** Whether a task's text says some of a description in its own words: four characters of it in a row (镇区权责清单 → 权责清单). */
function saysPartOf(text: string, described: string): boolean {
  const span = Math.min(4, described.length);
  for (let at = 0; at + span <= described.length; at++) if (text.includes(described.slice(at, at + span))) return true;
  return false;
}

/** Answers a lookup of one task: its card, or a choice when the number exists in several plans. */
export async function answerTaskLookup(lookup: TaskLookup, catalog: Catalog, repos: Repositories, today: string): Promise<Answer> {
  const planIds = lookup.plan ? catalog.index.matchPlans(lookup.plan).map((plan) => plan.id) : null;
  const numbered = lookup.id !== null ? [catalog.index.get(lookup.id)].filter((task) => task !== undefined) : catalog.index.findByKey(lookup.key!, planIds);
  // The number in several plans, the item described too ("第一项第一条 镇区权责清单那条"): the ones whose text says it.
  const described = numbered.length > 1 && lookup.described ? numbered.filter((task) => saysPartOf(`${task.title}${task.requirement}`, lookup.described!)) : [];
  const tasks = described.length > 0 ? described : numbered;
  if (tasks.length === 0) {
    const asked = lookup.id !== null ? `#${lookup.id}` : `第${lookup.key!.replace('.', '项第')}${lookup.key!.includes('.') ? '条' : '项'}`;
    return { kind: 'not_understood', reason: `没有找到任务 ${asked}。可以问“市财政局负责什么”或“PPP项目谁负责”来查找任务。` };
  }
  if (tasks.length > 1) {
    // The card offers at most 20; more plans than that need the plan named in the question.
    const hits = tasks.slice(0, 20).map((task) => ({ task, matchedUnits: [], matchedWords: [] }));
    const more = tasks.length > 20 ? `（只列出前 20 个；请在问题里说明方案，例如“在临沂的要点里第${lookup.key}项”）` : '';
    return { kind: 'task_choice', understanding: `有 ${tasks.length} 个方案都有这个编号，请选择${more}：`, items: await itemsFor(hits, catalog, repos, today) };
  }
  const detail = await answerTaskDetail(tasks[0]!.id, catalog, repos, today);
  if (lookup.asks !== 'deadline' || detail.kind !== 'task_detail') return detail;
  return { ...detail, asked: 'deadline', figure: detail.item.deadline?.dueOn ?? null };
}

/**
 * One task in full, with its latest `historyLimit` updates. Its state is
 * read from the database, not the catalog, so a card redrawn right after a
 * change (in the same transaction) shows it.
 */
export async function answerTaskDetail(taskId: number, catalog: Catalog, repos: Repositories, today: string, historyLimit = 5): Promise<Answer> {
  const indexed = catalog.index.get(taskId);
  // Only the state is read fresh: the text, units and deadlines are the index's.
  const fresh = indexed ? await repos.tasks.currentState(taskId) : undefined;
  if (!indexed || !fresh || fresh.removedAt) return { kind: 'not_understood', reason: `任务 #${taskId} 不存在或已从方案中删除。` };
  const task: IndexedTask = { ...indexed, status: fresh.status, percent: fresh.percent, lastReportAt: fresh.lastReportAt?.getTime() ?? null };
  const history = await repos.progress.history(taskId, historyLimit);
  // The newest report is the history's first row (read in the order latestFor reads): not read a second time.
  const latest = historyLimit > 0 ? new Map(history.slice(0, 1).map((update) => [taskId, update] as const)) : undefined;
  const [item] = await itemsFor([{ task, matchedUnits: [], matchedWords: [] }], catalog, repos, today, latest);
  return { kind: 'task_detail', item: item!, status: fresh.status, requirement: task.requirement, categoryPath: task.categoryPath, history };
}

/** One page of the plans, with their task counts. */
export function answerPlans(catalog: Catalog, requestedPage = 1): Answer {
  const counts = catalog.index.countTasksByPlan();
  const all = catalog.index.allPlans();
  const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const plans = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((plan) => ({ ...plan, tasks: counts.get(plan.id) ?? 0 }));
  return { kind: 'plans', total: all.length, page, pageCount, plans };
}

/** Answers any question but follow-ups (which need the chat's previous answer). */
export async function answer(asked: Exclude<Question, { kind: 'follow_up' }>, catalog: Catalog, repos: Repositories, today: string): Promise<Answer> {
  const question = await withPersonUnits(asked, repos);
  switch (question.kind) {
    case 'tasks':
      return answerTaskQuery(question, catalog, repos, today);
    case 'task':
      return answerTaskLookup(question, catalog, repos, today);
    case 'plans':
      return answerPlans(catalog, question.page);
    case 'smalltalk':
      return { kind: 'smalltalk', topic: question.topic };
    case 'stats':
      return answerStats(question, catalog, today);
    case 'updates':
    case 'person':
    case 'chase':
      return answerUpdatesFamily(question, catalog, repos, today);
    case 'unknown':
      return { kind: 'not_understood', reason: '没有看懂这个问题。' };
  }
}
