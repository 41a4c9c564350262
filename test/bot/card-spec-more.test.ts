/**
 * The renderers card-spec.test.ts leaves to this file, through the same
 * Card JSON 2.0 checker: the weekly card (over the seeds' real summary in a
 * test database, and over generated summaries with hostile unit names,
 * titles and counts), the import card (over real plans previewed from the
 * tune fixtures, and hostile file names, titles and warnings), the liaison
 * binding cards, and every card a callback answers with. A wrong field in
 * the weekly card's real output is caught by the checker and refused by the
 * fake Open API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { weekOf } from '../../src/domain/summaries/weekly-schedule.js';
import { weeklySummary, type SummaryItem, type WeeklySummary } from '../../src/domain/summaries/weekly-summary.js';
import type { PlanPreview, PreviewRow } from '../../src/domain/imports/plan-importer.js';
import { importFiles, previewDocumentBytes } from '../../src/imports/import-files.js';
import { renderWeeklyCard, UNITS_PER_PLACE } from '../../src/bot/cards/weekly-card.js';
import { renderImportPreviewCard } from '../../src/bot/cards/import-preview-card.js';
import { renderImportCancelledCard, renderImportingCard, renderSynonymImportCard } from '../../src/bot/cards/import-state-cards.js';
import { renderBindingDecidedCard, renderBindingRequestCard } from '../../src/bot/cards/binding-card.js';
import { renderSubscriptionCard } from '../../src/bot/cards/subscription-card.js';
import { wasClipped } from '../../src/bot/cards/card-fit.js';
import { CARD_REFUSED_CODE } from '../../src/bot/cards/spec/card-spec.js';
import { checkCard } from '../../src/bot/cards/spec/check-card.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';

type Card = Record<string, unknown>;

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const REAL = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

function expectAccepted(name: string, card: Card): void {
  const problems = checkCard(card);
  if (problems.length > 0) throw new Error(`${name}: ${JSON.stringify(problems.slice(0, 3))}`);
}

/** Text written to break things: markdown specials, mentions, links, emoji, up to 10k characters. */
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('**', '<at id=all></at>', '<at user_id="all">所有人</at>', '[点我](https://evil.example)', "<font color='red'>x</font>", '`code`', '# 标题', '~~删~~', '\\', '"}]}', '😀👍🏽🇨🇳', '\n\n---\n', '\u0000\u202e'),
  fc.string({ minLength: 1, maxLength: 30 }).map((text) => text.repeat(400).slice(0, 10_000)),
);
const count = fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 1_000_000 }));

const summaryItem = fc.record({
  taskId: fc.nat({ max: 100_000 }),
  label: hostile,
  title: hostile,
  plan: hostile,
  units: fc.array(hostile, { maxLength: 8 }),
  dueOn: fc.constant('2026-11-30'),
  days: fc.option(fc.nat({ max: 400 }), { nil: null }),
  reason: fc.constantFrom<SummaryItem['reason']>('overdue', 'due_soon', 'blocked', 'late_window', 'stalled'),
});

const unitRow = fc.record({ unitId: fc.nat(), name: hostile, place: hostile, led: count, done: count, overdue: count, daysSinceReport: fc.option(count, { nil: null }) });

