/**
 * The updates-and-people family: questions about what was reported and by
 * whom ("本周有哪些更新", "最近谁报了进度", "市财政局上次报告是什么时候",
 * "上周办结了哪些"), about a person named in a plan or known to the bot
 * ("张三负责什么", "张联络报了哪些进度"), and a request to chase a unit
 * ("催一下市财政局"). Pure: text and the unit directory in, a question out;
 * periods stay words ("last_week") until answered against a day.
 */
import { leadingPlace } from '../places/gazetteer.js';
import type { QuestionFamily } from './question-families.js';
import type { TaskQuery, UnitMention } from './question.js';
import { itemNamed, readNumber, readTaskQuery, type Asker } from './question-parser.js';
import type { UnitDirectory } from './unit-directory.js';
import { SURNAME } from './person-names.js';
import { monthPart } from './period.js';

/** A period a question names, resolved to days only when answered (so "本周" means the week it is asked in). */
export type UpdatesPeriod =
  | { name: 'today' | 'yesterday' | 'day_before_yesterday' | 'three_days_ago' | 'this_week' | 'last_week' | 'week_before_last' | 'last_month' | 'since_last_month' | 'this_quarter' | 'this_year' }
  /** This month to today; from a part of it (中旬以来: from the 11th) when `from` is given. */
  | { name: 'this_month'; from?: 1 | 2 | 3 }
  /** The last `days` days, today included: 最近 / 最近一周 is 7. */
  | { name: 'recent'; days: number }
  /** A month of the year it is asked in (or of the year before, for a month still to come): 10月份; a part of it (下旬), or two (中下旬: `part` to `partTo`); or months to `monthTo` (8、9月份). */
  | { name: 'month'; month: number; part?: 1 | 2 | 3; partTo?: 2 | 3; monthTo?: number }
  /** From a day of this month (of the last, when that day is still to come) to today: 16号以来. */
  | { name: 'since_date'; day: number }
  /** One day: 11月21号, 21号那天 (this month's, or last month's when that day is still to come; a month's day of this year or the last). */
  | { name: 'on_day'; month?: number; day: number }
  /** From the first of a month to today: 11月以来. */
  | { name: 'since_month'; month: number }
  /** From the last coming of a day of the year (a holiday: 国庆以后 is from October 1st) to today. */
  | { name: 'since_day'; month: number; day: number }
  /** From a day of this week or last to today: 上周五以来, 周一以来 (weekday 1 Monday … 7 Sunday, weeks 0 this, −1 last). */
  | { name: 'since_weekday'; weekday: number; weeks: 0 | -1 };

/** What was reported, when and by whom: the tasks, the units that reported, the day a unit last did. */
export interface UpdatesQuestion {
  kind: 'updates';
  /**
   * 'tasks': the tasks reported on; 'units': who reported; 'last_report': the
   * day a unit (or person) last reported; 'silent': the units of the scope's
   * tasks that did not report (in the period, or ever): "江门哪些单位没报过进度".
   */
  ask: 'tasks' | 'units' | 'last_report' | 'silent';
  /** Null: any time. */
  period: UpdatesPeriod | null;
  /** Only reports that closed a task ('done', 办结) or asked to ('pending_review', 申请办结). */
  status: 'done' | 'pending_review' | null;
  /** Units named as the ones reporting ("市财政局这周报了什么"). */
  reporters: UnitMention[];
  /** The person named as the one reporting ("张联络报了哪些进度"), as written. */
  person: string | null;
  /** Others named with them ("王晓燕和张联络 这个月报了几次"): their reports count together. */
  alsoPeople?: string[];
  /**
   * Which tasks count, read as a task question would be (place, plan,
   * topic, the tasks' own units): "江门这周有什么进展". Null: every task.
   */
  scope: TaskQuery | null;
  /** Words that look like a unit's name but name no unit the bot knows ("市科技局"). */
  unknownUnit: string | null;
  /** Units whose reports are left out ("除了财政局还有哪几家单位报了进度"). */
  exceptReporters?: UnitMention[];
  /** How many times they reported is asked ("这个月报过几次进度"): the reports are counted, not the tasks. */
  countsReports?: boolean;
  /** Only units or tasks with at least this many reports in the period ("报了两次及以上", "不止一次"). */
  atLeastReports?: number;
  /** The share of the period's reported tasks its place, topic or closure picks out ("上周报上来的进度里 中山的占几成"). */
  share?: boolean;
  /** Only the latest report is asked of ("最近一次报进度的是哪家单位", "我们中心最近一次报的是哪件"). */
  latestOnly?: boolean;
  /** Asked of units that did report in this period before the one asked about ("上周报过、这周还没报的单位"): only they can be silent. */
  reportedIn?: UpdatesPeriod;
  /** A second period the units or tasks must have reports in too ("10月和11月都报过进度的单位"): reported in both. */
  alsoIn?: UpdatesPeriod;
  /** Only tasks (or units) that had reported before the period too ("这周报上来的里头 之前就报过、这回又报了的"). */
  reportedBefore?: boolean;
  /** Only the reports on one numbered item ("中山方案第8项 这周是谁报的进度"): its printed key (the plan named is the scope's). */
  item?: { key: string };
  /** Compared with another period's reports ("这周报上来的进度 跟上周比少了几条"): how many fewer or more, in reports or (件, 项) tasks. */
  versus?: { period: UpdatesPeriod; of: 'reports' | 'tasks' | 'units' };
  /** The units are ranked by their reports ("各单位报进度的次数 排个前三"), to the `top` places (ties kept) or all. */
  rankedByReports?: { top: number | null };
}

