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
});
