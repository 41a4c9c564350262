/**
 * Recognises the columns of a task table from its header cells
 * (序号 / 工作任务 / 具体要求 / 牵头单位 / 责任单位 / 配合单位 / 完成时限 and
 * their variants), and reads a row's unit columns into one unit text.
 */
import type { UnitRole } from '../../vocabulary.js';

/** A column naming units, and the part its units take when a cell says nothing. */
export interface UnitColumn {
  index: number;
  role: UnitRole;
}

/** Index of each known column in the header, or -1. */
export interface ColumnMap {
  number: number;
  title: number;
  requirement: number;
  measures: number;
  /** The first unit column. */
  units: number;
  /** Every unit column, in header order (牵头单位, 责任单位, 配合单位…). */
  unitColumns: UnitColumn[];
  deadline: number;
  /** Default role of units in the first unit column: 牵头… → lead. */
  defaultRole: UnitRole;
  /** The unit column lists sections (科室) of one bureau. */
  sections: boolean;
}

const UNIT_HEADER = /单位|科室|部门|责任/;

function roleOfHeader(header: string): UnitRole {
  if (/牵头/.test(header)) return 'lead';
  if (/配合|协办|协助|参与/.test(header)) return 'cooperating';
  return 'responsible';
}

/** Maps header cells to columns; undefined when there is no unit column. */
export function mapColumns(header: readonly string[]): ColumnMap | undefined {
  const squashed = header.map((cell) => cell.replace(/\s+/g, ''));
  const find = (pattern: RegExp) => squashed.findIndex((cell) => pattern.test(cell));
  const unitColumns = squashed.flatMap((cell, index) => (UNIT_HEADER.test(cell) ? [{ index, role: roleOfHeader(cell) }] : []));
  if (unitColumns.length === 0) return undefined;
  const units = unitColumns[0]!.index;
  return {
    number: find(/^序号$|^编号$/),
    title: find(/任务/),
    requirement: find(/要求|内容/),
    measures: find(/措施/),
    units,
    unitColumns,
    deadline: find(/时限|时间|进度|期限/),
    defaultRole: unitColumns[0]!.role,
    sections: /科室/.test(squashed[units]!),
  };
}

/** Whether a header row is present: it names 序号 or 工作任务 and a unit column. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => /序号|工作任务/.test(cell)) && mapColumns(cells) !== undefined;
}

const ROLE_WORDING = /牵头|负责|配合|会同|协助|协同|参与|落实|承办|实施/;
const ROLE_VERB: Record<UnitRole, string> = { lead: '牵头', responsible: '负责', cooperating: '配合' };

/**
 * A row's units as one text. With one unit column that is the cell itself;
 * with several (牵头单位 | 责任单位 | 配合单位), each cell that does not say
 * its own part gets its column's verb, so "市财政局" under 配合单位 reads as
 * "市财政局配合".
 */
export function unitTextOf(cells: readonly string[], columns: ColumnMap): string {
  const filled = columns.unitColumns.filter(({ index }) => (cells[index] ?? '').trim() !== '');
  if (columns.unitColumns.length === 1) return (cells[columns.units] ?? '').trim();
  return filled
    .map(({ index, role }) => {
      const text = cells[index]!.trim();
      return ROLE_WORDING.test(text) ? text : `${text.replace(/[，,；;]/g, '、')}${ROLE_VERB[role]}`;
    })
    .join('；');
}
