/**
 * Finds the units a question names. Built from the stored units and their
 * aliases (which include the synonym table's names), plus short forms
 * without 市/区/县 ("财政局" → every 市财政局 and 区财政局), and tolerant of
 * one wrong character in a name ending like a unit ("财正局"). A unit named
 * with its place ("中山市财政局", "江门的网信办", "新会区 区财政局") means
 * that place's unit only. Pure.
 */
import { leadingPlace, liesIn } from '../places/gazetteer.js';
import type { UnitMention } from './question.js';
import { slipOf } from './typing-slips.js';

/** A stored unit as the directory needs it. */
export interface DirectoryUnit {
  id: number;
  name: string;
  jurisdiction: string;
  aliases: readonly string[];
}

const LEVEL_PREFIX = /^(市|区|县|镇)/;
/** How unit names end; a typo is only considered for text ending like this. */
const UNIT_END = /(局|委|办|厅|室|科|中心|院|站|队|所|府|部门|单位|机构)$/;
const MAX_NAME = 24;
/** What may follow a bureau's bare stem: a pause, the end, a word saying "that side of it", or 和/跟 before another word alone (住建跟审计 …). */
const STEM_END = /^(\s|$|[，,。？?]|那边|这边|那块|这块|那里|这里|口|系统|条线|(?:和|跟|与)(?=\S{2,4}(?:\s|$|[，,。？?])))/;
/** What may follow a stem after its place or in a list of them ("中山住建、扶贫、审计三家"): a 、 too, how many they are, and 和 before another unit ("江门发改和临沂发改委"). */
const LISTED_STEM_END = /^(\s|$|[，,。？?、]|那边|这边|那块|这块|那里|这里|口|系统|条线|[两二三四五六七八九十]{1,2}(?:家|个单位|个部门|件|项|条)|(?:和|跟|与)(?=\S{1,4}?[市区县]|\S{1,6}?[局委办]))/;
/** What must follow a short stem: a word saying "that side of it". */
const SIDE_END = /^(那边|这边|那块|这块|那里|这里|口|系统|条线)/;
/** Saying whose a stem is ("我们审计", "咱发改"): the asker's own bureau, named by its stem. */
const OWN_BEFORE = /(?:我们|咱们|咱|我|本)$/;
/** What follows a bureau's stem said as one's own: the question goes on ("我们审计有过期的吗", "咱发改下个月…"). */
const OWN_STEM_END = /^(?:[有还下上这那明今一申报的最什怎过没整跟和与哪几是要在完正卡等进到]|$|\s)/;

/** The unit's own place written at the start of its name, in full or short ("新会区" / "新会"), or undefined. */
function ownPlacePrefix(name: string, jurisdiction: string): string | undefined {
  const short = jurisdiction.replace(/(市|区|县)$/, '');
  for (const prefix of [jurisdiction, short]) if (prefix.length >= 2 && name.startsWith(prefix)) return prefix;
  return undefined;
}

/** Looks unit names up in text. */
export class UnitDirectory {
  /** Surface form → unit ids. */
  private readonly forms = new Map<string, Set<number>>();
  /** Forms by length and last character, for one-character typos. */
  private readonly byShape = new Map<string, string[]>();
  private readonly units = new Map<number, DirectoryUnit>();
  /** A name's stem without its level and its 局 / 委 / 办 ("财政" of 市财政局, "人社" of 人社局) → unit ids: how a leader says a bureau in a hurry. */
  private readonly stems = new Map<string, Set<number>>();
  /** The first two characters of a long stem (网信 of 网信统筹局): said only with 那边 / 口 / 系统 after them. */
  private readonly shortStems = new Map<string, Set<number>>();
  private jurisdictions: Set<string> | undefined;
  /** The places' short names, once: every question's slips are mended to them. */
  private shortPlaces: string[] | undefined;

