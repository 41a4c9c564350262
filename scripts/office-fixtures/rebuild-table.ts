/**
 * Rebuilds the tables of a corpus document (test/fixtures/real/<slug>.txt)
 * as the grid an office document holds: header, rows, cells of one or more
 * paragraphs, vertical merges and whole-width section rows. The cells are
 * the text's own pieces, verbatim: a table spec (table-specs.ts) only says
 * where the table is, how its cells are written in the text and how many
 * pieces each cell takes; it never supplies text. rebuildDocument checks
 * that the rebuilt document holds exactly the text's characters in order.
 */

/** How the web page flattened the table into text. */
export type Layout =
  /** One cell per line, cells parted by a blank line; two blank lines in a row hold an empty cell. */
  | 'blank-lines'
  /** One cell per line, no blank lines. */
  | 'lines'
  /** Cells parted by `|` (on a line of its own or at a line's end); empty pieces between two bars are row ends. */
  | 'pipes'
  /** One row per line, cells parted by `|`; lines of bars alone part the rows; empty pieces at a line's end are padding. */
  | 'pipe-rows'
  /** One row per line (or per piece of the spec's rowsOf), cells parted by spaces: the spec's split says where. */
  | 'spaced-rows';

/**
 * A row's shape: one entry per column, space-separated. A number n takes
 * the next n pieces of the text as the cell's paragraphs; `M` is the cell
 * above it merged down (a vertical merge); `m` the same where the page
 * wrote the covered cell as an empty piece; `S` is the cell to its left
 * spanning this column too (a horizontal merge); `E` is an empty cell the
 * text does not write.
 */
export type Shape = string;

/** Where one table sits in the text and how its cells are written. */
export interface TableSpec {
  layout: Layout;
  /** Verbatim text the table starts with (its first header cell); it may start mid-line. */
  start: string;
  /** Verbatim text right after the table; the table runs to the document's end when absent. */
  until?: string;
  columns: number;
  /** The header row's shape, and how many columns each header cell spans (default: one piece, one column each). */
  header?: { shape?: Shape; spans?: number[] };
  /** The 序号 column: a row starts at the piece that holds the next number there. */
  number?: number;
  /** Numbers go up by one (default), or only increase (a table that lists some of a plan's items). */
  numbering?: 'consecutive' | 'increasing';
  /** A category column before 序号: these pieces start a row and are merged down over the rows after them. */
  category?: { column: number; pieces: string[] };
  /** Pieces that are a whole-width row (一、… headings inside the table). */
  sections?: RegExp;
  /** The column whose cell takes any pieces a row has beyond one per column (a cell of several paragraphs). */
  absorb?: number;
  /** Shapes of rows that are not one piece per column, by their number; several shapes are the numbered row and its continuation rows. */
  shapes?: Record<string, Shape | Shape[]>;
  /** For a table whose rows carry no number: every row's shape, in order. */
  sequence?: Shape[];
  /** pipes: an empty piece is an empty cell (the last one of a row is still its end). */
  emptyCells?: boolean;
  /** pipe-rows: every line opens with a bar (`| 序号 | …`), which parts no cell. */
  leadingBar?: boolean;
  /** A whole-width first row above the header (the table's own title), as the page writes it. */
  titleRow?: string;
  /** The table has no header row (the excerpt starts inside it). */
  noHeader?: boolean;
  /** spaced-rows: a row line's cells, each a verbatim piece of the line; null is a cell merged down from above. */
  split?: (line: string) => (string | null)[];
  /** spaced-rows: the region's rows, when the page ran them onto one line. */
  rowsOf?: (region: string) => string[];
  /** spaced-rows: the header line's cells. */
  splitHeader?: (line: string) => string[];
}

/**
 * A cell: its paragraphs; `merged` when the cell above spans down over it,
 * `covered` when the cell to its left spans over it (then `span` > 1 there).
 * A row holds one entry per column.
 */
export interface Cell {
  paragraphs: string[];
  merged?: boolean;
  covered?: boolean;
  span?: number;
}

/** One row: header, body or a whole-width section row (one cell spanning every column), one entry per column. */
export interface Row {
  kind: 'header' | 'body' | 'section';
  cells: Cell[];
}

/** A rebuilt table. */
export interface Table {
  columns: number;
  rows: Row[];
}

/** A document as an office holds it: paragraphs and tables in order. */
export type Block = { paragraph: string } | { table: Table };

