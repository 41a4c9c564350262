/**
 * npm run eval:questions — how well the bot answers what a 督查室, a
 * bureau's liaison and a leader actually ask. Builds the fixed world of
 * test/fixtures/questions/scenario.json in a fresh SQLite database (the
 * five seeds, a fixed today, the progress reports), asks every question of
 * questions.json the way chat does (parse, then answer; every page of a
 * list), and scores each answer for an exact match with its hand-written
 * gold (test/support/question-scoring.ts). Prints the share right per
 * family and overall, for the tune and holdout parts.
 *
 *   --verbose      list the failed tune questions (holdout ones are only counted), each with how it was parsed
 *   --family X     only that family
 *   --id X         only the questions whose id holds X (n18, state-n18-01)
 *   --json         the figures and every question's verdict as JSON
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { answer, answerTaskQuery, type Answer } from '../src/domain/questions/answer-service.js';
import { QuestionCatalog, type Catalog } from '../src/domain/questions/question-catalog.js';
import { parseQuestion } from '../src/domain/questions/question-parser.js';
import type { TaskStatus } from '../src/domain/vocabulary.js';
import { importFiles } from '../src/imports/import-files.js';
import { readAnswer, scoreQuestion, type CorpusQuestion, type QuestionScore, type TaskRef } from '../test/support/question-scoring.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/fixtures/questions');

interface Scenario {
  today: string;
  timeZone: string;
  plans: Record<string, string>;
  people: { openId: string; name: string; role: 'supervisor' | 'liaison'; unit?: string }[];
  reports: { task: TaskRef; at: string; by: string; unit: string | null; status: TaskStatus; percent: number; note: string }[];
}

/** Who asks, as the answering path may one day take it: the person and the units they report for. */
interface Asker {
  role: CorpusQuestion['asker'];
  openId: string | null;
  unitIds: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const verbose = args.includes('--verbose');
const asJson = args.includes('--json');
const onlyFamily = option('family');
const onlyId = option('id');

const scenario = JSON.parse(readFileSync(join(fixtures, 'scenario.json'), 'utf8')) as Scenario;
const questions = (JSON.parse(readFileSync(join(fixtures, 'questions.json'), 'utf8')) as CorpusQuestion[]).filter((question) => (!onlyFamily || question.family === onlyFamily) && (!onlyId || question.id.includes(onlyId)));

/** "中山市 市财政局" → the stored unit's id. */
async function unitId(db: Database, placed: string): Promise<number> {
  const [jurisdiction, name] = placed.split(' ');
  const unit = await db.repos.units.findByName(jurisdiction!, name!);
  if (!unit) throw new Error(`scenario names a unit the seeds lack: ${placed}`);
  return unit.id;
}

/** Builds the scenario's world in a fresh database and returns it with a way to name tasks both ways. */
async function buildWorld(dir: string) {
  const url = `file:${join(dir, 'questions.db')}`;
  await migrateDatabase(url);
  const db = await Database.open(url);
  // The importer's own progress output is not this script's.
  const { log, time, timeEnd } = console;
  Object.assign(console, { log: () => {}, time: () => {}, timeEnd: () => {} });
  try {
    const results = await importFiles(db, [join(root, 'seeds')], 'eval-questions');
    const failed = results.filter((result) => 'error' in result);
    if (failed.length > 0) throw new Error(`seed import failed: ${JSON.stringify(failed)}`);
  } finally {
    Object.assign(console, { log, time, timeEnd });
  }

  const plans = await db.repos.plans.list();
  const planIdOf = new Map(Object.entries(scenario.plans).map(([short, title]) => {
    const plan = plans.find((candidate) => candidate.title === title);
    if (!plan) throw new Error(`scenario names a plan the seeds lack: ${title}`);
    return [short, plan.id];
  }));
  const shortOf = new Map([...planIdOf].map(([short, id]) => [id, short]));
  const ids = new Map<TaskRef, number>();
  const refs = new Map<number, TaskRef>();
  for (const [short, planId] of planIdOf) {
    for (const task of await db.repos.tasks.listByPlan(planId)) {
      ids.set(`${short}:${task.key}`, task.id);
      refs.set(task.id, `${short}:${task.key}`);
    }
  }
  const idOf = (ref: TaskRef) => {
    const id = ids.get(ref);
    if (id === undefined) throw new Error(`no task ${ref} in the imported seeds`);
    return id;
  };

  const people = new Map<string, { openId: string; unitId: number | null }>();
  await db.transaction(async (repos) => {
    for (const person of scenario.people) {
      const record = await repos.people.upsert(person.openId, person.name);
      const unit = person.unit ? await unitId(db, person.unit) : null;
      await repos.people.grant({ personId: record.id, role: person.role, unitId: unit, state: 'active', grantedBy: 'eval-questions' });
      people.set(person.name, { openId: person.openId, unitId: unit });
    }
    for (const report of [...scenario.reports].sort((a, b) => a.at.localeCompare(b.at))) {
      const by = people.get(report.by);
      if (!by) throw new Error(`report by someone not in the scenario: ${report.by}`);
      const taskId = idOf(report.task);
      const before = await repos.tasks.get(taskId);
      const at = new Date(report.at);
      await repos.progress.append({
        taskId,
        percent: report.percent,
        status: report.status,
        note: report.note,
        actor: by.openId,
        unitId: report.unit ? await unitId(db, report.unit) : null,
        at,
      });
      await repos.audit.record({
        actor: by.openId,
        action: report.status === 'pending_review' ? 'task.close_request' : report.status === 'done' ? 'task.close' : 'task.progress',
        entityType: 'task',
        entityId: taskId,
        before: { percent: before?.percent ?? 0, status: before?.status ?? 'open' },
        after: { percent: report.percent, status: report.status, note: report.note },
        eventId: null,
      });
    }
  });
  return { db, idOf, refOf: (taskId: number) => refs.get(taskId), people, planShort: shortOf };
}

/**
 * Asks a question the way chat does (src/bot/question-answering.ts): parse
 * with the current catalog, answer, and for a task list every page, as the
 * page buttons would, as the asker (whose units "我们局" means).
 */
async function ask(text: string, asker: Asker, catalog: Catalog, db: Database, today: string, parsed?: (question: unknown) => void): Promise<Answer[]> {
  const question = parseQuestion(text, catalog.directory, { unitIds: asker.unitIds });
  parsed?.(question);
  if (question.kind === 'follow_up') return [{ kind: 'not_understood', reason: '（追问，语料中没有上一条回答）' }];
  const first = await answer(question, catalog, db.repos, today);
  const pages = [first];
  if (first.kind === 'task_list') {
    for (let page = 2; page <= first.pageCount; page++) pages.push(await answerTaskQuery({ ...first.query, page }, catalog, db.repos, today));
  }
  return pages;
}

type Verdict = QuestionScore & { id: string; family: string; split: string; text: string; asked: string; parsed?: unknown };

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'duban-eval-questions-'));
  const world = await buildWorld(dir);
  try {
    const catalog = await new QuestionCatalog(world.db, 0).current();
    const verdicts: Verdict[] = [];
    for (const question of questions) {
      // "#{ZS:20.1}" in a question is that task's id in this database.
      const asked = question.text.replace(/\{([A-Z]+:[\d.]+)\}/g, (_, ref: string) => String(world.idOf(ref)));
      const person = question.as ? world.people.get(question.as) : undefined;
      if (question.as && !person) throw new Error(`${question.id}: asker ${question.as} is not in the scenario`);
      const asker: Asker = { role: question.asker, openId: person?.openId ?? null, unitIds: person?.unitId ? [person.unitId] : [] };
      let score: QuestionScore;
      let parsed: unknown;
      try {
        const pages = await ask(asked, asker, catalog, world.db, scenario.today, (question) => (parsed = question));
        score = scoreQuestion(question.expect, readAnswer(pages, world.refOf));
      } catch (error) {
        score = { right: false, why: `threw: ${error instanceof Error ? error.message : String(error)}` };
      }
      verdicts.push({ ...score, id: question.id, family: question.family, split: question.split, text: question.text, asked, ...(verbose && question.split === 'tune' ? { parsed } : {}) });
    }
    report(verdicts);
  } finally {
    await world.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(verdicts: Verdict[]) {
  type Tally = { right: number; total: number };
  const tally = (list: Verdict[]): Tally => ({ right: list.filter((verdict) => verdict.right).length, total: list.length });
  const percent = ({ right, total }: Tally) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)}%`);
  const families = [...new Set(verdicts.map((verdict) => verdict.family))];
  const rows = [...families.map((family) => [family, verdicts.filter((verdict) => verdict.family === family)] as const), ['overall', verdicts] as const].map(([name, list]) => ({
    name,
    tune: tally(list.filter((verdict) => verdict.split === 'tune')),
    holdout: tally(list.filter((verdict) => verdict.split === 'holdout')),
    all: tally(list),
  }));
  if (asJson) {
    console.log(JSON.stringify({ today: scenario.today, figures: rows, questions: verdicts }, null, 2));
    return;
  }
  if (verbose) {
    for (const verdict of verdicts.filter((entry) => !entry.right && entry.split === 'tune')) {
      console.log(`✗ ${verdict.id.padEnd(15)} ${verdict.asked}\n    ${verdict.why}\n    parsed: ${JSON.stringify(verdict.parsed)}`);
    }
    console.log('');
  }
  const cell = (value: Tally) => `${percent(value).padStart(6)} (${value.right}/${value.total})`.padEnd(18);
  console.log(`${'family'.padEnd(12)} ${'tune'.padEnd(18)} ${'holdout'.padEnd(18)} all`);
  for (const row of rows) {
    if (row.name === 'overall') console.log('');
    console.log(`${row.name.padEnd(12)} ${cell(row.tune)} ${cell(row.holdout)} ${cell(row.all)}`);
  }
}

await main();
