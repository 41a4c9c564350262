/**
 * What a question leaves out of its answer: 除了中山的, 去掉牵头的, 不算新会的,
 * 除了卡住那件, 除了经信局那份, 临沂之外的, 但行政服务中心不在里面的. A 督查室 narrows a list by
 * taking a part away as often as by naming the part it wants; the part
 * taken away is read as a filter of its own, with the same words a question
 * uses, and its tasks are subtracted when the question is answered.
 */

/** "除了X(以外)", "去掉X", "排除X", "不算X", "不包括X": X ends where the question goes on (，/ 还 / 其他 / a space). */
const EXCEPT_BEFORE =
  /(?:除了|除去|除开|去掉|去除|扣除|刨去|刨除|(?<!算)不算|不计|不包括|不含|排除掉?|剔除掉?)\s*([^，,；;\s]{1,14}?)\s*(?:以外|之外)?(?:的)?(?=[，,；;\s]|还|其他|其余|别的|另外|剩|$)/;
/** "临沂之外的", "中山以外": X right before 之外 / 以外, from where a clause starts. */
const EXCEPT_AFTER = /(?<=^|[\s，,；;]|里|中)([^，,；;\s]{1,10}?)(?:以外|之外)(?:的)?/;
/** "但行政服务中心不在里面的", "市财政局不在其中": X said, then that it is not among them. */
const NOT_AMONG = /(?:[、，,]\s*)?(?:但是?|可是?)?\s*([^，,；;\s、但可]{2,10}?)\s*(?:不在(?:里面|里头|其中|内|名单里|上面)|没(?:有)?(?:参与|挂名|份))(?:的)?/;
/** Pointing at the part left out ("那件", "那些", "那份"): how it is pointed at, not what it is. */
const POINTING = /(?:的)?(?:那几件|那几项|那几条|那件|那项|那条|那个|那些|那几个)$/;
/** A plan pointed at ("经信局那份", "新会的方案"): the plan is left out, not the unit it is named by. */
const PLAN_POINTED = /^(.{2,10}?)的?(?:那份|那个方案|那份方案|方案|要点)$/;
/** The words that say "the rest" once a part is left out: 其他几件, 还剩, 别的. */
const THE_REST = /其他|其余|别的|另外|剩下的?|还剩/g;

/** The part a question leaves out, as it is written, and the question without it. */
export interface ExceptClause {
  /** What is left out, pointing words removed: "中山", "卡住", "牵头", "经信局那份" → plan "经信局". */
  left: string;
  /** A plan named as the part left out. */
  plan: string | null;
  /** The question with the clause taken out. */
  rest: string;
  /** Said after what is left out (临沂之外): only a place or a unit is left out so. */
  after: boolean;
  /** Said with 排除 / 剔除, which are also work (排除安全隐患): only a part the question could name otherwise is left out so. */
  verb: boolean;
}

/** Finds the part a question leaves out, or undefined when it leaves nothing out. */
export function exceptClause(text: string): ExceptClause | undefined {
  const before = EXCEPT_BEFORE.exec(text);
  const match = before ?? EXCEPT_AFTER.exec(text) ?? NOT_AMONG.exec(text);
  if (!match) return undefined;
  // 除此之外 points back at nothing the question names; 计划之外 / 意料之外 are words, only a place or unit is left out so.
  if (/^此/.test(match[1]!)) return undefined;
  const written = match[1]!.replace(/的$/, '');
  const plan = PLAN_POINTED.exec(written)?.[1] ?? null;
  const left = written.replace(POINTING, '');
  if (left === '') return undefined;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(THE_REST, ' ').replace(/\s+/g, ' ').trim();
  return { left, plan, rest, after: !before, verb: before !== null && /^(?:排除|剔除)/.test(before[0]) };
}
