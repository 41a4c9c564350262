/**
 * npm run eval:import — the importer's scoreboard over the real documents in
 * test/fixtures/real/: each document is parsed as an office would send it
 * and compared with its hand-written gold (see that folder's README).
 * Prints per-document figures, then the totals for the `tune` and `holdout`
 * parts and per family. `--split holdout` or `--doc <slug>` narrows it;
 * `--json` prints the figures as JSON; `--verbose` lists every failed check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreDocument, type DocumentScore, type Gold } from '../test/support/import-scoring.js';

const dir = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const verbose = args.includes('--verbose');
const onlySplit = option('split');
const onlyDoc = option('doc');

const scores: DocumentScore[] = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
  const slug = file.replace(/\.json$/, '');
  if (onlyDoc && slug !== onlyDoc) continue;
  const gold = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Gold;
  if (onlySplit && gold.split !== onlySplit) continue;
  const text = readFileSync(`${dir}${slug}.txt`, 'utf8');
  scores.push(scoreDocument(slug, text, gold));
}

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

if (args.includes('--json')) {
  console.log(JSON.stringify(scores, null, 2));
} else {
  for (const score of scores) {
    const status = score.refused ? 'REFUSED' : `${percent(score.right, score.checks)} (${score.right}/${score.checks})`;
    console.log(`${score.split.padEnd(7)} ${score.family.padEnd(15)} ${score.slug.padEnd(22)} ${status}  tasks ${score.foundTasks}/${score.goldTasks} found, ${score.extraTasks} extra`);
    if (verbose && score.split !== 'holdout') for (const failure of score.failures) console.log(`        ✗ ${failure}`);
  }
  const bySplit = new Map<string, Totals>();
  const byFamily = new Map<string, Totals>();
  const all = empty();
  for (const score of scores) {
    add(all, score);
    if (!bySplit.has(score.split)) bySplit.set(score.split, empty());
    add(bySplit.get(score.split)!, score);
    const family = `${score.split}/${score.family}`;
    if (!byFamily.has(family)) byFamily.set(family, empty());
    add(byFamily.get(family)!, score);
  }
  const line = (label: string, totals: Totals) =>
    console.log(
      `${label.padEnd(28)} ${String(totals.docs).padStart(3)} docs, ${totals.refused} refused, checks ${percent(totals.right, totals.checks).padStart(6)} (${totals.right}/${totals.checks}), tasks found ${percent(totals.found, totals.tasks)}, ${totals.extra} extra`,
    );
  console.log('');
  for (const [family, totals] of [...byFamily].sort()) line(family, totals);
  console.log('');
  for (const [split, totals] of [...bySplit].sort()) line(split, totals);
  line('all', all);
}
