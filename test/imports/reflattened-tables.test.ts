/**
 * The flattened-table readers on the same tables flattened other ways: each
 * tuned table document of the real corpus is rebuilt as its grid and written
 * again one cell per line (with or without blank lines), one row per line
 * (spaces or tabs), with its header wrapped or spaced out, without its 序号
 * column and with an extra 备注 column (test/support/reflatten.ts). The gold
 * is the document's own: the cells did not change, so the tasks, units,
 * leaders and deadlines must not either. Floors sit just under today's
 * figures, per flattening and over all, so a reader fitted to one
 * flattening fails here.
 */
import { describe, expect, it } from 'vitest';
import { FLATTENINGS, HEADERLESS_FLATTENINGS, reflatten, tunedTableDocuments } from '../support/reflatten.js';
import { scoreDocument } from '../support/import-scoring.js';

const documents = tunedTableDocuments();

describe('tuned table documents flattened every way a page flattens a table', () => {
  it('rebuilds enough documents to mean something', () => {
    expect(documents.length).toBeGreaterThanOrEqual(18);
  });

  it('keeps the gold under every flattening (share of checks right at or above each floor)', () => {
    let right = 0;
    let checks = 0;
    const shares: Record<string, number> = {};
    for (const flattening of FLATTENINGS) {
      const scores = documents.map((document) => scoreDocument(document.slug, reflatten(document.blocks, flattening), document.gold));
      const r = scores.reduce((sum, score) => sum + score.right, 0);
      const c = scores.reduce((sum, score) => sum + score.checks, 0);
      right += r;
      checks += c;
      shares[flattening.name] = Math.round((1000 * r) / c) / 1000;
      expect(scores.flatMap((score) => score.leadersAsUnits.map((leader) => `${flattening.name} ${score.slug}: ${leader}`))).toEqual([]);
    }
    for (const [name, share] of Object.entries(shares)) expect({ name, share: share >= (FLOORS[name] ?? 1) }).toEqual({ name, share: true });
    expect(right / checks).toBeGreaterThanOrEqual(OVERALL_FLOOR);
    // 67 documents read 40 ways: about 25 s alone, twice that beside the rest of the suite on two cores.
  }, 240_000);

  it('reads the same tables with their header lost (a page starting mid-table): rows by their 序号, cells by what they hold, none refused', () => {
    for (const flattening of HEADERLESS_FLATTENINGS) {
      const scores = documents.map((document) => scoreDocument(document.slug, reflatten(document.blocks, flattening), document.gold));
      const share = scores.reduce((sum, score) => sum + score.right, 0) / scores.reduce((sum, score) => sum + score.checks, 0);
      const refused = scores.filter((score) => score.refused).length;
      expect({ name: flattening.name, share: share >= HEADERLESS_FLOORS[flattening.name]!, refused }).toEqual({ name: flattening.name, share: true, refused: 0 });
      expect(scores.flatMap((score) => score.leadersAsUnits)).toEqual([]);
    }
  });
});

/**
 * Floors of the header-lost flattenings, a little under the shares when a reader of headless rows came in
 * (2026-12-04): blank-lines 35.0% → 56.2%, lines 35.0% → 54.2%, tabs 21.6% → 48.6% (refused 6, 6 and 14 of 49
 * documents before; 1, 1 and 2 after). Roles are guessed (one unit column is responsible, of two the first leads),
 * and a table without 序号 is not read at all.
 */
const HEADERLESS_FLOORS: Record<string, number> = {
  /** 56.2% and 54.2% before a lone number inside a row was kept as its figure (2026-12-04, later). */
  'blank-lines, header lost': 0.58,
  'lines, header lost': 0.56,
  /** 48.6% before rows copied with tabs were read without their 序号 too (2026-12-04). */
  'tabs, header lost': 0.62,
  /** 23.9% (16 refused) before the same. */
  'tabs, no 序号, header lost': 0.6,
};
// 2026-12-06 (third session): a page cut off after its tab table's first row, and rows on lone 序号 that skip (a
// department's rows out of a county's list, 81, 85, 87), were refused (1, 1, 2 and 3 documents); none after, and the
// shares 62.4/60.3/62.5/61.1% → 63.2/61.0/63.9/62.7%.

/**
 * Each flattening's floor, a little under the figures of the commit that set them. Lowered for four
 * flattenings on 2026-12-03, when 12 tune table documents new to this set (their office specs made that day)
 * came in: 95.6% over all before changes made with them in view, 97.2% after (32 documents). Lowered again
 * in the third session that day, when 11 more came in (among them a school calendar whose merged week and
 * date cells lead its rows): 88.1% over all 44 with the importer as that session found it, 94.3% at its end;
 * the 33 older documents went from 96.9% to 97.0%. Lowered again in the fifth session, where they were under
 * the share, when three more came in with their specs (changxing-2025-1, a 三张清单 list whose tasks are the items
 * of its third text column, reads 0–8 of 21 in every flattening; liaozhong-2024-1, guangzhou-2023-1): each floor half
 * a point under the share over the 47 (93.5% over all; 94.5% over the 44 before them). In the sixth session two more
 * came in (lueyang-2019-1, a bureau's table whose 指标, leader, deadline and unit cells are merged down over groups of
 * rows, and xihu-0000-1): 91.8% over the 49 with the importer as they came, 93.3% now. Without 序号 their merged cells
 * leave rows that nothing ties to the row they continue (lueyang 9–62 of 102), and a task column the rows do not fill
 * takes their first row; those four floors went down to half a point under the share (the other 47: 91.0–95.0%).
 * On 2026-12-04 (third session) the specs of 18 more tuned table documents came in (round 13–15's tables, among them
 * meishan-2017-1's unit broken over two lines and the 抽查 plans' wide tables): 90.7% over all 67 at first sight, the
 * 49 before them at 94.1% as they were; every floor the new share crossed went to half a point under it.
 * On 2026-12-05, after the gold conventions were settled (four tuned tables re-written) and the readers learned
 * broken unit names, wrapped header pieces, rows under a merged 序号 in spaced tables and whole-number targets: 91.9%
 * over the 67 (58619 of 63760); every floor raised to half a point under its share.
 */
