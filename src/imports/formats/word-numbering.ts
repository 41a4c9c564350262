/**
 * Word's automatic numbering, written into the text. A plan typed in Word or
 * WPS often numbers its items with the list feature instead of typed
 * characters: 一、（一）1.（1）① come from numbering.xml (a level's format
 * such as chineseCounting and its text such as "（%1）"), and a table's 序号
 * column is an automatic list whose cells hold no text at all. A reader of
 * the paragraphs' words alone sees every item unnumbered, or every level as
 * "1.". Here each numbered paragraph gets the label Word shows, counted as
 * Word counts (per list definition, deeper levels restarting after a higher
 * one, a list instance's start override), and its list reference is removed,
 * so the document reads as if the numbers had been typed.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** The part of the DOM used here (the project does not load the browser's DOM types). */
interface XmlNode {
  nodeType: number;
  nodeName: string;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
  parentNode: XmlNode | null;
}

interface XmlElement extends XmlNode {
  localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  insertBefore(child: XmlNode, before: XmlNode | null): void;
  appendChild(child: XmlNode): void;
  removeChild(child: XmlNode): void;
  ownerDocument: { createElementNS(namespace: string, name: string): XmlElement; createTextNode(text: string): XmlNode };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(node: XmlNode, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (!name || child.nodeName === name)) found.push(child as XmlElement);
  }
  return found;
}

const child = (node: XmlNode | undefined, name: string) => (node ? children(node, name)[0] : undefined);
const value = (node: XmlNode | undefined, name: string) => child(node, name)?.getAttribute('w:val') ?? undefined;

/** One level of a list definition. */
interface Level {
  start: number;
  format: string;
  text: string;
  /** The 1-based level after which this one starts again; 0 never; undefined after any higher level. */
  restart: number | undefined;
  legal: boolean;
  suffix: string;
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
}

/** The list definitions a document declares. */
interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
  /** A paragraph style's own list reference (Heading 1 numbered 一、). */
  styles: Map<string, { numId?: string; level?: number; basedOn?: string }>;
}

function readLevel(element: XmlElement): Level {
  const restart = value(element, 'w:lvlRestart');
  return {
    start: Number(value(element, 'w:start') ?? 1),
    format: value(element, 'w:numFmt') ?? 'decimal',
    text: value(element, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: child(element, 'w:isLgl') !== undefined && value(element, 'w:isLgl') !== '0',
    suffix: value(element, 'w:suff') ?? 'tab',
  };
}

function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  const parser = new DOMParser({ errorHandler: () => undefined });
  if (stylesXml) {
    const root = parser.parseFromString(stylesXml, 'text/xml').documentElement as unknown as XmlElement | null;
    for (const style of root ? children(root, 'w:style') : []) {
      const numPr = child(child(style, 'w:pPr'), 'w:numPr');
      const level = value(numPr, 'w:ilvl');
      numbering.styles.set(style.getAttribute('w:styleId') ?? '', { numId: value(numPr, 'w:numId'), level: level === undefined ? undefined : Number(level), basedOn: value(style, 'w:basedOn') });
    }
  }
  if (!numberingXml) return numbering;
  const root = parser.parseFromString(numberingXml, 'text/xml').documentElement as unknown as XmlElement | null;
  if (!root) return numbering;
  const links = new Map<string, string>();
  for (const abstract of children(root, 'w:abstractNum')) {
    const id = abstract.getAttribute('w:abstractNumId') ?? '';
    numbering.abstracts.set(id, new Map(children(abstract, 'w:lvl').map((level) => [Number(level.getAttribute('w:ilvl') ?? 0), readLevel(level)])));
    const link = value(abstract, 'w:numStyleLink');
    if (link) links.set(id, link);
  }
  for (const num of children(root, 'w:num')) {
    const starts = new Map<number, number>();
    for (const override of children(num, 'w:lvlOverride')) {
      const start = value(override, 'w:startOverride');
      if (start !== undefined) starts.set(Number(override.getAttribute('w:ilvl') ?? 0), Number(start));
    }
    numbering.nums.set(num.getAttribute('w:numId') ?? '', { abstractId: value(num, 'w:abstractNumId') ?? '', starts });
  }
  // A definition that only links to a numbering style takes that style's list.
  for (const num of numbering.nums.values()) {
    const link = links.get(num.abstractId);
    const styleNum = link ? numbering.nums.get(numbering.styles.get(link)?.numId ?? '') : undefined;
    if (styleNum) num.abstractId = styleNum.abstractId;
  }
  return numbering;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, as Word's chineseCounting writes them. */
function chineseCounting(n: number, digits = CHINESE_DIGITS, ten = '十', hundred = '百'): string {
  if (n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = hundreds ? `${digits[hundreds]}${hundred}` : '';
  if (tens) text += `${tens === 1 && !hundreds && digits === CHINESE_DIGITS ? '' : digits[tens]}${ten}`;
  else if (hundreds && ones) text += '零';
  if (ones) text += digits[ones];
  return text;
}

function letters(n: number, base: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(base + ((rest - 1) % 26)) + text;
  return text;
}

function roman(n: number): string {
  const numerals: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let text = '';
  let rest = n;
  for (const [size, numeral] of numerals) for (; rest >= size; rest -= size) text += numeral;
  return text;
}

/** A counter written in a level's number format (those a plan uses; anything else as a decimal). */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((digit) => CHINESE_DIGITS[Number(digit)]).join('');
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, '拾', '佰');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 65);
    case 'lowerLetter':
      return letters(n, 97);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Counts the paragraphs of the lists as Word does and gives each its label. */