  constructor(units: readonly DirectoryUnit[]) {
    for (const unit of units) {
      this.units.set(unit.id, unit);
      for (const name of [unit.name, ...unit.aliases]) {
        this.add(name, unit.id);
        // "市财政局" is also "财政局"; keep at least three characters so "市委" does not become "委".
        if (LEVEL_PREFIX.test(name) && (name.length >= 4 || (name.length === 3 && UNIT_END.test(name)))) this.add(name.slice(1), unit.id);
        // "市委网信办" is also "网信办", "市委宣传部" "宣传部".
        if (/^(市|区|县)委(?!办)/.test(name) && name.length >= 5) this.add(name.slice(2), unit.id);
        // A name that opens with its own place ("新会国土资源分局" of 新会区) is also the rest: "国土资源分局".
        const own = ownPlacePrefix(name, unit.jurisdiction);
        if (own && name.length - own.length >= 3 && UNIT_END.test(name)) this.add(name.slice(own.length), unit.id);
        // A list written as one name (各市、区政府, 各镇（街、区）) is said run together: 各市区政府, 各镇街区, 各镇街.
        if (/[、（）()]/.test(name)) {
          this.add(name.replace(/[、（）()]/g, ''), unit.id);
          const listed = /^(.+?)[（(]([^、（）()]+)、[^（）()]*[）)]$/.exec(name);
          if (listed) this.add(`${listed[1]}${listed[2]}`, unit.id);
        }
      }
    }
    for (const [form, ids] of this.forms) {
      const stem = form.replace(LEVEL_PREFIX, '').replace(/(局|委|办)$/, '');
      if (stem.length < 2 || stem.length === form.replace(LEVEL_PREFIX, '').length) continue;
      // A long stem is said by its first two characters too (网信 of 网信统筹局, 交通 of 交通运输局), but only as "that side"
      // (江门网信 那边, 交通口): alone, 城市 or 发展 is a word.
      this.addStem(stem, ids, this.stems);
      if (stem.length >= 4) this.addStem(stem.slice(0, 2), ids, this.shortStems);
    }
    for (const form of this.forms.keys()) {
      if (form.length < 3) continue;
      const shape = `${form.length}:${form.at(-1)}`;
      const list = this.byShape.get(shape) ?? [];
      list.push(form);
      this.byShape.set(shape, list);
    }
  }

  private addStem(said: string, ids: ReadonlySet<number>, into: Map<string, Set<number>>) {
    // Never a place (新会 of 新会公安分局): a place is a filter of its own.
    if (this.forms.has(said) || leadingPlace(said, { allowShort: true })) return;
    const stemIds = into.get(said) ?? new Set<number>();
    for (const id of ids) stemIds.add(id);
    into.set(said, stemIds);
  }

  private add(form: string, id: number) {
    if (form.length < 2 || form.length > MAX_NAME) return;
    const ids = this.forms.get(form) ?? new Set<number>();
    ids.add(id);
    this.forms.set(form, ids);
  }

  /** A unit by id. */
  unit(id: number): DirectoryUnit | undefined {
    return this.units.get(id);
  }

  /** Whether a place is, holds, or lies in the place of a stored unit: a place the questions can be about. */
  knowsPlace(place: string): boolean {
    this.jurisdictions ??= new Set([...this.units.values()].map((unit) => unit.jurisdiction));
    for (const jurisdiction of this.jurisdictions) if (liesIn(jurisdiction, place) || liesIn(place, jurisdiction)) return true;
    return false;
  }

