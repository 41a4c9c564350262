/**
 * Answers the updates-and-people family (updates-question.ts) from the
 * progress history and the catalog: the tasks reported on in a period and
 * what was reported, the units that reported, the day a unit last did, the
 * tasks of a leader or of a liaison's units, and — read only — what a 催办
 * would list. Says how it understood the question; when nothing matches it
 * says so and offers a question that finds something. Returns data; cards
 * are rendered in bot/cards/updates-cards.ts.
 */
import { addDays, dayIn, daysBetween, isoWeekday, monthDayText } from '../../lib/dates.js';
import { zonedInstant } from '../../lib/zoned-time.js';
import type { Repositories } from '../../repositories/index.js';
import type { ProgressRecord } from '../../repositories/progress-repository.js';
import { isCollective } from '../imports/unit-list-parser.js';
import { liesIn } from '../places/gazetteer.js';
import { tasksToChase, type ChaseTask, type UnitChase } from '../reminders/chase-request.js';
import { TASK_STATUS_LABEL, taskStatusLabel, TaskStatus, UNIT_ROLE_LABEL } from '../vocabulary.js';
import { answerTaskQuery, labelOf, taskHeadOf, type Answer } from './answer-service.js';
import type { Catalog } from './question-catalog.js';
import { taskQuery, type TaskQuery, type UnitMention } from './question.js';
import { statusLight, type StatusLight } from './status-light.js';
import { partOfMonth } from './period.js';
import { liaisonUnitsOf } from './person-units.js';
import type { IndexedTask } from './task-index.js';
import type { ChaseQuestion, PersonQuestion, UpdatesPeriod, UpdatesQuestion } from './updates-question.js';

/** The time zone report times are read in when the caller gives none: the plans are Chinese. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';

/** Tasks an answer carries at most (a card shows fewer and says how many more). */
export const MAX_UPDATE_ITEMS = 500;

/** One report as an answer shows it. */
export interface ReportLine {
  at: Date;
  /** 'YYYY-MM-DD' in the bot's time zone. */
  day: string;
  /** The unit it was made for; null for a supervisor's or administrator's own. */
  unit: { name: string; jurisdiction: string } | null;
  status: TaskStatus;
  statusLabel: string;
  percent: number;
  note: string;
}

/** A task in an updates answer, with the reports that put it there (newest first). */
export interface UpdatesTask {
  taskId: number;
  planId: number;
  planTitle: string;
  /** The plan is demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
  /** "第8项", "第10项第3条". */
  label: string;
  title: string;
  light: StatusLight;
  statusLabel: string;
  percent: number;
  /** "牵头：市财政局；配合：市审计局", '' when the plan names none. */
  units: string;
  /** The deadline as written, or null. */
  deadline: string | null;
  leaders: string | null;
  reports: ReportLine[];
}

/** A unit that reported in the period. */
export interface ReportingUnit {
  unitId: number;
  name: string;
  jurisdiction: string;
  reports: number;
  tasks: number;
  /** Day of its latest report in the period. */
  lastDay: string;
}

/** A unit of the scope's tasks that did not report: "江门哪些单位没报过进度". */
export interface SilentUnit {
  unitId: number;
  name: string;
  jurisdiction: string;
  /** Its tasks in the scope. */
  tasks: number;
}

/** When a unit last reported, and on what. */
export interface LastReport {
  unitId: number | null;
  name: string;
  jurisdiction: string;
  day: string;
  /** Days from that day to today. */
  daysAgo: number;
  taskId: number;
  label: string;
  title: string;
  statusLabel: string;
  percent: number;
  note: string;
}

