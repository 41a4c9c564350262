/**
 * Big and hostile documents: a plan of 5,000 tasks imports (and re-imports,
 * archiving what the document dropped) on SQLite and PostgreSQL; files over
 * 20 MB, archives that unzip past 100 MB (honestly or with a lying header)
 * and merges over a whole sheet are refused with a Chinese answer and
 * change nothing; a sheet with a cell in column XFD imports like one
 * without; the parse thread reads documents exactly as the main thread
 * does; a database failure is answered without its internal text.
 */
import Sqlite from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { importDocumentBytes, importFiles } from '../../src/imports/import-files.js';
import { sharedParseThread } from '../../src/imports/parse-thread.js';
import { parseDocumentBytes } from '../../src/imports/read-document.js';
import { BIG_PLAN_TITLE, bigPlanCsv, bigPlanRows } from '../support/big-plan.js';
import { createTestDatabaseUrl, describeEachDatabase } from '../support/databases.js';
import { docxOf, planContentOf, xlsxOf } from '../support/document-fixtures.js';
import { sheetRow, xlsxOfSheetXml, zipOf } from '../support/zip-archives.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A plan sheet built cell by cell: the title row, then the table; `extra` adds cells to a row. */
function planSheet(tasks: number, extra: (row: number) => string = () => '', after = ''): Buffer {
  const rows = [sheetRow(1, [['A1', BIG_PLAN_TITLE]]), ...bigPlanRows(tasks).map((cells, index) => sheetRow(index + 2, cells.map((text, column) => [`${COLUMNS[column]}${index + 2}`, text] as const)))];
  return xlsxOfSheetXml(rows.map((row, index) => row.replace('</row>', `${extra(index + 1)}</row>`)).join(''), after);
}

describeEachDatabase('a plan of 5,000 tasks', ({ db }) => {
  it('imports whole, and a re-import without its last row archives that task and changes nothing else', async () => {
    const [first] = await importFiles(db(), [writeTemp('五千项任务分工.csv', bigPlanCsv(5_000))], 'ou_admin');
    if (!first || !('report' in first)) throw new Error(`not imported: ${JSON.stringify(first)}`);
    expect(first.report.counts).toMatchObject({ tasks: 5_000, links: 15_000 });
    const stored = await db().repos.tasks.listByPlan(first.report.planId);
    expect(stored).toHaveLength(5_000);
    expect(stored.at(-1)).toMatchObject({ key: '5000', title: '推进营商环境第5000项工作' });
    const [, , , lead, others] = bigPlanRows(5_000).at(-1)!;
    expect(stored.at(-1)!.units.map((unit) => `${unit.unitName}:${unit.role}`)).toEqual([`${lead}:lead`, ...others!.split('、').map((unit) => `${unit}:cooperating`)]);
    // The ledger (/导出) asks for the latest progress of every task of the plan at once.
    await db().repos.progress.append({ taskId: stored.at(-1)!.id, percent: 40, status: 'in_progress', note: '已启动', actor: 'ou_admin', unitId: stored.at(-1)!.units[0]!.unitId });
    expect([...(await db().repos.progress.latestFor(stored.map((task) => task.id))).values()].map((update) => update.percent)).toEqual([40]);

    const csv = bigPlanCsv(5_000).toString('utf8').split('\n').slice(0, -1).join('\n');
    const [again] = await importFiles(db(), [writeTemp('五千项任务分工.csv', Buffer.from(csv, 'utf8'))], 'ou_admin');
    if (!again || !('report' in again)) throw new Error(`not re-imported: ${JSON.stringify(again)}`);
    expect(again.report.changes).toMatchObject({ added: [], removed: ['5000'], changed: [] });
    expect(await db().repos.tasks.listByPlan(first.report.planId)).toHaveLength(4_999);
  }, 180_000);
});

