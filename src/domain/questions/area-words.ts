/**
 * How a leader or a 督查室 frames a question by area before naming whose
 * tasks they mean, said plainly before the rest is read: the area said first
 * (住建这块 中山住建局…, 教育卫生这块 中山教体局跟卫计局…) is left out when
 * the units it stands for are named after it, and one bureau said of two
 * places (中山跟临沂两家住建局, 中山和临沂的审计局) is each place's bureau.
 * Pure, given the places and the units the directory knows.
 */

/** "X这块 …", "X那块儿的 …": an area said first, then what is asked of it. */
const AREA_FIRST = /^\s*(\S{2,8}?)(?:这|那)(?:一)?块儿?(?:的|里|上)?[\s，,：:]*(?=\S)/;

/** A unit's name after the places (住建局, 审计局, 发改委, 扶贫办, 行政服务中心). */
const BUREAU = '([\\u4e00-\\u9fa5]{1,8}?(?:局|委|办|中心|厅))';

/**
 * The question with an area said first left out, when what follows names units (`unitsNamed`: their words as written)
 * that say it: a unit's name shares a character with the area (住建 / 中山住建局, 教育卫生 / 教体局). An area the units
 * named do not say (培训那块 中山人社局的) is what is asked about, and stays.
 */
export function withoutAreaFirst(text: string, unitsNamed: (rest: string) => readonly string[]): string {
  const area = AREA_FIRST.exec(text);
  if (!area) return text;
  const rest = text.slice(area[0].length);
  const said = unitsNamed(rest).some((name) => [...area[1]!].some((character) => name.includes(character)));
  return said ? rest : text;
}

/** The pattern of two places and one bureau, built once for each list of places (the directory keeps its list). */
const SHARED_BUREAU = new WeakMap<readonly string[], RegExp>();
function sharedBureau(places: readonly string[]): RegExp {
  let pattern = SHARED_BUREAU.get(places);
  if (!pattern) {
    const place = `(${[...places].sort((a, b) => b.length - a.length).join('|')})(?:市|区|县)?`;
    pattern = new RegExp(`${place}\\s*(?:跟|和|与|及|、)\\s*${place}(?:这?两家|两个)?的?${BUREAU}`, 'g');
    SHARED_BUREAU.set(places, pattern);
  }
  return pattern;
}

/** "中山跟临沂两家住建局" → "中山住建局和临沂住建局": a bureau (`isUnit`) said once of two places is each place's. */
export function withBureauOfEachPlace(text: string, places: readonly string[], isUnit: (name: string) => boolean): string {
  if (places.length === 0) return text;
  return text.replace(sharedBureau(places), (whole, first: string, second: string, bureau: string) => (isUnit(bureau) ? `${first}${bureau}和${second}${bureau}` : whole));
}
