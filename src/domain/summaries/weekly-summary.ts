/**
 * What a weekly status card says, as data: overall numbers for the plans or
 * units a chat follows, what changed this week by unit, the overdue (red)
 * and needs-attention (yellow, each with the rule that made it yellow)
 * lists, and a by-unit table grouped by place with collective units apart.
 * Counts only — nobody is named in a group. Every figure is computed once,
 * in assessScope, from the one light rule (status-light) over the one
 * definition of a task (work items): the card's buttons list from the same
 * result. Computed from the question catalog (in memory) plus one read of
 * this week's progress rows.
 */
import { daysBetween, utcDayOf } from '../../lib/dates.js';
import type { Repositories } from '../../repositories/index.js';
import { labelOf } from '../questions/answer-service.js';
import type { Catalog } from '../questions/question-catalog.js';
import { currentDue, judgeLight, type AttentionReason } from '../questions/status-light.js';
import type { IndexedTask } from '../questions/task-index.js';
import { isCollective } from '../imports/unit-list-parser.js';
import { unitsInCharge } from '../units/units-in-charge.js';
import { planShortNames } from './plan-short-name.js';
import { tallyTrend, trendWeeks, type TrendWeek } from './weekly-trend.js';

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

/** Why a task is in the red list (overdue) or the yellow one (the rule that made it yellow). */
export type SummaryReason = 'overdue' | AttentionReason;

/** One task in the red or yellow list. */
export interface SummaryItem {
  taskId: number;
  label: string;
  title: string;
  /** The plan's short name ("中山2016政务公开要点"): several plans each have a 第5项. */
  plan: string;
  /** The units in charge (lead, else responsible), by name. */
  units: string[];
  dueOn: string | null;
  /** Days past the due day (red) or left until it (yellow); null without a date. */
  days: number | null;
  /** Why it is listed: overdue, or the one rule that made it yellow. */
  reason: SummaryReason;
}

/** A unit's row in the by-unit table. */
export interface UnitRow {
  unitId: number;
  name: string;
  /** Where the unit is (its jurisdiction): 中山市's 市财政局 is not 临沂市's. */
  place: string;
  /** Tasks it is in charge of (牵头, or 负责 where none leads). */
  led: number;
  done: number;
  overdue: number;
  /** Days since the latest report on any of its tasks; null when never. */
  daysSinceReport: number | null;
}

/**
 * The collective or vague units of a place (各镇区, 市有关单位, 各市、区政府)
 * in one row: not a bureau, so never ranked among them. Each task counted
 * once, however many of them it names.
 */
export interface CollectiveRow {
  place: string;
  /** Their names, those in charge of the most tasks first. */
  names: string[];
  led: number;
  done: number;
  overdue: number;
  daysSinceReport: number | null;
}

/** The by-unit table of one place: its bureaus, most overdue first, and its collectives apart. */
export interface PlaceUnits {
  place: string;
  units: UnitRow[];
  collective: CollectiveRow | null;
}

/** A place's tasks (by its plans' place): for a picture by place. */
export interface PlaceTally {
  place: string;
  tasks: number;
  done: number;
  overdue: number;
}

/** The counts at the head of the card: every task in exactly one of done, red, yellow and on track. */
export interface SummaryTotals {
  tasks: number;
  done: number;
  /** 🔴: the red list's total. */
  overdue: number;
  /** 🟡: the yellow list's total. */
  attention: number;
  /** 🟢 open and green, or grey (no deadline and no report yet). */
  onTrack: number;
  /** The yellow tasks by the rule that made each yellow (they add up to `attention`). */
  reasons: Record<AttentionReason, number>;
  /** Done ÷ tasks, whole percent. */
  completion: number;
}

/** The weekly summary of one scope. */
export interface WeeklySummary {
  scopeLabel: string;
  week: SummaryWeek;
  today: string;
  totals: SummaryTotals;
  /** This week's reports and closures by reporting unit (with its place), busiest first. */
  changes: { unitId: number | null; name: string; place: string; reports: number; closures: number }[];
  red: { total: number; items: SummaryItem[] };
  yellow: { total: number; items: SummaryItem[] };
  /** The places the scope's units are in, most overdue first: one place unless the scope spans several. */
  unitTable: PlaceUnits[];
  /** The scope's tasks by their plans' place. */
  byPlace: PlaceTally[];
  /** How many plans the scope's tasks come from (more than one: each listed task names its plan). */
  planCount: number;
  /** Some of its tasks are demonstration data (the console's 演示数据): the card says so. */
  demo: boolean;
  /** Reports and closures in each of the last eight weeks, this week last (the card's trend chart). */
  trend: TrendWeek[];
}

