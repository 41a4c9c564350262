/**
 * The importer on real plans it was not written for: every document in
 * test/fixtures/real/ (verbatim excerpts of public government pages, gold
 * written by hand) is read, none is refused, no leader's personal name
 * becomes a unit, and the share of gold checks right does not fall below
 * what the importer reaches today — as text, and as the .docx, .doc, .xlsx,
 * .xls and .pdf files Word, Excel and a PDF printer would hold the table
 * documents in (real vertical merges and merged ranges, pages with
 * headers and numbers, test/fixtures/real/office/). `npm run
 * eval:import -- --format all` prints the figures per document; this test
 * keeps them from sliding back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../src/imports/read-document.js';
import { corpusDocuments } from '../support/corpus-documents.js';
import { scoreDocument, type DocumentScore, type Gold } from '../support/import-scoring.js';

const dir = fileURLToPath(new URL('../fixtures/real/', import.meta.url));
const officeDir = `${dir}office/`;

function scoreCorpus(): DocumentScore[] {
  return corpusDocuments().map(({ slug, text, gold }) => scoreDocument(slug, text, gold));
}

const share = (scores: readonly DocumentScore[]) => scores.reduce((sum, score) => sum + score.right, 0) / scores.reduce((sum, score) => sum + score.checks, 0);

describe('real plans from other places', () => {
  const scores = scoreCorpus();

  it('the corpus is large enough to mean something: 40 documents or more, a third of them held out', () => {
    expect(scores.length).toBeGreaterThanOrEqual(40);
    expect(scores.filter((score) => score.split === 'holdout').length).toBeGreaterThanOrEqual(Math.floor(scores.length / 4));
  });

  it('no document tuned on is refused, and at most REFUSED_HOLDOUT of those held out', () => {
    expect(scores.filter((score) => score.refused && score.split === 'tune').map((score) => score.slug)).toEqual([]);
    expect(scores.filter((score) => score.refused && score.split === 'holdout').length).toBeLessThanOrEqual(REFUSED_HOLDOUT);
  });

  it('no leader is stored as a unit', () => {
    expect(scores.flatMap((score) => score.leadersAsUnits.map((leader) => `${score.slug}: ${leader}`))).toEqual([]);
  });

  it('the share of gold checks right stays at or above today’s floor, on the documents tuned on and on those held out', () => {
    const tune = scores.filter((score) => score.split === 'tune');
    const holdout = scores.filter((score) => score.split === 'holdout');
    expect(share(tune)).toBeGreaterThanOrEqual(TUNE_FLOOR);
    expect(share(holdout)).toBeGreaterThanOrEqual(HOLDOUT_FLOOR);
  });
});

describe('real plans as Word and Excel files', () => {
  const byFormat = new Map<string, DocumentScore[]>();
  beforeAll(async () => {
    const files = existsSync(officeDir) ? readdirSync(officeDir).sort() : [];
    for (const file of files) {
      const [slug, format] = [file.replace(/\.[a-z]+$/, ''), file.split('.').at(-1)!];
      const gold = JSON.parse(readFileSync(`${dir}${slug}.json`, 'utf8')) as Gold;
      const document = await readDocumentFile(`${officeDir}${file}`);
      byFormat.set(format, [...(byFormat.get(format) ?? []), scoreDocument(slug, { text: document.text, tables: document.tables }, gold, file)]);
    }
  });

  it('every table document tuned on is read from every office format, and as well as the text (within the floor)', () => {
    expect([...byFormat.keys()].sort()).toEqual(Object.keys(OFFICE_TUNE_FLOORS).sort());
    for (const [format, scores] of byFormat) {
      const tune = scores.filter((score) => score.split === 'tune');
      expect({ format, refused: tune.filter((score) => score.refused).map((score) => score.slug) }).toEqual({ format, refused: [] });
      expect({ format, share: share(tune) >= OFFICE_TUNE_FLOORS[format]! }).toEqual({ format, share: true });
      expect(scores.flatMap((score) => score.leadersAsUnits)).toEqual([]);
    }
  });
});

/**
 * Floors a little under the figures of the commit that set them (npm run eval:import -- --format all over 107
 * documents: tune 98.2% on 73, holdout 80.4% on 34; docx, xlsx, doc and xls tune 99.6%). The tune floor was
 * 0.975 over 76 documents; 16 new real documents came in at 93.8% before the importer learned them. Of the 11
 * tune documents gathered on 2026-12-03, 7 came in at 94% or better, 3 at 40–83% and one was refused, before any
 * change made with them in view. Of the 7 tune documents gathered in the next session (2026-12-03, later), 2 came
 * in at 100%, 4 at 19–81% and one was refused, and 8 more came in the same session (tune 87 documents at 93.6%
 * before changes made with them in view); one of the 9 new held-out documents is refused. The tune floor is
 * lowered while the importer learns them. In the third session of 2026-12-03, 35 new tune documents came in at 68.2%
 * at first sight (3 refused) and reached 94.4%; the tune floor went back up to 0.95 (95.6% over 127). On 2026-12-03
 * (sixth session) 21 new tune documents came in at 60.1% at first sight (356 of 592 checks): 90.1% over 212; lowered
 * while the importer learns them. On 2026-12-04 9 more tune documents came in at 169 of 186 checks at first sight;
 * 94.4% over 228 at the session's end (3899 of 4133): raised to 0.935. Later that day 14 more came in at 169 of
 * 231 checks at first sight (73.2%): 93.5% over 250; 94.6% over the 250 later that session, when 10 more came in at
 * 228 of 264 at first sight (86.4%): 94.2% over 260; 94.6% over the 260 later, when 6 more came in at 116 of 138
 * at first sight (84.1%): 94.3% over 266. 94.6% over the 266 on 2026-12-04 (third session), when 7 more came in at
 * 148 of 157 at first sight: 94.6% over 273. On 2026-12-05 4 more came in at 24 of 24 at first sight, and three gold
 * conventions written both ways were settled (six tuned documents re-written): 95.9% over 277; later that session 3
 * more came in at 13 of 20 at first sight: 95.8% over 280. On 2026-12-05 (third session) 11 more (责任分解 of
 * 政府工作报告 with 牵头领导, 十四五 指标) came in at 207 of 235 checks at first sight: 95.5% over 291.
 */
