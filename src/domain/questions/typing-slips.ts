/**
 * One-character slips of a pinyin keyboard: the right sound, the wrong
 * character (卡主 for 卡住, 到其 for 到期, 审和 for 审核, 完成绿 for 完成率,
 * 江们 for 江门, 住键 for 住建). A word the bot reads, typed with one
 * character swapped for another of the same sound, is that word. Pure.
 */
import { pinyin } from 'pinyin-pro';

/** The readings of a character without tones (和: he, huo, hu), cached: a question holds few characters, asked often. */
const readingsOf = new Map<string, readonly string[]>();
function readings(character: string): readonly string[] {
  let found = readingsOf.get(character);
  if (!found) {
    found = /[\u4e00-\u9fa5]/.test(character) ? (pinyin(character, { toneType: 'none', multiple: true, type: 'array' }) as string[]).map((reading) => reading.replace('ü', 'v')) : [];
    readingsOf.set(character, found);
  }
  return found;
}

/** Whether two different Chinese characters share a reading (主 / 住, 其 / 期). */
export function soundAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const theirs = readings(b);
  return readings(a).some((reading) => theirs.includes(reading));
}

/** Whether `typed` is `word` with exactly one character swapped for one of the same sound. */
export function slipOf(typed: string, word: string): boolean {
  if (typed.length !== word.length || typed === word) return false;
  let slips = 0;
  for (let i = 0; i < word.length; i++) {
    if (typed[i] === word[i]) continue;
    if (++slips > 1 || !soundAlike(typed[i]!, word[i]!)) return false;
  }
  return slips === 1;
}

/**
 * The words of the questions' grammar a slip is mended to: states, parts, what is reported. Not 滞后 (之后 sounds
 * the same and is said far more), nor 逾期 without care (预期 is a word of its own).
 */
const GRAMMAR_WORDS = ['到期', '逾期', '超期', '进度', '进展', '审核', '卡住', '没动', '启动', '牵头', '配合', '办结', '受阻', '完成率', '销号', '负责'];
/**
 * 预期 said by voice for 逾期 where a state is asked (预期的, 预期了, 预期未完成; not 预期目标, 预期性指标): the speech
 * recogniser's choice, the word a plan never puts before 的 alone.
 */
const HEARD_AS_OVERDUE = /预期(?=的(?!目标|效果|指标|成效)|了|未|没|还|多|最)/g;
/** Words that sound like one of the grammar's and are words of their own: never mended. */
const OWN_WORDS = new Set(['预期', '前头', '到齐', '近期', '之后', '附则', '进站', '销毁']);

/**
 * What may follow a mended word: the end, a mark, or a character that goes on the question rather than another
 * word (卡主那个, 完成绿多少, 到其的, 江们那边); never one that makes a word with the slipped character (完成绿化, 超七成,
 * 承办接待, 到七月, 最新汇报).
 */
const GOES_ON = /^(?:$|[^\u4e00-\u9fa5]|[的了过是那这多几吗呢啥什有没还都要在哪市区县])/;

/** Mends slips of the grammar's words and of the places the bot knows (江们 → 江门) in a question. */
export function mendSlips(text: string, places: readonly string[]): string {
  const words = [...GRAMMAR_WORDS, ...places.filter((place) => place.length >= 2)];
  // An item's number typed with the measure word's sound (第四十向, 第3像): 项.
  let out = text.replace(/(第\s*[\d一二两三四五六七八九十百]{1,4}\s*)[向像象巷](?![目])/g, '$1项');
  for (const word of words) {
    // A slip keeps all but one character: a question with none of the word's is passed over.
    if (![...word].some((character) => out.includes(character))) continue;
    for (let at = 0; at + word.length <= out.length; at++) {
      const typed = out.slice(at, at + word.length);
      if (OWN_WORDS.has(typed) || !slipOf(typed, word) || !GOES_ON.test(out.slice(at + word.length))) continue;
      out = `${out.slice(0, at)}${word}${out.slice(at + word.length)}`;
    }
  }
  return mendPlaceLevels(out.replace(HEARD_AS_OVERDUE, '逾期'), places);
}

/**
 * A place's level as slipped on a pinyin keyboard to a character no bureau's name begins with (是 / 时 for 市, 去 / 取 for
 * 区): 食 or 事 may begin one (临沂食药监局, 机关事务局), so only these are mended.
 */
const SLIPPED_LEVEL: Readonly<Record<string, string>> = { 是: '市', 时: '市', 去: '区', 取: '区' };
/** What a place with its level goes on to: a bureau's name (中山市财政局, 新会区住建局). */
const BUREAU_AFTER = /^[\u4e00-\u9fa5]{1,8}?(?:局|委|办|中心|厅|院|站|所|室)/;

/**
 * A place's level slipped to a character of its sound before a bureau (中山是财政局, 新会去住建局): the level. Read as
 * written (中山 是 财政局…) the question says the same of that place's bureau, so mending it changes no other meaning.
 */
function mendPlaceLevels(text: string, places: readonly string[]): string {
  let out = text;
  for (const place of places) {
    for (let at = out.indexOf(place); at >= 0; at = out.indexOf(place, at + 1)) {
      const level = SLIPPED_LEVEL[out[at + place.length] ?? ''];
      if (level && BUREAU_AFTER.test(out.slice(at + place.length + 1))) out = `${out.slice(0, at + place.length)}${level}${out.slice(at + place.length + 1)}`;
    }
  }
  return out;
}
