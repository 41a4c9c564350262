/**
 * Mutated documents through the importer (fast-check): the five seeds with
 * lines deleted, duplicated, cut short or spliced with random text, tabs
 * turned to pipes, bytes that are not UTF-8; and the same plans as .docx
 * and .xlsx files with bytes flipped or cut off. Every import either lands
 * whole (the plan's live tasks are exactly what the report counts) or is
 * refused with a reason and writes nothing. FUZZ_DOCUMENTS sets the count
 * (`npm run test:soak` runs 1,000).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { importDocumentBytes } from '../../src/imports/import-files.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { docxOf, planContentOf, xlsxOf } from '../support/document-fixtures.js';

const RUNS = Number(process.env.FUZZ_DOCUMENTS ?? 40);
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seedTexts = readdirSync(SEEDS)
  .filter((name) => /^\d{3}_.*\.txt$/.test(name))
  .map((name) => readFileSync(`${SEEDS}${name}`, 'utf8'));

/** One edit of a text document's lines. */
const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('\t\t\t', '| | |', '序号\t工作任务\t牵头单位', '1．', '（一）', '牵头单位：', '2099年13月45日前完成', '\u0000\u0001', '<at id=all></at>')) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('pipes' as const) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer() }),
);

type LineEdit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(text: string, edits: readonly LineEdit[]): string {
  let lines = text.split('\n');
  for (const edit of edits) {
    const at = 'at' in edit ? Math.floor(edit.at * lines.length) : 0;
    if (edit.kind === 'delete') lines.splice(at, edit.count);
    else if (edit.kind === 'duplicate') lines.splice(at, 0, ...lines.slice(at, at + edit.count));
    else if (edit.kind === 'insert') lines.splice(at, 0, edit.text);
    else if (edit.kind === 'cut') lines = lines.slice(0, at);
    else if (edit.kind === 'pipes') lines = lines.map((line) => line.replace(/\t/g, ' | '));
    else {
      let state = edit.seed;
      lines = lines.map((line, index) => ({ line, key: (state = (state * 1103515245 + 12345 + index) | 0) })).sort((a, b) => a.key - b.key).map((entry) => entry.line);
    }
  }
  return lines.join('\n');
}

/** A mutated document: text with edited lines (sometimes in GBK-like bytes), or a damaged .docx/.xlsx. */
const document = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat({ max: seedTexts.length - 1 }), fc.array(lineEdit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => ({ name: `fuzz-${seed}.txt`, bytes: () => Promise.resolve(Buffer.from(applyEdits(seedTexts[seed]!, edits), 'utf8')) })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 4000 }).map((bytes) => ({ name: 'fuzz-binary.txt', bytes: () => Promise.resolve(Buffer.from(bytes)) })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat({ max: seedTexts.length - 1 }), fc.constantFrom('docx', 'xlsx'), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })))
      .map(([seed, format, flips, cut]) => ({
        name: `fuzz-${seed}.${format}`,
        bytes: async () => {
          const content = planContentOf(seedTexts[seed]!);
          const file = Buffer.from(format === 'docx' ? await docxOf(content) : await xlsxOf(content));
          for (const [at, value] of flips) file[Math.floor(at * (file.length - 1))] = value;
          return cut === null ? file : file.subarray(0, Math.floor(cut * file.length));
        },
      })),
  },
);

describe('fuzzed documents', () => {
  let db: Database;

  beforeAll(async () => {
    db = await Database.open(await createTestDatabaseUrl('sqlite'));
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it(`${RUNS} mutated documents: each imported whole, or refused with a reason and nothing written`, async () => {
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(document, async ({ name, bytes }) => {
        const before = { plans: await db.repos.plans.count(), audits: await db.repos.audit.count() };
        const result = await importDocumentBytes(db, name, await bytes(), 'fuzz');
        if ('error' in result) {
          refused++;
          expect(result.error.length).toBeGreaterThan(0);
          expect(result.error).not.toMatch(/at \w+ \(|TypeError|undefined/);
          expect(await db.repos.plans.count()).toBe(before.plans);
          expect(await db.repos.audit.count()).toBe(before.audits);
          return;
        }
        expect('report' in result).toBe(true);
        if (!('report' in result)) return;
        imported++;
        const live = await db.repos.tasks.listByPlan(result.report.planId);
        expect(live.length).toBe(result.report.counts.items);
        expect(await db.repos.audit.count()).toBe(before.audits + 1);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201), endOnFailure: true },
    );
    expect(imported + refused).toBe(RUNS);
    // Both outcomes were exercised.
    expect(imported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 900_000);
});
