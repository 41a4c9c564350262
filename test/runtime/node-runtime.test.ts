/**
 * The Node.js the service runs on, checked without a Docker engine (none runs
 * in CI): the image is built on the current LTS line, and both the Node CI
 * runs (20) and the image's line satisfy every package's `engines`, so a
 * fresh `npm install` prints no EBADENGINE warning and nothing in the image
 * runs on a Node it does not support; and npm's install-script review
 * (allowScripts) covers every package that builds or sets itself up.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/**
 * Node's LTS lines, from the Node.js Release Working Group's schedule
 * (github.com/nodejs/Release, as read on 2026-12-02). A new line is one row
 * here and one edit of the Dockerfile's FROM lines.
 */
const LTS_LINES = [
  { major: 20, activeLtsStart: '2023-10-24', endOfLife: '2026-04-30' },
  { major: 22, activeLtsStart: '2024-10-29', endOfLife: '2027-04-30' },
  { major: 24, activeLtsStart: '2025-10-28', endOfLife: '2028-04-30' },
  { major: 26, activeLtsStart: '2026-10-28', endOfLife: '2029-04-30' },
] as const;

/** The day the schedule above was read: the newest line in Active LTS then is "the current LTS". */
const SCHEDULE_READ_ON = '2026-12-02';
const CURRENT_LTS = LTS_LINES.filter((line) => line.activeLtsStart <= SCHEDULE_READ_ON).at(-1)!;

/** The Node CI runs on (.ci/run uses the machine's; these machines have Node 20). */
const CI_NODE = '20.19.0';

describe('the Node.js runtime', () => {
  it('the image is built and runs on the current LTS line, a Debian slim variant, in every stage', () => {
    const froms = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image).toMatch(new RegExp(`^node:${CURRENT_LTS.major}-(trixie|bookworm)-slim$`));
  });

  it('package.json supports the Node CI runs on and the image’s line', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(semver.satisfies(CI_NODE, engines)).toBe(true);
    expect(semver.satisfies(`${CURRENT_LTS.major}.0.0`, engines)).toBe(true);
  });

  it('no installed package refuses either Node (a fresh npm install warns of no engine)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (!path || !range) continue;
      for (const node of [CI_NODE, `${CURRENT_LTS.major}.0.0`]) {
        if (!semver.satisfies(node, range, { includePrerelease: true })) refusing.push(`${path}@${entry.version} needs node ${range} (not ${node})`);
      }
    }
    expect(refusing).toEqual([]);
  });

  it('every package with an install script is approved in allowScripts (npm 11 warns of the others; npm 12 skips them, and better-sqlite3 would not be built)', () => {
    const pkg = JSON.parse(read('package.json')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts).toContain('better-sqlite3');
    expect(withScripts.filter((name) => pkg.allowScripts?.[name] !== true)).toEqual([]);
  });
});
