/**
 * Finds who is to do an item written as prose, and by when, in every way
 * real plans write it:
 * - label lines under the item: "牵头单位：区发改局" / "责任单位：…" /
 *   "责任领导：杜某某" / "完成时限：2021年12月31日", and a working group's
 *   "组长：常务副县长" / "成员单位：城建局、土地局";
 * - labels in brackets after it: "[牵头单位：区卫健局；责任单位：…]",
 *   "（牵头单位：县财政局；责任单位：县税务局）";
 * - a sentence: "部门分工：省发展改革委牵头，各地、各部门配合。";
 * - a trailing parenthesis that ends with a role: "（市财政局牵头，市税务局配合）".
 * Returns the unit text (with each label's role written as a verb, for
 * parseUnitCell), the leaders, the deadline and the item's text without
 * them. Pure.
 */
import type { UnitRole } from '../vocabulary.js';
import { cellKind, looksLikeUnits, looksLikeUnitsOrStems } from './layouts/cell-kinds.js';
import { looksLikePerson, splitLeaders } from './people.js';
import { alternation, COOPERATING_WORDS, DEADLINE_LABEL, LEAD_WORDS, RESPONSIBLE_WORDS, ROLE_WORDING, UNIT_NOUNS, WORK_AFTER_ROLE_VERBS } from './role-words.js';

/** What an item assigns. */
export interface Assignment {
  unitText: string;
  leaderText: string;
  deadlineText: string;
  /** The item's text with the assignment taken out. */
  rest: string;
}

type LabelKind = UnitRole | 'leaders' | 'deadline' | 'division';

const UNIT_NOUN = `(?:${alternation(UNIT_NOUNS)})`;
const LABELS: readonly [RegExp, LabelKind][] = [
  // "责任单位及责任人：盘龙区政府主要领导" (责任部门及责任人, 责任科室和责任人): units, each answering through its head, not a person's name.
  [new RegExp(`责任${UNIT_NOUN}(?:及|和|与|、)责任人|责任${UNIT_NOUN}[（(]责任人[)）]`), 'responsible'],
  [/(?:牵头|负责|联系|包抓|包保|包联|主抓|挂点|挂钩|分管|责任|配合|协调|督办|领衔)?[省市区县]?级?(?:负责)?领导(?:同志)?|分管[省市区县]?领导|分管(?:常务)?副?[省市区县州]长|责任人|协调人|副?组长|副?总指挥|副?指挥长|召集人/, 'leaders'],
  [new RegExp(`(?:${alternation(LEAD_WORDS)})(?:责任)?${UNIT_NOUN}|牵头`), 'lead'],
  // A bare role word as a label (牵头：… 配合：…) as much as with its noun (配合单位：…).
  [new RegExp(`(?:主要)?(?:${alternation(COOPERATING_WORDS, ['数据提供'])})(?:(?:责任)?${UNIT_NOUN})?`), 'cooperating'],
  // (责任 alone as the label, "责任：县住建局", as short lists write it.)
  [new RegExp(`(?:主要)?(?:责任|落实|实施|承办|具体责任|负责)(?:${UNIT_NOUN}|主体)|成员单位|成员|参加单位|(?<![\\u4e00-\\u9fa5])责任(?=\\s*[:：])`), 'responsible'],
  [new RegExp(DEADLINE_LABEL), 'deadline'],
  [/部门分工|责任分工/, 'division'],
];
/** What a label may say before its role (问题整改责任单位, 督办单位): the errand, not a unit. */
const LABEL_ERRAND = '(?:问题)?(?:整改|督办|办理)?';
const LABEL_PATTERN = new RegExp(`${LABEL_ERRAND}(${LABELS.map(([pattern]) => pattern.source).join('|')})\\s*[:：]`, 'g');

/**
 * Any field's label after a space or a clause's end ("… 项目责任人:尹文德 实际完成情况:…"):
 * a label's value ends there even when the next label is not one of ours.
 */
const ANY_LABEL = /(?<=[\s；;。])[\u4e00-\u9fa5]{2,8}[:：]/g;

/** Where the next field's label starts after `from`, or the text's end. */
function nextAnyLabel(text: string, from: number): number {
  ANY_LABEL.lastIndex = from;
  return ANY_LABEL.exec(text)?.index ?? text.length;
}

/** Whether a text names who does it (or leads it) with labels (牵头单位：…, 责任领导：…), which then cover the whole text. */
export function hasAssignmentLabels(text: string): boolean {
  return [...text.matchAll(LABEL_PATTERN)].some((match) => !['deadline', 'division'].includes(kindOfLabel(match[1]!)));
}

const ANCHORED_LABELS = LABELS.map(([pattern, kind]) => [new RegExp(`^(?:${pattern.source})$`), kind] as const);

function kindOfLabel(label: string): LabelKind {
  for (const [pattern, kind] of ANCHORED_LABELS) if (pattern.test(label)) return kind;
  return 'responsible';
}

/**
 * The bracket a label at `start` sits in: the nearest opener within 40
 * characters before it that no bracket closes, stopping at a line's start.
 */
