/**
 * Scores the importer on one real document against its hand-written gold
 * (test/fixtures/real/README.md): the plan's title, region and year, and for
 * each gold task whether it was found, its lead units, its other units, its
 * leaders and its deadline. Used by `npm run eval:import` and by the test
 * that keeps the corpus from regressing.
 *
 * Names are compared as a reader would: white space, punctuation and
 * traditional/simplified forms ignored, and a name the document gives in
 * parentheses (县发改局（粮食局）) is an alias, not part of the name. The
 * importer may write a unit with its level (经信局 among 市… siblings becomes
 * 市经信局) or under its bureau (a section); either still matches the gold.
 * A leader is compared by the person: a title written before or after the
 * name is dropped (副市长 张三 = 张三 = 张三副市长), a title alone is kept.
 */
import { flattenNodes, parsePlanDocument, UnreadableDocumentError, type ParsedNode, type PlanDocument } from '../../src/domain/imports/plan-parser.js';
import { toHalfWidth, toSimplified } from '../../src/domain/imports/normalize-text.js';
import { leadingPlace, placesNamed } from '../../src/domain/places/gazetteer.js';

/** One task of the gold. */
export interface GoldTask {
  number: string | null;
  starts: string;
  lead: string[];
  others: string[];
  leaders: string[];
  deadline: string | null;
}

/** A document's gold, as written by hand. */
export interface Gold {
  source: string;
  split: 'tune' | 'holdout';
  family: string;
  title: string | null;
  region: string | null;
  year: number | null;
  truncated?: boolean;
  tasks: GoldTask[];
}

/** How the importer did on one document. */
export interface DocumentScore {
  slug: string;
  split: string;
  family: string;
  refused: boolean;
  checks: number;
  right: number;
  goldTasks: number;
  foundTasks: number;
  /** Work items the importer made that the gold does not have. */
  extraTasks: number;
  /** Units the importer stored that the gold names as leaders (people). */
  leadersAsUnits: string[];
  failures: string[];
  /** Checks and right answers by what was checked, so a part's weak spot shows without naming its documents. */
  byKind: Record<CheckKind, { checks: number; right: number }>;
}

/** What one gold check compares. */
export type CheckKind = 'title' | 'region' | 'year' | 'found' | 'lead' | 'others' | 'leaders' | 'deadline';

/** Every kind of check, in the order the scoreboard prints them. */
export const CHECK_KINDS: readonly CheckKind[] = ['title', 'region', 'year', 'found', 'lead', 'others', 'leaders', 'deadline'];