  /** Every unit, in name order. */
  all(): DirectoryUnit[] {
    return [...this.units.values()].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction, 'zh') || a.name.localeCompare(b.name, 'zh'));
  }

  /**
   * Unit names resembling a text that names no unit, best first: by the
   * character pairs they share ("市财务局" → 市财政局). For "did you mean".
   */
  suggest(text: string, limit = 3): string[] {
    const pairs = (value: string) => new Set(Array.from({ length: Math.max(0, value.length - 1) }, (_, i) => value.slice(i, i + 2)));
    const wanted = pairs(text);
    if (wanted.size === 0) return [];
    const scored = new Map<string, number>();
    for (const form of this.forms.keys()) {
      let shared = 0;
      for (const pair of pairs(form)) if (wanted.has(pair)) shared++;
      if (shared === 0) continue;
      for (const id of this.forms.get(form)!) {
        const name = this.units.get(id)!.name;
        scored.set(name, Math.max(scored.get(name) ?? 0, shared / Math.max(wanted.size, form.length - 1)));
      }
    }
    return [...scored].filter(([, score]) => score >= 0.3).sort((a, b) => b[1] - a[1] || a[0].length - b[0].length).slice(0, limit).map(([name]) => name);
  }

  /** Every known form of every unit: for tests and diagnostics. */
  get size(): number {
    return this.forms.size;
  }

  /**
   * The units named in `text`, left to right, longest match first, without
   * overlaps. Exact forms first; a name ending like a unit that differs from
   * a known form by one character is matched too, when that form is unique.
   */
  findMentions(text: string): (UnitMention & { start: number; end: number })[] {
    const found: (UnitMention & { start: number; end: number })[] = [];
    let i = 0;
    while (i < text.length) {
      let match: (UnitMention & { start: number; end: number }) | undefined;
      for (let length = Math.min(MAX_NAME, text.length - i); length >= 2; length--) {
        const ids = this.forms.get(text.slice(i, i + length));
        if (ids) {
          match = { text: text.slice(i, i + length), unitIds: [...ids].sort((a, b) => a - b), fuzzy: false, start: i, end: i + length };
          break;
        }
      }
      match ??= this.stemAt(text, i, i);
      const placed = this.placeQualified(text, i);
      if (placed && (!match || placed.end > match.end)) match = placed;
      // "财政局（中山）": the place in brackets after the unit.
      const bracketed = match && !match.place ? /^[（(]([^）)]{2,8})[）)]/.exec(text.slice(match.end)) : null;
      const place = bracketed ? leadingPlace(bracketed[1]!, { allowShort: true, prefer: (candidate) => this.knowsPlace(candidate.name) }) : undefined;
      if (match && bracketed && place && place.written === bracketed[1]) {
        const here = match.unitIds.filter((id) => this.units.get(id)?.jurisdiction === place.place.name);
        match = { ...match, text: `${match.text}${bracketed[0]}`, unitIds: here, place: place.place.name, end: match.end + bracketed[0].length };
      }
      if (match) {
        found.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return this.withTypos(text, found);
  }

  /**
   * A unit named after its place at `start`: "中山市财政局" (中山市's 市财政局),
   * "江门的网信办", "新会区 区财政局". The mention keeps only that place's
   * units; when the place has no unit of that name its ids are empty, so the
   * question finds nothing rather than another place's bureau.
   */
  private placeQualified(text: string, start: number): (UnitMention & { start: number; end: number }) | undefined {
    if (start > 0 && /[\u4e00-\u9fa5]/.test(text[start - 1]!) && !/[的在和与跟同及、，问查看了是下找说把给对]/.test(text[start - 1]!)) return undefined;
    const hit = leadingPlace(text.slice(start, start + 16), { allowShort: true, prefer: (place) => this.knowsPlace(place.name) });
    if (!hit) return undefined;
    let from = start + hit.written.length;
    // "中山市 市财政局", "江门的法制局", "江门那边法制局", "江门那个审计局" (said pointing at it)
    for (let skipped = true; skipped; ) {
      skipped = false;
      const gap = /^( |的|那边|这边|那里|这里|方面|那个|这个|那家|这家)/.exec(text.slice(from));
      if (gap) {
        from += gap[0].length;
        skipped = true;
      }
    }
    const level = /[省市区县镇乡]$/.exec(hit.place.name)?.[0] ?? '';
    const stem = this.stemAt(text, from, start);
    // A whole name that goes on past the stem (中山住房和城乡建设局, not 住房 and 和…) is the one said.
    let whole: (UnitMention & { start: number; end: number }) | undefined;
    for (let length = Math.min(MAX_NAME, text.length - from); length >= 2 && !whole; length--) {
      const rest = text.slice(from, from + length);
      const forms = /^[省市区县镇乡]/.test(rest) ? [rest] : [`${level}${rest}`, rest];
      const ids = forms.map((form) => this.forms.get(form)).find((found) => found !== undefined);
      if (!ids) continue;
      const here = [...ids].filter((id) => this.units.get(id)?.jurisdiction === hit.place.name).sort((a, b) => a - b);
      whole = { text: text.slice(start, from + length), unitIds: here, fuzzy: false, place: hit.place.name, start, end: from + length };
    }
    if (stem && (!whole || stem.end >= whole.end)) return { ...stem, unitIds: stem.unitIds.filter((id) => this.units.get(id)?.jurisdiction === hit.place.name), place: hit.place.name };
    return whole;
  }

  /**
   * A bureau named by its stem at `at` ("财政 还有几件没完", "人社那边", "新会气象 有啥任务"): only where the
   * stem stands alone — at the question's start or after its place (`from`), and followed by a space, the end,
   * or 那边 / 这边 / 口 / 系统 — so 财政预决算, 扶贫工作 and 扶贫方面 stay words of a topic.
   */
  private stemAt(text: string, at: number, from: number): (UnitMention & { start: number; end: number }) | undefined {
    // Said as one's own ("我们审计", "咱发改"), a stem goes on into the question as after a pause.
    const own = from > 0 && OWN_BEFORE.test(text.slice(0, from));
    // (After 和 / 跟 / 与, a second stem of a pair: 住建跟审计.)
    if (from > 0 && /[\u4e00-\u9fa5]/.test(text[from - 1]!) && !own && !(/[和跟与]/.test(text[from - 1]!) && this.pairedBefore(text, from - 1))) return undefined;
    // After its place ("江门网信 还没动的") or said as one's own, a short stem is as sure as a whole one.
    const placed = at > from || own;
    // After its place or a 、 ("中山住建、扶贫、审计"), a stem may itself be followed by a 、: a list of bureaus, not of topics (扶贫、教育相关的).
    const end = own ? OWN_STEM_END : placed || text[from - 1] === '、' ? LISTED_STEM_END : STEM_END;
    for (const slip of [false, true]) {
      for (let length = Math.min(8, text.length - at); length >= 2; length--) {
        const said = text.slice(at, at + length);
        const after = text.slice(at + length);
        const ids = (end.test(after) ? this.stemNamed(said, this.stems, slip) : undefined) ?? ((placed ? end : SIDE_END).test(after) ? this.stemNamed(said, this.shortStems, slip) : undefined);
        if (!ids) continue;
        return { text: text.slice(from, at + length), unitIds: [...ids].sort((a, b) => a - b), fuzzy: slip, start: from, end: at + length };
      }
    }
    return undefined;
  }

  /** Whether the words before a 和 / 跟 at `at` are a bureau's stem standing alone at the question's start or after a pause (住建跟…). */
  private pairedBefore(text: string, at: number): boolean {
    const start = Math.max(text.lastIndexOf(' ', at - 1) + 1, 0);
    return this.stems.has(text.slice(start, at));
  }

  /** The units of a stem as said, or (`slip`) of the one stem it is a pinyin slip of (住键 → 住建). */
  private stemNamed(said: string, stems: ReadonlyMap<string, ReadonlySet<number>>, slip: boolean): ReadonlySet<number> | undefined {
    if (!slip) return stems.get(said);
    const near = [...stems.keys()].filter((stem) => slipOf(said, stem));
    return near.length === 1 ? stems.get(near[0]!) : undefined;
  }

  /**
   * The places of the stored units by their short names (中山, 江门): words a question's slips are mended to. Not the
   * full names: 临沂食药监局 is no slip of 临沂市.
   */
  placeWords(): readonly string[] {
    this.jurisdictions ??= new Set([...this.units.values()].map((unit) => unit.jurisdiction));
    this.shortPlaces ??= [...new Set([...this.jurisdictions].map((place) => place.replace(/(市|区|县)$/, '')))].filter((word) => word.length >= 2);
    return this.shortPlaces;
  }

  /** A typo'd name right after a place ("临沂发该委"): that place's units only, as an exact name after it would be. */
  private withPlaceBefore(text: string, mention: UnitMention & { start: number; end: number }): UnitMention & { start: number; end: number } {
    for (let length = 2; length <= Math.min(8, mention.start); length++) {
      const start = mention.start - length;
      if (start > 0 && /[\u4e00-\u9fa5]/.test(text[start - 1]!)) continue;
      const written = text.slice(start, mention.start).replace(/(的|那边|这边)$/, '');
      const hit = leadingPlace(written, { allowShort: true, prefer: (place) => this.knowsPlace(place.name) });
      if (!hit || hit.written !== written) continue;
      const here = mention.unitIds.filter((id) => this.units.get(id)?.jurisdiction === hit.place.name);
      return { ...mention, text: text.slice(start, mention.end), unitIds: here, place: hit.place.name, start };
    }
    return mention;
  }

  /** Adds one-character-typo matches in the stretches no exact match covers. */
  private withTypos(text: string, exact: (UnitMention & { start: number; end: number })[]) {
    const covered = (start: number, end: number) => exact.some((m) => start < m.end && end > m.start);
    const fuzzy: (UnitMention & { start: number; end: number })[] = [];
    for (let end = text.length; end >= 3; end--) {
      if (!UNIT_END.test(text.slice(0, end))) continue;
      for (let length = Math.min(10, end); length >= 3; length--) {
        const start = end - length;
        if (covered(start, end) || fuzzy.some((m) => start < m.end && end > m.start)) continue;
        const candidate = text.slice(start, end);
        if (/[哪谁些个么的]/.test(candidate)) continue;
        const near = (this.byShape.get(`${length}:${candidate.at(-1)}`) ?? []).filter((form) => differsByOne(form, candidate));
        const ids = new Set(near.flatMap((form) => [...this.forms.get(form)!]));
        if (near.length > 0 && new Set(near.map((form) => form.replace(LEVEL_PREFIX, ''))).size === 1) {
          fuzzy.push(this.withPlaceBefore(text, { text: candidate, unitIds: [...ids].sort((a, b) => a - b), fuzzy: true, start, end }));
          break;
        }
      }
    }
    return [...exact, ...fuzzy].sort((a, b) => a.start - b.start);
  }
}

function differsByOne(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++differences > 1) return false;
  // The changed character must not be the first: "市财政局" vs "区财政局" is another unit, not a typo.
  return a[0] === b[0];
}