function openerBefore(text: string, start: number): { char: string; at: number } | undefined {
  let closed = 0;
  for (let at = start - 1; at >= 0 && start - at <= 41; at--) {
    const char = text[at]!;
    if (char === '\n') return undefined;
    if (Object.values(CLOSE).includes(char)) closed++;
    else if (OPEN.includes(char)) {
      if (closed === 0) return { char, at };
      closed--;
    }
  }
  return undefined;
}

/** A text that ends with a role word ("具体负责"): a label of its own, never a unit's name. */
const ROLE_AT_END = new RegExp(`(?:${ROLE_WORDING.source})$`);
const OPEN = '[【〔（(';
const CLOSE: Record<string, string> = { '[': ']', '【': '】', '〔': '〕', '（': '）', '(': ')' };

/**
 * Where the bracket opened by `opener` before `from` closes, brackets
 * inside it counted ("（责任单位：各乡镇（县经开区）落实）" closes at the
 * last ）); -1 when it does not. Full- and half-width brackets pair alike.
 */
function closingBracket(text: string, from: number, opener: string): number {
  const square = opener === '[' || opener === '【' || opener === '〔';
  const opens = square ? '[【〔' : '（(';
  const closes = square ? ']】〕' : '）)';
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') return -1;
    if (opens.includes(char)) depth++;
    else if (closes.includes(char)) {
      if (depth === 0) return at;
      depth--;
    }
  }
  return -1;
}

/** The role a label gives its units, written as the verb parseUnitCell reads. */
function withRole(value: string, kind: UnitRole): string {
  if (ROLE_WORDING.test(value) && kind !== 'lead') return value;
  const list = value.replace(/[，,；;]/g, '、').replace(/、+$/, '');
  if (kind === 'lead') return ROLE_WORDING.test(value) ? value : `${list}牵头`;
  if (kind === 'cooperating') return `${list}配合`;
  return value;
}

/** The part the units named take, and those beside them ("牵头，市税务局配合"), in group 2 of BY_UNIT and ASKED_OF_UNIT. */
const ROLE_TAKEN = '((?:牵头|负责(?:落实|实施)?)(?:[，,][\\u4e00-\\u9fa5、（）()]{2,60}?(?:配合|参与|协助))?)';
/** A sentence naming who does the work: "由市财政局牵头，市税务局配合" / "这项工作由人社部负责" / "以上工作由市交通局负责，各有关部门配合". */
const BY_UNIT = new RegExp(`由([\\u4e00-\\u9fa5、，,（）()]{2,80}?)${ROLE_TAKEN}`);
/** The same asked of a unit, as minutes do: "要求水务部门牵头", "请公安负责" (a short list of names, no 的: 要求各部门的主要负责人 is people). */
const ASKED_OF_UNIT = new RegExp(`(?:(?<![\\u4e00-\\u9fa5])请|(?<!整改|工作|具体)要求|责成)([^的，,。；;：:\\s]{2,40}?)${ROLE_TAKEN}`);

/**
 * "由发展改革委会同中央农办、农业部等部门研究提出落实意见", "由国土资源部会同农业部等部门负责落实", and as minutes ask it,
 * "请国土会同发改、财政等部门，在半个月之内…": who does it, the unit before 会同 leading.
 */
const BY_UNIT_WITH = /(?:由|(?<![\u4e00-\u9fa5])请|要求|责成)([\u4e00-\u9fa5（）()]{2,30}?)会同([\u4e00-\u9fa5、，,（）()]{2,100}?)(?:等(?:有关|相关)?(?:部门|单位|机构))?(?:[，,]|负责|研究|提出|落实|办理|组织|共同|制定|抓紧|做好)/;

/** A sentence saying only who does the work: "此项工作由…负责。", "以上工作由…牵头，…配合。". */
const WHO_DOES_IT_SENTENCE = /(?:^|(?<=[。；;]))\s*(?:此项|这项|该项|本项|以上|上述)(?:工作|任务|措施)?由[^。；;]{2,120}?(?:牵头|负责|落实|实施)(?:[，,][^。；;]{2,80}?(?:配合|参与|协助))?[。；;]?\s*$/;

function byUnit(text: string): string | undefined {
  const jointly = BY_UNIT_WITH.exec(text);
  // Read as parseUnitCell reads any "X会同Y": X leads, Y cooperates (said so, for X said by its stem: 国土会同发改).
  if (jointly && looksLikeUnitsOrStems(jointly[1]!) && looksLikeUnitsOrStems(jointly[2]!)) return `${jointly[1]}牵头，${jointly[2]!.replace(/[，,]/g, '、')}配合`;
  const match = BY_UNIT.exec(text) ?? ASKED_OF_UNIT.exec(text);
  // "由多个单位负责的，…": a clause about such tasks, not one naming who does this one ("由北海工业园管委会负责的长安金苑" names it).
  if (match && text[match.index + match[0].length] === '的' && /^(?:多个|几个|两个|若干|各|有关|相关|其他)/.test(match[1]!)) return undefined;
  return match && looksLikeUnitsOrStems(match[1]!) ? match[1]! + match[2]! : undefined;
}

