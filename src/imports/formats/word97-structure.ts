/**
 * The structure of a Word 97–2003 binary document ([MS-DOC]) that a plan
 * reader needs and text extractors lose: which paragraphs are table cells,
 * where each table row ends, and where each cell sits across the page (so
 * a cell merged across columns lands in the right column). Read from the
 * OLE streams directly: the FIB, the piece table (the text, in order) and
 * the paragraph properties (sprmPFInTable, sprmPFTtp, sprmTDefTable).
 * word-extractor, used for the plain text, turns both the cell mark and,
 * whenever it misses a row's properties, the row mark into a tab, so an
 * empty cell and a row end look the same and a merged cell shifts the row.
 */
import * as XLSX from '@e965/xlsx';

/** One paragraph of the main text: its text, and whether it ends a table cell or a table row. */
export interface WordParagraph {
  text: string;
  /** 'text' outside tables, 'cell-paragraph' a paragraph inside a cell, 'cell' the end of a cell, 'row' the end of a row. */
  end: 'text' | 'cell-paragraph' | 'cell' | 'row';
  /** For a row end: the cells' edges across the page, in twips (n + 1 for n cells). */
  edges?: number[];
  /** For a row end: the cells (by index) that continue a cell merged down from the row above. */
  mergedAbove?: number[];
}

/** A stream of an OLE file, or undefined. */
function stream(container: unknown, name: string): Buffer | undefined {
  const entry = XLSX.CFB.find(container, name) as { content?: Uint8Array } | null;
  return entry?.content ? Buffer.from(entry.content) : undefined;
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  fcStart: number;
  /** Bytes per character: 1 for an 8-bit piece, 2 for UTF-16. */
  bpc: 1 | 2;
}

