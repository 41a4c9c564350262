/**
 * The audit trail (留痕): an append-only record of every change, with who,
 * what, before and after. Nothing here updates or deletes.
 */
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';

/** One audit entry. */
export interface AuditRecord {
  id: number;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  eventId: string | null;
  createdAt: Date;
}

/** What a new audit entry holds. */
export interface AuditInput {
  /** open_id, or 'system'. */
  actor: string;
  /** Dotted verb, e.g. 'progress.report'. */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  eventId?: string | null;
  at?: Date;
}

/** Appends to and reads the audit trail. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends an entry. Call it in the transaction of the change it records. */
  async record(input: AuditInput): Promise<void> {
    await this.db.auditLog.create({
      data: {
        actor: input.actor,
        action: input.action,
        entityType: input.entityType,
        entityId: String(input.entityId),
        before: input.before === undefined ? null : toJson(input.before),
        after: input.after === undefined ? null : toJson(input.after),
        eventId: input.eventId ?? null,
        ...(input.at ? { createdAt: input.at } : {}),
      },
    });
  }

  /** The entries about one entity, oldest first. */
  async forEntity(entityType: string, entityId: string | number): Promise<AuditRecord[]> {
    const rows = await this.db.auditLog.findMany({
      where: { entityType, entityId: String(entityId) },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({ ...row, before: fromJson(row.before, null), after: fromJson(row.after, null) }));
  }

  /** How many entries there are, optionally for one action. */
  async count(action?: string): Promise<number> {
    return this.db.auditLog.count({ where: action ? { action } : {} });
  }
}
