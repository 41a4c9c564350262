/**
 * Recognises the columns of a task table from its header cells
 * (序号 / 工作任务 / 具体要求 / 牵头落实单位 / 完成时限 and their variants).
 */
import type { UnitRole } from '../../vocabulary.js';

/** Index of each known column in the header, or -1. */
export interface ColumnMap {
  number: number;
  title: number;
  requirement: number;
  measures: number;
  units: number;
  deadline: number;
  /** Default role of units in the unit column: 牵头… → lead. */
  defaultRole: UnitRole;
  /** The unit column lists sections (科室) of one bureau. */
  sections: boolean;
}

/** Maps header cells to columns; undefined when there is no unit column. */
export function mapColumns(header: readonly string[]): ColumnMap | undefined {
  const find = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell.replace(/\s+/g, '')));
  const units = find(/单位|科室|部门|责任/);
  if (units < 0) return undefined;
  const unitHeader = header[units]!;
  return {
    number: find(/^序号$|^编号$/),
    title: find(/任务/),
    requirement: find(/要求|内容/),
    measures: find(/措施/),
    units,
    deadline: find(/时限|时间|进度|期限/),
    defaultRole: /牵头/.test(unitHeader) ? 'lead' : 'responsible',
    sections: /科室/.test(unitHeader),
  };
}

/** Whether a header row is present: it names 序号 or 工作任务 and a unit column. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => /序号|工作任务/.test(cell)) && mapColumns(cells) !== undefined;
}
