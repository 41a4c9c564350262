/**
 * Question understanding against the seeds' real unit names: at least 60
 * questions, each with the structured query it must give.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import type { Question, TaskQuery } from '../../src/domain/questions/question.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();

/** The parse with unit ids replaced by "city/name", sorted, for readable expectations. */
function understand(text: string): Record<string, unknown> {
  const question = parseQuestion(text, directory) as Question & Record<string, unknown>;
  if (question.kind !== 'tasks') return question;
  const { units, ...rest } = question;
  return { ...rest, units: units.map((unit) => ({ text: unit.text, fuzzy: unit.fuzzy, names: unit.unitIds.map(nameOf).sort() })) };
}

const ZS_FIN = '中山市/市财政局';
const LY_FIN = '临沂市/市财政局';
const JM_FIN = '江门市/市财政局';
const XH_FIN = '新会区/区财政局';
const tasks = (fields: Record<string, unknown>) => ({ kind: 'tasks', units: [], role: 'any', topic: null, status: null, plan: null, asksWho: false, page: 1, ...fields });
const unit = (text: string, names: string[], fuzzy = false) => ({ text, fuzzy, names: [...names].sort() });

const TABLE: [string, Record<string, unknown>][] = [
  // By unit: full names, short forms, abbreviations, traditional characters, typos.
  ['市财政局负责什么', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])] })],
  ['财政局负责什么', tasks({ units: [unit('财政局', [ZS_FIN, LY_FIN, JM_FIN, XH_FIN])] })],
  ['财政局牵头哪些任务', tasks({ units: [unit('财政局', [ZS_FIN, LY_FIN, JM_FIN, XH_FIN])], role: 'lead' })],
  ['發改局負責哪些', tasks({ units: [unit('发改局', ['中山市/市发展改革局', '临沂市/市发改委', '新会区/区发展改革局', '江门市/市发展改革局'])] })],
  ['市发改局有哪些任务没完成', tasks({ units: [unit('市发改局', ['中山市/市发展改革局', '临沂市/市发改委', '江门市/市发展改革局'])], status: 'unfinished' })],
  ['人社局今年要干什么', tasks({ units: [unit('人社局', ['中山市/市人力资源社会保障局', '临沂市/市人社局', '新会区/区人力资源社会保障局', '江门市/市人力资源社会保障局'])] })],
  ['财正局负责什么', tasks({ units: [unit('财正局', [ZS_FIN, LY_FIN, JM_FIN, XH_FIN], true)] })],
  ['区财政局的任务', tasks({ units: [unit('区财政局', [XH_FIN])] })],
  ['区发改局负责哪些', tasks({ units: [unit('区发改局', ['新会区/区发展改革局'])] })],
  ['区物价局有什么任务', tasks({ units: [unit('区物价局', ['新会区/区发展改革局'])] })],
  ['市法制局负责哪些工作', tasks({ units: [unit('市法制局', ['中山市/市法制局', '江门市/市法制局', '临沂市/市法制办'])] })],
  ['法制办的任务', tasks({ units: [unit('法制办', ['中山市/市法制局', '江门市/市法制局', '临沂市/市法制办', '新会区/区法制局'])] })],
  ['市政府办公室负责什么', tasks({ units: [unit('市政府办公室', ['中山市/市政府办公室', '临沂市/市政府办公室', '江门市/市府办公室'])] })],
  ['市府办有哪些任务', tasks({ units: [unit('市府办', ['中山市/市政府办公室', '临沂市/市政府办公室', '江门市/市府办公室'])] })],
  ['各镇区负责什么', tasks({ units: [unit('各镇区', ['中山市/各镇区'])] })],
  ['各县区政府要做什么', tasks({ units: [unit('各县区政府', ['临沂市/各县区政府'])] })],
  ['产业政策科负责哪些', tasks({ units: [unit('产业政策科', ['中山市/市经济和信息化局产业政策科'])] })],
  ['经信局信息中心的任务', tasks({ units: [unit('经信局', ['中山市/市经济和信息化局']), unit('信息中心', ['中山市/市经济和信息化局信息中心'])] })],
  ['市编办和市财政局的任务', tasks({ units: [unit('市编办', ['中山市/市编委办', '临沂市/市编办', '江门市/市编办']), unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])] })],
  ['环保局配合哪些任务', tasks({ units: [unit('环保局', ['中山市/市环境保护局', '临沂市/市环保局', '新会区/区环保局'])], role: 'cooperating' })],
  ['市扶贫办参与了哪些', tasks({ units: [unit('市扶贫办', ['中山市/市扶贫办', '临沂市/市扶贫开发领导小组办公室', '江门市/市农业局'])] })],
  // 中山's education bureau is its 市教育和体育局 (seeds/unit-synonyms.txt), so 教育局 is every place's.
  ['教育局有什么任务', tasks({ units: [unit('教育局', ['中山市/市教育和体育局', '临沂市/市教育局', '新会区/区教育局'])] })],
  ['卫计委负责什么', tasks({ units: [unit('卫计委', ['中山市/市卫生和计划生育局', '临沂市/市卫计委', '新会区/区卫生计生局'])] })],
  ['市国税局的任务有哪些', tasks({ units: [unit('市国税局', ['中山市/市国税局', '临沂市/市国税局'])] })],
  ['区委区府办公室负责哪些', tasks({ units: [unit('区委区府办公室', ['新会区/区委区府办公室'])] })],
  ['审计局牵头的', tasks({ units: [unit('审计局', ['中山市/市审计局', '临沂市/市审计局', '新会区/区审计局'])], role: 'lead' })],
  // A unit named with its place: that place's unit only; a place on its own filters by whose plans they are.
  ['中山市财政局负责什么', tasks({ units: [unit('中山市财政局', [ZS_FIN])] })],
  ['江门市财政局负责什么', tasks({ units: [unit('江门市财政局', [JM_FIN])] })],
  ['新会区财政局有哪些任务', tasks({ units: [unit('新会区财政局', [XH_FIN])] })],
  ['江门的法制局负责什么', tasks({ units: [unit('江门的法制局', ['江门市/市法制局'])] })],
  ['中山市 市财政局逾期的任务', tasks({ units: [unit('中山市 市财政局', [ZS_FIN])], status: 'overdue' })],
  ['广州市财政局负责什么', tasks({ units: [unit('广州市财政局', [])] })],
  ['中山哪些任务逾期了', tasks({ places: ['中山市'], status: 'overdue' })],
  // How chat says "whose" and "what" is no topic (名下, 手头, 都干些什么, 列一下); a name that opens with its own place is found without it.
  ['江门市财政局名下的任务都列一下', tasks({ units: [unit('江门市财政局', [JM_FIN])] })],
  ['中山的财政局手头都干些什么', tasks({ units: [unit('中山的财政局', [ZS_FIN])] })],
  ['国土资源分局有哪些任务', tasks({ units: [unit('国土资源分局', ['新会区/新会国土资源分局'])] })],
  // Greetings and thanks are manners, not topics; 哪几条 asks which; a bureau's section is named with the bureau before it.
  ['你好，江门市财政局有哪几条任务 谢谢', tasks({ units: [unit('江门市财政局', [JM_FIN])] })],
  ['经信局电力科有哪几项', tasks({ units: [unit('经信局电力科', ['中山市/市经济和信息化局电力科'])] })],
  // Two states at once, the second asked among the first's tasks.
  ['逾期的里头 卡着的有哪几条', tasks({ status: 'blocked', andStatus: 'overdue' })],
  ['超期未完成的', tasks({ status: 'overdue' })],
  ['江门的扶贫任务', tasks({ places: ['江门市'], topic: '扶贫' })],
  ['在临沂有哪些逾期的', tasks({ places: ['临沂市'], status: 'overdue' })],
  ['中山和江门逾期的任务', tasks({ places: ['中山市', '江门市'], status: 'overdue' })],
  // By topic, and who leads it.
  ['PPP项目谁负责', tasks({ topic: 'PPP项目', asksWho: true })],
  ['扶贫相关的任务有哪些', tasks({ topic: '扶贫' })],
  ['预决算公开由哪个部门牵头', tasks({ topic: '预决算公开', role: 'lead', asksWho: true })],
  ['政务舆情回应谁牵头', tasks({ topic: '政务舆情回应', role: 'lead', asksWho: true })],
  // The verb of asking who is not the topic: 归谁管, 谁来建, 哪个部门在推.
  ['12345热线归谁管', tasks({ topic: '12345热线', asksWho: true })],
  ['行政执法信息平台谁来建', tasks({ topic: '行政执法信息平台', asksWho: true })],
  ['网上办事大厅手机版是哪个部门在推', tasks({ topic: '网上办事大厅手机版', asksWho: true })],
  ['关于政府网站的任务', tasks({ topic: '政府网站' })],
  ['减税降费', tasks({ topic: '减税降费' })],
  ['重大决策预公开是哪个部门负责', tasks({ topic: '重大决策预公开', asksWho: true })],
  ['市财政局负责的PPP任务', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])], topic: 'PPP' })],
  ['PPP那一项进展如何', tasks({ topic: 'PPP' })],
  ['双随机一公开有什么要求', tasks({ topic: '双随机一公开' })],
  // By time and status, alone and with a unit or topic.
  ['哪些任务逾期了', tasks({ status: 'overdue' })],
  ['逾期的任务', tasks({ status: 'overdue' })],
  ['这个月到期的任务', tasks({ period: { kind: 'month', offset: 0 } })],
  ['本周要完成哪些', tasks({ period: { kind: 'week', offset: 0 } })],
  ['下下周到期的', tasks({ period: { kind: 'week', offset: 2 } })],
  ['下个月到期的有哪些', tasks({ period: { kind: 'month', offset: 1 } })],
  ['年底前要完成的', tasks({ period: { kind: 'year', year: { offset: 0 } } })],
  ['2016年7月底前要完成的', tasks({ period: { kind: 'month_of_year', month: 7, year: { fixed: 2016 } } })],
  ['明年一季度到期的有哪些', tasks({ period: { kind: 'quarter', quarter: 1, year: { offset: 1 } } })],
  ['两周内到期的任务', tasks({ period: { kind: 'within', days: 14 } })],
  ['本季度到期的任务', tasks({ period: { kind: 'this_quarter', offset: 0 } })],
  // Words that only look like times or "our bureau": 3月内 is March, 上周密部署 and 本周期 name no week, 本科生 is no unit.
  ['3月内到期的任务', tasks({ period: { kind: 'month_of_year', month: 3, year: { offset: 0 } } })],
  ['上周密部署的任务', tasks({ topic: '上周密部署' })],
  ['本科生就业相关任务', tasks({ topic: '本科生就业' })],
  ['快到期的有哪些', tasks({ period: { kind: 'within', days: 14 } })],
  ['月底前要完成的', tasks({ period: { kind: 'month', offset: 0 } })],
  ['哪些任务待验收', tasks({ status: 'pending_review' })],
  ['已经销号的任务', tasks({ status: 'done' })],
  ['受阻的任务有哪些', tasks({ status: 'blocked' })],
  ['等着审核办结的有哪些', tasks({ status: 'pending_review' })],
  ['一个多月没更新进度的任务', tasks({ status: 'stalled' })],
  // The same states as 督查通报 and chat say them.
  ['超过30天没报进度的', tasks({ status: 'stalled' })],
  ['卡着的任务有哪些', tasks({ status: 'blocked' })],
  ['需要我审核的任务', tasks({ status: 'pending_review' })],
  ['哪些事项申请销号了', tasks({ status: 'pending_review' })],
  ['正在办理的事项', tasks({ status: 'in_progress' })],
  ['办理中的任务', tasks({ status: 'in_progress' })],
  ['做完了的有哪些', tasks({ status: 'done' })],
  ['已完结的任务有哪些', tasks({ status: 'done' })],
  ['还在推进的任务有哪些', tasks({ status: 'in_progress' })],
  ['进度在一半以下的任务', tasks({ status: 'below_half' })],
  // Asking who does it is no state: 谁在做 is not 进行中.
  ['双公示是谁在做', tasks({ topic: '双公示', asksWho: true })],
  ['已经过了期限还没完成的任务', tasks({ status: 'overdue' })],
  ['市财政局还有哪些没开始的', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])], status: 'not_started' })],
  ['临沂完成了哪些', tasks({ places: ['临沂市'], status: 'done' })],
  ['进度不到一半的', tasks({ status: 'below_half' })],
  ['进度低于50%的任务', tasks({ status: 'below_half' })],
  ['没有更新过进度的', tasks({ status: 'no_progress' })],
  ['哪些任务还没汇报进展', tasks({ status: 'no_progress' })],
  ['已经完成的任务', tasks({ status: 'done' })],
  ['市财政局逾期的任务', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])], status: 'overdue' })],
  ['扶贫方面有哪些没完成', tasks({ topic: '扶贫', status: 'unfinished' })],
  ['超期未完成的牵头任务', tasks({ status: 'overdue', role: 'lead' })],
  // By task.
  ['任务 #123', { kind: 'task', id: 123, key: null, plan: null }],
  ['#45', { kind: 'task', id: 45, key: null, plan: null }],
  ['任务12号', { kind: 'task', id: 12, key: null, plan: null }],
  ['第10项的第3条是什么', { kind: 'task', id: null, key: '10.3', plan: null }],
  ['第十项第三条讲的什么', { kind: 'task', id: null, key: '10.3', plan: null }],
  // A polite opening is no plan; 是啥 / 如何 ask about the item as 是什么 does.
  ['麻烦查下第10项第5条', { kind: 'task', id: null, key: '10.5', plan: null }],
  ['中山方案10项第3条进展如何', { kind: 'task', id: null, key: '10.3', plan: '中山' }],
  ['临沂要点第19项是啥', { kind: 'task', id: null, key: '19', plan: '临沂' }],
  ['江门的第二十六项进展如何', { kind: 'task', id: null, key: '26', plan: '江门' }],
  ['第8项是什么内容', { kind: 'task', id: null, key: '8', plan: null }],
  // Asked when one task is due, or whether it is someone's: still the task, the first said as what is asked.
  ['中山26项第2条啥时候到期', { kind: 'task', id: null, key: '26.2', plan: '中山', asks: 'deadline' }],
  ['江门方案第12项 是不是我们局的', { kind: 'task', id: null, key: '12', plan: '江门' }],
  // A bureau by its stem, alone or after its place, where the stem stands alone; a state said in a few words.
  ['财政 还有哪些没完的', tasks({ units: [unit('财政', [ZS_FIN, LY_FIN, JM_FIN, XH_FIN])], status: 'unfinished' })],
  ['江门财政 没动的有哪些', tasks({ units: [unit('江门财政', [JM_FIN])], status: 'not_started' })],
  ['财政预决算公开谁负责', tasks({ topic: '财政预决算公开', asksWho: true })],
  ['临沂财正局负责什么', tasks({ units: [unit('临沂财正局', [LY_FIN], true)] })],
  ['报了完成还在等批的有哪些', tasks({ status: 'pending_review' })],
  ['下周一之前有要交的吗', tasks({ period: { kind: 'until_weekday', weeks: 1, weekday: 1 } })],
  // Long, formal or dictated: the request's verbs, fillers of speech and why it is asked are not what is asked.
  ['烦请提供中山市财政局牵头事项清单', tasks({ units: [unit('中山市财政局', [ZS_FIN])], role: 'lead' })],
  ['嗯那个你帮我看一下江门市财政局那边现在正在办的是哪几项', tasks({ units: [unit('江门市财政局', [JM_FIN])], status: 'in_progress' })],
  ['明天开会要用，帮我把临沂市财政局还没办结的事项拉一下', tasks({ units: [unit('临沂市财政局', [LY_FIN])], status: 'unfinished' })],
  ['请列出截至目前临沂市尚未办结的任务', tasks({ places: ['临沂市'], status: 'unfinished' })],
  ['市财政局作为牵头单位、目前仍在办理中的事项有哪些', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])], role: 'lead', status: 'in_progress' })],
  ['新闻发布会这块儿是谁在负责', tasks({ topic: '新闻发布会', asksWho: true })],
  ['临沂要点17项的具体内容是什么', { kind: 'task', id: null, key: '17', plan: '临沂' }],
  ['领导问新会要点第六十四项是哪几个部门负责，帮忙查一下', { kind: 'task', id: null, key: '64', plan: '新会' }],
  ['呃那个市场监管局嗯手上有没有任务啊', tasks({ units: [unit('市场监管局', [])] })],
  // What a group chat adds: the bot's name, faces drawn with emoji or symbols, full-width digits.
  ['@督办助手 中山市财政局负责什么😅', tasks({ units: [unit('中山市财政局', [ZS_FIN])] })],
  ['小督，临沂市财政局逾期的有哪些(╯°□°)╯', tasks({ units: [unit('临沂市财政局', [LY_FIN])], status: 'overdue' })],
  ['@督办助手 临沂要点第１４项归哪个单位', { kind: 'task', id: null, key: '14', plan: '临沂' }],
  // A plan pointed at by its year and a "that": the place and kind name it, the year is no period.
  ['新会2018年那份分工方案里区财政局牵头的有哪些', tasks({ units: [unit('区财政局', [XH_FIN])], role: 'lead', plan: '新会' })],
  // A liaison standing for their bureau: the units are theirs, found when answered.
  ['陈志强他们财政局有没有卡着的', tasks({ units: [unit('陈志强他们财政局', [ZS_FIN, LY_FIN, JM_FIN, XH_FIN])], status: 'blocked' })],
  // Plans.
  ['有哪些分工方案', { kind: 'plans', page: 1 }],
  ['有哪些方案', { kind: 'plans', page: 1 }],
  ['在临沂的要点里市财政局负责什么', tasks({ units: [unit('市财政局', [ZS_FIN, LY_FIN, JM_FIN])], plan: '临沂' })],
  ['中山的分工方案中扶贫的任务', tasks({ topic: '扶贫', plan: '中山' })],
  // Follow-ups.
  ['还有呢', { kind: 'follow_up', action: 'next_page', index: null }],
  ['下一页', { kind: 'follow_up', action: 'next_page', index: null }],
  ['上一页', { kind: 'follow_up', action: 'previous_page', index: null }],
  ['只看牵头的', { kind: 'follow_up', action: 'only_lead', index: null }],
  ['详细说说第2个', { kind: 'follow_up', action: 'detail', index: 2 }],
  ['第三个的详情', { kind: 'follow_up', action: 'detail', index: 3 }],
  // Greetings, thanks, and what it cannot answer.
  ['你好', { kind: 'smalltalk', topic: 'greeting' }],
  ['您好！', { kind: 'smalltalk', topic: 'greeting' }],
  ['你能做什么', { kind: 'smalltalk', topic: 'greeting' }],
  ['怎么用', { kind: 'smalltalk', topic: 'greeting' }],
  ['谢谢', { kind: 'smalltalk', topic: 'thanks' }],
  ['辛苦了', { kind: 'smalltalk', topic: 'thanks' }],
  ['？', { kind: 'unknown' }],
  ['有什么', { kind: 'unknown' }],
];

