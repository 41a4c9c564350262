/**
 * States and periods as grammar (state-phrases.ts, period.ts): each row a
 * wording not listed whole anywhere, composed from a negation or aspect, a
 * verb of one state family, a degree, a year word and its end, a span — and
 * the readings that must not happen (有没有 asks, 在做什么 asks what).
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory } = seedDirectory();

/** The status, period and lookup key a question is read as; topic too, so a word left over shows. */
function read(text: string): Record<string, unknown> {
  const question = parseQuestion(text, directory) as unknown as Record<string, unknown>;
  if (question.kind === 'task') return { key: question.key, plan: question.plan };
  return { status: question.status ?? null, period: question.period ?? null, topic: question.topic ?? null, ...(question.progress ? { progress: question.progress } : {}) };
}

const year = (offset: number) => ({ kind: 'year', year: { offset } });
const STATES: [string, string | null][] = [
  ['推进不下去的任务', 'blocked'],
  ['没办法落实的', 'blocked'],
  ['遇阻的任务有哪些', 'blocked'],
  ['已经提交办结申请、等着审核的', 'pending_review'],
  ['好长时间没报进度的任务', 'stalled'],
  ['严重滞后的任务有哪些', 'overdue'],
  ['截止日期已过还没完成的', 'overdue'],
  ['到期了还没办完的', 'overdue'],
  ['没在规定时间内完成的任务', 'overdue'],
  ['从来没有填报过进度的', 'no_progress'],
  ['至今未启动的', 'not_started'],
  ['一点动静都没有的', 'not_started'],
  ['一点进展都没有的', 'not_started'],
  ['毫无进展的', 'not_started'],
  ['没有进展的', 'not_started'],
  ['没报进展的', 'no_progress'],
  ['已经启动的有哪些', 'started'],
  ['后年到期的事项里 有哪件现在已经动起来了', 'started'],
  ['还没动起来的', 'not_started'],
  ['压根没启动的', 'not_started'],
  ['还没办的', 'unfinished'],
  ['还有没完成的吗', 'unfinished'],
  ['目前在推进的有哪些', 'in_progress'],
  ['推进着的任务', 'in_progress'],
  ['已经销号的有哪些', 'done'],
  // 有没有 asks whether, it does not deny.
  ['有没有完成的任务', 'done'],
];

const PERIODS: [string, unknown][] = [
  ['今年底前还没办的', year(0)],
  ['明年年底前到期的', year(1)],
  ['后年底要完成的', year(2)],
  ['元旦前要完成的', year(0)],
  ['今年以内要完成的', year(0)],
  ['2018年内要完成的', { kind: 'year', year: { fixed: 2018 } }],
  ['半年内到期的', { kind: 'within', days: 183 }],
  ['半个月内到期的', { kind: 'within', days: 15 }],
  ['未来30天到期的', { kind: 'within', days: 30 }],
  ['最近一个月要到期的', { kind: 'within', days: 30 }],
  ['即将逾期的', { kind: 'within', days: 14 }],
  ['11月30日前到期的', { kind: 'month_of_year', month: 11, year: { offset: 0 } }],
  ['12月31号当天到期、还没办完的', { kind: 'day', year: { offset: 0 }, month: 12, day: 31 }],
  ['2017年2月28日到期的', { kind: 'day', year: { fixed: 2017 }, month: 2, day: 28 }],
  ['元旦过后到期的', { kind: 'after_holiday', holiday: 'new_year' }],
  ['过完年以后要交的', { kind: 'after_holiday', holiday: 'spring_festival' }],
  ['12月内到期的', { kind: 'month_of_year', month: 12, year: { offset: 0 } }],
  ['下个月中旬之前要到期的', { kind: 'until_part', month: { offset: 1 }, part: 2 }],
  ['12月上旬前到期的', { kind: 'until_part', month: { month: 12, year: { offset: 0 } }, part: 1 }],
  ['12月中旬到期的有哪些', { kind: 'month_part', month: { month: 12, year: { offset: 0 } }, part: 2 }],
  ['下个月上旬要完成的', { kind: 'month_part', month: { offset: 1 }, part: 1 }],
  ['春节前要交的活', { kind: 'until_spring_festival' }],
  ['年前还有啥要交的', { kind: 'until_spring_festival' }],
  ['赶在过年前办完的', { kind: 'until_spring_festival' }],
];