/** A weekly summary as the domain could give it, every name and title hostile, every count anything. */
const generatedSummary: fc.Arbitrary<WeeklySummary> = fc.record({
  scopeLabel: hostile,
  week: fc.constant({ period: '2026-W48', start: '2026-11-23', end: '2026-11-29', startsAt: new Date('2026-11-22T16:00:00Z') }),
  today: fc.constant('2026-11-25'),
  totals: fc.record({
    tasks: count,
    done: count,
    overdue: count,
    attention: count,
    onTrack: count,
    reasons: fc.record({ due_soon: count, blocked: count, late_window: count, stalled: count }),
    completion: fc.nat({ max: 100 }),
  }),
  changes: fc.array(fc.record({ unitId: fc.option(fc.nat(), { nil: null }), name: hostile, place: hostile, reports: count, closures: count }), { maxLength: 30 }),
  red: fc.record({ total: count, items: fc.array(summaryItem, { maxLength: 10 }) }),
  yellow: fc.record({ total: count, items: fc.array(summaryItem, { maxLength: 10 }) }),
  unitTable: fc.array(
    fc.record({
      place: hostile,
      units: fc.array(unitRow, { maxLength: 30 }),
      collective: fc.option(fc.record({ place: hostile, names: fc.array(hostile, { minLength: 1, maxLength: 5 }), led: count, done: count, overdue: count, daysSinceReport: fc.option(count, { nil: null }) }), { nil: null }),
    }),
    { maxLength: 12 },
  ),
  byPlace: fc.array(fc.record({ place: hostile, tasks: count, done: count, overdue: count }), { maxLength: 12 }),
  planCount: fc.nat({ max: 20 }),
  demo: fc.boolean(),
  trend: fc.array(fc.record({ period: fc.constant('2026-W48'), start: fc.constant('2026-11-23'), reports: count, closures: count }), { maxLength: 8 }),
});

const SCOPE = { planIds: [1, 2], unitIds: [] };
const weeklyVariants = [{}, { detail: true }, { preview: true, weekendsOnly: true }, { lateSince: '11月23日 09:00', detail: true }];

describe('the weekly card', () => {
  let db: Database;
  let seeded: WeeklySummary;
  beforeAll(async () => {
    db = await Database.open(await createTestDatabaseUrl('sqlite'), { poolSize: 2 });
    await importFiles(db, [SEEDS], 'system');
    const catalog = await new QuestionCatalog(db, 0).current();
    const today = '2026-11-25';
    seeded = await weeklySummary({ catalog, repos: db.repos, scope: { planIds: [], unitIds: [] }, week: weekOf(today, 'Asia/Shanghai'), today, now: new Date('2026-11-25T02:00:00Z'), timeZone: 'Asia/Shanghai' });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('over the seeds’ real summary, in every variant', () => {
    expect(seeded.totals.tasks).toBeGreaterThan(100);
    expect(seeded.unitTable.flatMap((group) => group.units).length).toBeGreaterThan(20);
    expect(seeded.red.total).toBeGreaterThan(0);
    for (const options of weeklyVariants) {
      const { card, text } = renderWeeklyCard(seeded, { scope: SCOPE, ...options });
      expectAccepted(JSON.stringify(options), card);
      // Real names fit whole: nothing shortened, and the text twin names every unit listed with its place.
      expect(wasClipped(card)).toBe(false);
      for (const group of seeded.unitTable) for (const row of group.units.slice(0, UNITS_PER_PLACE)) expect(text).toContain(`${group.place} ${row.name} `);
    }
  });

  it('over generated summaries: hostile unit names, titles and counts', () => {
    fc.assert(
      fc.property(generatedSummary, fc.constantFrom(...weeklyVariants), (summary, options) => {
        expectAccepted('weekly', renderWeeklyCard(summary, { scope: SCOPE, ...options }).card);
      }),
      { numRuns: 40 },
    );
  });

  it('eighty places, each a unit with a long name: as many rows as fit, the count of all, the rest in the ledger', () => {
    const row = seeded.unitTable[0]!.units[0]!;
    const unitTable = Array.from({ length: 80 }, (_, n) => ({ place: `地区${n}`, units: [{ ...row, unitId: n, place: `地区${n}`, name: `${row.name}${'（第二责任部门）'.repeat(30)}${n}` }], collective: null }));
    const { card, text } = renderWeeklyCard({ ...seeded, unitTable }, { scope: SCOPE });
    expectAccepted('weekly, long units', card);
    expect(wasClipped(card)).toBe(false);
    const rows = (JSON.stringify(card).match(/"quiet":/g) ?? []).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(80);
    expect(JSON.stringify(card)).toContain('共 80 个单位，其余见“导出台账”');
    expect(text).toContain(unitTable[59]!.units[0]!.name);
  });

  describe('a wrong field in its real output is caught', () => {
    let fake: FakeLark;
    beforeAll(async () => {
      fake = await startFakeLark({ appId: 'cli_weekly', appSecret: 'weekly-secret' });
    });
    afterAll(async () => {
      await fake?.close();
    });

    /** The weekly card with one deliberate mistake, as a renderer bug would make it. */
    const MUTATIONS: { name: string; change: (card: Card) => void; path: RegExp }[] = [
      { name: 'the unit table’s page size over 10', change: (card) => (tableOf(card).page_size = 60), path: /\.page_size$/ },
      { name: 'a count column holding text', change: (card) => ((tableOf(card).rows as Card[])[0]!.led = '三'), path: /rows\[0\]\.led$/ },
      { name: 'a column misspelt displayName', change: (card) => ((tableOf(card).columns as Card[])[0]!.displayName = '单位'), path: /columns\[0\]\.displayName$/ },
      { name: 'a header template outside the enum', change: (card) => ((card.header as Card).template = 'amber'), path: /^header\.template$/ },
      { name: 'a button width in the column set misspelt', change: (card) => ((elementsOf(card).find((e) => e.tag === 'column_set')!.columns as Card[])[0]!.widht = 'auto'), path: /columns\[0\]\.widht$/ },
    ];

    function elementsOf(card: Card): Card[] {
      return (card.body as { elements: Card[] }).elements;
    }
    function tableOf(card: Card): Card {
      return elementsOf(card).find((element) => element.tag === 'table')!;
    }
    async function send(card: Card) {
      const tokenAnswer = await fetch(`${fake.url}/open-apis/auth/v3/tenant_access_token/internal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ app_id: 'cli_weekly', app_secret: 'weekly-secret' }) });
      const { tenant_access_token: token } = (await tokenAnswer.json()) as { tenant_access_token: string };
      const answer = await fetch(`${fake.url}/open-apis/im/v1/messages?receive_id_type=chat_id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ receive_id: 'oc_weekly', msg_type: 'interactive', content: JSON.stringify(card) }),
      });
      return { status: answer.status, body: (await answer.json()) as { code: number; msg: string } };
    }

    it.each(MUTATIONS)('$name', async ({ change, path }) => {
      const real = renderWeeklyCard(seeded, { scope: SCOPE }).card;
      expect((await send(real)).body.code).toBe(0);
      const wrong = structuredClone(real);
      change(wrong);
      const problems = checkCard(wrong);
      expect(problems.some((found) => path.test(found.path))).toBe(true);
      const refused = await send(wrong);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(CARD_REFUSED_CODE);
    });
  });
});

