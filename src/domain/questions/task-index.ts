/**
 * An in-memory index of every live task, for answering questions in a few
 * milliseconds at 100,000 tasks: tasks by unit, and a character-bigram
 * inverted index over titles, requirements and categories (Chinese has no
 * spaces; bigrams find words without a segmenter, and every hit is then
 * checked as a real substring). Filters by role, status, time and plan.
 * Pure: built from rows, queried with a structured query and "today".
 */
import { liesIn } from '../places/gazetteer.js';
import { resolvePeriod, type PeriodSpec } from './period.js';
import { lineage, type OwnFacts } from '../tasks/work-items.js';
import { addDays, isoWeekday } from '../../lib/dates.js';
import type { SearchPlanRow, SearchTaskRow } from '../../repositories/search-repository.js';
import { differsOnlyInState, withInheritedFacts, type InheritedFacts } from './indexed-fields.js';
import type { Recurrence, UnitRole } from '../vocabulary.js';
import { POINTING_WORD, type StatusFilter, type TaskQuery } from './question.js';
import type { ProgressBound } from './progress-bound.js';

/** A task as the index needs it: its own columns and its inherited facts (units, deadlines), both declared in indexed-fields.ts. */
export interface IndexedTask extends SearchTaskRow, InheritedFacts {}

/** A plan as the index needs it. */
export type IndexedPlan = SearchPlanRow;

/** One task found, with why. */
export interface TaskHit {
  task: IndexedTask;
  /** The question's units that this task names, with their part. */
  matchedUnits: { unitId: number; role: UnitRole }[];
  /** Topic words found in the task, for highlighting. */
  matchedWords: string[];
  /** True when the topic matched only in part. */
  approximate: boolean;
}

/** Tasks counted: all, done, and overdue (unfinished with the first deadline past). */
export interface TaskTally {
  tasks: number;
  done: number;
  overdue: number;
}

/** The counts of a query's tasks, in all and per plan and unit (by id). */
export interface TaskAggregate {
  total: TaskTally;
  byPlan: ReadonlyMap<number, TaskTally>;
  byUnit: ReadonlyMap<number, TaskTally>;
  /** Plans the query's plan hint matched, if it gave one. */
  plans: IndexedPlan[] | null;
}

/** What a search found: one window of hits, in plan and document order (or by relevance for topic-only searches), and how many in all. */
export interface SearchResult {
  hits: TaskHit[];
  total: number;
  /** The topic matched only in part. */
  approximate: boolean;
  /** Plans the question's plan hint matched, if it gave one. */
  plans: IndexedPlan[] | null;
  /** Asked for the tasks falling due first: the day they fall due. */
  soonestDay?: string;
}

const CJK = /[\u3400-\u9fff]/;

/** Splits search text into index tokens: CJK bigrams, and lower-case latin/digit words. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  for (const run of lower.match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (CJK.test(run)) {
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
    } else {
      tokens.push(run);
    }
  }
  return tokens;
}

/** True when every character of `wanted` occurs in `text`, in order. */
function holdsInOrder(text: string, wanted: string): boolean {
  let from = 0;
  for (const char of wanted) {
    const at = text.indexOf(char, from);
    if (at < 0) return false;
    from = at + char.length;
  }
  return true;
}

/** Lower-cases texts, giving back the text itself where that changes nothing (most Chinese text) and one copy of equal results. */
function lowerCaser(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let lower = seen.get(text);
    if (lower === undefined) {
      lower = text.toLowerCase();
      if (lower === text) lower = text;
      seen.set(text, lower);
    }
    return lower;
  };
}

/**
 * Each token's task positions, ascending, as views into one Int32Array:
 * first every task's distinct tokens as numbers with a count per token,
 * then each position written into its token's run. Growing a list per token
 * held twice the finished index's memory while it was built.
 */
function buildPostings(count: number, tokensOf: (index: number) => Iterable<string>): Map<string, Int32Array> {
  const idOf = new Map<string, number>();
  const perToken: number[] = [];
  let held = new Int32Array(1 << 16);
  let used = 0;
  const taskEnd = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    for (const token of tokensOf(index)) {
      let id = idOf.get(token);
      if (id === undefined) {
        idOf.set(token, (id = perToken.length));
        perToken.push(0);
      }
      perToken[id]!++;
      if (used === held.length) {
        const larger = new Int32Array(held.length * 2);
        larger.set(held);
        held = larger;
      }
      held[used++] = id;
    }
    taskEnd[index] = used;
  }
  const start = new Int32Array(perToken.length + 1);
  for (let id = 0; id < perToken.length; id++) start[id + 1] = start[id]! + perToken[id]!;
  const all = new Int32Array(used);
  const next = start.slice(0, perToken.length);
  for (let index = 0, at = 0; index < count; index++) for (; at < taskEnd[index]!; at++) all[next[held[at]!]!++] = index;
  const postings = new Map<string, Int32Array>();
  for (const [token, id] of idOf) postings.set(token, all.subarray(start[id]!, start[id + 1]!));
  return postings;
}