/** "张三负责什么": the tasks of a leader named in the plans, or of the units a person the bot knows is liaison of. */
export interface PersonQuestion {
  kind: 'person';
  /** The name without a title: "李丹" of "李丹副市长". */
  name: string;
  /** The question as an ordinary task search, answered when the name is nobody the bot knows but finds tasks as words. */
  fallback: TaskQuery | null;
}

/** "催一下市财政局": send the unit's liaisons a 催办 card of their overdue and stalled tasks (a change: see domain/reminders/chase-request). */
export interface ChaseQuestion {
  kind: 'chase';
  units: UnitMention[];
  /** What was written where a unit was expected, when it names none. */
  unknownUnit: string | null;
}

/** Titles said after a name: 李丹副市长, 王局长. */
const TITLES = '(?:常务副市长|副市长|市长|常务副区长|副区长|区长|副县长|县长|副镇长|镇长|副书记|书记|秘书长|副秘书长|副局长|局长|副主任|主任|副部长|部长|副处长|处长|副科长|科长|同志|老师)';
/** How unit names end: a "name" ending so is a unit, not a person. */
const UNIT_ENDING = /(局|委|办|厅|室|科|中心|院|站|队|所|府|部|处|会|组|镇|街|区|县|市|省|司|行|社|团|馆|台)$/;

/** Negated reporting ("没报过进度", "未更新"): a state question, not this family's. */
const NEGATED = /(没|未|尚未|还没|从未|从没|没有|不)(有)?(按时)?(报|汇报|报告|更新|填报|上报|报送|办结|完成|反馈)/;
/** Not reporting, said of units: "哪些单位没报过进度", "谁还没报进度", "这周哪些部门没有填报". */
const NOT_REPORTED = /(?:一直|从来|至今|仍然|仍|都|还)?(?:没|未|尚未|还没|从未|从没|没有)(?:有)?(?:按时)?(?:报|汇报|报告|更新|填报|上报|报送|反馈)(?:过)?(?:任何)?(?:进度|进展)?/;
/** A deadline said with the period ("本月到期", "年底前完成"): a time question, not this family's. */
const DEADLINE_WORDS = /到期|截止|期限|时限|[底末]前|之前|以前|要完成|要办结|要办完|需要|应当|应该|该完成|计划/;
/** Saying progress was reported, or a task closed or asked to be. */
const REPORTED =
  /(申请了?办结|提交了?办结|申请验收|报了?办结|办结了|已办结|办结的|销号了|销号的|完成了|报了?什么进度|报了?哪些进度|报(?:了|的)?进度|报(?:了|的)?进展|报进度|报了什么|报了哪些|报了|报过|(?<![要该得需])报的(?=是|都是|有|哪)|报上来|新报的?|填过|填了|填(?:写)?进度|报告了?|报送了?|上报了?|填报了?|汇报了?|反馈了?|更新了?|有(什么|哪些|啥|没有)?(新的?)?(进展|动态|变化)|进展|动态)/;
const ASKS_WHO = /谁|有没有人(?=\S{0,3}(?:报|汇报|更新|填|反馈))|哪些单位|哪个单位|哪些部门|哪个部门|哪几个单位|哪几个部门|哪家|哪几家|什么单位|什么部门|(几|多少)[个家]?(单位|部门)|(单位|部门)(有|是)(哪些|哪几个|哪几家)|(单位|部门)(?=.{0,6}(几|多少)[个家])|有没有(?=[^，,]{0,6}(单位|部门))|(?<=的[^的，,\s]{0,6})(单位|部门)$/;
const ASKS_WHEN = /什么时候|哪天|哪一天|几号|何时|啥时候|时间|日期|多久/;
const LAST_TIME = /上一次|上次|最近一次|最后一次|上回|上一回|最近一回/;
/** "多久没报进度了": how long since the last report. */
const HOW_LONG_SILENT = /多久(都)?(没|未)(有)?(报|汇报|报告|更新|填报|上报)/;
/** Silent for a time said (超过一个月没更新, 30天以上未报送): the stalled state of tasks, asked of their units — not units silent in a period. */
const SILENT_FOR = /(?:\d+|[一二两三四五六七八九十半]+)\s*(?:个)?多?(?:天|周|星期|礼拜|个?月)(?:以上|多)?(?:都|还|一直)?(?:没|未)(?:有)?(?:报|汇报|报告|更新|填报|上报|报送|动)/;
/** "什么时候报的进度": when, without 上次. */
const WHEN_REPORTED = /(什么时候|哪天|哪一天|几号|何时|啥时候)(报|汇报|报告|更新|填报|上报)|(报|汇报|报告|更新|填报|上报)(的|过)?(进度|进展)?(是)?(在)?(什么时候|哪天|哪一天|几号|何时|啥时候)/;

