/**
 * Reads a target table whose rows are the units themselves (责任目标分解表,
 * 指标任务分解): a header whose first cell names the unit column (单位名称,
 * 县（市、区）, 乡镇) and whose other cells are figures to reach, then one
 * line per unit with its figures:
 *
 *   单位名称 签约项目总投资(亿元) 实际利用外资(万美元) 实际到位内资(亿元)
 *   小店区 150 2500 80.0
 *   迎泽区 150 2100 59.0
 *
 * Each row is one task, the unit's share of the targets, written as the row
 * is; the unit is responsible for it. A row of the issuing place itself
 * (太原市 over its districts) or a 合计 row is the total, not a task. The
 * table ends at the first line that does not open with a unit. Tried as
 * one reader among the others: only a header of this shape starts it.
 */
import { draftNode, type DraftNode, type DraftPlan } from '../draft.js';
import { squash } from '../normalize-text.js';
import { looksLikeUnits } from './cell-kinds.js';
import { classifyHeaders } from './columns.js';
import { isPlaceName } from '../../places/gazetteer.js';

/** The unit column's header words. */
const UNIT_HEADER = /^(?:责任)?(?:单位(?:名称)?|地区|区域|县(?:[（(]市、?区[)）]|市区|区)|区县|县市区|乡镇(?:[（(]街道[)）])?|镇街|镇[（(]街道[)）]|部门(?:名称)?)$/;
/** A figure's measure in brackets: (亿元), （万美元）, (%), (个). */
const MEASURE = /[（(](?:[万亿千百]?(?:元|美元|人次?|户|个|所|家|座|条|套|台|件|亩|吨|公里|千米|米|平方米|公顷|张|床|%|％|项))[)）]/;
/** A name shaped like a place or a zone below the issuer: 杏花岭区, 望城镇, 长堎街道, 不锈钢园区. */
const PLACE_LIKE = /^[\u4e00-\u9fa5]{1,8}(?:[县区旗镇乡]|街道|园区|开发区|新区)$/;
/** A row's total rather than a unit's share. */
const TOTAL_ROW = /^(?:合计|总计|小计|全[省市县区])$/;

/** The cells of a header or row line: parted by tabs, bars or runs of spaces. */
function cellsOf(line: string): string[] {
  return line
    .replace(/^\s*\||\|\s*$/g, '')
    .split(/\t|\||\s+/)
    .map((cell) => cell.trim())
    .filter(Boolean);
}

/** Whether a line is the header of a unit-per-row target table. */
function isUnitRowHeader(line: string): boolean {
  const cells = cellsOf(line);
  if (cells.length < 3 || !UNIT_HEADER.test(cells[0]!)) return false;
  // The other columns are figures (a measure in brackets, 目标, 任务数), never a task or a deadline column.
  const rest = cells.slice(1);
  // (签约项目总投资(亿元) says 项目 as a task column would, but its measure makes it a figure.)
  const kinds = classifyHeaders(rest);
  if (kinds.some((kind, index) => kind === 'units' || kind === 'deadline' || kind === 'number' || (kind === 'text' && !MEASURE.test(rest[index]!)))) return false;
  return rest.every((cell) => cell.length <= 24) && rest.filter((cell) => MEASURE.test(cell) || /指标|目标|任务数|数量|总[量额数]|[增总]长|金额|面积|人数|户数|个数|率/.test(cell)).length >= rest.length / 2;
}

/** The unit a row opens with (小店区 in "小店区 150250080.081.6", 万柏林区 in "万柏林区160230059.060.5"), or undefined. */
function rowUnit(line: string): string | undefined {
  const match = /^\s*\|?\s*([\u4e00-\u9fa5（）()]{2,20}?)(?=[\s|\t]|\d)/.exec(line);
  if (!match) return undefined;
  const name = match[1]!;
  const rest = line.slice(match[0].length);
  if (!/\d/.test(rest)) return undefined;
  // A bare place (小店区, 古交市) is a unit here: the table hands each place its share.
  return looksLikeUnits(name) || isPlaceName(name) || PLACE_LIKE.test(name) || TOTAL_ROW.test(name) ? name : undefined;
}

/** The place of the body issuing the document, from its first lines (太原市 of 太原市人民政府办公厅). */
function issuingPlace(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(0, 12)) {
    const match = /([\u4e00-\u9fa5]{2,8}?[省市县区旗])(?:人民政府|政府|委员会|办公室|委)/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Reads a unit-per-row target table; undefined when the text has none. */
export function readUnitRows(lines: readonly string[]): DraftPlan | undefined {
  const headerAt = lines.findIndex(isUnitRowHeader);
  if (headerAt < 0) return undefined;
  const issuer = issuingPlace(lines);
  const nodes: DraftNode[] = [];
  let skipped = 0;
  for (let index = headerAt + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const unit = rowUnit(line);
    if (!unit) break;
    if (TOTAL_ROW.test(unit) || unit === issuer) {
      skipped++;
      continue;
    }
    const text = squash(line.replace(/[|\t]/g, ' '));
    nodes.push(
      draftNode({
        key: String(nodes.length + 1),
        title: text.length <= 60 ? text : `${text.slice(0, 59)}…`,
        requirement: `${squash(lines[headerAt]!.replace(/[|\t]/g, ' '))}\n${text}`,
        line: index + 1,
        excerpt: text,
        unitText: unit,
      }),
    );
  }
  if (nodes.length < 2) return undefined;
  return {
    layout: 'unit-rows',
    nodes,
    defaultRole: 'responsible',
    unitsAreSections: false,
    warnings: [
      {
        line: headerAt + 1,
        message: `第${headerAt + 1}行起是按单位分解的目标表：每个单位一行，记为该单位负责的一项任务${skipped ? `（合计行${skipped}行未记为任务）` : ''}，请核对`,
      },
    ],
  };
}