/** Everything the summary says about a scope's tasks on a day, before this week's activity: every figure and list, computed once. */
export interface ScopeAssessment {
  tasks: IndexedTask[];
  totals: SummaryTotals;
  /** Every red task, most overdue first. */
  red: SummaryItem[];
  /** Every yellow task: due soonest first, then blocked, then late in their time, then stalled. */
  yellow: SummaryItem[];
  unitTable: PlaceUnits[];
  byPlace: PlaceTally[];
  planCount: number;
  /** Some of its tasks belong to a demonstration plan. */
  demo: boolean;
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

/** The order of the yellow list: the nearest deadline first, then what is stuck, then what has gone quiet. */
const YELLOW_RANK: Record<AttentionReason, number> = { due_soon: 0, blocked: 1, late_window: 2, stalled: 3 };

/**
 * Judges every task of a scope on `today` once: its light and reason, the
 * counts at the head of the card, the full red and yellow lists, and the
 * by-unit table grouped by place. The card, its buttons and its text twin
 * all read this one result, so a figure and the list behind it cannot
 * disagree.
 */
export function assessScope(catalog: Catalog, scope: SummaryScope, today: string): ScopeAssessment {
  const tasks = tasksInScope(catalog, scope);
  const planRows = [...new Set(tasks.map((task) => task.planId))].map((id) => catalog.index.plan(id)).filter((plan) => plan !== undefined);
  const plans = planShortNames(planRows);
  const unitOf = (unitId: number) => catalog.directory.unit(unitId);
  const name = (unitId: number) => unitOf(unitId)?.name ?? `#${unitId}`;
  const reasons: Record<AttentionReason, number> = { due_soon: 0, blocked: 0, late_window: 0, stalled: 0 };
  const totals: SummaryTotals = { tasks: tasks.length, done: 0, overdue: 0, attention: 0, onTrack: 0, reasons, completion: 0 };
  const red: SummaryItem[] = [];
  const yellow: SummaryItem[] = [];
  const scopedUnits = scope.unitIds.length > 0 ? new Set(scope.unitIds) : null;
  type Tally = { led: number; done: number; overdue: number; lastReportAt: number | null };
  const rows = new Map<number, UnitRow & { lastReportAt: number | null }>();
  const collectives = new Map<string, Tally & { names: Map<string, number> }>();
  const places = new Map<string, PlaceTally>();
  const count = (tally: Tally, done: boolean, late: boolean, lastReportAt: number | null) => {
    tally.led++;
    if (done) tally.done++;
    if (late) tally.overdue++;
    if (lastReportAt !== null && (tally.lastReportAt === null || lastReportAt > tally.lastReportAt)) tally.lastReportAt = lastReportAt;
  };

  for (const task of tasks) {
    const { light, reason } = judgeLight(task, today);
    const done = task.status === 'done';
    const late = light === 'red';
    const due = currentDue(task, today);
    if (done) totals.done++;
    else if (late) totals.overdue++;
    else if (reason) {
      totals.attention++;
      reasons[reason]++;
    } else totals.onTrack++;
    const item = (why: SummaryReason): SummaryItem => ({
      taskId: task.id,
      label: labelOf(task, task.parentId === null ? undefined : catalog.index.get(task.parentId)),
      title: task.title,
      plan: plans.get(task.planId) ?? '',
      units: unitsInCharge(task).map(name),
      dueOn: due,
      days: due === null ? null : Math.abs(daysBetween(today, due)),
      reason: why,
    });
    if (late) red.push(item('overdue'));
    else if (!done && reason) yellow.push(item(reason));

    const planPlace = catalog.index.plan(task.planId)?.jurisdiction ?? '';
    const place = places.get(planPlace) ?? { place: planPlace, tasks: 0, done: 0, overdue: 0 };
    place.tasks++;
    if (done) place.done++;
    if (late) place.overdue++;
    places.set(planPlace, place);

    const collectiveSeen = new Set<string>();
    for (const unitId of unitsInCharge(task)) {
      if (scopedUnits && !scopedUnits.has(unitId)) continue;
      const unit = unitOf(unitId);
      const unitPlace = unit?.jurisdiction ?? planPlace;
      if (unit && isCollective(unit.name)) {
        const group = collectives.get(unitPlace) ?? { led: 0, done: 0, overdue: 0, lastReportAt: null, names: new Map<string, number>() };
        group.names.set(unit.name, (group.names.get(unit.name) ?? 0) + 1);
        // A task naming two collectives of one place is one task of that row.
        if (!collectiveSeen.has(unitPlace)) count(group, done, late, task.lastReportAt);
        collectiveSeen.add(unitPlace);
        collectives.set(unitPlace, group);
        continue;
      }
      const row = rows.get(unitId) ?? { unitId, name: name(unitId), place: unitPlace, led: 0, done: 0, overdue: 0, daysSinceReport: null, lastReportAt: null };
      count(row, done, late, task.lastReportAt);
      rows.set(unitId, row);
    }
  }
  totals.completion = totals.tasks === 0 ? 0 : Math.round((totals.done / totals.tasks) * 100);

  // Most overdue first; the yellow list by its reasons' order, then the soonest due.
  red.sort((a, b) => (b.days ?? 0) - (a.days ?? 0) || a.taskId - b.taskId);
  yellow.sort((a, b) => YELLOW_RANK[a.reason as AttentionReason] - YELLOW_RANK[b.reason as AttentionReason] || (a.days ?? 1e9) - (b.days ?? 1e9) || a.taskId - b.taskId);

  const quiet = (lastReportAt: number | null) => (lastReportAt === null ? null : daysBetween(utcDayOf(lastReportAt), today));
  const table = new Map<string, PlaceUnits>();
  const placeOf = (place: string) => {
    const found = table.get(place) ?? { place, units: [], collective: null };
    table.set(place, found);
    return found;
  };
  for (const { lastReportAt, ...row } of rows.values()) placeOf(row.place).units.push({ ...row, daysSinceReport: quiet(lastReportAt) });
  for (const [place, group] of collectives) {
    placeOf(place).collective = { place, names: [...group.names].sort(([a, many], [b, more]) => more - many || a.localeCompare(b, 'zh-CN')).map(([name]) => name), led: group.led, done: group.done, overdue: group.overdue, daysSinceReport: quiet(group.lastReportAt) };
  }
  const overdueOf = (entry: PlaceUnits) => entry.units.reduce((sum, row) => sum + row.overdue, 0) + (entry.collective?.overdue ?? 0);
  const ledOf = (entry: PlaceUnits) => entry.units.reduce((sum, row) => sum + row.led, 0) + (entry.collective?.led ?? 0);
  for (const entry of table.values()) entry.units.sort((a, b) => b.overdue - a.overdue || b.led - a.led || a.name.localeCompare(b.name, 'zh-CN'));
  const unitTable = [...table.values()].sort((a, b) => overdueOf(b) - overdueOf(a) || ledOf(b) - ledOf(a) || a.place.localeCompare(b.place, 'zh-CN'));
  const byPlace = [...places.values()].sort((a, b) => b.overdue - a.overdue || b.tasks - a.tasks || a.place.localeCompare(b.place, 'zh-CN'));
  return { tasks, totals, red, yellow, unitTable, byPlace, planCount: plans.size, demo: planRows.some((plan) => plan.demo === true) };
}

/** Builds the summary of a scope for a week, as of `today` and `now`. */
export async function weeklySummary(input: {
  catalog: Catalog;
  repos: Repositories;
  scope: SummaryScope;
  week: SummaryWeek;
  today: string;
  now: Date;
  /** Where the weeks of the trend start (Monday 00:00 there), as the card's own week does. */
  timeZone: string;
  /** Tasks listed in the red and yellow lists (LIST_LIMIT by default; more in the supervisors' version). */
  listLimit?: number;
}): Promise<WeeklySummary> {
  const { catalog, scope, week, today } = input;
  const assessed = assessScope(catalog, scope, today);
  const counted = new Set(assessed.tasks.map((task) => task.id));
  const weeks = trendWeeks(week, input.timeZone);
  const since = weeks[0]!.startsAt;
  // One read for the eight weeks: the trend counts them all, 本周变化 this week's.
  const activity = input.now.getTime() > since.getTime() ? await input.repos.progress.activityBetween(since, input.now) : [];
  const changes = new Map<number | null, WeeklySummary['changes'][number]>();
  for (const row of activity) {
    if (!counted.has(row.taskId) || row.createdAt.getTime() < week.startsAt.getTime()) continue;
    const unit = row.unitId === null ? undefined : catalog.directory.unit(row.unitId);
    const entry = changes.get(row.unitId) ?? { unitId: row.unitId, name: row.unitId === null ? '督查室' : (unit?.name ?? `#${row.unitId}`), place: unit?.jurisdiction ?? '', reports: 0, closures: 0 };
    if (row.status === 'done') entry.closures++;
    else entry.reports++;
    changes.set(row.unitId, entry);
  }
  const limit = input.listLimit ?? LIST_LIMIT;
  return {
    scopeLabel: scopeLabel(catalog, scope),
    week,
    today,
    totals: assessed.totals,
    changes: [...changes.values()].sort((a, b) => b.reports + b.closures - (a.reports + a.closures) || a.name.localeCompare(b.name, 'zh-CN')),
    red: { total: assessed.red.length, items: assessed.red.slice(0, limit) },
    yellow: { total: assessed.yellow.length, items: assessed.yellow.slice(0, limit) },
    unitTable: assessed.unitTable,
    byPlace: assessed.byPlace,
    planCount: assessed.planCount,
    demo: assessed.demo,
    trend: tallyTrend(activity, counted, weeks),
  };
}
