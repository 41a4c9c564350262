/**
 * Tells people from units in a plan: leaders are named by a 2–4 character
 * personal name (金力, 王 健, 欧阳红) or by a title (副市长, 常务副区长,
 * 省政府分管领导同志), and are kept as a task's leaders, never as units. Pure.
 */
import { isPlaceName, leadingPlace } from '../places/gazetteer.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../people/surnames.js';

/** The commonest Chinese surnames (single and double), enough to tell 金力 from 海关. */
const SURNAMES = new Set(SINGLE_SURNAMES.split(''));
const DOUBLE_SURNAMES = new RegExp(`^(?:${COMPOUND_SURNAMES.join('|')})`);

/** Endings of titles held by people, not by organisations. */
const TITLE = /([省市区县州]长助理|书记|副?(省|市|区|县|州|镇|乡|盟|旗)?长|(副|常务副)[\u4e00-\u9fa5]{0,3}长|主任|秘书长|常委|部长|主席|同志|领导|调研员|巡视员|专员|组长|总指挥|指挥长)$/;
/** A title written before the name: 副县长张三, 常务副市长李四, 县委书记王五. */
const TITLE_FIRST = /^(?:[省市区县州]委)?(?:常务)?(?:副)?(?:[省市区县州镇乡]长|书记|主任)([\u4e00-\u9fa5]{2,4})$/;

/** A seat on a party committee (县委常委), held by a person. */
const PARTY_COMMITTEE_SEAT = /^[省市区县州]委常委$/;

/** Endings of organisations: a name ending so is a unit, whatever it starts with. */
const ORGANISATION = /(局|办|委|部|厅|府|政府|部门|机构|中心|室|科|股|站|会|院|所|处|队|团|行|社|馆|组|单位|公司|集团|联|协|关|司|署|园|区|县|镇|乡|街道|村|校|台|社区|基地|平台|专班|指挥部|管委会)$/;

/** Whether a part of a list names a person (a leader) rather than a unit. */
export function looksLikePerson(raw: string): boolean {
  // "张三（副县长）", "李四(县委常委、副县长)": a name with its titles in brackets is that person.
  const bracketed = /^([\u4e00-\u9fa5·]{2,4})[（(]([^（）()]{2,20})[)）]$/.exec(raw.replace(/\s/g, ''));
  if (bracketed) return looksLikeName(bracketed[1]!) && bracketed[2]!.split(/[、，,]/).every((title) => TITLE.test(title) || PARTY_COMMITTEE_SEAT.test(title));
  const text = raw.replace(/[\s。.，,]/g, '');
  if (text.length < 2 || text.length > 14 || !/^[\u4e00-\u9fa5·]+$/.test(text)) return false;
  // 县委常委 / 市委常委: a seat on the party committee, held by a person.
  if (PARTY_COMMITTEE_SEAT.test(text)) return true;
  // 副县长张三, 常务副市长李四: a title, then the name.
  const titled = TITLE_FIRST.exec(text);
  if (titled && looksLikeName(titled[1]!)) return true;
  // A place by its full or short name (常熟, 张家港) is a place, never a person.
  if (isPlaceName(text) || leadingPlace(text, { allowShort: true })?.written === text) return false;
  // 王丹县长, 曹惠明常务副县长, 副市长, 省政府分管领导同志
  if (TITLE.test(text) && !/(局|委|办|厅|院|中心)长$/.test(text.replace(TITLE, '')) ) {
    const rest = text.replace(TITLE, '');
    return rest === '' || /(分管|负责|牵头|有关|相关)$/.test(rest) || /政府$|^(省|市|区|县)政府/.test(rest) || looksLikeName(rest) || !ORGANISATION.test(text);
  }
  return looksLikeName(text);
}

/** Words that start with a surname's character but are not names. */
const NOT_NAMES = /^(全[年县市区省镇面部体]|长期|常[态年规务委]|年[底内中末]|各[地级]|有关|相关|其他|同上|持续|高[质标效]|向上|安全|和谐|文明|平安|康养|金融|明年|时[限间]|方案|程序|江河|黄河|[万亿][元人个亩吨头只户辆台套件米平方千]|季度|周[末边]|石油|邮政|海事|关于|齐抓|任务|项目|申报|应急|高速|高铁|孔子|武装|林场|计划|单位)/;

/** A bare personal name: a known surname and one to two more characters (three with a double surname). */
function looksLikeName(text: string): boolean {
  if (ORGANISATION.test(text) || NOT_NAMES.test(text)) return false;
  if (DOUBLE_SURNAMES.test(text)) return text.length >= 3 && text.length <= 4;
  return text.length >= 2 && text.length <= 3 && SURNAMES.has(text[0]!);
}

