/**
 * Turns a document's text into a ParsedPlan: picks the layout reader that
 * fits, reads the metadata, and understands every node's units and
 * deadlines. Pure: no database, no I/O.
 */
import type { TaskKind, UnitLevel, UnitRole } from '../vocabulary.js';
import type { DraftNode, DraftPlan } from './draft.js';
import { parseDeadline, type ParsedDeadline } from './deadline-parser.js';
import { readGrid, type GridRow } from './layouts/grid.js';
import { pipeCellRows, readPipeCells } from './layouts/pipe-cells.js';
import { pipeRowRows, readPipeRows } from './layouts/pipe-rows.js';
import { readProse } from './layouts/prose.js';
import { readTabTable, tabTableRows } from './layouts/tab-table.js';
import { readTabRows } from './layouts/tab-rows.js';
import { readSpacedRows } from './layouts/spaced-rows.js';
import { surveyDocument } from './document-survey.js';
import { readAssignedParagraphs } from './layouts/assigned-paragraphs.js';
import { readFlatCells } from './layouts/flat-cells.js';
import { readGluedCells } from './layouts/glued-cells.js';
import { readBoxTable } from './layouts/box-table.js';
import { readOutline } from './layouts/outline.js';
import { readHeadlessRows } from './layouts/headless-rows.js';
import { readUnitLines } from './layouts/unit-lines.js';
import { readUnitRows } from './layouts/unit-rows.js';
import { readUnitlessTable } from './layouts/unitless-table.js';
import { formAsRows } from './layouts/form-table.js';
import { looksLikeHeader } from './layouts/columns.js';
import { CONVENTION_NOTE, FIRST_LISTED_LEADS, FIRST_LISTED_LEADS_OF_SEVERAL } from './assignment.js';
import { joinTitles, looksLikePerson, splitLeaders } from './people.js';
import { normalizeDocument } from './normalize-text.js';
import { readPlanMetadata, type PlanMetadata } from './plan-metadata.js';
import { parseUnitCell } from './unit-list-parser.js';
import { withSameAsAbove } from './same-as-above.js';
import { splitDivisionSentence } from './division-sentence.js';
import { cutRunTogetherLines, onSourceLines } from './run-together.js';

/** A unit a node names, resolved to its canonical name in the plan's jurisdiction. */
export interface ParsedUnit {
  name: string;
  role: UnitRole;
  level: UnitLevel;
  aliases: string[];
  /** Canonical name of the parent unit (the bureau of a section). */
  parent: string | null;
}

/** A task or sub-requirement, understood. */
export interface ParsedNode {
  key: string;
  kind: TaskKind;
  number: string | null;
  title: string;
  requirement: string;
  categoryPath: string;
  sourceLine: number;
  sourceExcerpt: string;
  units: ParsedUnit[];
  /** Responsible leaders (分管领导 杜某某, 副市长): people, kept apart from units. */
  leaders: string[];
  deadlines: ParsedDeadline[];
  warnings: string[];
  children: ParsedNode[];
}

/** One warning with the line it came from. */
export interface ImportWarning {
  line: number | null;
  taskKey: string | null;
  message: string;
}

/** A whole document, understood. */
export interface ParsedPlan extends Omit<PlanMetadata, 'warnings'> {
  layout: DraftPlan['layout'];
  /** Traditional characters were converted. */
  convertedFromTraditional: boolean;
  nodes: ParsedNode[];
  warnings: ImportWarning[];
}

/** Raised when a document has no layout duban can read; nothing is imported. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly fileName: string,
    /** What the document holds (surveyDocument), said so the administrator knows what to fix. */
    readonly found = '',
  ) {
    super(
      `${fileName}：没有找到任务，没有导入。${found ? `这份文件有${found}。` : ''}分工方案需要列出任务和负责单位，例如带“序号/工作任务/牵头单位”表头的表格（Word、Excel 或文本），或按“一、（一）1.”编号、每项写明“牵头单位：…”或“（市财政局牵头）”的正文。请确认发送的是分工方案本身（不是通知的正文或扫描件），或把任务整理成上述表格再发送。`,
    );
    this.name = 'UnreadableDocumentError';
  }
}

