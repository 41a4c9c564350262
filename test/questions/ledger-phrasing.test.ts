/**
 * Questions typed on a phone on a 督查 trip and asked at length by a new
 * liaison in the ledger's words: the reason said after the question (…？督查室
 * 要求每月报送), the tasks counted before what is asked of them (中山政府办12件),
 * 在推的 for 正在推进的, two states listed at length, a unit said not to be
 * among them (但行政服务中心不在里面), what should have been done by a day,
 * one day's reports (21号那天), a share asked as 百分之几. Each must mean what
 * the same question in plain words means.
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
});
