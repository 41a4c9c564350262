/**
 * Reads plans written as a numbered outline, whatever the numbering (一、
 * （一） 1. 1、 1﹒ （1） ① 第一条) and wherever the units are written (label
 * lines under the item, labels in brackets, a trailing parenthesis, a
 * 部门分工 sentence: see assignment.ts). Levels come from the order in which
 * numbering styles first appear, as in any outline. The items that carry
 * units are the tasks; the headings above them are categories; numbered
 * items under a task are its sub-requirements. When no item names a unit,
 * the deepest numbered items are the tasks, each with a warning. A heading
 * that names the leader who leads its items (一、王浩省长牵头重点工作) gives
 * that leader to every task under it that names none of its own.
 */
import { FIELD_LABEL, joinRecordFields } from './record-fields.js';
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { assignedClauses, hasAssignmentLabels, readAssignment, type Assignment } from '../assignment.js';
import { squash } from '../normalize-text.js';
import { leadersOfHeading, looksLikePerson } from '../people.js';
import { parseUnitCell } from '../unit-list-parser.js';
import { looksLikeUnits } from './cell-kinds.js';
import { lineBelow } from './grid.js';
import { chineseNumber } from '../row-numbers.js';
import { cutBefore, piecesBefore } from '../line-cuts.js';

const MARKERS: readonly [string, RegExp][] = [
  ['cn', /^([一二三四五六七八九十百]+)\s*[、.．]\s*/],
  ['paren-cn', /^[(（]([一二三四五六七八九十百]+)[)）]\s*/],
  // "一是…；二是…": an enumeration inside a paragraph (splitOrdinals puts each on a line of its own); always the deepest level.
  ['ordinal', /^([一二三四五六七八九十]{1,2})是(?=[^\s，,。；;：:])/],
  ['enclosed', /^([㈠-㈩])\s*/],
  ['article', /^第([一二三四五六七八九十百\d]+)[条项]\s*/],
  ['dotted', /^(\d{1,2}(?:\.\d{1,2})+)(?![\d%])\s*/],
  // "1.2009年底前，完成…": a year after the number starts the item's text; "1.5亿元" is a figure, "1、816路…" is not; a
  // year without 年 after it ("1、2022市食品安全…") is a document site's page marker run into a title.
  ['arabic', /^(\d{1,4})\s*(?:、(?!(?:19|20)\d{2}(?!年))|[.．﹒](?:(?![\d%])|(?=(?:19|20)\d{2}年)))\s*/],
  ['paren-arabic', /^[(（](\d{1,3})[)）]\s*/],
  // "1）加快…": a number closed by a bracket alone.
  ['closed-arabic', /^(\d{1,3})[)）]\s*(?=[^\s\d%])/],
  ['circled', /^([①-⑳])\s*/],
  // "01 提升县域生态环境": a record's zero-padded number (joinRecordFields puts it on its name's line).
  ['padded', /^(0[1-9]|[1-9]\d(?=\s+\S))\s+(?=\S)/],
];

interface Item {
  style: string;
  level: number;
  number: string;
  line: number;
  lines: string[];
  children: Item[];
  assignment?: Assignment;
  /** The item's own heading when its fields were folded into it. */
  heading?: string;
  /** The units its first line names as a heading over its text (ownHeadingUnits), once read. */
  headingUnits?: string;
  /** A unit's name alone as a heading's label ("县住建局：" over its list): the items under it are that unit's. */
  givesUnits?: string;
}

function markerOf(line: string): { style: string; number: string; body: string } | undefined {
  for (const [style, pattern] of MARKERS) {
    const match = pattern.exec(line);
    if (match && line.length > match[0].length) return { style, number: match[1]!, body: line.slice(match[0].length) };
  }
  return undefined;
}

/**
 * The next item or heading run onto the line that closes an item's unit bracket: after a space ("…(街道办事处)〕
 * 二、压实…"), or right after a bracket that names units ("…(责任单位:区卫健局等)2.政府举办…").
 */
const AFTER_BRACKET =
  /(?<=[〕】）)\]])\s+(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,3}[、.．](?!\d))|(?<=[（(][^（()）]{0,80}(?:单位|部门|牵头|负责|配合)[^（()）]{0,80}[)）])(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,3}[、.．](?![\d%]))/;

