/**
 * Hostile sheets benchmark: a 60-task .xlsx with one stray cell in row
 * 1,048,576 (and one with a cell in column XFD), read and parsed as an upload
 * is, beside the same sheet without the stray cell in the same run; median
 * of 5 runs each. A stray cell must cost next to nothing: it once handed
 * every layout reader a million empty lines (5 s).
 */
import { reportFigure } from './report.js';
import { parseDocumentBytes } from '../src/imports/read-document.js';
import { BIG_PLAN_TITLE, bigPlanRows } from '../test/support/big-plan.js';
import { sheetRow, xlsxOfSheetXml } from '../test/support/zip-archives.js';

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F'];
const RUNS = 5;
const rows = (extra: (row: number) => string) => [sheetRow(1, [['A1', BIG_PLAN_TITLE]]), ...bigPlanRows(60).map((cells, index) => sheetRow(index + 2, cells.map((text, column) => [`${COLUMNS[column]}${index + 2}`, text] as const)))].map((row, index) => row.replace('</row>', `${extra(index + 1)}</row>`));
const plain = xlsxOfSheetXml(rows(() => '').join(''));
const lastRow = xlsxOfSheetXml([...rows(() => ''), sheetRow(1_048_576, [['XFD1048576', '备注']])].join(''));
const farColumn = xlsxOfSheetXml(rows((row) => (row === 3 ? '<c r="XFD3" t="inlineStr"><is><t>备注</t></is></c>' : '')).join(''));

async function medianMs(bytes: Buffer): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await parseDocumentBytes('计划.xlsx', bytes);
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
}

const baseline = await medianMs(plain);
const [row, column] = [await medianMs(lastRow), await medianMs(farColumn)];
reportFigure({ bench: 'import', figure: '60-task .xlsx with a cell in row 1,048,576, read and parsed', ours: row, baseline, baselineLabel: 'the same sheet without it', unit: 'ms', better: 'lower' });
reportFigure({ bench: 'import', figure: '60-task .xlsx with a cell in column XFD, read and parsed', ours: column, baseline, baselineLabel: 'the same sheet without it', unit: 'ms', better: 'lower' });
console.log(JSON.stringify({ benchmark: 'hostile sheets', plainMs: baseline, lastRowMs: row, farColumnMs: column }));
