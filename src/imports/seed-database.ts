/**
 * The seed plans of a new installation. A new database gets every document
 * in seeds/, and the seeding is marked done only when all of them went in:
 * a process that dies halfway (each document is its own transaction)
 * finishes the seeding at its next start, instead of leaving the plans it
 * had not reached missing for good. A database holding plans of its own is
 * never seeded.
 */
import { readdir } from 'node:fs/promises';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import { formatImportResults, importFiles } from './import-files.js';

/** The audit action that marks the seeding done. */
export const SEEDED_ACTION = 'seeds.imported';

/** Imports seeds/ into a database that has only (some of) them; does nothing once seeding is done. */
export async function seedNewDatabase(db: Database, seedsDir: string, logger: Logger): Promise<void> {
  if ((await db.repos.audit.count(SEEDED_ACTION)) > 0) return;
  const seedFiles = new Set(await readdir(seedsDir));
  const plans = await db.repos.plans.list();
  if (plans.some((plan) => !seedFiles.has(plan.sourceName))) return;
  const results = await importFiles(db, [seedsDir], 'system');
  const failed = results.filter((result) => 'error' in result);
  if (failed.length === 0) {
    await db.repos.audit.record({ actor: 'system', action: SEEDED_ACTION, entityType: 'database', entityId: 'seeds', after: { files: results.length } });
  }
  const how = plans.length === 0 ? 'empty database' : `seeding interrupted earlier (${plans.length} of the plans were in)`;
  logger.info({ imported: results.length, failed: failed.length }, `${how}: imported seeds/\n${formatImportResults(results)}`);
}
