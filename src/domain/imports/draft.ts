/**
 * The shapes layout readers produce and the plan assembler consumes: a
 * document read into tasks with their unit and deadline text still raw.
 */
import type { UnitRole } from '../vocabulary.js';

/** A task or sub-requirement as read from the document, before understanding. */
export interface DraftNode {
  /** Stable identity inside the plan: "8", "10.3", "1.2.1". */
  key: string;
  /** Number as printed, if any. */
  number: string | null;
  title: string;
  requirement: string;
  /** Category headings above the node. */
  categories: string[];
  /** 1-based line of the document where the node starts. */
  line: number;
  excerpt: string;
  /** Unit cell text; '' when the document names none for this node. */
  unitText: string;
  /** Leaders named for the node (分管领导, 责任领导): people, never units. */
  leaderText?: string;
  deadlineText: string;
  children: DraftNode[];
  warnings: string[];
}

/** A document read by one of the layout readers. */
export interface DraftPlan {
  /** Which reader understood the document; 'table' is a .docx or spreadsheet table. */
  layout: 'tab-table' | 'tab-rows' | 'pipe-cells' | 'pipe-rows' | 'flat-cells' | 'spaced-rows' | 'paragraphs' | 'prose' | 'outline' | 'unit-lines' | 'unit-rows' | 'headless-rows' | 'table';
  nodes: DraftNode[];
  /** Role of units whose cell gives no verb, from the column header. */
  defaultRole: UnitRole;
  /** Units are sections (科室) of the issuing bureau. */
  unitsAreSections: boolean;
  /** Document-level notes (skipped prose sections, repaired rows). */
  warnings: { line: number | null; message: string }[];
}

/** A draft node from the fields a reader has, the rest empty: readers build nodes without repeating every field. */
export function draftNode(fields: Partial<DraftNode> & Pick<DraftNode, 'key' | 'line'>): DraftNode {
  return {
    number: null,
    title: '',
    requirement: '',
    categories: [],
    excerpt: '',
    unitText: '',
    deadlineText: '',
    children: [],
    warnings: [],
    ...fields,
  };
}

/** Finds "1．…2．…" numbered items in a text; returns them when numbered 1, 2, … in order. */
export function splitNumberedItems(text: string): { number: string; text: string }[] | undefined {
  // "1.4月底前…": a number followed by a month is an item's number, not a decimal.
  const marker = /(?:^|(?<=[\s。；;]))(\d{1,2})\s*[．.、](?!\d(?!\d?月))/g;
  const found: { number: number; printed: string; start: number; bodyStart: number }[] = [];
  for (const match of text.matchAll(marker)) {
    const number = Number(match[1]);
    if (number !== found.length + 1) continue;
    found.push({ number, printed: match[0].trim(), start: match.index!, bodyStart: match.index! + match[0].length });
  }
  if (found.length < 2 || text.slice(0, found[0]!.start).trim() !== '') return undefined;
  return found.map((item, index) => ({
    number: item.printed,
    text: text.slice(item.bodyStart, found[index + 1]?.start ?? text.length).trim(),
  }));
}

/** The first sentence of a text, as a title (at most 60 characters). */
export function firstSentence(text: string): string {
  // A clause mark the title ends on ("打造中医药示范品牌,(责任单位:…)") is the sentence going on, not the title's.
  const sentence = text.split(/[。；;]/)[0]!.trim().replace(/[，,、：:]+$/, '');
  return sentence.length <= 60 ? sentence : `${sentence.slice(0, 59)}…`;
}