/**
 * A heading run onto its first item or sub-heading ("二、重点任务(一)建立健全服务体系行动1.中医医院…", "(二)提升服务
 * 能力行动3.打造…" where the items count on across headings): cut before the (一) or the item number that a
 * heading's last word runs into, again for the part after it.
 */
const HEADING_THEN_FIRST = /^((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[\u4e00-\u9fa5]{2,40}?)(?=[（(]一[)）][\u4e00-\u9fa5]{4}|\d{1,2}[.．、](?![\d%])[\u4e00-\u9fa5]{4})/;

/**
 * A heading that hands its items to units or a leader, run onto the text under it after a space ("(一)省监察委员会牵头的工作
 * 强化行政监察…", "一、于幼军省长负责的工作(李政文秘书长协助) 对主要工作任务负总责…"): the heading a line of its own.
 */
const HANDING_HEADING = /^((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^\s。；;]{2,40}?(?:牵头|负责|主办|主抓|分管)的(?:工作|事项|任务|重点工作)(?:[（(][^()（）]{2,40}[)）])?)\s+(?=\S)/;

function splitHandingHeading(line: string): string[] {
  const match = HANDING_HEADING.exec(line.trim());
  return match ? [match[1]!, line.trim().slice(match[0].length)] : [line];
}

function splitHeadingFromFirstItem(line: string): string[] {
  const match = HEADING_THEN_FIRST.exec(line.trim());
  return match ? [match[1]!, ...splitHeadingFromFirstItem(line.trim().slice(match[1]!.length))] : [line];
}

/**
 * A page that ran a whole document into one line ("…。 1.地区生产总值增长6%。
 * 牵头单位：… 2.…", "…(责任单位:区卫健局等)2.政府举办…") is cut back into lines
 * before each numbered item and label after a space, a sentence's end or a bracket's close.
 */
function unrun(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(AFTER_BRACKET)).flatMap(splitColonList).flatMap(splitGluedSequence).flatMap(splitHandingHeading).flatMap(splitHeadingFromFirstItem).flatMap(splitRunItems).flatMap(splitOrdinals).flatMap((line) => {
    // A long line, or one where two items or labels follow a space: a page's run-together text.
    if (line.length <= 200 && (line.match(SPACED_ITEM) ?? []).length < 2) return [line];
    return line.split(RUN_ON_ITEM).flatMap(splitHandingHeading);
  });
}

/** Where an item or a unit label starts in a run-on line: after a space, a sentence's end or a bracket's close. */
const RUN_ON_ITEM = /(?<=[\s。；;）)])\s*(?=(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,3}[、.．﹒](?![\d%])|(?:牵头|责任|配合|协同)(?:责任)?(?:单位|部门|领导)[:：]))/;
/** An item's number or a unit label right after a space. */
const SPACED_ITEM = /\s(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|(?:牵头|责任|配合|协同)(?:责任)?(?:单位|部门|领导)[:：])/g;

/**
 * A numbered list a paragraph opens after a colon, as minutes record decisions ("会议议定:1.原则同意…。2.…。3.县目标督查办
 * 按季度…通报。", "会议明确:1.…;2.…;3.请国土会同…"), however short the line: the words before it stay a line of their own,
 * each member is cut before its number, 1, 2, 3 … in turn after a sentence's end. Left whole for fewer than two members.
 */
function splitColonList(line: string): string[] {
  // (After what was decided, never a field's label: "资金来源:1.…;2.…" is the item's own.)
  const opening = /(?:议定|明确|决定|要求|指出|强调|提出|部署|如下)[:：]\s*(?=1\s*[.．、](?![\d%]))/.exec(line);
  if (!opening) return [line];
  const starts = [opening.index + opening[0].length];
  let expected = 2;
  for (const end of line.slice(starts[0]!).matchAll(/[。；;]\s*/g)) {
    const at = starts[0]! + end.index + end[0].length;
    if (new RegExp(`^${expected}\\s*[.．、](?![\\d%])`).test(line.slice(at))) {
      starts.push(at);
      expected++;
    }
  }
  if (starts.length < 2) return [line];
  return cutBefore(line, starts);
}