/** Verbs by which an inspection notice hands a problem to a unit: 责令 / 责成 / 交由 … (not 督促, which plans use for any oversight). */
const HANDING = '(?:责令|责成|交由|转交|移交)';
/** The unit that does the handing, written just before the verb ("县交通建设质量安全监督站责令施工单位立即整改"). */
const HANDED_BY = new RegExp(`(?:^|[：:，,。；;\\s])([^：:，,。；;\\s]{2,30}?)${HANDING}`);
/** The unit handed the problem, when no one is written before the verb ("整改措施：责令公路建设养护中心立即对路面进行修复"). */
const HANDED_TO = new RegExp(`${HANDING}([^，,。；;\\s]{2,40}?)(?:立即|限期|尽快|马上|及时|迅速|派人|对|于|在|依法|按|进行|整改|落实|处理|办理|核查|调查|清理|拆除|恢复|修复|制止)`);

/**
 * The unit an inspection notice makes answer for a problem, when nothing else names one: the one that orders the
 * fix, else the one ordered to fix it — never a person (相关责任人, 该船所有人) or anything but unit names.
 */
function handedTo(text: string): string | undefined {
  const unit = (name: string | undefined) => (name && !/人$/.test(name) && looksLikeUnits(name) ? name : undefined);
  const fixers = fixFieldUnits(text);
  if (fixers.length > 0) return fixers.join('、');
  const named = NAMED_UNIT.exec(text);
  if (named && unit(named[2])) return `${named[2]}${named[1] === '牵头' || named[1] === '主办' ? '牵头' : named[1] === '配合' ? '配合' : '负责'}`;
  return unit(HANDED_BY.exec(text)?.[1]) ?? unit(HANDED_TO.exec(text)?.[1]);
}

/** The field an inspection notice puts right under each problem: "整改要求：县公安局负责…；县环卫站负责…". */
const FIX_FIELD = /(?:^|\n)\s*(?:整改(?:要求|措施|意见)|处理意见|处置意见)\s*[:：]\s*([^\n]+)/;
/** A clause of it whose subject is the unit doing the fix: "县环卫站负责…", "由物价局负责清理", "由市容环境整治联合执法组督促业主撕除". */
const FIXER = /^(?:由)?([^：:。；;，,、\s]{2,30}?)(?:牵头)?(?:负责|督促|组织|牵头)/;

/** The units an inspection notice's 整改要求 names, each the subject of its clause; none when it names none. */
function fixFieldUnits(text: string): string[] {
  const field = FIX_FIELD.exec(text)?.[1];
  if (!field) return [];
  return field
    .split(/[。；;]/)
    .map((clause) => FIXER.exec(clause.trim())?.[1])
    .filter((name): name is string => name !== undefined && !/人$/.test(name) && looksLikeUnits(name));
}

/** A sentence naming the unit by its part: "华声小区的责任单位是市人社局", "其责任单位为海城区政府". */
const NAMED_UNIT = /(牵头|主办|责任|配合)(?:单位|部门)(?:是|为)\s*([^，,。；;\s]{2,40})/;

/** How a unit's duty opens right after its name in a duty list: 负责…, 牵头…, 承担… */
export const DUTY_OPENING = '(?:负责|牵头|承担|配合|协助)';

/** Units opening an item, then its duty: "市卫生局：负责…", "县交通局、公路局。负责…". */
const LEADING_UNITS = new RegExp(`^\\s*([^：:。；;，,\\n]{2,40}?)(?:[：:]|。(?=\\s*${DUTY_OPENING}))\\s*`);

/**
 * A unit parenthesis without the notes that close it for the rest of the document: "。明确牵头部门的，其他有关
 * 部门配合，下同", "，排在第一位的为牵头部门，下同" (the convention itself is read from the whole text).
 */
function withoutNotes(value: string): string {
  return withoutConvention(value.replace(/[。；;][^。；;]*下同$/, '').replace(/[，,]\s*下同$/, ''));
}

/**
 * A unit list without the first-listed convention stated after it: "市税务局、市财政局,排在首位的为牵头单位,下同"
 * → the two units; in a parenthesis of its own, the parenthesis goes ("…,各市政府(列第一位者为工作牵头或汇总单位,下同)").
 */
function withoutConvention(value: string): string {
  const convention = FIRST_LISTED_LEADS.exec(value);
  if (!convention) return value;
  const before = value.slice(0, convention.index);
  const opener = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  const closed = opener >= 0 && /[)）]/.test(before.slice(opener));
  if (opener > 0 && !closed) return value.slice(0, opener);
  // The note is its own sentence when one ends before it ("…统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门牵头负责"), else the clause after the units.
  const sentence = Math.max(...[...'。；;'].map((mark) => before.lastIndexOf(mark)));
  const cut = sentence > 0 ? sentence : Math.max(...[...'，,'].map((mark) => before.lastIndexOf(mark)));
  return cut > 0 ? value.slice(0, cut) : value;
}

