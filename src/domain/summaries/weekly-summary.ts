/**
 * What a weekly status card says, as data: overall numbers for the plans or
 * units a chat follows, what changed this week by unit, the overdue (red)
 * and due-soon-or-stalled (yellow) lists, and a by-unit table of counts.
 * Counts only — nobody is named in a group. Computed from the question
 * catalog (in memory) plus one read of this week's progress rows.
 */
import { daysBetween, utcDayOf } from '../../lib/dates.js';
import type { Repositories } from '../../repositories/index.js';
import { labelOf } from '../questions/answer-service.js';
import type { Catalog } from '../questions/question-catalog.js';
import { currentDue, isDueSoon, isStalled, statusLight, type StatusLight } from '../questions/status-light.js';
import type { IndexedTask } from '../questions/task-index.js';
import { unitsInCharge } from '../units/units-in-charge.js';

/** Which plans and units a summary covers; empty lists mean all. */
export interface SummaryScope {
  planIds: readonly number[];
  unitIds: readonly number[];
}

/** The week a summary covers: ISO week key and its days in the bot's time zone. */
export interface SummaryWeek {
  /** '2026-W47'. */
  period: string;
  /** Monday and Sunday, 'YYYY-MM-DD'. */
  start: string;
  end: string;
  /** When the week began, as an instant (Monday 00:00 local). */
  startsAt: Date;
}

/** One task in the red or yellow list. */
export interface SummaryItem {
  taskId: number;
  label: string;
  title: string;
  /** The units in charge (lead, else responsible), by name. */
  units: string[];
  dueOn: string | null;
  /** Days past the due day (red) or left until it (yellow); null without a date. */
  days: number | null;
  /** Why it is yellow: 'due_soon' | 'blocked' | 'stalled'. */
  reason: 'overdue' | 'due_soon' | 'blocked' | 'stalled';
}

/** A unit's row in the by-unit table. */
export interface UnitRow {
  unitId: number;
  name: string;
  /** Tasks it is in charge of (牵头, or 负责 where none leads). */
  led: number;
  done: number;
  overdue: number;
  /** Days since the latest report on any of its tasks; null when never. */
  daysSinceReport: number | null;
}

/** The weekly summary of one scope. */
export interface WeeklySummary {
  scopeLabel: string;
  week: SummaryWeek;
  today: string;
  totals: {
    tasks: number;
    done: number;
    onTrack: number;
    dueSoon: number;
    overdue: number;
    blocked: number;
    stalled: number;
    /** Done ÷ tasks, whole percent. */
    completion: number;
  };
  /** This week's reports and closures by reporting unit, busiest first. */
  changes: { unitId: number | null; name: string; reports: number; closures: number }[];
  red: { total: number; items: SummaryItem[] };
  yellow: { total: number; items: SummaryItem[] };
  units: UnitRow[];
}

/** Tasks listed in the red and yellow lists before "还有 N 项". */
export const LIST_LIMIT = 10;

/**
 * The tasks a summary counts: the work items (domain/tasks/work-items —
 * a task with numbered sub-requirements is counted through them, each with
 * its parent's units and deadline where it names none), in the scope's
 * plans and naming one of its units. The same tasks answers, counts,
 * reminders and the ledger use.
 */
export function tasksInScope(catalog: Catalog, scope: SummaryScope): IndexedTask[] {
  const plans = scope.planIds.length > 0 ? new Set(scope.planIds) : null;
  const units = scope.unitIds.length > 0 ? new Set(scope.unitIds) : null;
  const found: IndexedTask[] = [];
  for (const plan of catalog.index.allPlans()) {
    if (plans && !plans.has(plan.id)) continue;
    for (const task of catalog.index.tasksOfPlan(plan.id)) {
      if (!catalog.index.isLeaf(task.id)) continue;
      if (units && !task.units.some((link) => units.has(link.unitId))) continue;
      found.push(task);
    }
  }
  return found;
}

/** "市财政局" for a scope of one unit, the plan title for one plan, "全部方案" for everything. */
export function scopeLabel(catalog: Catalog, scope: SummaryScope): string {
  const parts: string[] = [];
  const plans = scope.planIds.map((id) => catalog.index.plan(id)?.title).filter((title) => title !== undefined);
  const units = scope.unitIds.map((id) => catalog.directory.unit(id)?.name).filter((name) => name !== undefined);
  if (plans.length > 0) parts.push(plans.join('、'));
  if (units.length > 0) parts.push([...new Set(units)].join('、'));
  return parts.length > 0 ? parts.join(' · ') : '全部方案';
}