/** The piece table: where each run of the text is stored. */
function pieces(table: Buffer, fcClx: number, lcbClx: number): Piece[] {
  let at = fcClx;
  const end = fcClx + lcbClx;
  // Property runs before the piece table; a negative size (a damaged file) would loop for ever.
  while (at < end && table[at] === 0x01) {
    const size = table.readInt16LE(at + 1);
    if (size < 0) throw new Error('damaged piece table');
    at += 3 + size;
  }
  if (table[at] !== 0x02) throw new Error('no piece table');
  const lcb = table.readUInt32LE(at + 1);
  const plc = at + 5;
  const count = (lcb - 4) / 12;
  const result: Piece[] = [];
  for (let index = 0; index < count; index++) {
    const raw = table.readUInt32LE(plc + (count + 1) * 4 + index * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    result.push({
      cpStart: table.readUInt32LE(plc + index * 4),
      cpEnd: table.readUInt32LE(plc + (index + 1) * 4),
      fcStart: compressed ? (raw & 0x3fffffff) / 2 : raw,
      bpc: compressed ? 1 : 2,
    });
  }
  return result;
}

const WINDOWS_1252 = new TextDecoder('windows-1252');

/** The main text, cp by cp (the piece table's order). */
function mainText(word: Buffer, table: readonly Piece[], ccpText: number): string {
  const parts: string[] = [];
  for (const piece of table) {
    if (piece.cpStart >= ccpText) break;
    const length = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const bytes = word.subarray(piece.fcStart, piece.fcStart + length * piece.bpc);
    parts.push(piece.bpc === 2 ? bytes.toString('utf16le') : WINDOWS_1252.decode(bytes));
  }
  return parts.join('');
}

interface ParagraphProperties {
  inTable: boolean;
  rowEnd: boolean;
  depth: number;
  edges?: number[];
  /** The cells (by index) that continue a cell merged down from the row above (not the first of a merged run). */
  mergedAbove?: Set<number>;
}

/** A TC80 (a cell's properties in sprmTDefTable): 20 bytes, its flags first (fVertMerge 0x20, fVertRestart 0x40). */
const TC80_SIZE = 20;

/** Records whether a row's cell continues a cell merged down from the row above; the last property said wins. */
function continuesMerge(properties: ParagraphProperties, cell: number, continues: boolean): void {
  if (continues) (properties.mergedAbove ??= new Set()).add(cell);
  else properties.mergedAbove?.delete(cell);
}

/** Operand size of a sprm whose size is not variable, from its spra bits. */
const FIXED_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

/**
 * Reads the properties a grpprl sets that matter here. A paragraph whose
 * properties do not fit its page (a row of many cells) keeps them in the
 * Data stream, which sprmPHugePapx points to.
 */
function readSprms(bytes: Buffer, start: number, end: number, data?: Buffer, properties: ParagraphProperties = { inTable: false, rowEnd: false, depth: 0 }): ParagraphProperties {
  let at = start;
  while (at + 2 <= end) {
    const sprm = bytes.readUInt16LE(at);
    at += 2;
    let size = FIXED_SIZE[sprm >> 13]!;
    if (sprm === 0xd608 || sprm === 0xd606) {
      // sprmTDefTable: a two-byte size, one more than the bytes after it.
      if (at + 2 > end) break;
      const cb = bytes.readUInt16LE(at);
      if (sprm === 0xd608 && at + 3 <= end) {
        const columns = bytes[at + 2]!;
        if (at + 3 + (columns + 1) * 2 <= end) properties.edges = Array.from({ length: columns + 1 }, (_, index) => bytes.readInt16LE(at + 3 + index * 2));
        // The cells' TC80s follow the edges, as many as the operand holds: which continue a vertical merge.
        const operandEnd = Math.min(end, at + cb + 1);
        const tcs = at + 3 + (columns + 1) * 2;
        for (let cell = 0; cell < columns && tcs + (cell + 1) * TC80_SIZE <= operandEnd; cell++) {
          const flags = bytes.readUInt16LE(tcs + cell * TC80_SIZE);
          if (flags & 0x20) continuesMerge(properties, cell, (flags & 0x40) === 0);
        }
      }
      size = cb + 1;
    } else if (sprm === 0xc615 && bytes[at] === 255) {
      // sprmPChgTabs in its long form: tabs deleted (with tolerances), then added.
      const deleted = bytes[at + 1] ?? 0;
      const added = bytes[at + 2 + deleted * 4] ?? 0;
      size = 1 + 1 + deleted * 4 + 1 + added * 3;
    } else if (size === 0) {
      if (at >= end) break;
      size = 1 + bytes[at]!;
    }
    if (sprm === 0x2416) properties.inTable = bytes[at] === 1;
    else if (sprm === 0x2417) properties.rowEnd = bytes[at] === 1;
    else if (sprm === 0x6649 && at + 4 <= end) properties.depth = bytes.readInt32LE(at);
    else if (sprm === 0xd62b && at + 3 <= end) {
      // sprmTVertMerge: cb, the cell, then 1 (merged with the cell above), 3 (the first of a merged run) or 0 (none).
      continuesMerge(properties, bytes[at + 1]!, bytes[at + 2] === 1);
    }
    else if (sprm === 0x6646 && data && at + 4 <= end) {
      const offset = bytes.readUInt32LE(at);
      if (offset + 2 <= data.length) readSprms(data, offset + 2, Math.min(offset + 2 + data.readUInt16LE(offset), data.length), undefined, properties);
    }
    at += size;
  }
  return properties;
}

/** The properties of each paragraph, by the cp of its mark. */
function paragraphProperties(word: Buffer, table: Buffer, data: Buffer | undefined, fcPlc: number, lcbPlc: number, text: readonly Piece[]): Map<number, ParagraphProperties> {
  const byCp = new Map<number, ParagraphProperties>();
  const bySortedFc = [...text].sort((a, b) => a.fcStart - b.fcStart);
  const cpOfMark = (fcAfter: number): number | undefined => {
    // The piece holding the byte just before fcAfter (binary search on fc).
    let low = 0;
    let high = bySortedFc.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const piece = bySortedFc[middle]!;
      const fcEnd = piece.fcStart + (piece.cpEnd - piece.cpStart) * piece.bpc;
      if (fcAfter <= piece.fcStart) high = middle - 1;
      else if (fcAfter > fcEnd) low = middle + 1;
      else return piece.cpStart + (fcAfter - piece.fcStart) / piece.bpc - 1;
    }
    return undefined;
  };
  const count = (lcbPlc - 4) / 8;
  for (let index = 0; index < count; index++) {
    const page = (table.readUInt32LE(fcPlc + (count + 1) * 4 + index * 4) & 0x3fffff) * 512;
    if (page + 512 > word.length) continue;
    const runs = word[page + 511]!;
    for (let run = 0; run < runs; run++) {
      const fcNext = word.readUInt32LE(page + (run + 1) * 4);
      const offset = word[page + (runs + 1) * 4 + run * 13]! * 2;
      let properties: ParagraphProperties = { inTable: false, rowEnd: false, depth: 0 };
      if (offset !== 0) {
        const cb = word[page + offset]!;
        const [start, length] = cb !== 0 ? [page + offset + 1, 2 * cb - 1] : [page + offset + 2, 2 * word[page + offset + 1]!];
        // The first two bytes are the style; the sprms follow.
        properties = readSprms(word, start + 2, Math.min(start + length, page + 511), data);
      }
      const cp = cpOfMark(fcNext);
      if (cp !== undefined) byCp.set(cp, properties);
    }
  }
  return byCp;
}

