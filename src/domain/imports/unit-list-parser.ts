/**
 * Reads the units named in a cell or parenthesis and the part each takes:
 * "市财政局牵头，会同有关部门和各县区政府落实" → 市财政局 lead, 有关部门 and
 * 各县区政府 cooperating. Collective bodies (各镇区, 市政府各部门、各直属机构,
 * 各市、区政府) stay whole; "区发展改革局（区物价局）" gives an alias. Pure.
 */
import { looksLikePerson } from './people.js';
import { leadingPlace } from '../places/gazetteer.js';
import { alternation, COOPERATING_WORDS, LEAD_WORDS, UNIT_NOUNS, WORK_AFTER_ROLE_VERBS } from './role-words.js';
import type { UnitLevel, UnitRole } from '../vocabulary.js';

/** A unit as named in the document. */
export interface UnitMention {
  /** Name as written, cleaned: "市财政局". */
  name: string;
  role: UnitRole;
  level: UnitLevel;
  /** Other names the document gives in parentheses: "区物价局". */
  aliases: string[];
}

/** How to read a cell. */
export interface UnitCellOptions {
  /** Role of units the text gives no verb for (from the column header). */
  defaultRole: UnitRole;
}

/** Endings of an organisation's name. */
export const UNIT_SUFFIX = /(局|办|委|部|厅|府|政府|部门|机构|中心|室|科|股|站|会|院|所|处|队|团|行|社|馆|组|单位|分局|公司|集团|联|协|海关|司|署|园区|开发区|集中区|工业区|高新区|保税区|专班|指挥部|管委会|街道|镇|乡|学校|大学|医院|电视台|报社|银行|支行|分行)$/;
const LEAD = new RegExp(`(分别)?(${alternation(LEAD_WORDS)})(落实|负责|实施)?$`);
const RESPONSIBLE = /(分别)?(?:具体)?(负责(落实|实施)?|(?:落实|履行|承担)属地(?:管理)?责任|落实|承办|实施|组织实施)$/;
const COOPERATING = new RegExp(`(${alternation(COOPERATING_WORDS)})(落实|实施)?$`);
const COOPERATING_PREFIX = /^(会同|协同|配合|联合)/;
const TRAILING_ET_CETERA = /(等(省|市|区|县|州)?(直|级)?(有关|相关)?(部门单位|部门|单位|机构))?(按(照)?(各自)?职责(分工)?)?$/;