/** Splits a leaders' cell into names: "叶林、马振明", "王 健" (a name padded with a space stays one), "陆 明俞 悦" (two padded names run together: 陆明、俞悦). */
export function splitLeaders(text: string): string[] {
  const unrun = text.replace(/(?<=^|[、，,；;\s])([\u4e00-\u9fa5]) ([\u4e00-\u9fa5])([\u4e00-\u9fa5]) ([\u4e00-\u9fa5])(?=$|[、，,；;\s。])/g, '$1$2、$3$4');
  const joined = unrun.replace(/(?<=^|[、，,；;\s])([\u4e00-\u9fa5])\s+([\u4e00-\u9fa5]{1,2})(?=$|[、，,；;\s。])/g, '$1$2');
  // Separators inside brackets part a person's titles, not people: "李四（县委常委、副县长）".
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of joined) {
    if ('（('.includes(char)) depth++;
    if ('）)'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s]/.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  // "张三同志": 同志 is how the person is addressed, not part of who they are; "分管副市长：张三" names them after a label.
  return parts
    .map((part) => part.replace(/[。.]$/, '').trim().replace(/(?<=[\u4e00-\u9fa5]{2})同志$/, '').replace(/^[\u4e00-\u9fa5]{0,8}(?:领导|[省市区县州]长)[:：]\s*(?=\S)/, ''))
    .filter((part) => part.length > 0);
}

const NAME_BEFORE_TITLE = /([\u4e00-\u9fa5]{2,4}?)((?:同志)?(?:常委|常务副[省市区县州]长|[省市区县州]长助理|副?[省市区县州镇乡]长|书记|副?主任|副?部长|副?主席|秘书长|(?:[省市区县州]政府)?党组(?:成员|副?书记))|同志(?=分管|负责|牵头|联系))/g;
/** A seat, then the name, then what a heading says of them: "县长张三牵头", "常务副市长李四负责". */
const TITLE_BEFORE_NAME = /(?<=^|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[、，,：:\s由（(])((?:[省市区县州]委常委、)?(?:常务)?副?[省市区县州镇乡]长|[省市区县州]委(?:副)?书记)\s?([\u4e00-\u9fa5]{2,3}?)\s?(?=同志)?(?=牵头|负责|分管|联系|同志)/g;

/**
 * Leaders named in a heading or sentence by name and title, kept as the
 * document writes the person: "二、李丹常委、常务副区长牵头重点工作" → 李丹常委,
 * "一、王浩省长牵头重点工作" → 王浩省长. A plan that groups its tasks by the
 * leader who leads them gives every task under the heading that leader.
 */
export function leadersNamedIn(text: string): string[] {
  const names: string[] = [];
  // "一、县长张三牵头的重点工作": the title before the name, the name before what the heading says of them.
  for (const match of text.matchAll(TITLE_BEFORE_NAME)) {
    if (looksLikeName(match[2]!)) names.push(`${match[1]}${match[2]}`);
  }
  if (names.length > 0) return names;
  for (const match of text.matchAll(NAME_BEFORE_TITLE)) {
    const before = text.slice(0, match.index);
    // The name starts the text or follows a separator: 一、王丹县长 / 由王丹县长 / 、王丹
    if (before !== '' && !/[、，,；;：:\s由和与及（(]$|^[一二三四五六七八九十]+[、.．]$|^[（(][一二三四五六七八九十]+[)）]$/.test(before)) continue;
    const name = match[1]!;
    const person = `${name}${match[2]!}`;
    if (looksLikeName(name) && !names.some((known) => known.startsWith(name))) names.push(person);
  }
  return names;
}

/** A heading that hands its items to a leader: a leader named by name and title, and a verb of leading (王浩省长牵头重点工作, 潘东旭市长负责事项). */
const LEADS = /牵头|负责|分管|领衔|包抓|主抓|联系/;

/** The leaders a section heading gives the items under it; none when the heading names no leader or does not say they lead. */
export function leadersOfHeading(heading: string): string[] {
  return LEADS.test(heading) ? leadersNamedIn(heading) : [];
}

/** A seat alone, held by whoever is named after it: 县委常委, 副县长, 常务副市长, 县长助理, 书记, 副主任, 区住建局局长. */
const SEAT = /^(?:[省市区县州]委(?:常委|副书记|书记)|(?:常务)?副?[省市区县州镇乡]长|[省市区县州]长助理|(?:[省市区县州]委)?书记|副?主任|副?秘书长|[\u4e00-\u9fa5]{2,12}(?:局|委|办|中心|院|所|站)(?:副|党组)?(?:局长|主任|书记|院长|所长|站长))$/;

/** A part that names a person, not only a seat: 张三, 副县长张三. */
function namesSomeone(part: string): boolean {
  const titled = TITLE_FIRST.exec(part);
  return looksLikeName(part) || (titled !== null && looksLikeName(titled[1]!));
}

/**
 * Seats written before a name are that person's ("副县长 张三", "县委常委、副县长 李四",
 * "县委常委、副县长张三"): one leader, as the document writes the person. Seats that no name
 * follows are each their own (常务副县长、县长助理), and so is a name after a seat and a name (副县长张三、李四).
 */
export function joinTitles(names: readonly string[]): string[] {
  const out: string[] = [];
  let seats: string[] = [];
  for (const name of names) {
    if (SEAT.test(name)) {
      seats.push(name);
      continue;
    }
    if (seats.length > 0 && namesSomeone(name)) {
      // A title and a name a space parted are written together; seats between themselves keep their 、.
      out.push(`${seats.join('、')}${looksLikeName(name) ? '' : '、'}${name}`);
    } else out.push(...seats, name);
    seats = [];
  }
  out.push(...seats);
  return out;
}