describe('states and periods are read as grammar', () => {
  it.each(STATES)('%s → %s', (text, status) => {
    expect(read(text)).toMatchObject({ status, topic: null });
  });

  it.each(PERIODS)('%s', (text, period) => {
    expect(read(text)).toMatchObject({ period, topic: null });
  });

  it('a period named with 到期…没完成 asks for the unfinished tasks due in it, without one for the overdue', () => {
    expect(read('下周到期还没完成的')).toMatchObject({ status: 'unfinished', period: { kind: 'week', offset: 1 } });
    expect(read('到期未完成的')).toMatchObject({ status: 'overdue', period: null });
  });

  it('a bound on progress as people say it (八成及以上, 完成80%以上, 超过七成, 不到30%, 百分之六十以下); a share with no bound is none', () => {
    expect(read('正在办理的里 进度八成及以上的是哪几件')).toMatchObject({ status: 'in_progress', progress: { op: 'ge', percent: 80 }, topic: null });
    expect(read('完成80%以上的')).toMatchObject({ progress: { op: 'ge', percent: 80 }, topic: null });
    expect(read('进度超过七成的有哪些')).toMatchObject({ progress: { op: 'gt', percent: 70 }, topic: null });
    expect(read('财政局进度不到30%的')).toMatchObject({ progress: { op: 'lt', percent: 30 }, topic: null });
    expect(read('百分之六十以下的任务')).toMatchObject({ progress: { op: 'le', percent: 60 }, topic: null });
    expect(read('进度过半的')).toMatchObject({ status: 'above_half' });
    expect(read('进度过半的')).not.toHaveProperty('progress');
    expect(read('完成80%的任务')).not.toHaveProperty('progress');
  });

  it('今年 alone is no period, and asking what a unit works on is no state', () => {
    expect(read('今年要干什么')).toMatchObject({ period: null });
    // 年前 only where it stands alone: 今年前三季度 is no Spring Festival.
    expect(read('今年前三季度到期的')).not.toMatchObject({ period: { kind: 'until_spring_festival' } });
    expect(read('市财政局在做什么')).toMatchObject({ status: null });
    expect(read('哪个部门在推进负面清单')).toMatchObject({ status: null, topic: '负面清单' });
  });

  it('a printed number with dots, or asked yes or no, is a lookup', () => {
    expect(read('中山方案10.3')).toEqual({ key: '10.3', plan: '中山' });
    expect(read('经信局方案里的4.2.1')).toEqual({ key: '4.2.1', plan: '经信局' });
    expect(read('临沂要点第十二项完成没有')).toEqual({ key: '12', plan: '临沂' });
    expect(read('进度50.5%的')).not.toHaveProperty('key');
    // Numbers without 第 (12项3条), asked as people ask in chat (咋回事, 搞定了吗, 啥时候到期), with thanks after.
    expect(read('中山方案 12项3条 咋回事')).toEqual({ key: '12.3', plan: '中山' });
    expect(read('中山19项4条搞定了吗')).toEqual({ key: '19.4', plan: '中山' });
    expect(read('麻烦看下 第8项 谢谢')).toEqual({ key: '8', plan: null });
  });

  it('a part of a month is a day: 下个月中旬之前 runs from today to the 20th of next month', async () => {
    const { resolvePeriod } = await import('../../src/domain/questions/period.js');
    expect(resolvePeriod({ kind: 'until_part', month: { offset: 1 }, part: 2 }, '2016-11-23')).toEqual(['2016-11-23', '2016-12-20']);
    expect(resolvePeriod({ kind: 'until_part', month: { offset: 0 }, part: 3 }, '2016-11-23')).toEqual(['2016-11-23', '2016-11-30']);
    // Until a weekday (a Wednesday today): 下周一之前 is next Monday; 周一之前 too, this week's being past; 周五前 this Friday.
    expect(resolvePeriod({ kind: 'until_weekday', weeks: 1, weekday: 1 }, '2016-11-23')).toEqual(['2016-11-23', '2016-11-28']);
    expect(resolvePeriod({ kind: 'until_weekday', weeks: 0, weekday: 1 }, '2016-11-23')).toEqual(['2016-11-23', '2016-11-28']);
    expect(resolvePeriod({ kind: 'until_weekday', weeks: 0, weekday: 5 }, '2016-11-23')).toEqual(['2016-11-23', '2016-11-25']);
    // 12月中旬 is the 11th to the 20th; 春节前 runs to the eve of the lunar new year (2017-01-28), and after it to the next.
    expect(resolvePeriod({ kind: 'month_part', month: { month: 12, year: { offset: 0 } }, part: 2 }, '2016-11-23')).toEqual(['2016-12-11', '2016-12-20']);
    expect(resolvePeriod({ kind: 'until_spring_festival' }, '2016-11-23')).toEqual(['2016-11-23', '2017-01-27']);
    expect(resolvePeriod({ kind: 'until_spring_festival' }, '2017-02-10')).toEqual(['2017-02-10', '2018-02-15']);
  });
});
