/**
 * "同上" written in a task's units, leaders or deadline — as offices fill a
 * table's column when a row repeats the row above ("县住建局" / "同上",
 * "2023年12月底前" / "同上") — means the same as the task before it. Every
 * layout yields its tasks in document order, so one pass over the draft
 * gives each such field the last one written out. Pure.
 */
import type { DraftNode, DraftPlan } from './draft.js';

/** A field that only says "as above": 同上, 同上栏, 同上所列, 同前. */
const SAME_AS_ABOVE = /^\s*(?:同上(?:栏|行|项|所列)?|同前|同左)\s*[。.]?\s*$/;

type Field = 'unitText' | 'leaderText' | 'deadlineText';
const FIELDS: readonly Field[] = ['unitText', 'leaderText', 'deadlineText'];

/** The draft with every 同上 field given the value of the same field in the task before it (left as written when none is). */
export function withSameAsAbove(draft: DraftPlan): DraftPlan {
  const last: Partial<Record<Field, string>> = {};
  const fill = (node: DraftNode): DraftNode => {
    const filled = { ...node };
    for (const field of FIELDS) {
      const value = node[field] ?? '';
      if (SAME_AS_ABOVE.test(value) && last[field] !== undefined) filled[field] = last[field]!;
      else if (value.trim() !== '' && !SAME_AS_ABOVE.test(value)) last[field] = value;
    }
    return { ...filled, children: node.children.map(fill) };
  };
  return { ...draft, nodes: draft.nodes.map(fill) };
}
