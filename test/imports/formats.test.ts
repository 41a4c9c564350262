/**
 * The same plan saved as .docx, .xlsx or .csv imports to the same tasks as
 * its text: fixtures are built from each seed's text with the docx and
 * exceljs libraries (merged cells and all) and read back through the
 * import's own file readers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument, type ParsedNode, type ParsedPlan } from '../../src/domain/imports/plan-parser.js';
import { readDocumentFile } from '../../src/imports/import-files.js';
import { csvOf, docxOf, planContentOf, xlsxOf } from '../support/document-fixtures.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SEEDS = ['000_94ff24fa85011159.txt', '001_3c6ad803d9ae2d0e.txt', '002_873e3bb7a99b9369.txt', '003_d1035213d6840534.txt', '004_cfc444f77b463dd9.txt'];
const workDir = mkdtempSync(join(tmpdir(), 'duban-formats-'));

/** What a user sees of a task: everything but where in the file it came from. */
function visible(node: ParsedNode): unknown {
  return {
    key: node.key,
    number: node.number,
    title: node.title,
    requirement: node.requirement,
    categoryPath: node.categoryPath,
    units: node.units.map((unit) => `${unit.name}:${unit.role}${unit.aliases.length ? `(${unit.aliases.join('/')})` : ''}`),
    deadlines: node.deadlines.map((deadline) => `${deadline.raw}→${deadline.dueOn ?? deadline.kind}`),
    warnings: node.warnings.length,
    children: node.children.map(visible),
  };
}

function summary(plan: ParsedPlan) {
  return { title: plan.title, jurisdiction: plan.jurisdiction, year: plan.year, issuer: plan.issuer, nodes: plan.nodes.map(visible) };
}

async function importedAs(seed: string, extension: '.docx' | '.xlsx' | '.csv'): Promise<ParsedPlan> {
  const content = planContentOf(readFileSync(join(seedsDir, seed), 'utf8'));
  const bytes = extension === '.docx' ? await docxOf(content) : extension === '.xlsx' ? await xlsxOf(content) : csvOf(content);
  const path = join(workDir, seed.replace('.txt', extension));
  writeFileSync(path, bytes);
  const document = await readDocumentFile(path);
  return parsePlanDocument(document, seed.replace('.txt', extension));
}

describe.each(SEEDS)('seed %s in office formats', (seed) => {
  const asText = () => parsePlanDocument(readFileSync(join(seedsDir, seed), 'utf8'), seed);

  it.each(['.docx', '.xlsx'] as const)('imports from %s to the same tasks as the text', async (extension) => {
    const plan = await importedAs(seed, extension);
    expect(plan.layout).toBe(planContentOf(readFileSync(join(seedsDir, seed), 'utf8')).table ? 'table' : 'prose');
    expect(summary(plan)).toEqual(summary(asText()));
  });
});

describe('other spreadsheet and file cases', () => {
  it('a CSV export of seed 000 imports to the same tasks', async () => {
    const seed = SEEDS[0]!;
    expect(summary(await importedAs(seed, '.csv'))).toEqual(summary(parsePlanDocument(readFileSync(join(seedsDir, seed), 'utf8'), seed)));
  });

  it('a CSV saved in GBK by Excel is read correctly', async () => {
    const path = join(workDir, 'gbk.csv');
    const utf8 = csvOf(planContentOf(readFileSync(join(seedsDir, SEEDS[0]!), 'utf8'))).toString('utf8').replace(/^\uFEFF/, '');
    writeFileSync(path, Buffer.from(new TextEncoderGbk().encode(utf8)));
    const plan = parsePlanDocument(await readDocumentFile(path), 'gbk.csv');
    expect(plan.nodes).toHaveLength(27);
    expect(plan.nodes.find((node) => node.key === '8')!.units.map((unit) => unit.name)).toEqual(['市财政局', '市发展改革局']);
  });

  it('separate 牵头单位 / 责任单位 / 配合单位 columns give each unit its column role; Excel dates are deadlines', async () => {
    const workbook = new (await import('exceljs')).default.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['珠海市2019年重点工作分工方案']);
    sheet.addRow(['序号', '工作任务', '牵头单位', '责任单位', '配合单位', '完成时限']);
    sheet.addRow([1, '推进PPP项目信息公开', '市财政局', '市发展改革局、市住房城乡建设局', '各区政府', new Date(Date.UTC(2019, 11, 31))]);
    sheet.addRow([2, '公开财政预决算', '市财政局牵头，市审计局负责', '', '', '2019年6月底前']);
    const path = join(workDir, 'columns.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const plan = parsePlanDocument(await readDocumentFile(path), 'columns.xlsx');
    expect(plan.title).toBe('珠海市2019年重点工作分工方案');
    expect(plan.nodes.map((node) => node.units.map((unit) => `${unit.name}:${unit.role}`))).toEqual([
      ['市财政局:lead', '市发展改革局:responsible', '市住房城乡建设局:responsible', '各区政府:cooperating'],
      ['市财政局:lead', '市审计局:responsible'],
    ]);
    expect(plan.nodes.map((node) => node.deadlines.map((deadline) => deadline.dueOn))).toEqual([['2019-12-31'], ['2019-06-30']]);
  });

  it('a damaged .docx or .doc, or a format the importer does not read, gets one clear error', async () => {
    const broken = join(workDir, 'broken.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    await expect(readDocumentFile(broken)).rejects.toThrow('broken.docx：文件已损坏或不是有效的 .docx 文件');
    const old = join(workDir, 'old.doc');
    writeFileSync(old, 'whatever');
    await expect(readDocumentFile(old)).rejects.toThrow('old.doc：文件已损坏或不是有效的 .doc 文件');
    const pages = join(workDir, 'plan.pages');
    writeFileSync(pages, 'whatever');
    await expect(readDocumentFile(pages)).rejects.toThrow('请在 Office/WPS 中另存为其中一种（如 .docx 或 .xlsx）后再导入');
  });
});

/** GBK encoder for the test: Node decodes GBK but cannot encode it, so build the table from the decoder. */
class TextEncoderGbk {
  private static table: Map<string, number[]> | undefined;

  encode(text: string): Uint8Array {
    const table = (TextEncoderGbk.table ??= TextEncoderGbk.build());
    const bytes: number[] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...(table.get(char) ?? [0x3f]));
    }
    return Uint8Array.from(bytes);
  }

  private static build(): Map<string, number[]> {
    const decoder = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
      }
    }
    return table;
  }
}