/** A task a 催办 lists. */
export interface ChaseLine {
  taskId: number;
  label: string;
  title: string;
  reason: ChaseTask['reason'];
  days: number;
  dueOn: string | null;
  /** The task is demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
}

/** One unit of a 催办, as cards show it. */
export interface ChaseUnitView {
  unitId: number;
  name: string;
  jurisdiction: string;
  outcome: UnitChase['outcome'] | 'preview';
  liaisons: number;
  lines: ChaseLine[];
}

/** An answer of this family, for the renderer. */
export type UpdatesAnswer =
  | { kind: 'updates'; view: 'tasks'; understanding: string; total: number; count: number; items: UpdatesTask[]; reports?: number }
  /** Two periods' reports (or tasks reported on) compared: `count` is how many fewer or more, `ours` the period asked, `theirs` the other. */
  | { kind: 'updates'; view: 'difference'; understanding: string; count: number; ours: number; theirs: number; label: string; otherLabel: string; of: 'reports' | 'tasks' | 'units' }
  /** Who reported; `ranking` (the same units) when asked who reported most, to the places asked for. */
  | { kind: 'updates'; view: 'units'; understanding: string; count: number; units: ReportingUnit[]; ranking?: ReportingUnit[] }
  | { kind: 'updates'; view: 'last_report'; understanding: string; figure: string; reporters: LastReport[] }
  /** The share of the period's reported tasks the question picks out: `count` of `whole`, `figure` in percent. */
  | { kind: 'updates'; view: 'share'; understanding: string; figure: number; count: number; whole: number }
  | { kind: 'updates'; view: 'silent'; understanding: string; count: number; units: SilentUnit[] }
  | { kind: 'updates'; view: 'leader'; understanding: string; name: string; total: number; count: number; items: UpdatesTask[] }
  | { kind: 'updates'; view: 'chase_preview'; understanding: string; chases: ChaseUnitView[] };

/** The first and last day of a period, asked on `today`, and how it reads. */
export function periodDays(period: UpdatesPeriod, today: string): { from: string; to: string; label: string } {
  const year = Number(today.slice(0, 4));
  const monthStart = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  const monthEnd = (y: number, m: number) => addDays(m === 12 ? `${y + 1}-01-01` : monthStart(y, m + 1), -1);
  const thisMonth = Number(today.slice(5, 7));
  // A month not yet come this year is last year's ("12月份" asked in January).
  const yearOf = (month: number) => (month > thisMonth ? year - 1 : year);
  const lastMonth: [number, number] = thisMonth === 1 ? [year - 1, 12] : [year, thisMonth - 1];
  const span = (from: string, to: string, name: string) => ({ from, to, label: from === to ? `${name}（${monthDayText(from)}）` : `${name}（${monthDayText(from)}至${monthDayText(to)}）` });
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (period.name) {
    case 'today':
      return span(today, today, '今天');
    case 'yesterday':
      return span(addDays(today, -1), addDays(today, -1), '昨天');
    case 'day_before_yesterday':
      return span(addDays(today, -2), addDays(today, -2), '前天');
    case 'three_days_ago':
      return span(addDays(today, -3), addDays(today, -3), '大前天');
    case 'this_week':
      return span(monday, today, '本周');
    case 'last_week':
      return span(addDays(monday, -7), addDays(monday, -1), '上周');
    case 'week_before_last':
      return span(addDays(monday, -14), addDays(monday, -8), '上上周');
    case 'recent':
      return span(addDays(today, 1 - period.days), today, period.days === 7 ? '最近一周' : period.days === 30 ? '最近一个月' : `最近 ${period.days} 天`);
    case 'this_month': {
      if (!period.from || period.from === 1) return span(monthStart(year, thisMonth), today, '本月');
      const part = partOfMonth(monthStart(year, thisMonth), monthEnd(year, thisMonth), period.from);
      return span(part.from, today, `本月${part.word}以来`);
    }
    case 'last_month':
      return span(monthStart(...lastMonth), monthEnd(...lastMonth), '上个月');
    case 'since_last_month':
      return span(monthStart(...lastMonth), today, '上个月以来');
    case 'this_quarter':
      return span(monthStart(year, Math.floor((thisMonth - 1) / 3) * 3 + 1), today, '本季度');
    case 'this_year':
      return span(`${year}-01-01`, today, '今年');
    case 'month': {
      const lastMonth = period.monthTo ?? period.month;
      const [first, last] = [monthStart(yearOf(lastMonth), period.month), monthEnd(yearOf(lastMonth), lastMonth)];
      const name = `${yearOf(lastMonth)}年${period.month}${period.monthTo ? `至${period.monthTo}` : ''}月`;
      if (!period.part) return span(first, last, name);
      const part = partOfMonth(first, last, period.part);
      if (period.partTo) {
        const end = partOfMonth(first, last, period.partTo);
        return span(part.from, end.to, `${name}${part.word.slice(0, 1)}${end.word}`);
      }
      return span(part.from, part.to, `${name}${part.word}`);
    }
    case 'since_date': {
      const thisMonth = `${today.slice(0, 8)}${String(period.day).padStart(2, '0')}`;
      // A day still to come this month is last month's (the 28th asked on the 23rd); a day a short month lacks, its end.
      const day = thisMonth <= today ? thisMonth : sameDayLastMonth(today, period.day);
      return span(day, today, `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日以来`);
    }
    case 'since_month':
      return span(monthStart(yearOf(period.month), period.month), today, `${period.month}月以来`);
    case 'on_day': {
      const pad = (n: number) => String(n).padStart(2, '0');
      const said = period.month === undefined ? `${today.slice(0, 8)}${pad(period.day)}` : `${year}-${pad(period.month)}-${pad(period.day)}`;
      // A day still to come is the last one gone: last month's (the 28th asked on the 23rd), or last year's.
      const day = said <= today ? said : period.month === undefined ? sameDayLastMonth(today, period.day) : `${year - 1}${said.slice(4)}`;
      return span(day, day, `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`);
    }
    case 'since_day': {
      const thisYear = `${year}-${String(period.month).padStart(2, '0')}-${String(period.day).padStart(2, '0')}`;
      const day = thisYear <= today ? thisYear : `${year - 1}${thisYear.slice(4)}`;
      return span(day, today, `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日以来`);
    }
    case 'since_weekday': {
      const day = addDays(monday, 7 * period.weeks + period.weekday - 1);
      return span(day, today, `${period.weeks < 0 ? '上' : '本'}周${'一二三四五六日'[period.weekday - 1]}以来`);
    }
  }
}

/** "牵头：市财政局；配合：市审计局". */
function unitsText(task: IndexedTask, catalog: Catalog): string {
  const byRole = new Map<string, string[]>();
  for (const link of task.units) {
    const label = UNIT_ROLE_LABEL[link.role];
    byRole.set(label, [...(byRole.get(label) ?? []), catalog.directory.unit(link.unitId)?.name ?? `#${link.unitId}`]);
  }
  return [...byRole].map(([role, names]) => `${role}：${names.join('、')}`).join('；');
}

function reportLine(record: ProgressRecord, catalog: Catalog, timeZone: string): ReportLine {
  const unit = record.unitId === null ? undefined : catalog.directory.unit(record.unitId);
  return {
    at: record.createdAt,
    day: dayIn(timeZone, record.createdAt),
    unit: unit ? { name: unit.name, jurisdiction: unit.jurisdiction } : null,
    status: record.status,
    statusLabel: TASK_STATUS_LABEL[record.status],
    percent: record.percent,
    note: record.note,
  };
}

function taskOf(task: IndexedTask, catalog: Catalog, today: string, reports: ReportLine[]): UpdatesTask {
  const { head, parent } = taskHeadOf(task, catalog);
  return {
    ...head,
    light: statusLight(task, today),
    statusLabel: taskStatusLabel(task.status),
    percent: task.percent,
    units: unitsText(task, catalog),
    deadline: task.deadlineRaw || null,
    leaders: task.leaders ?? parent?.leaders ?? null,
    reports,
  };
}

/** Plan order, then document order: how every list reads. */
function inPlanOrder(tasks: IndexedTask[]): IndexedTask[] {
  return tasks.sort((a, b) => a.planId - b.planId || a.position - b.position);
}

/** Names of the units a mention means: "市财政局（中山市、临沂市）". */
function mentionText(mention: UnitMention, catalog: Catalog): string {
  const units = mention.unitIds.map((id) => catalog.directory.unit(id)).filter((unit) => unit !== undefined);
  const names = [...new Set(units.map((unit) => unit.name))];
  if (names.length === 1) return `${names[0]}（${[...new Set(units.map((unit) => unit.jurisdiction))].join('、')}）`;
  return names.join('、') || mention.text;
}

/** A test of whether a task is within the question's scope (place, plan, topic, status), and how the scope reads. */
function scopeOf(scope: TaskQuery | null, catalog: Catalog, today: string): { test: (task: IndexedTask) => boolean; parts: string[] } {
  if (!scope) return { test: () => true, parts: [] };
  const parts: string[] = [];
  let planIds: Set<number> | null = null;
  if (scope.places && scope.places.length > 0) {
    parts.push(`地区：${scope.places.join('、')}`);
    planIds = new Set(catalog.index.allPlans().filter((plan) => scope.places!.some((place) => liesIn(plan.jurisdiction, place))).map((plan) => plan.id));
  }
  if (scope.plan) {
    parts.push(`方案：${scope.plan}`);
    const named = new Set(catalog.index.matchPlans(scope.plan).map((plan) => plan.id));
    planIds = planIds ? new Set([...planIds].filter((id) => named.has(id))) : named;
  }
  let ids: Set<number> | null = null;
  // A period of its own ("这周报了的年底前到期的任务") is a deadline filter, as in a task question.
  if (scope.topic || scope.status || ('period' in scope && scope.period) || scope.except) {
    if (scope.topic) parts.push(`主题：${scope.topic}`);
    if (scope.except) parts.push(`不含：${[...(scope.except.places ?? []), scope.except.plan, scope.except.topic].filter(Boolean).join('、') || '所说的部分'}`);
    const { kind: _kind, page: _page, ...filters } = scope;
    ids = new Set(catalog.index.search({ ...filters, units: [], places: [], plan: null, order: 'document' }, today).hits.map((hit) => hit.task.id));
  }
  return { test: (task) => (!planIds || planIds.has(task.planId)) && (!ids || ids.has(task.id)), parts };
}

/** A scope narrowed to one numbered item and the tasks under it ("中山方案第8项"), said in its parts. */
function withItem(scope: ReturnType<typeof scopeOf>, item: UpdatesQuestion['item'], catalog: Catalog): ReturnType<typeof scopeOf> {
  if (!item) return scope;
  const ids = new Set<number>();
  const add = (task: IndexedTask) => {
    ids.add(task.id);
    catalog.index.childrenOf(task.id).forEach(add);
  };
  // In every plan: the scope says which (中山方案 is its plan).
  catalog.index.findByKey(item.key, null).forEach(add);
  const [major, minor] = item.key.split('.');
  return { test: (task) => ids.has(task.id) && scope.test(task), parts: [`事项：第${major}项${minor ? `第${minor}条` : ''}`, ...scope.parts] };
}

const notFound = (reason: string): Answer => ({ kind: 'not_understood', reason });

/** "本周有哪些更新", "最近谁报了进度", "市财政局上次报告是什么时候", "上周办结了哪些". */
async function answerUpdates(question: UpdatesQuestion, catalog: Catalog, repos: Repositories, today: string, timeZone: string): Promise<Answer> {
  if (question.unknownUnit) {
    const near = catalog.directory.suggest(question.unknownUnit);
    const bare = question.unknownUnit.replace(/^(市|区|县)/, '');
    return notFound(`没有找到名为“${question.unknownUnit}”的单位，所以查不到它的进度报告。${near.length > 0 ? `你是不是要找：${near.join('、')}？` : ''}可以问“${bare}负责什么”看看有没有这个单位的任务，或问“本周有哪些更新”。`);
  }
  const parts: string[] = [];
  const span = question.period ? periodDays(question.period, today) : null;
  const alsoSpan = question.alsoIn ? periodDays(question.alsoIn, today) : null;
  parts.push(span ? `时间：${span.label}${alsoSpan ? `，且${alsoSpan.label}也报过` : ''}${question.reportedBefore ? '，且此前也报过' : ''}` : '时间：不限');
  let unitIds: number[] | undefined;
  if (question.reporters.length > 0) {
    unitIds = [...new Set(question.reporters.flatMap((mention) => mention.unitIds))];
    if (unitIds.length === 0) {
      const mention = question.reporters[0]!;
      const hint = mention.self ? '你还没有绑定单位：发送“/绑定 单位名称”后再问。' : mention.place ? `${mention.place}没有这个单位。可以问“${mention.text.replace(mention.place, '').replace(/^的/, '')}上次报告是什么时候”。` : '';
      return notFound(`没有找到“${mention.text}”。${hint}`);
    }
    parts.push(`报告单位：${question.reporters.map((mention) => mentionText(mention, catalog)).join('、')}`);
  }
  // "除了我们局，还有哪些单位报了进度": the units left out report nothing here.
  const leftOut = new Set((question.exceptReporters ?? []).flatMap((mention) => mention.unitIds));
  if (question.exceptReporters?.length) parts.push(`不含：${question.exceptReporters.map((mention) => mentionText(mention, catalog)).join('、')}`);
  let actors: string[] | undefined;
  if (question.person) {
    // Several people named together ("王晓燕和张联络") report together: every one of them must be known.
    const names = [question.person, ...(question.alsoPeople ?? [])];
    actors = [];
    for (const name of names) {
      const people = await repos.people.named(name);
      if (people.length === 0) return notFound(`没有找到名叫“${name}”的联络员或督查人员，所以查不到他报的进度。可以问“本周有哪些更新”或“最近谁报了进度”。`);
      actors.push(...people.map((person) => person.openId));
    }
    parts.push(`报告人：${names.join('、')}`);
  }
  const scope = withItem(scopeOf(question.scope, catalog, today), question.item, catalog);
  parts.push(...scope.parts);
  if (question.status) parts.push(question.status === 'done' ? '只看办结' : '只看申请办结');
  if (question.atLeastReports) parts.push(`这段时间报了 ${question.atLeastReports} 次及以上`);
  const understanding = parts.join('；');

  if (question.ask === 'silent') return silentUnits(question, span, understanding, catalog, repos, today, timeZone);
  if (question.ask === 'last_report') return lastReport(question, unitIds, actors, understanding, catalog, repos, today, timeZone);

  const { from, to } = instantsOf(span, timeZone);
  if (question.share) return reportedShare(question, understanding, await repos.progress.reportsBetween(from, to, { ...(unitIds ? { unitIds } : {}), ...(actors ? { actors } : {}) }), scope.test, catalog);
  const statuses = question.status ? [question.status] : undefined;
  const reportsIn = async (between: { from: Date | null; to: Date | null }) =>
    (await repos.progress.reportsBetween(between.from, between.to, { ...(unitIds ? { unitIds } : {}), ...(actors ? { actors } : {}), ...(statuses ? { statuses } : {}) })).filter((record) => {
      const task = catalog.index.get(record.taskId);
      return task !== undefined && scope.test(task) && (record.unitId === null || !leftOut.has(record.unitId));
    });
  let found = await reportsIn({ from, to });
  /** Who or what a report is counted for: its unit when units are asked for, else its task. */
  const reporterOf = (record: ProgressRecord) => (question.ask === 'units' ? record.unitId : record.taskId);
  /** Of the reports found, those whose unit (or task) reported in another span too. */
  const alsoReportedIn = async (between: { from: Date | null; to: Date | null }) => {
    const also = new Set((await reportsIn(between)).map(reporterOf));
    found = found.filter((record) => also.has(reporterOf(record)));
  };
  // Reported in both periods ("10月和11月都报过"), or before the period too ("之前就报过、这回又报了的").
  if (alsoSpan) await alsoReportedIn(instantsOf(alsoSpan, timeZone));
  if (question.reportedBefore && from) await alsoReportedIn({ from: null, to: new Date(from.getTime() - 1) });
  // Compared with another period ("跟上周比少了几条"): the two counts and their difference.
  if (question.versus && span) {
    const otherSpan = periodDays(question.versus.period, today);
    const theirs = await reportsIn(instantsOf(otherSpan, timeZone));
    const of = question.versus.of;
    const counted = (records: readonly ProgressRecord[]) => (of === 'reports' ? records.length : new Set(records.map((record) => (of === 'tasks' ? record.taskId : record.unitId))).size);
    const [ours, other] = [counted(found), counted(theirs)];
    return { kind: 'updates', view: 'difference', understanding: `${understanding}；与${otherSpan.label}比`, count: Math.abs(ours - other), ours, theirs: other, label: span.label, otherLabel: otherSpan.label, of };
  }
  // Only the latest report asked of ("最近一次报的是哪件"): the one made last.
  const records = question.latestOnly ? found.reduce<typeof found>((latest, record) => (latest.length === 0 || record.createdAt > latest[0]!.createdAt ? [record] : latest), []) : found;
  if (records.length === 0) return nothingReported(question, understanding, span !== null);

  if (question.ask === 'units') {
    const byUnit = new Map<number, { reports: number; tasks: Set<number>; last: Date }>();
    for (const record of records) {
      if (record.unitId === null) continue;
      const entry = byUnit.get(record.unitId) ?? { reports: 0, tasks: new Set<number>(), last: record.createdAt };
      entry.reports++;
      entry.tasks.add(record.taskId);
      if (record.createdAt > entry.last) entry.last = record.createdAt;
      byUnit.set(record.unitId, entry);
    }
    const units = [...byUnit]
      .filter(([, entry]) => entry.reports >= (question.atLeastReports ?? 1))
      .map(([unitId, entry]) => ({ unitId, entry, unit: catalog.directory.unit(unitId) }))
      .sort((a, b) => b.entry.reports - a.entry.reports || b.entry.last.getTime() - a.entry.last.getTime())
      .map(({ unitId, entry, unit }) => ({ unitId, name: unit?.name ?? `#${unitId}`, jurisdiction: unit?.jurisdiction ?? '', reports: entry.reports, tasks: entry.tasks.size, lastDay: dayIn(timeZone, entry.last) }));
    if (units.length === 0) return nothingReported(question, understanding, span !== null);
    if (question.rankedByReports) {
      const ranking = topPlaces(units, question.rankedByReports.top);
      return { kind: 'updates', view: 'units', understanding: `${understanding}；按报告次数排名${question.rankedByReports.top ? `，前 ${question.rankedByReports.top} 名` : ''}`, count: units.length, units: ranking, ranking };
    }
    return { kind: 'updates', view: 'units', understanding, count: units.length, units };
  }

  const byTask = new Map<number, ReportLine[]>();
  for (const record of records) byTask.set(record.taskId, [reportLine(record, catalog, timeZone), ...(byTask.get(record.taskId) ?? [])]);
  // Reported often ("报了两次及以上的是哪几件"): the tasks with that many reports in the period.
  for (const [taskId, lines] of byTask) if (lines.length < (question.atLeastReports ?? 1)) byTask.delete(taskId);
  if (byTask.size === 0) return nothingReported(question, understanding, span !== null);
  const tasks = inPlanOrder([...byTask.keys()].map((id) => catalog.index.get(id)!));
  const items = tasks.slice(0, MAX_UPDATE_ITEMS).map((task) => taskOf(task, catalog, today, byTask.get(task.id)!));
  // Asked how many times, the count is of the reports ("这个月报过几次进度"), the tasks they were on listed under it.
  if (question.countsReports) return { kind: 'updates', view: 'tasks', understanding, total: tasks.length, count: records.length, items, reports: records.length };
  return { kind: 'updates', view: 'tasks', understanding, total: tasks.length, count: tasks.length, items };
}

/**
 * "上周报上来的进度里 中山的占几成", "本周报送进度的事项里 申请办结的占几成": of the tasks reported on in the period, the
 * share the place, topic or closure asked picks out (tasks, each counted once however often reported on).
 */
function reportedShare(question: UpdatesQuestion, understanding: string, records: readonly ProgressRecord[], inScope: (task: IndexedTask) => boolean, catalog: Catalog): Answer {
  const whole = new Set<number>();
  const part = new Set<number>();
  for (const record of records) {
    const task = catalog.index.get(record.taskId);
    if (!task) continue;
    whole.add(task.id);
    if (inScope(task) && (!question.status || record.status === question.status)) part.add(task.id);
  }
  if (whole.size === 0) return notFound(`我的理解：${understanding}。这段时间没有进度报告，算不出占比。可以问“最近一个月有哪些更新”。`);
  return { kind: 'updates', view: 'share', understanding: `${understanding}；占比 = 所问的任务 ÷ 这段时间报告过进度的任务`, figure: (part.size / whole.size) * 100, count: part.size, whole: whole.size };
}

/** Units most reports first, to the `top`th place (a tie at it kept whole), or all of them. */
function topPlaces(units: readonly ReportingUnit[], top: number | null): ReportingUnit[] {
  if (top === null || units.length <= top) return [...units];
  const last = units[top - 1]!.reports;
  return units.filter((unit, index) => index < top || unit.reports === last);
}

/** A period's days as the instants reports are stored between: its first day's midnight to the one after its last; none for any time. */
function instantsOf(span: { from: string; to: string } | null, timeZone: string): { from: Date | null; to: Date | null } {
  return span ? { from: zonedInstant(span.from, '00:00', timeZone), to: zonedInstant(addDays(span.to, 1), '00:00', timeZone) } : { from: null, to: null };
}

/** The `day`th of the month before `today`'s, or that month's last day when it is shorter. */
function sameDayLastMonth(today: string, day: number): string {
  const first = addDays(`${today.slice(0, 8)}01`, -1);
  const last = Number(first.slice(8));
  return `${first.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * "江门哪些单位没报过进度": the units named on the scope's tasks (collectives
 * left out) without a report made for them in the period, or ever.
 */
async function silentUnits(
  question: UpdatesQuestion,
  span: { from: string; to: string } | null,
  understanding: string,
  catalog: Catalog,
  repos: Repositories,
  today: string,
  timeZone: string,
): Promise<Answer> {
  const { kind: _kind, page: _page, ...filters } = question.scope ?? taskQuery();
  // The units the question names, when it names some: only they are asked about.
  const named = new Set(filters.units.flatMap((unit) => unit.unitIds));
  const tasksOf = new Map<number, number>();
  for (const { task } of catalog.index.search({ ...filters, order: 'document' }, today).hits) {
    for (const unitId of new Set(task.units.map((link) => link.unitId))) tasksOf.set(unitId, (tasksOf.get(unitId) ?? 0) + 1);
  }
  let candidates = [...tasksOf.keys()].filter((unitId) => {
    const unit = catalog.directory.unit(unitId);
    return unit !== undefined && !isCollective(unit.name) && (named.size === 0 || named.has(unitId));
  });
  if (question.reportedIn) {
    // "上周报过、这周还没报": only the units that reported then can have fallen silent.
    const before = periodDays(question.reportedIn, today);
    const then = instantsOf(before, timeZone);
    const reportedThen = await repos.progress.unitsReporting(then.from, then.to, candidates);
    candidates = candidates.filter((unitId) => reportedThen.has(unitId));
    understanding = `${understanding}；只看${before.label}报告过的单位`;
  }
  const { from, to } = instantsOf(span, timeZone);
  const reporting = await repos.progress.unitsReporting(from, to, candidates);
  const units = candidates
    .filter((unitId) => !reporting.has(unitId))
    .map((unitId) => {
      const unit = catalog.directory.unit(unitId)!;
      return { unitId, name: unit.name, jurisdiction: unit.jurisdiction, tasks: tasksOf.get(unitId)! };
    })
    .sort((a, b) => b.tasks - a.tasks || a.jurisdiction.localeCompare(b.jurisdiction, 'zh') || a.name.localeCompare(b.name, 'zh'));
  if (units.length === 0) {
    const reason = candidates.length === 0 ? '没有找到这些任务涉及的单位' : `${span ? '这段时间' : ''}涉及的 ${candidates.length} 个单位都报告过进度`;
    return notFound(`我的理解：${understanding}；只看没有报告过进度的单位。${reason}。可以问“最近谁报了进度”。`);
  }
  return { kind: 'updates', view: 'silent', understanding: `${understanding}；只看没有报告过进度的单位`, count: units.length, units };
}

/** Nothing reported: says what was asked and offers a question that finds something. */
function nothingReported(question: UpdatesQuestion, understanding: string, hasPeriod: boolean): Answer {
  const what = question.status === 'done' ? '办结的任务' : question.status === 'pending_review' ? '申请办结的任务' : '进度报告';
  const offers: string[] = [];
  const unit = question.reporters[0]?.text;
  if (unit) offers.push(`“${unit}上次报告是什么时候”`, `“${unit}负责什么”`);
  if (hasPeriod) offers.push('“最近一个月有哪些更新”');
  if (offers.length === 0) offers.push('“最近谁报了进度”', '“哪些任务逾期了”');
  return notFound(`我的理解：${understanding}。${hasPeriod ? '这段时间' : ''}没有${what}。可以问${offers.join('或')}。`);
}

/** "市财政局上次报告是什么时候": the latest report of each unit named (or of the person), the latest of them as the answer. */
async function lastReport(
  question: UpdatesQuestion,
  unitIds: number[] | undefined,
  actors: string[] | undefined,
  understanding: string,
  catalog: Catalog,
  repos: Repositories,
  today: string,
  timeZone: string,
): Promise<Answer> {
  let records: ProgressRecord[];
  if (actors) {
    records = (await repos.progress.reportsBetween(null, null, { actors })).slice(-1);
  } else if (unitIds) {
    records = [...(await repos.progress.latestByUnits(unitIds)).values()];
  } else {
    return notFound('请说明是哪个单位，例如“市财政局上次报告是什么时候”。');
  }
  const reporters: LastReport[] = records
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .flatMap((record) => {
      const task = catalog.index.get(record.taskId);
      if (!task) return [];
      const unit = record.unitId === null ? undefined : catalog.directory.unit(record.unitId);
      const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
      return [
        {
          unitId: record.unitId,
          name: unit?.name ?? question.person ?? '',
          jurisdiction: unit?.jurisdiction ?? '',
          day: dayIn(timeZone, record.createdAt),
          daysAgo: daysBetween(dayIn(timeZone, record.createdAt), today),
          taskId: task.id,
          label: labelOf(task, parent),
          title: task.title,
          statusLabel: TASK_STATUS_LABEL[record.status],
          percent: record.percent,
          note: record.note,
        },
      ];
    });
  if (reporters.length === 0) {
    const who = question.person ?? question.reporters.map((mention) => mention.text).join('、');
    return notFound(`我的理解：${understanding}。${who}还没有报告过进度。可以问“${who}负责什么”看它的任务，或问“最近谁报了进度”。`);
  }
  return { kind: 'updates', view: 'last_report', understanding, figure: reporters[0]!.day, reporters };
}

/** Whether a task's leaders (分管领导, "杜某某、李丹副市长") include `name`. */
function ledBy(leaders: string | null | undefined, name: string): boolean {
  return !!leaders && leaders.split(/[、,，;；/\s]+/).some((entry) => entry === name || entry.startsWith(name));
}

/**
 * "张三负责什么": the tasks a leader named in the plans is in charge of (a
 * sub-item under a parent that names the leader counts); else the tasks of
 * the units a person the bot knows by that name is liaison of; else the
 * question as an ordinary search, when that finds something.
 */
async function answerPerson(question: PersonQuestion, catalog: Catalog, repos: Repositories, today: string): Promise<Answer> {
  const led: IndexedTask[] = catalog.index
    .leaderLeaves()
    .filter(({ leaders }) => ledBy(leaders, question.name))
    .map(({ task }) => task);
  if (led.length > 0) {
    const latest = await repos.progress.latestFor(led.slice(0, MAX_UPDATE_ITEMS).map((task) => task.id));
    const items = led.slice(0, MAX_UPDATE_ITEMS).map((task) => {
      const update = latest.get(task.id);
      return taskOf(task, catalog, today, update ? [reportLine(update, catalog, REPORT_TIME_ZONE)] : []);
    });
    return { kind: 'updates', view: 'leader', understanding: `按分管领导：${question.name}`, name: question.name, total: led.length, count: led.length, items };
  }

  const people = await repos.people.named(question.name);
  const unitIds = await liaisonUnitsOf(people, repos);
  if (unitIds.size > 0) {
    const units = taskQuery({ units: [...unitIds].map((id) => ({ text: catalog.directory.unit(id)?.name ?? `#${id}`, unitIds: [id], fuzzy: false })) });
    const result = await answerTaskQuery(units, catalog, repos, today);
    const names = [...unitIds].map((id) => catalog.directory.unit(id)).map((unit) => (unit ? `${unit.jurisdiction} ${unit.name}` : '')).join('、');
    return result.kind === 'task_list' ? { ...result, understanding: `${question.name}是${names}的联络员；${result.understanding}` } : result;
  }

