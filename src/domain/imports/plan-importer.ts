/**
 * Writes a parsed plan to the database in one transaction: the plan, its
 * units (found or created in the plan's jurisdiction), tasks updated in place
 * by key so progress history survives a re-import, links, deadlines, and an
 * audit record. Returns a report of what was read and what changed.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Repositories } from '../../repositories/index.js';
import type { UnitLevel } from '../vocabulary.js';
import { synonymsOf, type SynonymTable } from '../units/synonym-table.js';
import { flattenNodes, parsePlanDocument, type ImportWarning, type ParsedNode, type ParsedPlan, type PlanDocument } from './plan-parser.js';

/** What an import did, for the CLI, the /import reply and the audit trail. */
export interface ImportReport {
  planId: number;
  title: string;
  jurisdiction: string;
  fileName: string;
  layout: ParsedPlan['layout'];
  /** The plan was new (not a re-import). */
  created: boolean;
  counts: {
    tasks: number;
    requirements: number;
    unitsNamed: number;
    unitsCreated: number;
    links: number;
    deadlines: { dated: number; recurring: number; event: number; continuous: number; keptRaw: number };
  };
  changes: { added: string[]; removed: string[]; changed: string[] };
  warnings: ImportWarning[];
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

/** Parses and imports one document. A document that cannot be read changes nothing. */
export async function importPlanText(db: Database, input: ImportInput): Promise<ImportReport> {
  const parsed = parsePlanDocument({ text: input.text, tables: input.tables }, input.fileName);
  const sourceHash = createHash('sha256')
    .update(input.source ?? Buffer.from(input.text, 'utf8'))
    .digest('hex');
  return db.transaction((repos) => writePlan(repos, parsed, { ...input, sourceHash }), { timeout: 120_000 });
}

async function writePlan(
  repos: Repositories,
  parsed: ParsedPlan,
  input: ImportInput & { sourceHash: string },
): Promise<ImportReport> {
  const key = planKeyOf(parsed, input.fileName);
  const existing = await repos.plans.findByKey(key);
  const plan = await repos.plans.upsert({
    key,
    title: parsed.title,
    issuer: parsed.issuer,
    jurisdiction: parsed.jurisdiction,
    year: parsed.year,
    docNumber: parsed.docNumber,
    sourceName: input.fileName,
    sourceHash: input.sourceHash,
    warnings: parsed.warnings.map((warning) => (warning.line ? `第${warning.line}行 ` : '') + warning.message.replace(/^第\d+行：/, '')),
  });

  const before = new Map(
    (await repos.tasks.listByPlan(plan.id)).map((task) => [
      task.key,
      signature(task),
    ]),
  );

  const all = flattenNodes(parsed.nodes);
  const { ids: unitIds, created: unitsCreated } = await resolveUnits(repos, parsed.jurisdiction, all, input.synonyms ?? NO_SYNONYMS);
  const changes: ImportReport['changes'] = { added: [], removed: [], changed: [] };
  const deadlineCounts = { dated: 0, recurring: 0, event: 0, continuous: 0, keptRaw: 0 };
  let links = 0;
  const parentOf = new Map<string, string>();
  for (const node of all) for (const child of node.children) parentOf.set(child.key, node.key);
  await repos.tasks.syncPlan(
    plan.id,
    all.map((node, position) => ({
      key: node.key,
      kind: node.kind,
      parentKey: parentOf.get(node.key) ?? null,
      number: node.number,
      position,
      categoryPath: node.categoryPath,
      title: node.title,
      requirement: node.requirement,
      sourceExcerpt: node.sourceExcerpt,
      sourceLine: node.sourceLine,
      units: node.units.map((unit) => ({ unitId: unitIds.get(unit.name)!, role: unit.role })),
      deadlines: node.deadlines,
    })),
    new Date(),
  );
  for (const node of all) {
    links += node.units.length;
    for (const deadline of node.deadlines) {
      if (deadline.kind === 'date') deadlineCounts.dated++;
      else if (deadline.kind === 'recurring') deadlineCounts.recurring++;
      else if (deadline.kind === 'event') deadlineCounts.event++;
      else if (deadline.kind === 'continuous') deadlineCounts.continuous++;
      else deadlineCounts.keptRaw++;
    }
    const previous = before.get(node.key);
    if (existing && previous === undefined) changes.added.push(node.key);
    else if (previous !== undefined && previous !== signature({ ...node, units: node.units.map((unit) => ({ unitId: unitIds.get(unit.name)!, role: unit.role })) })) {
      changes.changed.push(node.key);
    }
    before.delete(node.key);
  }
  changes.removed = [...before.keys()];

  const report: ImportReport = {
    planId: plan.id,
    title: plan.title,
    jurisdiction: plan.jurisdiction,
    fileName: input.fileName,
    layout: parsed.layout,
    created: !existing,
    counts: {
      tasks: parsed.nodes.length,
      requirements: all.length - parsed.nodes.length,
      unitsNamed: unitIds.size,
      unitsCreated,
      links,
      deadlines: deadlineCounts,
    },
    changes,
    warnings: parsed.warnings,
  };
  await repos.audit.record({
    actor: input.actor,
    action: 'plan.import',
    entityType: 'plan',
    entityId: plan.id,
    before: existing ? { sourceHash: existing.sourceHash, title: existing.title } : undefined,
    after: { sourceHash: input.sourceHash, title: plan.title, counts: report.counts, changes },
  });
  return report;
}

/**
 * Finds or creates every unit the plan names (parents first). A name the
 * jurisdiction knows — as a unit, an alias, or through the synonym table —
 * resolves to that unit; only unknown bodies become new units. Afterwards
 * the names the document gives in parentheses and the table's synonyms are
 * recorded as aliases, so questions find the unit by any of them. The
 * jurisdiction's units and aliases are read once, not per name.
 */
async function resolveUnits(
  repos: Repositories,
  jurisdiction: string,
  nodes: readonly ParsedNode[],
  synonyms: SynonymTable,
): Promise<{ ids: Map<string, number>; created: number }> {
  const known = new Map<string, number>();
  for (const unit of await repos.units.list(jurisdiction)) known.set(unit.name, unit.id);
  for (const alias of await repos.units.aliases(jurisdiction)) if (!known.has(alias.alias)) known.set(alias.alias, alias.unitId);
  const newAliases = new Map<string, { unitId: number; source: 'import' | 'admin' }>();
  const remember = (alias: string, unitId: number, source: 'import' | 'admin') => {
    if (known.has(alias) || newAliases.has(alias)) return;
    newAliases.set(alias, { unitId, source });
  };
  const units = nodes.flatMap((node) => node.units);
  let created = 0;
  // Parents (the bureau of a section) first, then the units themselves: two statements at most.
  const createMissing = async (wanted: readonly { name: string; level: UnitLevel; parent: string | null }[]) => {
    const missing = new Map<string, { name: string; level: UnitLevel; parent: string | null }>();
    for (const unit of wanted) {
      if (known.has(unit.name) || missing.has(unit.name)) continue;
      const synonym = synonymsOf(synonyms, jurisdiction, unit.name).find((name) => known.has(name));
      if (synonym) {
        known.set(unit.name, known.get(synonym)!);
        newAliases.set(unit.name, { unitId: known.get(synonym)!, source: 'admin' });
      } else {
        missing.set(unit.name, unit);
      }
    }
    const rows = await repos.units.createMany(
      [...missing.values()].map((unit) => ({ jurisdiction, name: unit.name, level: unit.level, parentId: unit.parent ? known.get(unit.parent)! : null })),
    );
    for (const row of rows) known.set(row.name, row.id);
    created += rows.length;
  };
  await createMissing(units.flatMap((unit) => (unit.parent ? [{ name: unit.parent, level: 'city' as const, parent: null }] : [])));
  await createMissing(units);
  const ids = new Map(units.map((unit) => [unit.name, known.get(unit.name)!]));
  const named = new Set(units.map((unit) => unit.name));
  for (const unit of units) {
    for (const alias of unit.aliases) if (!named.has(alias) && alias !== unit.name) remember(alias, ids.get(unit.name)!, 'import');
    for (const synonym of synonymsOf(synonyms, jurisdiction, unit.name).slice(1)) remember(synonym, ids.get(unit.name)!, 'admin');
  }
  await repos.units.addAliases([...newAliases].map(([alias, { unitId, source }]) => ({ unitId, jurisdiction, alias, source })));
  return { ids, created };
}