/**
 * A document site's page that ran a whole plan into one line with its parenthesised numbers glued to the words
 * before them ("…专项整治工作(一)建筑施工场地专项整治…责任部门:建工科、安全站、质监站(二)小街巷专项整治…"): cut
 * before each number of the sequence (一), (二), (三) … that comes in turn, wherever it stands.
 */
function splitGluedSequence(line: string): string[] {
  if (line.length <= 200) return [line];
  const starts: number[] = [];
  let expected = 1;
  for (const match of line.matchAll(/[(（]([一二三四五六七八九十]{1,3})[)）]/g)) {
    const number = Number(keyPart(match[1]!));
    // A sequence may start again under the next part ("…(三)… 配合做好专项整治工作(一)…").
    if (number === expected || (number === 1 && expected > 2)) {
      starts.push(match.index);
      expected = number + 1;
    }
  }
  if (starts.length < 2) return [line];
  return cutBefore(line, starts);
}

/**
 * Items a page ran together on one line ("（一）地区生产总值增长11%。（省发改委负责）
 * （二）公共财政收入增长13%。…"): a line that opens with a numbered item is
 * cut before each next number of the same style that follows a sentence's
 * or a bracket's end, or a space ("… 目标 2 5 1 2 10 3.新投放…": the next number in turn).
 */
function splitRunItems(line: string): string[] {
  const trimmed = line.trim();
  const first = markerOf(trimmed);
  if (!first || !['cn', 'paren-cn', 'arabic', 'paren-arabic', 'closed-arabic', 'circled'].includes(first.style)) return [line];
  const out: string[] = [];
  let expected = Number(keyPart(first.number)) + 1;
  let rest = trimmed;
  for (;;) {
    let cut = -1;
    for (const end of rest.matchAll(/[。；;）)]\s*|\s+/g)) {
      const at = end.index + end[0].length;
      const next = markerOf(rest.slice(at));
      if (next && next.style === first.style && Number(keyPart(next.number)) === expected) {
        cut = at;
        break;
      }
    }
    if (cut < 0) break;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
    expected++;
  }
  return out.length === 0 ? [line] : [...out, rest];
}

/**
 * An enumeration inside a paragraph whose members name their units ("…分别为：
 * 一是维修改造中小学校13所（责任单位：市教育局）；二是…（责任单位：市医保局）"):
 * the line is cut before each 一是, 二是 … in order, each after a clause's
 * end, so every member is an item. Left whole unless every member names its
 * units (an enumeration of ideas in a notice is not a list of tasks, and
 * "一是…二是…三是…（市环保局牵头）" gives the whole item its units).
 */
function splitOrdinals(line: string): string[] {
  const starts: number[] = [];
  for (const match of line.matchAll(/(?<=^|[，,：:。；;）)\s])([一二三四五六七八九十]{1,2})是(?=[^\s，,。；;：:])/g)) {
    if (keyPart(match[1]!) === String(starts.length + 1)) starts.push(match.index);
  }
  if (starts.length < 2) return [line];
  const pieces = piecesBefore(line, starts);
  if (!pieces.slice(1).every((piece) => readAssignment(piece).unitText !== '')) return [line];
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

/** Numbering styles that stand above every arabic style in any outline (一、 and （一） over 1. and （1））. */
const CHINESE_STYLES = ['cn', 'paren-cn'];

/**
 * The styles in outline order: the order in which they first appear, except
 * that a Chinese-numbered heading met only after arabic items (an excerpt
 * that starts in the middle of part 三) still stands above them.
 */
function styleOrder(lines: readonly string[]): string[] {
  const seen: string[] = [];
  for (const raw of lines) {
    const marker = markerOf(raw.trim());
    if (marker && !seen.includes(marker.style)) seen.push(marker.style);
  }
  // An in-paragraph enumeration (一是…) is always the deepest level, wherever it first appears.
  if (seen.includes('ordinal')) return [...styleOrder(lines.filter((line) => markerOf(line.trim())?.style !== 'ordinal')), 'ordinal'];
  // 一、 always stands above （一）, even in an excerpt that starts inside a part ("（二）…" before "四、…").
  const cn = seen.indexOf('cn');
  const parenCn = seen.indexOf('paren-cn');
  if (cn > parenCn && parenCn >= 0) seen.splice(parenCn, 0, ...seen.splice(cn, 1));
  const firstArabic = seen.findIndex((style) => !CHINESE_STYLES.includes(style));
  if (firstArabic < 0) return seen;
  const late = seen.slice(firstArabic).filter((style) => CHINESE_STYLES.includes(style));
  const early = seen.slice(0, firstArabic);
  return [...early, ...late, ...seen.slice(firstArabic).filter((style) => !CHINESE_STYLES.includes(style))];
}

