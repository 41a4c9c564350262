/**
 * Writes a parsed plan to the database in one transaction: the plan, its
 * units (found or created in the plan's jurisdiction), tasks updated in place
 * by key so progress history survives a re-import, links, deadlines,
 * leaders, and an audit record. Returns a report of what was read and what
 * changed. A dry run decides the same from the stored data and writes
 * nothing: the CLI's --dry-run and the import card's preview.
 *
 * A re-import keeps what people changed after the last import (an
 * administrator's /修改, the import card's title, region and year) unless the
 * document itself changed that field; tasks it leaves out are archived
 * (removedAt) with their history, never deleted.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Repositories } from '../../repositories/index.js';
import type { PlanRecord } from '../../repositories/plan-repository.js';
import type { TaskRecord } from '../../repositories/task-repository.js';
import type { UnitLevel, UnitRole } from '../vocabulary.js';
import { synonymsOf, type SynonymTable } from '../units/synonym-table.js';
import { parseDeadline, type ParsedDeadline } from './deadline-parser.js';
import { keepOrTake, readDocumentFields, type PlanDocumentFields, type TaskDocumentFields } from './document-fields.js';
import { lineage, type Lineage } from '../tasks/work-items.js';
import { flattenNodes, parsePlanDocument, type ImportWarning, type ParsedNode, type ParsedPlan, type PlanDocument } from './plan-parser.js';

/** What an import did (or, in a dry run, would do), for the CLI, the chat report, the preview card and the audit trail. */
export interface ImportReport {
  /** The plan written or updated; null in a dry run of a new plan. */
  planId: number | null;
  title: string;
  jurisdiction: string;
  year: number | null;
  fileName: string;
  layout: ParsedPlan['layout'];
  /** The plan was new (not a re-import). */
  created: boolean;
  /** Nothing was stored: this is what an import would do. */
  dryRun: boolean;
  counts: {
    /** Tasks in the one sense every count uses: work items (domain/tasks/work-items), sub-requirements of a broken-down task counted instead of it. */
    tasks: number;
    /** Of `tasks`, those that are sub-requirements of a task (细分要求). */
    subItems: number;
    /** Numbered items the document holds and the plan stores: tasks, sub-requirements, and the tasks broken into them. */
    items: number;
    unitsNamed: number;
    unitsCreated: number;
    links: number;
    /** Different leaders (分管领导) named. */
    leaders: number;
    deadlines: { dated: number; recurring: number; event: number; continuous: number; keptRaw: number };
  };
  changes: {
    added: string[];
    /** Tasks the document no longer has: archived (removedAt), never deleted. */
    removed: string[];
    changed: string[];
    /** Of `removed`, those with progress reported: their history stays with them in the archive. */
    removedWithProgress: string[];
    /** Tasks where a correction made after the last import stands, the document not having changed that field. */
    correctionsKept: string[];
  };
  warnings: ImportWarning[];
}

/**
 * "240 项任务（其中 103 项为细分要求）": tasks in the sense every count uses
 * (work items: a task broken into sub-requirements counts as those), so the
 * report agrees with answers, the weekly card and the ledger.
 */
export function tasksPhrase(counts: Pick<ImportReport['counts'], 'tasks' | 'subItems'>): string {
  return `${counts.tasks} 项任务${counts.subItems > 0 ? `（其中 ${counts.subItems} 项为细分要求）` : ''}`;
}

/** The administrator's choices on the import card. */
export interface PlanOverrides {
  title?: string;
  jurisdiction?: string;
  year?: number | null;
  /** Import as a new plan even if its source matches one ('new'), or update this plan (its id). By default the source decides. */
  target?: 'new' | number;
  /** Store it as demonstration data (the console's 演示数据); never updates a real plan. */
  demo?: boolean;
}

/** What importPlanText needs: the document (text, and tables for .docx and spreadsheets) and who imports it. */
export interface ImportInput {
  text: string;
  tables?: PlanDocument['tables'];
  fileName: string;
  /** Bytes of the original file, for the source hash; defaults to the text. */
  source?: Buffer;
  /** open_id of whoever imports, or 'system'. */
  actor: string;
  /** The unit synonym table (seeds/unit-synonyms.txt); none when omitted. */
  synonyms?: SynonymTable;
  /** The document already parsed (off the event loop, by the parse thread); parsed here from text and tables when absent. */
  parsed?: ParsedPlan;
  /** Choices made on the import card. */
  overrides?: PlanOverrides;
}

