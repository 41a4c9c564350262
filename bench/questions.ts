/**
 * Question benchmark: 100,000 tasks across 500 plans and 2,000 units, made
 * from the seeds' real task texts and unit names, then a fixed mix of 1,000
 * questions answered the way the bot answers them (question → parsed →
 * answered → rendered card), p50/p99 latency, on SQLite and (with
 * BENCH_POSTGRES_URL) PostgreSQL. Baseline in the same run: the naive way,
 * SQL LIKE '%…%' over task titles, requirements and unit names, then the
 * same page fetch. Memory: heap and RSS growth from building the index.
 *
 * BENCH_TASKS scales the data (default 100000).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { reportFigure } from './report.js';
import { renderAnswer } from '../src/bot/cards/answer-cards.js';
import { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { flattenNodes, parsePlanDocument } from '../src/domain/imports/plan-parser.js';
import { answer } from '../src/domain/questions/answer-service.js';
import { QuestionCatalog } from '../src/domain/questions/question-catalog.js';
import { parseQuestion } from '../src/domain/questions/question-parser.js';
import type { UnitRole } from '../src/domain/vocabulary.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const PLANS = 500;
const UNITS = 2_000;
const QUESTIONS = 1_000;
const TODAY = '2026-11-22';

/** A small deterministic PRNG, so every run asks the same questions of the same data. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const random = prng(20261122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Vocabulary from the seeds: task texts and bureau names without their level prefix.
const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));
const nodes = readdirSync(seedsDir)
  .filter((name) => /^\d{3}_.*\.txt$/.test(name))
  .flatMap((file) => flattenNodes(parsePlanDocument(readFileSync(join(seedsDir, file), 'utf8'), file).nodes));
const texts = nodes.filter((node) => node.title.length > 4).map((node) => ({ title: node.title, requirement: node.requirement }));
const bureaus = [...new Set(nodes.flatMap((node) => node.units).filter((unit) => unit.level === 'city' || unit.level === 'district').map((unit) => unit.name.replace(/^(市|区)/, '')))];
const CITIES = '北京 天津 石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 南宁 海口 成都 贵阳 昆明 西安 兰州 西宁 银川 乌鲁木齐 中山 临沂 江门 珠海 佛山 东莞 惠州 汕头 湛江 肇庆 清远 韶关 梅州'.split(' ').map((name) => `${name}市`);
const perCity = Math.ceil(UNITS / CITIES.length);
const TOPICS = ['PPP', '扶贫', '预决算公开', '政务公开', '信用', '政策解读', '双随机', '权责清单', '政府网站', '减税降费', '食品安全', '公共资源'];

/** Fills a migrated database with the generated plans. */
async function generate(db: Database): Promise<{ unitNames: string[] }> {
  const unitNames: string[] = [];
  const unitsByCity = new Map<string, { id: number; name: string }[]>();
  for (const city of CITIES) {
    const names = Array.from({ length: perCity }, (_, index) => `市${bureaus[index % bureaus.length]}${index >= bureaus.length ? `${Math.floor(index / bureaus.length) + 1}处` : ''}`);
    const created = await db.repos.units.createMany(names.map((name) => ({ jurisdiction: city, name, level: 'city' })));
    unitsByCity.set(city, created);
    unitNames.push(...names);
  }
  const tasksPerPlan = Math.ceil(TASKS / PLANS);
  const roles: UnitRole[] = ['lead', 'responsible', 'cooperating'];
  for (let planIndex = 0; planIndex < PLANS; planIndex++) {
    const city = CITIES[planIndex % CITIES.length]!;
    const title = `${city.replace('市', '')}${2016 + (planIndex % 10)}年政务公开工作要点分工方案（第${planIndex + 1}号）`;
    await db.transaction(async (repos) => {
      const plan = await repos.plans.upsert({ key: `${city}:${title}`, title, issuer: `${city}人民政府办公室`, jurisdiction: city, year: 2026, docNumber: null, sourceName: 'bench', sourceHash: 'bench', warnings: [] });
      const units = unitsByCity.get(city)!;
      await repos.tasks.syncPlan(
        plan.id,
        Array.from({ length: tasksPerPlan }, (_, index) => {
          const text = pick(texts);
          const year = 2025 + Math.floor(random() * 3);
          const month = 1 + Math.floor(random() * 12);
          const due = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
          const linked = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(units)))];
          return {
            key: String(index + 1),
            kind: 'task' as const,
            parentKey: null,
            number: String(index + 1),
            position: index,
            categoryPath: '',
            title: text.title,
            requirement: text.requirement,
            sourceExcerpt: '',
            sourceLine: null,
            units: linked.map((unit, n) => ({ unitId: unit.id, role: n === 0 ? 'lead' : pick(roles) })),
            deadlines: [{ raw: `${year}年${month}月底前完成`, kind: 'date' as const, dueOn: due, recurrence: null }],
          };
        }),
        new Date(),
      );
    }, { timeout: 120_000 });
  }
  return { unitNames };
}

