/**
 * Understanding counts, rates and rankings against the seeds' real unit
 * names: what is measured, what it is ranked by, in which order, over
 * which tasks — and the questions with 多少 / 几 in them that are not counts
 * of tasks (days, an item's number, plans, reports) left to other families.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import type { StatsQuery } from '../../src/domain/questions/question.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();

/** What a stats question asks, with unit ids as "city/name", or the kind of a question that is not one. */
function understand(text: string) {
  const question = parseQuestion(text, directory);
  if (question.kind !== 'stats') return question.kind;
  const { measure, groupBy, order, filter } = question as StatsQuery;
  return {
    measure,
    groupBy,
    order,
    units: filter.units.flatMap((unit) => unit.unitIds.map(nameOf)).sort(),
    places: filter.places ?? [],
    status: filter.status,
    topic: filter.topic,
    plan: filter.plan,
  };
}

const stats = (fields: Partial<ReturnType<typeof understand> & object>) => ({ measure: 'count', groupBy: 'none', order: 'desc', units: [], places: [], status: null, topic: null, plan: null, ...fields });

const TABLE: [string, ReturnType<typeof stats> | string][] = [
  ['中山市有多少项任务', stats({ places: ['中山市'] })],
  ['中山市一共有多少项任务', stats({ places: ['中山市'] })],
  ['市财政局有多少项任务', stats({ units: ['中山市/市财政局', '临沂市/市财政局', '江门市/市财政局'] })],
  ['新会区财政局有几项任务', stats({ units: ['新会区/区财政局'] })],
  ['市财政局的任务完成了多少', stats({ measure: 'done', units: ['中山市/市财政局', '临沂市/市财政局', '江门市/市财政局'] })],
  ['已经完成多少项了', stats({ measure: 'done' })],
  ['还有多少项没完成', stats({ status: 'unfinished' })],
  ['住建局一共有几项逾期', stats({ units: ['中山市/市住房城乡建设局', '临沂市/市住建局', '新会区/区住房城乡建设局'], status: 'overdue' })],
  ['扶贫相关的任务有几项', stats({ topic: '扶贫' })],
  ['有多少个单位有逾期任务', stats({ measure: 'units', status: 'overdue' })],
  // A plan named with what it is: its owner and the kind of document.
  ['中山市的分工方案一共多少项任务', stats({ plan: '中山市分工方案' })],
  ['临沂的要点有多少项', stats({ plan: '临沂要点' })],
  ['经信局的分工有多少项', stats({ plan: '经信局分工' })],
  // Rates.
  ['完成率是多少', stats({ measure: 'rate' })],
  ['临沂完成率多少', stats({ measure: 'rate', places: ['临沂市'] })],
  ['中山市财政局的完成率', stats({ measure: 'rate', units: ['中山市/市财政局'] })],
  ['市财政局的任务完成情况怎么样', stats({ measure: 'rate', units: ['中山市/市财政局', '临沂市/市财政局', '江门市/市财政局'] })],
  ['江门整体落实情况', stats({ measure: 'rate', places: ['江门市'] })],
  // Rankings: by units, places or plans; by tasks, a state, completion; highest or lowest first.
  ['哪个单位任务最多', stats({ groupBy: 'unit' })],
  ['谁的任务最多', stats({ groupBy: 'unit' })],
  ['江门哪个单位任务最多', stats({ groupBy: 'unit', places: ['江门市'] })],
  ['逾期最多的单位', stats({ groupBy: 'unit', status: 'overdue' })],
  // Behind is past the deadline: the unit most behind is the one with most tasks overdue.
  ['中山 最拖的是哪个单位', stats({ groupBy: 'unit', status: 'overdue', places: ['中山市'] })],
  // How many units reported is who reported, counted: the updates family's.
  ['一共有多少家单位报过进度', 'updates'],
  ['超过30天没更新的 哪个单位最多', stats({ groupBy: 'unit', status: 'stalled' })],
  ['哪个局逾期最多', stats({ groupBy: 'unit', status: 'overdue' })],
  ['各单位逾期情况', stats({ groupBy: 'unit', status: 'overdue' })],
  ['完成率最高的单位', stats({ measure: 'rate', groupBy: 'unit' })],
  ['哪个单位完成得最好', stats({ measure: 'rate', groupBy: 'unit' })],
  ['完成最多的单位', stats({ measure: 'done', groupBy: 'unit' })],
  ['各地完成情况怎么样', stats({ measure: 'rate', groupBy: 'place' })],
  ['各区完成率排名', stats({ measure: 'rate', groupBy: 'place' })],
  ['哪个地区完成率最低', stats({ measure: 'rate', groupBy: 'place', order: 'asc' })],
  ['哪个方案任务最多', stats({ groupBy: 'plan' })],
  ['各方案完成情况', stats({ measure: 'rate', groupBy: 'plan' })],
  // 各镇区 is a unit (a collective), not a way of grouping.
  ['各镇区有多少任务', stats({ units: ['中山市/各镇区'] })],
  // Not counts of tasks.
  ['PPP项目是第几项', 'tasks'],
  ['哪些单位有逾期任务', 'tasks'],
  ['有几个方案', 'plans'],
  ['临沂有几个方案', 'tasks'],
  ['市财政局报了几次进度', 'not stats'],
  ['还有多少天到期', 'not stats'],
  // How many and which: the list, which says how many.
  ['市财政局有几项任务，分别是啥', 'tasks'],
  ['中山逾期的有多少，是哪些', 'tasks'],
  ['临沂财政局牵头的几件里 进度过半的是哪件', 'tasks'],
  // The share some tasks are of the scope: picked out by their state (the share of what is done is the rate).
  ['中山逾期的占比多少', stats({ measure: 'share', places: ['中山市'], status: 'overdue' })],
  ['卡着的占几成', stats({ measure: 'share', status: 'blocked' })],
  ['完成的占比多少', stats({ measure: 'rate' })],
  // Their mean progress, not one task's (进度到多少).
  ['中山审计局三件活 平均进度到多少了', stats({ measure: 'average', units: ['中山市/市审计局'] })],
  // The units of some tasks: 哪些单位 there is no ranking of all units.
  ['现在卡着的 都是哪些单位的活', stats({ measure: 'units', status: 'blocked' })],
  // Listed unit by unit (按单位列一下): those units; counted unit by unit (按单位统计): a count per unit.
  ['中山超过30天没更新、还没办完的 按单位列一下', stats({ measure: 'units', places: ['中山市'], status: 'stalled' })],
  ['受阻的分部门梳理一下', stats({ measure: 'units', status: 'blocked' })],
  ['中山逾期的按单位统计一下', stats({ groupBy: 'unit', places: ['中山市'], status: 'overdue' })],
  // Which units, asked first with what is meant after it; a vague word explained (拖后腿——, 让人不放心？我说的是) is the explanation.
  ['哪几家单位的事 逾期的', stats({ measure: 'units', status: 'overdue' })],
  ['江门那个进度安排里 谁拖后腿——还没启动的事项最多的 排前三', stats({ groupBy: 'unit', status: 'not_started', plan: '江门进度安排' })],
  ['现在卡着的那几件 都是哪几家单位的', stats({ measure: 'units', status: 'blocked' })],
  ['中山那边 还有哪几家单位有卡着的事', stats({ measure: 'units', places: ['中山市'], status: 'blocked' })],
  // How many tasks there are, said as the scope (十二件里头), and 排个前三 are no topic.
  ['中山财政局五件里头 还没启动的占多少', stats({ measure: 'share', units: ['中山市/市财政局'], status: 'not_started' })],
  ['新会那边 还没启动的 哪家单位最多 排个前三', stats({ groupBy: 'unit', places: ['新会区'], status: 'not_started' })],
  // 过半 said of a state's tasks (已经启动的过半了没, 办完的过半了吗) asks their share; of progress (进度过半) it is a state.
  ['江门编办7件活 已经启动的过半了没', stats({ measure: 'share', units: ['江门市/市编办'], status: 'started' })],
  ['办完的过半了吗', stats({ measure: 'share', status: 'done' })],
  ['进度过半了没', 'not stats'],
];

