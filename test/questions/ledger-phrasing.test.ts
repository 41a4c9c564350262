/**
 * Questions typed on a phone on a 督查 trip, asked at length by a new
 * liaison in the ledger's words, replied to the weekly card in a group chat,
 * and asked by a leader by area: the reason said after the question (…？督查室
 * 要求每月报送), the tasks counted before what is asked of them (中山政府办12件),
 * 在推的 for 正在推进的, two states listed at length, a unit said not to be
 * among them (但行政服务中心不在里面), what should have been done by a day,
 * one day's reports (21号那天), a share asked as 百分之几; the card pointed at
 * (卡片上卡着的, 第二页那些), an area said first (住建这块 …), one bureau of two
 * places (中山跟临沂两家住建局), an item by its printed number (一、（四）), the
 * task furthest behind. Each must mean what the same question in plain words
 * means.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import type { Question, TaskQuery } from '../../src/domain/questions/question.js';
import { periodDays } from '../../src/domain/questions/updates-answers.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();
const idOf = (place: string, name: string) => directory.all().find((unit) => unit.jurisdiction === place && unit.name === name)!.id;
const asFinance = { unitIds: [idOf('中山市', '市财政局')] };

/** What a question asks, units as names, for comparing two wordings. */
function meaning(question: Question): unknown {
  if (question.kind === 'updates') return { kind: question.kind, ask: question.ask, period: question.period };
  const query = (question.kind === 'stats' ? question.filter : question) as TaskQuery;
  return {
    kind: question.kind,
    measure: question.kind === 'stats' ? question.measure : null,
    status: query.status,
    orStatus: query.orStatus ?? null,
    period: query.period ?? null,
    topic: query.topic,
    units: query.units.map((unit) => unit.unitIds.map(nameOf).sort()),
    except: query.except ? query.except.units.map((unit) => unit.unitIds.map(nameOf).sort()) : null,
  };
}
const same = (said: string, plain: string) => expect(meaning(parseQuestion(said, directory, asFinance))).toEqual(meaning(parseQuestion(plain, directory, asFinance)));

