/**
 * Text clean-up applied to every imported document before it is parsed:
 * traditional characters to simplified (the original is kept by the caller),
 * pinyin annotations and page markers (第2页共4页) left by web pages removed,
 * line endings unified.
 */
import * as OpenCC from 'opencc-js';
import { joinHardWraps } from './hard-wraps.js';
import { alternation, COOPERATING_WORDS, DEADLINE_LABEL, LEAD_WORDS, UNIT_NOUNS } from './role-words.js';

/**
 * Taiwan's phrase table first (著力, 著重, 著手 → 着力, 着重, 着手: 著 read as 着 where the phrase says so, which the
 * Hong Kong table leaves), then Hong Kong's for its own variant characters.
 */
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const toSimplifiedConverter = (text: string) => fromHongKong(fromTaiwan(text));

/** Pinyin in parentheses after a character, as web pages render ruby text: 區(qū). */
const PINYIN_ANNOTATION = /[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)[)）]/g;

/** Converts traditional characters to simplified; leaves simplified text as it is. */
export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

/** True when a meaningful share of the CJK characters are traditional forms. */
export function looksTraditional(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const converted = toSimplified(sample);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue;
    cjk++;
    if (sample[i] !== converted[i]) changed++;
  }
  return cjk > 0 && changed / cjk > 0.02;
}

/** What normalizeDocument returns. */
export interface NormalizedDocument {
  text: string;
  /** The table cells given, cleaned the same way as the text. */
  cells: string[];
  /** True when traditional characters were converted. */
  converted: boolean;
}

/** A page marker a document site leaves inside the text, even inside a word: "县农作第2页共4页物秸秆". */
const PAGE_MARKER = /第\s*\d{1,4}\s*页\s*[,，/／]?\s*共\s*\d{1,4}\s*页/g;

function clean(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(SMALL_FORMS, (form) => PLAIN_FORM[form] ?? form)
    .replace(PINYIN_ANNOTATION, '')
    .replace(PAGE_MARKER, '')
    .replace(PAGE_NUMBER, '$1')
    .replace(LOST_SPACE, '$1');
}

/**
 * Punctuation in its small or vertical forms (U+FE50–FE5E, U+FE10–FE19), as some editors and sites write it: "一﹑",
 * "1﹑", "﹙市财政局﹚". Read as the usual marks, so items numbered with them are items.
 */
const PLAIN_FORM: Readonly<Record<string, string>> = {
  '﹐': '，', '﹑': '、', '﹒': '．', '﹔': '；', '﹕': '：', '﹖': '？', '﹗': '！', '﹙': '（', '﹚': '）', '﹛': '｛', '﹜': '｝', '﹝': '〔', '﹞': '〕',
  '︐': '，', '︑': '、', '︒': '。', '︓': '：', '︔': '；', '︕': '！', '︖': '？',
};
const SMALL_FORMS = /[\uFE50-\uFE5E\uFE10-\uFE16]/g;

/** A page number a document site left in the text, between dashes: "- 1 - XX县…", "…工作 — 2 — 汇报". */
const PAGE_NUMBER = /(^| )[-—–] ?\d{1,3} ?[-—–](?= |$)/gm;

/**
 * Question marks a page printed for characters it could not encode (a full-width space, most often) at a line's
 * start or after a space, before a character or a bracket: "???(一)第一检查督导组", "胡小波 ?杨 ?剑". A real
 * question mark follows the words it ends.
 */
const LOST_SPACE = /(^|[ \t])[?？\uFFFD]+(?=[\u4e00-\u9fa5(（])/gm;

/**
 * A label written in brackets instead of before a colon ("【牵头单位】区住建局", "〔责任领导〕张三", "[完成时限]6月底"):
 * the label every reader knows, "牵头单位：区住建局".
 */
const BRACKETED_LABEL = new RegExp(
  `[【〔［\\[]\\s*((?:主要|具体)?(?:${alternation(LEAD_WORDS, COOPERATING_WORDS, ['责任', '负责', '承办', '落实'])})?(?:${alternation(UNIT_NOUNS)}|领导|责任人)|${DEADLINE_LABEL})\\s*[】〕］\\]]\\s*(?=\\S)`,
  'g',
);

/**
 * Prepares a document's text and table cells: unified line endings, no BOM,
 * no pinyin annotations, simplified characters when the document as a whole
 * is traditional, labels in brackets written with a colon. Line numbers are preserved.
 */
export function normalizeDocument(raw: string, rawCells: readonly string[] = []): NormalizedDocument {
  let text = joinHardWraps(clean(raw));
  let cells = rawCells.map(clean);
  const converted = looksTraditional(`${text}\n${cells.join('\n')}`);
  if (converted) {
    text = toSimplified(text);
    cells = cells.map(toSimplified);
  }
  return { text: text.replace(BRACKETED_LABEL, '$1：'), cells, converted };
}

/** Full-width digits and letters to ASCII, for matching numbers such as "１．". */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes all white space: unit names broken across lines are joined back. */
export function unbreak(text: string): string {
  return text.replace(/\s+/g, '');
}
