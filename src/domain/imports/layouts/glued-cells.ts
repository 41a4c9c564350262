/**
 * Reads a table a document site ran into one line, every cell glued to the
 * next with nothing between them, its pages numbered "1、" "2、" at the
 * start of each line:
 *
 *   …序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府、嘉兴港区2服务业…
 *
 * The header is cut into the words columns are named by; the rows at their
 * numbers, counted in turn; each row into its text (up to where the units
 * start) and its units. Where a row's units fill two unit columns, the
 * first column's names are those run together before the first name a
 * separator follows ("市发展改革委市经贸委市规划建设局、市统计局": the first
 * two). Cutting rows is all this file does; readGrid gives them meaning.
 */
import type { DraftPlan } from '../draft.js';
import { looksLikeUnits } from './cell-kinds.js';
import { classifyHeader, classifyHeaders, looksLikeHeader, type HeaderKind } from './columns.js';
import { readGrid, SECTION_ROW, type GridRow } from './grid.js';

/** How a header cell ends: the word a column is named by. */
const HEADER_END = /(单位|部门|任务|内容|时限|时间|要求|措施|举措|备注|领导|目标|事项|名称|情况|科室|节点|期限|分工|指标|项目)$/;
/** A site's page number at a line's start ("2、住建局…"), the page's text glued on. */
const PAGE_MARK = /^(\d{1,3})、/;
/** What a row's number is never followed by: its unit or a figure's (12%, 2个, 2021年). */
const NOT_A_ROW = /^[\d年月日个项万亿元人次%％.．、:：倍户所家座条名期批类余千百十）)]/;
/** Where a row's units may start: a jurisdiction, a collective, the Party or the Youth League. */
const UNIT_START = /[市县区省各团中国]/;
/** Where one unit ends and the next, glued on, starts (局 | 各县…, 委 | 市经贸委). */
const GLUED_NAME = /(?<=(?:局|委|办|厅|部|府|会|中心|区|院|所|站|队|组|单位))(?=[市县区省各])/g;

/** The document's lines with a site's numbered pages ("1、…", "2、…", each long) joined back into one line. */
function withPagesJoined(lines: readonly string[]): string[] {
  const out: string[] = [];
  let expected = 1;
  for (const line of lines) {
    const mark = PAGE_MARK.exec(line);
    if (mark && Number(mark[1]) === expected && (expected > 1 || line.length >= 100)) {
      const text = line.slice(mark[0].length);
      if (expected === 1) out.push(text);
      else out[out.length - 1] += text;
      expected++;
    } else {
      out.push(line);
      expected = 1;
    }
  }
  return out;
}

/** The header words run together after 序号 ("主要工作任务第一责任单位主要责任单位"), cut into the most cells that each name a column; undefined when they cannot be. */
function headerCells(words: string): string[] | undefined {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= words.length; end++) {
    for (let start = Math.max(0, end - 10); start <= end - 2; start++) {
      const before = best[start];
      const cell = words.slice(start, end);
      if (!before || !HEADER_END.test(cell) || classifyHeader(cell) === undefined) continue;
      if (!best[end] || best[end]!.length < before.length + 1) best[end] = [...before, cell];
    }
  }
  return best[words.length];
}

/** Where the row numbered `number` starts in `text` at or after `from`, or -1. */
function rowStart(text: string, number: number, from: number): number {
  const digits = String(number);
  for (let at = text.indexOf(digits, from); at >= 0; at = text.indexOf(digits, at + 1)) {
    const before = text[at - 1] ?? '';
    if (/[\d.．%％/／]/.test(before)) continue;
    if (NOT_A_ROW.test(text.slice(at + digits.length))) continue;
    return at;
  }
  return -1;
}

/** A row's text cut where its units start: the task text and the unit text (after the last sentence's end when the rest names units, else where they start). */
function splitUnits(row: string): [string, string] {
  const limit = Math.max(0, row.length - 160);
  const end = Math.max(row.lastIndexOf('。'), row.lastIndexOf('；'));
  if (end >= 4 && end < row.length - 1 && looksLikeUnits(row.slice(end + 1))) return [row.slice(0, end + 1), row.slice(end + 1)];
  for (let at = Math.max(4, limit); at < row.length - 1; at++) {
    if (UNIT_START.test(row[at]!) && looksLikeUnits(row.slice(at))) return [row.slice(0, at), row.slice(at)];
  }
  return [row, ''];
}