const NUMBER = /^\d+\*?$/;

/** Lines of text outside tables, as paragraphs. */
function paragraphsOf(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((paragraph) => ({ paragraph }));
}

/** The pieces (cell texts) of a table region, in order; pipes keep empty pieces (the caller decides what they are). */
function piecesOf(region: string, layout: 'blank-lines' | 'lines' | 'pipes'): string[] {
  const lines = region.split('\n');
  if (layout === 'lines') return lines.map((line) => line.trim()).filter(Boolean);
  if (layout === 'pipes') {
    const pieces = region.split('|').map((piece) => piece.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'));
    while (pieces[0] === '') pieces.shift();
    while (pieces.at(-1) === '') pieces.pop();
    return pieces;
  }
  // blank-lines: a run of b blank lines between two cells holds b - 1 empty cells; adjacent lines are one cell.
  const pieces: string[] = [];
  let blanks = -1;
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) {
      if (blanks >= 0) blanks++;
      continue;
    }
    if (blanks === 0) pieces[pieces.length - 1] += `\n${trimmed}`;
    else {
      for (let i = 1; i < blanks; i++) pieces.push('');
      pieces.push(trimmed);
    }
    blanks = 0;
  }
  return pieces;
}

/** The columns of a shape; a shape of the wrong width is a mistake in the spec. */
function parseShape(shape: Shape, columns: number, where: string): string[] {
  const parts = shape.trim().split(/\s+/);
  if (parts.length !== columns || parts.some((part) => !/^(\d+|M|m|S|E)$/.test(part))) throw new Error(`${where}: shape “${shape}” is not ${columns} columns of n/M/m/S/E`);
  return parts;
}

/**
 * Fills rows from pieces by shapes; pieces running out (a truncated excerpt)
 * leave the rest empty. With withSections, a piece the spec's sections match
 * is a whole-width row of its own, taking no shape (a sequence table with
 * 一、… rows inside).
 */
function applyShapes(pieces: string[], shapes: Shape[], spec: TableSpec, where: string, truncatedOk: boolean, withSections = false): Row[] {
  const rows: Row[] = [];
  let next = 0;
  for (const shape of shapes) {
    while (withSections && next < pieces.length && spec.sections?.test(pieces[next]!)) rows.push(sectionRow(pieces[next++]!, spec.columns));
    if (next >= pieces.length && truncatedOk) break;
    const cells = parseShape(shape, spec.columns, where).map((part): Cell => {
      if (part === 'M') return { paragraphs: [], merged: true };
      if (part === 'E') return { paragraphs: [] };
      if (part === 'S') return { paragraphs: [], covered: true };
      if (part === 'm') {
        if (pieces[next] !== '' && !(truncatedOk && next >= pieces.length)) throw new Error(`${where}: shape “${shape}” wants an empty piece for a merged cell, found “${pieces[next]}”`);
        next++;
        return { paragraphs: [], merged: true };
      }
      const taken = pieces.slice(next, next + Number(part));
      next += Number(part);
      if (taken.length < Number(part) && !truncatedOk) throw new Error(`${where}: shape “${shape}” wants more pieces than the row has`);
      return { paragraphs: taken.flatMap((piece) => piece.split('\n')).filter(Boolean) };
    });
    cells.forEach((cell, column) => {
      if (!cell.covered) return;
      let left = column - 1;
      while (left >= 0 && cells[left]!.covered) left--;
      if (left < 0) throw new Error(`${where}: shape “${shape}” spans from no cell`);
      cells[left]!.span = (cells[left]!.span ?? 1) + 1;
    });
    rows.push({ kind: 'body', cells });
  }
  if (next < pieces.length) throw new Error(`${where}: ${pieces.length - next} pieces left over: ${JSON.stringify(pieces.slice(next))}`);
  return rows;
}

/** The default shape of a numbered row group: one piece a column, extra pieces into the absorbing column. */
function defaultShape(group: string[], spec: TableSpec, startsWithCategory: boolean, isLast: boolean, where: string): Shape {
  const parts = Array.from({ length: spec.columns }, () => '1');
  if (spec.category) parts[spec.category.column] = startsWithCategory ? '1' : 'M';
  const wanted = parts.filter((part) => part === '1').length;
  if (group.length > wanted) {
    if (spec.absorb === undefined) throw new Error(`${where}: ${group.length} pieces for ${wanted} cells: ${JSON.stringify(group)}`);
    parts[spec.absorb] = String(1 + group.length - wanted);
  } else if (group.length < wanted && !isLast) {
    throw new Error(`${where}: ${group.length} pieces for ${wanted} cells: ${JSON.stringify(group)}`);
  }
  return parts.join(' ');
}

