/**
 * Where each table document of the corpus (family table-flat,
 * table-delimited, or mixed with a table) keeps its table, and how the web
 * page wrote its cells: read by make-office-fixtures.ts to rebuild the
 * documents as Word and Excel hold them. Written from reading each .txt
 * alone, never its gold. A document that cannot be rebuilt faithfully is in
 * SKIPPED with the reason.
 */
import type { Shape, TableSpec } from './rebuild-table.js';

/** Shapes for the numbered rows from..to that all share one shape. */
function each(from: number, to: number, shape: Shape): Record<string, Shape> {
  return Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), shape]));
}

/** 一、二、… headings. */
const CHINESE_HEADING = /^[一二三四五六七八九十]+、/;
/** (一)（二）… headings, half- or full-width parentheses. */
const PAREN_HEADING = /^[（(][一二三四五六七八九十]+[)）]/;

/** A row line "number text unit": the number, an empty 名称, the text, the last space-separated piece. */
function numberTextUnit(withName: boolean) {
  return (line: string): string[] => {
    const match = /^(\d+) (.+) (\S+)$/.exec(line) ?? /^(\d+) (.+)()$/.exec(line);
    if (!match) return [line];
    return withName ? [match[1]!, '', match[2]!, match[3]!] : [match[1]!, match[2]!, match[3]!];
  };
}

/** The table documents and their tables. */
export const TABLE_SPECS: Record<string, TableSpec[]> = {
  'cangnan-2022-1': [{ layout: 'blank-lines', start: '序号\n\n项目内容', columns: 5, number: 0 }],
  'changshu-2018-1': [
    {
      layout: 'spaced-rows',
      start: '序号 名称 工作任务 牵头责任单位',
      columns: 4,
      splitHeader: (line) => line.split(' '),
      sections: CHINESE_HEADING,
      // The rows name no 名称: that cell is empty.
      split: numberTextUnit(true),
    },
  ],
  'chizhou-2022-1': [
    {
      layout: 'pipes',
      start: '工作任务',
      columns: 5,
      // 工作任务 spans the task-group column and the number column.
      header: { spans: [2, 1, 1, 1] },
      number: 1,
      category: {
        column: 0,
        pieces: ['强化行政规范性文件集中规范公开', '深化政策解读形式', '做好主动公开基础工作', '规范办理依申请公开', '认真抓好工作落实', '加强宣传', '做好指导监督'],
      },
    },
  ],
  'dazhu-2016-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n民生实事',
      until: '分享到',
      columns: 4,
      number: 0,
      absorb: 2,
      // Item 5 has a second row (开工建设老年大学) under the same 序号 and 责任单位.
      shapes: { '5': ['1 1 1 1', 'M 1 M 1'] },
    },
  ],
  'guowuyuan-2016-1': [
    {
      layout: 'spaced-rows',
      start: '序号 工 作 任 务 牵头负责部门',
      columns: 3,
      splitHeader: (line) => /^(\S+) (.+) (\S+)$/.exec(line)!.slice(1),
      split: numberTextUnit(false),
    },
  ],
  'hangzhou-2021-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n重点工作任务(杭州市2项配合工作)',
      until: '二、省政府工作报告2021年重点工作涉杭任务责任分解',
      columns: 3,
      number: 0,
      sections: PAREN_HEADING,
      // 省牵头单位:… is a second paragraph of the 责任单位 cell.
      absorb: 2,
    },
    { layout: 'blank-lines', start: '序号\n\n重点工作任务(杭州市2项牵头工作', columns: 3, number: 0, sections: PAREN_HEADING, absorb: 2 },
  ],
  'huoshan-2025-1': [{ layout: 'pipes', start: '序号 |', columns: 5, number: 0 }],
  'liandu-2023-1': [{ layout: 'blank-lines', start: '分类\n\n序号', columns: 5, number: 1, category: { column: 0, pieces: ['发展目标', '激发市场活力'] } }],
  'longwan-2023-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n重点工作',
      columns: 4,
      // 区本级 / 任务数 is one header cell of two lines.
      header: { shape: '1 1 2 1' },
      number: 0,
    },
  ],
  'qiaocheng-2025-1': [
    { layout: 'blank-lines', start: '序号\n\n重点工作任务', columns: 4, number: 0, numbering: 'increasing', sections: CHINESE_HEADING },
  ],
  'shaoxing-2020-1': [{ layout: 'blank-lines', start: '序号\n\n内容与要求', columns: 4, number: 0 }],
  'shapingba-2022-1': [
    { layout: 'blank-lines', start: '序号\n\n2022年预期目标', until: '附件2', columns: 3, number: 0 },
    // The excerpt ends inside row 1, whose 工作任务 cell has a heading line and its text.
    { layout: 'blank-lines', start: '序号\n\n工作任务', columns: 4, number: 0, shapes: { '1': '1 2 E E' } },
  ],
  'shengsi-2021-1': [
    {
      layout: 'blank-lines',
      start: '考核项目\n\n序号',
      // 考核项目 序号 考核指标 考核内容 单位 年度目标 责任部门 评分部门
      columns: 8,
      number: 1,
      category: { column: 0, pieces: ['农业高质高效'] },
      shapes: {
        // Row 1's 责任部门 cell holds two lines (县海洋与渔业局 / 县农业农村局), as does row 2's.
        '1': '1 1 1 1 1 1 2 1',
        '2': 'M 1 M 1 1 1 2 1',
        // 考核指标 确保粮食和重要农产品有效供给 is merged down until row 11 names its own.
        ...each(3, 9, 'M 1 M 1 1 1 1 1'),
        // Row 10 writes no 单位.
        '10': 'M 1 M 1 E 1 1 1',
        '11': 'M 1 1 1 1 1 1 1',
        ...each(12, 14, 'M 1 M 1 1 1 1 1'),
      },
    },
  ],
  'suining-2016-1': [{ layout: 'pipes', start: '|\n序号', columns: 4, number: 0 }],
  'weifang-2017-1': [
    {
      layout: 'lines',
      start: '目标\n任务',
      // 目标 任务 主要内容 责任单位: the 目标 (一、…) and 任务 ((一)…) cells are merged down over their rows.
      columns: 4,
      sequence: ['1 1 1 1', 'M M 1 1', 'M M 1 1', 'M M 1 1', 'M M 1 1'],
    },
  ],
  'yuhang-2018-1': [
    {
      layout: 'blank-lines',
      start: '序号',
      columns: 4,
      // The rows carry no 序号; each names two 牵头领导.
      sequence: ['E 1 2 1', 'E 1 2 1', 'E 1 2 1', 'E 1 2 1'],
    },
  ],
};

/** Table documents left out, and why. */
export const SKIPPED: Record<string, string> = {
  'zhonglou-2021-1':
    'the page runs every cell of the table together with no separator (…何海平教育局经开区高新园(邹区镇)各街道市国有公司2促进就业…): where one cell ends and the next begins would be guessed, not read',
  'shanghai-2018-1':
    'mixed: its 工作分工 part is lines of a 处室 name, two spaces and its duties, with no header row; whether it was a table at all is not in the text, so a table would be invented',
};