/** One row of a preview, as it would be stored. */
export interface PreviewRow {
  key: string;
  number: string | null;
  title: string;
  lead: string[];
  others: string[];
  deadline: string;
  /** The row gives no units or no deadline and has its task's: which of the two (for "沿用所属任务"). */
  inherits: { units: boolean; deadline: boolean };
  /** The row is a task broken into sub-requirements: counted through them, not itself. */
  brokenDown: boolean;
  leaders: string;
}

/** What the import card shows before anything is stored. */
export interface PlanPreview {
  report: ImportReport;
  /** Title, region and year as the document gives them. */
  understood: PlanDocumentFields;
  /** The title was read from the document or its file name, not made up. */
  titleRead: boolean;
  /** The plan this import would update, when its source matches one. */
  existing: { id: number; title: string; jurisdiction: string } | null;
  rows: PreviewRow[];
}

/** An import refused before anything was written, with a message for the person who asked. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

const NO_SYNONYMS: SynonymTable = { groups: [], errors: [] };

/** What a re-import compares of a node, stored or parsed alike. */
interface Comparable {
  title: string;
  requirement: string;
  /** Units by id: a name the document spells differently but that resolves to the same unit is no change. */
  units: readonly { unitId: number; role: string }[];
  deadlines: readonly { raw: string; kind: string; dueOn: string | null }[];
}

/** A node's content as one string, to tell what a re-import changed. */
function signature(node: Comparable): string {
  return JSON.stringify([
    node.title,
    node.requirement,
    node.units.map((unit) => `${unit.unitId}:${unit.role}`).sort(),
    node.deadlines.map((deadline) => `${deadline.raw}:${deadline.dueOn ?? deadline.kind}`),
  ]);
}

/**
 * A plan's identity across re-imports. A title and region read from the
 * document identify it (the seeds' keys); when either had to be made up, two
 * different documents could get the same guess, so the identity is the
 * source instead: its document number, else its file name.
 */
export function planKeyOf(parsed: Pick<ParsedPlan, 'title' | 'jurisdiction' | 'titleRead' | 'docNumber'>, fileName: string): string {
  if (parsed.titleRead && parsed.jurisdiction !== '未知地区') return `${parsed.jurisdiction}:${parsed.title}`;
  if (parsed.docNumber) return `doc:${parsed.docNumber}`;
  return `file:${fileName.replace(/^.*[\\/]/, '')}`;
}

/** The report of an import that stored the plan. */
export type StoredImportReport = ImportReport & { planId: number };

/** Parses and imports one document. A document that cannot be read changes nothing. */
export async function importPlanText(db: Database, input: Omit<ImportInput, 'dryRun'>): Promise<StoredImportReport> {
  return (await runImport(db, { ...input, dryRun: false })).report as StoredImportReport;
}

/**
 * What importing a document would do, stored nowhere: the report an import
 * would give, the plan as understood, and the first rows as they would be
 * stored. The import card shows it before anything is written.
 */
export async function previewPlanText(db: Database, input: Omit<ImportInput, 'dryRun'>): Promise<PlanPreview> {
  return runImport(db, { ...input, dryRun: true });
}

async function runImport(db: Database, input: ImportInput & { dryRun: boolean }): Promise<PlanPreview> {
  const parsed = input.parsed ?? parsePlanDocument({ text: input.text, tables: input.tables }, input.fileName);
  const sourceHash = createHash('sha256')
    .update(input.source ?? Buffer.from(input.text, 'utf8'))
    .digest('hex');
  const full = { ...input, sourceHash };
  if (input.dryRun) return describe(await prepare(db.repos, parsed, full), full);
  return db.transaction(async (repos) => describe(await writePlan(repos, await prepare(repos, parsed, full), full), full), { timeout: 120_000 });
}

/** The first rows of a preview. */
const PREVIEW_ROWS = 5;

/** A node as it is to be stored: its parsed reading with corrections that stand applied, units by id (negative ids: units not created yet). */
interface NodeToStore {
  node: ParsedNode;
  title: string;
  units: { unitId: number; role: UnitRole }[];
  deadlines: ParsedDeadline[];
  leaders: string;
  /** What the document says of the correctable fields. */
  said: TaskDocumentFields;
}