/** A unit's own name as a line's label, whatever its duty starts with ("交通部门：", "乡镇政府："): one short name ending as units end, then a colon. */
const UNIT_LABEL = /^\s*[\u4e00-\u9fa5]{2,12}(?:部门|政府|局|委|办|中心|站|所|队)\s*[:：]\s*$/;

/** A sentence whose subject is the units that do the work: "县应急管理局负责尾矿库…", "县住建局牵头负责…", "市发改委牵头推进…", "县公安局、城管执法局负责，落实…". */
const SUBJECT_UNITS = /^\s*([^：:。；;，,、\n]{3,30}?(?:、[^：:。；;，,、\n]{2,30}?)*)(?:(牵头)?负责(?=[^，,。；;]{4,}|[，,][^，,。；;]{4,})|(牵头)(?=[^，,。；;]{4,}))/;

/**
 * A decision whose subject is the unit that acts on it, said first, as minutes write them: "县目标督查办按季度对工作落实
 * 情况进行通报", "县住建局务必于…". The units in group 1. (Not a later clause's: "…，县级相关部门和属地街道务必认清形势"
 * is an exhortation to all, in a paragraph of reasons.)
 */
const ACTING_UNITS = /^\s*([^：:。；;，,、\n]{2,30}?(?:、[^：:。；;，,、\n]{2,30}?)*)(?=按(?:季度|月|周|年)(?:对|将|向)|务必|必须|抓紧|尽快|立即|会同)/;

/** How a duty list states a unit's duty after its name: 负责…, 牵头…, 依据职能…, 指导…, 落实属地责任… */
const DUTY = /^\s*(?:主要)?(?:负责|牵头|承担|配合|协助|协同|会同|指导|督促|依据|依照|按照|根据|做好|落实|组织|统筹)/;

/**
 * A parenthesis at the end of an item that assigns work: it ends with a role verb, or with a note for the rest
 * (…省科技厅牵头。明确牵头部门的，其他有关部门配合，下同), or names the part after 为 ("市财政局为牵头单位，
 * 市税务局为配合单位") — never a convention's "列第一位的为牵头单位" or "标注★的单位为牵头单位".
 */
const ROLE_END = `(?:(?:${alternation(LEAD_WORDS, COOPERATING_WORDS, RESPONSIBLE_WORDS)})(?:落实|实施)?|(?<![的者]|的(?:单位|部门))为(?:${alternation(LEAD_WORDS, COOPERATING_WORDS)}|责任)(?:${alternation(UNIT_NOUNS)}))`;
/** A role word closing a clause, to take it off and see what the clause names. */
const ROLE_END_CLOSING = new RegExp(`(?:${ROLE_END})$`);
/** An item's last sentence or clauses that name units with their parts (…。县住建局牵头，县财政局配合 / …提升，市发改委牵头，市财政局配合), perhaps with a by-date after them. */
const UNIT_SENTENCE = new RegExp(`[。；;，,]\\s*([^。；;，,]{2,60}?(?:${ROLE_END})(?:[，,][^。；;，,]{2,60}?(?:${ROLE_END}))*)(?:[，,]([^。；;，,]{2,20}))?[。；;]?\\s*$`);

/** The units an item's last sentence names ("县教体局牵头，县发改局、县财政局配合，2024年9月前完成"), with its deadline and where it starts. */
function unitSentence(text: string): { units: string; deadline: string; at: number } | undefined {
  const trimmed = text.trim();
  // "…。县住建局牵头，县财政局配合。2023年12月底前完成。": a sentence of its own giving the date after the one giving the units.
  const dateAfter = /[。；;]\s*([^。；;，,]{2,20})[。；;]?\s*$/.exec(trimmed);
  if (dateAfter && cellKind(dateAfter[1]!) === 'deadline' && !UNIT_SENTENCE.test(trimmed)) {
    const found = unitSentence(trimmed.slice(0, dateAfter.index + 1));
    if (found && found.deadline === '') return { ...found, deadline: dateAfter[1]!.replace(/完成$/, '') };
  }
  const match = UNIT_SENTENCE.exec(trimmed);
  if (!match) return undefined;
  // "…按职责分工负责", "…各司其职": how they share the work, no part of who they are.
  const clauses = match[1]!.split(/[，,]/).map((clause) => clause.replace(ROLE_END_CLOSING, '').replace(/^(?:具体|主要)?由/, '').replace(/(?:按|按照|根据)(?:各自)?(?:职责|职能)(?:分工)?$|各司其职$|牵头$/, ''));
  // "由王刚副县长牵头，县住建局负责": a leader may lead the sentence; the unit reader takes the person out as the task's leader.
  const person = (clause: string) => {
    const parts = splitLeaders(clause);
    return parts.length > 0 && parts.every(looksLikePerson);
  };
  if (!clauses.every((clause) => looksLikeUnits(clause) || person(clause)) || !clauses.some((clause) => looksLikeUnits(clause))) return undefined;
  const deadline = match[2] && cellKind(match[2]) === 'deadline' ? match[2] : '';
  if (match[2] && !deadline) return undefined;
  return { units: match[1]!, deadline, at: trimmed.length - match[0].length + 1 };
}

