/**
 * Makes the office versions of the corpus's table documents
 * (test/fixtures/real/office/), so `npm run eval:import -- --format all`
 * scores the importer on them as Word and Excel hold them: real Word
 * tables with vertical merges, Excel merged ranges. Run by hand, never by
 * CI (it needs LibreOffice: `apt-get install libreoffice-writer-nogui
 * libreoffice-calc-nogui`, and for .pdf a Chinese font, `fonts-wqy-zenhei`:
 * without one every character is printed as the same missing glyph and the
 * PDF has no readable text); the generated files are committed.
 *
 *   npx tsx scripts/make-office-fixtures.ts                       # .docx and .xlsx of every table document
 *   npx tsx scripts/make-office-fixtures.ts --formats docx,xlsx,doc,xls,pdf
 *   npx tsx scripts/make-office-fixtures.ts --doc dazhu-2016-1 --print   # show the rebuilt grid, write nothing
 *
 * The tables are rebuilt from each .txt verbatim (office-fixtures/), never
 * from the gold. .docx comes from HTML through LibreOffice Writer; .doc and
 * .pdf from that .docx, .xls from the .xlsx, each through LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { rebuildDocument, type Block } from './office-fixtures/rebuild-table.js';
import { SKIPPED, TABLE_SPECS } from './office-fixtures/table-specs.js';
import { documentHtml, documentXlsx } from './office-fixtures/write-office.js';

const corpus = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const formats = new Set((option('formats') ?? 'docx,xlsx').split(','));
const onlyDoc = option('doc');
const out = option('out') ?? join(corpus, 'office');
const LIBREOFFICE_FILTERS: Record<string, string> = { docx: 'docx:MS Word 2007 XML', doc: 'doc:MS Word 97', pdf: 'pdf:writer_pdf_Export', xls: 'xls:MS Excel 97' };

/** Runs LibreOffice once over several files, with a profile of its own (another soffice may be running). */
function soffice(files: string[], convertTo: string, outDir: string, infilter?: string) {
  if (files.length === 0) return;
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', convertTo, '--outdir', outDir, ...files], { stdio: 'pipe' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** One file's text out of a zip, found through the central directory (LibreOffice writes sizes after the data). */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let left = zip.readUInt16LE(end + 10); left > 0; left--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in the zip`);
}

function printBlocks(slug: string, blocks: readonly Block[]) {
  console.log(`=== ${slug}`);
  for (const block of blocks) {
    if ('paragraph' in block) {
      console.log(`¶ ${block.paragraph.slice(0, 60)}`);
      continue;
    }
    for (const row of block.table.rows) {
      const cells = row.cells.map((cell) => (cell.merged ? '⇡' : cell.covered ? '←' : cell.paragraphs.map((p) => p.slice(0, 18)).join('⏎') || '∅') + (cell.span ? `[×${cell.span}]` : ''));
      console.log(`${row.kind === 'header' ? 'H' : row.kind === 'section' ? 'S' : ' '} | ${cells.join(' | ')}`);
    }
  }
}

const documents: { slug: string; blocks: Block[] }[] = [];
for (const [slug, specs] of Object.entries(TABLE_SPECS)) {
  if (onlyDoc && slug !== onlyDoc) continue;
  const text = readFileSync(join(corpus, `${slug}.txt`), 'utf8');
  documents.push({ slug, blocks: rebuildDocument(text, specs, slug) });
}
if (args.includes('--print')) {
  for (const { slug, blocks } of documents) printBlocks(slug, blocks);
  process.exit(0);
}

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'office-fixtures-'));
try {
  const wordSources: string[] = [];
  for (const { slug, blocks } of documents) {
    if (formats.has('docx') || formats.has('doc') || formats.has('pdf')) {
      const html = join(work, `${slug}.html`);
      writeFileSync(html, documentHtml(blocks, slug));
      wordSources.push(html);
    }
    if (formats.has('xlsx') || formats.has('xls')) writeFileSync(join(work, `${slug}.xlsx`), await documentXlsx(blocks));
  }
  soffice(wordSources, LIBREOFFICE_FILTERS.docx!, work, 'HTML (StarWriter)');
  for (const format of ['doc', 'pdf'].filter((name) => formats.has(name))) {
    soffice(documents.map(({ slug }) => join(work, `${slug}.docx`)), LIBREOFFICE_FILTERS[format]!, join(work, format));
  }
  if (formats.has('xls')) soffice(documents.map(({ slug }) => join(work, `${slug}.xlsx`)), LIBREOFFICE_FILTERS.xls!, join(work, 'xls'));

  for (const { slug, blocks } of documents) {
    const merges = blocks.some((block) => 'table' in block && block.table.rows.some((row) => row.cells.some((cell) => cell.merged)));
    if (formats.has('docx')) {
      const xml = zipEntry(readFileSync(join(work, `${slug}.docx`)), 'word/document.xml');
      if (!xml.includes('<w:tbl>')) throw new Error(`${slug}.docx has no Word table`);
      if (merges && !xml.includes('<w:vMerge')) throw new Error(`${slug}.docx lost its vertical merges`);
    }
    const written: string[] = [];
    for (const format of ['docx', 'xlsx', 'doc', 'pdf', 'xls'].filter((name) => formats.has(name))) {
      const from = ['doc', 'pdf', 'xls'].includes(format) ? join(work, format, `${slug}.${format}`) : join(work, `${slug}.${format}`);
      renameSync(from, join(out, `${slug}.${format}`));
      written.push(format);
    }
    console.log(`✓ ${slug}: ${written.join(', ')}${merges ? ' (vertical merges)' : ''}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const [slug, reason] of Object.entries(SKIPPED)) if (!onlyDoc || onlyDoc === slug) console.log(`– ${slug} skipped: ${reason}`);
// Table documents added to the corpus since: they need a spec (or a reason to skip them). Only the family is read from the gold.
for (const file of readdirSync(corpus).filter((name) => name.endsWith('.json')).sort()) {
  const slug = file.replace(/\.json$/, '');
  const { family } = JSON.parse(readFileSync(join(corpus, file), 'utf8')) as { family: string };
  if (/^table-|^mixed$/.test(family) && !(slug in TABLE_SPECS) && !(slug in SKIPPED)) console.log(`? ${slug} (${family}) has no table spec yet`);
}
