/**
 * Every card renderer's output is a card Lark accepts (Card JSON 2.0, as
 * src/bot/cards/spec describes it): over the five seed plans' real tasks,
 * units and deadlines, and over generated hostile text (markdown specials,
 * <at>, links, emoji, 10k characters). A deliberately wrong field in real
 * renderer output is caught by the checker, and the fake Open API and the
 * console's stand-in refuse such a card with Lark's code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenNodes, parsePlanDocument } from '../../src/domain/imports/plan-parser.js';
import type { AnswerItem } from '../../src/domain/questions/answer-service.js';
import type { StatsAnswer, StatsRow } from '../../src/domain/questions/stats-answers.js';
import type { ChaseUnitView, UpdatesTask } from '../../src/domain/questions/updates-answers.js';
import { taskQuery } from '../../src/domain/questions/question.js';
import { UNIT_ROLE_LABEL } from '../../src/domain/vocabulary.js';
import type { ProgressRecord } from '../../src/repositories/progress-repository.js';
import { renderAnswer } from '../../src/bot/cards/answer-cards.js';
import { renderTaskCard, TASK_CARD_VIEWS } from '../../src/bot/cards/task-card.js';
import { renderClosureDecidedCard, renderClosureReviewCard } from '../../src/bot/cards/closure-cards.js';
import { renderReminder, type ReminderView } from '../../src/bot/cards/reminder-cards.js';
import { renderChaseCard, renderChaseReply } from '../../src/bot/cards/chase-cards.js';
import { renderSubscriptionCard } from '../../src/bot/cards/subscription-card.js';
import { renderHolidayNotice } from '../../src/bot/cards/holiday-notice-card.js';
import { CARD_REFUSED_CODE, COMPONENTS } from '../../src/bot/cards/spec/card-spec.js';
import { checkCard } from '../../src/bot/cards/spec/check-card.js';
import { clipMarkdown, wasClipped } from '../../src/bot/cards/card-fit.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { startConsoleOpenApi, type ConsoleOpenApi } from '../../src/console/console-open-api.js';
import { ConsoleStore } from '../../src/console/console-store.js';
import { CONSOLE_CHATS } from '../../src/console/console-cast.js';

type Card = Record<string, unknown>;

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SEED_FILES = ['000_94ff24fa85011159.txt', '001_3c6ad803d9ae2d0e.txt', '002_873e3bb7a99b9369.txt', '003_d1035213d6840534.txt', '004_cfc444f77b463dd9.txt'];

/** The seed plans' tasks as answer items: their real titles, units (with roles), leaders and deadlines. */
function seedItems(): AnswerItem[] {
  const items: AnswerItem[] = [];
  SEED_FILES.forEach((file, planIndex) => {
    const plan = parsePlanDocument(readFileSync(`${seedsDir}${file}`, 'utf8'), file);
    for (const node of flattenNodes(plan.nodes)) {
      const deadline = node.deadlines[0];
      items.push({
        taskId: items.length + 1,
        planId: planIndex + 1,
        planTitle: plan.title,
        label: node.number ?? node.key,
        title: node.title,
        parentTitle: null,
        units: node.units.map((unit, index) => ({ name: unit.name, role: unit.role, roleLabel: UNIT_ROLE_LABEL[unit.role], asked: index === 0 })),
        unitsFrom: null,
        leaders: node.leaders.length > 0 ? node.leaders.join('、') : null,
        deadline: deadline ? { raw: deadline.raw, dueOn: deadline.dueOn, from: null } : null,
        light: (['red', 'yellow', 'green', 'grey'] as const)[items.length % 4]!,
        statusLabel: '进行中',
        percent: (items.length * 7) % 101,
        latest: items.length % 3 === 0 ? { note: node.requirement.slice(0, 200), at: new Date('2026-11-20T02:00:00Z') } : null,
        highlights: node.units.slice(0, 1).map((unit) => unit.name),
      });
    }
  });
  return items;
}

