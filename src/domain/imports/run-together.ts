/**
 * A page that lost its line breaks: its paragraphs run into one long line, parted only by the spaces the breaks left
 * (a 督查曝光 page copied from a site, a plan pasted into a chat from a web page). When no layout understands the
 * lines as they are, the readers try them again cut at those spaces, and what they find is put back on the lines it
 * came from. Pure.
 */
import type { DraftNode, DraftPlan } from './draft.js';

/** A line at least this long may be a page's paragraphs run together. */
const LONG_LINE = 120;

/** A space where a paragraph ended: after the end of a sentence, a label's value or a bracket, before a word or a bracket. */
const BREAK = /(?<=[\u4e00-\u9fa5。；;！？!?）)」”】\]])\s+(?=[\u4e00-\u9fa5（(【“〔[])/u;

/** Lines cut at a run-together page's breaks. */
export interface CutLines {
  lines: string[];
  /** The source line (1-based) each line came from. */
  origin: number[];
  /** Whether the run-together lines hold most of the document's text: the page as a whole lost its breaks. */
  mostly: boolean;
}

/** The document's lines with each run-together line cut at its breaks; undefined when no line was cut. */
export function cutRunTogetherLines(lines: readonly string[]): CutLines | undefined {
  const out: string[] = [];
  const origin: number[] = [];
  let cutLength = 0;
  let length = 0;
  lines.forEach((line, index) => {
    const pieces = line.length >= LONG_LINE ? line.split(BREAK).map((piece) => piece.trim()).filter(Boolean) : [line];
    const cut = pieces.length >= 3;
    length += line.length;
    if (cut) cutLength += line.length;
    for (const piece of cut ? pieces : [line]) {
      out.push(piece);
      origin.push(index + 1);
    }
  });
  return cutLength > 0 ? { lines: out, origin, mostly: cutLength >= length * MOSTLY } : undefined;
}

/** The share of a document's text in run-together lines above which the page as a whole lost its breaks. */
const MOSTLY = 0.8;

/** A reading of cut lines told in the source's lines: each node's line, and the 第N行 its warnings name. */
export function onSourceLines(draft: DraftPlan, origin: readonly number[]): DraftPlan {
  const source = (line: number) => origin[line - 1] ?? line;
  const told = (message: string) => message.replace(/第(\d+)行/g, (_, line: string) => `第${source(Number(line))}行`);
  const node = (each: DraftNode): DraftNode => ({ ...each, line: source(each.line), warnings: each.warnings.map(told), children: each.children.map(node) });
  return {
    ...draft,
    nodes: draft.nodes.map(node),
    warnings: draft.warnings.map((warning) => ({ line: warning.line === null ? null : source(warning.line), message: told(warning.message) })),
  };
}
