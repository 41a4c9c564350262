/**
 * Scoring of the question corpus (test/fixtures/questions/): what a
 * question must be answered with, what an answer says in those terms, and
 * whether the two agree exactly. Used by `npm run eval:questions`.
 *
 * An answer is read structurally, so a new kind of answer is scored as soon
 * as it carries the fields below, without a change here:
 * - `items: { taskId }[]` — the tasks it lists (every page is read);
 * - `item: { taskId }` — the one task it shows;
 * - `total` (a task list's) or `count` — how many;
 * - `figure` — a rate in percent (a number) or a day ('YYYY-MM-DD' or a Date);
 * - `ranking: (string | { name, jurisdiction? })[]` — names, first place first;
 * - `units: (string | { name, jurisdiction? })[]` — the units it names as the answer;
 * - `suggestions: string[]` — questions it offers when nothing matches.
 * A `not_understood` answer's quoted phrases (“…”) count as its suggestions.
 */
import type { Answer } from '../../src/domain/questions/answer-service.js';

/** A task as the corpus names it: plan short id and the printed key, "ZS:10.2". */
export type TaskRef = string;

/** What a question must be answered with. */
export type Expectation =
  | { tasks: TaskRef[] }
  | { count: number }
  | { figure: number | string; unit?: '%' }
  /** Names in order; an inner list is a tie, in any order. Units are "中山市 市财政局". */
  | { ranking: (string | string[])[] }
  | { units: string[] }
  | { task: TaskRef }
  | { none: true; suggest?: string };

/** One question of the corpus. */
export interface CorpusQuestion {
  id: string;
  family: string;
  text: string;
  asker: 'supervisor' | 'liaison' | 'leader';
  /** The person asking (a name in scenario.json), when the question says 我们局. */
  as?: string;
  split: 'tune' | 'holdout';
  expect: Expectation;
}

/** What an answer says, in the corpus's terms. */
export interface AnswerReading {
  kinds: string[];
  tasks?: TaskRef[];
  task?: TaskRef;
  count?: number;
  figure?: number | string;
  ranking?: string[];
  units?: string[];
  none?: boolean;
  suggestions?: string[];
}

/** The verdict on one question. */
export interface QuestionScore {
  right: boolean;
  /** Why not, in a line. */
  why: string;
}

type Named = string | { name?: unknown; jurisdiction?: unknown; title?: unknown };

const nameOf = (value: Named): string => {
  if (typeof value === 'string') return value;
  const name = typeof value.name === 'string' ? value.name : typeof value.title === 'string' ? value.title : '';
  return typeof value.jurisdiction === 'string' ? `${value.jurisdiction} ${name}` : name;
};

const dayOf = (value: unknown): string | undefined => {
  if (value instanceof Date) return new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return undefined;
};