const READERS = [readTabTable, readTabRows, readPipeCells, readPipeRows, readFlatCells, readSpacedRows, readGluedCells, readBoxTable, readProse, readOutline, readAssignedParagraphs, readUnitRows, readHeadlessRows] as const;

/**
 * A document as its file format gives it: plain text, or (for .docx and
 * spreadsheets) the text outside tables plus the tables as grids of cells.
 */
export interface PlanDocument {
  text: string;
  tables?: readonly GridRow[][];
}

/** The readers of tables found by their header. */
const TABLE_LAYOUTS = new Set<DraftPlan['layout']>(['tab-table', 'tab-rows', 'pipe-cells', 'pipe-rows', 'flat-cells', 'spaced-rows', 'unit-rows', 'table']);

/** How much of a document a reader understood: work items with units count most, then items, then items with leaders. */
function understood(draft: DraftPlan): number {
  const all = (nodes: readonly DraftNode[]): DraftNode[] => nodes.flatMap((node) => [node, ...all(node.children)]);
  const nodes = all(draft.nodes);
  return nodes.filter((node) => node.unitText.trim() !== '').length * 4 + draft.nodes.length + nodes.filter((node) => (node.leaderText ?? '').trim() !== '').length;
}

/**
 * Every layout reader proposes a reading; the one that understood most
 * wins (the earlier reader on a tie, so the seeds keep their readers).
 * Tables of a .docx or spreadsheet are read first.
 */
function readDraft(lines: readonly string[], tables: readonly GridRow[][]): DraftPlan | undefined {
  // Every task table of a .docx or sheet (a plan may give one table per leader or per part), then the text's own readings.
  // Tables are found in the text in order: each search starts where the last table was found.
  let from = 0;
  const drafts = continuedTables(tables).map((table) => {
    const found = headingAbove(lines, table, from);
    from = found.at;
    return readGrid(formAsRows(table), 'table', { headingAbove: found.heading });
  }).filter((draft): draft is DraftPlan => draft !== undefined && draft.nodes.length > 0);
  const tableReading = drafts.length > 0 ? combineTables(drafts) : undefined;
  let best: DraftPlan | undefined;
  let headed = false;
  for (const read of READERS) {
    // A table read without its header only when no reader found one (checked before reading: it costs on big files).
    if (read === readHeadlessRows && headed) continue;
    const draft = read(lines);
    if (!draft || draft.nodes.length === 0) continue;
    headed ||= TABLE_LAYOUTS.has(draft.layout);
    if (!best || understood(draft) > understood(best)) best = draft;
  }
  // A real table's cells are surer than any reading of text: the text wins only when it understood far more.
  if (tableReading && (!best || understood(best) <= understood(tableReading) * 1.5 + 4)) return tableReading;
  // Nothing else understood it: task lines each followed by a line of units are still tasks, and a task table
  // that names no units still lists tasks.
  return best ?? readUnitLines(lines) ?? readUnitlessTable(lines, tables);
}

/**
 * A table without a header right after one with the same columns is the same table carried on (Word parts a
 * table at a page break or a pasted paragraph; a page copied in parts gives one table per part): its rows go
 * under the first's header.
 */
function continuedTables(tables: readonly GridRow[][]): GridRow[][] {
  const width = (table: readonly GridRow[]) => Math.max(0, ...table.map((row) => row.cells.length));
  const headed = (table: readonly GridRow[]) => table.some((row) => looksLikeHeader(row.cells.map((cell) => cell.text)));
  const out: GridRow[][] = [];
  for (const table of tables) {
    const previous = out.at(-1);
    if (previous && headed(previous) && !headed(table) && width(table) === width(previous)) out[out.length - 1] = [...previous, ...table];
    else out.push([...table]);
  }
  return out;
}