/** Progress records whose notes and evidence are the given texts. */
function history(taskId: number, notes: readonly string[]): ProgressRecord[] {
  return notes.map((note, index) => ({ id: index + 1, taskId, percent: (index * 30) % 101, status: index % 2 ? 'in_progress' : 'blocked', note, evidence: [note.slice(0, 40)], actor: 'ou_x', unitId: null, createdAt: new Date(Date.UTC(2026, 10, 1 + index)) }));
}

function statsRow(item: AnswerItem, rank: number): StatsRow {
  return { name: item.units[0]?.name ?? item.title, jurisdiction: item.planTitle.slice(0, 6), tasks: 10 + rank, done: rank, overdue: 2, rate: (rank * 13) % 100, rank };
}

function updatesTask(item: AnswerItem, note: string): UpdatesTask {
  const at = new Date('2026-11-20T02:00:00Z');
  return {
    taskId: item.taskId,
    planId: item.planId,
    planTitle: item.planTitle,
    label: item.label,
    title: item.title,
    light: item.light,
    statusLabel: item.statusLabel,
    percent: item.percent,
    units: item.units.map((unit) => unit.name).join('、'),
    deadline: item.deadline?.raw ?? null,
    leaders: item.leaders,
    reports: [1, 2, 3, 4].map((n) => ({ at, day: '2026-11-20', unit: item.units[0] ? { name: item.units[0].name, jurisdiction: '中山市' } : null, status: 'in_progress', statusLabel: '进行中', percent: n * 20, note })),
  };
}