/** The tune fixtures (held-out documents are only measured, never rendered here). */
function tuneFixtures(): string[] {
  return readdirSync(REAL)
    .filter((name) => name.endsWith('.json'))
    .filter((name) => (JSON.parse(readFileSync(`${REAL}${name}`, 'utf8')) as { split?: string }).split === 'tune')
    .map((name) => name.replace(/\.json$/, '.txt'));
}

describe('the import card', () => {
  let db: Database;
  const previews: { file: string; preview: PlanPreview }[] = [];
  beforeAll(async () => {
    db = await Database.open(await createTestDatabaseUrl('sqlite'), { poolSize: 2 });
    await importFiles(db, [`${SEEDS}000_94ff24fa85011159.txt`], 'system');
    for (const file of tuneFixtures()) {
      const result = await previewDocumentBytes(db, file, readFileSync(`${REAL}${file}`), 'ou_admin', { inThread: false });
      if ('preview' in result) previews.push({ file, preview: result.preview });
    }
    // A re-import: the seed plan again, so the card says what would change.
    const again = await previewDocumentBytes(db, '000_94ff24fa85011159.txt', readFileSync(`${SEEDS}000_94ff24fa85011159.txt`), 'ou_admin', { inThread: false });
    if ('preview' in again) previews.push({ file: '000_94ff24fa85011159.txt', preview: again.preview });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  const plans = [{ id: 1, title: '中山市2016年政务公开工作要点分工方案', jurisdiction: '中山市' }];

  it('over every tune fixture previewed as an administrator would', () => {
    expect(previews.length).toBeGreaterThan(30);
    expect(previews.some(({ preview }) => preview.existing !== null)).toBe(true);
    for (const { file, preview } of previews) {
      const { card, text } = renderImportPreviewCard({ jobId: 7, fileName: file, preview, plans });
      expectAccepted(file, card);
      expect(text).toContain(preview.report.title);
    }
  });

  const row: fc.Arbitrary<PreviewRow> = fc.record({
    key: hostile,
    number: fc.option(hostile, { nil: null }),
    title: hostile,
    lead: fc.array(hostile, { maxLength: 6 }),
    others: fc.array(hostile, { maxLength: 6 }),
    deadline: hostile,
    inherits: fc.record({ units: fc.boolean(), deadline: fc.boolean() }),
    brokenDown: fc.boolean(),
    leaders: hostile,
  });

  it('over hostile file names, titles, rows, warnings and plans to update', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...previews.map((entry) => entry.preview)),
        fc.record({ fileName: hostile, title: hostile, jurisdiction: hostile, warnings: fc.array(hostile, { maxLength: 12 }), rows: fc.array(row, { maxLength: 12 }), removed: fc.array(hostile, { maxLength: 14 }), plans: fc.array(fc.record({ id: fc.nat(), title: hostile, jurisdiction: hostile }), { maxLength: 12 }) }),
        (real, bad) => {
          const preview: PlanPreview = {
            ...real,
            rows: bad.rows.length > 0 ? bad.rows : real.rows,
            existing: real.existing ? { ...real.existing, title: bad.title } : null,
            report: {
              ...real.report,
              title: bad.title,
              jurisdiction: bad.jurisdiction,
              warnings: bad.warnings.map((message, line) => ({ line, taskKey: null, message })),
              changes: { ...real.report.changes, removed: bad.removed, removedWithProgress: bad.removed.slice(0, 11) },
            },
          };
          expectAccepted('import card', renderImportPreviewCard({ jobId: 7, fileName: bad.fileName, preview, plans: bad.plans.map((plan, index) => ({ ...plan, id: index + 2 })) }).card);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the binding cards and every card a callback answers with', () => {
  const unit = fc.record({ name: hostile, jurisdiction: hostile });

  it('the binding request and its decision, over hostile unit names', () => {
    fc.assert(
      fc.property(unit, fc.nat(), fc.boolean(), (named, grantId, approved) => {
        const request = renderBindingRequestCard('ou_requester', named, grantId);
        expectAccepted('binding request', request);
        expectAccepted('binding decided', renderBindingDecidedCard('ou_requester', named, approved));
        expectAccepted('binding decided, unit gone', renderBindingDecidedCard('ou_requester', undefined, approved));
        // A unit's name is the document's text: no mention or link of its own gets into the card.
        const body = JSON.stringify((request.body as Card).elements);
        expect(body.match(/<at /g)?.length ?? 0).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  /**
   * Every card a callback answers with (toast + card), by its handler. The
   * task card (task_card, task_progress_submit, task_close_submit, refusals),
   * answer pages (answer_page, plans_page) and the closure's decided card
   * (closure_review) are renderTaskCard, renderAnswer and
   * renderClosureDecidedCard, run over hostile text in card-spec.test.ts;
   * these are the rest.
   */
  it('import (导入/不导入), subscription (保存/退订), binding review: over hostile titles, file names and scopes', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.nat(), (title, fileName, scope, jobId) => {
        expectAccepted('import_cancel', renderImportCancelledCard());
        expectAccepted('import_confirm (title)', renderImportingCard({ title }));
        expectAccepted('import_confirm (file)', renderImportingCard({ fileName }));
        expectAccepted('synonym table', renderSynonymImportCard(jobId, `收到单位同义词表 ${fileName}`));
        expectAccepted('subscribe_save', renderSubscriptionCard({ weekday: 1, time: '09:00', scopeLabel: scope, next: title, timeZone: 'Asia/Shanghai' }));
        expectAccepted('subscribe_stop', renderSubscriptionCard({ weekday: null, time: null, scopeLabel: scope, next: null, timeZone: 'Asia/Shanghai' }));
        expect(JSON.stringify(renderImportingCard({ title }))).not.toMatch(/<at /);
      }),
      { numRuns: 60 },
    );
  });
});