const NUMBER = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** With 两: 近两周, 最近两个月 (这两天 stays the vague "these days"). */
const COUNT = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** Period phrases, most specific first, with what each means. */
const PERIODS: [RegExp, (match: RegExpExecArray) => UpdatesPeriod | undefined][] = [
  [/(?:从|自)?(上|本|这)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])(?:以来|至今|到现在|起|开始)/, (m) => {
    const weekday = '一二三四五六'.indexOf(m[2]!) + 1 || (/[日天]/.test(m[2]!) ? 7 : Number(m[2]));
    return weekday >= 1 && weekday <= 7 ? { name: 'since_weekday', weekday, weeks: m[1] === '上' ? -1 : 0 } : undefined;
  }],
  // 10月1日以来, 从9月15号起: from that day of the year (its last coming).
  [new RegExp(`(?:从|自)?${NUMBER}月${NUMBER}(?:号|日)(?:以来|至今|到现在|起|开始|以后|之后)`), (m) => {
    const [monthNumber, day] = [readNumber(m[1]!), readNumber(m[2]!)];
    return monthNumber !== null && day !== null && monthNumber >= 1 && monthNumber <= 12 && day >= 1 && day <= 31 ? { name: 'since_day', month: monthNumber, day } : undefined;
  }],
  [new RegExp(`(?:从|自)?${NUMBER}月份?(?:以来|至今|到现在|起|开始)`), (m) => month('since_month', m[1]!)],
  // 16号以来, 从5日起: from that day of the month.
  [new RegExp(`(?:从|自)?(?<![月\\d])${NUMBER}(?:号|日)(?:以来|至今|到现在|起|开始|以后|之后)`), (m) => {
    const day = readNumber(m[1]!);
    return day !== null && day >= 1 && day <= 31 ? { name: 'since_date', day } : undefined;
  }],
  // One day: 11月21号, 21号那天, 21日当天.
  [new RegExp(`${NUMBER}月${NUMBER}(?:号|日)(?:那天|当天|那一天)?`), (m) => {
    const [monthNumber, day] = [readNumber(m[1]!), readNumber(m[2]!)];
    return monthNumber !== null && day !== null && monthNumber >= 1 && monthNumber <= 12 && day >= 1 && day <= 31 ? { name: 'on_day', month: monthNumber, day } : undefined;
  }],
  [new RegExp(`(?<![月\\d])${NUMBER}(?:号|日)(?:\\s*(?:那天|当天|那一天))?`), (m) => {
    const day = readNumber(m[1]!);
    return day !== null && day >= 1 && day <= 31 ? { name: 'on_day', day } : undefined;
  }],
  // Since a holiday of a fixed day (国庆以后, 五一以来, 元旦后): from its last coming.
  [/(元旦|五一|劳动节|七一|国庆节?)(?:假期|长假)?(?:以后|以来|之后|后|起|到现在|至今)/, (m) => ({ name: 'since_day', ...HOLIDAYS[m[1]!.replace(/节$/, '')]! })],
  // 月初以来 / 本月初以来: since this month began; 这个月中旬以来: since its 11th; 上个月以来: since last month began.
  [/(?:本|这个?)?月初(?:以来|至今|到现在|起)/, () => ({ name: 'this_month' })],
  [/(?:本|这个?)月(上旬|中旬|下旬)(?:以来|至今|到现在|起)/, (m) => ({ name: 'this_month', from: monthPart(m[1]!) })],
  [/上个?月(?:初)?(?:以来|至今|到现在|起)/, () => ({ name: 'since_last_month' })],
  [new RegExp(`(?:最近|近|过去|这)${NUMBER}天(?:来|内|里|以来)?`), (m) => days(m[1]!)],
  [/(?:最近|近|过去)(?:一|1)个?(?:周|星期|礼拜)(?:来|内|里|以来)?|(?:最近|近)(?:七|7)天|一周(?:来|内|以来)/, () => ({ name: 'recent', days: 7 })],
  [/(?:最近|近|过去)(?:一|1)个月(?:来|内|里|以来)?/, () => ({ name: 'recent', days: 30 })],
  // 近两周 is the last 14 days, 最近三个月 the last 90.
  [new RegExp(`(?:最近|近|过去)${COUNT}个?(周|星期|礼拜|月)(?:来|内|里|以来)?`), (m) => weeksOrMonths(m[1]!, m[2]!)],
  [/上上个?(?:星期|礼拜|周)/, () => ({ name: 'week_before_last' })],
  [/上个?(?:星期|礼拜|周)|上一周/, () => ({ name: 'last_week' })],
  [/本周|这周|这个?(?:星期|礼拜)|本星期|这一周/, () => ({ name: 'this_week' })],
  [/上个?月|上一个月/, () => ({ name: 'last_month' })],
  [/本月|这个月|当月|这一个月/, () => ({ name: 'this_month' })],
  [/本季度?|这个?季度/, () => ({ name: 'this_quarter' })],
  // 今年七月 is July (this year's, as a month alone is): the month, not the year.
  [new RegExp(`(?:今年|本年)${NUMBER}月份?`), (m) => month('month', m[1]!)],
  [/今年(?:以来)?|本年度?(?:以来)?/, () => ({ name: 'this_year' })],
  // A part of a month: 十月下旬 (21st to its end), 11月上旬 (1st–10th), 中旬 (11th–20th); two together: 10月中下旬 (11th to its end).
  [new RegExp(`${NUMBER}月份?(上旬|中旬|下旬)`), (m) => {
    const whole = month('month', m[1]!);
    return whole && { ...whole, part: monthPart(m[2]!) };
  }],
  [new RegExp(`${NUMBER}月份?(上|中)(中|下)旬`), (m) => {
    const whole = month('month', m[1]!);
    return whole && { ...whole, part: monthPart(`${m[2]}旬`), partTo: monthPart(`${m[3]}旬`) as 2 | 3 };
  }],
  // Two months or a run of them: 8、9月份, 8到10月, 八九月份 (from the first's 1st to the last's end).
  [new RegExp(`${NUMBER}\\s*(?:、|和|到|至|-|—|~)\\s*${NUMBER}\\s*月份?`), (m) => months(m[1]!, m[2]!)],
  [new RegExp(`${NUMBER}月份?(?:里|中|内|间)?`), (m) => month('month', m[1]!)],
  [/大前天|大前日/, () => ({ name: 'three_days_ago' })],
  [/前天/, () => ({ name: 'day_before_yesterday' })],
  [/昨天|昨日/, () => ({ name: 'yesterday' })],
  [/今天|今日/, () => ({ name: 'today' })],
  [/最近|近期|近来|这几天|这两天|近几天/, () => ({ name: 'recent', days: 7 })],
];