  if (question.fallback) {
    const searched = await answerTaskQuery(question.fallback, catalog, repos, today);
    if (searched.kind !== 'task_list' || searched.total > 0) return searched;
  }
  const known = people.length > 0 ? `${question.name}不是任何单位的联络员，` : '';
  return notFound(`我的理解：按人名：${question.name}。方案里没有写明由${question.name}分管的任务，${known}也没有找到相关任务。可以问单位负责什么，例如“市财政局负责什么”，或问“最近谁报了进度”。`);
}

/** How the units of a 催办 read on cards: names, outcome, the tasks with their labels. */
export function chaseViews(chases: readonly (Pick<UnitChase, 'unitId' | 'tasks' | 'liaisons'> & { outcome: ChaseUnitView['outcome'] })[], catalog: Catalog): ChaseUnitView[] {
  return chases.map((chase) => {
    const unit = catalog.directory.unit(chase.unitId);
    return {
      unitId: chase.unitId,
      name: unit?.name ?? `#${chase.unitId}`,
      jurisdiction: unit?.jurisdiction ?? '',
      outcome: chase.outcome,
      liaisons: chase.liaisons.length,
      lines: chase.tasks.map((line) => {
        const task = catalog.index.get(line.taskId)!;
        const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
        return { taskId: line.taskId, label: labelOf(task, parent), title: task.title, reason: line.reason, days: line.days, dueOn: line.dueOn, demo: catalog.index.plan(task.planId)?.demo === true };
      }),
    };
  });
}