/** Everything an import decides before it writes, read from the database without changing it. */
interface PreparedImport {
  parsed: ParsedPlan;
  key: string;
  /** The plan this import updates; undefined for a new plan. */
  existing: PlanRecord | undefined;
  /** The plan's fields as they will be stored, and as the document gives them. */
  plan: PlanDocumentFields;
  said: PlanDocumentFields;
  units: UnitLookup;
  nodes: NodeToStore[];
  changes: ImportReport['changes'];
  planId: number | null;
}

/**
 * Decides the plan, its fields, its units and every node's values, reading
 * the stored plan, units and tasks. Nothing is written.
 */
async function prepare(repos: Repositories, parsed: ParsedPlan, input: ImportInput & { sourceHash: string }): Promise<PreparedImport> {
  const overrides = input.overrides ?? {};
  const documentKey = planKeyOf(parsed, input.fileName);
  let key = documentKey;
  let existing: PlanRecord | undefined;
  if (typeof overrides.target === 'number') {
    existing = await repos.plans.get(overrides.target);
    if (!existing) throw new ImportRefused('要更新的方案已不存在，请重新发送文件，选择“作为新方案导入”。');
    key = existing.key;
  } else {
    existing = await repos.plans.findByKey(documentKey);
    // Asked to import as a new plan a document whose source an existing plan already has: a key of its own, from its bytes.
    if (overrides.target === 'new' && existing) {
      key = `${documentKey}#${input.sourceHash.slice(0, 12)}`;
      existing = await repos.plans.findByKey(key);
    }
  }

  // Demonstration data and real plans never update each other.
  if (existing && existing.demo !== (overrides.demo === true)) throw new ImportRefused(existing.demo ? `“${existing.title}”是演示数据，不能用真实文件更新：请作为新方案导入。` : `“${existing.title}”是真实方案，演示数据不能覆盖它。`);

  const said: PlanDocumentFields = { title: parsed.title, jurisdiction: parsed.jurisdiction, year: parsed.year };
  const before = readDocumentFields<PlanDocumentFields>(existing?.documentFields);
  const field = <K extends keyof PlanDocumentFields>(name: K): PlanDocumentFields[K] => {
    const override = overrides[name];
    if (override !== undefined) return override as PlanDocumentFields[K];
    if (!existing) return said[name];
    return keepOrTake(existing[name] as PlanDocumentFields[K], before?.[name], said[name], said[name]).value;
  };
  const plan: PlanDocumentFields = { title: field('title'), jurisdiction: field('jurisdiction'), year: field('year') };

  const all = flattenNodes(parsed.nodes);
  const units = await lookUpUnits(repos, plan.jurisdiction, all, input.synonyms ?? NO_SYNONYMS);
  // Archived tasks too: one the document has again comes back with its id, history and corrections.
  const stored = existing ? await repos.tasks.listByPlan(existing.id, { includeRemoved: true }) : [];
  const storedByKey = new Map(stored.map((task) => [task.key, task]));
  const changes: ImportReport['changes'] = { added: [], removed: [], changed: [], removedWithProgress: [], correctionsKept: [] };
  const nodes = all.map((node): NodeToStore => {
    const deadlines = plan.year === parsed.year ? node.deadlines : reparseDeadlines(node.deadlines, plan.year);
    const docUnits = node.units.map((unit) => ({ unitId: units.ids.get(unit.name)!, role: unit.role }));
    const saidNow: TaskDocumentFields = {
      title: node.title,
      units: docUnits.map((unit) => [unit.unitId, unit.role]),
      deadline: deadlines[0]?.raw ?? '',
      leaders: node.leaders.join('、'),
    };
    const task = storedByKey.get(node.key);
    if (existing && task?.removedAt) changes.added.push(node.key);
    if (!task) {
      if (existing) changes.added.push(node.key);
      return { node, title: node.title, units: docUnits, deadlines, leaders: saidNow.leaders, said: saidNow };
    }
    const last = readDocumentFields<TaskDocumentFields>(task.documentFields);
    const title = keepOrTake(task.title, last?.title, saidNow.title, node.title);
    const linked = keepOrTake(task.units.map((unit) => ({ unitId: unit.unitId, role: unit.role })), last?.units, saidNow.units, docUnits);
    const dated = keepOrTake<ParsedDeadline[]>(task.deadlines, last?.deadline, saidNow.deadline, deadlines);
    const leaders = keepOrTake(task.leaders ?? '', last?.leaders, saidNow.leaders, saidNow.leaders);
    if ([title, linked, dated, leaders].some((decision) => decision.kept)) changes.correctionsKept.push(node.key);
    const toStore: NodeToStore = { node, title: title.value, units: linked.value, deadlines: dated.value, leaders: leaders.value, said: saidNow };
    if (!task.removedAt && signature(task) !== signature({ ...toStore, requirement: node.requirement })) changes.changed.push(node.key);
    return toStore;
  });
  const present = new Set(all.map((node) => node.key));
  for (const task of stored) {
    if (present.has(task.key) || task.removedAt) continue;
    changes.removed.push(task.key);
    if (hasProgress(task)) changes.removedWithProgress.push(task.key);
  }
  return { parsed, key, existing, plan, said, units, nodes, changes, planId: existing?.id ?? null };
}