/** The work a role verb goes on to name inside the bracket ("县财政局配合做好资金保障"): parseUnitCell leaves it out. */
const WORK_AFTER_ROLE = `(?:(?:${alternation(WORK_AFTER_ROLE_VERBS)})[^()（）。，,；;]{0,16})?`;
const NOTE_END = '(?:[，,。；;]NOTE{0,80}?(?:下同|不再(?:单独|逐一|一一|重复)?列出)[。]?)?';
/**
 * …or in 〔〕 or [ ], which may hold parentheses of their own: "〔市生态环境局牵头，…各县、区人民政府(管委会)负责落实。以下各项工作均需…落实，
 * 不再列出。〕", "[市水务局牵头,…各县(市)区政府负责落实。…不再列出)]" (a page's closing paren before the bracket's is the page's slip).
 */
/** A by-date closing the bracket after the roles ("（县教育局牵头，2023年底前完成）"): kept in the match, taken apart by ownDeadline. */
const DEADLINE_TAIL = '(?:[，,；;]\\s*(?:(?:完成)?时[限间][:：])?[^()（）〔〕\\[\\]【】，,；;。]{0,12}?(?:\\d{1,2}月|年底|年末|年内|季度|上半年|下半年|长期|持续|常态)[^()（）〔〕\\[\\]【】，,；;。]{0,8})?';
const TRAILING_ASSIGNMENT = new RegExp(
  `[(（]((?:[^()（）]|[(（][^()（）]{1,12}[)）]){2,200}?${ROLE_END}${WORK_AFTER_ROLE}${NOTE_END.replace('NOTE', '(?:[^()（）]|[(（][^()（）]{1,12}[)）])')}${DEADLINE_TAIL})[)）]|〔([^〔〕]{2,240}?${ROLE_END}${WORK_AFTER_ROLE}${NOTE_END.replace('NOTE', '[^〔〕]')}${DEADLINE_TAIL})〕|[\\[【]([^\\[\\]【】]{2,240}?${ROLE_END}${WORK_AFTER_ROLE}${NOTE_END.replace('NOTE', '[^\\[\\]【】]')}${DEADLINE_TAIL})[)）]?[\\]】]`,
  'g',
);

/**
 * An item that gives each of its clauses units of their own, as provincial 分工意见 write it:
 * "增强创新驱动发展能力。推进…建设（分管副省长负责，省科技厅牵头）。在…实施…项目（…省科技厅、
 * 省发改委等负责），建设一批众创空间（…省科技厅牵头）。" — the clauses, each with its parenthesis;
 * undefined when fewer than two parentheses assign work. A short opening sentence with no
 * parenthesis of its own is the item's heading, not part of its first clause.
 */