describe('question understanding', () => {
  it(`has a table of at least 60 questions (${TABLE.length})`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });
  it.each(TABLE)('%s', (text, expected) => {
    expect(understand(text)).toEqual(expected);
  });
  it('what a reviewer found misread: a bureau or period after a request verb, places and words taken for people or bureaus, a year that is a filter, a state inside a word', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect((parsed('统计局有哪些任务').units as { text: string }[]).map((mention) => mention.text)).toEqual(['统计局']);
    expect(parsed('查下个月到期的任务')).toMatchObject({ kind: 'tasks', period: { kind: 'month', offset: 1 } });
    expect((parsed('黄圃那边的任务').units as { person?: string }[]).some((mention) => mention.person)).toBe(false);
    expect(parsed('督查室那边还有哪些没完成')).not.toMatchObject({ units: [{ person: expect.anything() }] });
    expect(parsed('构建新发展格局的任务')).toMatchObject({ units: [], topic: '构建新发展格局' });
    expect(parsed('2018年计划完成的任务有多少')).toMatchObject({ kind: 'stats', filter: { period: { kind: 'year', year: { fixed: 2018 } } } });
    expect(parsed('上周五以前到期的任务')).not.toMatchObject({ period: { kind: 'until_weekday' } });
    expect(parsed('哪个任务拖得最久').kind).not.toBe('stats');
    expect(parsed('没动迁的任务')).not.toMatchObject({ status: 'not_started' });
    expect(parsed('中山第3项截止到目前进展如何')).not.toHaveProperty('asks');
    expect(parsed('城市 有哪些任务')).toMatchObject({ units: [] });
  });

  it('time as offices say it: 这两周 is the next two weeks, 季度末 the quarter; among a period’s tasks (到期的里头) the state filters them; 没交 is unfinished; 月初以来 and 上个月以来 date reports', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('这两周有啥要到期的不')).toMatchObject({ period: { kind: 'within', days: 14 } });
    expect(parsed('食药监局季度末之前还有哪些要交')).toMatchObject({ period: { kind: 'this_quarter', offset: 0 }, topic: null });
    expect(parsed('年底前到期的里头 卡住的有哪些')).toMatchObject({ period: { kind: 'year' }, status: 'blocked', topic: null });
    expect(parsed('已办结的中山任务有哪些')).toMatchObject({ places: ['中山市'], status: 'done' });
    expect(parsed('月底前还有哪些没交')).toMatchObject({ period: { kind: 'month', offset: 0 }, status: 'unfinished' });
    expect(parsed('上个月以来 谁报过卡住')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'since_last_month' } });
    expect(parsed('月初以来哪些单位报过进度')).toMatchObject({ kind: 'updates', period: { name: 'this_month' } });
    // 那几条 points at some tasks; it asks no count.
    expect(parsed('“第一解读人”那几条是谁在牵头')).toMatchObject({ kind: 'tasks', topic: '第一解读人', role: 'lead', asksWho: true });
  });

  it('a person standing for their bureau is kept with the mention, to be answered by whose liaison they are; a place is never taken for a person', () => {
    const named = parseQuestion('陈志强他们住建局有没有卡着的', directory) as Extract<Question, { kind: 'tasks' }>;
    expect(named.units.map((mention) => mention.person)).toEqual(['陈志强']);
    const alone = parseQuestion('梁静她们局跟投诉有关的是哪项', directory) as Extract<Question, { kind: 'tasks' }>;
    expect(alone.units).toMatchObject([{ person: '梁静', unitIds: [] }]);
    expect(alone.topic).toBe('投诉');
    const place = parseQuestion('江门那边财政局还有哪些没动', directory) as Extract<Question, { kind: 'tasks' }>;
    expect(place.units.map((mention) => mention.person)).toEqual([undefined]);
  });

  it('a topic said around its word (跟网站有关的, 考核结果公开那条) is the word; 一点没动 is not started, 一点 no topic; a place after 跟 names its unit', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('中山发改局 跟网站有关的是哪几件')).toMatchObject({ topic: '网站' });
    expect(parsed('中山财政局 考核结果公开那条是哪个')).toMatchObject({ topic: '考核结果公开' });
    expect(parsed('中山住建局牵头的活 到现在还有几件一点没动')).toMatchObject({ kind: 'stats', filter: { status: 'not_started', topic: null } });
    expect(parsed('中山审计局跟中山住建局 卡着的有哪些')).toMatchObject({ units: [{ text: '中山审计局' }, { text: '中山住建局', place: '中山市' }], topic: null });
  });

  it('a unit’s part where it does not lead (不是牵头、只是负责); among some tasks, those reported on (报过进度的); a few tasks’ progress asked (几件 进度分别到哪了) is their list; a list of stems after a place (中山住建、扶贫、审计三家), not of topics (扶贫、教育相关的)', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('新会区委宣传部 不是牵头、只是负责的是哪几项')).toMatchObject({ kind: 'tasks', role: 'responsible', topic: null });
    expect(parsed('逾期的里头 报过进度的是哪几件')).toMatchObject({ kind: 'tasks', status: 'overdue', andStatus: 'reported', topic: null });
    expect(parsed('逾期的里头 没报过进度的是哪几件')).toMatchObject({ kind: 'tasks', status: 'overdue', andStatus: 'no_progress' });
    expect(parsed('中山政府办正在办的几件 进度分别到哪了')).toMatchObject({ kind: 'tasks', status: 'in_progress', topic: null });
    expect(parsed('中山住建、扶贫、审计 有哪些逾期')).toMatchObject({ units: [{ text: '中山住建', place: '中山市' }, { text: '扶贫', place: '中山市' }, { text: '审计', place: '中山市' }], topic: null });
    expect(parsed('扶贫、教育相关的任务有哪些')).toMatchObject({ units: [], topic: '扶贫 教育' });
    // Why it is asked, said before a colon (要在工作群催一下：), is not a request to chase: the question is who has not reported.
    expect(parsed('要在工作群催一下：中山住建、扶贫、审计三家 这礼拜谁还没报进度')).toMatchObject({ kind: 'updates', ask: 'silent', scope: { units: [{ text: '中山住建' }, { text: '扶贫' }, { text: '审计' }], topic: null } });
  });

  it('two states asked together (卡着的和等审核的) are either; 各管哪几件 is no topic; why it is asked before a colon (领导马上要：) is no topic', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('卡着的和等审核的 有哪些')).toMatchObject({ kind: 'tasks', status: 'blocked', orStatus: 'pending_review', topic: null });
    expect(parsed('逾期的里头 卡着的')).not.toHaveProperty('orStatus');
    expect(parsed('市政务办和市行政服务中心 各管哪几件，列一下')).toMatchObject({ kind: 'tasks', topic: null });
    expect(parsed('领导马上要：国资委和知识产权局 年底前要交的一共几件')).toMatchObject({ kind: 'stats', filter: { topic: null, period: { kind: 'year' } } });
  });

  it('a lookup said with what the item is about around it (十九之五 跟踪审计那条 调出来, 第20项第3条 食药监那条调一下); the meeting or bulletin a question is for, said first (周一例会前先点一下, 这期通报要点), is no topic', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('中山方案十九之五 跟踪审计那条 调出来')).toMatchObject({ kind: 'task', key: '19.5', plan: '中山' });
    expect(parsed('临沂要点第20项第3条 食药监那条调一下')).toMatchObject({ kind: 'task', key: '20.3', plan: '临沂' });
    // Typed as a search: a place and the item's number alone.
    expect(parsed('新会 41项')).toMatchObject({ kind: 'task', key: '41', plan: '新会' });
    // A dotted item after the plan said with 里头 (经信局分工里头的2.1.2).
    expect(parsed('那个经信局分工里头的2.1.2 就是在线访谈新闻发布会那条 调出来我看一下')).toMatchObject({ kind: 'task', key: '2.1.2', plan: '经信局' });
    expect(parsed('周一例会前先点一下中山政府办：年底前到期、尚未完成的还剩几件')).toMatchObject({ kind: 'stats', filter: { units: [{ text: '中山政府办' }], topic: null } });
    expect(parsed('这期通报要点江门网信统筹局，它名下尚未启动的事项有多少项')).toMatchObject({ kind: 'stats', filter: { units: [{ text: '江门网信统筹局' }], topic: null, plan: null } });
  });

  it('the rest of this month (这个月剩下这几天) is a period to its end; counted words after a unit (中山住建五件活里, 那十几件, 一次进度没报) are no topic', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('这个月剩下这几天 还有哪些到期没办结的')).toMatchObject({ kind: 'tasks', period: { kind: 'until_part', month: { offset: 0 }, part: 3 }, topic: null });
    expect(parsed('中山住建五件活里 报过进度的占几成')).toMatchObject({ kind: 'stats', measure: 'share', filter: { units: [{ text: '中山住建' }], status: 'reported', topic: null } });
    expect(parsed('江门市府办那十几件 完成率现在到多少了')).toMatchObject({ kind: 'stats', measure: 'rate', filter: { topic: null } });
    expect(parsed('中山卫计局、食药监局、旅游局 这个月谁还一次进度没报')).toMatchObject({ kind: 'updates', ask: 'silent', scope: { topic: null } });
  });

  it('the paperwork a question is for, said first (倒排工期：, 对照台账梳理一下，, 督办单上要填完成时限，, 列入本期督办单的), is no topic nor plan', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('倒排工期：江门市行政服务中心明年下半年到期的事项有哪些，请列出')).toMatchObject({ kind: 'tasks', units: [{ text: '江门市行政服务中心' }], period: { kind: 'half', half: 2 }, topic: null });
    expect(parsed('对照台账梳理一下，江门市府办2018年到期的事项有哪几项')).toMatchObject({ kind: 'tasks', units: [{ text: '江门市府办' }], topic: null });
    expect(parsed('督办单上要填完成时限，中山方案第19项第4条的截止日是哪天')).toMatchObject({ kind: 'task', key: '19.4', plan: '中山', asks: 'deadline' });
    expect(parsed('写月报：中山这边正在办理中的事项共几件')).toMatchObject({ kind: 'stats', filter: { places: ['中山市'], status: 'in_progress', topic: null } });
    expect(parsed('列入本期督办单的 中山方案第十六项第四条 环评公众参与那条，现在谁在跟')).toMatchObject({ kind: 'task', key: '16.4', plan: '中山' });
    expect(parsed('领导批示要对超期事项逐件过堂：超期未办结的几件里，还处于办理中状态的是哪件')).toMatchObject({ kind: 'tasks', status: 'overdue', andStatus: 'in_progress', topic: null });
    // A clause without paperwork before the colon is still the question's (财政局：…).
    expect(parsed('中山财政局：哪些逾期了')).toMatchObject({ kind: 'tasks', units: [{ text: '中山财政局' }], status: 'overdue' });
    // What the answer is for, said last, and where in the paperwork a figure stands: no topic.
    expect(parsed('超过一个月没更新进度的事项 涉及哪几家单位 要发督办函')).toMatchObject({ kind: 'stats', measure: 'units', filter: { status: 'stalled', topic: null } });
    expect(parsed('中山逾期的有哪些，准备写通报')).toMatchObject({ kind: 'tasks', status: 'overdue', topic: null });
    expect(parsed('中山审计局正在办理中的那件 台账上进度报到多少了')).toMatchObject({ kind: 'tasks', status: 'in_progress', topic: null });
  });

  it('其他几件 / 另外几项 point at the rest, asking for them, not how many (临沂财政局的活，除了卡住那件，其他几件都列出来)', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('临沂财政局的活，除了卡住那件，其他几件都列出来')).toMatchObject({ kind: 'tasks', units: [{ text: '临沂财政局' }], topic: null, except: { status: 'blocked' } });
    expect(parsed('还剩下几件没完成')).toMatchObject({ kind: 'stats', measure: 'count' });
  });

  it('two states said one after the other with 且 / 并且 / 而且 are both asked (进展滞后、且至今未报送过任何进度的)', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('进展滞后、且至今未报送过任何进度的事项是哪件')).toMatchObject({ kind: 'tasks', status: 'overdue', andStatus: 'no_progress', topic: null });
    expect(parsed('逾期并且卡着的')).toMatchObject({ kind: 'tasks', status: 'blocked', andStatus: 'overdue', topic: null });
  });

  it('tasks done every year (每年都要实施的, 年年都要搞的) are the plans’ 每年实施 ones; units 同为牵头 lead each of them', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('江门每年都要实施的那几项里，目前正在办理的是哪项')).toMatchObject({ kind: 'tasks', places: ['江门市'], recurs: 'yearly', status: 'in_progress', topic: null });
    expect(parsed('年年都要搞的工作有哪些')).toMatchObject({ kind: 'tasks', recurs: 'yearly', topic: null });
    expect(parsed('新会区编办和区行政服务中心 同为牵头单位的是哪几项')).toMatchObject({ kind: 'tasks', allUnits: true, role: 'lead', topic: null });
  });

  it('places run together or joined by 还有 are each a place (中山临沂江门新会的都算 sums them); 他们 / 他俩 / 那种 are no topic; 没起动 is 没启动', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('扶贫办的活全部加起来一共多少条啊 中山临沂江门新会的都算')).toMatchObject({ kind: 'stats', measure: 'count', groupBy: 'none', filter: { places: ['中山市', '临沂市', '江门市', '新会区'], topic: null } });
    expect(parsed('临沂还有江门那边 申请销号等着我审的 是哪几件')).toMatchObject({ kind: 'tasks', places: ['临沂市', '江门市'], status: 'pending_review', topic: null });
    expect(parsed('那个临沂财政局啊 他们现在有没有卡着的 就是受阻那种')).toMatchObject({ kind: 'tasks', status: 'blocked', topic: null });
    expect(parsed('中山的国税局跟地税局 他俩各自都管的啥')).toMatchObject({ kind: 'tasks', topic: null });
    // The place said once is the later unit's too: 中山's 地税局, not 临沂's.
    expect((parsed('中山的国税局跟地税局 他俩各自都管的啥') as TaskQuery).units.map((unit) => unit.unitIds.map(nameOf))).toEqual([['中山市/市国税局'], ['中山市/市地税局']]);
    expect(parsed('旅游局 没起动的')).toMatchObject({ kind: 'tasks', status: 'not_started', topic: null });
    // Two places compared stay compared.
    expect(parsed('中山和江门的完成率')).toMatchObject({ kind: 'stats', groupBy: 'place' });
  });

  it('exclude and combine: 排除 / 不算 a part (a yearly one too); 既…又… both states; 办结的和申请办结的 either; 一共是哪些 and 剩下几件都列一下 ask the list', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('超期的那几件里 排除已经申请办结的 还剩哪几件')).toMatchObject({ kind: 'tasks', status: 'overdue', topic: null, except: { status: 'pending_review' } });
    expect(parsed('江门本月或者下月到期的 不算每年都要实施的那几件 还有哪些没办完')).toMatchObject({ kind: 'tasks', period: { kind: 'month', offset: 0 }, orPeriod: { kind: 'month', offset: 1 }, topic: null, except: { recurs: 'yearly' } });
    expect(parsed('中山财政局 既在办理中、进度又还不到一半的是哪件')).toMatchObject({ kind: 'tasks', status: 'below_half', andStatus: 'in_progress' });
    expect(parsed('不算办结的和申请办结的 剩下几件都列一下')).toMatchObject({ kind: 'tasks', except: { status: 'pending_review', orStatus: 'done' } });
    expect(parsed('全部事项里 逾期或者受阻的占比多少')).toMatchObject({ kind: 'stats', measure: 'share', filter: { status: 'blocked', orStatus: 'overdue' } });
    expect(parsed('逾期的或者卡着的 一共是哪些事项')).toMatchObject({ kind: 'tasks', status: 'blocked', orStatus: 'overdue', topic: null });
    expect(parsed('临沂财政局或者发改委牵头的事项 帮我一并列出来')).toMatchObject({ kind: 'tasks', role: 'lead', topic: null });
    // Two units' work added together (A的活加上B的活): both units, 加上 no topic.
    expect(parsed('江门编办的活加上行政服务中心的活 里头正在办的或者等审核的 是哪几件')).toMatchObject({ kind: 'tasks', topic: null, status: 'pending_review', orStatus: 'in_progress' });
    expect(parsed('我们局2018年和2020年到期的 都列一下')).toMatchObject({ period: { kind: 'year', year: { fixed: 2018 } }, orPeriod: { kind: 'year', year: { fixed: 2020 } }, topic: null });
    // Two people either of whom reported; 报的是 asks what they reported; 要交的是 stays a deadline.
    expect(parsed('王晓燕或者周婷 这个月报的是哪几件')).toMatchObject({ kind: 'updates', person: '王晓燕', alsoPeople: ['周婷'], period: { name: 'this_month' } });
    expect(parsed('这周要交的是哪几件')).toMatchObject({ kind: 'tasks', period: { kind: 'week', offset: 0 } });
    // The rest of them, each (其余几件分别…), and which ones by 家 (哪几家单位): how one asks, never a topic.
    expect(parsed('临沂财政局名下的事项 去掉办结的 其余几件分别什么情况')).toMatchObject({ kind: 'tasks', topic: null, except: { status: 'done' } });
    expect(parsed('江门 受阻的是哪几家单位牵头的')).toMatchObject({ topic: null });
  });

  it('before a meeting: the meeting and what the asker will do this week are no topic and no deadline; 报到一半及以上 is a bound; the tasks falling due first', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('周例会前过一下临沂财政局：进度报到一半及以上、还没办结的是哪几件')).toMatchObject({ kind: 'tasks', topic: null, status: 'unfinished', progress: { op: 'ge', percent: 50 } });
    expect(parsed('财政局进度还不到三成的是哪几件 这周得推一推')).toMatchObject({ kind: 'tasks', topic: null, progress: { op: 'lt', percent: 30 } });
    expect(parsed('财政局进度还不到三成的是哪几件 这周得推一推')).not.toHaveProperty('period');
    expect(parsed('发改局这周要冲一冲的：进度到六成及以上的是哪几件')).not.toHaveProperty('period');
    expect(parsed('周例会要过一下 #205 那条 报到几成了')).not.toMatchObject({ kind: 'stats' });
    expect(parsed('没办结的里头 接下来最先要到期的是哪件')).toMatchObject({ kind: 'tasks', topic: null, soonest: true });
    expect(parsed('下周调度会要点江门发改局 它下一件要交的是哪件')).toMatchObject({ kind: 'tasks', soonest: true });
    expect(parsed('下一个截止日是几号')).toMatchObject({ kind: 'tasks', topic: null, soonest: true });
    expect(parsed('元旦过后 头一件到期的是哪件')).toMatchObject({ kind: 'tasks', topic: null, soonest: true, period: { kind: 'after_holiday', holiday: 'new_year' } });
    // 需要协调的 is blocked, 等着销号 awaits review; two states no task is in at once, listed, are either; 等着审核办结 stays one.
    expect(parsed('会前帮我把中山住建局 卡着要协调的、报了办结等销号的 都列一下')).toMatchObject({ kind: 'tasks', topic: null, status: 'blocked', orStatus: 'pending_review' });
    expect(parsed('信用相关的事项里 已经报了办结、等着销号的是哪几件')).toMatchObject({ kind: 'tasks', topic: '信用', status: 'pending_review' });
    expect(parsed('需要协调的 就是卡着的那几件里 进度还不到一半的是哪些')).toMatchObject({ kind: 'tasks', topic: null, status: 'blocked', andStatus: 'below_half' });
    expect(parsed('等着审核办结的有哪些')).not.toHaveProperty('orStatus');
    // Past half among others (那几件里 … 过半的); a plan named after what was said before it, apart.
    expect(parsed('超过一个月没更新的那几件里 有进度已经过半的吗')).toMatchObject({ kind: 'tasks', status: 'stalled', andStatus: 'above_half' });
    expect(parsed('调度会上要协调的 中山方案第6项 负面清单那件 卡在哪了')).toMatchObject({ kind: 'task', key: '6', plan: '中山' });
    expect(parsed('申请销号的那几件里 哪件报上来最早、等得最久')).toMatchObject({ kind: 'tasks', topic: null, status: 'pending_review', waitedLongest: true });
    // Who reported on a numbered item is the updates family's, about that item; who is in charge of it stays a lookup.
    expect(parsed('中山方案第8项 PPP那件 这周是谁报的进度')).toMatchObject({ kind: 'updates', ask: 'units', period: { name: 'this_week' }, item: { key: '8' }, scope: { plan: '中山' } });
    expect(parsed('这周中山方案第8项谁报的进度')).toMatchObject({ kind: 'updates', period: { name: 'this_week' }, item: { key: '8' }, scope: { plan: '中山' } });
    expect(parsed('中山方案第8项谁负责')).toMatchObject({ kind: 'task', key: '8', plan: '中山' });
    // The ledger's words: 挂着 / 挂账 is not closed, 打头 leads, 对账 and 逐项过一遍 are how one goes through it.
    expect(parsed('咱们办 网站那块的活 还挂着没销号的是哪几件')).toMatchObject({ kind: 'tasks', topic: '网站', status: 'unfinished' });
    expect(parsed('挂账的有哪些')).toMatchObject({ kind: 'tasks', topic: null, status: 'unfinished' });
    expect(parsed('财政局打头的有哪些')).toMatchObject({ kind: 'tasks', topic: null, role: 'lead' });
    expect(parsed('跟江门网信统筹局对账：它和市法制局一起负责的那几件 逐项过一遍')).toMatchObject({ kind: 'tasks', allUnits: true });
    expect(String((parsed('跟江门网信统筹局对账：它和市法制局一起负责的那几件 逐项过一遍') as { topic?: string | null }).topic ?? '')).not.toMatch(/对账|逐项/);
    // Tasks both named units are on (两家都挂了名的, 名下重合的); places counted (三地) are no topic.
    expect(parsed('新会区委区府办公室跟区委宣传部 两家都挂了名的是哪几件')).toMatchObject({ kind: 'tasks', allUnits: true, topic: null });
    expect(parsed('新会区环保局跟区财政局 名下重合的是哪几件')).toMatchObject({ kind: 'tasks', allUnits: true, topic: null });
    expect(parsed('申请销号等审核的 中山、临沂、江门三地 哪边最多')).toMatchObject({ kind: 'stats', groupBy: 'place', filter: { places: ['中山市', '临沂市', '江门市'], topic: null } });
    expect(parsed('三地对一下账：还挂着没销号的 哪边最多 排一下')).toMatchObject({ kind: 'stats', groupBy: 'place', filter: { topic: null, status: 'unfinished' } });
    // Units in a part, whoever they are: 协办 said of the task is no role of the unit named.
    expect(parsed('财政局打头、还带着协办单位的是哪件')).toMatchObject({ kind: 'tasks', role: 'lead', withUnitsIn: { role: 'cooperating', atLeast: 1 }, topic: null });
    expect(parsed('卡着的那几件里 哪件是两家单位一起打头的')).toMatchObject({ kind: 'tasks', role: 'any', status: 'blocked', withUnitsIn: { role: 'lead', atLeast: 2 }, topic: null });
    // How far an item or a task is, said as what was reported (报到几成了); a dotted number said aloud (一点四).
    expect(parsed('临沂要点 第二十一项 安全生产那条 报到几成了')).toMatchObject({ kind: 'task', key: '21', plan: '临沂' });
    expect(parsed('经信局那份分工 一点四 预决算那条 是哪几个科室的')).toMatchObject({ kind: 'task', key: '1.4', plan: '经信局' });
    expect(parsed('中山财政局 PPP那件 现在报到几成了')).toMatchObject({ kind: 'tasks', topic: 'PPP' });
    // A place and its unit with a pointing word between (江门那个审计局): that place's unit, none when it has none; 那个 before a topic is no part of it.
    expect(parsed('嗯 江门那个审计局 手上有活吗')).toMatchObject({ kind: 'tasks', units: [{ unitIds: [], place: '江门市' }] });
    expect(parsed('中山那个PPP的事谁管')).toMatchObject({ kind: 'tasks', topic: 'PPP', places: ['中山市'] });
    // The tasks said before by their number or as a batch (那四件, 那一批), and 眼下, are no topic.
    expect(parsed('年底前要交的那一批里 已经销号的是哪几件')).toMatchObject({ kind: 'tasks', topic: null, status: 'done', period: { kind: 'year' } });
    expect(parsed('财政局那四件 除了卡着的那件 剩下的是不是都还没动')).toMatchObject({ kind: 'tasks', topic: null, status: 'not_started', except: { status: 'blocked' } });
    expect(parsed('眼下还在办理中的是哪几件')).toMatchObject({ kind: 'tasks', topic: null, status: 'in_progress' });
    // A list of states closed by 都算上 is either state; a vague word explained is the explanation, never a topic.
    expect(parsed('哪几家单位的事让人不放心？我说的是到期了还没办完的、卡着推不动的 都算上')).toMatchObject({ kind: 'stats', measure: 'units', filter: { status: 'overdue', orStatus: 'blocked', topic: null } });
  });

  it('the words of a 调度会 and its 通报 around a question: a meeting word explained by the state it means is that state; 点名, 拉条, 账上, 去重, 对标对表, 通报要用 and the tasks counted again (四件里) are no topic', () => {
    const parsed = (text: string) => parseQuestion(text, directory, { unitIds: [10] }) as Question & Record<string, unknown>;
    expect(parsed('周五调度会要点名中山住建 序时进度没跟上的 就是逾期的 它名下占了几件')).toMatchObject({ kind: 'stats', measure: 'count', filter: { units: [{ unitIds: [3] }], status: 'overdue', topic: null } });
    expect(parsed('挂牌督办的（就是卡着的）和逾期的 去重以后合计几件 通报要写')).toMatchObject({ kind: 'stats', measure: 'count', filter: { status: 'blocked', orStatus: 'overdue', topic: null } });
    expect(parsed('春节前到期的里头 现在还挂牌督办的 就是卡着的 是哪几件 会上要协调')).toMatchObject({ kind: 'tasks', status: 'blocked', topic: null });
    expect(parsed('临沂财政 五件里 有进度反馈上来的 拉条列一下')).toMatchObject({ kind: 'tasks', units: [{ unitIds: [33] }], status: 'reported', topic: null });
    expect(parsed('江门编办 账上还剩几件没销号 离见底还差多少')).toMatchObject({ kind: 'stats', filter: { status: 'unfinished', topic: null } });
    expect(parsed('对标对表：中山方案里 年底前到期的活 办完的占比多少')).toMatchObject({ kind: 'stats', measure: 'share', filter: { topic: null, status: 'done' } });
    expect(parsed('住建 棚户区改造那块 通报要点名逾期的 是哪几件')).toMatchObject({ kind: 'tasks', topic: '棚户区改造', status: 'overdue', plan: null });
    // 我局 glued to what is asked of it (我局逾期…) is the asker's own bureau; 一次都没报过 is no topic.
    expect(parsed('我局逾期那三件里 哪件一次都没报过')).toMatchObject({ kind: 'tasks', units: [{ unitIds: [10], self: true }], status: 'overdue', andStatus: 'no_progress', topic: null });
    expect(parsed('我局 预决算那两条 年底前能清零吗 现在各报到几成')).toMatchObject({ kind: 'tasks', topic: '预决算' });
    // Units compared between two weeks, counted as units when 家 is said.
    expect(parsed('这周报进度的单位 比上周少了几家')).toMatchObject({ kind: 'updates', versus: { period: { name: 'last_week' }, of: 'units' } });
    // Two places' bureaus joined by 和 (江门发改和临沂发改委) summed when 合计 is said; a whole name with 和 in it stays one unit.
    expect(parsed('江门发改和临沂发改委 两家还没启动的 合计几件')).toMatchObject({ kind: 'stats', groupBy: 'none', filter: { units: [{ unitIds: [105] }, { unitIds: [35] }], status: 'not_started', topic: null } });
    expect(parsed('中山住房和城乡建设局 还挂着没销号的有哪几件')).toMatchObject({ kind: 'tasks', units: [{ unitIds: [3] }], topic: null });
    // One name that is several places' units, ranked (市财政局 三个市比一比): each of them; 财政那几家 are those units.
    expect(parsed('市财政局 三个市比一比 办结率排个名')).toMatchObject({ kind: 'stats', measure: 'rate', groupBy: 'unit', filter: { units: [{ unitIds: [10, 33, 108] }], topic: null } });
    // A district's or city's own plan pointed at (江门市里那份, 新会那份), its items by number said alone after it (四十八条).
    expect(parsed('江门市里那份 还没启动的有几件')).toMatchObject({ kind: 'stats', filter: { plan: '江门', topic: null, status: 'not_started' } });
    expect(parsed('新会那份 四十八条 IPv6那条 调出来')).toMatchObject({ kind: 'task', key: '48', described: 'IPv6' });
    // A collective written as a list (各市、区政府, 各镇（街、区）) said run together; two plans counted as 两份; 第四十向 (项's sound).
    expect(parsed('新会那份方案里 各镇街要负责的 一共多少项')).toMatchObject({ kind: 'stats', filter: { units: [{ text: '各镇街' }], topic: null } });
    expect(parsed('江门方案里 各市区政府要落实的 下个月到期还没办完的有几件')).toMatchObject({ kind: 'stats', filter: { units: [{ text: '各市区政府', fuzzy: false }], topic: null } });
    expect(parsed('江门市和新会区两份合起来 办结率多少')).toMatchObject({ kind: 'stats', measure: 'rate', groupBy: 'none', filter: { places: ['江门市', '新会区'], topic: null } });
    expect(parsed('新会要点第四十向 证明材料清理那条 调一下')).toMatchObject({ kind: 'task', key: '40', plan: '新会' });
    // A second state said with a "but" (报过进度、但还没销号的): both.
    expect(parsed('已经反馈过进度、但还挂着没销号的 一共几件')).toMatchObject({ kind: 'stats', filter: { status: 'reported', andStatus: 'unfinished', topic: null } });
    expect(parsed('我局进度不到一半的是哪几件')).toMatchObject({ kind: 'tasks', units: [{ unitIds: [10], self: true }], status: 'below_half', topic: null });
    expect(parsed('卡着的那五件里 进度报得最高的是哪件')).toMatchObject({ kind: 'tasks', status: 'blocked', furthest: true, topic: null });
    expect(parsed('这礼拜 财政那几家 合计报了几次进度')).toMatchObject({ kind: 'updates', reporters: [{ unitIds: [10, 33, 74, 108] }], scope: null });
  });

  it('whether a task was reported on, asked yes or no (有人报过没, 报过进度吗), shows the task: no topic, no state; 报过进度的 still picks the reported ones', () => {
    const parsed = (text: string) => parseQuestion(text, directory) as Question & Record<string, unknown>;
    expect(parsed('就是那个十件民生实事的那条啊 政府办牵头的 现在有人报过没')).toMatchObject({ kind: 'tasks', role: 'lead', topic: '十件民生实事', status: null });
    expect(parsed('十件民生实事 报过进度吗')).toMatchObject({ kind: 'tasks', topic: '十件民生实事', status: null });
    expect(parsed('中山报过进度的任务有哪些')).toMatchObject({ kind: 'tasks', status: 'reported', topic: null });
  });
});