/** "催一下市财政局" asked where nobody is known to be asking (no chat): what a 催办 would list, nothing sent. */
async function answerChasePreview(question: ChaseQuestion, catalog: Catalog, repos: Repositories, today: string): Promise<Answer> {
  if (question.units.length === 0 || question.units.every((mention) => mention.unitIds.length === 0)) {
    const written = question.unknownUnit ?? question.units[0]?.text;
    return notFound(written ? `没有找到名为“${written}”的单位，无法催办。请写单位全称或常用简称，例如“催一下市财政局”。` : '请说明催办哪个单位，例如“催一下市财政局”。');
  }
  const unitIds = [...new Set(question.units.flatMap((mention) => mention.unitIds))];
  const chases = [];
  for (const unitId of unitIds) {
    const liaisons = (await repos.people.holders('liaison', { unitId })).map((grant) => grant.openId);
    chases.push({ unitId, tasks: tasksToChase(catalog, unitId, today), liaisons, outcome: 'preview' as const });
  }
  return { kind: 'updates', view: 'chase_preview', understanding: `催办：${question.units.map((mention) => mentionText(mention, catalog)).join('、')}`, chases: chaseViews(chases, catalog) };
}

/** Answers a question of this family. `timeZone` is the one report times are read in (the bot's). */
export async function answerUpdatesFamily(
  question: UpdatesQuestion | PersonQuestion | ChaseQuestion,
  catalog: Catalog,
  repos: Repositories,
  today: string,
  timeZone: string = REPORT_TIME_ZONE,
): Promise<Answer> {
  switch (question.kind) {
    case 'updates':
      return answerUpdates(question, catalog, repos, today, timeZone);
    case 'person':
      return answerPerson(question, catalog, repos, today);
    case 'chase':
      return answerChasePreview(question, catalog, repos, today);
  }
}