export function assignedClauses(text: string): { heading: string; clauses: string[] } | undefined {
  const ends = [...text.matchAll(TRAILING_ASSIGNMENT)];
  if (ends.length < 2) return undefined;
  const opening = /^([^。；;（(]{2,24})[。；;]\s*/.exec(text);
  const heading = opening && opening[0].length < ends[0]!.index! ? opening[1]!.trim() : '';
  const clauses: string[] = [];
  let at = heading ? opening![0].length : 0;
  for (const end of ends) {
    const stop = end.index! + end[0].length;
    clauses.push(text.slice(at, stop).trim());
    at = stop + (/^[。；;，,\s]*/.exec(text.slice(stop))?.[0].length ?? 0);
  }
  const tail = text.slice(at).trim();
  if (tail.length >= 4) clauses.push(tail);
  return clauses.every((clause) => clause.replace(TRAILING_ASSIGNMENT, '').trim().length >= 4) ? { heading, clauses } : undefined;
}

/** A unit text's closing clause when it is a by-date ("州司法局、各县市人民政府，6月底完成"): the deadline, apart from the units. */
function ownDeadline(value: string): { units: string; deadline?: string } {
  const last = /[，,；;]\s*([^，,；;]{2,16})$/.exec(value);
  if (!last) return { units: value };
  const clause = last[1]!.replace(/^(?:完成)?时[限间][:：]\s*/, '');
  return cellKind(clause) === 'deadline' ? { units: value.slice(0, last.index), deadline: clause } : { units: value };
}

/**
 * A leader label's value that is a note with the people in brackets ("按《市委工作要点》分工(蒋永根、俞福才)"): the
 * people; any other value as it is.
 */
function namesInNote(value: string): string {
  const note = /^([^（()）]{2,30})[（(]([^（()）]{2,40})[)）]$/.exec(value.trim());
  if (!note || splitLeaders(note[1]!).some(looksLikePerson)) return value;
  const people = splitLeaders(note[2]!);
  return people.length > 0 && people.every(looksLikePerson) ? note[2]! : value;
}

/** Reads an item's assignment. `text` is the item's lines joined with new lines. */
export function readAssignment(text: string): Assignment {
  const units: string[] = [];
  const leaders: string[] = [];
  const deadlines: string[] = [];
  const cut: [number, number][] = [];
  const matches = [...text.matchAll(LABEL_PATTERN)];
  matches.forEach((match, index) => {
    const start = match.index!;
    // A label inside brackets: the value ends at the closing bracket; else at the next label or the line's end.
    const open = openerBefore(text, start);
    const opener = open?.char;
    const close = opener ? CLOSE[opener]! : undefined;
    const valueStart = start + match[0].length;
    const nextLabel = Math.min(matches[index + 1]?.index ?? text.length, nextAnyLabel(text, valueStart));
    let end = Math.min(nextLabel, text.indexOf('\n', valueStart) >= 0 ? text.indexOf('\n', valueStart) : text.length);
    if (!close && text[end] === '\n' && !['leaders', 'deadline'].includes(kindOfLabel(match[1]!))) end = wrappedValueEnd(text, valueStart, end, nextLabel);
    if (close) {
      const closing = closingBracket(text, valueStart, opener!);
      if (closing >= 0 && closing < end) end = closing;
    }
    // "牵头部门：市交通局。建设进度相对较慢的县区为舒城县。": a unit label's value ends with its sentence when what follows names no units.
    if (!close && !['leaders', 'deadline'].includes(kindOfLabel(match[1]!))) {
      const stop = text.slice(valueStart, end).indexOf('。');
      const after = stop >= 0 ? text.slice(valueStart + stop + 1, end).trim() : '';
      if (after !== '' && !looksLikeUnits(after.replace(/[。；;，,]+$/, ''))) end = valueStart + stop + 1;
    }
    let value = text.slice(valueStart, end).replace(/^[\s]+|[\s；;，,。.]+$/g, '');
    // The bracket's opener was on a line of its own (a long line cut before this label): its closer ends the value.
    if (!close && /[)）\]】]$/.test(value) && !/[(（[【]/.test(value)) value = value.slice(0, -1).replace(/[\s；;，,。.]+$/, '');
    const kind = kindOfLabel(match[1]!);
    let cutStart = start;
    let cutEnd = end;
    if (close && opener) {
      const openAt = open!.at;
      const closeAt = closingBracket(text, valueStart, opener);
      const firstInBracket = index === 0 || matches[index - 1]!.index! < openAt;
      // "（县住建局牵头；责任领导：张三）": the clause before the bracket's first label names units too.
      const before = firstInBracket ? text.slice(openAt + 1, start).replace(/[；;，,\s]+$/, '') : '';
      if (before && looksLikeUnits(before.replace(ROLE_AT_END, ''))) units.push(before);
      if (openAt >= 0 && closeAt >= 0 && firstInBracket) cutStart = openAt;
      if (closeAt >= 0 && (index === matches.length - 1 || matches[index + 1]!.index! > closeAt)) cutEnd = closeAt + 1;
    }
    cut.push([cutStart, cutEnd]);
    if (value === '' || /^(无|—+|-+|\/)$/.test(value)) return;
    if (kind === 'leaders') leaders.push(namesInNote(value));
    else if (kind === 'deadline') deadlines.push(value);
    else {
      // "（…责任单位：州司法局、各县市人民政府，6月底完成）": a deadline closing a unit label's value is the deadline.
      const own = ownDeadline(value);
      // "责任单位:市税务局、市财政局,排在首位的为牵头单位,下同", "负责单位:…。未明确牵头单位的,由所列负责单位…负责,下同":
      // the convention or note stated after the units names none.
      const named = withoutNotes(unitsBeforeRunOn(own.units));
      if (own.deadline) deadlines.push(own.deadline);
      units.push(kind === 'division' ? named : withRole(named, kind));
    }
  });
  let rest = cutOut(text, cut);
  if (units.length === 0) {
    const trailing = [...rest.matchAll(TRAILING_ASSIGNMENT)];
    // A plain list may hold a short parenthesis of its own: "(市人保局,各市(县)、区政府)".
    const plain = /[(（]((?:[^()（）]|[(（][^()（）]{1,12}[)）]){2,120})[)）][。；;]?\s*$/.exec(rest.trim());
    const leading = LEADING_UNITS.exec(rest);
    const subject = SUBJECT_UNITS.exec(rest);
    const acting = ACTING_UNITS.exec(rest);
    const by = trailing.length > 0 ? undefined : byUnit(rest);
    const sentence = trailing.length > 0 || by ? undefined : unitSentence(rest);
    if (trailing.length > 0) {
      // A note for the rest of the document closing the parenthesis ("。明确牵头部门的，其他有关部门配合，下同") names no unit.
      for (const match of trailing) {
        const own = ownDeadline(match[1] ?? match[2] ?? match[3]!);
        units.push(withoutNotes(own.units));
        if (own.deadline) deadlines.push(own.deadline);
      }
      rest = rest.replace(TRAILING_ASSIGNMENT, '');
    } else if (by) {
      // "这项工作由国家发展改革委负责" / "由市财政局牵头，市税务局配合".
      units.push(by);
      // A sentence that only says who ("此项工作由市中小企业局、财政局负责。") is no words of the task.
      rest = rest.replace(WHO_DOES_IT_SENTENCE, '');
    } else if (sentence) {
      // "…。县教体局牵头，县发改局、县财政局配合，2024年9月前完成。": the item's last sentence says who, and by when.
      // (The lead may be the first sentence's subject: "市发改委牵头推进…，市财政局配合".)
      if (subject?.[3] && looksLikeUnits(subject[1]!) && subject.index + subject[0].length <= sentence.at) units.push(`${subject[1]}牵头`);
      units.push(sentence.units);
      if (sentence.deadline) deadlines.push(sentence.deadline);
      // (Said in clauses after the task's own, "…提升，市发改委牵头，市财政局配合", the comma before them goes too.)
      rest = rest.slice(0, sentence.at).replace(/[，,]\s*$/, '');
    } else if (plain && looksLikeUnits(withoutConvention(ownDeadline(plain[1]!).units)) && !/(?:为|是)\s*(?:牵头|主办|责任|配合)/.test(withoutConvention(plain[1]!))) {
      // (Never a note stating a convention alone: "（标注★的单位为牵头单位）"; after the list, "（…。排名第一的为牵头单位，下同）", it is left out.)
      // "（市财政局、市税务局）" closing the item: a plain list of units; with its date last, "（县住建局，12月底前）", a deadline too.
      const own = ownDeadline(plain[1]!);
      units.push(withoutConvention(own.units));
      if (own.deadline) deadlines.push(own.deadline);
      rest = rest.trim().slice(0, plain.index);
    } else if (leading && looksLikeUnits(leading[1]!) && !ROLE_AT_END.test(leading[1]!) && (DUTY.test(rest.slice(leading[0].length)) || UNIT_LABEL.test(leading[0]))) {
      // "市卫生局：负责医院周边环境秩序综合整治…", "交通部门：结合实际，…": a duty list, the unit first (never a role word: "具体负责：…").
      units.push(/^\s*牵头/.test(rest.slice(leading[0].length)) ? `${leading[1]}牵头` : leading[1]!);
      rest = rest.slice(leading[0].length);
    } else if (subject && looksLikeUnits(subject[1]!)) {
      // "县公安局负责道路交通…的隐患排查治理工作": the unit is the sentence's subject.
      units.push(`${subject[1]}${subject[2] || subject[3] ? '牵头' : '负责'}`);
    } else if (acting && looksLikeUnits(acting[1]!)) {
      // "县目标督查办按季度对…进行通报": the unit is the decision's subject.
      units.push(acting[1]!);
    } else {
      // "整改措施：责令大湖口镇人民政府立即…": an inspection notice names who answers for the problem in its fix.
      const handed = handedTo(rest);
      if (handed) units.push(handed);
    }
  }
  // No deadline label: a "by" date the item's own text sets ("2022年10月底前编制并公布…", "确保9月底前投入运行").
  if (deadlines.length === 0) deadlines.push(...inlineDeadlines(rest));
  return {
    unitText: units.join('；'),
    leaderText: leaders.join('、'),
    deadlineText: deadlines.join('；'),
    rest: rest.replace(/\n{2,}/g, '\n').trim(),
  };
}

/**
 * Where a unit label's value ends when the page broke its line inside a unit's name ("协办单位:区委编办、园区党工" /
 * "委、各街道党工委"): on the next line too, when the value's last piece is no unit alone but is one with the next
 * line's first piece; else at the line's end.
 */
function wrappedValueEnd(text: string, valueStart: number, end: number, limit: number): number {
  const value = text.slice(valueStart, end).trim();
  const last = value.split(/[、，,；;]/).at(-1)!.trim();
  const lineEnd = text.indexOf('\n', end + 1);
  const stop = Math.min(limit, lineEnd >= 0 ? lineEnd : text.length);
  const next = text.slice(end + 1, stop).trim();
  const first = next.split(/[、，,；;]/)[0]!.trim();
  if (!last || !first || next.length > 60 || /[。；;]$/.test(value) || looksLikeUnits(last) || !looksLikeUnits(`${last}${first}`)) return end;
  return stop;
}

/**
 * A unit label's value on a line a page ran a table into ("各区政府 鄞州 海曙、江东 合计
 * 新辟线路年度目标 2 5 1 …"): the value ends before the first space-separated piece
 * from which on the text is no list of units and holds figures or runs long.
 */
function unitsBeforeRunOn(value: string): string {
  const pieces = value.split(/(?<=\S)\s+(?=\S)/);
  for (let index = 1; index < pieces.length; index++) {
    const remainder = pieces.slice(index).join(' ');
    if (!looksLikeUnits(remainder) && (/\d/.test(remainder) || remainder.length > 30)) return pieces.slice(0, index).join(' ');
  }
  return value;
}

/** A date the text says something is done by: "2022年10月底前", "9月底前", "6月30日前", "年底前". */
const INLINE_DEADLINE = /(?:(?:19|20)\d{2}年(?:底|末)|(?:(?:19|20)\d{2}年)?(?:(?:1[0-2]|0?[1-9])月(?:(?:[12]\d|3[01]|0?[1-9])日)?(?:底|末|中旬|上旬|下旬)?|年底|年末)|[本下]月[底末]|本周末?|本季度末?)(?:之前|以前|前)/g;

/**
 * A date the text says something gets done on, without 前: "2024年12月底完成", "年内完成", "三季度末投入使用",
 * "于2024年9月30日完成" — a month, a day, the year's end or a quarter, then a verb of getting done. Never what
 * is reported done ("已于6月完成"), nor a bare year ("2023年完成投资12亿元").
 */
const INLINE_COMPLETION = /(?<!已(?:于|在)?)(?:(?:19|20)\d{2}年(?:底|末|内)|(?:(?:19|20)\d{2}年)?(?:(?:1[0-2]|0?[1-9])月份?(?:(?:[12]\d|3[01]|0?[1-9])日)?(?:底|末|中旬|上旬|下旬)?|年底|年末|年内|上半年|下半年|(?:第)?[一二三四]季度(?:末)?))(?:全面|基本|全部)?(?:完成|建成|完工|竣工|投入使用|投用|到位|实现)/g;

/**
 * A date the text requires something by, said right after the requirement: "要求6月底姜营社区一期开工建设", "确保9月底
 * 前投入使用", "力争2024年6月主体完工" (the date in group 1).
 */
const INLINE_REQUIRED = /(?:要求|确保|力争|争取|务必|必须)(?:于|在)?((?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9])月(?:份)?(?:(?:[12]\d|3[01]|0?[1-9])日)?(?:底|末|中旬|上旬|下旬)?|年底|年末)(?=[\u4e00-\u9fa5])/g;