/** Text as compared: simplified, half-width, without white space or punctuation. */
export function comparable(text: string): string {
  // Mirror sites annotate characters with pinyin in brackets ("國內(nèi)"): not part of the text.
  return toHalfWidth(toSimplified(text)).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A unit name as compared: parenthesised aliases dropped. */
function unitComparable(name: string): string {
  return comparable(toHalfWidth(name).replace(/\([^()]*\)/g, '').replace(/（[^（）]*）/g, ''));
}

/** Titles a leader is written with, before or after the name (常务副县长, 省长, 常委, 书记 …). */
const LEADER_TITLE = '(?:常务副|副)?[省市区县州镇乡旗盟]?长(?:助理)?|副?书记|副?主任|常委|副?部长|副?主席|秘书长|同志|调研员|巡视员';
const TITLE_BEFORE = new RegExp(`^(?:${LEADER_TITLE})`);
const TITLE_AFTER = new RegExp(`(?:${LEADER_TITLE})$`);

/** A leader as compared: the person's name without the titles around it, when a name (two characters or more) is left. */
export function leaderComparable(leader: string): string {
  let name = comparable(leader);
  for (let before = ''; before !== name; ) {
    before = name;
    const after = name.replace(TITLE_AFTER, '');
    if (after.length >= 2) name = after;
    const stripped = name.replace(TITLE_BEFORE, '');
    if (stripped.length >= 2 && stripped !== name && stripped.length <= 4) name = stripped;
  }
  return name;
}

/** The gazetteer's full names a region may stand for: its own, or the place whose short name it is, with 省/市/州/自治州/地区/盟 or none after it. */
function placesOfRegion(region: string): string[] {
  const full = placesNamed(region).map((place) => place.name);
  if (full.length > 0) return full;
  const hit = leadingPlace(region, { allowShort: true });
  return hit && hit.written === hit.place.short && /^(省|市|县|区|州|自治州|自治区|地区|盟)?$/.test(region.slice(hit.written.length)) ? [hit.place.name] : [];
}

/** Whether the importer's region is the gold's place. */
export function sameRegion(found: string, gold: string): boolean {
  return found === gold || placesOfRegion(gold).includes(found);
}

interface UnitLike {
  name: string;
  aliases: string[];
}

function sameUnit(unit: UnitLike, gold: string): boolean {
  const wanted = unitComparable(gold);
  const names = [unit.name, ...unit.aliases].map(unitComparable);
  return names.some((name) => name === wanted || (name.length === wanted.length + 1 && /^[省市区县]/.test(name) && name.slice(1) === wanted));
}

/**
 * Whether the units are the gold's. A compound collective written as one name ("市政府各部门、各直属机构", as the
 * importer keeps an addressee phrase whole) names the same bodies as its parts written apart, and so does a list
 * closed by 等…有关部门 (A、B等市级有关部门: A, B and the city's other departments): when the names do not match one
 * for one, both sides are compared part by part.
 */
function sameSet(units: readonly UnitLike[], gold: readonly string[]): boolean {
  if (sameNames(units, gold)) return true;
  // "市住建局、市自然资源规划局等市级有关部门" names the bureaus and the rest of the city's departments: its parts.
  const parts = (name: string) => name.split(/、(?![^（(]*[)）])|等(?=[市区县省]?级?(?:有关|相关|其他|其它)(?:部门|单位))/).filter(Boolean);
  const unitParts = units.flatMap((unit) => (parts(unit.name).length > 1 ? parts(unit.name).map((name) => ({ name, aliases: [] })) : [unit]));
  return sameNames(unitParts, gold.flatMap(parts));
}

function sameNames(units: readonly UnitLike[], gold: readonly string[]): boolean {
  if (units.length !== gold.length) return false;
  const unmatched = [...units];
  for (const name of gold) {
    const index = unmatched.findIndex((unit) => sameUnit(unit, name));
    if (index < 0) return false;
    unmatched.splice(index, 1);
  }
  return true;
}

const show = (units: readonly UnitLike[]) => `[${units.map((unit) => unit.name).join('、')}]`;

/** Parses a document (text or tables, read from `fileName`) and scores it against its gold. */
export function scoreDocument(slug: string, input: string | PlanDocument, gold: Gold, fileName = `${slug}.txt`): DocumentScore {
  const score: DocumentScore = {
    slug,
    split: gold.split,
    family: gold.family,
    refused: false,
    checks: 0,
    right: 0,
    goldTasks: gold.tasks.length,
    foundTasks: 0,
    extraTasks: 0,
    leadersAsUnits: [],
    failures: [],
    byKind: Object.fromEntries(CHECK_KINDS.map((kind) => [kind, { checks: 0, right: 0 }])) as DocumentScore['byKind'],
  };
  const check = (kind: CheckKind, ok: boolean, failure: string) => {
    score.checks++;
    score.byKind[kind].checks++;
    if (ok) {
      score.right++;
      score.byKind[kind].right++;
    } else score.failures.push(failure);
  };
  /** The kinds of check a gold task has: found, lead and others always; leaders and deadline when the gold gives them. */
  const kindsOfTask = (task: GoldTask): CheckKind[] => ['found', 'lead', 'others', ...(task.leaders.length > 0 ? ['leaders' as const] : []), ...(task.deadline ? ['deadline' as const] : [])];
  let plan;
  try {
    plan = parsePlanDocument(input, fileName);
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    score.refused = true;
    if (gold.title !== null) check('title', false, 'refused');
    if (gold.region !== null) check('region', false, 'refused');
    if (gold.year !== null) check('year', false, 'refused');
    for (const task of gold.tasks) for (const kind of kindsOfTask(task)) check(kind, false, 'refused');
    score.failures = ['refused'];
    return score;
  }

  if (gold.title !== null) check('title', comparable(plan.title) === comparable(gold.title), `title “${plan.title}” ≠ “${gold.title}”`);
  if (gold.region !== null) check('region', sameRegion(plan.jurisdiction, gold.region), `region “${plan.jurisdiction}” ≠ “${gold.region}”`);
  if (gold.year !== null) check('year', plan.year === gold.year, `year ${plan.year} ≠ ${gold.year}`);

  const nodes = flattenNodes(plan.nodes);
  const parentOf = new Map<ParsedNode, ParsedNode>();
  for (const node of nodes) for (const child of node.children) parentOf.set(child, node);
  const inherited = <T>(node: ParsedNode, pick: (node: ParsedNode) => T[]): T[] => {
    for (let current: ParsedNode | undefined = node; current; current = parentOf.get(current)) {
      const own = pick(current);
      if (own.length > 0) return own;
    }
    return [];
  };
  const textOf = (node: ParsedNode) => comparable(`${node.title}${node.requirement}`);
  const matched = new Set<ParsedNode>();
  let cursor = 0;
  for (const task of gold.tasks) {
    const starts = comparable(task.starts);
    const label = `task ${task.number ?? '?'} “${task.starts.slice(0, 12)}”`;
    const fits = (node: ParsedNode) => !matched.has(node) && (textOf(node).startsWith(starts) || comparable(node.title).startsWith(starts));
    const loose = (node: ParsedNode) => !matched.has(node) && textOf(node).includes(starts);
    // The smallest node that starts with the text, searching forward from the last match first.
    const ordered = [...nodes.slice(cursor), ...nodes.slice(0, cursor)];
    const found = ordered.find(fits) ?? ordered.find(loose);
    if (!found) {
      for (const kind of kindsOfTask(task)) check(kind, false, `${label}: not found`);
      continue;
    }
    cursor = nodes.indexOf(found) + 1;
    matched.add(found);
    score.foundTasks++;
    check('found', true, '');
    const units = inherited(found, (node) => node.units);
    const leads = units.filter((unit) => unit.role === 'lead');
    const others = units.filter((unit) => unit.role !== 'lead');
    check('lead', sameSet(leads, task.lead), `${label}: lead ${show(leads)} ≠ [${task.lead.join('、')}]`);
    check('others', sameSet(others, task.others), `${label}: others ${show(others)} ≠ [${task.others.join('、')}]`);
    const leaders = inherited(found, (node) => node.leaders);
    if (task.leaders.length > 0) {
      const wanted = task.leaders.map(leaderComparable).sort();
      const got = leaders.map(leaderComparable).sort();
      check('leaders', JSON.stringify(wanted) === JSON.stringify(got), `${label}: leaders [${leaders.join('、')}] ≠ [${task.leaders.join('、')}]`);
    }
    if (task.deadline) {
      const wanted = comparable(task.deadline);
      const raws = inherited(found, (node) => node.deadlines).map((deadline) => comparable(deadline.raw));
      check('deadline', raws.some((raw) => raw.includes(wanted) || (raw.length > 0 && wanted.includes(raw))), `${label}: deadline [${raws.join('、')}] ≠ “${task.deadline}”`);
    }
    for (const leader of task.leaders) {
      if (units.some((unit) => comparable(unit.name) === comparable(leader))) score.leadersAsUnits.push(leader);
    }
  }
  // Work items the gold does not have: leaves neither matched nor under a matched node.
  const covered = (node: ParsedNode): boolean => matched.has(node) || (parentOf.has(node) && covered(parentOf.get(node)!));
  const leaves = nodes.filter((node) => node.children.length === 0);
  const extra = leaves.filter((node) => !covered(node) && ![...matched].some((m) => isAncestor(node, m, parentOf)));
  score.extraTasks = extra.length - (gold.truncated && extra.length > 0 && extra.at(-1) === leaves.at(-1) ? 1 : 0);
  for (const node of extra.slice(0, 5)) score.failures.push(`extra: ${node.key} “${node.title.slice(0, 20)}”`);
  for (const leader of score.leadersAsUnits) score.failures.push(`leader stored as a unit: ${leader}`);
  return score;
}

function isAncestor(node: ParsedNode, of: ParsedNode, parentOf: Map<ParsedNode, ParsedNode>): boolean {
  for (let current = parentOf.get(of); current; current = parentOf.get(current)) if (current === node) return true;
  return false;
}
