/**
 * The Prisma handle a repository works through: the client itself or the
 * client of an open transaction. Repositories never know which, so the same
 * code runs inside and outside transactions.
 */
import type { PrismaTx } from '../db/client.js';

/** A Prisma client or transaction client. */
export type Db = PrismaTx;

/** Serialises a value for a JSON text column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Reads a JSON text column, falling back when the text is empty or broken. */
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