function parseItems(lines: readonly string[]): Item[] {
  const levels = styleOrder(lines);
  const roots: Item[] = [];
  const stack: Item[] = [];
  let current: Item | undefined;
  // The numbering styles items have used so far: a list begun inside a field is one no item has used yet.
  const itemStyles = new Set<string>();
  let headings = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const marker = markerOf(line);
    if (!marker) {
      const heads = headingOfList(line, lines, index, levels);
      if (heads) {
        // "三义街社区(责任单位:…)" over a list that starts again at 1: a heading of its own, above that list.
        while (stack.length > 0 && stack.at(-1)!.level >= heads.level) stack.pop();
        // Numbered by its place among such headings, for its key; it has no printed number.
        const item: Item = { style: 'heading', level: heads.level, number: String(++headings), line: index + 1, lines: [line], children: [], ...(heads.units ? { givesUnits: heads.units } : {}) };
        if (stack.length > 0) stack.at(-1)!.children.push(item);
        else roots.push(item);
        stack.push(item);
        current = item;
        return;
      }
      current?.lines.push(line);
      return;
    }
    if (current && !itemStyles.has(marker.style) && continuesInlineList(current, marker)) {
      current.lines.push(line);
      return;
    }
    // The page starts inside the item before this first one ("…联动开展汽车“报废换新”活动,(市发改局…负责)" above (二)).
    if (roots.length === 0 && !current) {
      const cut = cutItemBefore(lines, index, marker);
      if (cut) {
        itemStyles.add(marker.style);
        const item: Item = { style: marker.style, level: levels.indexOf(marker.style), number: cut.number, line: cut.line + 1, lines: [lines[cut.line]!.trim()], children: [] };
        roots.push(item);
        stack.push(item);
      }
    }
    itemStyles.add(marker.style);
    const level = levels.indexOf(marker.style);
    const item: Item = { style: marker.style, level, number: marker.number, line: index + 1, lines: [marker.body], children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
    if (stack.length > 0) stack.at(-1)!.children.push(item);
    else roots.push(item);
    stack.push(item);
    current = item;
  });
  return roots;
}

/**
 * The item a page cut the start of: the line right above the first numbered item, when that item is not its list's
 * first (二, 3 …) and the line names who does it as items do (its units in a closing bracket, a label, 由…负责) —
 * the end of the item before, numbered one less. Undefined for a preamble (a notice's text, its addressees).
 */
function cutItemBefore(lines: readonly string[], index: number, marker: { style: string; number: string }): { line: number; number: string } | undefined {
  const number = Number(keyPart(marker.number));
  if (!(number > 1) || !['cn', 'paren-cn', 'arabic', 'paren-arabic'].includes(marker.style)) return undefined;
  let above = index - 1;
  while (above >= 0 && lines[above]!.trim() === '') above--;
  const line = above >= 0 ? lines[above]!.trim() : '';
  if (line.length < 12 || /[:：]$/.test(line) || readAssignment(line).unitText === '' || !/[)）〕\]】]\s*[。；;]?$|负责[。；;]?$/.test(line)) return undefined;
  const before = /cn$/.test(marker.style) && number <= 11 ? CN_NUMERALS[number - 2]! : String(number - 1);
  return { line: above, number: before };
}

/**
 * An unnumbered line naming its units (a place and its 责任单位 in brackets, "三义街社区(责任单位:荆州区西城街道办事处
 * 三义街社区)", or a unit's name alone as a label, "县住建局：") right above an item numbered 1: the heading of that list, at a level just above the list's; undefined
 * for any other line (a wrapped line of an item, a heading without units).
 */