/** 'YYYY-MM-DD' → YYYYMMDD, which orders like the date. */
function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** YYYYMMDD → 'YYYY-MM-DD'. */
function dayOfNumber(day: number): string {
  return `${Math.floor(day / 10_000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}

/** The tests a task must pass together; undefined when there are none (every task passes). No allocation per task. */
function allOf(tests: readonly (((index: number) => boolean) | undefined)[]): ((index: number) => boolean) | undefined {
  const given = tests.filter((test): test is (index: number) => boolean => test !== undefined);
  if (given.length <= 1) return given[0];
  return (index) => {
    for (let at = 0; at < given.length; at++) if (!given[at]!(index)) return false;
    return true;
  };
}

/** The index. Build once per data version; queries do not allocate per task. */
export class TaskIndex {
  /** Tasks with their parents' units and deadlines where they name none, in plan and document order. */
  private readonly tasks: IndexedTask[];
  /** The same tasks as stored, for telling a state change from a change that needs a rebuild. */
  private readonly raw: IndexedTask[];
  /** 1 for a task without sub-items: the unit of work answers list and count. */
  private readonly leaf: Uint8Array;
  /** Positions of the tasks whose units and deadline each task has (its own position when they are its own). */
  private readonly unitsSource: Int32Array;
  private readonly deadlineSource: Int32Array;
  /**
   * What a topic is looked for in, lower-cased, per task: its title,
   * requirement, category and deadline as written (each the task's own
   * string where lower-casing changes nothing), and its parent's position
   * (-1 for none), whose title it is about too. Kept apart rather than
   * joined per task, so the long texts are in memory once.
   */
  private readonly titles: string[];
  private readonly requirements: string[];
  private readonly categories: string[];
  private readonly deadlines: string[];
  private readonly parentAt: Int32Array;
  /** Each token's tasks by position, ascending: views into one buffer. */
  private readonly postings: Map<string, Int32Array>;
  private readonly byUnit = new Map<number, Int32Array>();
  private readonly plans: Map<number, IndexedPlan>;
  private readonly byId = new Map<number, number>();
  private readonly children = new Map<number, IndexedTask[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly planList: IndexedPlan[];
  private readonly tasksPerPlan = new Map<number, number>();
  /** Leaves with a leader named (their own or their parent's), built on first use; a patch may change leaders, so it drops them. */
  private leaderLeavesCache: { task: IndexedTask; leaders: string }[] | undefined;
  // Status columns as typed arrays: a status-only question scans 100,000 tasks in well under a millisecond.
  private readonly open: Uint8Array;
  /** 0 open, 1 in progress, 2 blocked, 3 awaiting review, 4 done. */
  private readonly state: Uint8Array;
  /** Day of the last report as YYYYMMDD (in UTC+8, where the plans are), 0 when none. */
  private readonly lastReportDay: Int32Array;
  private readonly percent: Uint8Array;
  private readonly reported: Uint8Array;
  /**
   * Recurring deadlines: 1 全年工作 (due at the end of the plan's year), 2 每年
   * (the end of every year from recurFrom), 3 every half year, 4 every
   * quarter, 5 every month (from recurFrom); 0 none.
   */
  private readonly recurKind: Uint8Array;
  private readonly recurFrom: Int16Array;
  /** Due days as YYYYMMDD numbers, per task from dueStart[i] to dueStart[i + 1], ascending. */
  private readonly dueStart: Int32Array;
  private readonly dueDays: Int32Array;
  /** Plans and unit links as typed columns for aggregate, built on first use. */
  private countColumns: CountColumns | undefined;

  constructor(tasks: readonly IndexedTask[], plans: readonly IndexedPlan[]) {
    // Plan order, then document order: answers read like the plans.
    this.raw = [...tasks].sort((a, b) => a.planId - b.planId || a.position - b.position);
    this.plans = new Map(plans.map((plan) => [plan.id, plan]));
    this.planList = [...plans].sort((a, b) => a.id - b.id);
    const rawById = new Map(this.raw.map((task, index) => [task.id, index]));
    // A task is a work item (a leaf that carries the work); where it names no units or deadline it has its nearest ancestor's.
    const line = lineage(this.raw, OWN_FACTS);
    this.leaf = line.workItem;
    this.unitsSource = line.unitsFrom;
    this.deadlineSource = line.deadlineFrom;
    this.tasks = this.raw.map((task, index) => withInheritedFacts(task, this.raw[line.unitsFrom[index]!]!, this.raw[line.deadlineFrom[index]!]!));
    const lower = lowerCaser();
    this.titles = this.tasks.map((task) => lower(task.title));
    this.requirements = this.tasks.map((task) => lower(task.requirement));
    this.categories = this.tasks.map((task) => lower(task.categoryPath));
    // And about its deadline as written: 全年工作, 长期坚持, 每季度.
    this.deadlines = this.tasks.map((task) => lower(task.deadlineRaw));
    // A task is about what its parents' titles say too (扶贫 finds 推进扶贫工作信息公开's sub-items).
    this.parentAt = Int32Array.from(this.raw, (task) => (task.parentId === null ? -1 : (rawById.get(task.parentId) ?? -1)));
    this.postings = buildPostings(this.tasks.length, (index) => this.tokensOf(index));
    const units = new Map<number, number[]>();
    this.tasks.forEach((task, index) => {
      this.byId.set(task.id, index);
      if (task.parentId !== null) this.children.set(task.parentId, [...(this.children.get(task.parentId) ?? []), task]);
      const sameKey = this.byKey.get(task.key);
      if (sameKey) sameKey.push(index);
      else this.byKey.set(task.key, [index]);
      if (this.leaf[index]) this.tasksPerPlan.set(task.planId, (this.tasksPerPlan.get(task.planId) ?? 0) + 1);
      for (const link of task.units) {
        let list = units.get(link.unitId);
        if (!list) units.set(link.unitId, (list = []));
        if (list.at(-1) !== index) list.push(index);
      }
    });
    const count = this.tasks.length;
    this.open = new Uint8Array(count);
    this.state = new Uint8Array(count);
    this.lastReportDay = new Int32Array(count);
    this.percent = new Uint8Array(count);
    this.reported = new Uint8Array(count);
    this.dueStart = new Int32Array(count + 1);
    const days: number[] = [];
    this.tasks.forEach((task, index) => {
      this.setState(index, task);
      this.dueStart[index] = days.length;
      for (const due of task.dueDates) days.push(dayNumber(due));
    });
    this.dueStart[count] = days.length;
    this.recurKind = new Uint8Array(count);
    this.recurFrom = new Int16Array(count);
    this.tasks.forEach((task, index) => {
      if (!task.recurrence || task.dueDates.length > 0) return;
      const planYear = this.plans.get(task.planId)?.year ?? null;
      const from = Number(/((?:19|20)\d{2})\s*年/.exec(task.deadlineRaw)?.[1] ?? planYear ?? 0);
      if (!from) return;
      const every = /每年|逐年|年年|每一年/.test(task.deadlineRaw);
      this.recurKind[index] = task.recurrence === 'yearly' ? (every ? 2 : 1) : task.recurrence === 'half_yearly' ? 3 : task.recurrence === 'quarterly' ? 4 : 5;
      this.recurFrom[index] = from;
    });
    this.dueDays = Int32Array.from(days);
    for (const [unitId, list] of units) this.byUnit.set(unitId, Int32Array.from(list));
  }

  /** How many tasks are indexed. */
  get size(): number {
    return this.tasks.length;
  }

  /** A task by id. */
  get(id: number): IndexedTask | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.tasks[index];
  }

  /** The sub-requirements of a task, in document order. */
  childrenOf(id: number): readonly IndexedTask[] {
    return this.children.get(id) ?? [];
  }

  /** A plan by id. */
  plan(id: number): IndexedPlan | undefined {
    return this.plans.get(id);
  }

  /** The nodes of a plan in document order (a slice of the index's plan-ordered list). */
  tasksOfPlan(planId: number): readonly IndexedTask[] {
    let low = 0;
    let high = this.tasks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.tasks[mid]!.planId < planId) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < this.tasks.length && this.tasks[end]!.planId === planId) end++;
    return this.tasks.slice(low, end);
  }

  /**
   * The leaves that name a responsible leader, their own or their parent's,
   * plan by plan in document order: what "张三负责什么" looks through (most
   * plans name none, so this is far shorter than every task).
   */
  leaderLeaves(): readonly { task: IndexedTask; leaders: string }[] {
    if (!this.leaderLeavesCache) {
      const found: { task: IndexedTask; leaders: string }[] = [];
      for (const plan of this.allPlans()) {
        for (const task of this.tasksOfPlan(plan.id)) {
          if (!this.isLeaf(task.id)) continue;
          const leaders = task.leaders ?? (task.parentId === null ? null : this.get(task.parentId)?.leaders);
          if (leaders) found.push({ task, leaders });
        }
      }
      this.leaderLeavesCache = found;
    }
    return this.leaderLeavesCache;
  }

  /** Every plan. */
  allPlans(): readonly IndexedPlan[] {
    return this.planList;
  }

  /** Tasks of a plan (or of every plan) with a printed key such as "10.3". */
  findByKey(key: string, planIds: readonly number[] | null): IndexedTask[] {
    return (this.byKey.get(key) ?? []).map((index) => this.tasks[index]!).filter((task) => planIds === null || planIds.includes(task.planId));
  }

  /**
   * Plans a hint such as "临沂" or "经信局" names, by city or title; when
   * none contains it, plans whose city and title hold its characters in
   * order — how Chinese abbreviates ("临沂2016要点" → 2016年临沂市政务公开工作要点,
   * "江门那个进度安排" → 江门市…任务分工及进度安排方案).
   */
  matchPlans(hint: string): IndexedPlan[] {
    // A plan said by a nickname with a pointing word ("中山那份公开要点", "江门那个进度安排"): 那份 / 这个 are no part of its name.
    const bare = hint
      .replace(new RegExp(POINTING_WORD.source, 'g'), '')
      .replace(/(市|区|县)$/, '')
      .replace(/\s+/g, '');
    if (bare === '') return [];
    const exact = this.allPlans().filter((plan) => plan.jurisdiction.includes(bare) || plan.title.includes(bare));
    if (exact.length > 0 || [...bare].length < 3) return exact;
    return this.allPlans().filter((plan) => holdsInOrder(`${plan.jurisdiction}${plan.title}`, bare));
  }

  /**
   * Runs a task query and returns the hits in [offset, offset + limit) with
   * the total: matches are counted without being materialised, so a page of
   * a 60,000-task answer costs what a page of a short one does. `onMatch`
   * sees every match's position (for counts by unit or plan, see aggregate).
   */
  /** Whether any task matches: stops at the first (for "would this question find something?"). */
  any(query: Omit<TaskQuery, 'page' | 'kind'>, today: string): boolean {
    let found = false;
    this.search({ ...query, order: 'document' }, today, { offset: 0, limit: 0, firstOnly: true }, () => {
      found = true;
    });
    return found;
  }

  /** Every task a filter matches, as positions: the part a question leaves out. */
  private matchingSet(filter: Omit<TaskQuery, 'page' | 'kind'>, today: string): Set<number> {
    const found = new Set<number>();
    this.search({ ...filter, except: null, order: 'document' }, today, { offset: 0, limit: 0 }, (index) => found.add(index));
    return found;
  }

  search(
    query: Omit<TaskQuery, 'page' | 'kind'>,
    today: string,
    window: { offset: number; limit: number; firstOnly?: boolean } = { offset: 0, limit: Number.POSITIVE_INFINITY },
    onMatch?: (index: number) => void,
  ): SearchResult {
    const plans = query.plan ? this.matchPlans(query.plan) : null;
    let planIds = plans ? new Set(plans.map((plan) => plan.id)) : null;
    if (query.places && query.places.length > 0) {
      // A place is a filter on whose plans they are: 江门市 holds 新会区's plans.
      const inPlaces = this.allPlans().filter((plan) => query.places!.some((place) => liesIn(plan.jurisdiction, place)));
      planIds = new Set(inPlaces.filter((plan) => !planIds || planIds.has(plan.id)).map((plan) => plan.id));
    }
    if (Array.isArray(query.planIds) && query.planIds.length > 0) {
      const scoped = new Set(query.planIds);
      planIds = new Set([...(planIds ?? scoped)].filter((id) => scoped.has(id)));
    }
    const unitIds = new Set(query.units.flatMap((unit) => unit.unitIds));
    // A unit named with a place that has no such unit ("江门市财政局" when only 中山市's is stored) finds nothing.
    if (query.units.length > 0 && unitIds.size === 0) return { hits: [], total: 0, approximate: false, plans };
    const topic = this.eitherTopic(query.topic, query.orTopic ?? null);
    // The part the question leaves out ("除了中山的"): its tasks, found by the same search, are no hits.
    const excluded = query.except ? this.matchingSet(query.except, today) : null;
    const passes = allOf([
      excluded ? (index: number) => !excluded.has(index) : undefined,
      query.status && query.orStatus ? this.eitherStatus(query.status, query.orStatus, today, query.withinDays ?? 0) : query.status ? this.statusTest(query.status, today, query.withinDays ?? 0) : undefined,
      query.status && query.andStatus ? this.statusTest(query.andStatus, today, 0) : undefined,
      query.progress ? this.progressTest(query.progress) : undefined,
      query.recurs === 'yearly' ? (index: number) => this.recurKind[index] === 2 : undefined,
      query.period ? this.dueInEither(query.period, query.orPeriod ?? null, today, query.status === 'done' || query.periodFinishedToo === true) : undefined,
    ]);

    // Candidates: the units' tasks in document order; else the topic's tasks, best first; else every task.
    let candidates: ArrayLike<number>;
    if (unitIds.size > 0) {
      const merged = new Set<number>();
      for (const unitId of unitIds) for (const index of this.byUnit.get(unitId) ?? []) merged.add(index);
      candidates = Int32Array.from(merged).sort();
    } else if (topic) {
      candidates = topic.ranked;
    } else {
      candidates = { length: this.tasks.length } as ArrayLike<number>;
    }
    const everything = unitIds.size === 0 && !topic;
    const unitFilter = unitIds.size > 0;

    // Plans by the typed column: reading 100,000 task objects for their plan costs tens of milliseconds.
    const planOf = planIds ? (this.countColumns ??= this.buildCountColumns()).planOf : undefined;
    const accepts = (index: number): boolean => {
      if (!this.leaf[index]) return false;
      if (passes && !passes(index)) return false;
      if (planIds && !planIds.has(planOf![index]!)) return false;
      const task = this.tasks[index]!;
      if (unitFilter && !task.units.some((link) => unitIds.has(link.unitId) && (query.role === 'any' || link.role === query.role))) return false;
      // Together, in the part asked ("同为牵头单位的": each of them leads).
      if (query.allUnits && !query.units.every((mention) => task.units.some((link) => mention.unitIds.includes(link.unitId) && (query.role === 'any' || link.role === query.role)))) return false;
      // With so many units in a part ("带着协办单位的", "两家一起打头的").
      if (query.withUnitsIn && task.units.filter((link) => link.role === query.withUnitsIn!.role).length < query.withUnitsIn.atLeast) return false;
      return !topic || topic.mask[index] === 1;
    };
    const hitAt = (index: number): TaskHit => {
      const task = this.tasks[index]!;
      const matchedUnits = task.units.filter((link) => unitIds.has(link.unitId) && (query.role === 'any' || link.role === query.role));
      return { task, matchedUnits, matchedWords: topic?.words ?? [], approximate: topic?.approximate ?? false };
    };

    const hits: TaskHit[] = [];
    let total = 0;
    const end = window.offset + window.limit;
    /** Every match already gathered, in the order given: counted, shown to onMatch, and the window's hits taken. */
    const paged = (matched: readonly number[], extra: Partial<SearchResult> = {}): SearchResult => {
      if (onMatch) matched.forEach((index) => onMatch(index));
      for (const index of matched.slice(window.offset, Number.isFinite(end) ? end : undefined)) hits.push(hitAt(index));
      return { hits, total: matched.length, approximate: topic?.approximate ?? false, plans, ...extra };
    };
    /** The matches whose key is least (ties together); a key of Infinity leaves a match out. */
    const leastBy = (key: (index: number) => number): { least: number; matched: number[] } => {
      let least = Number.POSITIVE_INFINITY;
      let matched: number[] = [];
      for (let n = 0; n < candidates.length; n++) {
        const index = everything ? n : candidates[n]!;
        if (!accepts(index)) continue;
        const value = key(index);
        if (value < least) [least, matched] = [value, [index]];
        else if (value === least && Number.isFinite(value)) matched.push(index);
      }
      return { least, matched };
    };
    if (query.soonest) {
      // The earliest next deadline among the unfinished matches, from today or the named period's start: its tasks.
      const from = dayNumber(query.period ? resolvePeriod(query.period, today)[0] : today);
      const start = Math.max(from, dayNumber(today));
      const { least, matched } = leastBy((index) => (this.open[index] ? this.nextDue(index, start) : Number.POSITIVE_INFINITY));
      return paged(matched, matched.length > 0 ? { soonestDay: dayOfNumber(least) } : {});
    }
    if (query.furthest) {
      // The reported matches whose last reported percent is the highest.
      return paged(leastBy((index) => (this.lastReportDay[index] ? -this.percent[index]! : Number.POSITIVE_INFINITY)).matched);
    }
    if (query.leastAlong) {
      // The matches whose last reported percent is the lowest, a task never reported at 0.
      return paged(leastBy((index) => (this.lastReportDay[index] ? this.percent[index]! : 0)).matched);
    }
    if (query.waitedLongest) {
      // The reported matches whose last report is the oldest day.
      return paged(leastBy((index) => this.lastReportDay[index]! || Number.POSITIVE_INFINITY).matched);
    }
    if (query.order === 'urgency') {
      // Every match is needed to rank them; a unit's or a filter's matches are few enough to sort.
      const matched: number[] = [];
      for (let n = 0; n < candidates.length; n++) if (accepts(everything ? n : candidates[n]!)) matched.push(everything ? n : candidates[n]!);
      matched.sort((a, b) => this.urgencyKey(a) - this.urgencyKey(b) || a - b);
      return paged(matched);
    }
    for (let n = 0; n < candidates.length; n++) {
      const index = everything ? n : candidates[n]!;
      if (!accepts(index)) continue;
      onMatch?.(index);
      if (total >= window.offset && total < end) hits.push(hitAt(index));
      total++;
      if (window.firstOnly) break;
    }
    return { hits, total, approximate: topic?.approximate ?? false, plans };
  }

  /** Whether a recurring task falls due (at the end of a year, half, quarter or month) between two YYYYMMDD days. */
  private recursWithin(index: number, low: number, high: number, lastEnds: Int32Array): boolean {
    const kind = this.recurKind[index]!;
    if (kind === 0) return false;
    const from = this.recurFrom[index]!;
    if (kind === 1) return from * 10_000 + 1231 >= low && from * 10_000 + 1231 <= high;
    // Recurring from `from`: due in the range when the range's last period end falls in or after that year.
    const last = lastEnds[kind]!;
    return last !== 0 && Math.floor(last / 10_000) >= from;
  }

  /** A task's first deadline on or after a YYYYMMDD day, a recurring one's next period end from its first year; Infinity when none. */
  private nextDue(index: number, low: number): number {
    const { dueStart, dueDays } = this;
    let next = Number.POSITIVE_INFINITY;
    for (let d = dueStart[index]!; d < dueStart[index + 1]!; d++) if (dueDays[d]! >= low && dueDays[d]! < next) next = dueDays[d]!;
    const kind = this.recurKind[index]!;
    if (kind === 0) return next;
    const from = this.recurFrom[index]!;
    if (kind === 1) return from * 10_000 + 1231 >= low ? Math.min(next, from * 10_000 + 1231) : next;
    // Every year, half, quarter or month from `from`: the first such end on or after `low`.
    const apart = { 2: 12, 3: 6, 4: 3, 5: 1 }[kind as 2 | 3 | 4 | 5];
    let year = Math.max(Math.floor(low / 10_000), from);
    for (;;) {
      for (let month = apart; month <= 12; month += apart) {
        const end = year * 10_000 + month * 100 + new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (end >= low) return Math.min(next, end);
      }
      year++;
    }
  }

  /** Orders by urgency: open tasks by their first due day (none last), then closed ones. */
  private urgencyKey(index: number): number {
    const { open, dueStart, dueDays } = this;
    if (!open[index]) return 2e8;
    return dueStart[index]! < dueStart[index + 1]! ? dueDays[dueStart[index]!]! : 1e8;
  }

  /** Open tasks due in a period, or in either of two ("本月或者下月"). */
  private dueInEither(period: PeriodSpec, orPeriod: PeriodSpec | null, today: string, finishedToo: boolean): (index: number) => boolean {
    const inFirst = this.dueBetween(...resolvePeriod(period, today), finishedToo);
    if (!orPeriod) return inFirst;
    const inSecond = this.dueBetween(...resolvePeriod(orPeriod, today), finishedToo);
    return (index: number) => inFirst(index) || inSecond(index);
  }

  /** Open tasks with a deadline, or a recurring one, between two days. */
  private dueBetween(from: string, to: string, finishedToo = false): (index: number) => boolean {
    const { open, dueStart, dueDays } = this;
    const low = dayNumber(from);
    const high = dayNumber(to);
    const lastEnds = lastPeriodEnds(low, high);
    return (index: number) => {
      if (!finishedToo && !open[index]) return false;
      for (let d = dueStart[index]!; d < dueStart[index + 1]!; d++) if (dueDays[d]! >= low && dueDays[d]! <= high) return true;
      return this.recursWithin(index, low, high, lastEnds);
    };
  }

  /** Tasks in either of two states ("卡着的和等审核的"). */
  private eitherStatus(first: StatusFilter, second: StatusFilter, today: string, withinDays: number): (index: number) => boolean {
    const [a, b] = [this.statusTest(first, today, withinDays), this.statusTest(second, today, withinDays)];
    return (index) => a(index) || b(index);
  }

  /** Unfinished tasks within a bound on their last reported percent (0 when none); a closure awaiting review is past any. */
  private progressTest(bound: ProgressBound): (index: number) => boolean {
    const { open, percent, state } = this;
    const within = { gt: (p: number) => p > bound.percent, ge: (p: number) => p >= bound.percent, lt: (p: number) => p < bound.percent, le: (p: number) => p <= bound.percent }[bound.op];
    return (index) => open[index] === 1 && state[index] !== 3 && within(percent[index]!);
  }

  /** A test of a status filter by task position, on the typed columns. */
  private statusTest(filter: StatusFilter, today: string, withinDays: number): (index: number) => boolean {
    const { open, percent, reported, dueStart, dueDays } = this;
    const todayNumber = dayNumber(today);
    const dueIn = (from: string, to: string) => this.dueBetween(from, to);
    switch (filter) {
      case 'overdue':
        return (index) => open[index] === 1 && dueStart[index]! < dueStart[index + 1]! && dueDays[dueStart[index]!]! < todayNumber;
      case 'due_this_week': {
        return dueIn(today, addDays(today, 7 - isoWeekday(today)));
      }
      case 'due_this_month':
        return dueIn(...resolvePeriod({ kind: 'month', offset: 0 }, today));
      case 'due_next_month':
        return dueIn(...resolvePeriod({ kind: 'month', offset: 1 }, today));
      case 'due_this_year':
        return dueIn(today, `${today.slice(0, 4)}-12-31`);
      case 'below_half':
        return (index) => open[index] === 1 && percent[index]! < 50;
      case 'no_progress':
        return (index) => reported[index] === 0;
      case 'reported':
        return (index) => reported[index] === 1;
      case 'unfinished':
        return (index) => open[index] === 1;
      case 'blocked':
        return (index) => this.state[index] === 2;
      case 'pending_review':
        return (index) => this.state[index] === 3;
      case 'in_progress':
        return (index) => this.state[index] === 1;
      case 'not_started':
        return (index) => this.state[index] === 0;
      case 'started':
        return (index) => open[index] === 1 && this.state[index] !== 0;
      case 'stalled': {
        const monthAgo = dayNumber(addDays(today, -30));
        return (index) => reported[index] === 1 && (this.state[index] === 1 || this.state[index] === 2 || this.state[index] === 0) && this.lastReportDay[index]! < monthAgo;
      }
      case 'above_half':
        // Past half and still being worked on: a closure awaiting review is done but for the review.
        return (index) => open[index] === 1 && this.state[index] !== 3 && percent[index]! > 50;
      case 'done':
        return (index) => open[index] === 0;
      case 'due_within':
        return dueIn(today, addDays(today, withinDays));
    }
  }

  /**
   * Takes in tasks whose state changed (status, percent, last report). True
   * when done; false, changing nothing, when any of them changed in a way
   * that needs a rebuild (text, units, deadlines, place in the plan, or a
   * task the index does not have).
   */
  patch(changed: readonly IndexedTask[]): boolean {
    const positions = changed.map((task) => this.byId.get(task.id));
    if (positions.some((index, n) => index === undefined || !differsOnlyInState(this.raw[index]!, changed[n]!))) return false;
    this.leaderLeavesCache = undefined;
    changed.forEach((fresh, n) => {
      const index = positions[n]!;
      const before = this.tasks[index]!;
      this.raw[index] = fresh;
      const task = withInheritedFacts(fresh, before, before);
      this.tasks[index] = task;
      this.setState(index, task);
      if (task.parentId !== null) {
        const siblings = this.children.get(task.parentId);
        if (siblings) this.children.set(task.parentId, siblings.map((sibling) => (sibling.id === task.id ? task : sibling)));
      }
    });
    return true;
  }

  /** Writes a task's state into the typed columns. */
  private setState(index: number, task: IndexedTask): void {
    this.open[index] = task.status === 'done' ? 0 : 1;
    this.state[index] = STATE_CODE[task.status] ?? 0;
    this.percent[index] = Math.max(0, Math.min(100, task.percent));
    this.reported[index] = task.lastReportAt === null ? 0 : 1;
    this.lastReportDay[index] = task.lastReportAt === null ? 0 : dayNumber(new Date(task.lastReportAt + 8 * 3_600_000).toISOString().slice(0, 10));
  }

  /** Whether a task is a leaf, the unit of work that answers list and count (a parent is looked up by its number only). */
  isLeaf(id: number): boolean {
    const index = this.byId.get(id);
    return index !== undefined && this.leaf[index] === 1;
  }

  /**
   * The tasks a task has its units and its deadline from, when it names
   * none itself (a sub-requirement with its parent's): null where they are
   * its own. For saying "沿用第20项".
   */
  inheritedFrom(id: number): { units: IndexedTask | null; deadline: IndexedTask | null } {
    const index = this.byId.get(id);
    if (index === undefined) return { units: null, deadline: null };
    const source = (at: number) => (at === index ? null : this.tasks[at]!);
    return { units: source(this.unitsSource[index]!), deadline: source(this.deadlineSource[index]!) };
  }

  /** Tasks per plan: its leaves, the one definition of a task every answer and count uses. */
  countTasksByPlan(): ReadonlyMap<number, number> {
    return this.tasksPerPlan;
  }

  /** The mean last reported percent of a query's tasks, a done one counting 100 and one never reported 0; null when none match. */
  averagePercent(query: Omit<TaskQuery, 'page' | 'kind'>, today: string): number | null {
    let sum = 0;
    let count = 0;
    this.search(query, today, { offset: 0, limit: 0 }, (index) => {
      count++;
      sum += this.open[index] === 0 ? 100 : this.percent[index]!;
    });
    return count === 0 ? null : sum / count;
  }

  /**
   * How many tasks (leaves) a query matches, how many of them are done and
   * how many overdue: in all, per plan, and per unit — each task counted
   * once for each of its units in the asked part, and only for the asked
   * units when the query names some (all but them when it asks for their partners). One pass over the matches on the typed
   * columns; nothing is materialised, so a count over 100,000 tasks is a scan.
   */
  aggregate(query: Omit<TaskQuery, 'page' | 'kind'>, today: string): TaskAggregate {
    const overdue = this.statusTest('overdue', today, 0);
    const asked = query.units.length > 0 ? new Set(query.units.flatMap((unit) => unit.unitIds)) : null;
    const role = query.role === 'any' ? -1 : ROLE_CODES.indexOf(query.role);
    const { planOf, linkStart, linkUnit, linkRole, units: unitSpan, plans: planSpan } = (this.countColumns ??= this.buildCountColumns());
    // Counts in flat columns by id (tasks, done, overdue), and the ids touched: no allocation per task.
    const unitCounts = new Int32Array(unitSpan * 3);
    const planCounts = new Int32Array(planSpan * 3);
    const touchedUnits: number[] = [];
    const touchedPlans: number[] = [];
    const total: TaskTally = { tasks: 0, done: 0, overdue: 0 };
    const { plans } = this.search(query, today, { offset: 0, limit: 0 }, (index) => {
      const done = this.open[index] === 0 ? 1 : 0;
      const late = overdue(index) ? 1 : 0;
      total.tasks++;
      total.done += done;
      total.overdue += late;
      const planAt = planOf[index]! * 3;
      if (planCounts[planAt] === 0) touchedPlans.push(planOf[index]!);
      planCounts[planAt]! += 1;
      planCounts[planAt + 1]! += done;
      planCounts[planAt + 2]! += late;
      for (let link = linkStart[index]!; link < linkStart[index + 1]!; link++) {
        const unitId = linkUnit[link]!;
        // Asked of the units beside the named ones (跟财政局一起牵头的), the named ones are left out instead.
        if ((role >= 0 && linkRole[link] !== role) || (asked && asked.has(unitId) !== !query.partners)) continue;
        const unitAt = unitId * 3;
        if (unitCounts[unitAt] === 0) touchedUnits.push(unitId);
        unitCounts[unitAt]! += 1;
        unitCounts[unitAt + 1]! += done;
        unitCounts[unitAt + 2]! += late;
      }
    });
    const tallies = (ids: number[], counts: Int32Array) => new Map(ids.map((id) => [id, { tasks: counts[id * 3]!, done: counts[id * 3 + 1]!, overdue: counts[id * 3 + 2]! }]));
    return { total, byPlan: tallies(touchedPlans, planCounts), byUnit: tallies(touchedUnits, unitCounts), plans };
  }

  /**
   * Each task's plan and unit links as typed columns, for aggregate: reading
   * 100,000 task objects costs tens of milliseconds, the columns well under
   * one. Built on first use; a state patch leaves plans and links as they are.
   */
  private buildCountColumns(): CountColumns {
    const count = this.tasks.length;
    const planOf = new Int32Array(count);
    const linkStart = new Int32Array(count + 1);
    const unitIds: number[] = [];
    const roles: number[] = [];
    let units = 0;
    let plans = 0;
    this.tasks.forEach((task, index) => {
      planOf[index] = task.planId;
      if (task.planId >= plans) plans = task.planId + 1;
      linkStart[index] = unitIds.length;
      for (const link of task.units) {
        unitIds.push(link.unitId);
        roles.push(ROLE_CODES.indexOf(link.role));
        if (link.unitId >= units) units = link.unitId + 1;
      }
    });
    linkStart[count] = unitIds.length;
    return { planOf, linkStart, linkUnit: Int32Array.from(unitIds), linkRole: Uint8Array.from(roles), units, plans };
  }



  /** The distinct tokens of what a task is about: its texts and its parents' titles. */
  private tokensOf(index: number): Set<string> {
    const tokens = new Set<string>();
    const add = (text: string) => {
      for (const token of tokenize(text)) tokens.add(token);
    };
    add(this.titles[index]!);
    add(this.requirements[index]!);
    add(this.categories[index]!);
    for (let parent = this.parentAt[index]!; parent >= 0; parent = this.parentAt[parent]!) add(this.titles[parent]!);
    add(this.deadlines[index]!);
    return tokens;
  }

  /** Whether a lower-case word (no spaces) occurs in a task's texts or its parents' titles. */
  private holds(index: number, word: string): boolean {
    if (this.titles[index]!.includes(word) || this.requirements[index]!.includes(word) || this.categories[index]!.includes(word) || this.deadlines[index]!.includes(word)) return true;
    for (let parent = this.parentAt[index]!; parent >= 0; parent = this.parentAt[parent]!) if (this.titles[parent]!.includes(word)) return true;
    return false;
  }

  /**
   * Tasks containing the topic words, best first: every word as a real
   * substring (title hits rank higher), a disclosure topic as its stem and
   * its 公开 apart (disclosureParts); when there are none, the words relaxed
   * (12345热线 as 12345), marked approximate; else tasks sharing at least
   * 60% of the bigrams, approximate too. Bigrams are exact for
   * two-character words, so only longer words are checked as substrings.
   */
  /** The tasks about a topic, or about either of two ("两微一端或者政府公报"): the first's best first, then the other's. */
  private eitherTopic(first: string | null, second: string | null): TopicMatches | null {
    const matchesOf = (topic: string | null) => {
      const words = (topic ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      return words.length > 0 ? this.topicMatches(words) : null;
    };
    const one = matchesOf(first);
    const other = matchesOf(second);
    if (!one || !other) return one ?? other;
    const mask = one.mask.map((hit, index) => hit | other.mask[index]!);
    const seen = new Set(one.ranked);
    const ranked = Int32Array.from([...one.ranked, ...Array.from(other.ranked).filter((index) => !seen.has(index))]);
    return { ranked, mask, words: [...one.words, ...other.words], approximate: one.approximate || other.approximate };
  }

  private topicMatches(asked: string[]): TopicMatches {
    const words = disclosureParts(asked);
    const count = this.tasks.length;
    const mask = new Uint8Array(count);
    const scores = new Uint8Array(count);
    const tokens = [...new Set(words.flatMap(tokenize))];
    if (tokens.length === 0) return { ranked: new Int32Array(), mask, words, approximate: false };
    const hits = new Uint8Array(count);
    let found = this.exactMatches(words, mask, scores, hits);
    let approximate = false;
    let shown = words.filter((word) => !DISCLOSURE.test(word));
    const relaxed = relaxedTopic(words);
    if (found === 0 && relaxed.join(' ') !== words.join(' ') && relaxed.length > 0) {
      found = this.exactMatches(relaxed, mask, scores, new Uint8Array(count));
      approximate = found > 0;
      shown = relaxed;
    }
    if (found === 0 && tokens.length >= 3) {
      // None exact: tasks sharing at least 60% of the bigrams.
      const needed = Math.ceil(tokens.length * 0.6);
      for (let index = 0; index < count; index++) {
        if (hits[index]! < needed) continue;
        mask[index] = 1;
        scores[index] = Math.min(255, hits[index]!);
        found++;
      }
      approximate = found > 0;
      shown = tokens.filter((token) => words.some((word) => word.includes(token)));
    }
    // Rank by score (high first), then document order: a counting sort, no comparator.
    const buckets = new Int32Array(257);
    for (let index = 0; index < count; index++) if (mask[index]) buckets[scores[index]!]!++;
    // Start of each score's run, highest score first.
    let offset = 0;
    for (let score = 255; score >= 1; score--) {
      const size = buckets[score]!;
      buckets[score] = offset;
      offset += size;
    }
    const ranked = new Int32Array(found);
    for (let index = 0; index < count; index++) if (mask[index]) ranked[buckets[scores[index]!]!++] = index;
    return { ranked, mask, words: shown, approximate };
  }

  /**
   * Marks the tasks holding every word as a real substring, scored by the
   * words in their title; `hits` gets how many of the words' tokens each
   * task holds (the 60% rule reads it). Returns how many were marked.
   */
  private exactMatches(words: string[], mask: Uint8Array, scores: Uint8Array, hits: Uint8Array): number {
    const tokens = [...new Set(words.flatMap(tokenize))];
    if (tokens.length === 0) return 0;
    const lists = tokens.map((token) => this.postings.get(token) ?? new Int32Array()).sort((a, b) => a.length - b.length);
    const verify = words.filter((word) => (CJK.test(word) ? word.length > 2 : tokenize(word).length > 1));
    // How many of the tokens each task holds: one pass over the postings.
    for (const list of lists) for (let n = 0; n < list.length; n++) hits[list[n]!]!++;
    let found = 0;
    // Tasks holding every token (walked in the rarest token's order), then checked as substrings.
    for (const index of lists[0]!) {
      if (hits[index] !== tokens.length) continue;
      if (verify.length > 0 && !verify.every((word) => this.holds(index, word))) continue;
      const title = this.titles[index]!;
      let score = 1;
      for (const word of words) if (title.includes(word)) score++;
      mask[index] = 1;
      scores[index] = score;
      found++;
    }
    return found;
  }
}

/**
 * For each recurrence kind (2 yearly, 3 half-yearly, 4 quarterly, 5
 * monthly), the last end of a period between two YYYYMMDD days, or 0:
 * computed once per question, so a recurring task is tested in constant time.
 */
function lastPeriodEnds(low: number, high: number): Int32Array {
  const ends = new Int32Array(6);
  const monthLength = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
  for (const [kind, apart] of [[2, 12], [3, 6], [4, 3], [5, 1]] as const) {
    let year = Math.floor(high / 10_000);
    let month = Math.floor((Math.floor(high / 100) % 100) / apart) * apart;
    if (month === 0) {
      year--;
      month = 12;
    }
    let end = year * 10_000 + month * 100 + monthLength(year, month);
    if (end > high) {
      month -= apart;
      if (month <= 0) {
        year--;
        month += 12;
      }
      end = year * 10_000 + month * 100 + monthLength(year, month);
    }
    ends[kind] = end >= low ? end : 0;
  }
  return ends;
}

const STATE_CODE: Record<string, number> = { open: 0, in_progress: 1, blocked: 2, pending_review: 3, done: 4 };

/** What a task names of its own, for the one rule of what a task is. */
const OWN_FACTS: OwnFacts<IndexedTask> = {
  hasUnits: (task) => task.units.length > 0,
  hasDeadline: (task) => task.dueDates.length > 0 || task.deadlineRaw !== '',
};

/** Unit roles as small numbers, for the link columns. */
const ROLE_CODES: readonly UnitRole[] = ['lead', 'responsible', 'cooperating'];

/** Each task's plan and unit links (from linkStart[i] to linkStart[i + 1]) as typed columns, and one more than the largest unit and plan id. */
interface CountColumns {
  planOf: Int32Array;
  linkStart: Int32Array;
  linkUnit: Int32Array;
  linkRole: Uint8Array;
  units: number;
  plans: number;
}

/** Topic search results: task positions best first, a membership mask, the words to highlight. */
/** The word every task of a 政务公开 plan is about. */
const DISCLOSURE = /^(信息公开|公开)$/;

/**
 * A disclosure topic's stem and its 公开 as two words: every task of a
 * 政务公开 plan is about 公开, so "预决算公开" is a task that speaks of
 * 预决算 and of 公开 ("加快推进财政预决算、……政府信息公开工作").
 */
export function disclosureParts(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((word) => {
    const parts = /^(.{2,}?)(信息公开|公开)$/.exec(word);
    return parts ? [parts[1]!, parts[2]!] : [word];
  }))];
}

/**
 * Topic words loosened where they find nothing: a word mixing a number or
 * latin name with Chinese is that name alone ("12345热线" finds
 * "12345投诉举报平台": the Chinese is the generic part).
 */
export function relaxedTopic(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((word) => {
    const named = word.match(/[a-z0-9]{3,}/gi);
    return named && CJK.test(word) ? named.map((run) => run.toLowerCase()) : [word];
  }))];
}

interface TopicMatches {
  ranked: Int32Array;
  mask: Uint8Array;
  words: string[];
  approximate: boolean;
}