/** The fixed mix of questions. */
function questions(unitNames: readonly string[]): string[] {
  const asked: string[] = [];
  for (let i = 0; i < QUESTIONS; i++) {
    const unit = pick(unitNames);
    const roll = random();
    if (roll < 0.3) asked.push(`${unit.replace(/^市/, '')}负责什么`);
    else if (roll < 0.4) asked.push(`${unit}牵头哪些任务`);
    else if (roll < 0.55) asked.push(`${pick(TOPICS)}谁负责`);
    else if (roll < 0.65) asked.push(`${pick(TOPICS)}相关的任务有哪些`);
    else if (roll < 0.75) asked.push(pick(['哪些任务逾期了', '本月到期的任务', '进度不到一半的', '年底前要完成的']));
    else if (roll < 0.85) asked.push(`${unit}逾期的任务`);
    else if (roll < 0.9) asked.push(`第${1 + Math.floor(random() * 200)}项是什么`);
    else if (roll < 0.95) asked.push(`在${pick(CITIES).replace('市', '')}的要点里${unit}负责什么`);
    else asked.push(pick(['你好', '谢谢', '有哪些方案', '今天天气怎么样']));
  }
  return asked;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const round = (value: number) => Math.round(value * 100) / 100;

/** Times our answers and the naive LIKE baseline on one database. */
async function measure(db: Database, asked: readonly string[]) {
  global.gc?.();
  const before = process.memoryUsage();
  const catalog = new QuestionCatalog(db, 60 * 60_000);
  let started = performance.now();
  const built = await catalog.current();
  const buildMs = performance.now() - started;
  global.gc?.();
  const after = process.memoryUsage();

  const ours: number[] = [];
  for (const text of asked) {
    started = performance.now();
    const question = parseQuestion(text, built.directory);
    if (question.kind !== 'follow_up') renderAnswer(await answer(question, built, db.repos, TODAY));
    ours.push(performance.now() - started);
  }
  if (process.env.BENCH_SLOWEST) {
    const slowest = asked.map((text, index) => [ours[index]!, text] as const).sort((a, b) => b[0] - a[0]).slice(0, 12);
    console.error(slowest.map(([ms, text]) => `${ms.toFixed(1)} ms ${text}`).join('\n'));
  }

  // The naive way: LIKE over titles, requirements and unit names for the question's unit or topic, then the same page fetch.
  const naive: number[] = [];
  for (const text of asked) {
    started = performance.now();
    const question = parseQuestion(text, built.directory);
    const term = question.kind === 'tasks' ? (question.units[0]?.text ?? question.topic ?? '') : '';
    const like = `%${term}%`;
    const rows = await db.repos.search.naiveSearch(like, question.kind === 'tasks' && question.status === 'overdue' ? TODAY : null);
    const page = rows.slice(0, 10);
    await Promise.all([db.repos.tasks.getMany(page), db.repos.progress.latestFor(page)]);
    naive.push(performance.now() - started);
  }
  return {
    tasks: built.index.size,
    rssAfterIndexMB: Math.round(after.rss / 1048576),
    indexBuildMs: Math.round(buildMs),
    heapGrowthMB: Math.round((after.heapUsed - before.heapUsed) / 1048576),
    rssGrowthMB: Math.round((after.rss - before.rss) / 1048576),
    oursMs: { p50: round(percentile(ours, 0.5)), p99: round(percentile(ours, 0.99)) },
    naiveLikeMs: { p50: round(percentile(naive, 0.5)), p99: round(percentile(naive, 0.99)) },
    speedupP50: round(percentile(naive, 0.5) / percentile(ours, 0.5)),
    speedupP99: round(percentile(naive, 0.99) / percentile(ours, 0.99)),
  };
}

async function run(url: string) {
  await migrateDatabase(url);
  const db = await Database.open(url, { poolSize: 4 });
  try {
    const started = performance.now();
    const { unitNames } = await generate(db);
    const generateS = Math.round((performance.now() - started) / 1000);
    return { generateS, ...(await measure(db, questions(unitNames))) };
  } finally {
    await db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'duban-qbench-'));
const results: Record<string, unknown> = { benchmark: `questions at ${TASKS} tasks, ${PLANS} plans, ${UNITS} units, ${QUESTIONS} questions` };
try {
  results.sqlite = await run(`file:${join(dir, 'bench.db')}`);
  console.error(`sqlite: ${JSON.stringify(results.sqlite)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_POSTGRES_URL;
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS duban_qbench WITH (FORCE)');
  await admin.query('CREATE DATABASE duban_qbench');
  const url = new URL(serverUrl);
  url.pathname = '/duban_qbench';
  try {
    results.postgresql = await run(url.toString());
  } finally {
    await admin.query('DROP DATABASE IF EXISTS duban_qbench WITH (FORCE)');
    await admin.end();
  }
}
console.log(JSON.stringify(results, null, 2));
for (const [provider, result] of Object.entries(results)) {
  if (typeof result !== 'object' || result === null) continue;
  const r = result as { oursMs: { p99: number }; naiveLikeMs: { p99: number }; rssAfterIndexMB: number; rssGrowthMB: number; tasks: number };
  const label = provider === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  reportFigure({ bench: 'questions', figure: `question p99 at ${r.tasks} tasks, ${label}`, ours: r.oursMs.p99, baseline: r.naiveLikeMs.p99, baselineLabel: 'naive SQL LIKE', unit: 'ms', better: 'lower' });
  reportFigure({ bench: 'questions', figure: `RSS with ${r.tasks} tasks loaded, ${label}`, ours: r.rssAfterIndexMB, baseline: r.rssAfterIndexMB - r.rssGrowthMB, baselineLabel: 'RSS before loading them', unit: 'MB', better: 'lower' });
}
