/**
 * Questions corrected as they are dictated or typed (哦不对, 啊说错了, 不是A 是B): each must mean what the corrected
 * question says, as a colleague reading it would take it.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import type { Question, TaskQuery } from '../../src/domain/questions/question.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();
const asEditor = { unitIds: [] };

/** What a question asks, units as names, for comparing a corrected question with the plain one. */
function meaning(question: Question): unknown {
  if (question.kind === 'task') return { kind: 'task', key: question.key, plan: question.plan };
  if (question.kind === 'updates') return { kind: 'updates', ask: question.ask, period: question.period, reporters: question.reporters.flatMap((unit) => unit.unitIds.map(nameOf)).sort() };
  const query = (question.kind === 'stats' ? question.filter : question) as TaskQuery;
  return { kind: question.kind, status: query.status, period: query.period ?? null, topic: query.topic, units: query.units.map((unit) => unit.unitIds.map(nameOf).sort()) };
}
const same = (corrected: string, plain: string) => expect(meaning(parseQuestion(corrected, directory, asEditor))).toEqual(meaning(parseQuestion(plain, directory, asEditor)));

describe('questions corrected as they are said', () => {
  it('a period said again after 哦不对 / 啊说错了 replaces the one before it, said once', () => {
    same('江门法制局后年要交的 哦不对不对是明年 明年要交的有哪几条', '江门法制局明年要交的有哪几条');
    same('江门编办明年上半年要交的是 啊说错了 是明年下半年 下半年要交的是哪个', '江门编办明年下半年要交的是哪个');
  });

  it('a unit said after 哦不对 replaces the last unit before it, its place kept; 不是A 是B replaces A where it was said', () => {
    same('中山那个知识产权局 哦不对 是质监局 它名下的活都有哪些', '中山那个质监局 它名下的活都有哪些');
    same('帮我看看江门财政局上回报进度是几号 哦不是财政局 是编办', '江门编办上回报进度是几号');
    same('中山安监局全年工作那几条 啊不是安监 是知识产权局 还剩哪几条没办完的', '中山知识产权局全年工作那几条 还剩哪几条没办完的');
  });

  it('an item’s number replaces the number before it; a state named wrong (不是办完 是申请销号的) is the state asked', () => {
    expect(parseQuestion('帮我调一下临沂要点第十七项 哦不对是十八项 棚户区改造那个', directory)).toMatchObject({ kind: 'task', key: '18', plan: '临沂' });
    same('网信统筹局手上那十几件里面 办完的有几件 哦不是办完 是申请销号的', '网信统筹局手上那十几件里面 申请销号的有几件');
  });

  it('不是 that corrects nothing is left as it is (不是牵头、只是负责的)', () => {
    expect(parseQuestion('财政局不是牵头、只是负责的有哪些', directory)).toMatchObject({ kind: 'tasks', role: 'responsible' });
  });
});