describe('counts, rates and rankings are understood as such', () => {
  it('two units compared (哪家完成率高些 / 低一些) are ranked, the higher or lower first, and 高些 is no topic', () => {
    expect(understand('中山审计局跟中山住建局 哪家完成率高些')).toMatchObject({ measure: 'rate', groupBy: 'unit', order: 'desc', topic: null, units: ['中山市/市住房城乡建设局', '中山市/市审计局'] });
    expect(understand('中山审计局和中山住建局 谁的完成率低一些')).toMatchObject({ measure: 'rate', groupBy: 'unit', order: 'asc', topic: null });
    expect(understand('中山旅游局跟中山食药监局 谁完成得好')).toMatchObject({ measure: 'rate', groupBy: 'unit', order: 'desc', topic: null });
    // Two places compared (中山跟江门比 哪边…): ranked by place, the places named.
    expect(understand('中山跟江门比 哪边完成率高')).toMatchObject({ measure: 'rate', groupBy: 'place', places: ['中山市', '江门市'], topic: null });    // The comparison said last, as a count (谁的任务多, 哪边…的事项多, 比一比 … 件数多): ranked by that count.
    expect(understand('中山财政局跟发改局 谁的任务多')).toMatchObject({ measure: 'count', groupBy: 'unit', topic: null });
    expect(understand('中山和江门 哪边还没启动的事项多')).toMatchObject({ measure: 'count', groupBy: 'place', places: ['中山市', '江门市'], status: 'not_started', topic: null });
    expect(understand('中山跟临沂比一比 哪边办结销号的件数多')).toMatchObject({ measure: 'count', groupBy: 'place', places: ['中山市', '临沂市'], status: 'done', topic: null });
    // 多少 is no comparison.
    expect(understand('中山有多少项任务')).toMatchObject({ measure: 'count', groupBy: 'none' });
  });

  it.each(TABLE)('%s', (text, expected) => {
    const got = understand(text);
    if (expected === 'not stats') expect(got).not.toMatchObject({ measure: expect.anything() });
    else expect(got).toEqual(expected);
  });
});
