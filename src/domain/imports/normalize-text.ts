/**
 * Text clean-up applied to every imported document before it is parsed:
 * traditional characters to simplified (the original is kept by the caller),
 * pinyin annotations left by web pages removed, line endings unified.
 */
import * as OpenCC from 'opencc-js';

const toSimplifiedConverter = OpenCC.Converter({ from: 'hk', to: 'cn' });

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
  /** True when traditional characters were converted. */
  converted: boolean;
}

/**
 * Prepares a document's text: unified line endings, no BOM, no pinyin
 * annotations, simplified characters. Line numbers are preserved.
 */
export function normalizeDocument(raw: string): NormalizedDocument {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u00a0|\u3000/g, ' ');
  text = text.replace(PINYIN_ANNOTATION, '');
  const converted = looksTraditional(text);
  if (converted) text = toSimplified(text);
  return { text, converted };
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