describeEachDatabase('hostile files', ({ db }) => {
  const refused = async (fileName: string, bytes: Buffer) => {
    const plans = await db().repos.plans.count();
    const result = await importDocumentBytes(db(), fileName, bytes, 'ou_admin');
    expect(await db().repos.plans.count()).toBe(plans);
    if (!('error' in result)) throw new Error(`${fileName} was imported`);
    return result.error;
  };

  it('a file over 20 MB is refused before it is read, sent in chat or named to the CLI', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, '任务 ');
    expect(await refused('大文件.txt', big)).toBe('大文件.txt：文件有 21.0 MB，超过了 20.0 MB 的上限，没有导入。分工方案通常不到 1 MB：请删去文件中的图片、附件和与任务无关的工作表，另存后再导入。');
    const [fromCli] = await importFiles(db(), [writeTemp('大文件.docx', big)], 'cli');
    expect(fromCli).toMatchObject({ error: expect.stringContaining('大文件.docx：文件有 21.0 MB，超过了 20.0 MB 的上限') });
  });

  it('an archive that unzips past 100 MB is refused, whether its sizes say so or lie', async () => {
    const honest = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(101 * 1024 * 1024), deflate: true }]);
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect(await refused('炸弹.docx', honest)).toBe(
      '炸弹.docx：文件解压后超过 100.0 MB（远大于文件本身，可能含有大量图片、隐藏内容或是被恶意构造的文件），没有导入。请用 Office/WPS 打开后只保留任务表格，另存为新文件再导入。',
    );
    // The sheet claims 1 KB and holds 150 MB: refused at the first KB inflated, not after.
    const lying = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(150 * 1024 * 1024), deflate: true, claimedSize: 1_000 }]);
    expect(await refused('炸弹.xlsx', lying)).toBe('炸弹.xlsx：文件中有内容解压后比它声明的大小还大，这是被篡改或恶意构造的文件，没有导入。请用 Office/WPS 打开后另存为新文件再导入。');
  });

  it('a merged range over the whole sheet is refused before the workbook is loaded', async () => {
    const merged = planSheet(10, () => '', '<mergeCells count="1"><mergeCell ref="B100:XFD1048576"/></mergeCells>');
    expect(await refused('合并.xlsx', merged)).toMatch(/^合并\.xlsx：表格中的合并单元格共覆盖 17,177,198,691 个单元格/);
  });

  it('a sheet with one cell far out in column XFD (and one in its last row) imports the same tasks as without', async () => {
    const plain = await parseDocumentBytes('计划.xlsx', planSheet(60));
    const far = planSheet(60, (row) => (row === 3 ? '<c r="XFD3" t="inlineStr"><is><t>备注</t></is></c>' : ''));
    const withLast = xlsxOfSheetXml(
      [sheetRow(1, [['A1', BIG_PLAN_TITLE]]), ...bigPlanRows(60).map((cells, index) => sheetRow(index + 2, cells.map((text, column) => [`${COLUMNS[column]}${index + 2}`, text] as const))), sheetRow(1_048_576, [['XFD1048576', '备注']])].join(''),
    );
    for (const bytes of [far, withLast]) {
      const result = await importDocumentBytes(db(), '计划.xlsx', bytes, 'ou_admin');
      if (!('report' in result)) throw new Error(JSON.stringify(result));
      const stored = await db().repos.tasks.listByPlan(result.report.planId);
      expect(stored.map((task) => [task.key, task.title, task.units.map((unit) => unit.unitName)])).toEqual(
        plain.parsed.nodes.map((node) => [node.key, node.title, node.units.map((unit) => unit.name)]),
      );
    }
  }, 120_000);
});

describe('the parse thread', () => {
  it('reads every seed, as .txt, .docx and .xlsx, exactly as the main thread does', async () => {
    for (const seed of ['000_94ff24fa85011159.txt', '002_873e3bb7a99b9369.txt', '004_cfc444f77b463dd9.txt']) {
      const text = readFileSync(join(seedsDir, seed));
      const content = planContentOf(text.toString('utf8'));
      for (const [name, bytes] of [[seed, text], [seed.replace('.txt', '.docx'), await docxOf(content)], [seed.replace('.txt', '.xlsx'), await xlsxOf(content)]] as const) {
        expect(await sharedParseThread.parse(name, bytes)).toEqual(await parseDocumentBytes(name, bytes));
      }
    }
  }, 120_000);

  it('passes on a refusal with its Chinese answer', async () => {
    await expect(sharedParseThread.parse('坏.docx', Buffer.from('not a zip'))).rejects.toMatchObject({
      name: 'DocumentRefused',
      message: '坏.docx：文件已损坏或不是有效的 .docx 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。',
    });
  });
});

describe('a database failure during an import [sqlite]', () => {
  let db: Database;
  beforeAll(async () => {
    const url = await createTestDatabaseUrl('sqlite');
    // The database refuses every new task.
    const raw = new Sqlite(url.replace(/^file:/, ''));
    raw.exec(`CREATE TRIGGER refuse_tasks BEFORE INSERT ON "Task" BEGIN SELECT RAISE(ABORT, 'disk on fire at /srv/duban/src/repositories/task-repository.ts'); END;`);
    raw.close();
    db = await Database.open(url);
  });
  afterAll(async () => db?.close());

  it('is answered in plain Chinese; the database text is only the detail for the log', async () => {
    const result = await importDocumentBytes(db, '方案.txt', readFileSync(join(seedsDir, '000_94ff24fa85011159.txt')), 'ou_admin');
    if (!('error' in result)) throw new Error('imported');
    expect(result.error).toBe('方案.txt：导入时出现内部错误，没有导入任何内容。请稍后重试；如仍失败，请联系管理员查看服务日志。');
    // The detail, for the log, holds the driver's error and source paths; the answer holds neither.
    expect(result.detail).toMatch(/Error[\s\S]*src\/repositories\//);
    expect(await db.repos.plans.count()).toBe(0);
  });
});

const tempDir = mkdtempSync(join(tmpdir(), 'duban-big-'));

/** Writes a file for importFiles, which reads from disk. */
function writeTemp(name: string, bytes: Buffer): string {
  const path = join(tempDir, name);
  writeFileSync(path, bytes);
  return path;
}