/** Splits on a separator outside parentheses. */
function splitOutside(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '（') depth++;
    if (char === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Collective bodies: "各镇区", "市政府各部门", "有关部门", "市有关单位". */
export function isCollective(name: string): boolean {
  return /^各|各(部门|直属|镇|县|区|级|地|科室|单位)|有关|相关|所有|各行政执法/.test(name);
}

function levelOf(name: string): UnitLevel {
  if (isCollective(name)) return 'collective';
  if (name.startsWith('市')) return 'city';
  if (name.startsWith('区')) return 'district';
  if (name.startsWith('县')) return 'county';
  if (name.startsWith('镇')) return 'town';
  return 'other';
}

/**
 * Splits a list of units on 、, keeping compound
 * collectives whole: "各市、区政府", "市政府各部门、各直属机构".
 */
function splitUnitList(text: string): string[] {
  const items = splitOutside(text, /[、，,]/);
  const merged: string[] = [];
  for (const item of items) {
    const previous = merged.at(-1);
    // "各县、市、区政府", "各乡、镇人民政府": single places after 各 share the body named last.
    // "各县（市）、区人民政府": a place word may carry its own parenthesis, and so may the body ("各县、区人民政府(管委会)").
    const openCollective = previous !== undefined && /^各([\u4e00-\u9fa5](?:[（(][\u4e00-\u9fa5]{1,3}[)）])?、)*[\u4e00-\u9fa5](?:[（(][\u4e00-\u9fa5]{1,3}[)）])?$/.test(previous);
    const compound =
      previous !== undefined &&
      ((openCollective && (/^[\u4e00-\u9fa5]$/.test(item) || /^[\u4e00-\u9fa5]{1,3}(人民政府|政府|部门)(?:[（(][\u4e00-\u9fa5]{1,8}[)）])?$/.test(item))) ||
        (isCollective(previous) && /^各(直属|部门|有关)/.test(item)));
    if (compound) merged[merged.length - 1] = `${previous}、${item}`;
    else merged.push(item);
  }
  return merged;
}

/** Where a name ends and a place-level word starts another: 局 | 市农业农村局 (not 市文旅局 | 市场综合执法大队, one bureau's squad). */
const GLUED_AT_LEVEL = /(?<=(?:局|委|办|厅|部|所|站|院|处|会|队|中心|政府))(?!市场|市政(?!府)|市容)(?=(?:省|市|县|区|镇|乡)[\u4e00-\u9fa5]{2,})/g;
/** A people's organisation written without its level after a whole name (省财政厅 | 妇联, 市教育局 | 团委). */
const GLUED_ORGANISATION = /(?<=[\u4e00-\u9fa5]{2,}(?:厅|局|委|办|府))(?=(?:妇联|团委|工会|科协|残联|文联|侨联|工商联|红十字会)$)/;
/** Grass-roots stations run together: 派出所 | 工商质监所, 文化站 | 农技站. */
const GLUED_STATIONS = /(?<=[\u4e00-\u9fa5]{2}(所|站))(?=[\u4e00-\u9fa5]{2,}\1$)/;

/**
 * Two names a page ran together when it lost the break between them
 * ("市海洋渔业局市农业农村局", "派出所工商质监所", "省财政厅妇联"): cut where a whole name ends
 * and the next starts with its place level or is a people's organisation, or between two stations, when
 * each part is a name of at least three characters ending as units end.
 * "市公安局交通管理局" (one bureau's office) is not cut: its second part names
 * no place.
 */
function unglue(item: string): string[] {
  const organisation = item.split(GLUED_ORGANISATION);
  if (organisation.length === 2 && organisation[0]!.length >= 3 && UNIT_SUFFIX.test(organisation[0]!)) return organisation;
  if (item.length < 7 || /[^\u4e00-\u9fa5]/.test(item)) return [item];
  const whole = (part: string) => part.length >= 3 && UNIT_SUFFIX.test(part);
  const atLevel = item.split(GLUED_AT_LEVEL);
  if (atLevel.length > 1 && atLevel.every(whole)) return atLevel;

  const stations = GLUED_STATIONS.exec(item);
  if (stations) {
    const parts = [item.slice(0, stations.index), item.slice(stations.index)];
    if (parts.every((part) => whole(part) && part.length <= 6 && !/各|属/.test(part))) return parts;
  }
  return [item];
}

/** Splits "有关部门和各县区政府", "地税局等和各市、县人民政府" on 和/及 where a unit ends and a place or a collective starts. */
function splitBeforeCollective(text: string): string[] {
  return text.split(/(?<=(?:部门|政府|局|办|委|厅|院|处|室|署|队|会|单位|机构|中心))等?(?:和|及|以及|与)(?=各|省|市|州|区|县|有关)/).filter(Boolean);
}

/** Splits "经济投资局和航空口岸局": two whole names of three characters or more (a 和 inside a name, 人力资源和社会保障局, has no unit before it). */
function splitNamePair(name: string): string[] {
  const pair = /^(.{3,20}?(?:局|办|委|厅|院|处|室|署|队|中心))(?:和|及|与)(.{3,20}?(?:局|办|委|厅|院|处|室|署|队|中心))$/.exec(name);
  return pair ? [pair[1]!, pair[2]!] : [name];
}

/** A unit's head written after its name ("盘龙区政府主要领导", "市财政局主要负责同志"): who answers for it, not part of the name. */
const HEAD_OF_UNIT = /(?<=..)(?:主要领导|主要负责人|主要负责同志|负责同志|分管领导|分管负责同志)$/;

/** A unit's part written before its name (包片单位, 责任单位), perhaps after where it holds it (陈家坝沿线). */
const PART_BEFORE_NAME = /^[\u4e00-\u9fa5]{0,8}?(?:包片|包保|包联|挂点|挂钩|责任|牵头|配合|协办|属地)(?:单位|部门)(?=[\u4e00-\u9fa5]{2})/;

function cleanName(raw: string): { name: string; aliases: string[] } | undefined {
  let name = raw.replace(/^[和及与、，]+|[、，。；]+$/g, '').replace(TRAILING_ET_CETERA, '').replace(/(?<=..)等$/, '').replace(/[*＊]+$/, '').replace(HEAD_OF_UNIT, '').trim();
  // "包片单位县气象局", "陈家坝沿线包片单位县职教中心": the part the unit plays, written before its name.
  name = name.replace(PART_BEFORE_NAME, '');
  const aliases: string[] = [];
  const paren = /（([^（）]+)）/g;
  for (const match of name.matchAll(paren)) {
    if (UNIT_SUFFIX.test(match[1]!) || /督查室|办公室/.test(match[1]!)) aliases.push(match[1]!);
  }
  const bare = name.replace(paren, (whole, inner: string) => (aliases.includes(inner) ? '' : whole)).trim();
  // "镇（街道）": towns and their 街道 together, not a bracketed alias of a one-character name.
  if (bare.length >= 2) name = bare;
  else aliases.length = 0;
  if (name.length < 2 || !/[\u4e00-\u9fa5]/.test(name)) return undefined;
  return { name, aliases };
}

/** Where a name may start: a jurisdiction or a collective. */
const UNIT_START = /^(市|区|县|镇|省|各|有关|相关|中国|国家)/;

/**
 * White space inside a unit cell is either a separator ("市府办公室 市法制局",
 * as pipe tables and spreadsheet cells write lists) or debris of a name
 * broken across lines ("市人力资源⏎社会保障局"). It separates only where the
 * text before it ends like a unit and the text after starts like one.
 */
function separateOnWhiteSpace(text: string): string {
  const pieces = text.split(/\s+/);
  let joined = pieces[0] ?? '';
  for (const piece of pieces.slice(1)) {
    const before = (joined.split(/[、，；。]/).at(-1) ?? '').replace(/（[^（）]*）$/, '');
    // "安监站 安监所": two whole names apart, each ending like a unit.
    const BODY_END = /(站|所|局|委|办|院|队|中心|室|科|股|处|会|部|厅|馆|社|公司|集团)$/;
    // "东孝街道 孝顺镇": places one a line (not 住房城乡 / 建设局, a name broken after 乡).
    const PLACE_END = /..(街道|镇|乡)$/;
    // The next name is judged without the verb a column gave it ("团区委配合").
    const next = piece.split(/[、，；。]/)[0]!.replace(/(牵头|负责|配合|协助|协同|参与)$/, '');
    const whole =
      (BODY_END.test(before) && before.length >= 2 && BODY_END.test(next) && next.length >= 2) || (PLACE_END.test(before) && PLACE_END.test(next));
    // "市民政局 伍泽国": a person after a unit (a 牵头单位及主要负责人 cell) is apart from it, to be taken out as a leader.
    const person = UNIT_SUFFIX.test(before) && looksLikePerson(next);
    joined += UNIT_SUFFIX.test(before) && (UNIT_START.test(piece) || whole || person) ? `、${piece}` : piece;
  }
  return joined;
}

/** Role a clause's own wording gives, and the clause with that wording removed. */
function roleOfClause(clause: string): { role: UnitRole | undefined; rest: string } {
  // "由市发展改革委、统计局负责", "具体由市发改委承办": 由 says who, it is no part of the first name.
  let rest = clause.replace(/^(?:具体|主要|统一)?由(?=[\u4e00-\u9fa5]{2})/, '');
  let role: UnitRole | undefined;
  if (COOPERATING_PREFIX.test(rest)) {
    role = 'cooperating';
    rest = rest.replace(COOPERATING_PREFIX, '');
  }
  for (const [pattern, verbRole] of [
    [LEAD, 'lead'],
    [COOPERATING, 'cooperating'],
    [RESPONSIBLE, 'responsible'],
  ] as const) {
    if (pattern.test(rest)) {
      rest = rest.replace(pattern, '');
      role ??= verbRole;
      break;
    }
  }
  // "…牵头落实" may leave a second verb: "牵头，会同…落实" handled per clause.
  rest = rest.replace(RESPONSIBLE, '').replace(TRAILING_ET_CETERA, '');
  return { role, rest };
}

/** The verb parseUnitCell reads for each role word a cell may use. */
const ROLE_VERB: Record<string, string> = {
  ...Object.fromEntries(LEAD_WORDS.map((word) => [word, '牵头'])),
  ...Object.fromEntries(COOPERATING_WORDS.map((word) => [word, '配合'])),
  责任: '负责',
  负责: '负责',
};
const UNIT_NOUN = alternation(UNIT_NOUNS);
const ROLE_WORD = `(${Object.keys(ROLE_VERB).join('|')})`;

/**
 * The ways a cell gives each unit its part, rewritten as clauses that end
 * with their verb: "市财政局（牵头）、市税务局" → "市财政局牵头，市税务局";
 * "牵头：市财政局 配合：市税务局" and "市财政局为牵头单位，市税务局为配合单位"
 * → "市财政局牵头；市税务局配合"; "市财政局牵头、市税务局配合" → "市财政局牵头，市税务局配合".
 */
function rolesAsClauses(text: string): string {
  const labelled = new RegExp(`${ROLE_WORD}(?:${UNIT_NOUN})?[:：]\\s*(.+?)(?=${ROLE_WORD}(?:${UNIT_NOUN})?[:：]|$)`, 'g');
  let result = /^[^：:]{0,6}[:：]/.test(text) ? text.replace(labelled, (_, role: string, units: string) => `${units.replace(/[，；。\s]+$/, '')}${ROLE_VERB[role]}；`) : text;
  result = result.replace(new RegExp(`为${ROLE_WORD}(?:${UNIT_NOUN}|主体)`, 'g'), (_, role: string) => ROLE_VERB[role]!);
  result = result.replace(new RegExp(`（${ROLE_WORD}(?:${UNIT_NOUN})?）[、，]?`, 'g'), (_, role: string) => `${ROLE_VERB[role]}，`);
  // "市财政局牵头、市税务局配合", "X和Y分别牵头、Z": a verb closing a unit's name ends its clause though a 、 follows.
  result = result.replace(new RegExp(`(?<=(?:${UNIT_SUFFIX.source.slice(1, -1)}(?:分别)?)${ROLE_WORD}、`, 'g'), (_, role: string) => `${role}，`);
  // "县财政局配合做好资金保障", "县教育局牵头抓好落实": the verb gives the part; what they are to do is no part of a name.
  result = result.replace(DOING_AFTER_ROLE, '$1');
  // "由徐明金同志协调，区瀛湖管理局负责": the one who coordinates (a leader, taken out as such) is named without the verb.
  result = result.replace(/(?<=同志|[省市区县]长|书记|主任|秘书长|助理)协调(?=[，；。]|$)/g, '');
  // "市发展改革委会同有关部门、各县区组织推进": the unit before 会同 leads, those after it cooperate.
  result = result.replace(JOINTLY, '$1牵头，会同$2配合');
  return result.replace(/[，；]+$/, '');
}

/** A role verb after a unit's name and the work it goes on to name ("配合做好资金保障"), up to the clause's end. */
const DOING_AFTER_ROLE = new RegExp(`(?<=(?:${UNIT_SUFFIX.source.slice(1, -2)}))(牵头|负责|配合|协助|协同|参与)(?:${alternation(WORK_AFTER_ROLE_VERBS, ['实施', '落实'])})[^，；。]*`, 'g');

/** A unit 会同 others, and what they do together (组织推进, 负责落实 …), as one clause. */
const JOINTLY = new RegExp(`^([\u4e00-\u9fa5（）]{2,30}?(?:${UNIT_SUFFIX.source.slice(1, -2)}))会同([^，；。]{2,120}?)(?:组织推进|组织实施|组织落实|共同推进|共同负责|负责落实|负责实施|负责|推进|组织|落实|实施|办理|研究)?$`);

/** "市发改委/市财政局": a slash parts two names; "1.市发改委 2.市财政局", "①…②…": a list's numbers are no part of them. */
function withoutListMarks(text: string): string {
  return text
    .replace(/\s*[/／]\s*(?=[\u4e00-\u9fa5])/g, '、')
    .replace(/(^|[\s、，；])(?:\d{1,2}[.、．)）]|[(（]\d{1,2}[)）])\s*(?=[\u4e00-\u9fa5])/g, '$1')
    .replace(/^\s*[①-⑳]\s*/, '')
    .replace(/\s*[①-⑳]\s*/g, '、');
}