/** Units that fill two columns: the names run together before the first one a separator follows go to the first column. */
function splitUnitColumns(units: string): [string, string] {
  let depth = 0;
  let separator = units.length;
  for (let at = 0; at < units.length; at++) {
    const char = units[at]!;
    if (char === '(' || char === '（') depth++;
    else if (char === ')' || char === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[、，,；;]/.test(char)) {
      separator = at;
      break;
    }
  }
  const names = units.slice(0, separator).split(GLUED_NAME);
  if (names.length < 2) return [units.slice(0, separator), units.slice(separator).replace(/^[、，,；;]/, '')];
  const last = names.at(-1)!;
  return [names.slice(0, -1).join('、'), `${last}${units.slice(separator)}`];
}

/** A row's cells in the header's columns: the text (in two when two text columns and a sentence opens with a date), then the units. */
function cellsOf(row: string, kinds: readonly (HeaderKind | undefined)[]): string[] {
  const [text, units] = splitUnits(row);
  const cells: string[] = kinds.map(() => '');
  const textColumns = kinds.flatMap((kind, index) => (kind === 'text' || kind === 'measures' ? [index] : []));
  const unitColumns = kinds.flatMap((kind, index) => (kind === 'units' ? [index] : []));
  const dated = /(?<=[。；])(?=(?:19|20)\d{2}年\d{1,2}月)/.exec(text);
  if (textColumns.length >= 2 && dated) {
    cells[textColumns[0]!] = text.slice(0, dated.index);
    cells[textColumns[1]!] = text.slice(dated.index);
  } else if (textColumns.length > 0) cells[textColumns[0]!] = text;
  if (unitColumns.length >= 2) [cells[unitColumns[0]!], cells[unitColumns[1]!]] = splitUnitColumns(units);
  else if (unitColumns.length === 1) cells[unitColumns[0]!] = units;
  return cells;
}

/** Cuts a table run into one line into rows (header first); undefined when the text has none. */
export function gluedCellRows(lines: readonly string[]): GridRow[] | undefined {
  const joined = withPagesJoined(lines);
  const index = joined.findIndex((line) => /序号[\u4e00-\u9fa5]{4}/.test(line) && line.length >= 200);
  if (index < 0) return undefined;
  const line = joined[index]!;
  const lineNo = lines.indexOf(line) >= 0 ? lines.indexOf(line) + 1 : index + 1;
  const headerAt = line.indexOf('序号');
  const bodyAt = line.slice(headerAt + 2).search(/[一二三四五六七八九十]{1,3}、|1(?=[\u4e00-\u9fa5])/);
  if (bodyAt < 4) return undefined;
  const words = headerCells(line.slice(headerAt + 2, headerAt + 2 + bodyAt));
  if (!words || words.length < 2 || !looksLikeHeader(['序号', ...words])) return undefined;
  const header = ['序号', ...words];
  const kinds = classifyHeaders(header).slice(1);
  const body = line.slice(headerAt + 2 + bodyAt);
  // Row numbers in turn, each where the last row's text ends.
  const starts: number[] = [];
  for (let number = 1, from = 0; ; number++) {
    const at = rowStart(body, number, from);
    if (at < 0) break;
    starts.push(at);
    from = at + String(number).length;
  }
  if (starts.length < 2) return undefined;
  const rows: GridRow[] = [{ cells: header.map((text) => ({ text, line: lineNo })), line: lineNo }];
  const section = (text: string) => rows.push({ cells: [{ text: '', line: lineNo }, { text, line: lineNo }, ...kinds.slice(1).map(() => ({ text: '', line: lineNo }))], line: lineNo });
  if (SECTION_ROW.test(body.slice(0, starts[0]))) section(body.slice(0, starts[0]));
  starts.forEach((start, at) => {
    // A page's number between dashes ("…嘉兴港区—2—二、…") is the site's, not the row's.
    let text = body.slice(start + String(at + 1).length, starts[at + 1] ?? body.length).replace(/[—－-]\s?\d{1,3}\s?[—－-]/g, '');
    // A section heading glued after the row's units ("…嘉兴港区二、经济发展") heads the rows after it.
    const heading = /(?<=[\u4e00-\u9fa5)）])[一二三四五六七八九十]{1,3}、[\u4e00-\u9fa5]{2,30}$/.exec(text);
    if (heading) text = text.slice(0, heading.index);
    rows.push({ cells: [String(at + 1), ...cellsOf(text, kinds)].map((cell) => ({ text: cell, line: lineNo })), line: lineNo });
    if (heading) section(heading[0]);
  });
  return rows;
}

/** Reads a table run into one line; undefined when the text is not one. */
export function readGluedCells(lines: readonly string[]): DraftPlan | undefined {
  const rows = gluedCellRows(lines);
  return rows && readGrid(rows, 'flat-cells');
}
