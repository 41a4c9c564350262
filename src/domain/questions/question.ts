/**
 * What a question asks, as a structured query: the result of understanding
 * and the input of answering. Serialisable, so a card button can carry it
 * for the next page and a chat can remember it for "还有呢".
 */
import type { UnitRole } from '../vocabulary.js';
import type { ChaseQuestion, PersonQuestion, UpdatesQuestion } from './updates-question.js';
import type { PeriodSpec } from './period.js';
import type { ProgressBound } from './progress-bound.js';

/** A unit the question names, with every stored unit the name may mean. */
export interface UnitMention {
  /** As typed (after traditional → simplified): "财政局". */
  text: string;
  unitIds: number[];
  /** Matched within one character, not exactly. */
  fuzzy: boolean;
  /** The place named with the unit ("中山市财政局", "江门的网信办"): only that place's units are meant. */
  place?: string | null;
  /** "我们局": the asker's own units (none when the asker is bound to no unit). */
  self?: boolean;
  /** "陈志强他们局", "何军那边政务办": the units this person is liaison of (of those named, if any), found when answered. */
  person?: string;
}

/** A pointing word said with a plan's nickname ("中山那份公开要点", "江门那个进度安排", "江门市里那份": the city's own): 那份 / 这个, no part of its name. */
export const POINTING_WORD = /(?:[市区县]里)?的?[这那](?:一)?(?:份|个|张|本|套|篇)/;

/** Status and time filters. */
export type StatusFilter =
  | 'overdue'
  | 'due_this_week'
  | 'due_this_month'
  | 'due_next_month'
  | 'due_this_year'
  | 'below_half'
  | 'no_progress'
  /** 报过进度的: at least one progress report made on it. */
  | 'reported'
  | 'unfinished'
  | 'done'
  /** Unfinished and due within `withinDays` days from today. */
  | 'due_within'
  /** 受阻: reported as blocked. */
  | 'blocked'
  /** 待审核: closure requested, awaiting review. */
  | 'pending_review'
  /** 进行中. */
  | 'in_progress'
  /** 未开始: still open (no report, or a report at 0%). */
  | 'not_started'
  /** 已启动 / 动起来了: begun and not finished — under way, blocked or awaiting review. */
  | 'started'
  /** 停滞: reported before, neither closed nor awaiting review, and no report for more than 30 days. */
  | 'stalled'
  /** 过半: unfinished and past 50%. */
  | 'above_half';

/** A question about tasks: by unit, role, topic, status, plan, or any mix. */
export interface TaskQuery {
  kind: 'tasks';
  units: UnitMention[];
  /** Tasks must name every unit mentioned ("一起负责"), not any of them. */
  allUnits?: boolean;
  /**
   * The units beside the mentioned ones on their tasks are asked for, not the mentioned ones ("跟财政局一起牵头的都是哪几家"):
   * the mentioned units' tasks, and of them the other units in the same part.
   */
  partners?: boolean;
  /** 'any' unless the question says 牵头 / 配合 / 责任. */
  role: UnitRole | 'any';
  /** Words to search titles and requirements for: "PPP项目", "扶贫". */
  topic: string | null;
  /** Another topic the tasks may be about instead ("两微一端或者政府公报相关的"). */
  orTopic?: string | null;
  status: StatusFilter | null;
  /** A second state the tasks must be in too ("逾期的里头 卡着的": overdue and blocked). */
  andStatus?: StatusFilter | null;
  /** Another state the tasks may be in instead ("卡着的和等审核的 加一块儿": blocked or pending review). */
  orStatus?: StatusFilter | null;
  /** How far along the unfinished tasks are ("进度八成及以上", "不到30%"). */
  progress?: ProgressBound | null;
  /** A plan named in the question ("临沂的要点"): matched against plan titles and cities. */
  plan: string | null;
  /** The unit a plan was named by ("经信局的分工"): its tasks are meant when no plan is named after it. */
  planNamedBy?: UnitMention | null;
  /** The period the tasks fall due in ("下周", "2017年第一季度", "年底前"): unfinished tasks with a deadline inside it. */
  period?: PeriodSpec | null;
  /** Another period they may fall due in instead ("本月或者下月到期的", "2018年和2020年到期的"). */
  orPeriod?: PeriodSpec | null;
  /**
   * The period counts its finished tasks too: asked of what was done in it ("今年到期的 办完了几个") or of a rate or share
   * over it (年底前到期的活 办完的占比), where the finished are the point. A list of a period stays its unfinished tasks.
   */
  periodFinishedToo?: boolean;
  /** Only tasks done every year ("每年都要做的", "每年都要实施的": the plans' 每年实施, 从2016年起每年…). */
  recurs?: 'yearly' | null;
  /** Places the question names on their own ("中山有多少项任务", "在临沂…"): plans of those places and the places under them. */
  places?: string[];
  /** Plans by id (a weekly card's scope, which may cover several): only their tasks. */
  planIds?: number[];
  /** "谁负责": the answer should lead with the units. */
  asksWho: boolean;
  page: number;
  /** Days ahead for the 'due_within' filter. */
  withinDays?: number | null;
  /** 'urgency': overdue and soonest due first, closed last; otherwise plan and document order. */
  order?: 'document' | 'urgency';
  /**
   * Only the unfinished tasks that fall due first from today, or from the start of the period named ("接下来最先要到期的",
   * "它下一件要交的", "明年头一件到期的", "下一个截止日是几号"): those whose next deadline is the earliest, tied ones together.
   */
  soonest?: boolean;
  /**
   * Only the reported tasks whose last report is the oldest, tied ones (the same day) together: of the closures asked
   * for, the one waiting longest ("申请销号的那几件里 哪件报上来最早、等得最久").
   */
  waitedLongest?: boolean;
  /**
   * Only the reported tasks whose last reported percent is the highest, tied ones together: how far along the furthest
   * of them is ("卡着的那五件里 进度报得最高的是哪件").
   */
  furthest?: boolean;
  /**
   * Only the tasks whose last reported percent is the lowest (0 when never reported), tied ones together: the one
   * furthest behind ("已经动起来的里头 进度最低的是哪件").
   */
  leastAlong?: boolean;
  /**
   * Only tasks with at least so many units in a part, whoever they are: "带着协办单位的" (one cooperating unit or more),
   * "两家单位一起打头的" (two leads or more).
   */
  withUnitsIn?: { role: UnitRole; atLeast: number } | null;
  /** The part the question leaves out ("除了中山的", "去掉牵头的", "除了卡住那件"): tasks it matches are not in the answer. */
  except?: TaskFilter | null;
}

