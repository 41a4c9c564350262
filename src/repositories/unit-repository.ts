/**
 * Units (单位) and their aliases, per jurisdiction: 中山市's 市财政局 and
 * 临沂市's 市财政局 are different units that happen to share a name.
 */
import { UnitLevel } from '../domain/vocabulary.js';
import { insertRows, insertRowsReturning } from './bulk-insert.js';
import type { Db } from './client.js';
import { slices } from './id-lists.js';

/** A unit as the rest of the code sees it. */
export interface UnitRecord {
  id: number;
  jurisdiction: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
}

/** An alternative name of a unit. */
export interface UnitAliasRecord {
  unitId: number;
  jurisdiction: string;
  alias: string;
  source: 'import' | 'admin' | 'builtin';
}

/** Fields that identify and describe a unit. */
export interface UnitInput {
  jurisdiction: string;
  name: string;
  level?: UnitLevel;
  parentId?: number | null;
}

const unitSelect = { id: true, jurisdiction: true, name: true, level: true, parentId: true } as const;

/** A unit row as a raw query returns it (ids may come back as bigint). */
type UnitRow = { id: number | bigint; jurisdiction: string; name: string; level: string; parentId: number | bigint | null };

function toRecord(row: { id: number; jurisdiction: string; name: string; level: string; parentId: number | null }): UnitRecord {
  return { ...row, level: UnitLevel.catch('other').parse(row.level) };
}

/** Reads and writes units and aliases. */
export class UnitRepository {
  constructor(private readonly db: Db) {}

  /** The unit with this canonical name in the jurisdiction, created if new. */
  async findOrCreate(input: UnitInput): Promise<UnitRecord> {
    const row = await this.db.unit.upsert({
      where: { jurisdiction_name: { jurisdiction: input.jurisdiction, name: input.name } },
      create: {
        jurisdiction: input.jurisdiction,
        name: input.name,
        level: input.level ?? 'other',
        parentId: input.parentId ?? null,
      },
      update: {},
      select: unitSelect,
    });
    return toRecord(row);
  }

  /**
   * Creates several new units in one statement (an import's units that the
   * jurisdiction does not know yet); the caller has checked they are new.
   */
  async createMany(inputs: readonly UnitInput[]): Promise<UnitRecord[]> {
    if (inputs.length === 0) return [];
    const createdAt = new Date();
    const rows = await insertRowsReturning<Record<'jurisdiction' | 'name' | 'level' | 'parentId' | 'createdAt', string | number | Date | null>, UnitRow>(
      this.db,
      'Unit',
      ['jurisdiction', 'name', 'level', 'parentId', 'createdAt'],
      inputs.map((input) => ({ jurisdiction: input.jurisdiction, name: input.name, level: input.level ?? 'other', parentId: input.parentId ?? null, createdAt })),
      ['id', 'jurisdiction', 'name', 'level', 'parentId'],
    );
    return rows.map((row) => toRecord({ ...row, id: Number(row.id), parentId: row.parentId === null ? null : Number(row.parentId) }));
  }

  /** The unit with this id, if any. */
  async get(id: number): Promise<UnitRecord | undefined> {
    const row = await this.db.unit.findUnique({ where: { id }, select: unitSelect });
    return row ? toRecord(row) : undefined;
  }

  /** The unit a name or alias stands for in the jurisdiction, if known. */
  async findByName(jurisdiction: string, name: string): Promise<UnitRecord | undefined> {
    const direct = await this.db.unit.findUnique({
      where: { jurisdiction_name: { jurisdiction, name } },
      select: unitSelect,
    });
    if (direct) return toRecord(direct);
    const alias = await this.db.unitAlias.findUnique({
      where: { jurisdiction_alias: { jurisdiction, alias: name } },
      select: { unit: { select: unitSelect } },
    });
    return alias ? toRecord(alias.unit) : undefined;
  }

  /**
   * Records another name for a unit. Returns false, changing nothing, when the
   * alias already names a unit in that jurisdiction.
   */
  async addAlias(unitId: number, alias: string, source: UnitAliasRecord['source']): Promise<boolean> {
    const unit = await this.db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { jurisdiction: true } });
    const existing = await this.db.unitAlias.findUnique({
      where: { jurisdiction_alias: { jurisdiction: unit.jurisdiction, alias } },
      select: { id: true },
    });
    if (existing) return false;
    await this.db.unitAlias.create({ data: { unitId, jurisdiction: unit.jurisdiction, alias, source } });
    return true;
  }

  /**
   * Records many new names at once (an import's synonyms); the caller has
   * checked that none of them is a unit or alias in its jurisdiction yet.
   */
  async addAliases(aliases: readonly { unitId: number; jurisdiction: string; alias: string; source: UnitAliasRecord['source'] }[]): Promise<void> {
    const createdAt = new Date();
    await insertRows(this.db, 'UnitAlias', ['unitId', 'jurisdiction', 'alias', 'source', 'createdAt'], aliases.map((alias) => ({ ...alias, createdAt })));
  }

  /**
   * Folds unit `fromId` into `intoId` when they turn out to be one body (the
   * synonym table says so): task links, role grants, aliases and sections
   * move over, links the target already has are dropped, and the old name
   * becomes an alias. Both must be in the same jurisdiction.
   */
  async merge(fromId: number, intoId: number, source: UnitAliasRecord['source']): Promise<void> {
    const [from, into] = await Promise.all([
      this.db.unit.findUniqueOrThrow({ where: { id: fromId }, select: unitSelect }),
      this.db.unit.findUniqueOrThrow({ where: { id: intoId }, select: unitSelect }),
    ]);
    if (from.jurisdiction !== into.jurisdiction) throw new Error(`units ${fromId} and ${intoId} are in different jurisdictions`);
    const shared = await this.db.taskUnit.findMany({ where: { unitId: intoId }, select: { taskId: true } });
    for (const taskIds of slices(shared.map((link) => link.taskId))) await this.db.taskUnit.deleteMany({ where: { unitId: fromId, taskId: { in: taskIds } } });
    await this.db.taskUnit.updateMany({ where: { unitId: fromId }, data: { unitId: intoId } });
    await this.db.roleGrant.updateMany({ where: { unitId: fromId }, data: { unitId: intoId } });
    await this.db.unitAlias.updateMany({ where: { unitId: fromId }, data: { unitId: intoId } });
    await this.db.unit.updateMany({ where: { parentId: fromId }, data: { parentId: intoId } });
    await this.db.unit.delete({ where: { id: fromId } });
    await this.db.unitAlias.create({ data: { unitId: intoId, jurisdiction: into.jurisdiction, alias: from.name, source } });
  }

  /** Units, optionally of one jurisdiction, by name. */
  async list(jurisdiction?: string): Promise<UnitRecord[]> {
    const rows = await this.db.unit.findMany({
      where: jurisdiction ? { jurisdiction } : {},
      orderBy: [{ jurisdiction: 'asc' }, { name: 'asc' }],
      select: unitSelect,
    });
    return rows.map(toRecord);
  }

  /** Aliases, optionally of one jurisdiction. */
  async aliases(jurisdiction?: string): Promise<UnitAliasRecord[]> {
    const rows = await this.db.unitAlias.findMany({
      where: jurisdiction ? { jurisdiction } : {},
      orderBy: { id: 'asc' },
      select: { unitId: true, jurisdiction: true, alias: true, source: true },
    });
    return rows.map((row) => ({ ...row, source: row.source as UnitAliasRecord['source'] }));
  }
}