class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly begun = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The label Word shows before a paragraph of list numId at level, or undefined when it shows none. */
  next(numId: string, level: number): string | undefined {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstractId);
    const definition = levels?.get(level);
    if (!num || !levels || !definition) return undefined;
    const counters = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, counters);
    if (!this.begun.has(numId)) {
      this.begun.add(numId);
      for (const overridden of num.starts.keys()) counters[overridden] = undefined;
    }
    const startOf = (at: number) => num.starts.get(at) ?? levels.get(at)?.start ?? 1;
    counters[level] = counters[level] === undefined ? startOf(level) : counters[level]! + 1;
    for (let deeper = level + 1; deeper < Math.max(counters.length, 9); deeper++) {
      const restart = levels.get(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && level < restart)) counters[deeper] = undefined;
    }
    if (definition.format === 'bullet') return undefined;
    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const format = definition.legal ? 'decimal' : (levels.get(at)?.format ?? 'decimal');
      return format === 'none' ? '' : formatCounter(counters[at] ?? startOf(at), format);
    });
    if (!label) return undefined;
    // Word's tab or space after the number: kept where the label ends in a letter or digit (第一章, 1), not after 、 . ） which part it already.
    return definition.suffix !== 'nothing' && /[\p{L}\p{Nd}]$/u.test(label) ? `${label} ` : label;
  }
}

/** The list a paragraph belongs to: its own numPr, else its style's (followed up the styles it is based on). */
function listOf(paragraph: XmlElement, numbering: Numbering): { numId: string; level: number } | undefined {
  const properties = child(paragraph, 'w:pPr');
  const numPr = child(properties, 'w:numPr');
  let numId = value(numPr, 'w:numId');
  const ownLevel = value(numPr, 'w:ilvl');
  let level = ownLevel === undefined ? undefined : Number(ownLevel);
  let styleId = value(properties, 'w:pStyle');
  for (let depth = 0; styleId && depth < 10 && (numId === undefined || level === undefined); depth++) {
    const style = numbering.styles.get(styleId);
    if (!style) break;
    numId ??= style.numId;
    if (level === undefined && style.level !== undefined) level = style.level;
    styleId = style.basedOn;
  }
  if (numId === undefined || numId === '0') return undefined;
  return { numId, level: level ?? 0 };
}

/** Every w:p in document order, those inside table cells and content controls included. */
function paragraphsOf(node: XmlNode, found: XmlElement[] = []): XmlElement[] {
  for (const element of children(node)) {
    if (element.nodeName === 'w:p') found.push(element);
    else if (element.nodeName !== 'w:pPr' && element.nodeName !== 'w:rPr') paragraphsOf(element, found);
  }
  return found;
}

/** Writes a paragraph's label as its first run and detaches it from its list (numId 0), so readers see typed text. */
function typeLabel(paragraph: XmlElement, label: string | undefined): void {
  const document = paragraph.ownerDocument;
  let properties = child(paragraph, 'w:pPr');
  if (!properties) {
    properties = document.createElementNS(W, 'w:pPr');
    paragraph.insertBefore(properties, paragraph.firstChild);
  }
  const old = child(properties, 'w:numPr');
  if (old) properties.removeChild(old);
  const numPr = document.createElementNS(W, 'w:numPr');
  for (const [name, val] of [['w:ilvl', '0'], ['w:numId', '0']] as const) {
    const element = document.createElementNS(W, name);
    element.setAttribute('w:val', val);
    numPr.appendChild(element);
  }
  properties.insertBefore(numPr, properties.firstChild);
  if (!label) return;
  const run = document.createElementNS(W, 'w:r');
  const text = document.createElementNS(W, 'w:t');
  text.setAttribute('xml:space', 'preserve');
  text.appendChild(document.createTextNode(label));
  run.appendChild(text);
  paragraph.insertBefore(run, properties.nextSibling);
}

/**
 * word/document.xml with every automatically numbered paragraph's label
 * typed in (from word/numbering.xml and word/styles.xml), or the same text
 * when the document numbers nothing automatically.
 */
export function typeWordNumbering(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string {
  if (!documentXml.includes('numPr') && !stylesXml?.includes('numPr')) return documentXml;
  const numbering = readNumbering(numberingXml, stylesXml);
  if (numbering.nums.size === 0) return documentXml;
  const document = new DOMParser({ errorHandler: () => undefined }).parseFromString(documentXml, 'text/xml');
  const root = document.documentElement as unknown as XmlElement | null;
  const body = root && child(root, 'w:body');
  if (!body) return documentXml;
  const counter = new ListCounter(numbering);
  let changed = false;
  for (const paragraph of paragraphsOf(body)) {
    const list = listOf(paragraph, numbering);
    if (!list) continue;
    typeLabel(paragraph, counter.next(list.numId, list.level));
    changed = true;
  }
  return changed ? new XMLSerializer().serializeToString(document as never) : documentXml;
}
