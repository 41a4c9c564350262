/**
 * A database with the seed plans and what weekly delivery runs with: the
 * catalog, the official calendar, Beijing time. Shared by the delivery
 * tests; `fault` installs a database trigger that makes queuing one chat's
 * card fail, the way a process dying inside that transaction would.
 */
import Sqlite from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';
import type { Database } from '../../src/db/database.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { importFiles } from '../../src/imports/import-files.js';
import { createLogger } from '../../src/lib/logger.js';
import type { SummaryServices } from '../../src/summaries/weekly-delivery.js';

/** The project's seed plans. */
export const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Imports the seeds and returns the services delivery needs on `db`. */
export async function summaryServices(db: Database, seed = true): Promise<SummaryServices> {
  if (seed && (await db.repos.plans.count()) === 0) await importFiles(db, [SEEDS], 'system');
  return { db, catalog: new QuestionCatalog(db), calendar: loadChinaCalendar(), timeZone: 'Asia/Shanghai', logger: createLogger('silent') };
}

/** Makes inserting an outbox row for `target` fail until the returned function is called. */
export async function failOutboxInsertsFor(url: string, target: string): Promise<() => Promise<void>> {
  if (url.startsWith('file:')) {
    const sqlite = new Sqlite(url.slice('file:'.length));
    sqlite.exec(`CREATE TRIGGER crash_mid_run BEFORE INSERT ON "OutboxMessage" WHEN NEW."target" = '${target}' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    return async () => {
      sqlite.exec('DROP TRIGGER crash_mid_run');
      sqlite.close();
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE FUNCTION crash_mid_run() RETURNS trigger AS $$ BEGIN IF NEW."target" = '${target}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await client.query('CREATE TRIGGER crash_mid_run BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION crash_mid_run()');
  return async () => {
    await client.query('DROP TRIGGER crash_mid_run ON "OutboxMessage"');
    await client.query('DROP FUNCTION crash_mid_run()');
    await client.end();
  };
}
