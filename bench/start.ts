/**
 * Start time (issue 21, item 5): the service started as `npm start` starts
 * it, in a child process, timed from the spawn to the first /healthz 200,
 * asked every 25 ms. A first start runs on an empty database (migrations,
 * then the seeds); a restart runs again on the same database. Ours is
 * `node scripts/start.mjs` (compiled JavaScript in dist/, built once before
 * the runs, the build timed apart); the same-run baseline is `tsx
 * src/main.ts`, what `npm start` ran before, with tsx's transform cache warm
 * (shown too without it, as in a new container). All as a newcomer runs them:
 * no Lark app, so the local console is on, and the seeds imported.
 * RUNS runs each, alternating which goes first, each variant on its own
 * fresh database; the median shown, every run printed, with where the time
 * went (read from the service's own log lines).
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabases, type BenchDatabase } from './bench-databases.js';
import { reportFigure } from './report.js';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const GIVE_UP_MS = 180_000;

/** A way to start the service. */
interface Variant {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}
const OURS: Variant = { name: 'npm start (node scripts/start.mjs → dist/)', args: ['scripts/start.mjs'] };
const BASELINE: Variant = { name: 'tsx src/main.ts', args: [TSX_CLI, 'src/main.ts'] };
/** Shown, not reported: tsx as it starts in a new container or after the sources changed, its transform cache of no use. */
const COLD_TSX: Variant = { name: 'tsx src/main.ts, no transform cache', args: [TSX_CLI, 'src/main.ts'], env: { TSX_DISABLE_CACHE: '1' } };

/** One start: ms from the spawn to each milestone the service logs, and to the first /healthz 200. */
interface Start {
  firstLogMs?: number;
  seedsMs?: number;
  listeningMs?: number;
  healthyMs: number;
  /** It built dist/ first: the sources changed between the untimed check and the start (a shared working tree); measured again. */
  rebuilt?: boolean;
}

/** A start that did not build dist/: a start that did is measured again (a first start on a new database), at most 3 times. */
async function timeUnbuiltStart(variant: Variant, databaseUrl: () => Promise<string>): Promise<{ start: Start; url: string }> {
  for (let attempt = 1; ; attempt++) {
    const url = await databaseUrl();
    const start = await timeStart(variant, url);
    if (!start.rebuilt || attempt === 3) return { start, url };
    console.log(`  (${variant.name} built dist/ during a timed start: the sources changed meanwhile; measured again)`);
  }
}

/** A port nobody listens on, for one start. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment of a newcomer's machine: no Lark app, no console setting of our own. */
function newcomerEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^(LARK_|CONSOLE|SEED_ON_EMPTY|BENCH_|LOG_LEVEL)/.test(name)) env[name] = value;
  return { ...env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
}