/** Whether a task has progress or history a person made: it is archived, never deleted, when a re-import leaves it out. */
function hasProgress(task: TaskRecord): boolean {
  return task.lastReportAt !== null || task.percent > 0 || task.status !== 'open';
}

/** A node's deadlines read again with another plan year (the administrator corrected the year): "12月底前" moves with it. */
function reparseDeadlines(deadlines: readonly ParsedDeadline[], year: number | null): ParsedDeadline[] {
  const raw = deadlines[0]?.raw;
  return raw === undefined ? [] : parseDeadline(raw, year).deadlines;
}

/** Writes what `prepare` decided: units, aliases, the plan, its tasks, and the audit record. */
async function writePlan(repos: Repositories, prepared: PreparedImport, input: ImportInput & { sourceHash: string }): Promise<PreparedImport> {
  const { parsed, plan: fields, existing } = prepared;
  const realId = await createUnits(repos, fields.jurisdiction, prepared.units);
  const plan = await repos.plans.upsert({
    key: prepared.key,
    title: fields.title,
    issuer: parsed.issuer,
    jurisdiction: fields.jurisdiction,
    year: fields.year,
    docNumber: parsed.docNumber,
    sourceName: input.fileName,
    sourceHash: input.sourceHash,
    warnings: parsed.warnings.map((warning) => (warning.line ? `第${warning.line}行 ` : '') + warning.message.replace(/^第\d+行：/, '')),
    documentFields: JSON.stringify(prepared.said),
    demo: input.overrides?.demo === true,
  });
  const parentOf = new Map<string, string>();
  for (const { node } of prepared.nodes) for (const child of node.children) parentOf.set(child.key, node.key);
  const links = (units: readonly { unitId: number; role: UnitRole }[]) => units.map((unit) => ({ unitId: realId(unit.unitId), role: unit.role }));
  await repos.tasks.syncPlan(
    plan.id,
    prepared.nodes.map(({ node, title, units, deadlines, leaders, said }, position) => ({
      key: node.key,
      kind: node.kind,
      parentKey: parentOf.get(node.key) ?? null,
      number: node.number,
      position,
      categoryPath: node.categoryPath,
      title,
      requirement: node.requirement,
      sourceExcerpt: node.sourceExcerpt,
      sourceLine: node.sourceLine,
      leaders: leaders || null,
      documentFields: JSON.stringify({ ...said, units: said.units.map(([unitId, role]) => [realId(unitId), role]) }),
      units: links(units),
      deadlines,
    })),
    new Date(),
  );
  const written = { ...prepared, planId: plan.id };
  const { counts } = reportOf(written, input);
  await repos.audit.record({
    actor: input.actor,
    action: 'plan.import',
    entityType: 'plan',
    entityId: plan.id,
    before: existing ? { sourceHash: existing.sourceHash, title: existing.title, jurisdiction: existing.jurisdiction, year: existing.year } : undefined,
    after: { sourceHash: input.sourceHash, title: plan.title, jurisdiction: plan.jurisdiction, year: plan.year, overrides: input.overrides ?? null, counts, changes: prepared.changes },
  });
  return written;
}

