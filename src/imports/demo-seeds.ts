/**
 * The local console's demonstration data (演示数据): the seed plans imported
 * again as plans of their own, every year in them moved so the plan's year
 * is this year (domain/demo/demo-years), titled 【演示】 and flagged `demo`,
 * so that lights, 14天内到期, reminders and the weekly card show what they
 * would in a live year. The seeds' own plans stay as they are. Turning it on
 * again replaces the demonstration plans; turning it off deletes them, and
 * a service with a real Lark app deletes them at start (they must never
 * reach a real chat). The seeds are text files: their text is shifted and
 * parsed again.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../db/database.js';
import { DEMO_TITLE_MARK, shiftYears, yearsToShift } from '../domain/demo/demo-years.js';
import { importPlanText } from '../domain/imports/plan-importer.js';
import { parsePlanDocument } from '../domain/imports/plan-parser.js';
import { parseSynonymTable, type SynonymTable } from '../domain/units/synonym-table.js';
import { decodeText } from './formats/decode-text.js';
import { expandPaths, SYNONYM_FILE } from './import-files.js';

/** A demonstration plan made from a seed. */
export interface DemoPlan {
  planId: number;
  title: string;
  /** The seed's own year, and how many years its dates moved. */
  fromYear: number;
  shiftedBy: number;
  tasks: number;
}

/** What turning the demonstration on made: its plans, and the seeds it could not use (with why). */
export interface DemoReport {
  year: number;
  plans: DemoPlan[];
  skipped: { file: string; reason: string }[];
}

/** Deletes the demonstration plans (with their tasks and history) and records it; how many plans went. */
export async function removeDemoPlans(db: Database, actor: string, reason: string): Promise<number> {
  return db.transaction(async (repos) => {
    const plans = await repos.plans.listDemo();
    if (plans.length === 0) return 0;
    const removed = await repos.plans.removeDemo();
    await repos.audit.record({ actor, action: 'demo.remove', entityType: 'demo', entityId: 'seeds', before: { plans: plans.map((plan) => ({ id: plan.id, title: plan.title })) }, after: { reason } });
    return removed;
  });
}

/**
 * Replaces the demonstration plans with the seeds of `seedsDir` moved to
 * `year`. Each plan is imported in its own transaction (as the seeding is);
 * a seed without a year of its own is skipped, saying so.
 */
export async function createDemoPlans(db: Database, seedsDir: string, year: number, actor: string): Promise<DemoReport> {
  await removeDemoPlans(db, actor, 'replaced');
  const files = await expandPaths([seedsDir]);
  let synonyms: SynonymTable = { groups: [], errors: [] };
  const report: DemoReport = { year, plans: [], skipped: [] };
  for (const file of files) {
    const fileName = basename(file);
    const text = decodeText(await readFile(file));
    if (SYNONYM_FILE.test(fileName)) {
      synonyms = parseSynonymTable(text);
      continue;
    }
    const original = parsePlanDocument(text, fileName);
    if (original.year === null) {
      report.skipped.push({ file: fileName, reason: '文件没有写明年份，无法移到今年' });
      continue;
    }
    const shiftedBy = yearsToShift(original.year, year);
    const shifted = shiftYears(text, shiftedBy);
    const parsed = parsePlanDocument(shifted, fileName);
    parsed.title = `${DEMO_TITLE_MARK}${parsed.title}`;
    // The year as the plan's own (a document number, 〔2016〕, is a name and keeps its year): undated 12月底前 and 全年工作 fall in it.
    const imported = await importPlanText(db, { text: shifted, parsed, fileName, actor, synonyms, overrides: { target: 'new', demo: true, year: original.year + shiftedBy } });
    report.plans.push({ planId: imported.planId, title: imported.title, fromYear: original.year, shiftedBy, tasks: imported.counts.tasks });
  }
  await db.repos.audit.record({ actor, action: 'demo.create', entityType: 'demo', entityId: 'seeds', after: { year, plans: report.plans.map((plan) => ({ id: plan.planId, title: plan.title, fromYear: plan.fromYear })), skipped: report.skipped } });
  return report;
}
