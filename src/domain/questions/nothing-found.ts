/**
 * When a question finds nothing, the nearest questions that would find
 * something: the unit without its place (中山市档案局 → 档案局 of another
 * city), the unit or topic without the time or state, the topic without the
 * place, the whole without the part left out. Each is tried against the index and offered only when it finds
 * tasks, written as a question the user can press or type. Pure.
 */
import type { Catalog } from './question-catalog.js';
import type { TaskQuery, UnitMention } from './question.js';

type Filters = Omit<TaskQuery, 'page' | 'kind'>;

/** A mention with its place taken off: every stored unit of that name, wherever it is. */
function withoutPlace(mention: UnitMention, catalog: Catalog): UnitMention | undefined {
  if (!mention.place) return undefined;
  const short = mention.place.replace(/(省|市|区|县)$/, '');
  const written = mention.text.startsWith(mention.place) ? mention.place : mention.text.startsWith(short) ? short : '';
  const name = mention.text.slice(written.length).replace(/^[的\s]+/, '');
  const found = catalog.directory.findMentions(name).find((candidate) => candidate.start === 0 && candidate.end === name.length);
  return found && found.unitIds.length > 0 ? { text: found.text, unitIds: found.unitIds, fuzzy: false } : undefined;
}

/** How a relaxed query is asked, in the user's words. */
function questionOf(query: Filters, catalog: Catalog): string {
  const units = query.units.map((mention) => mention.text).join('和');
  const places = (query.places ?? []).map((place) => `${place}的`).join('');
  if (units) return query.topic ? `${places}${units}${query.topic}相关的任务` : `${places}${units}负责什么`;
  if (query.topic) return `${places}${query.topic}相关的任务`;
  void catalog;
  if (query.plan) return `${places}${query.plan}的方案有哪些任务`;
  return `${places}任务有哪些`;
}

/** Up to three questions near `query` that find tasks, best first. */
export function nearestQuestions(query: Filters, catalog: Catalog, today: string): string[] {
  const found = (relaxed: Filters) => catalog.index.any(relaxed, today);
  const candidates: Filters[] = [];
  const unplaced = query.units.map((mention) => withoutPlace(mention, catalog) ?? mention);
  const placeDropped = unplaced.some((mention, index) => mention !== query.units[index]);
  const plain: Filters = { ...query, status: null, period: null, withinDays: null };
  if (placeDropped) candidates.push({ ...query, units: unplaced }, { ...plain, units: unplaced });
  if (query.status || query.period) candidates.push(plain);
  if (query.places && query.places.length > 0) candidates.push({ ...plain, places: [] }, { ...plain, places: [], units: unplaced });
  if (query.topic && query.units.length > 0) candidates.push({ ...plain, topic: null }, { ...plain, units: [], topic: query.topic });
  // Everything but the part left out was nothing ("经信局那份 除了没启动的"): the whole, with the part.
  if (query.except) candidates.push({ ...query, except: null }, { ...plain, except: null });
  const questions: string[] = [];
  for (const candidate of candidates) {
    if (!found(candidate)) continue;
    const asked = questionOf(candidate, catalog);
    if (!questions.includes(asked)) questions.push(asked);
    if (questions.length === 3) break;
  }
  // A unit name nobody has: the names it resembles.
  if (questions.length === 0) {
    for (const mention of query.units.filter((unit) => unit.unitIds.length === 0)) {
      for (const name of catalog.directory.suggest(mention.text.replace(mention.place ?? '', ''), 2)) questions.push(`${name}负责什么`);
    }
  }
  return questions.slice(0, 3);
}
