/**
 * npm run eval:import — the importer's scoreboard over the real documents in
 * test/fixtures/real/: each document is parsed as an office would send it
 * and compared with its hand-written gold (see that folder's README).
 * Prints per-document figures for the `tune` part, then the totals for the
 * `tune` and `holdout` parts and per family. Held-out documents are only
 * counted in the totals, never named, so nobody reads them by accident: a
 * held-out document's own line is printed only when asked for with both
 * `--split holdout --doc <slug>`, and its failed checks never. `--split` or
 * `--doc` narrows it; `--json` prints the figures as JSON (held-out
 * documents as their totals); `--verbose` lists every failed tune check.
 *
 * `--format txt|docx|xlsx|all` (or a list, `docx,xlsx`; default txt) scores
 * the office versions of the table documents in test/fixtures/real/office/
 * (made by scripts/make-office-fixtures.ts) with the same gold, read by the
 * importer's own file readers as `npm run import` reads them. `all` is the
 * text and every format found there; with more than one format each gets
 * its block, then every document side by side and each office format beside
 * the text versions of the same documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocumentFile } from '../src/imports/import-files.js';
import { CHECK_KINDS, scoreDocument, type DocumentScore, type Gold } from '../test/support/import-scoring.js';

const dir = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));
const officeDir = `${dir}office/`;
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const verbose = args.includes('--verbose');
const onlySplit = option('split');
const onlyDoc = option('doc');
const officeFormats = existsSync(officeDir) ? [...new Set(readdirSync(officeDir).map((name) => extname(name).slice(1)).filter(Boolean))].sort() : [];
const formatOption = option('format') ?? 'txt';
const formats = formatOption === 'all' ? ['txt', ...officeFormats] : formatOption.split(',');
for (const format of formats) {
  if (format !== 'txt' && !officeFormats.includes(format)) {
    console.error(`--format ${format}: test/fixtures/real/office/ holds no .${format} files (it has ${officeFormats.join(', ') || 'none'}; make them with npx tsx scripts/make-office-fixtures.ts)`);
    process.exit(2);
  }
}

/** Scores one document in one format: the .txt as text, an office file through the importer's readers. */
async function scoreIn(format: string, slug: string, gold: Gold): Promise<DocumentScore | undefined> {
  if (format === 'txt') return scoreDocument(slug, readFileSync(`${dir}${slug}.txt`, 'utf8'), gold);
  const path = `${officeDir}${slug}.${format}`;
  if (!existsSync(path)) return undefined;
  try {
    const { text, tables } = await readDocumentFile(path);
    return scoreDocument(slug, { text, ...(tables ? { tables } : {}) }, gold, `${slug}.${format}`);
  } catch (error) {
    // The reader refused the file: scored as refused (an empty document is what the parser refuses), with the reader's words.
    const score = scoreDocument(slug, '', gold, `${slug}.${format}`);
    score.failures.push(`unreadable: ${(error as Error).message}`);
    return score;
  }
}

const scoresByFormat = new Map<string, DocumentScore[]>();
for (const format of formats) {
  const scores: DocumentScore[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const slug = file.replace(/\.json$/, '');
    if (onlyDoc && slug !== onlyDoc) continue;
    const gold = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Gold;
    if (onlySplit && gold.split !== onlySplit) continue;
    const score = await scoreIn(format, slug, gold);
    if (score) scores.push(score);
  }
  scoresByFormat.set(format, scores);
}

/** A held-out document is named only when asked for by name and split together. */
const shown = (score: DocumentScore) => score.split !== 'holdout' || (onlySplit === 'holdout' && onlyDoc !== undefined);