/** The rule of what a task is, over the nodes an import stores (ids are their positions). */
function lineageOf(nodes: readonly NodeToStore[]): Lineage {
  const at = new Map(nodes.map(({ node }, index) => [node, index]));
  const parentAt = new Map<number, number>();
  nodes.forEach(({ node }, index) => {
    for (const child of node.children) if (at.has(child)) parentAt.set(at.get(child)!, index);
  });
  const planNodes = nodes.map((entry, index) => ({ id: index, parentId: parentAt.get(index) ?? null, kind: entry.node.kind, entry }));
  return lineage(planNodes, { hasUnits: ({ entry }) => entry.units.length > 0, hasDeadline: ({ entry }) => entry.deadlines.length > 0 });
}

/** The report of an import (or of a dry run), from what was decided. */
function reportOf(prepared: PreparedImport, input: ImportInput & { dryRun?: boolean }): ImportReport {
  const { parsed, nodes } = prepared;
  const { workItem } = lineageOf(nodes);
  let tasks = 0;
  let subItems = 0;
  nodes.forEach(({ node }, index) => {
    if (!workItem[index]) return;
    tasks++;
    if (node.kind === 'requirement') subItems++;
  });
  const deadlineCounts = { dated: 0, recurring: 0, event: 0, continuous: 0, keptRaw: 0 };
  let links = 0;
  for (const node of nodes) {
    links += node.units.length;
    for (const deadline of node.deadlines) {
      if (deadline.kind === 'date') deadlineCounts.dated++;
      else if (deadline.kind === 'recurring') deadlineCounts.recurring++;
      else if (deadline.kind === 'event') deadlineCounts.event++;
      else if (deadline.kind === 'continuous') deadlineCounts.continuous++;
      else deadlineCounts.keptRaw++;
    }
  }
  return {
    planId: prepared.planId,
    title: prepared.plan.title,
    jurisdiction: prepared.plan.jurisdiction,
    year: prepared.plan.year,
    fileName: input.fileName,
    layout: parsed.layout,
    created: !prepared.existing,
    dryRun: input.dryRun === true,
    counts: {
      tasks,
      subItems,
      items: nodes.length,
      unitsNamed: prepared.units.ids.size,
      unitsCreated: prepared.units.missing.length,
      links,
      leaders: new Set(nodes.flatMap((node) => (node.leaders ? node.leaders.split('、') : []))).size,
      deadlines: deadlineCounts,
    },
    changes: prepared.changes,
    warnings: parsed.warnings,
  };
}

/** The preview of what was decided: the report, the plan as the document gives it, and its first rows. */
function describe(prepared: PreparedImport, input: ImportInput & { dryRun?: boolean }): PlanPreview {
  const nameOf = (unitId: number) => prepared.units.names.get(unitId) ?? `#${unitId}`;
  const { workItem, unitsFrom, deadlineFrom } = lineageOf(prepared.nodes);
  const rows = prepared.nodes.slice(0, PREVIEW_ROWS).map(({ node, title, leaders }, index) => {
    // A sub-requirement that names no units or deadline shows its task's, as every answer will.
    const { units } = prepared.nodes[unitsFrom[index]!]!;
    const { deadlines } = prepared.nodes[deadlineFrom[index]!]!;
    return {
      key: node.key,
      number: node.number,
      title,
      lead: units.filter((unit) => unit.role === 'lead').map((unit) => nameOf(unit.unitId)),
      others: units.filter((unit) => unit.role !== 'lead').map((unit) => nameOf(unit.unitId)),
      deadline: deadlines[0]?.raw ?? '',
      inherits: { units: unitsFrom[index] !== index, deadline: deadlineFrom[index] !== index },
      brokenDown: !workItem[index] && node.kind !== 'category',
      leaders,
    };
  });
  return {
    report: reportOf(prepared, input),
    understood: prepared.said,
    titleRead: prepared.parsed.titleRead,
    existing: prepared.existing ? { id: prepared.existing.id, title: prepared.existing.title, jurisdiction: prepared.existing.jurisdiction } : null,
    rows,
  };
}

/** The units a plan names, looked up in its jurisdiction: ids of the known ones, and the ones an import would create. */
interface UnitLookup {
  /** Every name the plan uses → its unit id (negative: to be created). */
  ids: Map<string, number>;
  /** The bureaus whose sections the plan names → their ids. */
  parentIds: Map<string, number>;
  /** Unit id → the stored (or to-be-created) name. */
  names: Map<number, string>;
  /** Units to create, parents first, with the provisional id each has in `ids`. */
  missing: { name: string; level: UnitLevel; parent: string | null; provisionalId: number }[];
  /** Aliases to record once the units exist (unit ids may be provisional). */
  aliases: Map<string, { unitId: number; source: 'import' | 'admin' }>;
}

