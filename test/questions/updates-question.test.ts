/**
 * How the updates-and-people family reads questions, against the seeds'
 * real unit names: the period, what is asked (tasks, units, the last
 * report, the units that did not report), the reporting unit or person, a
 * leader's name, a 催办 — and the questions it must leave to the other
 * families (a task that 没报过进度 is a state,
 * 本月到期 a deadline, 卫计局负责什么 a unit, 江门…负责什么 a place).
 */
import { periodDays } from '../../src/domain/questions/updates-answers.js';
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();
const parse = (text: string) => parseQuestion(text, directory) as ReturnType<typeof parseQuestion> & Record<string, unknown>;
const names = (ids: readonly number[]) => ids.map(nameOf).sort();

describe('updates questions', () => {
  it('reads the period, and whether tasks, units or the last report are asked', () => {
    expect(parse('本周有哪些更新')).toMatchObject({ kind: 'updates', ask: 'tasks', period: { name: 'this_week' }, status: null, reporters: [], person: null });
    expect(parse('上周谁报了进度')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'last_week' } });
    expect(parse('最近谁报了进度')).toMatchObject({ ask: 'units', period: { name: 'recent', days: 7 } });
    expect(parse('近3天哪些单位报了进度')).toMatchObject({ ask: 'units', period: { name: 'recent', days: 3 } });
    expect(parse('本月有哪些单位报了进度')).toMatchObject({ ask: 'units', period: { name: 'this_month' } });
    expect(parse('10月份有哪些任务办结了')).toMatchObject({ ask: 'tasks', period: { name: 'month', month: 10 }, status: 'done' });
    expect(parse('11月以来哪些任务办结了')).toMatchObject({ period: { name: 'since_month', month: 11 }, status: 'done' });
    expect(parse('上周五以来 哪些任务报了进度')).toMatchObject({ ask: 'tasks', period: { name: 'since_weekday', weekday: 5, weeks: -1 } });
    expect(parse('周一以来谁报了进度')).toMatchObject({ period: { name: 'since_weekday', weekday: 1, weeks: 0 } });
    expect(parse('这周有哪些任务申请办结')).toMatchObject({ period: { name: 'this_week' }, status: 'pending_review' });
    expect(parse('大前天有单位上报进度吗')).toMatchObject({ kind: 'updates', period: { name: 'three_days_ago' } });
    // The tasks asked of, said first by their state or when they fall due: the reports' scope, not a time question.
    expect(parse('到期了还没办完的那几件 这个月有反馈的是哪几件')).toMatchObject({ kind: 'updates', period: { name: 'this_month' }, scope: { status: 'overdue' } });
    expect(parse('12月份要交的事项里 这周有反馈进度的是哪几件')).toMatchObject({ kind: 'updates', period: { name: 'this_week' }, scope: { period: { kind: 'month_of_year', month: 12 } } });
    // Someone named first is who reported, not a scope.
    expect(parse('那个王晓燕 中山发展和改革局的 她报过的那几条 现在都啥情况')).toMatchObject({ kind: 'updates', person: '王晓燕', scope: null });
    // 报了办结 alone reports the work done; waiting on a review after it, it asks to close.
    expect(parse('十月份 报了办结的 有哪几件')).toMatchObject({ period: { name: 'month', month: 10 }, status: 'done' });
    expect(parse('这周报了办结等审核的有哪些')).toMatchObject({ period: { name: 'this_week' }, status: 'pending_review' });
    expect(parse('昨天谁报了进度')).toMatchObject({ ask: 'units', period: { name: 'yesterday' } });
    expect(parse('上上周谁报了进度')).toMatchObject({ ask: 'units', period: { name: 'week_before_last' } });
    expect(parse('近两周有哪些任务报了进度')).toMatchObject({ ask: 'tasks', period: { name: 'recent', days: 14 } });
    expect(parse('最近三个月谁报过进度')).toMatchObject({ ask: 'units', period: { name: 'recent', days: 90 } });
    const last = parse('临沂市财政局最近一次报进度是哪天');
    expect(last).toMatchObject({ kind: 'updates', ask: 'last_report', period: null });
    expect(names((last.reporters as { unitIds: number[] }[])[0]!.unitIds)).toEqual(['临沂市/市财政局']);
    expect(parse('市财政局什么时候报的进度')).toMatchObject({ kind: 'updates', ask: 'last_report' });
    expect(parse('市财政局多久没报进度了')).toMatchObject({ kind: 'updates', ask: 'last_report' });
    expect(parse('上周报进度的单位有哪些')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'last_week' } });
    // 新报 is reported, not a topic: the period is when it was reported, the state a filter on the tasks.
    expect(parse('那个上周嗯有没有临沂的单位报过进度啊')).toMatchObject({ ask: 'units', period: { name: 'last_week' }, scope: { places: ['临沂市'] } });
    expect(parse('请列出9月份以来报送过进度的临沂市单位')).toMatchObject({ ask: 'units', period: { name: 'since_month', month: 9 }, scope: { places: ['临沂市'] } });
    expect(parse('这个月中旬以来哪些单位报过进度')).toMatchObject({ ask: 'units', period: { name: 'this_month', from: 2 } });
    expect(parse('月初以来销号了几件')).toMatchObject({ kind: 'updates', period: { name: 'this_month' }, status: 'done' });
    expect(parse('上礼拜五到现在 一共报上来几项进度')).toMatchObject({ kind: 'updates', period: { name: 'since_weekday', weekday: 5, weeks: -1 } });
    expect(parse('国庆以后报过进度的单位有几家')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'since_day', month: 10, day: 1 } });
    expect(parse('10月1日以来 办结销号的事项都是哪些单位报的')).toMatchObject({ kind: 'updates', ask: 'units', status: 'done', period: { name: 'since_day', month: 10, day: 1 }, scope: { topic: null } });
    expect(parse('从9月15号起 谁报过进度')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'since_day', month: 9, day: 15 } });
    expect(parse('七月份那会儿有没有人报过进度啊 就是今年七月')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'month', month: 7 }, scope: null });
    expect(parse('8、9月份 报过进度的单位')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'month', month: 8, monthTo: 9 }, scope: null });
    expect(periodDays({ name: 'month', month: 8, monthTo: 9 }, '2016-11-23')).toMatchObject({ from: '2016-08-01', to: '2016-09-30' });
    expect(parse('十月下旬 谁报过进度')).toMatchObject({ ask: 'units', period: { name: 'month', month: 10, part: 3 } });
    expect(parse('10月中下旬 谁报过进度')).toMatchObject({ ask: 'units', period: { name: 'month', month: 10, part: 2, partTo: 3 } });
    expect(parse('16号以来 报了进度的任务有哪些')).toMatchObject({ ask: 'tasks', period: { name: 'since_date', day: 16 } });
    expect(parse('市财政局这个月报过几次进度')).toMatchObject({ ask: 'tasks', period: { name: 'this_month' }, countsReports: true });
    // The latest report itself: 最近 there names no period.
    expect(parse('最近一次报进度的是哪家单位')).toMatchObject({ ask: 'units', period: null, latestOnly: true });
    expect(parse('市财政局最近一次报的是哪件')).toMatchObject({ ask: 'tasks', period: null, latestOnly: true });
    expect(parse('我这边上回填进度是几号')).toMatchObject({ kind: 'updates', ask: 'last_report' });
    expect(parse('这周新报卡住的有吗')).toMatchObject({ kind: 'updates', ask: 'tasks', period: { name: 'this_week' }, scope: { status: 'blocked', topic: null } });
  });

  it('a unit is the one reporting; a place filters the tasks; a name is the person reporting', () => {
    const finance = parse('市财政局这周报了什么');
    expect(names((finance.reporters as { unitIds: number[] }[])[0]!.unitIds)).toEqual(['中山市/市财政局', '临沂市/市财政局', '江门市/市财政局']);
    expect(finance.scope).toBeNull();
    expect(parse('江门这周有什么进展')).toMatchObject({ ask: 'tasks', reporters: [], scope: { places: ['江门市'] } });
    expect(parse('张联络报了哪些进度')).toMatchObject({ kind: 'updates', ask: 'tasks', person: '张联络', period: null });
    expect(parse('王晓燕最后一次报进度是哪天')).toMatchObject({ kind: 'updates', ask: 'last_report', person: '王晓燕' });
    // A person said after the unit they work in, a particle after the name: the person reported, for that unit.
    const named = parse('临沂财政局周婷啊 她上个月报了几回');
    expect(named).toMatchObject({ kind: 'updates', person: '周婷', period: { name: 'last_month' }, countsReports: true, scope: null });
    expect(names((named.reporters as { unitIds: number[] }[])[0]!.unitIds)).toEqual(['临沂市/市财政局']);
    expect(parse('财政局的周婷最近报过进度没')).toMatchObject({ kind: 'updates', person: '周婷' });
    // A name like a unit's that names none is kept, to be said so.
    expect(parse('市宇航局这周报进度了吗')).toMatchObject({ kind: 'updates', reporters: [], unknownUnit: '市宇航局' });
  });

  it('units that did not report: the scope is the tasks’ place, plan or topic, the period the one they were silent in', () => {
    expect(parse('江门哪些单位没报过进度')).toMatchObject({ kind: 'updates', ask: 'silent', period: null, reporters: [], scope: { places: ['江门市'], status: null } });
    expect(parse('临沂还有哪些单位从没报过进度')).toMatchObject({ ask: 'silent', scope: { places: ['临沂市'] } });
    expect(parse('本周还有谁没填报进度')).toMatchObject({ ask: 'silent', period: { name: 'this_week' }, scope: null });
    expect(parse('扶贫相关的任务哪些部门一直没报进展')).toMatchObject({ ask: 'silent', scope: { topic: '扶贫' } });
    // How long a unit has been silent is its last report; a task never reported is a state.
    expect(parse('市财政局多久没报进度了')).toMatchObject({ ask: 'last_report' });
    expect(parse('哪些任务没报过进度').kind).toBe('tasks');
  });

  it('a person named: a leader or liaison, with the question kept as a search in case the name is a word', () => {
    expect(parse('张三负责什么')).toMatchObject({ kind: 'person', name: '张三' });
    expect(parse('李丹副市长分管哪些工作')).toMatchObject({ kind: 'person', name: '李丹' });
    expect(parse('高考负责什么')).toMatchObject({ kind: 'person', name: '高考', fallback: { kind: 'tasks', topic: '高考' } });
    // A unit named from the start is the unit, even where its first characters could be a name before 管 (安全监 + 管局).
    expect(parse('安全监管局负责什么')).toMatchObject({ kind: 'tasks', units: [{ text: '安全监管局' }] });
  });

  it('催一下: the units to chase, or what was written where a unit was expected', () => {
    const chase = parse('催一下市财政局');
    expect(chase.kind).toBe('chase');
    expect(names((chase.units as { unitIds: number[] }[])[0]!.unitIds)).toEqual(['中山市/市财政局', '临沂市/市财政局', '江门市/市财政局']);
    expect(names((parse('请帮我催一下中山市财政局报进度').units as { unitIds: number[] }[])[0]!.unitIds)).toEqual(['中山市/市财政局']);
    expect(parse('催一下月球开发署')).toMatchObject({ kind: 'chase', units: [], unknownUnit: '月球开发署' });
  });

  it('leaves other families’ questions alone', () => {
    for (const text of ['中山市财政局哪些任务没报过进度', '一个多月没更新进度的任务', '本月到期的任务有哪些', '这个月底前要完成的', '办结了的有哪些', '临沂完成了哪些', '市财政局负责什么', '卫计局负责什么', '江门网信统筹局负责什么', '市财政局的任务完成了多少', 'PPP项目谁负责', '催办件有哪些']) {
      expect(['updates', 'person', 'chase'], text).not.toContain(parse(text).kind);
    }
  });
});