/** The header row: pieces by the header shape, with column spans. */
function headerRow(pieces: string[], spec: TableSpec, where: string): { row: Row; used: number } {
  const spans = spec.header?.spans ?? Array.from({ length: spec.columns }, () => 1);
  if (spans.reduce((a, b) => a + b, 0) !== spec.columns) throw new Error(`${where}: header spans do not add up to ${spec.columns}`);
  const counts = spec.header?.shape ? spec.header.shape.split(/\s+/).map(Number) : spans.map(() => 1);
  let used = 0;
  const cells = counts.flatMap((count, index): Cell[] => {
    const taken = pieces.slice(used, used + count);
    used += count;
    const span = spans[index]!;
    return [{ paragraphs: taken.flatMap((piece) => piece.split('\n')), ...(span > 1 ? { span } : {}) }, ...Array.from({ length: span - 1 }, () => ({ paragraphs: [], covered: true }))];
  });
  // Bars that end the header row.
  while (pieces[used] === '') used++;
  return { row: { kind: 'header', cells }, used };
}

/** A whole-width row of one text. */
function sectionRow(text: string, columns: number): Row {
  return { kind: 'section', cells: [{ paragraphs: [text], span: columns }, ...Array.from({ length: columns - 1 }, () => ({ paragraphs: [], covered: true }))] };
}

/** Rebuilds one table from its region of the text. */
function rebuildTable(region: string, spec: TableSpec, where: string): Table {
  const rows: Row[] = [];
  if (spec.layout === 'spaced-rows') {
    const lines = (spec.rowsOf ? spec.rowsOf(region) : region.split('\n')).map((line) => line.trim()).filter(Boolean);
    const [headerLine, ...bodyLines] = lines;
    rows.push({ kind: 'header', cells: spec.splitHeader!(headerLine!).map((text) => ({ paragraphs: [text] })) });
    for (const line of bodyLines) {
      if (spec.sections?.test(line)) rows.push(sectionRow(line, spec.columns));
      else {
        const cells = spec.split!(line);
        if (cells.length !== spec.columns) throw new Error(`${where}: row “${line.slice(0, 30)}” splits into ${cells.length} cells`);
        // A cell the page ran over several lines keeps them as its paragraphs.
        rows.push({ kind: 'body', cells: cells.map((text) => (text === null ? { paragraphs: [], merged: true } : { paragraphs: text.split('\n').map((part) => part.trim()).filter(Boolean) })) });
      }
    }
    checkMerges(rows, where);
    return { columns: spec.columns, rows };
  }
  if (spec.layout === 'pipe-rows') {
    const lines = region.split('\n').filter((line) => line.replace(/[\s|]/g, '') !== '');
    const piecesOfLine = (line: string) => {
      const pieces = line.split('|').map((piece) => piece.trim());
      if (spec.leadingBar && pieces[0] === '') pieces.shift();
      while (pieces.at(-1) === '') pieces.pop();
      return pieces;
    };
    const body = spec.noHeader ? lines : lines.slice(1);
    if (!spec.noHeader) rows.push(headerRow(piecesOfLine(lines[0]!), spec, where).row);
    body.forEach((line, index) => {
      const pieces = piecesOfLine(line);
      const label = `${where} line “${line.slice(0, 20)}”`;
      const isLast = index === body.length - 1;
      const shape = spec.sequence?.[index] ?? spec.shapes?.[pieces[0]!] ?? defaultShape(pieces, spec, true, isLast, label);
      rows.push(...applyShapes(pieces, [shape].flat(), spec, label, isLast));
    });
    checkMerges(rows, where);
    return { columns: spec.columns, rows };
  }
  let pieces = piecesOf(region, spec.layout);
  if (spec.layout === 'pipes' && spec.titleRow !== undefined) {
    if (pieces[0] !== spec.titleRow) throw new Error(`${where}: the table does not start with its title row “${spec.titleRow}”`);
    rows.push(sectionRow(pieces[0], spec.columns));
    pieces = pieces.slice(1);
    while (pieces[0] === '') pieces.shift();
  }
  const header = spec.noHeader ? { row: undefined, used: 0 } : headerRow(pieces, spec, where);
  if (header.row) rows.push(header.row);
  let body = pieces.slice(header.used);
  if (spec.layout === 'pipes' && !spec.emptyCells) body = body.filter((piece) => piece !== '');
  if (spec.sequence) {
    rows.push(...applyShapes(body, spec.sequence, spec, where, true, true));
    checkMerges(rows, where);
    return { columns: spec.columns, rows };
  }
  // Row groups: a section piece, or a category piece / the next number and the pieces up to the next group.
  type Group = { section?: string; pieces: string[]; number?: string; category: boolean };
  const groups: Group[] = [];
  let last: number | undefined;
  for (const piece of body) {
    const current = groups.at(-1);
    if (spec.sections?.test(piece)) {
      groups.push({ section: piece, pieces: [], category: false });
      continue;
    }
    if (spec.category?.pieces.includes(piece)) {
      groups.push({ pieces: [piece], category: true });
      continue;
    }
    const value = NUMBER.test(piece) ? Number.parseInt(piece, 10) : undefined;
    const startsRow = value !== undefined && (last === undefined || (spec.numbering === 'increasing' ? value > last : value === last + 1));
    if (startsRow) {
      last = value;
      if (current?.category && current.number === undefined) {
        current.number = piece;
        current.pieces.push(piece);
      } else groups.push({ pieces: [piece], number: piece, category: false });
      continue;
    }
    if (!current || current.section !== undefined) throw new Error(`${where}: piece “${piece.slice(0, 20)}” before any row`);
    current.pieces.push(piece);
  }
  groups.forEach((group, index) => {
    if (group.section !== undefined) {
      rows.push(sectionRow(group.section, spec.columns));
      return;
    }
    // With empty cells kept, the bars that close a row leave one empty piece.
    if (spec.emptyCells && group.pieces.at(-1) === '') group.pieces.pop();
    const label = `${where} row ${group.number}`;
    const isLast = index === groups.length - 1;
    const given = group.number !== undefined ? spec.shapes?.[group.number] : undefined;
    const shapes = given === undefined ? [defaultShape(group.pieces, spec, group.category, isLast, label)] : [given].flat();
    rows.push(...applyShapes(group.pieces, shapes, spec, label, isLast));
  });
  checkMerges(rows, where);
  return { columns: spec.columns, rows };
}

