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

/** Units, bureaus and other bodies end so; a row cut off mid-text does not. */
const BODY_ENDING = /(委|局|办|厅|院|府|会|中心|公司|部|所|站|处|科|室)$/;

/**
 * moushi: the page ran the whole table onto one line, cells parted by
 * spaces. The header is its first five pieces, a 一、 heading follows, and
 * each row starts at the next number.
 */
function moushiRows(region: string): string[] {
  const tokens = region.trim().split(' ');
  const rows = [tokens.slice(0, 5).join(' ')];
  let rest = tokens.slice(5).join(' ');
  const section = /^[一二三四五六七八九十]+、\S+ /.exec(rest);
  if (section) {
    rows.push(section[0].trim());
    rest = rest.slice(section[0].length);
  }
  for (let next = 2; ; next++) {
    const at = rest.indexOf(` ${next} `);
    if (at < 0) break;
    rows.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  rows.push(rest);
  return rows;
}

/** moushi's row: 序号, the task and its status (one piece each), the progress (spaces and all), the lead unit (the last piece, unless the excerpt ends mid-progress). */
function moushiRow(line: string): string[] {
  const tokens = line.split(' ');
  const [number, task, status, ...more] = tokens;
  const unit = more.length > 1 && BODY_ENDING.test(more.at(-1)!) ? more.pop()! : '';
  return [number!, task!, status!, more.join(' '), unit];
}

/**
 * pingdingshan's row line: 序号, 类别, 主要任务, 细化措施 and three unit
 * cells, parted by spaces. The three units and the measures are the last
 * four pieces; what is left is 类别 and 主要任务, a space apart (a cell's own
 * line break is a space too: 加强水资源保 护). Where the page left them blank
 * (two or three spaces), the cells above are merged down.
 */
function pingdingshanRow(line: string): (string | null)[] {
  const match = /^(\d+) (.*)$/.exec(line)!;
  let rest = match[2]!;
  const tail: string[] = [];
  for (let i = 0; i < 4; i++) {
    const at = rest.lastIndexOf(' ');
    tail.unshift(rest.slice(at + 1));
    rest = at < 0 ? '' : rest.slice(0, at);
  }
  let category: string | null;
  let task: string | null;
  if (rest.startsWith(' ') || rest === '') {
    category = null;
    task = rest.trim() === '' ? null : rest.trim();
  } else {
    const at = rest.lastIndexOf(' ');
    category = rest.slice(0, at);
    task = rest.slice(at + 1);
  }
  return [match[1]!, category, task, ...tail];
}

/**
 * yuhui: one row per 序号, its cells parted by spaces; a row whose 存在问题
 * runs over lines keeps those lines, up to the line of its 完成时限.
 */
function yuhuiRows(region: string): string[] {
  return region.split(/\n(?=\d+ |序号 )/);
}

/**
 * yuhui's row: 序号, 目标任务 and 牵头责任部门 (one piece each), 完成时限
 * (the last piece). Between them 进展情况 and 存在问题: a row that names a
 * problem writes it a space after the progress and runs it over lines; a
 * row with none leaves two or three spaces before 完成时限. The excerpt's
 * last row ends inside 目标任务.
 */
function yuhuiRow(line: string): string[] {
  const head = /^(\d+) (\S+) (\S+) ([\s\S]*)$/.exec(line);
  if (!head) {
    const cut = /^(\d+) ([\s\S]*)$/.exec(line)!;
    return [cut[1]!, cut[2]!, '', '', '', ''];
  }
  const [, number, target, unit, rest] = head;
  const tail = /^([\s\S]*?)\s+(\S+)$/.exec(rest!)!;
  const [, before, deadline] = tail;
  if (!before!.includes('\n')) return [number!, target!, unit!, before!, '', deadline!];
  const at = before!.indexOf(' ');
  return [number!, target!, unit!, before!.slice(0, at), before!.slice(at + 1), deadline!];
}

/** A separator for cells a rowsOf joins into one row line (neither white space nor text). */
const CELL = '\u241f';

/**
 * jianli: the page ran the whole table onto one line, every cell a
 * space-separated piece. The header is its first four pieces. Each row's
 * 工作任务和内容 is one piece ending in “.”; after it come the 责任单位
 * (a unit the page broke over two pieces: 县委县政府 督查室, 县交通 运输局)
 * and the 完成时间, which starts 持续开展 or “N月底前” (7月底前制定
 * 扬尘治理方案 is two pieces). No row writes a 配合单位. The excerpt's last
 * piece is a task cut off mid-word.
 */
function jianliRows(region: string): string[] {
  const deadline = /^(持续开展|\d+月)/;
  const tokens = region.trim().split(/\s+/);
  const rows = [tokens.slice(0, 4).join(CELL)];
  let at = 4;
  while (at < tokens.length) {
    const task = tokens[at++]!;
    let end = at;
    while (end < tokens.length && !tokens[end]!.endsWith('.')) end++;
    const rest = tokens.slice(at, end);
    const deadlineAt = rest.findIndex((token) => deadline.test(token));
    if (deadlineAt < 0) throw new Error(`jianli: a row with no 完成时间: ${rest.join(' ')}`);
    // The excerpt's last piece: a task cut off, after the last whole row's 持续开展.
    const cut = end === tokens.length && rest[deadlineAt] === '持续开展' && rest.length - deadlineAt === 2 ? rest.pop()! : undefined;
    rows.push([task, rest.slice(0, deadlineAt).join(' '), '', rest.slice(deadlineAt).join(' ')].join(CELL));
    if (cut !== undefined) rows.push([cut, '', '', ''].join(CELL));
    at = end;
  }
  return rows;
}

/**
 * qingyang: one line per row (a row's unit cell may run over lines), cells
 * parted by one space; runs of spaces are a cell's own line breaks
 * (牵头  领导, 汪  峰   吴蓓蓓). Row 81 writes its 主体责任单位 and
 * 配合责任单位 as three lines with no space between (各乡镇 / 县开发区 /
 * 县直有关单位): as in rows 85 and 87, whose 配合责任单位 is 县直有关单位,
 * the last line is the 配合 cell. No row writes a 备注; the excerpt ends
 * inside row 87's 进展情况.
 */
function qingyangRow(line: string): string[] {
  const cells = line.split(/(?<! ) (?! )/);
  if (cells.length < 10 && cells[4]?.includes('\n')) {
    const at = cells[4].lastIndexOf('\n');
    cells.splice(4, 1, cells[4].slice(0, at), cells[4].slice(at + 1));
  }
  while (cells.length < 10) cells.push('');
  return cells;
}

/**
 * qiaocheng (2023-1, 2025-3): one line per row (or section), cells parted by
 * one space. A row that names several 主要责任单位 writes them a line each and
 * runs its 协同配合单位 on after a line break, with no space between
 * (区财政局 / 区税务局 / 区政府有关部门,…): as in the rows with one unit, whose
 * 协同配合单位 is one list (…等区政府有关部门,…), the last line is that cell.
 */
function qiaochengRow(columns: number) {
  return (line: string): string[] => {
    const cells = line.split(' ');
    if (cells.length === columns - 1 && cells[2]?.includes('\n')) {
      const at = cells[2].lastIndexOf('\n');
      cells.splice(2, 1, cells[2].slice(0, at), cells[2].slice(at + 1));
    }
    return cells;
  };
}

/** qiaocheng's rows: a line per row or 一、 section; a row's unit lines stay with it. */
const qiaochengRows = (region: string) => region.split(/\n(?=\d+ |[一二三四五六七八九十]+、)/);

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
  'chongchuan-2023-1': [
    {
      layout: 'pipes',
      start: '序号 |',
      // 序号 主要任务 全年目标任务 分管领导 牵头单位 责任主体与协同单位 1-10月 1-11月 是否达序 说明
      columns: 10,
      number: 0,
      // “||” is an empty 说明 and the row's end.
      emptyCells: true,
      // Each row writes one task text for the two task columns: one cell spanning both.
      shapes: each(24, 26, '1 1 S 1 1 1 1 1 1 1'),
    },
  ],
  'jiangbei-2023-1': [
    {
      layout: 'blank-lines',
      start: '序號(hào)\n\n項(xiàng)目',
      // 序號 項目 責任單位 建設內容 總投資(萬元) 2023年目標進度: the last two header cells are two lines each.
      columns: 6,
      header: { shape: '1 1 1 1 2 2' },
      number: 0,
      // A project's further rows (another unit's part) leave 序號 and 項目 empty: merged. Unit cells broken over lines (區新興產業 / 服務中心) keep their lines.
      shapes: {
        '1': ['1 1 2 1 1 2', 'm m 1 1 1 1'],
        '2': ['1 1 1 1 1 1', 'm m 3 1 1 2', 'm m 1 1 1 1'],
        '3': '1 1 2 1 1 1',
        '4': ['1 1 1 1 1 1', 'm m 1 1 E E'],
      },
    },
  ],
  'jingyang-2016-1': [
    {
      layout: 'lines',
      start: '项 目\n分值',
      // 项目 spans the category and the indicator; rows without a 目标任务 or 监考单位 share the cell above.
      columns: 5,
      header: { spans: [2, 1, 1, 1] },
      sequence: [
        '1 1 1 1 1', // 宏观调控 地区生产总值增长率
        'M 1 1 1 1',
        'M 1 1 1 1',
        'M 1 1 M M', // 社会消费品零售总额增长率
        'M 1 1 1 1',
        'M 1 1 M M', // 税收占地方公共财政收入的比重
        'M 1 1 1 1',
        'M 1 1 1 M', // 完成重点项目年度投资计划
        'M 1 1 1 1',
        'M 1 1 1 1',
        '1 1 1 1 1', // 宏观调控 (again) 引进国内省外实际到位资金
        'M 1 1 1 M', // 新引进 5 亿元以上重大项目
        'M 1 1 1 1',
        'M 1 1 1 M', // 外贸进出口额
        'M 1 1 1 1',
        'M 1 1 1 M', // 地方政府新增债务率
        'M 1 1 1 1',
        'M 1 1 1 M', // 创新创业孵化载体
        'M 1 1 1 1',
        'M 1 1 1 M', // 技改投资
        'M 1 1 1 1',
        'M 1 1 1 1',
        '1 1 1 1 1', // 公共服务 城镇新增就业人数
        'M 1 1 1 M', // 城镇登记失业率
        'M 1 1 1 1',
      ],
    },
  ],
  'moushi-2022-1': [
    {
      layout: 'spaced-rows',
      start: '序号 承担的重点工作',
      columns: 5,
      rowsOf: moushiRows,
      splitHeader: (line) => line.split(' '),
      sections: CHINESE_HEADING,
      split: moushiRow,
    },
  ],
  'nanling-2024-1': [{ layout: 'pipes', start: '序号 |', columns: 5, number: 0 }],
  'pingdingshan-2018-1': [
    {
      layout: 'spaced-rows',
      start: '序号 类别 主要任务',
      columns: 7,
      splitHeader: (line) => line.split(' '),
      split: pingdingshanRow,
    },
  ],
  // The excerpt starts at row 1: no header row.
  'pingyang-2021-1': [{ layout: 'pipe-rows', start: '1 | 完成27所', columns: 5, noHeader: true }],
  'sizhoutou-2024-1': [
    // 序号 重点工作 责任领导 责任科室 攻坚目标任务 工作任务安排 第二季度完成情况: three header cells are two lines each.
    { layout: 'blank-lines', start: '序号\n\n重点工作', columns: 7, header: { shape: '1 1 2 2 2 1 2' }, number: 0 },
  ],
  'songyang-2022-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n实事名称',
      columns: 8,
      number: 0,
      // Item 一 has two rows (高血压, 糖尿病): its 实事名称 (name and description, two lines) and 责任单位 are merged down over row 2.
      shapes: { '1': '1 2 1 1 1 1 1 1', '2': '1 M 1 M 1 1 1 1' },
    },
  ],
  'taishun-2024-1': [
    {
      layout: 'pipe-rows',
      start: '序号 | 项目内容',
      columns: 5,
      // Rows 2, 3 and 6 write no 牵头单位 (the page pads the row with an empty cell at its end): the cell above is merged down.
      shapes: { '2': '1 1 1 M 1', '3': '1 1 1 M 1', '6': '1 1 1 M 1' },
    },
  ],
  'xuzhuang-2017-1': [{ layout: 'pipe-rows', start: '专项整治行业名称 |', until: '二、工作要求', columns: 3 }],
  'yangxian-2024-1': [{ layout: 'pipes', start: '|\n洋縣2024年十大民生實事項目清單 |', titleRow: '洋縣2024年十大民生實事項目清單', columns: 7, number: 0 }],
  'zhaoyuan-2022-1': [
    {
      layout: 'pipe-rows',
      start: '类别 | 民生事项名称',
      until: '索引号: |',
      columns: 8,
      // 四、教育文化 is merged down over the rows after it.
      sequence: ['1 1 1 1 1 1 1 1', 'M 1 1 1 1 1 1 1', 'M 1 1 1 1 1 1 1'],
    },
    // The page's own information table under it (索引号, 成文日期, 发布机构).
    { layout: 'pipe-rows', start: '索引号: |', columns: 4, noHeader: true },
  ],
  'ankang-2021-1': [
    // The page's information table: label and value pairs.
    { layout: 'pipes', start: '文件名称 |', until: '安市安委办发〔2021〕3号\n', columns: 2, noHeader: true, sequence: Array.from({ length: 9 }, () => '1 1') },
    {
      layout: 'pipes',
      start: '主要任务 |',
      columns: 5,
      sections: CHINESE_HEADING,
      // 主要任务 ((一)…) is merged down over its numbered rows; no row writes a 完成进展.
      sequence: ['1 1 1 1 E', 'M 1 1 1 E', 'M 1 1 1 E', '1 1 1 1 E'],
    },
  ],
  'jiangshan-2023-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n项目名称',
      // 序号 项目名称 项目建设规模及内容 建设起止年限 总投资(万元) 当年投资(万元) 2023年度计划 资金来源 责任单位: the last four header cells are two pieces each.
      columns: 9,
      header: { shape: '1 1 1 1 1 2 2 2 2' },
      number: 0,
      // The page broke these 项目名称 cells over two lines (城市用气 / 提升工程).
      shapes: { '1': '1 2 1 1 1 1 1 1 1', '3': '1 2 1 1 1 1 1 1 1' },
    },
  ],
  'jiaxing-2022-1': [{ layout: 'blank-lines', start: '序号\n\n主 要 工 作 任 务', columns: 3, number: 0 }],
  'jindong-2024-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n事项分类',
      // 序号 事项分类 事项名称 项目内容 牵头单位 协同单位: 协同单位 holds a line per unit.
      columns: 6,
      number: 0,
      absorb: 5,
      // 事项分类 is written on the first row of its items and merged down over the rest.
      shapes: {
        '2': '1 M 1 1 1 1',
        '4': '1 M 1 1 1 3',
        '5': '1 M 1 1 1 3',
        '7': '1 M 1 1 1 1',
        '9': '1 M 1 1 1 2',
        '10': '1 M 1 1 1 2',
      },
    },
  ],
  'jishui-0000-1': [{ layout: 'pipe-rows', start: '序号 | 具体工作任务和要求', columns: 5 }],
  'linan-2022-1': [
    // The page's own information table (索引号, 公开方式, 发布单位).
    { layout: 'pipe-rows', start: '索引号 |', until: '序号 | 实事项目', columns: 4, noHeader: true },
    { layout: 'pipe-rows', start: '序号 | 实事项目', columns: 5 },
  ],
  'luan-2022-1': [{ layout: 'blank-lines', start: '序号\n\n重点工作', columns: 5, number: 0, sections: CHINESE_HEADING }],
  'luonan-0000-1': [{ layout: 'blank-lines', start: '序号\n\n指标任务', columns: 5, number: 0 }],
  'mouxian-2025-1': [
    {
      layout: 'pipe-rows',
      start: '| 工作目标 |',
      columns: 5,
      leadingBar: true,
      // 工作目标 (一、…) and 工作内容 ((一)…) are merged down over the rows that write neither.
      sequence: ['1 1 1 1 1', 'M M 1 1 1', 'M 1 1 1 1', 'M 1 1 1 1', 'M M 1 1 1', 'M M 1 1 1'],
    },
  ],
  'wenzhou-2018-1': [{ layout: 'blank-lines', start: '序号\n\n实事内容', columns: 4, number: 0 }],
  'yueyanglou-2017-1': [
    {
      layout: 'pipes',
      start: '岳陽樓區(qū)2017年1-8月省重點(diǎn)民生實(shí)事完成情況表 |',
      titleRow: '岳陽樓區(qū)2017年1-8月省重點(diǎn)民生實(shí)事完成情況表',
      // 序號 項目名稱 (two columns: item 9 and 10 write a target under the name) 責任單位 目標任務 完成情況 完成率 備注.
      columns: 8,
      header: { spans: [1, 2, 1, 1, 1, 1, 1] },
      number: 0,
      // An empty piece is an empty cell; a row ending in one (no 備注) loses it as its end.
      emptyCells: true,
      shapes: {
        '1': '1 1 S 1 1 1 1 1',
        '2': '1 1 S 1 1 1 1 E',
        '3': '1 1 S 1 1 1 1 1',
        ...each(4, 7, '1 1 S 1 1 1 1 E'),
        '8': '1 1 S 1 1 1 1 1',
        // Item 9 has three targets: 序號 and 名稱 merged down over them.
        '9': ['1 1 1 1 1 1 1 1', 'M M 1 1 1 1 1 1', 'M M 1 1 1 1 1 1'],
        '10': '1 1 1 1 1 1 1 1',
      },
    },
  ],
  'yuhui-2023-1': [
    {
      layout: 'spaced-rows',
      start: '序号 目标任务',
      columns: 6,
      rowsOf: yuhuiRows,
      splitHeader: (line) => line.split(/ +/),
      split: yuhuiRow,
    },
  ],
  'jiangmen-0000-1': [
    {
      layout: 'pipe-rows',
      start: '工作任务 | 具体要求',
      columns: 3,
      // 工作任务 (一、…) is merged down over the rows that write only 具体要求 and 责任部门.
      sequence: ['1 1 1', '1 1 1', 'M 1 1', 'M 1 1', '1 1 1', 'M 1 1', '1 1 1', 'M 1 1', 'M 1 1', '1 1 1', 'M 1 1'],
    },
  ],
  'jingzhou-2022-1': [
    {
      layout: 'pipe-rows',
      start: '工作任务 | 具体要求',
      // 工作任务 spans three columns (一、…, (一)…, the number).
      columns: 6,
      header: { spans: [3, 1, 1, 1] },
      sequence: ['1 1 1 1 1 1', 'M M 1 1 1 1', 'M M 1 1 1 1'],
    },
  ],
  'keqiao-2023-1': [
    {
      layout: 'pipe-rows',
      start: '序号 | 工作任务',
      columns: 6,
      // A task's second line (新增学位…) is a row of its own under it; the other cells are merged down over it.
      sequence: ['1 1 1 1 1 1', 'M 1 M M M M', '1 1 1 1 1 1', '1 1 1 1 1 1', 'M 1 M M M M'],
    },
  ],
  'mouzhen-0000-1': [
    {
      layout: 'pipes',
      start: '|\n工作任务',
      columns: 3,
      // 工作任务 is merged down over the rows that write only 具体内容 and 责任部门.
      sequence: ['1 1 1', 'M 1 1', 'M 1 1', '1 1 1', 'M 1 1', '1 1 1', 'M 1 1', 'M 1 1', 'M 1 1'],
    },
  ],
  'yueqing-2022-1': [{ layout: 'pipe-rows', start: '序号 | 项 目 内 容', columns: 6 }],
  'changsha-2012-1': [
    {
      layout: 'blank-lines',
      start: '牵头单位\n\n目',
      // 牵头单位 目标任务 责任单位; the excerpt ends inside the first row. Its 牵头单位 (市政 / 府办 / 公厅, a narrow column) and 责任单位 are one cell each, after empty lines.
      columns: 3,
      sequence: ['3 1 3'],
    },
  ],
  'jianli-2018-1': [{ layout: 'spaced-rows', start: '工作任务和内容 责任单位', columns: 4, rowsOf: jianliRows, splitHeader: (line) => line.split(CELL), split: (line) => line.split(CELL) }],
  'mouju-0000-1': [{ layout: 'pipe-rows', start: '重點任務 | 工作內容', columns: 3 }],
  'mouqu-2024-1': [{ layout: 'pipe-rows', start: '序號(hào) | 任務(wù)', columns: 4 }],
  'moushi-0000-2': [
    {
      layout: 'pipes',
      start: '任务 内容 |',
      // 任务内容 (生 态 环 境) is merged down over the rows after the first; the excerpt ends inside row 3.
      columns: 6,
      sequence: ['1 1 1 1 1 1', 'M 1 1 1 1 1', 'M 1 1 1 1 1'],
    },
  ],
  'qiaocheng-2025-2': [{ layout: 'pipes', start: '| 2025年度区民政局重点工作任务分解 |', titleRow: '2025年度区民政局重点工作任务分解', columns: 8, number: 0 }],
  'qimen-0000-1': [
    {
      layout: 'pipes',
      start: '序号 |',
      // 序号 类别 项目名称 目标任务 牵头单位 目标任务 累计完成 累计进度 备注: the first 目标任务 is two columns, as item 4's rows write it
      // (最低生活保障 / 特困人员救助供养 merged down over the 农村标准, 农村保障人数, 城市标准, 城市保障人数 lines). Every empty cell is written as a bar of its own.
      columns: 10,
      header: { spans: [1, 1, 1, 2, 1, 1, 1, 1, 1] },
      emptyCells: true,
      // The numbers are not row starts (item 6's target is 7): every row's shape, in order. 类别 (一、… / 二、…) is merged down over its items.
      sequence: [
        '1 1 1 1 S 1 1 1 1 1', // 1
        'M M M 1 S M 1 1 1 1', // “三公里”充分就业社区4个
        // 2: one empty 目标任务 and the progress written across 累计完成, 累计进度 and 备注.
        '1 M 1 1 S 1 1 1 S S',
        '1 M 1 1 S 1 1 1 1 1', // 3
        'M M M 1 S M 1 1 1 1', // 新增家政服务人员275人
        '1 1 1 1 1 1 1 1 1 1', // 4 二、社会保障 … 最低生活保障 农村标准(元/月)
        'M M M M 1 M 1 1 1 1',
        'M M M M 1 M 1 1 1 1',
        'M M M M 1 M 1 1 1 1',
        'M M M 1 1 M 1 1 1 1', // 特困人员救助供养
        'M M M M 1 M 1 1 1 1',
        'M M M M 1 M 1 1 1 1',
        'M M M M 1 M 1 1 1 1',
        '1 M 1 1 S 1 1 1 1 1', // 5
        '1 M 1 1 S 1 1 1 1 1', // 6
        '1 M 1 1 S 1 1 1 1 1', // 7
        '1 M 1 1 S 1 1 1 1 1', // 8, cut off inside its 目标任务
      ],
    },
  ],
  'qingyang-2023-1': [{ layout: 'spaced-rows', start: '序号 2023年重点工作任务', columns: 10, rowsOf: (region) => region.split(/\n(?=\d+ )/), splitHeader: (line) => line.split(/(?<! ) (?! )/), split: qingyangRow }],
  'suzhou-2011-1': [{ layout: 'blank-lines', start: '序号\n\n名称', columns: 4, number: 0, sections: /[(（]\d+项[)）]$/ }],
  // No header row: the page writes each heading (具体任务, 责任单位, 配合单位, 完成时限) above its text, a label and value row each.
  'tongxin-2023-1': [{ layout: 'lines', start: '具体任务', columns: 2, noHeader: true, sequence: ['1 1', '1 1', '1 1', '1 1'] }],
  // No row writes a 备注 (an empty piece each).
  'yueyang-2019-1': [{ layout: 'pipes', start: '序号 |', until: '2019年4月21日', columns: 5, number: 0, shapes: each(1, 5, '1 1 1 1 E') }],
  // 大类 (一、…) is merged down over the rows after the first.
  'zhaoqing-0000-1': [{ layout: 'pipe-rows', start: '大类 | 序号', columns: 6, shapes: each(2, 4, 'M 1 1 1 1 1') }],
  'changsha-2021-1': [
    {
      layout: 'pipe-rows',
      start: '起止日期 | 主要工作',
      // 起止日期 spans the week (开学前, 第一周, …) and its dates; each line after a week's first writes only 主要工作 and 责任处室
      // (the days before term also their date): the week and its date are merged down over them.
      columns: 4,
      header: { spans: [2, 1, 1] },
      sequence: [
        '1 1 1 1', // 开学前 2月24日
        ...Array.from({ length: 4 }, () => 'M 1 1 1'),
        '1 1 1 1', // 第一周
        ...Array.from({ length: 9 }, () => 'M M 1 1'),
        '1 1 1 1', // 第二周
        ...Array.from({ length: 9 }, () => 'M M 1 1'),
        '1 1 1 1', // 第三周
        ...Array.from({ length: 3 }, () => 'M M 1 1'),
      ],
    },
  ],
  'guangdong-2021-2': [
    {
      layout: 'pipes',
      start: '2021 年政务公开工作重点任务台账 |',
      titleRow: '2021 年政务公开工作重点任务台账',
      columns: 6,
      number: 0,
      // 工作任务 (a heading: rows 1 and 5) is merged down over the rows that write only 细化分工; no row writes a 备注.
      shapes: { ...each(1, 8, '1 M 1 1 1 E'), '1': '1 1 1 1 1 E', '5': '1 1 1 1 1 E' },
    },
  ],
  'hanzhong-0000-1': [
    {
      layout: 'pipes',
      // Every cell and row end on a line of its own, padded with spaces.
      start: '| \n       序号',
      columns: 7,
      number: 0,
      // 政策类型 (row 1's) is merged down over the rows after it, which write a 政策要点 and its 主要措施; the excerpt ends inside row 3.
      shapes: { '2': '1 M 1 1 1 1 1', '3': '1 M 1 1 1 1 1' },
    },
  ],
  'shangcheng-2019-1': [
    // 附件1 sits in a table cell of its own above the note.
    { layout: 'pipe-rows', start: '附件1 |', until: '(注:', columns: 1, noHeader: true, sequence: ['1'] },
    { layout: 'pipe-rows', start: '序号 | 任 务 名 称', columns: 6 },
  ],
  'wencheng-2024-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n省政府十大',
      // 省政府十大 / 民生实事名称 is one header cell of two lines. No row writes a 分管领导; rows 4, 5 and 8 write no 是否省市统一进度 (their last piece is a unit).
      columns: 7,
      header: { shape: '1 2 1 1 1 1 1' },
      number: 0,
      shapes: { ...each(1, 11, '1 1 1 1 1 1 E'), '4': '1 1 1 1 E 1 E', '5': '1 1 1 1 E 1 E', '8': '1 1 1 1 E 1 E' },
    },
  ],
  'xinchang-2021-1': [
    {
      layout: 'pipe-rows',
      start: '项目名称 | 工作任务',
      columns: 4,
      // A project's further lines write a 工作任务 with its time and unit, or only another time and unit for the task above: 项目名称 (and 工作任务) merged down over them.
      sequence: ['1 1 1 1', 'M M 1 1', 'M 1 1 1', 'M 1 1 1', 'M 1 1 1', 'M M 1 1', '1 1 1 1', 'M M 1 1', '1 1 1 1', '1 1 1 1', '1 1 1 1', 'M 1 1 1', '1 1 1 1'],
    },
  ],
  'changxing-2025-1': [
    {
      layout: 'pipe-rows',
      start: '建设任务 | 工作事项',
      // 建设任务 工作事项 工作指标 任务清单 责任清单 时限清单.
      columns: 6,
      sequence: [
        // 一、体系建设: one cell across the table.
        '1 S S S S S',
        '1 1 1 1 1 1', // (一)组织指挥提能升级 1.组织机构 (1)…
        // (2) to (4) write no 建设任务 or 工作事项: those above are merged down over them.
        'M M 1 1 1 1',
        'M M 1 1 1 1',
        'M M 1 1 1 1',
        // (4)'s second 任务清单 line (2.根据辖区实际…) with its own 责任清单; its 工作指标 and 时限清单 (4月) are merged down over it.
        'M M M 1 1 M',
        // 2.工作机制 under the same 建设任务; the excerpt ends inside its 任务清单.
        'M 1 1 1 1 1',
      ],
    },
  ],
  // Label and value rows; 进展情况、存在问题 及下一步工作建议: and its text are a line of one cell each, across the table.
  'guangzhou-2023-1': [{ layout: 'pipe-rows', start: '重点工作: |', columns: 2, noHeader: true, sequence: ['1 1', '1 1', '1 1', '1 S', '1 S'] }],
  'liaozhong-2024-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n主要工作举措',
      // 序号 主要工作举措 牵头单位 配合单位 责任领导; the excerpt ends inside row 5.
      columns: 5,
      number: 0,
      sections: CHINESE_HEADING,
      // Row 1 names no 责任领导.
      shapes: { '1': '1 1 1 1 E' },
    },
  ],
  'lueyang-2019-1': [
    {
      layout: 'lines',
      start: '序号\n指标',
      // 序号 指标 工作任务 完成时限 责任领导 责任股室(单位) 备注: 责任股室 / (单位) is one header cell of two lines. No row writes a 备注.
      columns: 7,
      header: { shape: '1 1 1 1 1 2 1' },
      number: 0,
      // A row that writes no 指标, 完成时限, 责任领导 or 责任股室 lies under the cell above, merged down over it
      // (12月底前 and 夏俊贵 over rows 1 to 9, 5月底 and 周 斐 over rows 10 to 19). Unit cells of several lines (文化宣传股 / 文化馆 / 图书馆) keep them.
      shapes: {
        '1': '1 1 1 1 1 3 E',
        '2': '1 M 1 M M 1 E',
        '3': '1 M 1 M M M E',
        '4': '1 M 1 M M M E',
        '5': '1 1 1 M M M E', // 文化产业
        '6': '1 1 1 M M 2 E', // 非遗保护: 羌研会 / 灵岩寺博物馆
        '7': '1 1 1 M M 1 E', // 文化市场管理: 执法大队
        '8': '1 M 1 M M M E',
        '9': '1 1 1 M M 1 E', // 广电: 广电事业股
        '10': '1 1 1 1 1 1 E', // 三建设一整治: 5月底, 周 斐, 旅游股
        ...each(11, 13, '1 M 1 M M M E'),
        '14': '1 1 1 M M 2 E', // 旅游项目: 文物股 / 郙阁公司
        '15': '1 M 1 M M M E',
        ...each(16, 18, '1 1 1 M M M E'), // 旅游宣传和旅游收入, 文物保护, 项目建设
        '19': '1 M 1 M M M E',
        '20': '1 1 1 1 1 1 E', // 脱贫攻坚: 10月底前, 黄文阁, 各股室、委属部门单位
      },
    },
  ],
  'xihu-0000-1': [
    {
      layout: 'lines',
      start: '序号\n重点工作任务',
      // 序号 重点工作任务(民生实事项目) 牵头单位 负责科室 负责人 计划完成时间 进展情况(一季度).
      columns: 7,
      number: 0,
      // Rows 2 to 5 write no 牵头单位, 负责科室 or 负责人 (and rows 3 to 5 no 计划完成时间): row 1's (and row 2's 10月底前) are merged down over them.
      shapes: { '2': '1 1 M M M 1 1', ...each(3, 5, '1 1 M M M M 1') },
    },
  ],
  'xuhui-0000-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n项目',
      // The page writes the header again before row 120 (a new page of the table): a second table.
      until: '序号\n\n项目\n\n类别\n\n具 体 内 容\n\n牵头\n\n部门\n\n相关责任部门\n\n完成\n\n时间\n\n120',
      // 序号 项目类别 具体内容 牵头部门 相关责任部门 完成时间: 项目 / 类别, 牵头 / 部门 and 完成 / 时间 are header cells of two lines,
      // parted by a blank line as the page parts its cells. No row writes a 项目类别.
      columns: 6,
      header: { shape: '1 2 1 2 1 2' },
      number: 0,
      shapes: each(108, 119, '1 E 1 1 1 1'),
    },
    // The excerpt ends at row 122's 序号.
    { layout: 'blank-lines', start: '序号\n\n项目', columns: 6, header: { shape: '1 2 1 2 1 2' }, number: 0, shapes: each(120, 122, '1 E 1 1 1 1') },
  ],
  'weizhi-0000-1': [
    {
      layout: 'blank-lines',
      start: '項目\n\n名稱',
      until: '分享:',
      // 項目名稱 內容 牽頭單位 進展情況(7月) 進展情況(10月) 進展情況(12月): the page parts a cell's own lines by a blank line, as it parts
      // the cells (項目 / 名稱, 進展情況 / (7月)). The one row's progress is five pieces: 7月 reports both sub-items in one
      // (8 centres, 267 households); 10月 and 12月 two each, one a sub-item (15 centres, 346 households; then 25 centres, 367 households).
      columns: 6,
      header: { shape: '2 1 1 2 2 2' },
      sequence: ['1 1 1 1 2 2'],
    },
  ],
  'taicang-2019-1': [{ layout: 'pipe-rows', start: '地区 |', columns: 2 }],
  'guangzhou-2021-1': [
    {
      layout: 'blank-lines',
      start: '本部门\n\n计划名称',
      until: '备注:',
      // 本部门计划名称 任务名称 任务类型 抽查事项 抽查对象范围 抽取时间自 抽取时间至 抽查对象数量 抽查对象比例 分配任务的处(科)室:
      // 本部门 / 计划名称 and 任务 / 名称 are header cells of two lines. The rows carry no 序号.
      columns: 10,
      header: { shape: '2 2 1 1 1 1 1 1 1 1' },
      // 本部门计划名称 (广州市教育局) is written on the first row only: merged down. Cells the page broke over lines
      // (定向 / 抽查, 局管民办 / 学校, 对教育经费的 / 监督管理, 计财处、 / 政审处) keep them.
      sequence: ['1 1 2 1 1 1 1 1 1 1', 'M 1 1 1 2 1 1 1 1 1', 'M 1 2 2 1 1 1 1 1 2', 'M 1 1 1 1 1 1 1 1 1'],
    },
  ],
  'hangzhou-0000-1': [{ layout: 'pipes', start: '序号', columns: 3, number: 0, sections: PAREN_HEADING }],
  // 预估抽查对象数 is 1 in every row (never the next 序号).
  'laiyang-2022-1': [{ layout: 'blank-lines', start: '序号\n\n抽查事项', columns: 9, number: 0 }],
  'linan-2022-2': [
    // The page's own information table (索引号, 公开方式, 发布单位).
    { layout: 'pipe-rows', start: '索引号 |', until: '2022年区政府民生实事项目进展情况表', columns: 4, noHeader: true },
    {
      layout: 'pipe-rows',
      start: '序号 | 项目内容',
      columns: 4,
      // An item's further targets are lines of their own (项目内容 and 进展情况, the page padding the row with empty cells): its 序号 and 责任单位 merged down over them.
      sequence: ['1 1 1 1', '1 1 1 1', 'M 1 1 M', 'M 1 1 M', '1 1 1 1', 'M 1 1 M', 'M 1 1 M', '1 1 1 1', 'M 1 1 M', 'M 1 1 M', 'M 1 1 M'],
    },
  ],
  'linan-2023-1': [{ layout: 'blank-lines', start: '序号\n\n年度目标任务', columns: 4, number: 0 }],
  // 牵头责任 / 单位 and 落实情况 / (全年) are header cells of two lines.
  'luan-2021-4': [{ layout: 'blank-lines', start: '序号\n\n督查内容', columns: 6, header: { shape: '1 1 2 1 2 1' }, number: 0 }],
  'meishan-2017-1': [
    {
      layout: 'blank-lines',
      start: '工程\n\n名称',
      // 工程名称 序号 项目内容 (two columns: a group, 促进城乡劳动者就业创业, and the item under it) 目标任务 市级牵头责任单位 进度 完成目标(%) 备注:
      // 工程 / 名称, 市级牵头 / 责任单位 and 完成目标 / (%) are header cells of two lines.
      columns: 9,
      header: { shape: '2 1 1 1 2 1 2 1', spans: [1, 1, 2, 1, 1, 1, 1, 1] },
      number: 1,
      // 工程名称 starts its rows and is merged down over them.
      category: { column: 0, pieces: ['就业促进工程', '扶贫解困工程'] },
      // The group and the unit (市人力资源 / 社会保障局) are merged down over the rows that write neither; row 10* writes the group again.
      // Row 8 writes no 完成目标(%): its 达到时间进度 is a 备注, like the 超额完成 / 已完成 of the others.
      shapes: {
        '1': '1 1 1 1 1 2 1 1 1',
        ...each(2, 7, 'M 1 M 1 1 M 1 1 1'),
        '8': 'M 1 M 1 1 2 1 E 1',
        '9*': 'M 1 M 1 1 2 1 1 1',
        '10*': 'M 1 1 1 1 1 1 1 1',
        '11*': 'M 1 M 1 1 1 1 1 1',
        '12*': 'M 1 M 1 1 1 1 1 1',
        '13*': 'M 1 M 1 1 1 1 1 1',
        '14': 'M 1 M 1 1 1 1 1 1',
        '15': 'M 1 M 1 1 1 1 1 1',
      },
    },
  ],
  'mouju-0000-2': [{ layout: 'pipes', start: '序號', columns: 4, number: 0, sections: CHINESE_HEADING }],
  'moushi-0000-9': [{ layout: 'pipe-rows', start: '序 号 | 牵头 部门', columns: 12 }],
  'ouhai-2018-1': [
    {
      layout: 'pipes',
      start: '序号 | 项目名称',
      columns: 8,
      number: 0,
      // Row 3 writes no 备注 (its 建设内容 runs to a line end, the bar on the next line).
      shapes: { '3': '1 1 1 1 1 1 1 E' },
    },
  ],
  'qiaocheng-2023-1': [
    { layout: 'spaced-rows', start: '序号 重点工作任务', columns: 5, rowsOf: qiaochengRows, splitHeader: (line) => line.split(' '), split: qiaochengRow(5) },
  ],
  // The excerpt ends inside row 6's 协同配合单位.
  'qiaocheng-2025-3': [
    {
      layout: 'spaced-rows',
      start: '序号 重点工作任务',
      columns: 4,
      rowsOf: qiaochengRows,
      splitHeader: (line) => line.split(' '),
      sections: CHINESE_HEADING,
      split: qiaochengRow(4),
    },
  ],
  'qingtian-2022-1': [
    { layout: 'pipes', start: '2022年度省诗路文化带建设专项资金分配表 |', titleRow: '2022年度省诗路文化带建设专项资金分配表', columns: 9, number: 0 },
  ],
  'shanggao-2023-1': [{ layout: 'pipes', start: '2023年“双随机、一公开”抽查工作计划 |', titleRow: '2023年“双随机、一公开”抽查工作计划', columns: 9, number: 0 }],
  'suining-0000-1': [{ layout: 'pipe-rows', start: '| 序号 |', columns: 4, leadingBar: true }],
  'tianjin-2015-1': [{ layout: 'pipes', start: '序号 |', columns: 4, number: 0 }],
  'wangcang-2021-1': [
    {
      layout: 'pipes',
      start: '序号 |',
      // 序号 抽查类别 抽查事项 检查对象 事项类别 执行股室 检查比例 初步检查时间 备注; no row writes a 备注 (an empty piece before the row's end).
      columns: 9,
      number: 0,
      // Item 1 has four 抽查事项, a row each: 序号 and 抽查类别 merged down over the three after the first.
      shapes: {
        '1': ['1 1 1 1 1 1 1 1 E', 'M M 1 1 1 1 1 1 E', 'M M 1 1 1 1 1 1 E', 'M M 1 1 1 1 1 1 E'],
        '2': '1 1 1 1 1 1 1 1 E',
        '3': '1 1 1 1 1 1 1 1 E',
      },
    },
  ],
  'wuxi-2023-1': [
    {
      layout: 'pipes',
      start: '| “双随机、一公开”监管计划 |',
      until: '本篇文章共有1页',
      titleRow: '“双随机、一公开”监管计划',
      columns: 10,
      // Not by 序号: rows 1 to 4 write 抽取数量 2, the next row's number. The table's last row is its 备注: the label under 序号 and one note across the other columns.
      sequence: [...Array.from({ length: 5 }, () => '1 1 1 1 1 1 1 1 1 1'), '1 1 S S S S S S S S'],
    },
  ],
  // 区责任单位 holds a line per unit (*区城管局 / *区农业农村局(区水利局)).
  'xihu-2019-1': [{ layout: 'blank-lines', start: '序号\n\n工作目标', columns: 5, number: 0, absorb: 2 }],
  'yingcheng-0000-1': [
    {
      layout: 'pipe-rows',
      start: '序号 | 抽查 领域',
      until: '注:抽查事项类别',
      columns: 12,
      // Row 3's second 抽查事项 (4.旅行社经营情况的检查) is a line of its own, padded with empty cells: row 3's other cells merged down over it.
      sequence: ['1 1 1 1 1 1 1 1 1 1 1 1', '1 1 1 1 1 1 1 1 1 1 1 1', '1 1 1 1 1 1 1 1 1 1 1 1', 'M M 1 M M M M M M M M M', '1 1 1 1 1 1 1 1 1 1 1 1'],
    },
  ],
  'yueyanglou-2018-1': [
    {
      layout: 'blank-lines',
      start: '序号\n\n目标任务',
      // 序号 目标任务 责任领导 区政府办协管责任人 牵头单位 责任人 相关单位 完成情况: 区政府办 / 协管责任人 is a header cell of two lines.
      columns: 8,
      header: { shape: '1 1 1 2 1 1 1 1' },
      number: 0,
      // 相关单位 holds a line per piece (区统计局(…), / 区财政局、区商务粮食局、 / …).
      absorb: 6,
    },
  ],
  'yueyanglou-2018-2': [
    {
      layout: 'blank-lines',
      start: '序號\n\n目標(biāo)任務(wù)',
      // As yueyanglou-2018-1, with 責(zé)任 / 領(lǐng)導(dǎo) also a header cell of two lines; the excerpt ends inside row 5.
      columns: 8,
      header: { shape: '1 1 2 2 1 1 1 1' },
      number: 0,
      absorb: 6,
    },
  ],
  // The page's information block (标题, 索引号, 发文日期) is written as a Markdown table, its ---|---| line a separator and no cell: left as paragraphs.
  'zhoucun-2023-1': [{ layout: 'pipes', start: '序 号 |', columns: 7, number: 0 }],
};