/** Builds the summary of a scope for a week, as of `today` and `now`. */
export async function weeklySummary(input: {
  catalog: Catalog;
  repos: Repositories;
  scope: SummaryScope;
  week: SummaryWeek;
  today: string;
  now: Date;
  /** Tasks listed in the red and yellow lists (LIST_LIMIT by default; more in the supervisors' version). */
  listLimit?: number;
}): Promise<WeeklySummary> {
  const { catalog, scope, week, today } = input;
  const tasks = tasksInScope(catalog, scope);
  const name = (unitId: number) => catalog.directory.unit(unitId)?.name ?? `#${unitId}`;
  const totals = { tasks: tasks.length, done: 0, onTrack: 0, dueSoon: 0, overdue: 0, blocked: 0, stalled: 0, completion: 0 };
  const red: SummaryItem[] = [];
  const yellow: SummaryItem[] = [];
  const table = new Map<number, UnitRow & { lastReportAt: number | null }>();
  const scopedUnits = scope.unitIds.length > 0 ? new Set(scope.unitIds) : null;

  for (const task of tasks) {
    const light: StatusLight = statusLight(task, today);
    const due = currentDue(task, today);
    const days = due === null ? null : Math.abs(daysBetween(today, due));
    const stalled = task.status !== 'done' && isStalled(task, today);
    const dueSoon = task.status !== 'done' && isDueSoon(due, today);
    if (task.status === 'done') totals.done++;
    else if (light === 'green' || light === 'grey') totals.onTrack++;
    if (dueSoon) totals.dueSoon++;
    if (light === 'red') totals.overdue++;
    if (task.status === 'blocked') totals.blocked++;
    if (stalled) totals.stalled++;
    const item = (reason: SummaryItem['reason']): SummaryItem => ({
      taskId: task.id,
      label: labelOf(task, task.parentId === null ? undefined : catalog.index.get(task.parentId)),
      title: task.title,
      units: unitsInCharge(task).map(name),
      dueOn: due,
      days,
      reason,
    });
    if (light === 'red') red.push(item('overdue'));
    else if (light === 'yellow') yellow.push(item(dueSoon ? 'due_soon' : task.status === 'blocked' ? 'blocked' : 'stalled'));
    for (const unitId of unitsInCharge(task)) {
      if (scopedUnits && !scopedUnits.has(unitId)) continue;
      const row = table.get(unitId) ?? { unitId, name: name(unitId), led: 0, done: 0, overdue: 0, daysSinceReport: null, lastReportAt: null };
      row.led++;
      if (task.status === 'done') row.done++;
      if (light === 'red') row.overdue++;
      if (task.lastReportAt !== null && (row.lastReportAt === null || task.lastReportAt > row.lastReportAt)) row.lastReportAt = task.lastReportAt;
      table.set(unitId, row);
    }
  }
  totals.completion = totals.tasks === 0 ? 0 : Math.round((totals.done / totals.tasks) * 100);

  // Most overdue first; then the soonest due, then the rest.
  red.sort((a, b) => (b.days ?? 0) - (a.days ?? 0) || a.taskId - b.taskId);
  const yellowRank = { due_soon: 0, blocked: 1, stalled: 2, overdue: 3 } as const;
  yellow.sort((a, b) => yellowRank[a.reason] - yellowRank[b.reason] || (a.days ?? 1e9) - (b.days ?? 1e9) || a.taskId - b.taskId);

  const counted = new Set(tasks.map((task) => task.id));
  const changes = new Map<number | null, { unitId: number | null; name: string; reports: number; closures: number }>();
  for (const row of await input.repos.progress.activityBetween(week.startsAt, input.now)) {
    if (!counted.has(row.taskId)) continue;
    const entry = changes.get(row.unitId) ?? { unitId: row.unitId, name: row.unitId === null ? '督查室' : name(row.unitId), reports: 0, closures: 0 };
    if (row.status === 'done') entry.closures++;
    else entry.reports++;
    changes.set(row.unitId, entry);
  }

  const units = [...table.values()]
    .map(({ lastReportAt, ...row }) => ({ ...row, daysSinceReport: lastReportAt === null ? null : daysBetween(utcDayOf(lastReportAt), today) }))
    .sort((a, b) => b.overdue - a.overdue || b.led - a.led || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    scopeLabel: scopeLabel(catalog, scope),
    week,
    today,
    totals,
    changes: [...changes.values()].sort((a, b) => b.reports + b.closures - (a.reports + a.closures) || a.name.localeCompare(b.name, 'zh-CN')),
    red: { total: red.length, items: red.slice(0, input.listLimit ?? LIST_LIMIT) },
    yellow: { total: yellow.length, items: yellow.slice(0, input.listLimit ?? LIST_LIMIT) },
    units,
  };
}