/** Holidays on a fixed day, as a month and a day. */
const HOLIDAYS: Record<string, { month: number; day: number }> = { 元旦: { month: 1, day: 1 }, 五一: { month: 5, day: 1 }, 劳动: { month: 5, day: 1 }, 七一: { month: 7, day: 1 }, 国庆: { month: 10, day: 1 } };

function month(name: 'month' | 'since_month', text: string): UpdatesPeriod | undefined {
  const value = readNumber(text);
  return value !== null && value >= 1 && value <= 12 ? { name, month: value } : undefined;
}

/** Months from one to another of the same year ("8、9月份"): the first month, running to the last. */
function months(from: string, to: string): UpdatesPeriod | undefined {
  const [first, last] = [readNumber(from), readNumber(to)];
  return first !== null && last !== null && first >= 1 && last <= 12 && last > first ? { name: 'month', month: first, monthTo: last } : undefined;
}

/** "近两周", "最近三个月": the last N weeks or months, in days. */
function weeksOrMonths(count: string, unit: string): UpdatesPeriod | undefined {
  const value = readNumber(count);
  return value !== null && value >= 1 && value <= 12 ? { name: 'recent', days: value * (unit === '月' ? 30 : 7) } : undefined;
}

function days(text: string): UpdatesPeriod | undefined {
  const value = readNumber(text);
  return value !== null && value >= 1 && value <= 366 ? { name: 'recent', days: value } : undefined;
}