/** Starts `variant` on `databaseUrl`, waits for /healthz 200, then stops it with SIGTERM and waits for it to exit. */
async function timeStart(variant: Variant, databaseUrl: string): Promise<Start> {
  // Sources edited since the last build (a shared working tree) are built here, untimed: the build is timed apart.
  if (variant === OURS) ensureBuilt();
  const port = await freePort();
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, variant.args, { cwd: ROOT, env: { ...newcomerEnv(databaseUrl, port), ...variant.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  const result: Partial<Start> = {};
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      output += `${line.slice(0, 300)}\n`;
      let entry: { time?: string; msg?: string };
      try {
        entry = JSON.parse(line) as { time?: string; msg?: string };
      } catch {
        continue;
      }
      // Each milestone as the service timed it (pino's ISO time), from the spawn.
      const at = entry.time ? Date.parse(entry.time) - spawnedAt : undefined;
      if (at === undefined) continue;
      result.firstLogMs ??= at;
      if (entry.msg?.includes('imported seeds')) result.seedsMs = at;
      if (entry.msg?.startsWith('duban is listening')) result.listeningMs = at;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${variant.name} exited with ${exitCode} before answering /healthz:\n${output}`);
    if (performance.now() - started > GIVE_UP_MS) {
      child.kill('SIGKILL');
      throw new Error(`${variant.name} did not answer /healthz 200 in ${GIVE_UP_MS / 1000} s:\n${output}`);
    }
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  result.healthyMs = performance.now() - started;
  child.kill('SIGTERM');
  const code = await exited;
  // Timed is the start; a stop that is not clean is said, not fatal (tsx's CLI, relaying the signal, has exited 143).
  if (code !== 0) console.log(`  (${variant.name} exited with ${code} on SIGTERM)`);
  result.rebuilt = output.includes('duban: building dist/');
  return result as Start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** Builds dist/ if the sources changed since the last build, as `npm start` would; the output of a build, else ''. */
function ensureBuilt(): string {
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`scripts/start.mjs --build-only failed:\n${build.stderr}`);
  return build.stderr;
}

// A clean build, timed: what the first `npm start` after an install pays once (and after a change, tsc's incremental part of it).
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
const buildStarted = performance.now();
ensureBuilt();
console.log(`clean build of dist/: ${seconds(performance.now() - buildStarted)}; with nothing changed, the freshness check alone:`);
const checkStarted = performance.now();
if (ensureBuilt() !== '') console.log('  (the sources changed meanwhile: it built again)');
console.log(`  ${seconds(performance.now() - checkStarted)} (a node process that only checks)`);

async function measure(database: BenchDatabase) {
  const runs = new Map<Variant, { first: Start[]; restart: Start[] }>([
    [OURS, { first: [], restart: [] }],
    [BASELINE, { first: [], restart: [] }],
    [COLD_TSX, { first: [], restart: [] }],
  ]);
  for (let run = 0; run < RUNS; run++) {
    for (const variant of run % 2 === 0 ? [OURS, BASELINE, COLD_TSX] : [COLD_TSX, BASELINE, OURS]) {
      const { start: first, url } = await timeUnbuiltStart(variant, () => database.url());
      const { start: restart } = await timeUnbuiltStart(variant, async () => url);
      runs.get(variant)!.first.push(first);
      runs.get(variant)!.restart.push(restart);
      console.log(`  ${database.provider} run ${run + 1} ${variant.name}: first start ${seconds(first.healthyMs)} (first log ${seconds(first.firstLogMs)}, seeds ${seconds(first.seedsMs)}, listening ${seconds(first.listeningMs)}); restart ${seconds(restart.healthyMs)} (first log ${seconds(restart.firstLogMs)}, listening ${seconds(restart.listeningMs)})`);
    }
  }
  const table: string[] = [];
  for (const kind of ['first', 'restart'] as const) {
    const ours = runs.get(OURS)![kind];
    const baseline = runs.get(BASELINE)![kind];
    const figure = `${kind === 'first' ? 'first start (empty database, seeds)' : 'restart'} to /healthz 200, ${database.provider}`;
    reportFigure({ bench: 'start', figure, ours: Math.round(median(ours.map((s) => s.healthyMs))), baseline: Math.round(median(baseline.map((s) => s.healthyMs))), baselineLabel: BASELINE.name, unit: 'ms', better: 'lower' });
    for (const [variant, starts] of [[OURS, ours], [BASELINE, baseline], [COLD_TSX, runs.get(COLD_TSX)![kind]]] as const) {
      const part = (pick: (start: Start) => number | undefined) => {
        const values = starts.map(pick).filter((value): value is number => value !== undefined);
        return values.length ? seconds(median(values)) : '—';
      };
      table.push(`| ${database.provider} | ${kind === 'first' ? 'first start' : 'restart'} | ${variant.name} | ${part((s) => s.firstLogMs)} | ${kind === 'first' ? part((s) => s.seedsMs) : '—'} | ${part((s) => s.listeningMs)} | ${part((s) => s.healthyMs)} |`);
    }
  }
  return table;
}

const rows: string[] = [];
for (const database of freshDatabases('start')) {
  try {
    rows.push(...(await measure(database)));
  } finally {
    await database.cleanup();
  }
}
console.log(`\nMedian of ${RUNS} runs, seconds from the spawn (milestones from the service's own log times):\n`);
console.log('| database | start | command | first log line (config read) | seeds imported | listening | /healthz 200 |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
