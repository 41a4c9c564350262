/**
 * Word documents written as Word writes them, part by part: paragraphs
 * that may belong to an automatic list (numbering.xml's definitions: a
 * level's format, such as chineseCounting, and its text, such as "（%1）";
 * a list instance that starts again), and tables with spanned and
 * vertically merged cells whose cells may themselves be numbered (a 序号
 * column Word fills in). The tests of the .docx reader use it to hold a
 * corpus document the way an office that numbers automatically holds it.
 */
import { zipOf } from './zip-archives.js';

/** A paragraph; numbered ones name their list instance and level. */
export interface WordParagraph {
  text: string;
  list?: { numId: number; level: number };
  /** A paragraph style (Heading1 …) defined by the document's styles.xml. */
  style?: string;
}

/** A table cell: its paragraphs, the columns it spans, and whether it starts or continues a vertical merge. */
export interface WordCell {
  paragraphs: WordParagraph[];
  span?: number;
  merge?: 'restart' | 'continue';
}

/** A block of the document's body. */
export type WordBlock = { paragraph: WordParagraph } | { table: { rows: WordCell[][]; headerRows: number } };

/** One level of a list definition: Word's numFmt and lvlText. */
export interface WordLevel {
  format: string;
  text: string;
  start?: number;
}

/** A list definition (an abstractNum) and its instances (w:num), each with the levels it starts again at a given value. */
export interface WordList {
  levels: WordLevel[];
  instances: { numId: number; startOverrides?: Record<number, number> }[];
}

/** A paragraph style numbered through a list (Heading 1 numbered 一、). */
export interface WordStyle {
  id: string;
  list?: { numId: number; level: number };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NAMESPACES = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const numPr = (list: { numId: number; level: number }) => `<w:numPr><w:ilvl w:val="${list.level}"/><w:numId w:val="${list.numId}"/></w:numPr>`;

function paragraphXml(paragraph: WordParagraph): string {
  const properties = [paragraph.style ? `<w:pStyle w:val="${paragraph.style}"/>` : '', paragraph.list ? numPr(paragraph.list) : ''].join('');
  const run = paragraph.text ? `<w:r><w:t xml:space="preserve">${escape(paragraph.text)}</w:t></w:r>` : '';
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${run}</w:p>`;
}

function tableXml(table: { rows: WordCell[][]; headerRows: number }): string {
  const columns = Math.max(...table.rows.map((row) => row.reduce((sum, cell) => sum + (cell.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(columns)}</w:tblGrid>`;
  const rows = table.rows.map((row, index) => {
    const cells = row.map((cell) => {
      const properties = [cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '', cell.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.merge === 'continue' ? '<w:vMerge/>' : ''].join('');
      const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs.map(paragraphXml).join('') : '<w:p/>';
      return `<w:tc><w:tcPr><w:tcW w:w="${1500 * (cell.span ?? 1)}" w:type="dxa"/>${properties}</w:tcPr>${paragraphs}</w:tc>`;
    });
    return `<w:tr>${index < table.headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

function numberingXml(lists: readonly WordList[]): string {
  const abstracts = lists.map((list, id) => {
    const levels = list.levels.map((level, ilvl) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${level.start ?? 1}"/><w:numFmt w:val="${level.format}"/><w:lvlText w:val="${escape(level.text)}"/><w:lvlJc w:val="left"/></w:lvl>`);
    return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels.join('')}</w:abstractNum>`;
  });
  const nums = lists.flatMap((list, id) =>
    list.instances.map((instance) => {
      const overrides = Object.entries(instance.startOverrides ?? {}).map(([level, start]) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`);
      return `<w:num w:numId="${instance.numId}"><w:abstractNumId w:val="${id}"/>${overrides.join('')}</w:num>`;
    }),
  );
  return `<w:numbering ${NAMESPACES}>${abstracts.join('')}${nums.join('')}</w:numbering>`;
}

function stylesXml(styles: readonly WordStyle[]): string {
  const defined = styles.map((style) => `<w:style w:type="paragraph" w:styleId="${style.id}"><w:name w:val="${style.id}"/><w:basedOn w:val="Normal"/><w:pPr>${style.list ? numPr(style.list) : ''}</w:pPr></w:style>`);
  return `<w:styles ${NAMESPACES}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${defined.join('')}</w:styles>`;
}

/** A .docx of the blocks, with the lists and styles they use. */
export function wordDocumentOf(blocks: readonly WordBlock[], lists: readonly WordList[] = [], styles: readonly WordStyle[] = []): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');
  const body = blocks.map((block) => ('paragraph' in block ? paragraphXml(block.paragraph) : `${tableXml(block.table)}<w:p/>`)).join('');
  const relationshipTypes = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const contentTypes = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${contentTypes}.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="${contentTypes}.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="${contentTypes}.styles+xml"/></Types>`),
      deflate: true,
    },
    { name: '_rels/.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipTypes}/officeDocument" Target="word/document.xml"/></Relationships>`), deflate: true },
    {
      name: 'word/_rels/document.xml.rels',
      data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipTypes}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${relationshipTypes}/styles" Target="styles.xml"/></Relationships>`),
      deflate: true,
    },
    { name: 'word/document.xml', data: xml(`<w:document ${NAMESPACES}><w:body>${body}<w:sectPr/></w:body></w:document>`), deflate: true },
    { name: 'word/numbering.xml', data: xml(numberingXml(lists)), deflate: true },
    { name: 'word/styles.xml', data: xml(stylesXml(styles)), deflate: true },
  ]);
}