/** The period a text names and the text without it. */
function readPeriod(text: string): { period: UpdatesPeriod | null; rest: string } {
  for (const [pattern, meaning] of PERIODS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const period = meaning(match);
    if (period) return { period, rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}` };
  }
  return { period: null, rest: text };
}

/** A person's name at the start of `text` (a surname and one or two characters, a title allowed after), followed by `next`. */
function leadingName(text: string, next: string, directory: UnitDirectory): string | undefined {
  // A particle said after the name (周婷啊 她…) is no part of it.
  const pattern = new RegExp(`^(${SURNAME}[\\u4e00-\\u9fa5]{1,2}?)${TITLES}?[啊呀吧嘛]?(?:${next})`);
  const match = pattern.exec(text);
  if (!match) return undefined;
  const name = match[1]!;
  if (UNIT_ENDING.test(name) || directory.findMentions(name).length > 0) return undefined;
  // A unit named from the same start is the unit, not a person (安全监管局负责什么 is no 安全监 who 管s).
  if (directory.findMentions(text).some((mention) => mention.start === 0 && mention.end > name.length)) return undefined;
  if (leadingPlace(name, { allowShort: true, prefer: (place) => directory.knowsPlace(place.name) })) return undefined;
  return name;
}

/** What follows the name of someone who reported ("张联络报了…", "王晓燕最近…", "周婷 这周…"). */
const REPORT_NEXT = '报|汇报|填报|上报|更新|反馈|最近|最后|末次|上次|上回|前次|这周|本周|上周|是|什么时候|啥时候|哪天|几号|\\s';

/** What joins two people's names: 和, 跟, 与, 及, 、, or 或者 (either's reports, together). */
const NAMES_JOINED = '或者|或是|或|[和跟与及、]';

/** Names at a text's start before `next`, one or several joined by 和 / 跟 / 与 / 、 ("王晓燕和张联络报了几次"). */
function leadingNames(text: string, next: string, directory: UnitDirectory): string[] {
  const single = leadingName(text, next, directory);
  if (single) return [single];
  const names: string[] = [];
  let rest = text;
  for (;;) {
    const name = leadingName(rest, `${next}|${NAMES_JOINED}`, directory);
    if (!name) break;
    names.push(name);
    const joined = new RegExp(`^${name}${TITLES}?\\s*(?:${NAMES_JOINED})\\s*`).exec(rest);
    if (!joined) return names;
    rest = rest.slice(joined[0].length);
  }
  // Only a list that ends before `next` is of names (王晓燕和财政局 is a person and a unit: not this).
  return names.length >= 2 && leadingName(text.slice(text.indexOf(names.at(-1)!)), next, directory) ? names : [];
}

/**
 * Names said right after the unit they work in ("临沂财政局周婷 这个月报了几回", "财政局的周婷报过没"): the person is
 * who reported; the unit stays in the question and narrows the reports to that unit's.
 */
function namesAfterUnit(text: string, directory: UnitDirectory): string[] {
  const unit = directory.findMentions(text).find((mention) => mention.start === 0 && mention.unitIds.length > 0);
  if (!unit) return [];
  const after = /^(?:的|那边的?|这边的?|\s)*/.exec(text.slice(unit.end))![0].length;
  return leadingNames(text.slice(unit.end + after), REPORT_NEXT, directory);
}

/** Strips polite openings: 请问, 帮我查一下, 麻烦看下. */
function withoutOpening(text: string): string {
  return text.replace(/^(请问一下|请问|请|麻烦你?|帮我|帮忙|你好|查一下|查查|看一下|看下|看看|问一下|想问一下|想知道)+/, '').trim();
}

function parseChase(text: string, directory: UnitDirectory): ChaseQuestion | undefined {
  const match = /(?:催一下|催一催|催催|催下|催办一下|催办|催促一下|催促|督促一下)/.exec(text);
  if (!match || /催办(过|了吗|记录|情况|的|件)|谁催|催了吗|被催/.test(text)) return undefined;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  const units = directory.findMentions(rest).map(({ text: written, unitIds, fuzzy, place }) => ({ text: written, unitIds, fuzzy, ...(place ? { place } : {}) }));
  const leftover = rest
    .replace(/请|麻烦|帮我|帮忙|你|去|给|向|对|一下|尽快|赶紧|抓紧|报进度|报送进度|报一下进度|报告进度|更新进度|的?逾期任务|的?任务|联络员|[,，.。!！?？\s]/g, '')
    .trim();
  // Without a unit, a question ("催办件有哪些") is not a request to chase.
  if (units.length === 0 && /哪|什么|吗|多少|几/.test(leftover)) return undefined;
  return { kind: 'chase', units, unknownUnit: units.length === 0 && leftover ? leftover : null };
}

/** "张三负责什么", "李丹副市长分管哪些工作", "赵芳手上有哪些任务". */
function parsePerson(text: string, directory: UnitDirectory, asker: Asker): PersonQuestion | undefined {
  const name = leadingName(text, '负责|分管|主管|牵头|联系|联络|管|手上|手里|名下|的任务|有哪些任务|有什么任务', directory);
  if (!name) return undefined;
  return { kind: 'person', name, fallback: readTaskQuery(text, directory, asker) ?? null };
}

/** "江门哪些单位没报过进度", "本周还有谁没填报": the units that did not report, in a scope and period. */
function parseSilentUnits(text: string, directory: UnitDirectory, asker: Asker): UpdatesQuestion | undefined {
  const negated = NOT_REPORTED.exec(text);
  if (!negated || !ASKS_WHO.test(text) || HOW_LONG_SILENT.test(text) || SILENT_FOR.test(text) || DEADLINE_WORDS.test(text) || RANKS_UNITS(text)) return undefined;
  // "上周报过、这周还没报的": the units that reported in the first period and not in the second.
  const earlier = REPORTED_EARLIER.exec(text.slice(0, negated.index));
  const then = earlier ? readPeriod(earlier[1]!) : null;
  const reportedIn = then?.period ?? null;
  const asked = reportedIn ? `${text.slice(0, earlier!.index)}${then!.rest} ${text.slice(earlier!.index + earlier![0].length)}` : text;
  const { period, rest: withoutPeriod } = readPeriod(asked.replace(negated[0], ' '));
  const rest = withoutPeriod.replace(new RegExp(ASKS_WHO.source, 'g'), ' ').replace(/还有|仍有|目前|现在|至今|一直|从来|一次|任务|进度|进展|(?:几|多少)[个家]/g, ' ');
  const read = readTaskQuery(rest, directory, asker);
  // Units named ("中山住建、扶贫、审计三家 谁还没报") are the ones asked about; a place or topic is where to look for them.
  const scope = read ? { ...read, units: read.units.filter((unit) => unit.unitIds.length > 0) } : null;
  return { kind: 'updates', ask: 'silent', period, status: null, reporters: [], person: null, scope, unknownUnit: null, ...(reportedIn && period ? { reportedIn } : {}) };
}

/** A period with a report in it, before a later silence: "上周报过、" / "上个月都报了，" (the period is group 1). */
const REPORTED_EARLIER = /(\S{1,6}?)(?:都|也|还)?(?:报过|报了|有报|汇报过|报送过|更新过|填报过|报过进度|报了进度)(?:进度)?(?:的)?[、，,\s]+(?:但是?|可)?/;

/** "超过30天没更新的 哪个单位最多": a ranking of units by their silent tasks, the counts family's, not this one's. */
const RANKS_UNITS = (text: string) => /最多|最少|排名|排行|排个名/.test(text) && /哪(?:个|些|家)?(?:单位|部门)|谁|(?:最多|最少)的?(?:单位|部门)/.test(text) && !RANKS_REPORTS.test(text);

/**
 * Units ranked by how often they reported: 各单位报进度的次数 排个前三, 哪个单位报进度最多, 谁汇报得最勤, 报进度次数排名.
 * The ranking is of the reporting itself (报 next to 次数 or the ranking word), not of tasks (逾期最多的单位 is the counts family's).
 */
const RANKS_REPORTS = /(?:报|汇报|报告|更新|填报|上报|报送)(?:了|过)?(?:进度|进展|情况)?(?:的)?(?:次数|得?最(?:多|勤|积极|频繁|及时))|(?:报|汇报|更新|填报|上报)(?:进度|进展)?的?次数.{0,4}(?:排|前|最多)/;
/** How many a ranking shows: 前三 3, 前5名 5. */
const TOP = /前\s*([一二两三四五六七八九十]|\d{1,2})\s*(?:名|位|家|个)?/;

/** Reported before and again: "之前就报过、这回又报了的", "以前报过 这次又报", "又报了一次的". */
const REPORTED_AGAIN = /(?:之前|以前|此前|原来|早先)(?:就|也|已经)?(?:报过|报了|汇报过|更新过)(?:进度)?[、，,\s]*(?:这回|这次|本周|这周|现在)?|(?:这回|这次)?又(?:报了?|汇报了?|更新了?)(?:一次|一回)?/;

/** Another period compared with: "跟上周比少了几条", "和上个月相比多了几次", "比上周少了多少件" (the period in group 1, what is counted in 2). */
const VERSUS = /(?:跟|和|与|同|比|较)\s*(\S{1,8}?)\s*(?:相比|比较|比起来|比)?(?:起来)?[，,\s]*(?:少|多|减少|增加)了?(?:几|多少)(条|次|件|项|个|家)?/;

/** When tasks fall due, said of them: 要交的, 到期的, 截止 …, 期限. */
const FALLS_DUE = /要交|该交|得交|到期|截止|期限|时限|要完成|要办完/;

/**
 * The tasks a question is about, said first and closed by 里 / 中 ("到期了还没办完的那几件 …", "年底前要交的事项里 …"):
 * a scope, whose deadline or state words are no report's. Group 1 is the scope without its 里.
 */
const AMONG_FIRST = /^(\S.{1,30}?(?:的|那几件|那几项|那些|几件|几项|事项|任务))(?:(?:里头|里面|当中|中间|之中|里|中)[，,\s]*|(?<=那几件|那几项|那些)[，,\s]+)(?=\S)/;

/** What is left between two periods read out of "10月和11月都报过": the word joining them, then 都. */
const BOTH_JOINED = /(?:和|与|跟|及|以及|、)\s+都/;

function parseUpdates(asked: string, directory: UnitDirectory, asker: Asker): UpdatesQuestion | undefined {
  // "中山方案第8项 这周是谁报的进度": the reports on that item; the rest of the question reads as any other.
  const item = /第\s*\S{1,4}\s*[项条]/.test(asked) && REPORTED.test(asked) ? itemNamed(asked) : undefined;
  const withoutItem = item ? asked.replace(item.words, ' ') : asked;
  // "跟上周比少了几条": another period to compare with, taken out before the period asked about is read.
  const compared = VERSUS.exec(withoutItem);
  const versusPeriod = compared ? readPeriod(compared[1]!).period : null;
  // What is counted in each: units when 家 is said (比上周少了几家), tasks for 件 / 项, else the reports.
  const counts = (measure: string) => (measure === '家' ? ('units' as const) : /[件项]/.test(measure) ? ('tasks' as const) : ('reports' as const));
  const versus = compared && versusPeriod ? { period: versusPeriod, of: counts(compared[2] ?? '') } : null;
  const said = versus ? withoutItem.replace(compared![0], ' ') : withoutItem;
  // "到期了还没办完的那几件 这个月有反馈的": the tasks asked of, said first as a state or a deadline; the reports asked after it.
  const among = AMONG_FIRST.exec(said);
  const scopeClause = among && !REPORTED.test(among[1]!) ? among[1]! : '';
  const text = scopeClause ? said.slice(among![0].length) : said;
  if (RANKS_REPORTS.test(text)) return parseReportRanking(text, directory, asker);
  if (RANKS_UNITS(text)) return undefined;
  const silent = HOW_LONG_SILENT.test(text);
  // (之前 in "之前就报过" is when they reported, no deadline.)
  if ((NEGATED.test(text) && !silent) || DEADLINE_WORDS.test(text.replace(new RegExp(REPORTED_AGAIN.source, 'g'), ' '))) return undefined;
  const lastReport = silent || WHEN_REPORTED.test(text) || (LAST_TIME.test(text) && ASKS_WHEN.test(text) && /报|汇报|报告|更新|填|反馈/.test(text));
  // "最近一次报的是哪件": the latest report itself, at any time (最近 there is no period).
  const latestOnly = !lastReport && LATEST_REPORT.test(text);
  const { period, rest: firstRead } = lastReport ? { period: null, rest: text } : readPeriod(latestOnly ? text.replace(LATEST_REPORT, ' ') : text);
  // "10月和11月都报过": a second period joined to the first, and 都 — reported in both.
  const second = period && !lastReport ? readPeriod(firstRead) : null;
  // (Both periods read out, what joined them stays: "和 都报过".)
  const both = second?.period && BOTH_JOINED.test(second.rest);
  const alsoIn = both ? second!.period : null;
  const withPeriods = alsoIn ? second!.rest.replace(BOTH_JOINED, ' ') : firstRead;
  // "之前就报过、这回又报了的": reported in the period, and before it too.
  const again = period && !lastReport ? REPORTED_AGAIN.exec(withPeriods) : null;
  const withoutPeriod = again ? withPeriods.replace(new RegExp(REPORTED_AGAIN.source, 'g'), ' ') : withPeriods;
  const reported = REPORTED.exec(withoutPeriod);
  if (!lastReport && !reported && !latestOnly) return undefined;
  const asksWho = ASKS_WHO.test(text);
  const opening = withoutOpening(withoutPeriod).replace(/^\s+/, '');
  const leading = leadingNames(opening, REPORT_NEXT, directory);
  const [person = null, ...alsoPeople] = leading.length > 0 ? leading : namesAfterUnit(opening, directory);
  // Without a period, a list of updates is only asked of someone ("张联络报了哪些进度") or as who ("哪些单位报过进度"); how many
  // times a unit reported ("中山财政局一共报过几次") counts them all.
  if (!lastReport && !period && !person && !asksWho && !latestOnly && !TIMES.test(text)) return undefined;
  // 报了办结 alone is a report of the work done (10月份报了办结的); waiting on a review after it (报了办结等销号的), a request to close.
  const status: UpdatesQuestion['status'] = /申请了?(?:办结|销号)|提交了?办结|申请验收|报了?办结.{0,4}(?:等|待|审)/.test(text) ? 'pending_review' : /办结|销号|完成了/.test(text) ? 'done' : null;

  const countsReports = !lastReport && TIMES.test(text);
  const often = lastReport ? null : AT_LEAST_TIMES.exec(text);
  const atLeastReports = often ? (often[1] ? readNumber(often[1]) : 2) : null;
  const share = !lastReport && SHARE_OF_REPORTED.test(text);
  let rest = withoutPeriod
    .replace(SHARE_OF_REPORTED, ' ')
    .replace(AT_LEAST_TIMES, ' ')
    .replace(TIMES, ' ')
    .replace(LAST_TIME, ' ')
    .replace(HOW_LONG_SILENT, ' ')
    .replace(/多久|了吗|了$/g, ' ')
    .replace(/(是)?(什么时候|哪天|哪一天|几号|何时|啥时候|时间|日期)/g, ' ')
    .replace(new RegExp(REPORTED.source, 'g'), ' ')
    .replace(new RegExp(ASKS_WHO.source, 'g'), ' ')
    .replace(/(最近|一次|申请|验收|有没有|了吗|没有|都有|还有|任务|新的|情况|进度|进展|多少家|多少|几项|几个|几件|几条|几家|一共|总共|共有|总计|合计|那会儿?|那时候?|有人|(?<=的)(?:里头|里面|当中|中间))/g, ' ')
    .replace(/(?<=^|\s)(?:单位|部门)(?=\s|$)/g, ' ');
  for (const name of person ? [person, ...alsoPeople] : []) rest = rest.replace(name, ' ');
  if (alsoPeople.length > 0) rest = rest.replace(new RegExp(`^(?:\\s|${NAMES_JOINED})+`), ' ');
  const read = readTaskQuery(scopeClause ? `${scopeClause} ${rest}` : rest, directory, asker);
  // "市财政局这周报了什么": the units named are the ones reporting; "江门的任务这周有什么进展" names a place, a filter on the tasks.
  // A bureau's name no plan has comes back as a mention of no unit: the unit the question names, unknown.
  const named = read?.units ?? [];
  const unknownMention = named.find((mention) => mention.unitIds.length === 0 && !mention.place && !mention.self && !mention.person);
  const reporters = named.filter((mention) => mention !== unknownMention);
  const unknownUnit = reporters.length === 0 ? (unknownMention?.text ?? unitLike(read?.topic ?? null)) : null;
  // A part left out ("除了财政局", "除了中山的"): units leave their reports out, anything else the tasks it names.
  const leftOut = read?.except && read.except.units.length > 0 ? read.except.units : [];
  const except = read?.except && leftOut.length === 0 ? read.except : null;
  // The tasks the reports are asked of may be named by when they fall due too ("12月份要交的事项里 这周有反馈进度的"), said so;
  // a period said again (七月份那会儿 … 就是今年七月) is the reports'.
  const dueSaid = read?.period && FALLS_DUE.test(asked);
  const narrows = read && (read.places?.length || read.plan || (read.topic && !unknownUnit) || read.status || except || dueSaid || read.progress || read.recurs || read.withUnitsIn);
  const scope = read && narrows ? { ...read, units: [], topic: unknownUnit ? null : read.topic, except, ...(dueSaid ? {} : { period: null }) } : null;
  return {
    kind: 'updates',
    ask: lastReport ? 'last_report' : asksWho ? 'units' : 'tasks',
    period,
    status,
    reporters,
    person,
    scope,
    unknownUnit,
    ...(leftOut.length > 0 ? { exceptReporters: leftOut } : {}),
    ...(alsoPeople.length > 0 ? { alsoPeople } : {}),
    ...(countsReports ? { countsReports } : {}),
    ...(atLeastReports && atLeastReports >= 2 ? { atLeastReports } : {}),
    ...(share ? { share } : {}),
    ...(latestOnly ? { latestOnly } : {}),
    ...(alsoIn ? { alsoIn } : {}),
    ...(again ? { reportedBefore: true } : {}),
    ...(item ? { item: { key: item.key } } : {}),
    ...(versus && period ? { versus } : {}),
  };
}

/** "中山各单位报进度的次数 排个前三": the reporting units, most reports first, as far as the places asked for (ties kept). */
function parseReportRanking(text: string, directory: UnitDirectory, asker: Asker): UpdatesQuestion {
  const { period, rest: withoutPeriod } = readPeriod(text);
  const top = TOP.exec(withoutPeriod);
  const rest = withoutPeriod
    .replace(RANKS_REPORTS, ' ')
    .replace(TOP, ' ')
    .replace(new RegExp(ASKS_WHO.source, 'g'), ' ')
    .replace(/各(?:个)?(?:单位|部门)|排(?:个|一下|一排)?(?:名|行|序)?|名次|次数|最多|的是|是|一下|进度|进展/g, ' ');
  const read = readTaskQuery(rest, directory, asker);
  const scope = read && (read.places?.length || read.plan || read.topic || read.status || read.units.length > 0) ? read : null;
  const places = top ? readNumber(top[1]!) : null;
  return { kind: 'updates', ask: 'units', period, status: null, reporters: [], person: null, scope, unknownUnit: null, rankedByReports: { top: places } };
}

/** The latest report asked for: 最近一次报的, 最后一次报进度的, 最新一次更新. */
const LATEST_REPORT = /(?:最近|最后|最新)(?:的)?一次(?:报|汇报|报告|更新|填报|上报)/;

/** A share asked of what was reported: 占几成, 占比多少, 占多少, 比例. */
const SHARE_OF_REPORTED = /占比(?:是|有)?(?:多少)?|占(?:多少|几成|百分之几|多大比例|比例)|(?:比例|百分比)(?:是|有)?(?:多少|多大)?|几成/;

/** How many times: 几次, 多少次, 几回. */
const TIMES = /(?:几|多少)(?:次|回)/;
/** Reported often, said of units or tasks: 两次及以上, 3次以上, 不止一次, 多次. Group 1 is the number, when said. */
const AT_LEAST_TIMES = /([两二三四五六七八九十\d]{1,2})(?:次|回)(?:及|或|和)?以上|不止一(?:次|回)|(?<![几多少])多(?:次|回)(?!数)/;

/** The word of a topic that reads like a unit's name ("市科技局"), if any. */
function unitLike(topic: string | null): string | null {
  return topic?.split(/\s+/).find((word) => word.length >= 3 && /(局|委|办|厅|中心|院|站|所|部)$/.test(word)) ?? null;
}

/** The family, as question-families.ts lists it. */
export const updatesQuestionFamily: QuestionFamily = {
  name: 'updates',
  parse(raw, directory, asker) {
    const text = withoutOpening(raw);
    if (text === '') return undefined;
    return parseChase(text, directory) ?? parseSilentUnits(text, directory, asker) ?? parseUpdates(text, directory, asker) ?? parsePerson(text, directory, asker);
  },
};