function headingOfList(line: string, lines: readonly string[], index: number, levels: readonly string[]): { level: number; units?: string } | undefined {
  // (Or a unit's own name as the line's label, nothing after it: "县住建局：" over its list.)
  const unitLabel = /^([^：:。；;，,\s]{2,30})[:：]$/.exec(line);
  const named = unitLabel !== null && looksLikeUnits(unitLabel[1]!);
  if (line.length > 80 || /。/.test(line.replace(/[(（][^()（）]*[)）]/g, '')) || (!hasAssignmentLabels(line) && !named)) return undefined;
  const next = lineBelow(lines, index + 1);
  const marker = next === undefined ? undefined : markerOf(next.trim());
  if (!marker || keyPart(marker.number) !== '1' || readAssignment(next!).unitText !== '') return undefined;
  return { level: levels.indexOf(marker.style) - 0.5, ...(named ? { units: unitLabel![1]! } : {}) };
}

/**
 * A list begun inside a field of the item ("隐患情况:一、二层出口…" / "二、部分电线…" / "三、…"): its later numbers
 * are lines of the item, not headings of their own. Only in a record of fields (the item opens with one, a later
 * field opens the list) and in a numbering no item has used yet, so an excerpt that starts at 三、 or a phrase such
 * as 一、二期工程 changes nothing.
 */
function continuesInlineList(current: Item, marker: { style: string; number: string }): boolean {
  if (marker.style !== 'cn' && marker.style !== 'paren-cn') return false;
  const number = Number(keyPart(marker.number));
  if (!(number > 1)) return false;
  const before = CN_NUMERALS[number - 2];
  if (!before) return false;
  const opened = new RegExp(`^[\\u4e00-\\u9fa5]{2,6}[:：]\\s*${marker.style === 'cn' ? '一\\s*[、.．]' : '[（(]一[)）]'}`);
  const previous = new RegExp(marker.style === 'cn' ? `^${before}\\s*[、.．]` : `^[（(]${before}[)）]`);
  // The list opened after a field's label in the item's text, and (past 二) its number before this one is a line of it.
  // A record of fields: the item opens with one (单位名称:…), and a later field opens the list (隐患情况:一、…).
  if (!FIELD_LINE.test(current.lines[0]!) || !current.lines.slice(1).some((line) => opened.test(line))) return false;
  return number === 2 || current.lines.some((line) => previous.test(line));
}
const FIELD_LINE = /^[\u4e00-\u9fa5]{2,6}[:：]\s*\S/;
const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Sub-items that are fields of their item, not tasks: "1、任务" / "2、项目攻坚领导小组" / "责任分工". */
const FIELD_TITLE = /^(主要|工作|具体|重点|建设|目标)?(任务|目标|内容|措施|要求|标准|责任分工|分工|责任单位|责任部门|牵头单位|时间安排|进度安排|完成时限|时限|时间节点)(目标|内容|要求|措施)?[:：]?$|领导小组[:：]?$|工作专班[:：]?$|指挥部[:：]?$/;
const isField = (item: Item) => item.children.length === 0 && FIELD_TITLE.test(squash(item.lines[0]!).replace(/\s+/g, ''));

/**
 * An item whose sub-items are its fields (1、任务 … 2、领导小组 组长：… 成员单位：…)
 * is one task: the fields' lines become its own, the item's heading its title.
 */
function foldFields(items: readonly Item[]): void {
  for (const item of items) {
    if (item.children.length >= 2 && item.children.filter(isField).length * 2 >= item.children.length) {
      item.heading = squash(item.lines[0]!);
      item.lines = [...item.lines, ...item.children.flatMap((child) => (isField(child) ? child.lines.slice(1) : child.lines))];
      item.children = [];
    } else {
      foldFields(item.children);
    }
  }
}

/** A line that is only labels naming who does the work (问题整改责任单位:市科技馆 整改时限:3天). */
const labelsOnly = (line: string) => hasAssignmentLabels(line) && squash(readAssignment(line).rest).replace(/[\p{P}\s]/gu, '').length < 6;

/**
 * Label lines closing the last sub-item of an item whose other sub-items name nobody ("1. 市科技馆" /
 * "(1)…" "(2)…" "(3)…" / "问题整改责任单位:市科技馆 整改时限:3天") are the item's: they follow its whole list.
 */
