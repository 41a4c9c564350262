/**
 * A 50-page PDF plan (issue 18) sent in chat and imported by the running
 * service while /healthz is asked every 20 ms: the time to import it and
 * the longest /healthz answer meanwhile. Ours reads and parses it in the
 * parse thread, as a plan sent in chat is; the same-run baseline reads and
 * parses it on the event loop. The PDF is printed by test/support/pdf-writer
 * as an office prints a plan: a running header and a page number on every
 * page, one ruled table over all 50 pages with its header row repeated.
 * Each run on a fresh SQLite database after a one-page warm-up; the best of
 * RUNS shown, every run printed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { importDocumentBytes } from '../src/imports/import-files.js';
import { tablePdf } from '../test/support/pdf-writer.js';
import { freshDatabases } from './bench-databases.js';
import { startBenchService, watchHealth } from './bench-service.js';
import { reportFigure } from './report.js';

const PAGES = 50;
const ROWS_PER_PAGE = 25;
const RUNS = 3;
const UNITS = ['市发展改革局', '市财政局', '市教育局', '市住房城乡建设局', '市交通运输局'];

/** A plan of `pages` pages of the table. */
function printedPlan(pages: number): Buffer {
  const rows = Array.from({ length: pages * ROWS_PER_PAGE }, (_, index) => [String(index + 1), `推进第${index + 1}项重点工作落实`, UNITS[index % UNITS.length]!, `${(index % 12) + 1}月底前`]);
  return tablePdf({ title: ['某市2027年重点工作任务分工方案'], header: ['序号', '工作任务', '牵头单位', '完成时限'], rows, widths: [40, 230, 130, 80], rowsPerPage: ROWS_PER_PAGE, runningHeader: '某市人民政府办公室文件' });
}


const pdf = printedPlan(PAGES);
const warmUp = printedPlan(1);

async function importPdf(inThread: boolean) {
  const [sqlite] = freshDatabases('pdf');
  const service = await startBenchService(await sqlite!.url(), { SEED_ON_EMPTY: '0' });
  try {
    await importDocumentBytes(service.app.db, 'warm-up.pdf', warmUp, 'bench', undefined, { inThread });
    let finished = false;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const health = watchHealth(service.app.url, () => finished);
    const started = performance.now();
    const result = await importDocumentBytes(service.app.db, '五十页分工方案.pdf', pdf, 'bench', undefined, { inThread });
    const importMs = performance.now() - started;
    finished = true;
    delay.disable();
    const watched = await health;
    if (!('report' in result) || result.report.counts.tasks !== PAGES * ROWS_PER_PAGE) throw new Error(`the ${PAGES}-page PDF did not import whole: ${JSON.stringify(result).slice(0, 300)}`);
    return { importMs: Math.round(importMs), healthMaxMs: Math.round(watched.maxMs), healthAnswers: watched.answers, healthFailed: watched.failed, loopDelayMaxMs: Math.round(delay.max / 1e6) };
  } finally {
    await service.close();
    await sqlite!.cleanup();
  }
}

const threadRuns: Awaited<ReturnType<typeof importPdf>>[] = [];
const loopRuns: Awaited<ReturnType<typeof importPdf>>[] = [];
for (let run = 0; run < RUNS; run++) {
  loopRuns.push(await importPdf(false));
  threadRuns.push(await importPdf(true));
}
const best = (runs: typeof threadRuns) => [...runs].sort((a, b) => a.importMs - b.importMs)[0]!;
const [thread, loop] = [best(threadRuns), best(loopRuns)];
reportFigure({ bench: 'import-pdf', figure: `${PAGES}-page PDF (${PAGES * ROWS_PER_PAGE} tasks) sent in chat, imported, SQLite`, ours: thread.importMs, baseline: loop.importMs, baselineLabel: 'read and parsed on the event loop', unit: 'ms', better: 'lower' });
reportFigure({ bench: 'import-pdf', figure: `longest /healthz answer during that import, from when it was due (${thread.healthAnswers} asked, ${thread.healthFailed} not 200)`, ours: thread.healthMaxMs, baseline: loop.healthMaxMs, baselineLabel: 'parsed on the event loop', unit: 'ms', better: 'lower' });
reportFigure({ bench: 'import-pdf', figure: 'longest event-loop stall during that import', ours: thread.loopDelayMaxMs, baseline: loop.loopDelayMaxMs, baselineLabel: 'parsed on the event loop', unit: 'ms', better: 'lower' });
console.log(JSON.stringify({ benchmark: `import a ${PAGES}-page PDF with /healthz watched`, pdfBytes: pdf.length, parseThread: threadRuns, eventLoop: loopRuns }));
