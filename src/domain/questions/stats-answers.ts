/**
 * Answers counts, rates and rankings (issue 17) from the task index: how
 * many tasks a filter matches, how many of them are done or overdue, the
 * completion rate, and units, places or plans ranked by one of those —
 * always over the one definition of a task (a leaf, with its parent's units
 * and deadline where it names none). Collectives (各镇区, 市有关单位 …) are
 * left out of rankings. Returns data; the card is rendered elsewhere.
 */
import { isCollective } from '../imports/unit-list-parser.js';
import { liesIn, placesNamed } from '../places/gazetteer.js';
import { describeQuery } from './answer-service.js';
import type { Catalog } from './question-catalog.js';
import { leadingPlace } from '../places/gazetteer.js';
import type { StatsQuery, TaskQuery } from './question.js';
import type { TaskTally } from './task-index.js';

/** How a completion rate is defined, said wherever one is shown. */
export const RATE_DEFINITION = '完成率 = 已完成的任务 ÷ 全部任务。任务按最小工作单元计：有细项的任务按细项计，细项沿用上级任务的单位和时限；逾期 = 未完成且时限已过。';

/** Rows a ranking carries (the card shows them ten to a page). */
export const RANKING_LIMIT = 20;

/** One row of a ranking or breakdown: a unit, place or plan with its counts. */
export interface StatsRow {
  /** The unit's, place's or plan's name. */
  name: string;
  /** A unit's place ("中山市"); absent for places and plans. */
  jurisdiction?: string;
  tasks: number;
  done: number;
  overdue: number;
  /** Done ÷ tasks, in percent (not rounded). */
  rate: number;
  /** 1-based place in the ranking; rows with the same value share it. */
  rank: number;
}

/** A counted answer: the figure, the scope's counts, and a ranking or a breakdown for the table. */
export interface StatsAnswer {
  kind: 'stats';
  understanding: string;
  measure: StatsQuery['measure'];
  groupBy: StatsQuery['groupBy'];
  order: StatsQuery['order'];
  /** Counts over every task in scope. */
  scope: TaskTally & { rate: number };
  /** The number asked for: tasks, done tasks or units (absent for a rate). */
  count?: number;
  /** The rate or share asked for, in percent. */
  figure?: number;
  /** For a share: the tasks of the scope it is a share of (its state, period and progress not asked). */
  whole?: number;
  /** Units, places or plans, first place first (when the question ranks). */
  ranking?: StatsRow[];
  /** The scope by plan (or by the places or units named), for the table of a single figure. */
  breakdown: StatsRow[];
  /** What the breakdown's rows are. */
  breakdownBy: 'plan' | 'place' | 'unit';
  /** Rows of the ranking left out beyond RANKING_LIMIT. */
  more: number;
  /** How many share the first place, over the whole ranking (0 without one). */
  firstPlace: number;
  /** The tasks behind the figures, for the card's "查看这些任务" button. */
  query: TaskQuery;
  /** Questions that would find something, when the scope is empty. */
  suggestions: string[];
  /** Some of the counted tasks are demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
  /** The units counted, most tasks first ("哪几个单位的", "涉及几个单位"): collectives left out. */
  units?: { name: string; jurisdiction: string }[];
}

/** Names in Chinese order; one collator, as localeCompare makes one per call. */
const byName = new Intl.Collator('zh').compare;

const rateOf = (tally: TaskTally) => (tally.tasks === 0 ? 0 : (tally.done / tally.tasks) * 100);

/** What a measure says, for the understanding line. */
const MEASURE_LABEL: Record<StatsQuery['measure'], string> = { count: '任务数', done: '已完成的任务数', rate: '完成率', units: '涉及的单位数', share: '占全部任务的比例', average: '平均进度（办结的算 100%，没报过进度的算 0%）' };
const GROUP_LABEL: Record<StatsQuery['groupBy'], string> = { none: '', unit: '按单位排名', place: '按地区排名', plan: '按方案排名' };

