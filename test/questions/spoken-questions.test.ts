/**
 * Questions as liaisons type them fast on a phone, in spoken and regional
 * Mandarin: 俺们 / 咱 for their own bureau, 整完 / 莫得 / 瞅瞅, particles at
 * the end, and one-character pinyin slips (卡主, 到其, 审和, 住键, 江们).
 * Each must mean what the same question in plain words means.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import type { Question, TaskQuery } from '../../src/domain/questions/question.js';
import { seedDirectory } from '../support/seed-directory.js';

const { directory, nameOf } = seedDirectory();
const idOf = (place: string, name: string) => directory.all().find((unit) => unit.jurisdiction === place && unit.name === name)!.id;
const AUDIT = idOf('中山市', '市审计局');
const asAuditor = { unitIds: [AUDIT] };

/** The filter a question sets, units as names, for comparing two wordings. */
function meaning(question: Question): unknown {
  const query = (question.kind === 'stats' ? question.filter : question) as TaskQuery;
  return { kind: question.kind, status: query.status, period: query.period ?? null, topic: query.topic, role: query.role, units: query.units.map((unit) => unit.unitIds.map(nameOf).sort()) };
}

describe('spoken and slipped questions', () => {
  it('asks who the asker is only when the question says 我们 / 咱 / 我们局 (finding out costs the service a read of their grants)', () => {
    let asked = 0;
    const asker = {
      get unitIds() {
        asked += 1;
        return [AUDIT];
      },
    };
    for (const text of ['市财政局负责什么', '哪些任务逾期了', '人社局今年要干什么', '进度不到一半的', '中山审计有过期的吗']) parseQuestion(text, directory, asker);
    expect(asked).toBe(0);
    for (const text of ['我们局有过期还没办完的吗', '咱审计有过期还没整完的莫得', '我们这块有过期还没办完的么']) {
      const before = asked;
      parseQuestion(text, directory, asker);
      expect(asked).toBeGreaterThan(before);
    }
  });

  it('reads 俺们 / 咱 / 我们这块 beside a bureau’s stem as the asker’s own bureau of that name, and alone as the asker’s units', () => {
    const plain = meaning(parseQuestion('我们局有过期还没办完的吗', directory, asAuditor));
    expect(meaning(parseQuestion('俺们审计有过了期还没弄完的没得?', directory, asAuditor))).toEqual(plain);
    expect(meaning(parseQuestion('咱审计有过期还没整完的莫得', directory, asAuditor))).toEqual(plain);
    expect(meaning(parseQuestion('我们这块有过期还没办完的么', directory, asAuditor))).toEqual(plain);
    // Said by a supervisor bound to no unit, 我们 is only a word: the bureau is every 审计局.
    const supervisor = parseQuestion('我们审计 有过期还没办完的吗', directory) as TaskQuery;
    expect(supervisor.units.flatMap((unit) => unit.unitIds).length).toBeGreaterThan(1);
    expect(supervisor.topic).toBeNull();
  });

  it('mends a one-character pinyin slip of the grammar’s words and of a bureau’s stem, never a word of its own (预期, 之后)', () => {
    expect(meaning(parseQuestion('俺们卡主的那个是哪个来着', directory, asAuditor))).toEqual(meaning(parseQuestion('我们局卡住的是哪个', directory, asAuditor)));
    expect((parseQuestion('中山明年一季度到其的有哪些', directory) as TaskQuery).period).toEqual((parseQuestion('中山明年一季度到期的有哪些', directory) as TaskQuery).period);
    const slipped = parseQuestion('中山住键 进度不到一半的有啥', directory) as TaskQuery;
    expect(slipped.units.flatMap((unit) => unit.unitIds.map(nameOf))).toEqual(['中山市/市住房城乡建设局']);
    expect(slipped.units[0]!.fuzzy).toBe(true);
    expect(slipped.status).toBe('below_half');
    expect((parseQuestion('国庆之后有哪些任务到期', directory) as TaskQuery).status).not.toBe('overdue');
    // A place's full name is not mended into: 临沂食药监局 is 临沂's 食药监局, not 临沂市 + 药监局.
    expect((parseQuestion('临沂食药监局手里有几项活，分别是啥', directory) as TaskQuery).units.flatMap((unit) => unit.unitIds.map(nameOf))).toEqual(['临沂市/市食品药品监管局']);
  });

  it('said by voice in a group: a quoted line before the bot’s name, 收到, fillers, how to give the answer and 预期 heard for 逾期 change nothing asked', () => {
    const plain = meaning(parseQuestion('我们局明年六月底前要交的是哪几件', directory, asAuditor));
    expect(meaning(parseQuestion('回复 李督查：收到 @督办助手 我们局明年六月底前要交的是哪几件', directory, asAuditor))).toEqual(plain);
    expect(meaning(parseQuestion('回复 李督查：请各单位对一下分工 @督办助手 我们局明年六月底前要交的是哪几件', directory, asAuditor))).toEqual(plain);
    expect(meaning(parseQuestion('那个 预期的 就是到期了还没办完的 有哪几件 你念一下', directory))).toEqual(meaning(parseQuestion('逾期的有哪几件', directory)));
    expect(meaning(parseQuestion('中山住建局名下一共有哪些活 你一条一条给我列出来', directory))).toEqual(meaning(parseQuestion('中山住建局名下一共有哪些活', directory)));
    expect(meaning(parseQuestion('江门行政服务中心跟市编办 两家都有份的 还没销号的是哪几件 开会前我过一下', directory))).toMatchObject({ topic: null, status: 'unfinished' });
    // A day said again by its numbers: the named period is the one asked.
    expect(parseQuestion('那个 二十二号 就是昨天 谁报了进度', directory)).toEqual(parseQuestion('昨天谁报了进度', directory));
    expect(parseQuestion('十一月上旬 就是一号到十号 报了受阻的是哪几件', directory)).toEqual(parseQuestion('十一月上旬报了受阻的是哪几件', directory));
    // 预期 of its own (预期目标, 预期性指标) stays a word to look for.
    expect((parseQuestion('预期性指标有哪些', directory) as TaskQuery).status).toBeNull();
  });

  it('mends a place’s level typed as another character of its sound before a bureau (中山是财政局, 新会去住建局), not a place said before a question word', () => {
    const unitsOf = (text: string) => (parseQuestion(text, directory) as TaskQuery).units.flatMap((unit) => unit.unitIds.map(nameOf));
    expect(meaning(parseQuestion('中山是财政局正在办的有哪些', directory))).toEqual(meaning(parseQuestion('中山市财政局正在办的有哪些', directory)));
    expect(unitsOf('中山是财政局正在办的有哪些')).toEqual(['中山市/市财政局']);
    expect(unitsOf('新会去住建局负责什么')).toEqual(['新会区/区住房城乡建设局']);
    expect(unitsOf('江门是哪些任务到期了')).toEqual([]);
  });

  it('leaves ordinary words alone: a slip only where the word ends (完成绿化, 承办接待, 最新汇报, 到企业), 排除 / 算不算 / 计划之外 / 除此之外 are no part left out, 调整好 / 搞好 / 结合起来 no state', () => {
    for (const text of ['完成绿化任务的有哪些', '承办接待工作的任务', '接受组织部考核的任务', '最新汇报的进度', '到企业走访的任务', '调整好的任务有哪些', '要搞好统筹协调的任务', '结合起来的任务']) {
      const question = parseQuestion(text, directory) as TaskQuery;
      expect({ text, kind: question.kind, status: question.status }).toEqual({ text, kind: 'tasks', status: null });
    }
    for (const text of ['排除安全隐患的任务有哪些', '中山那几件算不算逾期', '计划之外的任务有哪些', '除此之外还有哪些卡住的']) {
      expect({ text, except: (parseQuestion(text, directory) as TaskQuery).except ?? null }).toEqual({ text, except: null });
    }
  });

  it('a supervisor bound to a unit who says 我们 to look at a place or chase is not asking about their own unit', () => {
    const office = { unitIds: [idOf('临沂市', '市政府办公室')] };
    for (const text of ['帮我们看看中山过期的有哪些', '我们督查室要催办的卡住的有哪些', '咱们看看全市有哪些没动的']) {
      expect({ text, units: (parseQuestion(text, directory, office) as TaskQuery).units }).toEqual({ text, units: [] });
    }
  });
});