/**
 * Raised on 2026-12-06 (second session) where that session's readings moved them (over all 92.4% → 93.1%): a figure
 * is the worst fit of a unit column when a tab header is lined up with wider rows (tabs 95.3% → 96.5% and their kin);
 * tasks alone one after another in a spaced table without 序号 (spaced, repeats merged 83.9% → 88.0%); a (一)…牵头重点工作
 * row alone is a heading, not an outline's task (blank-lines, no 序号 86.1% → 87.8%); rows numbered 二, 三, 四 behind a
 * group's cell (spaced, 序号 一二三 90.3% → 91.7%); rows a browser copied with tabs are a table's whatever share names
 * units (tabs, header lost 61.7% → 62.5%).
 */
const FLOORS: Record<string, number> = {
  'blank-lines': 0.925,
  lines: 0.92,
  spaced: 0.905,
  tabs: 0.96,
  'blank-lines, header wrapped': 0.93,
  /** 89.7% when a wrapped 事项 / 分类 stayed two columns, the 分类 taken for the task (2026-12-04). */
  'lines, header wrapped': 0.89,
  'spaced, header spaced out': 0.905,
  /** 86.1% when a long progress report opened by its verdict (已完成。已制定…) was taken for the next row's task (2026-12-04). */
  'blank-lines, no 序号': 0.87,
  /** 80.7% and 89.7% when a task alone on a line ended an unnumbered spaced table, and figures down a column were taken for the lost 序号 (2026-12-05). */
  'spaced, no 序号': 0.89,
  'tabs, no 序号': 0.92,
  'blank-lines, 备注': 0.92,
  'spaced, 备注': 0.895,
  'tabs, other header words': 0.96,
  'blank-lines, other header words': 0.925,
  'spaced, other header words': 0.905,
  'tabs, deadline first': 0.96,
  'blank-lines, deadline first': 0.935,
  'tabs, 进展情况': 0.955,
  'blank-lines, 进展情况': 0.915,
  'spaced, 进展情况': 0.91,
  /** 86.2% when a row's empty 备注 cell was dropped as a stray tab, so a header cell spanning two columns (起止日期) went unseen (2026-12-04). */
  'tabs, 备注': 0.96,
  /** 94.5% when a second header row was read as a body row (2026-12-03, fourth session). */
  'tabs, two-level header': 0.96,
  /** 56.2%, 93.2% and 60.6% when a header printed again halfway down ended the table or was read as a row (2026-12-03, fourth session). */
  'tabs, header repeated': 0.96,
  'blank-lines, header repeated': 0.925,
  'spaced, header repeated': 0.905,
  /** 65.5% when the header named a column the rows' task cells span over (2026-12-03, fourth session). */
  'tabs, task over two columns': 0.94,
  /** 91.8% when a 序号 spanning the headings' column and the numbers left the headings under 序号 (2026-12-03, fourth session). */
  'tabs, headings as a column': 0.96,
  /** 57.3% (tabs) and 82.7% (spaced) when blank lines amid the rows ended the table (2026-12-03, fourth session). */
  'tabs, cut in two': 0.955,
  'blank-lines, cut in two': 0.925,
  'spaced, cut in two': 0.905,
  /**
   * 35.5%, 35.5%, 14.6% and 14.6% when only a header written as its rows are was found: a header on one line
   * over cells one per line was read as unit lines, a header one cell per line over rows on one line refused
   * (2026-12-03, fifth session).
   */
  'header spaced, rows blank-lines': 0.91,
  'header spaced, rows lines': 0.895,
  'header lines, rows spaced': 0.895,
  'header blank-lines, rows tabs': 0.945,
  /** 88.8%, 80.6% and 94.9% when rows numbered 一, 二, 三 were not rows (2026-12-03, fifth session). */
  'blank-lines, 序号 一二三': 0.92,
  'spaced, 序号 一二三': 0.91,
  'tabs, 序号 一二三': 0.96,
  /**
   * 87.2%, 80.3% and 92.2% when a unit, leader or deadline cell merged down over the rows that share it was read
   * in its first row only (2026-12-03, fifth session).
   */
  'blank-lines, repeats merged': 0.875,
  'spaced, repeats merged': 0.875,
  'tabs, repeats merged': 0.925,
};
/** Over every flattening (97.1% when set with the header words, deadline-first and 进展情况 variants; 95.3% before a heading above a spaced table gave its leader; 91.8% before a lone 一、 row stopped passing for an outline table; 94.3% over 44 documents on 2026-12-03, third session). */
const OVERALL_FLOOR = 0.925;