function liftClosingLabels(items: readonly Item[]): void {
  for (const item of items) {
    liftClosingLabels(item.children);
    const last = item.children.at(-1);
    if (!last || item.children.length < 2 || last.children.length > 0) continue;
    let from = last.lines.length;
    while (from > 1 && labelsOnly(last.lines[from - 1]!)) from--;
    if (from === last.lines.length) continue;
    // Under a heading that names its units ("（二）省编办牵头的工作") the sub-items are the tasks: the label is the last one's.
    if (unitsOfHeading(squash(item.lines[0]!)) !== '') continue;
    const others = item.children.slice(0, -1);
    if (others.some((child) => hasAssignmentLabels(child.lines.join('\n')) || anyAssigned(child.children))) continue;
    item.lines.push(...last.lines.splice(from));
    item.assignment = last.assignment = undefined;
  }
}

const assigned = (item: Item) => {
  item.assignment ??= readAssignment(item.lines.join('\n'));
  // "（一）省监察厅牵头的工作" over the item's own text names who does it, as a label would.
  const headed = item.children.length === 0 && ownHeadingUnits(item) !== '';
  // An item naming only leaders over items that name their units is their heading ("一、于幼军省长负责的工作（李政文秘书长协助）").
  if (namesNoUnit(item.assignment.unitText) && !headed && item.children.some((child) => assigned(child) || anyAssigned(child.children))) return false;
  return item.assignment.unitText !== '' || item.assignment.leaderText !== '' || headed;
};

/** The leaders a heading's own labels name when it names no unit ("（一）稳增长（牵头县领导：王伟）", "责任县领导：李娜" under "二、惠民生"): its items' leaders. */
function labelledLeaders(item: Item): string {
  const assignment = (item.assignment ??= readAssignment(item.lines.join('\n')));
  return namesNoUnit(assignment.unitText) ? assignment.leaderText : '';
}

/** Whether a unit text names no unit: empty, or only people ("李政文秘书长、刘俊谦省长助理协助"), who are leaders. */
function namesNoUnit(unitText: string): boolean {
  return unitText === '' || parseUnitCell(unitText, { defaultRole: 'responsible' }).every((unit) => looksLikePerson(unit.name));
}

/** The units the item's own first line names as a heading over its text ("（一）省监察厅牵头的工作" / "加强…"), read once; '' when none. */
function ownHeadingUnits(item: Item): string {
  item.headingUnits ??= item.lines.length > 1 && !item.heading ? unitsOfHeading(squash(item.lines[0]!)) : '';
  return item.headingUnits;
}
const anyAssigned = (items: readonly Item[]): boolean => items.some((item) => assigned(item) || anyAssigned(item.children));

/** A record's name: its first line when short and followed by a labelled field ("提升县域生态环境" / "项目内容：…"). */
function recordName(item: Item): string | undefined {
  const [first, second] = item.lines.map((line) => line.trim()).filter(Boolean);
  return first && second && first.length <= 40 && !/[。；;:：]/.test(first) && FIELD_LABEL.test(/^[^:：]{2,8}[:：]/.exec(second)?.[0] ?? '') ? first : undefined;
}

