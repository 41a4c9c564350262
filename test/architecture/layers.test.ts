/**
 * The layers point one way (ARCHITECTURE.md): the bot and the domain know
 * nothing of Lark's wire format, Koa or HTTP clients, and card renderers
 * take data and return JSON — no repository, no database. Read from the
 * import statements of the source files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Each import of a file: where it points (a path under src/, or a package name) and whether it is type-only. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)].map((match) => {
    const specifier = match[2]!;
    const target = specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)) : specifier;
    return { target, typeOnly: match[1] !== undefined };
  });
}

const FORBIDDEN_PACKAGES = ['koa', '@koa/router', '@larksuiteoapi/node-sdk', 'axios', 'node:http', 'node:https', 'node:net', 'ws'];

describe('layers', () => {
  it('nothing under src/bot or src/domain imports src/lark, Koa, the Lark SDK or an HTTP client', () => {
    const crossings: string[] = [];
    for (const folder of ['bot', 'domain']) {
      for (const file of sourceFiles(join(SRC, folder))) {
        for (const { target } of importsOf(file)) {
          if (target.startsWith('lark/') || FORBIDDEN_PACKAGES.includes(target)) crossings.push(`${relative(SRC, file)} → ${target}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it('card renderers import no repository or database code (types of the records they draw aside)', () => {
    const crossings: string[] = [];
    for (const file of sourceFiles(join(SRC, 'bot', 'cards'))) {
      for (const { target, typeOnly } of importsOf(file)) {
        if (!typeOnly && (target.startsWith('repositories/') || target.startsWith('db/'))) crossings.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('the check reads real imports (it sees the bot’s own event types and the domain’s repositories)', () => {
    const targets = sourceFiles(join(SRC, 'bot')).flatMap((file) => importsOf(file).map((entry) => entry.target));
    expect(targets).toContain('bot/events.js');
    expect(sourceFiles(join(SRC, 'domain')).flatMap((file) => importsOf(file).map((entry) => entry.target)).some((target) => target.startsWith('repositories/'))).toBe(true);
  });
});