/** The line just above a table in the document's text (a .docx keeps its tables' rows in the text too), when the table can be found there. */
function headingAbove(lines: readonly string[], table: readonly GridRow[], from: number): { heading: string | undefined; at: number } {
  const header = table.find((row) => row.cells.filter((cell) => cell.text.trim()).length >= 2);
  if (!header) return { heading: undefined, at: from };
  const first = header.cells.map((cell) => cell.text.replace(/\s+/g, '')).filter(Boolean).slice(0, 2).join('');
  let at = -1;
  for (let index = from; index < lines.length; index++) {
    if (lines[index]!.replace(/\s+/g, '').startsWith(first)) {
      at = index;
      break;
    }
  }
  if (at <= 0) return { heading: undefined, at: from };
  // A caption row across the table's top (2024年重点工作任务分解表) is the table's, not the heading above it.
  const captions = new Set(table.slice(0, table.indexOf(header)).map((row) => row.cells.map((cell) => cell.text.replace(/\s+/g, '')).join('')));
  const above = lines.slice(Math.max(0, at - 3 - captions.size), at).map((line) => line.trim()).filter((line) => line && !captions.has(line.replace(/\s+/g, '')));
  return { heading: above.at(-1), at: at + 1 };
}

/** Several task tables as one reading; tables that restart their numbering get their table's number in front ("2.1"). */
function combineTables(drafts: readonly DraftPlan[]): DraftPlan {
  if (drafts.length === 1) return drafts[0]!;
  const keys = drafts.flatMap((draft) => draft.nodes.map((node) => node.key));
  const restart = new Set(keys).size < keys.length;
  const rekey = (node: DraftNode, prefix: string): DraftNode => ({ ...node, key: `${prefix}${node.key}`, children: node.children.map((child) => rekey(child, prefix)) });
  return {
    ...drafts[0]!,
    nodes: drafts.flatMap((draft, index) => (restart ? draft.nodes.map((node) => rekey(node, `${index + 1}.`)) : draft.nodes)),
    warnings: drafts.flatMap((draft) => draft.warnings),
  };
}

/** A text table cut into rows of cells, as a .docx or spreadsheet would hold it; undefined for prose. */
export function tableRowsOfText(rawText: string): GridRow[] | undefined {
  const lines = normalizeDocument(rawText).text.split('\n');
  return tabTableRows(lines) ?? pipeCellRows(lines) ?? pipeRowRows(lines);
}

/**
 * A note in a unit text naming units for every task after it: "以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出",
 * "（各目标、任务均需各镇人民政府、街道办事处落实，不再逐一列出）",
 * perhaps with a proviso before 不再列出 ("…落实，区政府无相关工作职能的，由市政府直属责任部门负责相关工作，不再列出").
 */
const STANDING_UNITS_NOTE = /[。；;，,]?\s*[（(]?(?:以下|各项?|所有|全部)[^，,。；;（）()]{0,10}?均[需由要应须]?(.{2,60}?)(?:负责|落实|承担|组织实施)[^，,。；;]{0,6}[，,](?:[^。；;]{0,60}?[，,])?\s*不再(?:单独|逐一|一一|重复)?列出[。；;]?[）)]?/;

/** A bracketed aside in an item's text that says who does every task without listing them again (see STANDING_UNITS_NOTE). */
const STANDING_ASIDE = /\s*[（(][^（）()]{2,80}?不再(?:单独|逐一|一一|重复)?列出[。；;]?[）)]/;

/** A text with an aside taken out: its spaces at the ends gone, and none left doubled. */
const squashSpaces = (text: string) => text.replace(/\s{2,}/g, ' ').trim();

/** A document that marks its lead units with a sign: "带*号的为牵头单位", "标注★的单位牵头", "（加△者为牵头部门）". */
const LEAD_MARK = /(?:带|标|标注|标有|加|注有|有)\s*[“"]?([*＊★☆△▲])[”"]?\s*号?\s*(?:的|者)?\s*(?:单位|部门)?\s*(?:为|是)?\s*牵头/;

