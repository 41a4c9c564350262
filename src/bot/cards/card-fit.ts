/**
 * The size rule every card shares: a card Lark would refuse for its size
 * (30 KB, 200 components: CARD_LIMITS) is never sent. A list card shows as
 * many of its items as fit and says how many more there are and how to see
 * them (fitList); any card whose single text is still too long has its
 * longest texts shortened with "…" until it fits (clipToFit, applied by
 * card() to every card). The text twins are not cut: they carry everything.
 * Pure.
 */
import { CARD_LIMITS } from './spec/card-spec.js';
import { cardJsonBytes, finishCard } from './card-json.js';

type Json = Record<string, unknown>;

/** The card's size as sent (its JSON) in bytes: a finished card's as measured when it was made (card-json.ts). */
export function cardBytes(card: unknown): number {
  return card !== null && typeof card === 'object' ? cardJsonBytes(card) : Buffer.byteLength(JSON.stringify(card));
}

/** Components in a card (every object with a tag below the body, text objects apart), as CARD_LIMITS.elements counts them. */
export function cardComponents(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + cardComponents(item), 0);
  if (!value || typeof value !== 'object') return 0;
  const tag = (value as Json).tag;
  const own = typeof tag === 'string' && tag !== 'plain_text' && tag !== 'lark_md' ? 1 : 0;
  return own + Object.values(value).reduce((sum: number, child) => sum + cardComponents(child), 0);
}

/** Whether Lark takes the card as far as its size goes (bytes and components). */
export function fitsLark(card: unknown): boolean {
  return cardBytes(card) <= CARD_LIMITS.bytes && cardComponents((card as Json | undefined)?.body) <= CARD_LIMITS.elements;
}

/** The markup the renderers themselves write in card markdown (user text is escaped, so any of these is theirs). */
const MARKUP = /\*\*|<font color='[a-z]+'>|<\/font>|<at id=[^>]*><\/at>/g;

/**
 * Card markdown cut to about `max` characters of its text, its own markup
 * kept whole and closed again (an open ** or <font> is closed after "…").
 */
export function clipMarkdown(content: string, max: number): string {
  let kept = '';
  let count = 0;
  let bold = false;
  let fonts = 0;
  let last = 0;
  let cut = false;
  const take = (text: string): boolean => {
    const chars = Array.from(text);
    if (count + chars.length <= max) {
      kept += text;
      count += chars.length;
      return true;
    }
    kept += `${chars.slice(0, Math.max(0, max - count)).join('')}…`;
    cut = true;
    return false;
  };
  for (const match of content.matchAll(MARKUP)) {
    if (!take(content.slice(last, match.index))) break;
    const token = match[0];
    if (token === '**') bold = !bold;
    else if (token === '</font>') fonts = Math.max(0, fonts - 1);
    else if (token.startsWith('<font')) fonts++;
    kept += token;
    last = match.index + token.length;
  }
  if (!cut && !take(content.slice(last))) cut = true;
  if (!cut) return content;
  return `${kept}${bold ? '**' : ''}${'</font>'.repeat(fonts)}`;
}

/** A place in the card holding text that may be shortened, with the text as it was. */
interface Slot {
  holder: Json;
  key: string;
  markdown: boolean;
  text: string;
  length: number;
}

/** Every shortenable text: markdown content, text objects' content, table cells that are strings. */
function slots(value: unknown, into: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    for (const item of value) slots(item, into);
    return into;
  }
  if (!value || typeof value !== 'object') return into;
  const object = value as Json;
  const add = (holder: Json, key: string, markdown: boolean) => {
    const text = holder[key] as string;
    into.push({ holder, key, markdown, text, length: Array.from(text).length });
  };
  if (typeof object.content === 'string' && (object.tag === 'markdown' || object.tag === 'plain_text' || object.tag === 'lark_md')) add(object, 'content', object.tag === 'markdown');
  if (object.tag === 'table' && Array.isArray(object.rows)) {
    for (const row of object.rows as Json[]) for (const [key, cell] of Object.entries(row)) if (typeof cell === 'string') add(row, key, false);
  }
  for (const [key, child] of Object.entries(object)) if (key !== 'rows' && typeof child === 'object') slots(child, into);
  return into;
}

/** Text never shortened below this many characters. */
const SHORTEST = 60;
/** Cards shortened by clipToFit (so fitList knows a page did not fit as it was). */
const clipped = new WeakSet<object>();

/** Every text of the card held to `max` characters (the originals kept in the slots). */
function holdTo(found: readonly Slot[], max: number): void {
  for (const slot of found) {
    if (slot.length <= max) slot.holder[slot.key] = slot.text;
    else slot.holder[slot.key] = slot.markdown ? clipMarkdown(slot.text, max) : `${Array.from(slot.text).slice(0, max - 1).join('')}…`;
  }
}

/**
 * The card itself when Lark takes its size; otherwise a copy whose longest
 * texts are shortened with "…" to one length, the longest length at which
 * the card fits (a 10,000-character title from a document, a note pasted
 * twice), none below SHORTEST. Lists are fitted first (fitList), so this
 * only meets what one item alone makes too long. The card returned is
 * finished: its JSON, measured here, is kept for fitList and the outbox
 * (card-json.ts), so nothing may change it after.
 */
export function clipToFit<T extends Json>(card: T): T {
  const json = JSON.stringify(card);
  const bytes = Buffer.byteLength(json);
  if (bytes <= CARD_LIMITS.bytes) {
    finishCard(card, json, bytes);
    return card;
  }
  const copy = structuredClone(card);
  const found = slots(copy);
  let low = SHORTEST;
  let high = Math.max(SHORTEST, ...found.map((slot) => slot.length));
  // The longest length that fits, searched between SHORTEST and the longest text.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    holdTo(found, middle);
    if (cardBytes(copy) <= CARD_LIMITS.bytes) low = middle;
    else high = middle - 1;
  }
  holdTo(found, low);
  clipped.add(copy);
  finishCard(copy, JSON.stringify(copy));
  return copy;
}

/** Whether clipToFit had to shorten this card. */
export function wasClipped(card: object): boolean {
  return clipped.has(card);
}

/**
 * A list card with as many of its `count` items as fit: `render(shown)`
 * draws the card with the first `shown` items and, when shown < count, the
 * line saying how many more there are and the button or command for them.
 * The most items whose card fits Lark's size (without shortening any text)
 * win; at least one item is shown.
 */
export function fitList<T extends Json>(count: number, render: (shown: number) => T): T {
  const fits = (card: T) => !wasClipped(card) && fitsLark(card);
  const whole = render(count);
  if (count <= 1 || fits(whole)) return whole;
  let low = 1;
  let high = count - 1;
  let best: T | undefined;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = render(middle);
    if (fits(candidate)) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best ?? render(1);
}
