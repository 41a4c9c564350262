/**
 * What a document said of the fields people may change after an import —
 * a task's title, units, deadline and leaders (/修改), a plan's title, region
 * and year (the import card) — kept beside the stored values. A re-import
 * compares the document with what it said last time: where the document did
 * not change a field, a correction stands; where it did, the document wins.
 * Pure.
 */
import type { UnitRole } from '../vocabulary.js';

/** A task's correctable fields as the document gave them. */
export interface TaskDocumentFields {
  title: string;
  /** Units by id and role, in the document's order. */
  units: [number, UnitRole][];
  /** The deadline as written; '' when none. */
  deadline: string;
  /** Leaders joined by "、"; '' when none. */
  leaders: string;
}

/** A plan's fields the import card may change, as the document gave them. */
export interface PlanDocumentFields {
  title: string;
  jurisdiction: string;
  year: number | null;
}

/** Reads a stored record; undefined when there is none (imported before records were kept) or it is damaged. */
export function readDocumentFields<T extends object>(json: string | null | undefined): Partial<T> | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The value to store for one field on a re-import: the stored one when the
 * document says what it said last time (so a correction stands), else what
 * the document says now. `kept` tells that a correction was kept.
 */
export function keepOrTake<V>(stored: V, saidBefore: unknown, saysNow: unknown, now: V): { value: V; kept: boolean } {
  if (saidBefore === undefined || JSON.stringify(saidBefore) !== JSON.stringify(saysNow)) return { value: now, kept: false };
  return { value: stored, kept: JSON.stringify(stored) !== JSON.stringify(now) };
}