const percent = (right: number, total: number) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)}%`);
type Totals = { docs: number; refused: number; right: number; checks: number; tasks: number; found: number; extra: number };
const empty = (): Totals => ({ docs: 0, refused: 0, right: 0, checks: 0, tasks: 0, found: 0, extra: 0 });
const add = (totals: Totals, score: DocumentScore) => {
  totals.docs++;
  totals.refused += score.refused ? 1 : 0;
  totals.right += score.right;
  totals.checks += score.checks;
  totals.tasks += score.goldTasks;
  totals.found += score.foundTasks;
  totals.extra += score.extraTasks;
};

const line = (label: string, totals: Totals) =>
  console.log(
    `${label.padEnd(28)} ${String(totals.docs).padStart(3)} docs, ${totals.refused} refused, checks ${percent(totals.right, totals.checks).padStart(6)} (${totals.right}/${totals.checks}), tasks found ${percent(totals.found, totals.tasks)}, ${totals.extra} extra`,
  );
const totalOf = (scores: readonly DocumentScore[]) => {
  const totals = empty();
  for (const score of scores) add(totals, score);
  return totals;
};

/** One format's block: a line per document, then the totals per family and split. */
function printScores(scores: readonly DocumentScore[]) {
  for (const score of scores.filter(shown)) {
    const status = score.refused ? 'REFUSED' : `${percent(score.right, score.checks)} (${score.right}/${score.checks})`;
    console.log(`${score.split.padEnd(7)} ${score.family.padEnd(15)} ${score.slug.padEnd(22)} ${status}  tasks ${score.foundTasks}/${score.goldTasks} found, ${score.extraTasks} extra`);
    if (verbose && score.split !== 'holdout') for (const failure of score.failures) console.log(`        ✗ ${failure}`);
  }
  const bySplit = new Map<string, Totals>();
  const byFamily = new Map<string, Totals>();
  for (const score of scores) {
    if (!bySplit.has(score.split)) bySplit.set(score.split, empty());
    add(bySplit.get(score.split)!, score);
    const family = `${score.split}/${score.family}`;
    if (!byFamily.has(family)) byFamily.set(family, empty());
    add(byFamily.get(family)!, score);
  }
  console.log('');
  for (const [family, totals] of [...byFamily].sort()) line(family, totals);
  console.log('');
  for (const [split, totals] of [...bySplit].sort()) line(split, totals);
  line('all', totalOf(scores));
  console.log('');
  for (const split of [...bySplit.keys()].sort()) kindLine(split, scores.filter((score) => score.split === split));
}

/** A part's checks by what they compare (title … deadline), refused documents counted as wrong: where a part fails, without naming its documents. */
function kindLine(label: string, scores: readonly DocumentScore[]) {
  const parts = CHECK_KINDS.map((kind) => {
    const checks = scores.reduce((sum, score) => sum + score.byKind[kind].checks, 0);
    const right = scores.reduce((sum, score) => sum + score.byKind[kind].right, 0);
    return `${kind} ${percent(right, checks)} (${right}/${checks})`;
  });
  console.log(`${`${label} by check`.padEnd(28)} ${parts.join(', ')}`);
}

/** Every document in every format, then each office format beside the text of the same documents. */
function printSideBySide() {
  const cell = (score: DocumentScore | undefined) => (!score ? '' : score.refused ? 'REFUSED' : percent(score.right, score.checks));
  const slugs = [...new Set([...scoresByFormat.values()].flat().filter(shown).map((score) => score.slug))].sort();
  console.log(`${'document'.padEnd(38)} ${formats.map((format) => format.padStart(8)).join(' ')}`);
  for (const slug of slugs) {
    const row = formats.map((format) => scoresByFormat.get(format)!.find((score) => score.slug === slug));
    if (row.filter(Boolean).length < 2) continue;
    const first = row.find(Boolean)!;
    console.log(`${`${first.split} ${slug}`.padEnd(38)} ${row.map((score) => cell(score).padStart(8)).join(' ')}`);
  }
  console.log('');
  const text = scoresByFormat.get('txt');
  for (const format of formats) {
    const scores = scoresByFormat.get(format)!;
    for (const split of ['tune', 'holdout', 'all']) {
      const part = scores.filter((score) => split === 'all' || score.split === split);
      if (part.length === 0) continue;
      line(`${format} ${split}`, totalOf(part));
      if (format !== 'txt' && text) line(`  .txt of the same ${split}`, totalOf(text.filter((score) => part.some((own) => own.slug === score.slug))));
    }
  }
}

/** The JSON of one format: tune documents one by one, held-out ones as the totals of their part (named only as `shown` allows, never their failures). */
function jsonOf(scores: readonly DocumentScore[]) {
  const hidden = scores.filter((score) => !shown(score));
  return {
    documents: scores.filter(shown).map((score) => (score.split === 'holdout' ? { ...score, failures: [] } : score)),
    ...(hidden.length > 0 ? { holdout: totalOf(hidden) } : {}),
  };
}

if (args.includes('--json')) {
  console.log(JSON.stringify(formats.length === 1 ? jsonOf(scoresByFormat.get(formats[0]!)!) : Object.fromEntries(formats.map((format) => [format, jsonOf(scoresByFormat.get(format)!)])), null, 2));
} else if (formats.length === 1) {
  printScores(scoresByFormat.get(formats[0]!)!);
} else {
  for (const format of formats) {
    console.log(`== ${format} ==`);
    printScores(scoresByFormat.get(format)!);
    console.log('');
  }
  console.log('== side by side ==');
  printSideBySide();
}