/**
 * A span the work must be done within, as minutes and instructions set it: "在半个月之内制定出…", "10个工作日内报送",
 * "一个月内完成" — from the day it was decided; kept as written. Only a span the clause opens with: a rule's span after an
 * event ("应在完成审批程序后1个工作日内公开") is how the work is done, not when it is due.
 */
const INLINE_WITHIN = /(?<=^|[，,。；;：:\s])(?:在|于)?(?:[一二两三四五六七八九十\d]{1,3}|半)个?(?:月|星期|周|工作日|日|天)(?:之内|以内|内)(?=[，,。；;\u4e00-\u9fa5]|$)/g;

/** The by-dates an item's text sets, in order, each once (the importer keeps them all; the light judges by the next one due). */
export function inlineDeadlines(text: string): string[] {
  const by = [...text.matchAll(INLINE_DEADLINE)].map((match) => match[0]);
  if (by.length > 0) return [...new Set(by)];
  const done = [...text.matchAll(INLINE_COMPLETION)].map((match) => match[0]);
  if (done.length > 0) return [...new Set(done)];
  const required = [...text.matchAll(INLINE_REQUIRED)].map((match) => match[1]!);
  return [...new Set(required.length > 0 ? required : [...text.matchAll(INLINE_WITHIN)].map((match) => match[0]))];
}