/** Drops field codes ({ PAGE }, hyperlink targets) and keeps what fields show. */
function withoutFieldCodes(text: string): string {
  let result = '';
  const inCode: boolean[] = [];
  for (const char of text) {
    if (char === '\x13') inCode.push(true);
    else if (char === '\x14') inCode[inCode.length - 1] = false;
    else if (char === '\x15') inCode.pop();
    else if (!inCode.includes(true)) result += char;
  }
  return result;
}

/** Characters that are marks or objects, not text. */
const tidyChars = (text: string) =>
  text
    .replace(/\x0b/g, '\n')
    .replace(/\x1e/g, '-')
    .replace(/[\x00-\x06\x08\x0c\x0e-\x1f]/g, '');

/**
 * The paragraphs of a .doc file's main text, each marked as text, a
 * paragraph in a cell, a cell's end or a row's end. Throws when the file
 * is not a Word 97–2003 document this can read.
 */
export function wordParagraphs(bytes: Buffer): WordParagraph[] {
  const container = XLSX.CFB.read(bytes, { type: 'buffer' });
  const word = stream(container, 'WordDocument');
  if (!word || word.length < 0x1aa || word.readUInt16LE(0) !== 0xa5ec) throw new Error('no Word 97 document stream');
  const table = stream(container, word.readUInt16LE(0x0a) & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new Error('no table stream');
  const ccpText = word.readUInt32LE(0x4c);
  const text = pieces(table, word.readUInt32LE(0x1a2), word.readUInt32LE(0x1a6));
  const content = mainText(word, text, ccpText);
  const properties = paragraphProperties(word, table, stream(container, 'Data'), word.readUInt32LE(0x102), word.readUInt32LE(0x106), text);
  const paragraphs: WordParagraph[] = [];
  let start = 0;
  for (let cp = 0; cp < content.length; cp++) {
    const char = content[cp];
    if (char !== '\r' && char !== '\x07' && char !== '\x0c') continue;
    const own = properties.get(cp);
    const body = tidyChars(withoutFieldCodes(content.slice(start, cp)));
    start = cp + 1;
    const nested = (own?.depth ?? 1) > 1;
    if (char === '\x07' && own?.rowEnd && !nested) {
      const mergedAbove = [...(own.mergedAbove ?? [])];
      paragraphs.push({ text: body, end: 'row', ...(own.edges ? { edges: own.edges } : {}), ...(mergedAbove.length > 0 ? { mergedAbove } : {}) });
    }
    else if (char === '\x07' && !nested) paragraphs.push({ text: body, end: 'cell' });
    else if (own?.inTable) paragraphs.push({ text: body, end: 'cell-paragraph' });
    else paragraphs.push({ text: body, end: 'text' });
  }
  if (start < content.length) paragraphs.push({ text: tidyChars(withoutFieldCodes(content.slice(start))), end: 'text' });
  return paragraphs;
}