const TUNE_FLOOR = 0.95;
/**
 * 0.80 over 34 held-out documents; 7 held-out documents gathered on 2026-12-03 brought it to 78.0% over 41, before any
 * change. 13 more came in the third session that day (56.0% at first sight, 57.5% at its end); the 41 older ones went
 * from 78.0% to 79.7% in that session. 75.3% over 54 documents then. One more (an inspection list) came in on
 * 2026-12-03 (fourth session) at 6 of 15 checks at first sight: 74.7% over 55. In the fifth session 17 more came
 * in over four gathering rounds (240 of 286 checks at first sight, 252 now); the 55 older ones went from 74.7% to 76.9% (a
 * scorer fix, a compound collective equal to its parts, is 14 checks of that), 79.4% over the 72: raised to 0.79.
 * In the sixth session 9 more came in at 65.8% at first sight (150 of 228 checks, one refused): 77.7% over 87; then 3
 * more at 12.3% (7 of 57, two refused): 75.7% over 90. On 2026-12-04 4 more came in at 62 of 76 checks at first
 * sight: 77.6% over 94 (1306 of 1682): raised to 0.77. Later that day 5 more came in at 57 of 62 checks at first
 * sight: 78.8% over 103; 80.4% over the 103 later that session (a reader of tables whose header is not in the text),
 * when 3 more came in at 38 of 38 at first sight: 80.8% over 106; 81.0% over the 106 later, when one more came in
 * at 17 of 17: 81.1% over 107. 81.2% over the 107 on 2026-12-04 (third session), when 3 more came in at 49 of 54
 * checks at first sight: 81.5% over 110. On 2026-12-05 2 more came in at 22 of 25 at first sight (two older ones
 * re-written to the settled conventions): 81.6% over 112, 81.9% later that session; then one more at 8 of 15: 81.4% over 113.
 * On 2026-12-05 (third session) 5 more came in at 68 of 112 checks at first sight (one refused): 80.5% over 118.
 * On 2026-12-05 (fourth session) 3 more came in at 68 of 116 checks at first sight (a 为民办实事 progress report whose
 * rows a page ran together without its header read at 4 of 41): 79.3% over 121: lowered to 0.79.
 * On 2026-12-06 one more (a 常务会议 news report, unnumbered paragraphs) came in at 2 of 8 checks at first sight: 79.2%
 * over 122.
 */
const HOLDOUT_FLOOR = 0.79;
/**
 * 0.98 until the 13 tune table documents of 2026-12-03 (third session) got office versions: 95.3% with them, 98.2% (.pdf
 * 98.0%) after. Lowered in the fifth session when three more got theirs (changxing-2025-1 among them, a 三张清单 list
 * read at 8 of 21 as text too): 96.5% over 48 (.pdf 96.2%). Lowered on 2026-12-04 (third session) when 19 more tune
 * table documents got theirs (the tables of gathering rounds 13–15): 93.0% over 68 at first sight (.pdf 92.9%), the
 * new ones at 340 of 414 checks; their text reads 94.4% of the same checks. Raised on 2026-12-05 when a task name
 * spanning two columns over whole-number targets (26000, not only 4.3) was read as one name again, and a group merged
 * down over its items as their category: 97.4% over 68 (.pdf 97.1%).
 */
const OFFICE_TUNE_FLOOR = 0.965;
/**
 * The floor of each office format (.doc and .xls tune as their .docx and .xlsx). A .pdf holds no merged cells: with
 * xihu-0000-1 (sixth session), whose 负责科室 is merged down over four rows and is read in its first row only, as its
 * text is, .pdf reads 95.8% over 50 (.docx 96.4%).
 */
const OFFICE_TUNE_FLOORS: Record<string, number> = { docx: OFFICE_TUNE_FLOOR, xlsx: OFFICE_TUNE_FLOOR, doc: OFFICE_TUNE_FLOOR, xls: OFFICE_TUNE_FLOOR, pdf: 0.965 };
/**
 * Held-out documents refused today (6 of 54 before documents nothing reads got a last reading, task lines each followed
 * by units; 4 of 87, then 6 of 90 when a gathering round of the sixth session brought two that are refused at first
 * sight): they are measured, not read. 5 of 122 on 2026-12-06 (third session), after a page that lost its line breaks
 * was read cut at them.
 */
const REFUSED_HOLDOUT = 5;