/** Parses a document. Throws UnreadableDocumentError when no layout fits. */
export function parsePlanDocument(input: string | PlanDocument, fileName: string): ParsedPlan {
  const document = typeof input === 'string' ? { text: input } : input;
  const rawTables = document.tables ?? [];
  const normalized = normalizeDocument(document.text, rawTables.flatMap((rows) => rows.flatMap((row) => row.cells.map((cell) => cell.text))));
  const { text, converted } = normalized;
  let cellIndex = 0;
  const tables = rawTables.map((rows) =>
    rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, text: normalized.cells[cellIndex++]! })) })),
  );
  const lines = text.split('\n');
  const pieces = lines.flatMap(splitDivisionSentence);
  // A page that lost its line breaks is read again cut where they were, before it is refused.
  const cut = cutRunTogetherLines(pieces);
  const recut = (): DraftPlan | undefined => {
    const again = cut && readDraft(cut.lines, tables);
    return again ? onSourceLines(again, cut.origin) : undefined;
  };
  const asWritten = readDraft(pieces, tables);
  // A page that lost its breaks as a whole is read both ways; one with a few long lines (a PDF's spaced words) only when nothing else fits.
  const cutReading = !asWritten || cut?.mostly ? recut() : undefined;
  // Cut, the page loses what its run-in headings gave (a leader's heading over the items under it): the cut reading wins only clearly.
  const read = asWritten && (!cutReading || understood(cutReading) <= understood(asWritten) * 1.25 + 2) ? asWritten : cutReading;
  const draft = read && withSameAsAbove(read);
  if (!draft) throw new UnreadableDocumentError(fileName, surveyDocument([...lines, ...tables.flatMap((rows) => rows.map((row) => row.cells.map((cell) => cell.text).join(' | ')))]));
  const metadata = readPlanMetadata(lines, fileName);
  const warnings: ImportWarning[] = [
    ...metadata.warnings.map((message) => ({ line: null, taskKey: null, message })),
    ...draft.warnings.map((warning) => ({ ...warning, taskKey: null })),
  ];
  const bureau = draft.unitsAreSections && metadata.issuer ? metadata.issuer.replace(metadata.jurisdiction, '市') : null;
  // "带*号的为牵头单位": a mark after a unit's name makes it lead.
  const leadMark = LEAD_MARK.exec(text)?.[1];
  const markedLead = leadMark ? new RegExp(`([^、，,；;\\s（）()]+)${leadMark === '*' ? '\\*' : leadMark}`, 'gu') : undefined;
  const firstListedLeads = FIRST_LISTED_LEADS.test(text) || tables.some((rows) => rows.some((row) => row.cells.some((cell) => FIRST_LISTED_LEADS.test(cell.text))));
  const firstOfSeveral = FIRST_LISTED_LEADS_OF_SEVERAL.test(text);
  // Keys are unique in a plan: a number the document repeats (two items numbered 5) keeps both items, the later one as "5~2".
  const seenKeys = new Map<string, number>();
  const uniqueKey = (node: DraftNode, nodeWarnings: string[]): string => {
    const seen = seenKeys.get(node.key) ?? 0;
    seenKeys.set(node.key, seen + 1);
    if (seen === 0) return node.key;
    let key = `${node.key}~${seen + 1}`;
    for (let n = seen + 2; seenKeys.has(key); n++) key = `${node.key}~${n}`;
    seenKeys.set(key, 1);
    nodeWarnings.push(`第${node.line}行：编号“${node.key}”重复出现，这一项另记为“${key}”，请核对原文的编号`);
    return key;
  };
  // Units a note makes every later task's ("以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出").
  let standing: ParsedUnit[] = [];
  const understand = (node: DraftNode, kind: TaskKind, parentHasUnits = false): ParsedNode => {
    const nodeWarnings = [...node.warnings];
    const key = uniqueKey(node, nodeWarnings);
    const note = STANDING_UNITS_NOTE.exec(node.unitText);
    // The note may also be an aside in the item's own text, in brackets after its units line.
    const aside = note ? null : (STANDING_ASIDE.exec(node.requirement) ?? STANDING_ASIDE.exec(node.title));
    const asideNote = aside && STANDING_UNITS_NOTE.exec(aside[0]);
    const standingNote = note ?? asideNote;
    const unitText = markedLead ? node.unitText.replace(markedLead, '；$1牵头；').replace(/^；|；$/g, '') : node.unitText;
    const ownText = note ? unitText.replace(note[0], '') : unitText;
    const own = resolveUnits(ownText.replace(CONVENTION_NOTE, ''), draft, bureau);
    const newStanding = standingNote && resolveUnits(standingNote[1]!, draft, bureau).map((unit) => ({ ...unit, role: 'responsible' as const }));
    // 以下…均需 names the units of the items after it; 各目标、任务均需 of every item, its own too.
    if (newStanding && !/以下/.test(standingNote[0])) standing = newStanding;
    const mentioned = own.length > 0 ? [...own, ...standing.filter((unit) => !own.some((other) => other.name === unit.name))] : own;
    if (newStanding) standing = newStanding;
    const ownWords = (text: string) => (asideNote ? squashSpaces(text.replace(aside![0], '')) : text);
    // People written among units (副市长 张三) are leaders, never units.
    const units = mentioned.filter((unit) => !looksLikePerson(unit.name));
    const leaders = joinTitles([...splitLeaders(node.leaderText ?? ''), ...mentioned.filter((unit) => looksLikePerson(unit.name)).flatMap((unit) => splitLeaders(unit.name))]);
    if (firstListedLeads && units.length >= (firstOfSeveral ? 2 : 1) && !units.some((unit) => unit.role === 'lead')) units[0] = { ...units[0]!, role: 'lead' };
    const { deadlines, understood } = parseDeadline(node.deadlineText, metadata.year);
    if (!understood) nodeWarnings.push(`第${node.line}行：无法理解的完成时限“${node.deadlineText.trim()}”，已保留原文`);
    const children = node.children.map((child) => understand(child, 'requirement', units.length > 0));
    const parsed: ParsedNode = {
      key,
      kind,
      number: node.number,
      title: ownWords(node.title),
      requirement: ownWords(node.requirement),
      categoryPath: node.categories.join(' / '),
      sourceLine: node.line,
      sourceExcerpt: node.excerpt,
      units,
      leaders: [...new Set(leaders)],
      deadlines,
      warnings: nodeWarnings,
      children,
    };
    const hasUnits = units.length > 0 || parentHasUnits || (children.length > 0 && children.every((child) => child.units.length > 0));
    if (!hasUnits && !nodeWarnings.some((warning) => /单位|科室/.test(warning))) {
      parsed.warnings.push(`第${node.line}行：第${key}项没有找到责任单位`);
    }
    for (const message of parsed.warnings) warnings.push({ line: node.line, taskKey: key, message });
    return parsed;
  };
  const nodes = draft.nodes.map((node) => understand(node, 'task'));
  return {
    title: metadata.title,
    issuer: metadata.issuer,
    jurisdiction: metadata.jurisdiction,
    year: metadata.year,
    docNumber: metadata.docNumber,
    titleRead: metadata.titleRead,
    layout: draft.layout,
    convertedFromTraditional: converted,
    nodes,
    warnings,
  };
}

function resolveUnits(unitText: string, draft: DraftPlan, bureau: string | null): ParsedUnit[] {
  if (unitText.trim() === '') return [];
  const mentions = parseUnitCell(unitText, { defaultRole: draft.defaultRole });
  return mentions.map((mention) => {
    if (!bureau) return { ...mention, parent: null };
    // A section (科室) of the issuing bureau: named after the bureau, so that
    // 办公室 of one bureau is not 办公室 of another.
    return {
      name: `${bureau}${mention.name}`,
      role: mention.role,
      level: mention.level === 'collective' ? 'collective' : 'section',
      aliases: [mention.name, ...mention.aliases],
      parent: bureau,
    };
  });
}

/** Every node of a plan, parents before children, in document order. */
export function flattenNodes(nodes: readonly ParsedNode[]): ParsedNode[] {
  return nodes.flatMap((node) => [node, ...flattenNodes(node.children)]);
}