/**
 * Parses a unit cell. Clauses (split on ，；。) carry their own role when they
 * say 牵头 / 负责 / 配合 / 会同; a clause without a verb takes `defaultRole`
 * when it comes first, and after a lead clause the part of the next clause
 * that says 配合 (its list written with ，), else 'responsible'.
 */
export function parseUnitCell(text: string, options: UnitCellOptions): UnitMention[] {
  let normalised = text
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[,]/g, '，')
    .replace(/;/g, '；');
  if (/[/／\d①-⑳]/.test(normalised)) normalised = withoutListMarks(normalised);
  normalised = normalised.replace(/、{2,}/g, '、');
  // "省农业厅等省直有关部门", "市财政局等市级相关单位": a collective of a level is named, not an "and so on".
  normalised = normalised.replace(/等(?=[省市区县州](?:直|级)(?:有关|相关)?(?:部门|单位|机构))/g, '、');
  // "…住房和城乡建设等部门、单位配合": 部门、单位 close the list together, as 等部门 alone does.
  normalised = normalised.replace(/等((?:有关|相关)?(?:部门|单位|机构))[、和及与](?:部门|单位|机构)/g, '等$1');
  // White space after a closing parenthesis may part two names ("各乡镇（街道）⏎区教体局"): separateOnWhiteSpace judges it.
  normalised = separateOnWhiteSpace(normalised.replace(/\s*([、，；。（])\s*/g, '$1').replace(/\s+）/g, '）').trim());
  normalised = rolesAsClauses(normalised);

  const mentions: UnitMention[] = [];
  const clauses = splitOutside(normalised, /[，；。]/).map(roleOfClause);
  let sawLead = false;
  clauses.forEach(({ role: said, rest }, index) => {
    // "市发改委牵头，市财政局，市自然资源局配合": after the lead, a clause without a verb is one of the list the next verb closes (a ， written for 、).
    const closing = sawLead && said === undefined && rest !== '' ? clauses.slice(index + 1).find((clause) => clause.role !== undefined) : undefined;
    // In a lead column, a clause after a first one that is only a collective ("各县(市、区)政府，市财政局、教育局") goes on leading:
    // the collective was put first, not made the lead alone. After a named unit the rest is the work's others ("市编委办，各镇区").
    const afterCollective = index === 1 && options.defaultRole === 'lead' && said === undefined && clauses[0]!.role === undefined && splitUnitList(clauses[0]!.rest).every((name) => isCollective(name)) && !splitUnitList(rest).every((name) => isCollective(name));
    const role: UnitRole = said ?? (index === 0 || !sawLead || afterCollective ? options.defaultRole : closing?.role === 'cooperating' ? 'cooperating' : 'responsible');
    if (role === 'lead') sawLead = true;
    const names = splitBeforeCollective(rest).flatMap(splitUnitList).flatMap(splitNamePair).flatMap(unglue);
    for (const raw of names) {
      const cleaned = cleanName(raw);
      if (!cleaned) continue;
      if (mentions.some((mention) => mention.name === cleaned.name)) continue;
      mentions.push({ name: cleaned.name, role, level: levelOf(cleaned.name), aliases: cleaned.aliases });
    }
  });
  return withJurisdictionPrefix(mentions);
}