/**
 * Looks up every unit the plan names (parents first), changing nothing. A
 * name the jurisdiction knows — as a unit, an alias, or through the synonym
 * table — resolves to that unit; only unknown bodies are to be created, and
 * get a provisional (negative) id until they are. The names the document
 * gives in parentheses and the table's synonyms become aliases, so
 * questions find the unit by any of them. The jurisdiction's units and
 * aliases are read once, not per name.
 */
async function lookUpUnits(repos: Repositories, jurisdiction: string, nodes: readonly ParsedNode[], synonyms: SynonymTable): Promise<UnitLookup> {
  const known = new Map<string, number>();
  const names = new Map<number, string>();
  for (const unit of await repos.units.list(jurisdiction)) {
    known.set(unit.name, unit.id);
    names.set(unit.id, unit.name);
  }
  for (const alias of await repos.units.aliases(jurisdiction)) if (!known.has(alias.alias)) known.set(alias.alias, alias.unitId);
  const aliases = new Map<string, { unitId: number; source: 'import' | 'admin' }>();
  const remember = (alias: string, unitId: number, source: 'import' | 'admin') => {
    if (known.has(alias) || aliases.has(alias)) return;
    aliases.set(alias, { unitId, source });
  };
  const units = nodes.flatMap((node) => node.units);
  const missing: UnitLookup['missing'] = [];
  const plan = (wanted: readonly { name: string; level: UnitLevel; parent: string | null }[]) => {
    for (const unit of wanted) {
      if (known.has(unit.name)) continue;
      const synonym = synonymsOf(synonyms, jurisdiction, unit.name).find((name) => known.has(name));
      if (synonym) {
        known.set(unit.name, known.get(synonym)!);
        aliases.set(unit.name, { unitId: known.get(synonym)!, source: 'admin' });
        continue;
      }
      const provisionalId = -(missing.length + 1);
      missing.push({ name: unit.name, level: unit.level, parent: unit.parent, provisionalId });
      known.set(unit.name, provisionalId);
      names.set(provisionalId, unit.name);
    }
  };
  plan(units.flatMap((unit) => (unit.parent ? [{ name: unit.parent, level: 'city' as const, parent: null }] : [])));
  plan(units);
  const ids = new Map(units.map((unit) => [unit.name, known.get(unit.name)!]));
  const parentIds = new Map(units.flatMap((unit) => (unit.parent ? [[unit.parent, known.get(unit.parent)!] as const] : [])));
  const named = new Set(units.map((unit) => unit.name));
  for (const unit of units) {
    for (const alias of unit.aliases) if (!named.has(alias) && alias !== unit.name) remember(alias, ids.get(unit.name)!, 'import');
    for (const synonym of synonymsOf(synonyms, jurisdiction, unit.name).slice(1)) remember(synonym, ids.get(unit.name)!, 'admin');
  }
  return { ids, parentIds, names, missing, aliases };
}

/** Creates the units a lookup found missing (parents first: two statements at most) and records the aliases; returns the real id of any id the lookup gave. */
async function createUnits(repos: Repositories, jurisdiction: string, lookup: UnitLookup): Promise<(unitId: number) => number> {
  const real = new Map<number, number>();
  const realId = (unitId: number) => (unitId < 0 ? real.get(unitId)! : unitId);
  const byName = new Map(lookup.missing.map((unit) => [unit.name, unit.provisionalId]));
  const parents = new Set(lookup.missing.flatMap((unit) => (unit.parent ? [unit.parent] : [])));
  for (const batch of [lookup.missing.filter((unit) => parents.has(unit.name)), lookup.missing.filter((unit) => !parents.has(unit.name))]) {
    const rows = await repos.units.createMany(
      batch.map((unit) => ({ jurisdiction, name: unit.name, level: unit.level, parentId: unit.parent ? realId(lookup.parentIds.get(unit.parent)!) : null })),
    );
    for (const row of rows) real.set(byName.get(row.name)!, row.id);
  }
  await repos.units.addAliases([...lookup.aliases].map(([alias, { unitId, source }]) => ({ unitId: realId(unitId), jurisdiction, alias, source })));
  return realId;
}
