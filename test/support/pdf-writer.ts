/**
 * Writes small PDFs for tests and benchmarks, without LibreOffice: pages of
 * text (Chinese included, through a Type0 font whose codes are the
 * characters' code points and a ToUnicode map, as PDF printers write
 * them), ruled lines and images. `tablePdf` lays out a plan as an office
 * prints it: a running header and a page number on every page, a ruled
 * table whose header row repeats on each page and that runs on over the
 * page breaks.
 */

/** What one page holds, in points from the bottom left (PDF's own space). */
export interface PdfPage {
  texts?: { x: number; y: number; size: number; text: string }[];
  lines?: { x1: number; y1: number; x2: number; y2: number }[];
  /** Draws a grey image over the page, as a scanner's PDF holds. */
  image?: boolean;
}

const WIDTH = 595;
const HEIGHT = 842;

/** A character's width in thousandths of the font size: Chinese full, the rest half. */
const advance = (char: string) => (char.charCodeAt(0) > 0x2e80 ? 1000 : 500);

/** The width of a text at a size, in points. */
export const textWidth = (text: string, size: number) => [...text].reduce((sum, char) => sum + (advance(char) * size) / 1000, 0);

function toUnicodeCMap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const hex = high.toString(16).padStart(2, '0').toUpperCase();
    return `<${hex}00> <${hex}FF> <${hex}00>`;
  });
  const chunks: string[] = [];
  for (let at = 0; at < ranges.length; at += 100) chunks.push(`${Math.min(100, ranges.length - at)} beginbfrange\n${ranges.slice(at, at + 100).join('\n')}\nendbfrange`);
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${chunks.join('\n')}
endcmap CMapName currentdict /CMap defineresource pop end end`;
}

/** A PDF of the pages given. */
export function pdfOf(pages: readonly PdfPage[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode, 6 image, 7 font descriptor; pages from 8.
  const cmap = toUnicodeCMap();
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, index) => `${8 + index * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 [500] 33 126 500] /CIDToGIDMap /Identity /FontDescriptor 7 0 R >>');
  add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const pixels = 'AA'.repeat(64);
  add(`<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`);
  add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  for (const [index, page] of pages.entries()) {
    const content: string[] = [];
    if (page.image) content.push(`q ${WIDTH - 80} 0 0 ${HEIGHT - 80} 40 40 cm /Im1 Do Q`);
    for (const line of page.lines ?? []) content.push(`0.5 w ${line.x1} ${line.y1} m ${line.x2} ${line.y2} l S`);
    for (const text of page.texts ?? []) {
      const hex = [...text.text].map((char) => char.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
      content.push(`BT /F1 ${text.size} Tf ${text.x} ${text.y} Td <${hex}> Tj ET`);
    }
    const stream = content.join('\n');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${WIDTH} ${HEIGHT}] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> /Contents ${9 + index * 2} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A plan to print: title lines, the table's header and rows, and what each page repeats. */
export interface PrintedPlan {
  title: string[];
  header: string[];
  rows: string[][];
  /** Column widths in points. */
  widths: number[];
  rowsPerPage: number;
  /** The running header at the top of every page. */
  runningHeader?: string;
}

/** A plan printed as an office prints it (see the file's comment). */
export function tablePdf(plan: PrintedPlan): Buffer {
  const left = 60;
  const size = 10;
  const rowHeight = 24;
  const pages: PdfPage[] = [];
  const pageCount = Math.max(1, Math.ceil(plan.rows.length / plan.rowsPerPage));
  for (let number = 1; number <= pageCount; number++) {
    const page: Required<Omit<PdfPage, 'image'>> = { texts: [], lines: [] };
    if (plan.runningHeader) page.texts.push({ x: left, y: HEIGHT - 40, size: 9, text: plan.runningHeader });
    const footer = `— ${number} —`;
    page.texts.push({ x: (WIDTH - textWidth(footer, 9)) / 2, y: 30, size: 9, text: footer });
    let top = HEIGHT - 80;
    if (number === 1) {
      for (const line of plan.title) {
        page.texts.push({ x: (WIDTH - textWidth(line, 14)) / 2, y: top - 14, size: 14, text: line });
        top -= 26;
      }
    }
    const rows = [plan.header, ...plan.rows.slice((number - 1) * plan.rowsPerPage, number * plan.rowsPerPage)];
    const right = left + plan.widths.reduce((sum, width) => sum + width, 0);
    page.lines.push({ x1: left, y1: top, x2: right, y2: top });
    rows.forEach((cells, index) => {
      const y = top - (index + 1) * rowHeight;
      page.lines.push({ x1: left, y1: y, x2: right, y2: y });
      let x = left;
      cells.forEach((cell, column) => {
        if (cell) page.texts.push({ x: x + 3, y: y + 8, size, text: cell });
        x += plan.widths[column]!;
      });
    });
    const bottom = top - rows.length * rowHeight;
    let x = left;
    for (const width of [0, ...plan.widths]) {
      x += width;
      page.lines.push({ x1: x, y1: top, x2: x, y2: bottom });
    }
    pages.push(page);
  }
  return pdfOf(pages);
}