/** Every card the renderers draw from these tasks (a page of ten at most where a list is paged). */
function renderAll(items: readonly AnswerItem[], words: readonly string[], notes: readonly string[] = words): { name: string; card: Card }[] {
  const page = items.slice(0, 10);
  const first = items[0]!;
  const word = (index: number) => words[index % words.length] ?? '';
  const note = (index: number) => notes[index % notes.length] ?? '';
  const cards: { name: string; card: Card }[] = [];
  const add = (name: string, card: Card) => cards.push({ name, card });
  add('task_list', renderAnswer({ kind: 'task_list', understanding: word(0), query: taskQuery({ topic: word(1) }), total: items.length, page: 1, pageCount: Math.ceil(items.length / 10), items: page, approximate: true }).card);
  add('task_list (none, suggestions)', renderAnswer({ kind: 'task_list', understanding: word(2), query: taskQuery(), total: 0, page: 1, pageCount: 0, items: [], approximate: false, suggestions: words.slice(0, 4) }).card);
  add('task_list (none)', renderAnswer({ kind: 'task_list', understanding: word(3), query: taskQuery(), total: 0, page: 1, pageCount: 0, items: [], approximate: false }).card);
  add('task_choice', renderAnswer({ kind: 'task_choice', understanding: word(4), items: items.slice(0, 20) }).card);
  add('plans', renderAnswer({ kind: 'plans', total: 12, page: 2, pageCount: 2, plans: page.map((item) => ({ id: item.planId, title: item.planTitle, jurisdiction: word(5), tasks: item.taskId })) }).card);
  add('smalltalk', renderAnswer({ kind: 'smalltalk', topic: 'greeting' }).card);
  add('not_understood', renderAnswer({ kind: 'not_understood', reason: word(6) }).card);
  for (const status of ['in_progress', 'pending_review', 'done'] as const) {
    for (const view of TASK_CARD_VIEWS) {
      const detail = { kind: 'task_detail' as const, item: first, status, requirement: word(7), categoryPath: word(8), history: history(first.taskId, Array.from({ length: 40 }, (_, n) => note(n))) };
      add(`task card ${status} ${view}`, renderTaskCard(detail, view).card);
    }
  }
  const rows = page.map((item, index) => statsRow(item, index + 1));
  const stats: StatsAnswer = { kind: 'stats', understanding: word(9), measure: 'rate', groupBy: 'unit', order: 'desc', scope: { tasks: 107, done: 8, overdue: 30, rate: 7.4 }, ranking: rows, breakdown: rows, breakdownBy: 'plan', more: 3, firstPlace: 6, query: taskQuery(), suggestions: words.slice(0, 3) };
  add('stats ranking', renderAnswer(stats).card);
  add('stats figure', renderAnswer({ ...stats, measure: 'count', groupBy: 'none', ranking: undefined, count: 107 }).card);
  const tasks = page.map((item) => updatesTask(item, note(item.taskId)));
  add('updates tasks', renderAnswer({ kind: 'updates', view: 'tasks', understanding: word(10), total: items.length, count: tasks.length, items: tasks }).card);
  add('updates leader', renderAnswer({ kind: 'updates', view: 'leader', understanding: word(11), name: word(12), total: items.length, count: tasks.length, items: tasks }).card);
  const units = page.map((item, index) => ({ unitId: index + 1, name: item.units[0]?.name ?? word(index), jurisdiction: word(13), reports: index + 1, tasks: index + 2, lastDay: '2026-11-19' }));
  add('updates units', renderAnswer({ kind: 'updates', view: 'units', understanding: word(14), count: units.length, units }).card);
  add('updates silent', renderAnswer({ kind: 'updates', view: 'silent', understanding: word(15), count: units.length, units }).card);
  const reporters = page.map((item) => ({ unitId: null, name: item.units[0]?.name ?? word(16), jurisdiction: word(17), day: '2026-11-19', daysAgo: 2, label: item.label, taskId: item.taskId, title: item.title, statusLabel: '进行中', percent: 40, note: note(item.taskId) }));
  add('updates last_report', renderAnswer({ kind: 'updates', view: 'last_report', understanding: word(18), figure: '', reporters }).card);
  const chases: ChaseUnitView[] = (['sent', 'already_today', 'no_liaison', 'nothing_due', 'preview'] as const).map((outcome, index) => ({
    unitId: index + 1,
    name: first.units[0]?.name ?? word(19),
    jurisdiction: word(20),
    outcome,
    liaisons: index,
    lines: outcome === 'nothing_due' ? [] : items.slice(0, 20).map((item, n) => ({ taskId: item.taskId, label: item.label, title: item.title, reason: n % 2 ? 'overdue' : 'stalled', days: n + 1, dueOn: '2026-10-31' })),
  }));
  add('updates chase_preview', renderAnswer({ kind: 'updates', view: 'chase_preview', understanding: word(21), chases }).card);
  add('chase card', renderChaseCard(chases[0]!).card);
  add('chase reply', renderChaseReply(chases).card);
  const closure = { taskId: first.taskId, title: first.title, planTitle: first.planTitle, unitsText: first.units.map((unit) => unit.name).join('、'), requester: 'ou_requester', note: note(22), evidence: [note(1), note(2), note(3)] };
  add('closure review', renderClosureReviewCard(closure).card);
  add('closure approved', renderClosureDecidedCard(closure, { approved: true, reviewer: 'ou_reviewer', reason: '' }));
  add('closure returned', renderClosureDecidedCard(closure, { approved: false, reviewer: 'ou_reviewer', reason: note(23) }));
  for (const kind of ['deadline', 'chase', 'chase_copy', 'overdue'] as const) {
    const view: ReminderView = { kind, level: 2, weekendsOnly: true, lines: items.slice(0, 20).map((item, n) => ({ taskId: item.taskId, label: item.label, title: item.title, units: item.units.map((unit) => unit.name), days: n, dueOn: '2026-11-30' })) };
    add(`reminder ${kind}`, renderReminder(view).card);
  }
  add('subscription (subscribed)', renderSubscriptionCard({ weekday: 3, time: '07:45', scopeLabel: word(24), next: word(25), timeZone: 'Asia/Shanghai' }));
  add('subscription (none)', renderSubscriptionCard({ weekday: null, time: null, scopeLabel: word(26), next: null, timeZone: 'Asia/Shanghai' }));
  add('holiday notice', renderHolidayNotice({ year: 2031, coveredThrough: '2030-12-31' }).card);
  return cards;
}