/** The filters of a task question, without its page: what a part left out, or a count, is made of. */
export type TaskFilter = Omit<TaskQuery, 'kind' | 'page' | 'except'>;

/** A task query with every field at its default ("all tasks, page 1") but those given. */
export function taskQuery(fields: Partial<Omit<TaskQuery, 'kind'>> = {}): TaskQuery {
  return { kind: 'tasks', units: [], role: 'any', topic: null, status: null, plan: null, asksWho: false, page: 1, ...fields };
}

/** A question about one task: by id ("#123") or printed number ("第10项的第3条"). */
export interface TaskLookup {
  kind: 'task';
  id: number | null;
  key: string | null;
  plan: string | null;
  /** What of the task is asked, when one thing is: 'deadline' for "第26项第2条啥时候到期". */
  asks?: 'deadline';
  /** The task described after its number ("第一项第一条 镇区权责清单那条"): picks it when the number is in several plans. */
  described?: string;
}

/** "还有呢", "只看牵头的", "详细说说第2个": about the previous answer in this chat. */
export interface FollowUp {
  kind: 'follow_up';
  action: 'next_page' | 'previous_page' | 'only_lead' | 'detail';
  /** 1-based position in the previous answer, for 'detail'. */
  index: number | null;
}

/**
 * A count, rate or ranking of tasks (issue 17): "中山市有多少项任务",
 * "市财政局的任务完成了多少", "完成率", "哪个单位任务最多", "各区完成情况".
 * Tasks are the leaves the filter matches, as everywhere.
 */
export interface StatsQuery {
  kind: 'stats';
  /**
   * How many tasks match, how many of them are done, done ÷ all in percent, how many units (collectives left out) have
   * them, what share of the scope's tasks the state, period or progress picks out (逾期的占比, 卡着的占几成), or their
   * mean last reported percent (平均进度: a done task counts 100, one never reported 0).
   */
  measure: 'count' | 'done' | 'rate' | 'units' | 'share' | 'average';
  /** One figure ('none'), or a ranking of units, places or plans by the measure. */
  groupBy: 'none' | 'unit' | 'place' | 'plan';
  /** A ranking's order: 最多/最高 first ('desc') or 最少/最低 first ('asc'). */
  order: 'desc' | 'asc';
  /** Which tasks: the filters of a task question (units, places, plan, topic, status, period). */
  filter: Omit<TaskQuery, 'kind' | 'page'>;
}

/** Every kind of question. */
export type Question =
  | TaskQuery
  | StatsQuery
  | TaskLookup
  | FollowUp
  | UpdatesQuestion
  | PersonQuestion
  | ChaseQuestion
  | { kind: 'plans'; page: number }
  | { kind: 'smalltalk'; topic: 'greeting' | 'thanks' }
  | { kind: 'unknown' };