/** Reads a numbered outline; undefined when it has fewer than two numbered items, unless its one item names who does it (a plan of one task). */
export function readOutline(lines: readonly string[]): DraftPlan | undefined {
  const roots = parseItems(unrun(joinRecordFields(lines)));
  foldFields(roots);
  liftClosingLabels(roots);
  const nodes: DraftNode[] = [];
  const warnings: DraftPlan['warnings'] = [];
  const withUnits = anyAssigned(roots);
  const all: Item[] = [];
  const collect = (items: readonly Item[]) => items.forEach((item) => (all.push(item), collect(item.children)));
  collect(roots);
  if (all.length === 0 || (all.length === 1 && !withUnits)) return undefined;
  // Without any units, the tasks are the items of the deepest style that has leaves.
  const leafStyle = withUnits ? undefined : mostCommon(all.filter((item) => item.children.length === 0).map((item) => item.style));
  const taskStyles = new Set(all.filter((item) => assigned(item)).map((item) => item.style));
  const skipped: string[] = [];

  const toNode = (item: Item, key: string, categories: string[], headingLeaders = '', headingUnits = ''): DraftNode => {
    // "（一）省监察厅牵头的工作" over the item's own text: the heading names its units, the text is the task.
    const ownHeading = ownHeadingUnits(item);
    const assignment = ownHeading ? readAssignment(item.lines.slice(1).join('\n')) : (item.assignment ?? readAssignment(item.lines.join('\n')));
    const text = squash(assignment.rest.replace(/\n/g, ' '));
    const node: DraftNode = {
      key,
      number: item.style === 'heading' ? null : item.number,
      title: item.heading && item.heading.length <= 40 ? item.heading.replace(/[。；;，,]$/, '') : (recordName(item) ?? firstSentence(text)),
      requirement: text,
      categories,
      line: item.line,
      excerpt: item.lines.join('\n'),
      unitText: [ownHeading || headingUnits, assignment.unitText].filter(Boolean).join('；'),
      leaderText: assignment.leaderText || headingLeaders,
      deadlineText: assignment.deadlineText,
      children: [],
      warnings: [],
    };
    item.children.forEach((child, index) => node.children.push(toNode(child, `${key}.${index + 1}`, categories)));
    // Clauses that each name their units (…（省科技厅牵头）。…（省发改委等负责）): each is a part of the task with its own units.
    const clauses = item.children.length === 0 && !ownHeading && !hasAssignmentLabels(item.lines.join('\n')) ? assignedClauses(squash(item.lines.join(' '))) : undefined;
    if (clauses) {
      node.title = clauses.heading || node.title;
      node.unitText = '';
      node.deadlineText = '';
      clauses.clauses.forEach((clause, index) => {
        const own = readAssignment(clause);
        // A clause numbered inline ("…改革。(1)全面落实…（市工商质监局牵头负责）(2)…"): its number is no words of it.
        const marked = markerOf(squash(own.rest));
        const rest = marked ? marked.body : squash(own.rest);
        node.children.push({ ...node, key: `${key}.${index + 1}`, number: marked?.number ?? null, title: firstSentence(rest), requirement: rest, excerpt: clause, unitText: own.unitText, leaderText: own.leaderText || node.leaderText, deadlineText: own.deadlineText, children: [], warnings: [] });
      });
    }
    return node;
  };

  // Task keys: the printed number when numbers are unique, else the path of numbers.
  const tasks: { item: Item; path: string[]; categories: string[]; leaders: string; units: string }[] = [];
  const walk = (items: readonly Item[], path: string[], categories: string[], leaders = '', units = '') => {
    for (const item of items) {
      const here = [...path, item.number];
      // "县住建局：" over its numbered list: the heading's unit is every item's, the items the tasks.
      if (item.givesUnits && item.children.length > 0) {
        walk(item.children, here, [...categories, item.givesUnits], leaders, item.givesUnits);
        continue;
      }
      // Under a heading that says whose the items are (一、属住建局职责范围：), each item with no items of its own is theirs, a task.
      const isTask = (withUnits ? assigned(item) || (taskStyles.has(item.style) && !anyAssigned(item.children)) : item.style === leafStyle) || (units !== '' && item.children.length === 0);
      if (isTask) {
        tasks.push({ item, path: here, categories, leaders, units });
        continue;
      }
      const heading = squash(item.lines[0]!);
      const given = headingUnitsOf(item, heading);
      // "三、属工商局职责范围：" over the problem itself: the heading names whose it is, the text is the task (a bare name
      // over text, "二、霍邱汽车站", is the place inspected).
      const owned = item.children.length === 0 && item.level === 0 && item.lines.length > 1 ? ownedBy(heading) : '';
      if (withUnits ? anyAssigned(item.children) || ((given !== '' || units !== '') && item.children.length > 0) : item.children.length > 0) {
        walk(item.children, here, [...categories, heading.slice(0, 60)], leadersOfHeading(heading).join('、') || labelledLeaders(item) || leaders, given || units);
      } else if (owned !== '') {
        tasks.push({ item, path: here, categories, leaders, units: owned });
      } else if (item.children.length === 0 && item.level === 0) {
        skipped.push(heading.slice(0, 20));
      }
    }
  };
  walk(roots, [], []);
  if (tasks.length === 0) return undefined;
  const numbers = tasks.map((task) => task.item.number);
  const unique = new Set(numbers).size === numbers.length && tasks.every((task) => /^\d+$/.test(task.item.number));
  for (const task of tasks) {
    const key = unique ? task.item.number : task.path.map(keyPart).join('.');
    nodes.push(toNode(task.item, key, task.categories, task.leaders, task.units));
  }
  if (skipped.length > 0) warnings.push({ line: null, message: `没有编号任务的部分未作为任务导入：${skipped.join('、')}` });
  return { layout: 'outline', nodes, defaultRole: 'responsible', unitsAreSections: false, warnings };
}