/** Ranks rows by the measure: equal values share a place; ties by more tasks, then name. */
function ranked(rows: Omit<StatsRow, 'rank'>[], measure: StatsQuery['measure'], order: StatsQuery['order']): StatsRow[] {
  // Compared as fractions for rates, so that 1/3 and 2/6 tie exactly.
  const compare = (a: Omit<StatsRow, 'rank'>, b: Omit<StatsRow, 'rank'>): number => {
    if (measure === 'rate') return a.done * b.tasks - b.done * a.tasks;
    return measure === 'done' ? a.done - b.done : a.tasks - b.tasks;
  };
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => sign * compare(a, b) || b.tasks - a.tasks || byName(a.name, b.name));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || compare(row, sorted[index - 1]!) !== 0) rank = index + 1;
    return { ...row, rank };
  });
}

const row = (name: string, tally: TaskTally, jurisdiction?: string): Omit<StatsRow, 'rank'> => ({ name, ...(jurisdiction ? { jurisdiction } : {}), ...tally, rate: rateOf(tally) });

/** Adds one tally into another, keyed. */
function addInto(groups: Map<string, TaskTally>, key: string, tally: TaskTally) {
  const sum = groups.get(key) ?? { tasks: 0, done: 0, overdue: 0 };
  sum.tasks += tally.tasks;
  sum.done += tally.done;
  sum.overdue += tally.overdue;
  groups.set(key, sum);
}

/** The city a jurisdiction belongs to: 新会区 → 江门市; a city, or a place the gazetteer lacks, is its own. */
function cityOf(jurisdiction: string): string {
  const places = placesNamed(jurisdiction);
  const county = places.find((place) => place.level === 'county' && place.parent !== null && placesNamed(place.parent).some((parent) => parent.level === 'city'));
  return places.some((place) => place.level === 'city') || !county ? jurisdiction : county.parent!;
}

/**
 * Plans' counts summed by place: the places the question named when it
 * named two or more; otherwise by city (新会区 in 江门市), or by the plans'
 * own places when they all lie in one city.
 */
function byPlace(byPlan: ReadonlyMap<number, TaskTally>, catalog: Catalog, named: readonly string[]): Map<string, TaskTally> {
  const jurisdictions = [...byPlan].map(([planId, tally]) => ({ jurisdiction: catalog.index.plan(planId)?.jurisdiction ?? '', tally }));
  const keyOf =
    named.length >= 2
      ? (jurisdiction: string) => named.find((place) => liesIn(jurisdiction, place)) ?? jurisdiction
      : new Set(jurisdictions.map((entry) => cityOf(entry.jurisdiction))).size === 1
        ? (jurisdiction: string) => jurisdiction
        : cityOf;
  const groups = new Map<string, TaskTally>();
  for (const { jurisdiction, tally } of jurisdictions) addInto(groups, keyOf(jurisdiction), tally);
  return groups;
}

/** Units' rows, collectives left out. */
function unitRows(byUnit: ReadonlyMap<number, TaskTally>, catalog: Catalog): Omit<StatsRow, 'rank'>[] {
  const rows: Omit<StatsRow, 'rank'>[] = [];
  for (const [unitId, tally] of byUnit) {
    const unit = catalog.directory.unit(unitId);
    if (!unit || isCollective(unit.name)) continue;
    rows.push(row(unit.name, tally, unit.jurisdiction));
  }
  return rows;
}

/** Questions to offer when a unit named with its place has no such unit there: the unit without its place. */
function suggestionsFor(question: StatsQuery): string[] {
  return question.filter.units
    .filter((mention) => mention.place && mention.unitIds.length === 0)
    .map((mention) => {
      const written = leadingPlace(mention.text, { allowShort: true })?.written ?? '';
      return `${mention.text.slice(written.length).replace(/^的/, '') || mention.text}有多少项任务`;
    });
}

/** The tasks picked out as a share of the scope's tasks: the same filter without its state, period and progress. */
function shareOf(filter: StatsQuery['filter'], part: number, catalog: Catalog, today: string): { figure: number; count: number; whole: number } {
  // The condition is the state or progress asked of, a period beside it part of the scope (年底前到期的活 办完的占比);
  // a period alone is the condition (本月到期的占几成).
  const withoutCondition = filter.status || filter.progress ? { status: null, andStatus: null, orStatus: null, progress: null } : { period: null };
  const whole = catalog.index.aggregate({ ...filter, ...withoutCondition }, today).total.tasks;
  return { figure: whole === 0 ? 0 : (part / whole) * 100, count: part, whole };
}

