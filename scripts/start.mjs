// @ts-check
/**
 * `npm start`: runs the service as compiled JavaScript, building it first
 * when dist/ is missing or older than the sources, so `npm install && npm
 * start` stays the one command and a restart does not pay for TypeScript
 * (tsx took most of a restart's 12 s, see BENCHMARKS.md). `npm run build`
 * builds without starting.
 *
 * dist/ mirrors the project: dist/src and dist/commands hold tsc's output
 * and the files beside the sources that are read at run time (the console's
 * public/, the gazetteer's JSON, the .mjs preloads), and dist/seeds,
 * dist/holidays, dist/prisma and dist/prisma.config.ts link to the
 * project's own, so every path a module finds from its import.meta.url
 * resolves as it does from src/.
 *
 * Without TypeScript (a production-only install) or when tsc emits nothing,
 * it runs src/main.ts through tsx, as `npm start` did before.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.sources');
/** What is compiled, and what the compiled code reads from beside it. */
const SOURCE_DIRS = ['src', 'commands'];
/** What decides the output besides the sources. */
const BUILD_FILES = ['tsconfig.json', 'tsconfig.build.json', 'scripts/start.mjs'];
/** Read at run time relative to the project root: linked, never copied, so an edited holiday file needs no build. */
const LINKED = ['seeds', 'holidays', 'prisma', 'prisma.config.ts'];

/** Every file under a folder, as paths relative to the project root. */
function filesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** The sources' fingerprint: how many files, and the newest change. A checkout, an edit or a regenerated client changes it. */
function fingerprint(files) {
  let newest = 0;
  for (const file of [...files, ...BUILD_FILES]) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return `${files.length} ${newest}`;
}

/** The tsc launcher, when TypeScript is installed. */
function tscPath() {
  try {
    const packageJson = createRequire(import.meta.url).resolve('typescript/package.json');
    const tsc = join(dirname(packageJson), 'bin', 'tsc');
    return existsSync(tsc) ? tsc : undefined;
  } catch {
    return undefined;
  }
}

/** Compiles src/ and commands/ into dist/ and puts the run-time files beside them; false when it could not. */
function build(sources) {
  const tsc = tscPath();
  if (!tsc) {
    process.stderr.write('duban: TypeScript is not installed (production-only install?), so dist/ cannot be built: running the sources through tsx\n');
    return false;
  }
  const started = performance.now();
  process.stderr.write('duban: building dist/ (compiled JavaScript) from src/ ...\n');
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  // tsc exits 2 when it found type errors but wrote the output anyway: `npm test` reports those, start still runs.
  if ((run.status !== 0 && run.status !== 2) || !existsSync(join(DIST, 'src', 'main.js'))) {
    process.stderr.write('duban: the build failed: running the sources through tsx\n');
    return false;
  }
  for (const file of sources.filter((path) => !path.endsWith('.ts'))) {
    mkdirSync(dirname(join(DIST, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(DIST, file));
  }
  for (const name of LINKED) {
    const link = join(DIST, name);
    if (lstatExists(link)) rmSync(link, { recursive: true, force: true });
    symlinkSync(relative(DIST, join(ROOT, name)), link);
  }
  process.stderr.write(`duban: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

function lstatExists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Builds when dist/ is missing or stale; true when dist/ can be run. */
function ensureBuilt() {
  const sources = SOURCE_DIRS.flatMap(filesUnder);
  const wanted = fingerprint(sources);
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted && existsSync(join(DIST, 'src', 'main.js'))) return true;
  rmSync(STAMP, { force: true });
  // tsc's incremental record would skip emitting what it believes is already in dist/.
  if (!existsSync(join(DIST, 'src', 'main.js'))) rmSync(join(DIST, '.tsbuildinfo'), { force: true });
  if (!build(sources)) return false;
  writeFileSync(STAMP, wanted);
  return true;
}

const buildOnly = process.argv.includes('--build-only');
const built = ensureBuilt();
if (buildOnly) {
  process.exitCode = built ? 0 : 1;
} else if (built) {
  await import(pathToFileURL(join(DIST, 'src', 'main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'src', 'main.ts')).href);
}