describe('questions in the ledger’s and a phone’s words', () => {
  it('leaves out the reason said after the question mark', () => {
    same('我们局有哪些逾期的？督查室要求每月至少报送一次', '我们局有哪些逾期的');
    same('请问一下，我们局有哪几件没有启动？想对照工作台账按时序推进', '我们局有哪几件没有启动');
    same('江门市有哪些卡着的？督查通报说我们未按期办结', '江门市有哪些卡着的');
    // A second question after the first is still asked.
    expect(meaning(parseQuestion('我们局有哪些逾期的？卡着的呢', directory, asFinance))).not.toEqual(meaning(parseQuestion('我们局有哪些逾期的', directory, asFinance)));
  });

  it('reads a count of the tasks said before what is asked of them as no topic, and keeps counts that bound or order', () => {
    same('中山政府办12件 一次进度没报过的 几件', '中山政府办 一次进度没报过的 几件');
    same('我们局挂账的三件事项 哪几件逾期了', '我们局 哪几件逾期了');
    same('质监 安监 两家 一件没动的 合计几件', '质监 安监 两家 没动的 合计几件');
    // An item's number and the first due are not counts.
    expect((parseQuestion('中山26项第2条啥时候到期', directory) as { kind: string }).kind).not.toBe('stats');
  });

  it('reads 在推的 / 正在推的 as under way', () => {
    same('12月份到期 正在推的 几件', '12月份到期 正在推进的 几件');
    same('江门在推的有哪些', '江门正在推进的有哪些');
  });

  it('reads two states listed at length as either, and a unit not among them as left out', () => {
    const both = meaning(parseQuestion('我们局负责的事项里，正在推进的和已经申请办结、等审核的分别是哪几件', directory, asFinance)) as { status: string; orStatus: string };
    expect([both.status, both.orStatus].sort()).toEqual(['in_progress', 'pending_review']);
    same('江门市法制局和江门市财政局都有份、但行政服务中心不在里面的事项', '江门市法制局和江门市财政局都有份的事项 除了行政服务中心');
    expect((meaning(parseQuestion('江门市法制局和江门市财政局都有份、但行政服务中心不在里面的事项', directory)) as { except: unknown }).except).not.toBeNull();
  });

  it('reads what should have been done by a day as due then, and a count on the way to 哪几件 as the list', () => {
    same('我们局今年7月底前就应该完成的几件事项，现在还有哪几件没有办结', '我们局7月份到期的 还有哪几件没有办结');
    expect(parseQuestion('我们局今年7月底前就应该完成的几件事项，现在还有哪几件没有办结', directory, asFinance).kind).toBe('tasks');
  });

  it('reads one day’s reports: 21号那天 is this month’s 21st, 28号 last month’s when asked on the 23rd', () => {
    const on = (text: string) => {
      const question = parseQuestion(text, directory);
      if (question.kind !== 'updates' || !question.period) throw new Error(`not a question of a day's reports: ${text}`);
      return periodDays(question.period, '2016-11-23');
    };
    expect(on('21号 那天 报上来几条')).toMatchObject({ from: '2016-11-21', to: '2016-11-21' });
    expect(on('11月21号报上来几条')).toMatchObject({ from: '2016-11-21', to: '2016-11-21' });
    expect(on('28号那天谁报了进度')).toMatchObject({ from: '2016-10-28', to: '2016-10-28' });
    // From a day on is still a span.
    expect(on('16号以来谁报了')).toMatchObject({ from: '2016-11-16', to: '2016-11-23' });
  });

  it('reads 有百分之几 after the tasks picked out as their share', () => {
    const share = parseQuestion('临沂那份 在推进中的 有百分之几', directory);
    expect(share.kind === 'stats' && share.measure).toBe('share');
  });

  it('reads the weekly card pointed at as the states it lists', () => {
    same('卡片上卡着的那几件 本周有更新的是哪件', '卡着的 本周有更新的是哪件');
    same('第二页那些等审核的 里头已经过了期限的是哪件', '等审核的 里头已经过了期限的是哪件');
    same('周报卡片里逾期的 都是谁的', '逾期的 都是谁的');
  });

  it('leaves out an area said first when the units named say it, and keeps it as the topic when they do not', () => {
    same('住建这块 中山跟临沂两家住建局 还挂着几件没销号 下午要去调研', '中山住建局和临沂住建局 还挂着几件没销号');
    same('审计这块 中山和临沂的审计局 完成率多少', '中山审计局和临沂审计局 完成率多少');
    same('财政这块 三个市的财政局 下个月到期还没办完的 几件', '财政局 下个月到期还没办完的 几件');
    const training = parseQuestion('培训那块 中山人社局的是哪件', directory) as TaskQuery;
    expect(training.topic).toContain('培训');
    // 已经办 is no bureau: two places and what is asked of them.
    expect((parseQuestion('临沂和江门 已经办结销号的是哪几件', directory) as TaskQuery).status).toBe('done');
  });

  it('reads 启动了的 as begun, 按地方排排 as a ranking by place, 住建跟审计 as two bureaus', () => {
    same('扶贫办 启动了的占几成', '扶贫办 已经启动的占几成');
    const ranked = parseQuestion('卡着的 按地方排排 哪边最多', directory);
    expect(ranked.kind === 'stats' && { groupBy: ranked.groupBy, topic: ranked.filter.topic }).toEqual({ groupBy: 'place', topic: null });
    const paired = parseQuestion('住建跟审计 这个月一共报了几次进度', directory);
    expect(paired.kind === 'updates' && paired.reporters.map((unit) => unit.text)).toEqual(['住建', '审计']);
  });

  it('finds an item by the number its plan prints (一、（四）), and the task furthest behind', () => {
    expect(parseQuestion('经信局分工 一、（四） 财政预决算和重大建设项目那条 调出来', directory)).toMatchObject({ kind: 'task', key: '1.4', plan: '经信局' });
    expect(parseQuestion('信用那块 已经动起来的里头 进度最低的是哪件', directory)).toMatchObject({ kind: 'tasks', status: 'started', leastAlong: true });
  });

  it('reads offices’ half-English chat in the words it stands for', () => {
    same('pls 查下 中山财政局 overdue的', '中山财政局 逾期的');
    same('blocked 的 task 里 不算 overdue 的 有哪些', '受阻的任务里 不算逾期的 有哪些');
    same('江门 网信 跟 府办 都有份的 task 里 有人 update 过的 是哪个', '江门网信跟府办都有份的任务里 报过进度的 是哪个');
    expect(parseQuestion('this week 临沂 有 update 吗 是哪个 task', directory)).toMatchObject({ kind: 'updates', period: { name: 'this_week' } });
    expect(parseQuestion('PPP 相关的 task 里 哪个 progress 最高', directory)).toMatchObject({ kind: 'tasks', topic: 'PPP', furthest: true });
  });

  it('reads a northern liaison’s words: 沾边, 弄到啥程度了, 几回, 打头回…到现在, 啥活, 那一个月', () => {
    same('我们局跟就业沾边的是哪几项 弄到啥程度了', '我们局涉及就业的是哪几项');
    same('临沂卫计委 挂了啥活 动了没', '临沂卫计委 挂了什么活 动了没');
    same('咱临沂这边 10月份那一个月 都是哪几家报的进度', '咱临沂这边 10月份 都是哪几家报的进度');
    const times = parseQuestion('俺们局打头回报进度到现在 一共报过几回', directory, asFinance);
    expect(times.kind === 'updates' && { period: times.period, counts: times.countsReports, self: times.reporters.map((unit) => unit.self) }).toEqual({ period: null, counts: true, self: [true] });
  });

  it('reads a bulletin’s words: 超过30天未更新, 占…全部事项的百分之几, 已办结事项最多的单位', () => {
    same('超过30天未更新进度的事项中，进度不到一半的有哪几项', '超过30天没更新进度的事项中，进度不到一半的有哪几项');
    const share = parseQuestion('中山 pending review 的 占中山全部 task 的百分之几', directory);
    expect(share.kind === 'stats' && { measure: share.measure, status: share.filter.status, topic: share.filter.topic }).toEqual({ measure: 'share', status: 'pending_review', topic: null });
    const most = parseQuestion('中山方案里 已办结事项最多的单位 排一下', directory);
    expect(most.kind === 'stats' && { measure: most.measure, groupBy: most.groupBy }).toEqual({ measure: 'done', groupBy: 'unit' });
  });
});

