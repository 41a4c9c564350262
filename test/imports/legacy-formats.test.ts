/**
 * The formats offices send besides .docx and .xlsx (issue 18), through
 * `npm run import`'s path (importFiles) into a real database: Word 97 .doc
 * and WPS .wps, Excel 97 .xls and WPS .et, and a PDF with a text layer
 * import the same tasks as the .docx of the same plan; a PDF printed with
 * running headers and page numbers and a table over three pages imports
 * every row once and none of the page furniture; a scan, and files whose
 * contents are not what their names say, are answered in Chinese and
 * change nothing. The .wps and .et files stand in as the .doc and .xls
 * bytes under those names: WPS Office writes its .wps and .et in the same
 * OLE formats, and LibreOffice cannot write either.
 */
import * as XLSX from '@e965/xlsx';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importFiles, type FileImportResult } from '../../src/imports/import-files.js';
import { describeEachDatabase } from '../support/databases.js';
import { pdfOf, tablePdf } from '../support/pdf-writer.js';

const office = fileURLToPath(new URL('../fixtures/real/office/', import.meta.url));
const tempDir = mkdtempSync(join(tmpdir(), 'duban-legacy-formats-'));

function writeTemp(name: string, bytes: Buffer): string {
  const path = join(tempDir, name);
  writeFileSync(path, bytes);
  return path;
}

const ROWS = Array.from({ length: 30 }, (_, index) => [String(index + 1), `推进第${index + 1}项重点工作`, index % 2 ? '市财政局' : '市发展改革局', '2027年12月底前']);

/** A plan printed over three pages, as a 政府信息公开 page publishes it. */
const printedPlan = () =>
  tablePdf({ title: ['珠海市2027年重点工作任务分工方案'], header: ['序号', '工作任务', '牵头单位', '完成时限'], rows: ROWS, widths: [40, 220, 120, 100], rowsPerPage: 12, runningHeader: '珠海市人民政府办公室文件' });