function cutOut(text: string, ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return text;
  let result = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) {
      at = Math.max(at, end);
      continue;
    }
    result += text.slice(at, start);
    at = end;
  }
  return result + text.slice(at);
}

/** The words that name the first place in a list: 第一位, 首位, 排名第一, and 第一 itself before 责任单位/单位. */
const FIRST_PLACE = '(?:列|排)?(?:第一位|第一个|第一家|首位|首个|排名第一|排在第一|排序第一|位列第一|排在首位|排名首位|排在最前|第一)';

/**
 * A document that makes the first unit listed the lead: "列第一位的为牵头单位", "首位单位为牵头单位",
 * "第一责任单位为牵头单位", "排在首位的部门牵头", "列第一位者为主办单位". A unit itself called 第一牵头单位 ("市财政局为第一牵头单位")
 * is not a convention: the first place must be followed by 为/是 or by 单位/部门.
 */
export const FIRST_LISTED_LEADS = new RegExp(`${FIRST_PLACE}(?:的|者)?(?:(?:(?:责任|主办|承办)?(?:单位|部门))(?:的|者)?(?:为|是)?|(?:为|是))(?:工作)?(?:牵头|主办|主责)`);

/** The convention said only of tasks with several units ("由多个单位负责的，排在第一位的为牵头单位"): a unit alone is not made lead. */
export const FIRST_LISTED_LEADS_OF_SEVERAL = new RegExp(`(?:多个|两个(?:及|或)?以上|2个(?:及|或)?以上|多家)(?:责任)?(?:单位|部门)[^。；]{0,12}${FIRST_PLACE}`);

/** The note stating that convention, to be taken out of a unit text: "(第一责任单位为牵头单位,下同)", "(下同)". */
export const CONVENTION_NOTE = new RegExp(`[(（][^()（）]*${FIRST_PLACE}[^()（）]*(?:牵头|单位|部门)[^()（）]*[)）]|[(（]\\s*下同\\s*[)）]`, 'g');
