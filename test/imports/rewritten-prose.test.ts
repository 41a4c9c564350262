/**
 * The prose readers on the same plans written the other ways offices write
 * them (test/support/rewrite-prose.ts): other label words, brackets and
 * numbering, blank lines, labels run on or gathered into a bracket. The gold
 * is each document's own; floors sit just under today's shares, so a reader
 * fitted to one way of writing fails here.
 */
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../support/import-scoring.js';
import { PROSE_REWRITES, tunedProsePlans } from '../support/rewrite-prose.js';

const documents = tunedProsePlans();

describe('tuned prose plans written every way offices write them', () => {
  it('keeps the gold under every rewrite (share of checks right at or above each floor), and refuses none', () => {
    for (const { name, rewrite } of PROSE_REWRITES) {
      const scores = documents.map((document) => scoreDocument(document.slug, rewrite(document.text), document.gold));
      const share = scores.reduce((sum, score) => sum + score.right, 0) / scores.reduce((sum, score) => sum + score.checks, 0);
      const refused = scores.filter((score) => score.refused).map((score) => score.slug);
      expect({ name, share: share >= (FLOORS[name] ?? 0.975), refused }).toEqual({ name, share: true, refused: [] });
      expect(scores.flatMap((score) => score.leadersAsUnits)).toEqual([]);
    }
  }, 120_000);
});

/**
 * A little under the shares on 2026-12-06 (third session), the plans as written at 97.9%: most rewrites 97.7–97.9%;
 * 部门 labels 97.5% and 主办/协办 97.5% before 责任部门及责任人 and 列第一位者为主办单位 were read (97.8%, 97.9% after).
 */
const FLOORS: Record<string, number> = {
  /** 97.7%, 97.7%, 97.4% (of 6 plans changed) and 96.0%: the rest 97.7–98.0%, under a floor of 97.5%. */
  '（1） numbers': 0.973,
  '① numbers': 0.973,
  'labels as verbs': 0.97,
  'a bracket into labels': 0.955,
};