/** Table documents left out, and why. */
export const SKIPPED: Record<string, string> = {
  'zhonglou-2021-1':
    'the page runs every cell of the table together with no separator (…何海平教育局经开区高新园(邹区镇)各街道市国有公司2促进就业…): where one cell ends and the next begins would be guessed, not read',
  'shanghai-2018-1':
    'mixed: its 工作分工 part is lines of a 处室 name, two spaces and its duties, with no header row; whether it was a table at all is not in the text, so a table would be invented',
  'longquanyi-2009-1':
    'the page runs every cell of the table together with no separator (序号项目名称建设阶段总投资…1十陵景区项目加快建设43000020000…): where one cell ends and the next begins would be guessed, not read',
  'xinjian-2024-1':
    'the header is two rows (本月进展情况 over 前期手续 and 在建形象进度), which the rebuilt tables cannot hold, and the rows write one progress cell for those two columns and a sub-project column the header does not name: which column holds what would be guessed',
  'ninghai-2022-1':
    'the header is two rows (2022年工作計劃 and 項目建設階段 over 投資, 形象進度 and % columns), which the rebuilt tables cannot hold, and the rows write no cell for 至2021年底累計完成投資: which column holds each figure would be guessed',
  'yuhuan-2021-1':
    'its cells and a cell’s own lines are both parted by one blank line, and no empty cell is written: where a row names four units after its task, which are 牵头单位 and which 配合单位 would be guessed',
  'lucheng-0000-1':
    'held out: cells are parted by spaces and blank lines, the same as a cell’s own line breaks, and some rows carry a piece in a column the header does not name: where one cell ends and the next begins would be guessed',
  'yunnan-0000-1':
    'held out: the page runs every cell of the table together with no separator: where one cell ends and the next begins would be guessed, not read',
  'chengdu-0000-1':
    'the page (a document site) runs every cell of the table together with no separator (…序号工作内容目标任务责任单位备注1将生活垃圾分类投放…): where one cell ends and the next begins would be guessed, not read',
  'jiaxing-0000-1':
    'the page runs every cell of the table together with no separator (…工作重点序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值…): where one cell ends and the next begins would be guessed, not read',
  'guizhou-2021-1':
    'the page runs the cells of each row together with no separator (责任内容具体任务及措施牵头单位责任单位工作要求, 省人力资源社会保障厅市、县两级人力资源社会保障部门…): where one cell ends and the next begins would be guessed, not read',
  'moushi-0000-5':
    'a table drawn with box lines whose columns part their rows at different lines (牵头组织实施单位 parts in the middle of a 工作任务 cell, under one 分管领导 for all), its cells broken mid-word over lines (各县(市、区)政 / 府): the rows of a grid would be guessed, and the rebuilt text has no place for the box lines',
  'guangdong-0000-2':
    'its cells and a cell’s own lines are both parted by one blank line, no 领域 is written, and several targets (——…) run on with no units between them: whether they share one cell, and which of the units after a target are 主要责任单位 and which 责任单位, would be guessed',
  'shenhe-2024-1':
    'its cells and a cell’s own lines are both parted by one blank line and no empty cell is written: where a row names three unit lines after its task (发改局 / 区工信局 / 各街道办事处), whether the middle one is a second 牵头单位 or the first 责任单位 would be guessed',
  'guangdong-0000-1':
    'held out: its cells and a cell’s own lines are both parted by one blank line, and several targets run on with no units between them: which of the units after a target are 主要责任单位 and which 责任单位 would be guessed',
  'yuzhong-0000-1':
    'held out: the header is two rows (工作绩效目标 over 一季度 to 四季度, 完成 / 时限 a cell of two lines parted like two cells), which the rebuilt tables cannot hold, and the rows write one cell more than the header names: which column holds what would be guessed',
  'mouxian-0000-5':
    'the header is two rows (职责承担 and 分配比例(%) each over 乡镇卫生院 and 村卫生室), which the rebuilt tables cannot hold, and item 6’s 实施接种及留观 writes its cells as two lines of three (不承担 | 100 | 0, then 不承担 | 0 | 100) for the four columns under them: which column holds each would be guessed',
  'taiyuan-2013-1':
    'the page runs most of a row’s figures together with no separator (小店区 150250080.081.6, 经济区 22030000110.0 129.4): where one figure ends and the next begins would be guessed (or worked out from the sums), not read',
  'nanhu-0000-1':
    'the header is two rows (责任单位 over 牵头单位 and 协助单位), which the rebuilt tables cannot hold',
  'weizhi-0000-3':
    'held out: the header is two rows (牵头部门 and 承办部门 each over 部门 and 责任人), which the rebuilt tables cannot hold, and the page runs the whole table onto one line with spaces for both cell breaks and a cell’s own line breaks (具体工作标准 及预期效果)',
  'yibin-2023-1':
    'the rows write fewer cells than the header’s sixteen columns, with no empty cell in their place (抽取类型 never, 组织层级 and 实施层级 two, one or none), and 检查对 / 范围 may be one header cell or two: which column holds each would be guessed',
  'yueyanglou-2019-1':
    'rows 5, 6, 9, 12 and 13 write five or six of the seven cells and pad the row with empty ones at its end (row 5 writes 100% before its progress, row 9 its 备注 right after the 目标任务): which column holds each would be guessed',
  'maguan-2021-1':
    'held out: the text is one line of 曝光 records (problems, 整改责任单位:, 整改时限:) with no header and no cell separators; whether the page held a table at all is not in the text, so a table would be invented',
};