/** A merged cell needs a cell above it in its column (not a section row). */
function checkMerges(rows: Row[], where: string) {
  rows.forEach((row, index) => {
    row.cells.forEach((cell, column) => {
      if (!cell.merged) return;
      const above = rows[index - 1];
      if (!above || above.kind !== 'body') throw new Error(`${where}: a merged cell in column ${column + 1} with no body row above`);
    });
  });
}

/** Text as compared by the verbatim check: no white space, no table bars. */
const bare = (text: string) => text.replace(/[\s|]/g, '');

/** Rebuilds a whole document: paragraphs around its tables. Throws when a spec does not fit the text. */
export function rebuildDocument(text: string, tables: readonly TableSpec[], slug: string): Block[] {
  const blocks: Block[] = [];
  let position = 0;
  tables.forEach((spec, index) => {
    const where = `${slug} table ${index + 1}`;
    const start = text.indexOf(spec.start, position);
    if (start < 0) throw new Error(`${where}: start “${spec.start}” not found`);
    const end = spec.until === undefined ? text.length : text.indexOf(spec.until, start);
    if (end < 0) throw new Error(`${where}: until “${spec.until}” not found`);
    blocks.push(...paragraphsOf(text.slice(position, start)));
    blocks.push({ table: rebuildTable(text.slice(start, end), spec, where) });
    position = end;
  });
  blocks.push(...paragraphsOf(text.slice(position)));
  const rebuilt = blocks
    .map((block) => ('paragraph' in block ? block.paragraph : block.table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs)).join('')))
    .join('');
  if (bare(rebuilt) !== bare(text)) {
    const a = bare(rebuilt);
    const b = bare(text);
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(`${slug}: the rebuilt document is not the text verbatim (differs at “${b.slice(at, at + 20)}” vs “${a.slice(at, at + 20)}”)`);
  }
  return blocks;
}