/** A park or development zone named at a unit's start (园区, 开发区, 高新区, 新区, 工业园). */
const PARK = /^[\u4e00-\u9fa5]{0,4}?(?:园区|开发区|经开区|高新区|新区|工业园)/;

/** Words that start with 市, 区 or 县 without naming the level (市场监督管理所, 市政管理处, 市容环卫处, 区域…, 县域…). */
const NOT_A_LEVEL = /^(?:市场|市政(?!府)|市容|区域|县域)/;

/**
 * Whether a name starts with a place's name (宁波市税务局, 广东省气象局, 无锡工商局): its place is said already. A short name
 * counts only before a whole bureau's name (无锡 + 工商局), never when it is the bureau's own first word (公安 + 局).
 */
function namesItsPlace(name: string): boolean {
  const place = leadingPlace(name);
  if (place !== undefined && place.written.length < name.length) return true;
  const short = leadingPlace(name, { allowShort: true });
  return short !== undefined && name.length - short.written.length >= 3;
}

/**
 * "市政府办公室、经济和信息化局": a bureau written without 市 among siblings
 * that have it is the same city's bureau.
 */
function withJurisdictionPrefix(mentions: UnitMention[]): UnitMention[] {
  const prefix = ['市', '区', '县'].find((p) => mentions.some((m) => m.name.startsWith(p) && !NOT_A_LEVEL.test(m.name) && m.level !== 'collective'));
  if (!prefix) return mentions;
  return mentions.map((mention) =>
    // 团区委 / 团市委 (the Youth League's committee) already says its level.
    // A park's or zone's own office (园区党工委, 经开区管委办) is no bureau of the city.
    // A bureau written with its own place (宁波市税务局, a branch the state runs there) is no bureau of the city's.
    mention.level === 'other' && /(局|委|办)$/.test(mention.name) && !/^(省|中|国|新会|各)/.test(mention.name) && !/^团[省市区县州]委$/.test(mention.name) && !PARK.test(mention.name) && !namesItsPlace(mention.name)
      ? { ...mention, name: `${prefix}${mention.name}`, level: levelOf(`${prefix}${mention.name}`) }
      : mention,
  );
}