/** Answers a count, rate or ranking. */
export function answerStats(question: StatsQuery, catalog: Catalog, today: string): StatsAnswer | { kind: 'not_understood'; reason: string } {
  const { measure, order } = question;
  // Of what was done in a period, or a rate or share over it, the period's finished tasks count (a period alone lists the unfinished).
  const doneInPeriod = measure === 'rate' || measure === 'done' || (measure === 'share' && (question.filter.status !== null || Boolean(question.filter.progress)));
  const filter = question.filter.period && doneInPeriod ? { ...question.filter, periodFinishedToo: true } : question.filter;
  const aggregate = catalog.index.aggregate(filter, today);
  if (filter.plan && aggregate.plans?.length === 0) {
    return { kind: 'not_understood', reason: `没有找到名称或地区包含“${filter.plan}”的方案。发送“有哪些方案”查看全部方案。` };
  }
  const scope = { ...aggregate.total, rate: rateOf(aggregate.total) };
  const units = unitRows(aggregate.byUnit, catalog);
  const places = () => [...byPlace(aggregate.byPlan, catalog, filter.places ?? [])].map(([name, tally]) => row(name, tally));
  const plans = () => [...aggregate.byPlan].map(([planId, tally]) => row(catalog.index.plan(planId)?.title ?? `#${planId}`, tally));

  let ranking: StatsRow[] | undefined;
  if (question.groupBy !== 'none') {
    const rows = question.groupBy === 'unit' ? units : question.groupBy === 'place' ? places() : plans();
    ranking = ranked(rows, measure === 'units' ? 'count' : measure, order);
  }
  // A single figure's table: by the places or units it names when two or more, else by plan.
  // (Asked which units or how many, by the units themselves.)
  const breakdownBy = measure === 'units' ? 'unit' : (filter.places?.length ?? 0) >= 2 ? 'place' : filter.units.length >= 2 ? 'unit' : 'plan';
  const breakdown = ranked(breakdownBy === 'place' ? places() : breakdownBy === 'unit' ? units : plans(), 'count', 'desc');
  const understanding = `${describeQuery({ ...filter, kind: 'tasks', page: 1 }, catalog, today)}；统计：${MEASURE_LABEL[measure]}${question.groupBy === 'none' ? '' : `，${GROUP_LABEL[question.groupBy]}${order === 'asc' ? '（从低到高）' : ''}`}`;
  const figures = measure === 'rate' ? { figure: scope.rate } : measure === 'average' ? { figure: catalog.index.averagePercent(filter, today) ?? 0 } : measure === 'share' ? shareOf(filter, scope.tasks, catalog, today) : { count: measure === 'done' ? scope.done : measure === 'units' ? units.length : scope.tasks };
  // A share of nothing: no task in the scope at all, so no share to give.
  if ('whole' in figures && figures.whole === 0) {
    return { kind: 'not_understood', reason: `我的理解：${understanding}。这个范围里没有任务，算不出占比。可以先问“有哪些方案”，或换个单位、地区再问。` };
  }
  return {
    kind: 'stats',
    understanding,
    measure,
    groupBy: question.groupBy,
    order,
    scope,
    ...figures,
    ...(ranking ? { ranking: ranking.slice(0, RANKING_LIMIT) } : {}),
    breakdown: breakdown.slice(0, RANKING_LIMIT),
    breakdownBy,
    more: ranking ? Math.max(0, ranking.length - RANKING_LIMIT) : Math.max(0, breakdown.length - RANKING_LIMIT),
    firstPlace: ranking ? ranking.filter((entry) => entry.rank === 1).length : 0,
    query: { ...filter, kind: 'tasks', page: 1, ...(measure === 'done' && filter.status === null ? { status: 'done' as const } : {}) },
    suggestions: scope.tasks === 0 ? suggestionsFor(question) : [],
    demo: [...aggregate.byPlan].some(([planId, tally]) => tally.tasks > 0 && catalog.index.plan(planId)?.demo === true),
    ...(measure === 'units' ? { units: ranked(units, 'count', 'desc').map(({ name, jurisdiction }) => ({ name, jurisdiction: jurisdiction ?? '' })) } : {}),
  };
}