describeEachDatabase('plans sent as .doc, .wps, .xls, .et and .pdf', ({ db }) => {
  const tasksOf = async (result: FileImportResult | undefined) => {
    if (!result || !('report' in result)) throw new Error(`not imported: ${JSON.stringify(result)}`);
    const tasks = await db().repos.tasks.listByPlan(result.report.planId);
    return { title: result.report.title, tasks: tasks.map((task) => ({ key: task.key, title: task.title, units: task.units.map((unit) => `${unit.unitName}:${unit.role}`), deadlines: task.deadlines.map((deadline) => deadline.raw) })) };
  };

  it('each old Word, WPS, Excel and PDF version of a plan imports the tasks its .docx does', async () => {
    const fromDocx = await tasksOf((await importFiles(db(), [join(office, 'dazhu-2016-1.docx')], 'cli'))[0]);
    expect(fromDocx.tasks).toHaveLength(10);
    for (const [format, from] of [['doc', 'doc'], ['wps', 'doc'], ['xls', 'xls'], ['et', 'xls'], ['pdf', 'pdf']] as const) {
      const path = writeTemp(`大竹县2016年民生实事.${format}`, readFileSync(join(office, `dazhu-2016-1.${from}`)));
      const imported = await tasksOf((await importFiles(db(), [path], 'cli'))[0]);
      expect({ format, ...imported }).toEqual({ format, ...fromDocx });
    }
  });

  it('a printed PDF: running headers and page numbers are no tasks, and the table over three pages is read once, its repeated header rows left out', async () => {
    const { title, tasks } = await tasksOf((await importFiles(db(), [writeTemp('珠海分工.pdf', printedPlan())], 'cli'))[0]);
    expect(title).toBe('珠海市2027年重点工作任务分工方案');
    expect(tasks.map((task) => task.key)).toEqual(ROWS.map(([number]) => number));
    expect(tasks.at(-1)).toEqual({ key: '30', title: '推进第30项重点工作', units: ['市财政局:lead'], deadlines: ['2027年12月底前'] });
    expect(JSON.stringify(tasks)).not.toMatch(/人民政府办公室文件|—/);
  });

  it('a PDF row the page break cut in two is one task: the cell that ran to its edge at the foot of the page goes on at the top of the next', async () => {
    const xs = [60, 100, 300, 372, 452];
    const grid = (bottom: number) => [
      ...[760, 736, 712, bottom].filter((y, index, all) => all.indexOf(y) === index && y >= bottom).map((y) => ({ x1: 60, y1: y, x2: 452, y2: y })),
      ...xs.map((x) => ({ x1: x, y1: 760, x2: x, y2: bottom })),
    ];
    const cells = (y: number, texts: string[]) => texts.flatMap((text, column) => (text ? [{ x: xs[column]! + 3, y: y + 8, size: 10, text }] : []));
    const header = cells(736, ['序号', '工作任务', '牵头单位', '完成时限']);
    const pdf = pdfOf([
      { texts: [{ x: 200, y: 790, size: 14, text: '珠海市2027年重点工作任务分工方案' }, ...header, ...cells(712, ['1', '推进老旧小区改造', '市住房城乡建', '6月底前'])], lines: grid(712) },
      { texts: [...header, ...cells(712, ['', '', '设局', '']), ...cells(688, ['2', '完善预决算公开', '市财政局', '12月底前'])], lines: grid(688) },
    ]);
    const { tasks } = await tasksOf((await importFiles(db(), [writeTemp('跨页.pdf', pdf)], 'cli'))[0]);
    expect(tasks.map((task) => [task.key, task.title, task.units])).toEqual([
      ['1', '推进老旧小区改造', ['市住房城乡建设局:lead']],
      ['2', '完善预决算公开', ['市财政局:lead']],
    ]);
  });

  it('a PDF table whose unit, section and leader cells span three rows (no rule drawn between them) gives each row them, as the .docx does; a task wrapped in its cell before a mark that cannot start a line (新增中小 / 学、幼儿园…) is joined back', async () => {
    // A narrow task column: 新增中小 leaves room for one character before its edge, not for 学、 together.
    const xs = [60, 90, 151, 231, 301, 341, 411];
    const full = (y: number) => ({ x1: 60, y1: y, x2: 411, y2: y });
    // Rows 2 and 3 have no rule above them under 牵头单位, 负责科室 and 负责人: those cells span rows 1 to 3.
    const open = (y: number) => [{ x1: 60, y1: y, x2: 151, y2: y }, { x1: 341, y1: y, x2: 411, y2: y }];
    const text = (column: number, y: number, value: string) => ({ x: xs[column]! + 3, y, size: 10, text: value });
    const pdf = pdfOf([
      {
        texts: [
          { x: 160, y: 790, size: 14, text: '某区2023年民生实事项目责任分解' },
          ...['序号', '工作任务', '牵头单位', '负责科室', '负责人', '完成时间'].map((value, column) => text(column, 740, value)),
          text(0, 710, '1'), text(1, 717, '新增中小'), text(1, 705, '学、幼儿园'), text(2, 710, '区民政局'), text(3, 710, '养老服务科'), text(4, 710, '何滢'), text(5, 710, '11月底前'),
          text(0, 680, '2'), text(1, 680, '新增床位'), text(5, 680, '10月底前'),
          text(0, 650, '3'), text(1, 650, '建活动中心'), text(5, 650, '12月底前'),
        ],
        lines: [full(760), full(730), ...open(700), ...open(670), full(640), ...xs.map((x) => ({ x1: x, y1: 760, x2: x, y2: 640 }))],
      },
    ]);
    const { tasks } = await tasksOf((await importFiles(db(), [writeTemp('民生实事.pdf', pdf)], 'cli'))[0]);
    expect(tasks.map((task) => [task.key, task.title, task.units])).toEqual([
      ['1', '新增中小学、幼儿园', ['区民政局:lead', '养老服务科:responsible']],
      ['2', '新增床位', ['区民政局:lead', '养老服务科:responsible']],
      ['3', '建活动中心', ['区民政局:lead', '养老服务科:responsible']],
    ]);
  });

  it('a scanned PDF, a sheet merged over its whole width and height, and files that are not what their names say are answered and change nothing', async () => {
    const plans = await db().repos.plans.count();
    const sheet = XLSX.utils.aoa_to_sheet([['序号', '工作任务', '牵头单位'], ['1', '推进工作', '市财政局']]);
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 65_535, c: 255 } }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '任务');
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const results = await importFiles(
      db(),
      [
        writeTemp('扫描件.pdf', pdfOf([{ image: true }, { image: true }])),
        writeTemp('合并.xls', xls),
        writeTemp('表格.wps', xls),
        writeTemp('富文本.doc', Buffer.from('{\\rtf1\\ansi 推进工作}')),
        writeTemp('坏的.pdf', Buffer.from('not a pdf')),
      ],
      'cli',
    );
    expect(results.map((result) => ('error' in result ? result.error : 'imported'))).toEqual([
      '扫描件.pdf：这份 PDF 的 2 页里只有图片，没有文字（多半是扫描件），无法读取其中的任务，没有导入。请向发文单位索取 Word/WPS 原件或带文字的 PDF；也可以先用 WPS 或 Acrobat 的“文字识别（OCR）”转成 Word，核对后再导入。',
      '合并.xls：表格中的合并单元格共覆盖 16,777,216 个单元格（例如整行、整列或整张表合并），远超任务表格所需，没有导入。请取消这些大范围的合并，只保留任务表格后另存再导入。',
      '表格.wps：这份 .wps 文件不是 Word 97–2003 或 WPS 文字格式（可能是 Microsoft Works、早期 WPS 或改了扩展名的其他文件），无法直接读取。请用 WPS 或 Word 打开后另存为 .docx 再导入。',
      '富文本.doc：这份 .doc 文件实际是 RTF 格式，无法直接读取。请用 WPS 或 Word 打开后另存为 .docx 再导入。',
      '坏的.pdf：文件已损坏或不是有效的 .pdf 文件，无法读取。请用 Office/WPS 打开确认后重新保存再导入。',
    ]);
    expect(await db().repos.plans.count()).toBe(plans);
  });

  it('an .xlsx or .docx saved under an old name is read as what it is, through the zip guards', async () => {
    const [sheet, document] = await importFiles(db(), [writeTemp('改名的表格.xls', readFileSync(join(office, 'suining-2016-1.xlsx'))), writeTemp('改名的文档.doc', readFileSync(join(office, 'suining-2016-1.docx')))], 'cli');
    const [fromXlsx, fromDocx] = [await tasksOf(sheet), await tasksOf(document)];
    expect(fromXlsx.tasks.length).toBeGreaterThan(0);
    expect(fromDocx.tasks).toEqual(fromXlsx.tasks);
  });
});