/** Reads the pages of one answer (a task list's every page; one page otherwise). `refOf` names a task id. */
export function readAnswer(pages: readonly Answer[], refOf: (taskId: number) => TaskRef | undefined): AnswerReading {
  const reading: AnswerReading = { kinds: [...new Set(pages.map((page) => page.kind))] };
  const ref = (taskId: unknown) => (typeof taskId === 'number' ? (refOf(taskId) ?? `#${taskId}`) : undefined);
  for (const page of pages as unknown as Record<string, unknown>[]) {
    if (page.kind === 'task_choice') continue; // a choice is not an answer yet
    if (Array.isArray(page.items)) reading.tasks = [...(reading.tasks ?? []), ...page.items.map((item: { taskId?: unknown }) => ref(item.taskId)).filter((item) => item !== undefined)];
    const item = page.item as { taskId?: unknown } | undefined;
    if (item && ref(item.taskId)) reading.task = ref(item.taskId);
    if (typeof page.count === 'number') reading.count = page.count;
    else if (typeof page.total === 'number' && page.kind === 'task_list') reading.count = page.total;
    if (typeof page.figure === 'number') reading.figure = page.figure;
    else if (dayOf(page.figure)) reading.figure = dayOf(page.figure);
    if (Array.isArray(page.ranking)) reading.ranking = (page.ranking as Named[]).map(nameOf);
    if (Array.isArray(page.units)) reading.units = (page.units as Named[]).map(nameOf);
    if (Array.isArray(page.suggestions)) reading.suggestions = [...(reading.suggestions ?? []), ...page.suggestions.map(String)];
    if (page.kind === 'not_understood') {
      reading.none = true;
      const quoted = [...String(page.reason ?? '').matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
      reading.suggestions = [...(reading.suggestions ?? []), ...quoted];
    }
  }
  if (reading.task && !reading.tasks) reading.tasks = [reading.task];
  if (pages.some((page) => page.kind === 'task_list') && reading.count === 0) reading.none = true;
  return reading;
}

const squash = (text: string) => text.replace(/[\s()（）]/g, '');

/** True when a name the answer gives is the expected one: "中山市 市财政局" matches "市财政局（中山市）" and "中山市市财政局". */
export function sameName(expected: string, given: string): boolean {
  const got = squash(given);
  const [place, name] = expected.includes(' ') ? expected.split(' ', 2) : ['', expected];
  return got === squash(expected) || (place !== '' && got === `${name}${place}`);
}

const show = (values: readonly unknown[] | undefined, limit = 8) =>
  values === undefined ? '—' : `[${values.slice(0, limit).join(' ')}${values.length > limit ? ` …+${values.length - limit}` : ''}]`;

/** Scores one reading against its expectation: exact sets, counts, figures and rankings. */
export function scoreQuestion(expect: Expectation, reading: AnswerReading): QuestionScore {
  const got = `(answer: ${reading.kinds.join('+')})`;
  if ('tasks' in expect) {
    const want = new Set(expect.tasks);
    const given = reading.tasks ?? [];
    const missing = expect.tasks.filter((task) => !given.includes(task));
    const extra = [...new Set(given.filter((task) => !want.has(task)))];
    const duplicated = given.length !== new Set(given).size;
    if (reading.tasks && missing.length === 0 && extra.length === 0 && !duplicated) return { right: true, why: '' };
    return { right: false, why: `tasks: missing ${show(missing)}, extra ${show(extra)}${duplicated ? ', some twice' : ''} ${got}` };
  }
  if ('task' in expect) {
    return reading.task === expect.task ? { right: true, why: '' } : { right: false, why: `task: want ${expect.task}, got ${reading.task ?? '—'} ${got}` };
  }
  if ('count' in expect) {
    return reading.count === expect.count ? { right: true, why: '' } : { right: false, why: `count: want ${expect.count}, got ${reading.count ?? '—'} ${got}` };
  }
  if ('figure' in expect) {
    const right = typeof expect.figure === 'number' ? typeof reading.figure === 'number' && Math.round(reading.figure) === expect.figure : reading.figure === expect.figure;
    return right ? { right: true, why: '' } : { right: false, why: `figure: want ${expect.figure}${expect.unit ?? ''}, got ${reading.figure ?? '—'} ${got}` };
  }
  if ('ranking' in expect) {
    const given = reading.ranking ?? [];
    let at = 0;
    for (const group of expect.ranking) {
      const names = Array.isArray(group) ? group : [group];
      const slice = given.slice(at, at + names.length);
      const right = slice.length === names.length && names.every((name) => slice.some((entry) => sameName(name, entry)));
      if (!right) return { right: false, why: `ranking: want ${JSON.stringify(expect.ranking)}, got ${show(given, 5)} ${got}` };
      at += names.length;
    }
    return { right: true, why: '' };
  }
  if ('units' in expect) {
    const given = reading.units ?? [];
    const missing = expect.units.filter((unit) => !given.some((entry) => sameName(unit, entry)));
    const extra = given.filter((entry) => !expect.units.some((unit) => sameName(unit, entry)));
    if (reading.units && missing.length === 0 && extra.length === 0) return { right: true, why: '' };
    return { right: false, why: `units: missing ${show(missing, 4)}, extra ${show(extra, 4)} ${got}` };
  }
  if (!reading.none) return { right: false, why: `none: want nothing found, got ${reading.tasks ? `${reading.tasks.length} tasks` : reading.kinds.join('+')}` };
  if (expect.suggest && !(reading.suggestions ?? []).some((text) => text.includes(expect.suggest!))) {
    return { right: false, why: `none: nothing found, but no suggestion mentioning “${expect.suggest}” (suggested ${show(reading.suggestions, 3)})` };
  }
  return { right: true, why: '' };
}