/** The units an item's heading gives the items under it (（一）省监察厅牵头的工作, 二、乡镇人民政府, 一、属住建局职责范围：); '' when none. */
function headingUnitsOf(item: Item, heading: string): string {
  return unitsOfHeading(heading) || (/^[一二三四五六七八九十]+$/.test(item.number) ? unitsOfBareHeading(heading) : '');
}

/** A heading naming the units that do the items under it: "（一）省监察厅牵头的工作", "市财政局负责事项". */
const UNITS_HEADING = /^(.{2,40}?)(牵头|负责|主办|主抓)(?:的)?(?:工作|事项|任务|重点工作)?[。：:]?$/;

/** The units a heading gives the items under it, as a unit text ("省监察厅牵头"); '' when it names none (or names a leader). */
function unitsOfHeading(heading: string): string {
  const match = UNITS_HEADING.exec(heading.replace(/\s+/g, ''));
  if (!match || leadersOfHeading(heading).length > 0 || !looksLikeUnits(match[1]!)) return '';
  return match[2] === '负责' ? match[1]! : `${match[1]}牵头`;
}

/**
 * The body a part's heading names as all it is, over items that name no units ("二、乡镇人民政府",
 * "（三）县公安局职责"): the items are that body's. Only a body's own name counts (政府, 局, 委,
 * 办事处 …), never a topic that ends like one (交通出行, 工作部署).
 */
function unitsOfBareHeading(heading: string): string {
  const owned = ownedBy(heading);
  if (owned !== '') return owned;
  if (leadersOfHeading(heading).length > 0) return '';
  const bare = UNITS_ONLY_HEADING.exec(heading.replace(/\s+/g, ''));
  if (!bare) return '';
  const parts = bare[1]!.split(/[、和及]/);
  return parts.every((part) => BODY_NAME.test(part)) && looksLikeUnits(bare[1]!) ? bare[1]! : '';
}

/** The bodies a heading says the problems under it belong to ("属住建局职责范围", "属凤城镇管辖范围": a town or station too); '' when it says none. */
function ownedBy(heading: string): string {
  const owned = OWNED_HEADING.exec(heading.replace(/\s+/g, ''));
  if (!owned || leadersOfHeading(heading).length > 0) return '';
  return owned[1]!.split(/[、和及]/).every((part) => BODY_NAME.test(part) || /^[\u4e00-\u9fa5]{2,10}(?:镇|乡|街道|派出所|所|站)$/.test(part)) ? owned[1]! : '';
}

/** A heading saying whose the items under it are: "属住建局职责范围：", "属于凤城镇管辖范围", "住建局职责范围内". */
const OWNED_HEADING = /^(?:属于?|归)?([\u4e00-\u9fa5、（）()]{2,30}?)(?:的)?(?:职责|管辖|监管)范围(?:内)?(?:的问题)?[。：:]?$/;
/** A heading naming only bodies, perhaps with 职责 / 工作任务 after them: "乡镇人民政府", "县公安局主要职责". */
const UNITS_ONLY_HEADING = /^([\u4e00-\u9fa5、（）()]{2,30}?)(?:的)?(?:主要|工作)?(?:职责|任务|责任)?[。：:]?$/;
/** The name of a body that does work: a government, a bureau, a committee, an office, a street office. */
const BODY_NAME = /^[\u4e00-\u9fa5（）()]{1,16}(?:人民政府|政府|局|委员会|委|办公室|办|厅|办事处|街道|管委会|中心|公司|大队|支队|分局|所|站|院)$/;

/** A number as a key part: 三 → 3, ㈢ → 3, ③ → 3. */
function keyPart(number: string): string {
  if (/^\d+(\.\d+)*$/.test(number)) return number;
  if (/^[㈠-㈩]$/.test(number)) return String(number.charCodeAt(0) - 0x3220 + 1);
  if (/^[①-⑳]$/.test(number)) return String(number.charCodeAt(0) - 0x2460 + 1);
  if (/^[一二三四五六七八九十百]+$/.test(number)) return String(chineseNumber(number));
  return number;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
