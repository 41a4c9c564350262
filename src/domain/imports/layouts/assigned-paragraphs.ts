/**
 * Reads plans (and progress reports) that list their tasks as plain
 * paragraphs, unnumbered, each saying who does it: "城镇新增就业1000万人
 * 以上。这项工作由人力资源社会保障部负责，…" or "…（市财政局牵头，市税务局
 * 配合）". Each such paragraph is a task; paragraphs without an assignment
 * are the headings and prose around them. The last reader tried: a
 * numbered or tabled reading of the same text wins.
 */
import { readAssignment } from '../assignment.js';
import { type DraftNode, type DraftPlan, firstSentence } from '../draft.js';
import { squash } from '../normalize-text.js';

/** Reads assigned paragraphs; undefined when fewer than two paragraphs assign work. */
export function readAssignedParagraphs(lines: readonly string[]): DraftPlan | undefined {
  const nodes: DraftNode[] = [];
  let heading = '';
  lines.forEach((raw, index) => {
    const line = squash(raw);
    if (line.length < 8 || line.length > 600) return;
    const assignment = readAssignment(line);
    if (assignment.unitText === '') {
      // A short line without an assignment is a heading for the paragraphs below it.
      if (line.length <= 30 && !/[。，,；;：:]/.test(line)) heading = line;
      return;
    }
    const text = squash(assignment.rest);
    // A label line on its own ("牵头单位：区发改委") belongs to an item above it: not a task paragraph.
    if (text.replace(/[\p{P}\s]/gu, '').length < 6) return;
    nodes.push({
      key: String(nodes.length + 1),
      number: null,
      title: firstSentence(text),
      requirement: text,
      categories: heading ? [heading] : [],
      line: index + 1,
      excerpt: line,
      unitText: assignment.unitText,
      leaderText: assignment.leaderText,
      deadlineText: assignment.deadlineText,
      children: [],
      warnings: [],
    });
  });
  if (nodes.length < 2) return undefined;
  return { layout: 'paragraphs', nodes, defaultRole: 'responsible', unitsAreSections: false, warnings: [] };
}