function expectAccepted(cards: readonly { name: string; card: Card }[]): void {
  const refused = cards.map(({ name, card }) => ({ name, problems: checkCard(card) })).filter((entry) => entry.problems.length > 0);
  expect(refused).toEqual([]);
}

/** Text written to break things: markdown specials, mentions, links, tags, emoji; a person's note up to 10k characters. */
const hostileNote = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('**', '<at id=all></at>', '<at user_id="all">所有人</at>', '[点我](https://evil.example)', '<font color=red>x</font>', '`code`', '# 标题', '~~删~~', '\\', '"}]}', '😀👍🏽🇨🇳', '\n\n---\n', '<link url="https://x">l</link>', '\u0000\u202e'),
  // Long enough that ten items pass 30 KB many times over (a 40,000-character title has its own test below); longer only costs time.
  fc.string({ minLength: 1, maxLength: 30 }).map((text) => text.repeat(200).slice(0, 4_000)),
);
/** The same in what a document gives (titles, unit names, deadlines): no cap, cards fit themselves (card-fit.ts). */
const hostileText = hostileNote;

describe('every card renderer gives a card Lark accepts', () => {
  const items = seedItems();

  it('over the five seed plans (every task as a page, a detail, a reminder line)', () => {
    expect(items.length).toBeGreaterThan(100);
    const words = items.map((item) => item.title);
    // Each seed plan's first page, and the whole corpus in windows of twenty.
    for (let start = 0; start < items.length; start += 20) expectAccepted(renderAll(items.slice(start, start + 20), words.slice(start, start + 30)));
  });

  it('over generated hostile text in every field a person or a document fills', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 30 }), fc.array(hostileNote, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: items.length - 10 }), (words, notes, start) => {
        const hostile = items.slice(start, start + 10).map((item, index) => ({
          ...item,
          planTitle: words[index % words.length]!,
          title: words[(index + 1) % words.length]!,
          units: item.units.map((unit, n) => ({ ...unit, name: words[(index + n + 2) % words.length]! })),
          leaders: words[(index + 3) % words.length]!,
          deadline: { raw: words[(index + 4) % words.length]!, dueOn: null, from: null },
          latest: { note: notes[index % notes.length]!, at: new Date('2026-11-20T02:00:00Z') },
        }));
        // The size counts too: outgoing.ts refuses to queue a card over 30 KB, so a long note must not make one.
        for (const { name, card } of renderAll(hostile, words, notes)) {
          const problems = checkCard(card);
          if (problems.length > 0) throw new Error(`${name}: ${JSON.stringify(problems.slice(0, 3))}`);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('a list too long for one card is fitted by items, not cut by a cap', () => {
  const items = seedItems();
  // A document's long lines: 300-character titles, plan titles, unit names and deadlines (ten of them passed 30 KB before).
  const long = (seed: string) => Array.from({ length: 300 }, (_, n) => seed[n % seed.length]).join('');
  const wordy = items.slice(0, 10).map((item, index) => ({
    ...item,
    title: long(`${item.title}${index}`),
    planTitle: long(item.planTitle),
    units: item.units.concat(item.units).map((unit) => ({ ...unit, name: long(unit.name) })),
    leaders: long('王某某、李某某'),
    deadline: { raw: long('2026年12月底前完成'), dueOn: null, from: null },
  }));

  it('every card fits whole items (no text shortened), and each list says how many it left out', () => {
    const cards = renderAll(wordy, wordy.map((item) => item.title));
    expectAccepted(cards);
    for (const { name, card } of cards) expect(wasClipped(card), name).toBe(false);
    const list = cards.find((entry) => entry.name === 'task_list')!.card;
    const text = JSON.stringify(list);
    const shown = (text.match(/"action":"task_detail"/g) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(10);
    const hidden = wordy.slice(shown).map((item) => `#${item.taskId}`);
    expect(text).toContain(`本页还有 ${10 - shown} 项放不下：${hidden.join('、')}`);
  });

  it('the text twin keeps every item in full', () => {
    const answer = renderAnswer({ kind: 'task_list', understanding: '长标题', query: taskQuery(), total: 10, page: 1, pageCount: 1, items: wordy, approximate: false });
    for (const item of wordy) expect(answer.text).toContain(item.title);
  });

  it('one text longer than a card is shortened, its markup closed', () => {
    const huge = { ...wordy[0]!, title: '长'.repeat(40_000) };
    const answer = renderAnswer({ kind: 'task_list', understanding: '一项', query: taskQuery(), total: 1, page: 1, pageCount: 1, items: [huge], approximate: false });
    expect(checkCard(answer.card)).toEqual([]);
    expect(wasClipped(answer.card)).toBe(true);
    expect(answer.text).toContain(huge.title);
    expect(clipMarkdown("<font color='grey'>**粗体很长很长**</font>", 4)).toBe("<font color='grey'>**粗体很长…**</font>");
  });
});

/** A copy of a card with `change` applied to the first component (depth first) that `pick` selects. */
function mutate(card: Card, pick: (element: Card) => boolean, change: (element: Card) => void): Card {
  const copy = structuredClone(card);
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (!value || typeof value !== 'object') return false;
    const element = value as Card;
    if (typeof element.tag === 'string' && pick(element)) {
      change(element);
      return true;
    }
    return Object.values(element).some(visit);
  };
  if (!visit(copy.body)) throw new Error('nothing to mutate');
  return copy;
}

describe('a wrong field in real renderer output is caught', () => {
  const items = seedItems();
  const cards = renderAll(items.slice(0, 10), items.map((item) => item.title));
  const byName = (name: string) => cards.find((entry) => entry.name === name)!.card;
  const progressForm = byName('task card in_progress progress_form');

  const MUTATIONS: { name: string; card: Card; path: RegExp }[] = [
    { name: 'a button’s text misspelt txt', card: mutate(byName('task_list'), (e) => e.tag === 'button', (e) => ((e.txt = e.text), delete e.text)), path: /\.txt$/ },
    { name: 'a button type outside the enum', card: mutate(byName('task_list'), (e) => e.tag === 'button', (e) => (e.type = 'secondary')), path: /\.type$/ },
    { name: 'a header template outside the enum', card: { ...byName('plans'), header: { ...(byName('plans').header as Card), template: 'pink' } }, path: /^header\.template$/ },
    { name: 'update_multi false', card: { ...byName('plans'), config: { update_multi: false } }, path: /^config\.update_multi$/ },
    { name: 'a markdown href (1.0 only)', card: mutate(byName('plans'), (e) => e.tag === 'markdown', (e) => (e.href = { urlVal: { url: 'https://x' } })), path: /\.href$/ },
    { name: 'two fields with one name in a form', card: mutate(progressForm, (e) => e.tag === 'input', (e) => (e.name = 'percent')), path: /\.name$/ },
    { name: 'an input in a form without a name', card: mutate(progressForm, (e) => e.tag === 'input', (e) => delete e.name), path: /\.name$/ },
    { name: 'an initial option not among the options', card: mutate(progressForm, (e) => e.tag === 'select_static', (e) => (e.initial_option = '65')), path: /\.initial_option$/ },
    { name: 'a form inside a column', card: mutate(byName('plans'), (e) => e.tag === 'column', (e) => (e.elements = [{ tag: 'form', name: 'f', elements: [] }])), path: /columns\[0\]\.elements\[0\]$/ },
    { name: 'an element_id starting with a digit', card: mutate(byName('plans'), (e) => e.tag === 'markdown', (e) => (e.element_id = '1abc')), path: /\.element_id$/ },
    { name: 'an element_id over 20 characters', card: mutate(byName('plans'), (e) => e.tag === 'markdown', (e) => (e.element_id = 'a'.repeat(21))), path: /\.element_id$/ },
    { name: 'a table page size over 10', card: mutate(byName('stats ranking'), (e) => e.tag === 'table', (e) => (e.page_size = 20)), path: /\.page_size$/ },
    { name: 'a table column data type outside the enum', card: mutate(byName('stats ranking'), (e) => e.tag === 'table', (e) => ((e.columns as Card[])[0]!.data_type = 'integer')), path: /columns\[0\]\.data_type$/ },
    { name: 'a number column holding text', card: mutate(byName('stats ranking'), (e) => e.tag === 'table', (e) => ((e.rows as Card[])[0]!.tasks = '十')), path: /rows\[0\]\.tasks$/ },
    { name: 'a component Lark has no spec for here', card: mutate(byName('plans'), (e) => e.tag === 'markdown', (e) => (e.tag = 'note')), path: /\.tag$/ },
    { name: 'a callback of an unknown behaviour type', card: mutate(byName('plans'), (e) => e.tag === 'button', (e) => ((e.behaviors as Card[])[0]!.type = 'form_submit')), path: /behaviors\[0\]\.type$/ },
  ];

  it.each(MUTATIONS)('$name', ({ card, path }) => {
    const problems = checkCard(card);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((found) => found.path).some((found) => path.test(found))).toBe(true);
    expect(problems.every((found) => found.code === CARD_REFUSED_CODE && found.zh && found.en)).toBe(true);
  });

  it('every component spec names the page it came from', () => {
    for (const [tag, spec] of Object.entries(COMPONENTS)) expect(spec.page, tag).toMatch(/^https:\/\/open\.(feishu\.cn|larksuite\.com)\//);
  });

  it('the spec does not refuse the card it was built for', () => {
    expect(cards.length).toBeGreaterThan(30);
    expectAccepted(cards);
  });

  describe('the fake Open API and the console’s stand-in refuse it with Lark’s code', () => {
    let fake: FakeLark;
    let consoleApi: ConsoleOpenApi;
    beforeAll(async () => {
      fake = await startFakeLark({ appId: 'cli_cards', appSecret: 'cards-secret' });
      consoleApi = await startConsoleOpenApi(new ConsoleStore());
    });
    afterAll(async () => {
      await fake?.close();
      await consoleApi?.close();
    });

    async function token(base: string, appId: string, appSecret: string): Promise<string> {
      const answer = await fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ app_id: appId, app_secret: appSecret }) });
      return ((await answer.json()) as { tenant_access_token: string }).tenant_access_token;
    }
    async function send(base: string, bearer: string, receiveId: string, card: Card) {
      const answer = await fetch(`${base}/open-apis/im/v1/messages?receive_id_type=chat_id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ receive_id: receiveId, msg_type: 'interactive', content: JSON.stringify(card) }),
      });
      return { status: answer.status, body: (await answer.json()) as { code: number; msg: string } };
    }

    it.each(MUTATIONS.slice(0, 6))('$name', async ({ card }) => {
      const good = byName('plans');
      const fakeToken = await token(fake.url, 'cli_cards', 'cards-secret');
      expect((await send(fake.url, fakeToken, 'oc_cards', good)).body.code).toBe(0);
      const refused = await send(fake.url, fakeToken, 'oc_cards', card);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(CARD_REFUSED_CODE);
      expect(refused.body.msg).toMatch(/^Failed to create card content/);
      expect(fake.refusedCards.at(-1)?.msg).toBe(refused.body.msg);

      const consoleToken = await token(consoleApi.url, consoleApi.app.appId, consoleApi.app.appSecret);
      const chat = CONSOLE_CHATS[0]!.chatId;
      expect((await send(consoleApi.url, consoleToken, chat, good)).body.code).toBe(0);
      const consoleRefused = await send(consoleApi.url, consoleToken, chat, card);
      expect(consoleRefused.status).toBe(400);
      expect(consoleRefused.body.code).toBe(CARD_REFUSED_CODE);
    });
  });
});
