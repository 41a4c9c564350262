/**
 * Long lists of ids in a query's IN (…): Prisma refuses a statement with
 * more bound values than the database takes (on SQLite, a plan of about
 * 1,000 tasks was already too many), so such lists go in slices.
 */

/** Ids per statement: under SQLite's and PostgreSQL's limits with room for the query's other values. */
export const IDS_PER_STATEMENT = 500;

/** The list cut into slices of at most `size`. */
export function slices<T>(items: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
