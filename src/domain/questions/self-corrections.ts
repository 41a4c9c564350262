/**
 * A question corrected as it is typed or dictated: "江门法制局后年要交的 哦不对不对是明年 …", "中山那个知识产权局 哦不对
 * 是质监局 …", "江门财政局上回报进度是几号 哦不是财政局 是编办", "临沂要点第十七项 哦不对是十八项". The correction
 * takes the place of what it corrects — the words it names (不是A 是B), or else the last words before it of the same
 * kind (a period, an item's number, a unit) — and the marker goes. Pure: text and the unit directory in, text out.
 */
import { readPeriod } from './period.js';
import type { UnitDirectory } from './unit-directory.js';

/** "不是A，是B": the wrong words named, then the right ones. */
const NAMED = /[，,\s]*(?:哦|啊|噢|呃|嗯)?\s*不是(\S{1,12}?)[，,\s]*(?:而)?(?:是|应该是)\s*/;
/** "哦不对是B", "啊说错了 是B", "不对不对 B": the right words, what they correct left to be found. */
const BARE = /[，,\s]*(?:哦|啊|噢|呃|嗯)?\s*(?:不对不对|不对|说错了|搞错了|弄错了|错了)[，,\s]*(?:是|应该是)?\s*/;
/** The words a correction gives: up to the next space or mark. */
const WORDS = /^[^\s，,。？?！!、]+/;
/** An item's number: 十八项, 第18条. */
const ITEM_NUMBER = /^第?([\d一二三四五六七八九十]+)(?:项|条)$/;

/** The question with each correction in the place of what it corrects. */
export function withCorrections(text: string, directory: UnitDirectory): string {
  let out = text;
  for (let round = 0; round < 3; round++) {
    const next = correctOnce(out, directory);
    if (next === out) break;
    out = next;
  }
  return out;
}

function correctOnce(text: string, directory: UnitDirectory): string {
  const named = NAMED.exec(text);
  if (named && named.index > 0) {
    const right = WORDS.exec(text.slice(named.index + named[0].length))?.[0];
    const before = text.slice(0, named.index);
    const wrongAt = before.lastIndexOf(named[1]!);
    if (right && wrongAt >= 0) {
      // 安监 in 中山安监局, said right as 知识产权局: the unit's ending goes with it; 办完 in 办完的, said as 申请销号的, too.
      const wrongEnd = wrongAt + named[1]!.length;
      const ending = /[局委办]$/.test(right) && /^[局委办]/.test(before.slice(wrongEnd)) ? 1 : /的$/.test(right) && before[wrongEnd] === '的' ? 1 : 0;
      const after = text.slice(named.index + named[0].length + right.length);
      return `${before.slice(0, wrongAt)}${right}${before.slice(wrongEnd + ending)}${after}`;
    }
  }
  const bare = BARE.exec(text);
  if (!bare || bare.index === 0) return text;
  const before = text.slice(0, bare.index);
  const rest = text.slice(bare.index + bare[0].length);
  const right = WORDS.exec(rest)?.[0];
  if (!right) return `${before} ${rest}`;
  // The right words said once more after it ("是明年 明年要交的", "是明年下半年 下半年要交的"): once is enough.
  const after = withoutRepeat(rest.slice(right.length), right);
  // A period said again (后年 → 明年, 明年上半年 → 明年下半年): the first one before it is the wrong one.
  const period = readPeriod(right);
  const wrongPeriod = period && period.words.length >= right.length - 2 ? readPeriod(before) : undefined;
  if (wrongPeriod) return `${before.replace(wrongPeriod.words, right)}${after}`;
  // An item's number (第十七项 → 十八项).
  const item = ITEM_NUMBER.exec(right);
  if (item) {
    const numbers = [...before.matchAll(/([\d一二三四五六七八九十]+)(?=项|条)/g)];
    const last = numbers.at(-1);
    if (last) return `${before.slice(0, last.index)}${item[1]}${before.slice(last.index! + last[0].length)}${after}`;
  }
  // A unit (那个知识产权局 → 质监局): the last unit named before it.
  const unit = directory.findMentions(right).find((mention) => mention.start === 0);
  const wrongUnit = unit ? directory.findMentions(before).at(-1) : undefined;
  if (wrongUnit) {
    // Its place stays (江门财政局 → 江门编办).
    const place = /^[\u4e00-\u9fa5]{2,4}?(?:市|区|县)?的?(?=\S)/.exec(before.slice(wrongUnit.start, wrongUnit.end))?.[0] ?? '';
    const keep = directory.placeWords().some((word) => place.startsWith(word)) ? place : '';
    return `${before.slice(0, wrongUnit.start)}${keep}${right}${before.slice(wrongUnit.end)}${after}`;
  }
  return `${before} ${rest}`;
}

/** `after` without the correction's words (or their end, two characters or more) said again at its start. */
function withoutRepeat(after: string, right: string): string {
  const again = after.trimStart();
  for (let from = 0; from <= right.length - 2; from++) {
    if (again.startsWith(right.slice(from))) return ` ${again.slice(right.length - from)}`;
  }
  return after;
}
