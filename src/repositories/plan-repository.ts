/**
 * Plans (分工方案): one row per imported document, found again by its stable key.
 */
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';

/** A plan as the rest of the code sees it. */
export interface PlanRecord {
  id: number;
  key: string;
  title: string;
  issuer: string | null;
  jurisdiction: string;
  year: number | null;
  docNumber: string | null;
  sourceName: string;
  sourceHash: string;
  warnings: string[];
  /** What the document said last time of title, jurisdiction and year (JSON), null before any import wrote it. */
  documentFields: string | null;
  /** Demonstration data (the console's 演示数据), never a real plan. */
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields written when a plan is imported or re-imported. */
export interface PlanInput {
  key: string;
  title: string;
  issuer?: string | null;
  jurisdiction: string;
  year?: number | null;
  docNumber?: string | null;
  sourceName: string;
  sourceHash: string;
  warnings?: string[];
  /** What the document said of title, jurisdiction and year, as JSON. */
  documentFields?: string | null;
  /** Demonstration data; set only when the plan is created (a real plan never becomes one). */
  demo?: boolean;
}

type PlanRow = Omit<PlanRecord, 'warnings'> & { warnings: string };

function toRecord(row: PlanRow): PlanRecord {
  return { ...row, warnings: fromJson<string[]>(row.warnings, []) };
}

/** Reads and writes plans. */
export class PlanRepository {
  constructor(private readonly db: Db) {}

  /** Creates the plan, or updates the one with the same key. */
  async upsert(input: PlanInput): Promise<PlanRecord> {
    const data = {
      title: input.title,
      issuer: input.issuer ?? null,
      jurisdiction: input.jurisdiction,
      year: input.year ?? null,
      docNumber: input.docNumber ?? null,
      sourceName: input.sourceName,
      sourceHash: input.sourceHash,
      warnings: toJson(input.warnings ?? []),
      documentFields: input.documentFields ?? null,
    };
    const row = await this.db.plan.upsert({ where: { key: input.key }, create: { key: input.key, ...data, demo: input.demo ?? false }, update: data });
    return toRecord(row);
  }

  /** The plan with this key, if imported. */
  async findByKey(key: string): Promise<PlanRecord | undefined> {
    const row = await this.db.plan.findUnique({ where: { key } });
    return row ? toRecord(row) : undefined;
  }

  /** The plan with this id, if any. */
  async get(id: number): Promise<PlanRecord | undefined> {
    const row = await this.db.plan.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  /** Every plan, oldest first. */
  async list(): Promise<PlanRecord[]> {
    const rows = await this.db.plan.findMany({ orderBy: { id: 'asc' } });
    return rows.map(toRecord);
  }

  /** The demonstration plans (the console's 演示数据), oldest first. */
  async listDemo(): Promise<PlanRecord[]> {
    const rows = await this.db.plan.findMany({ where: { demo: true }, orderBy: { id: 'asc' } });
    return rows.map(toRecord);
  }

  /** Deletes the demonstration plans with their tasks and history (real plans are never touched); how many went. */
  async removeDemo(): Promise<number> {
    return (await this.db.plan.deleteMany({ where: { demo: true } })).count;
  }

  /** How many plans there are; 0 on a new database. */
  async count(): Promise<number> {
    return this.db.plan.count();
  }
}
