/**
 * Recognises the columns of a task table from its header cells
 * (序号 / 工作任务 / 具体要求 / 牵头单位 / 责任单位 / 配合单位 / 完成时限 and
 * their variants), and reads a row's unit columns into one unit text.
 */
import { alternation, COOPERATING_WORDS, LEAD_WORDS, ROLE_WORDING, UNIT_NOUNS } from '../role-words.js';
import type { UnitRole } from '../../vocabulary.js';

/** A column naming units, and the part its units take when a cell says nothing. */
export interface UnitColumn {
  index: number;
  role: UnitRole;
}

/** Index of each known column in the header, or -1. */
export interface ColumnMap {
  number: number;
  /** A 类别 / 分类 column, carried down over merged cells. */
  category: number;
  title: number;
  requirement: number;
  measures: number;
  /** The first unit column. */
  units: number;
  /** Every unit column, in header order (牵头单位, 责任单位, 配合单位…). */
  unitColumns: UnitColumn[];
  /** Columns naming leaders (分管领导, 责任领导, 分管市领导): people, not units. */
  leaders: number[];
  /** The deadline column and the unnamed columns its header spans (起止日期 over 第一周 | 3月1日-3月7日). */
  deadlines: number[];
  /** Default role of units in the first unit column: 牵头… → lead. */
  defaultRole: UnitRole;
  /** The unit column lists sections (科室) of one bureau. */
  sections: boolean;
}

/**
 * Words that begin a header cell a narrow column wrapped or a page spaced
 * apart: 责任 / 领导, 完成 / 时限, 协同 / 配合单位. Joined to the piece after
 * them when together they name a column and that piece is not such a word
 * itself (a 牵头 column beside a 配合 column stays two).
 */
export const HEADER_MODIFIER = new RegExp(`^(责任|主要|承办|完成|工作|计划|分管|具体|重点|目标|${alternation(LEAD_WORDS, COOPERATING_WORDS)})$`);

/** A header naming a column of units: 牵头单位, 责任科室, 主体, 协办, 责任方 … */
const UNIT_HEADER = new RegExp(`${alternation(UNIT_NOUNS, LEAD_WORDS, COOPERATING_WORDS)}|主体|承办|会办|^责任$|责任方|^责任(清单|分工)$|[处科股][（(]室[）)]|^责任[处科股]$`);

/** What a header cell says its column holds. */
export type HeaderKind = 'number' | 'category' | 'text' | 'measures' | 'units' | 'leaders' | 'deadline' | 'place' | 'other';

/**
 * Reads one header cell, spaced or not ("牵 头 单 位"), by the words real
 * plans use: 工作任务 / 主要任务 / 重点任务 / 民生事项名称 / 任务内容 / 项目名称 …
 * for the task; 牵头单位 / 主办单位 / 责任单位 / 责任主体与协同单位 / 协办单位 …
 * for units; 分管领导 / 责任领导 for leaders; 完成时限 / 时间节点 / 进度安排 for
 * the deadline; 类别 for a category; 备注 / 进展情况 / 当前进度 are other.
 */
export function classifyHeader(raw: string): HeaderKind | undefined {
  const kind = classifyHeaderWord(raw);
  // An alternative written inside the word ("责任处(科)室", "责任科（股）室"): the word without it.
  if (kind === undefined && /[（(][\u4e00-\u9fa5]{1,2}[)）]/.test(raw)) return classifyHeaderWord(raw.replace(/[（(][\u4e00-\u9fa5]{1,2}[)）]/g, ''));
  return kind;
}

function classifyHeaderWord(raw: string): HeaderKind | undefined {
  const cell = raw.replace(/\s+/g, '');
  if (cell === '') return undefined;
  if (cell.length > 16) return undefined;
  // A sentence or a target (固定资产投资增长10%以上。) is a row's cell, never a column's name.
  if (/[。；;]$|\d%/.test(cell)) return undefined;
  // "一、潘东旭市长负责事项": a section heading right under the header, never a column's name.
  if (/^[一二三四五六七八九十]+[、.．]/.test(cell)) return undefined;
  if (/^(序号|编号|序列号?|序|项次|No\.?)$/i.test(cell)) return 'number';
  if (/领导|责任人|负责人|包抓|联系人|挂帅|^(?:分管|牵头|责任|联系|包抓|包保|挂点)?(?:常务)?副?[省市州县区镇乡]?长$/.test(cell) && !/单位|部门/.test(cell)) return 'leaders';
  // 参与部门的检查内容 / 牵头单位职责: what a unit does, said of it, not the unit.
  if (/(?:单位|部门|科室|股室)的?(?:检查|工作|主要)?(?:内容|职责|事项|任务)/.test(cell)) return 'other';
  if (UNIT_HEADER.test(cell)) return 'units';
  if (/时限|时间|期限|年限|节点|进度安排|进度要求|日期|起止|截止|计划进度|时序|^(?:计划)?完成$/.test(cell)) return 'deadline';
  if (/进度|进展|情况|备注|说明|完成率|状态|评分|考核(方式|办法|分值|得分)|分值|权重|联系方式|电话|单位$|^目标值$|^当前/.test(cell)) return 'other';
  if (/^(类别|类型|领域|板块|方面|分类|专项|项目类别|序列)$/.test(cell) || /(类别|分类)$/.test(cell)) return 'category';
  // 实施点位 / 建设地点: where the work is done, whose cells read like units (全县17家乡镇卫生院) and are not the ones responsible.
  if (/地点|点位|地址|位置/.test(cell) && !/项目|任务|内容|名称|事项/.test(cell)) return 'place';
  // 路段名称 / 小区名称 / 村名: the place a problem was found (an inspection's 问题汇总表), not the task.
  if (/^(路段|地段|街道|道路|区域|小区|村|社区|点位|场所)(名称|名)?$/.test(cell)) return 'place';
  // An inspection plan's facts about each inspection (双随机一公开: 检查对象, 抽查比例, 检查方式, 抽取类型, 组织层级 …): beside the task.
  if (/^(?:抽查|检查|抽取)(?:对象?)?(?:范围|比例|方式|依据|类型|户数|频次|层级)|^(?:组织|实施)层级$|^(?:检查|抽查)对象$/.test(cell)) return 'other';
  // 年度投资金额（万元）: facts about the task, not the task.
  if (/金额|资金|规模|万元/.test(cell) && !/项目|任务|内容|名称|事项/.test(cell)) return 'other';
  // 任务数 / 项目个数: a count, not the task.
  if (/(数|数量)$/.test(cell) && !/^(参数|系数)$/.test(cell)) return 'other';
  if (/措施|举措|路径/.test(cell)) return 'measures';
  if (/要求|标准|目标|内容|任务|事项|工作|项目|实事|名称|指标|清单|问题/.test(cell)) return 'text';
  // 当年投资 / 2023年度计划 / 总投资: what the year plans and spends, beside the task.
  if (/计划|投资/.test(cell)) return 'other';
  return undefined;
}

/**
 * Whether two pieces of header a page parted ("责任" / "领导", "协同" /
 * "配合单位", "分管 县领导") are one cell: together they name a column,
 * and either one names none alone or the first is a word that begins a
 * cell and the second is not; a word that begins a cell never ends one
 * already named (重点工作任务 | 主要).
 */
export function continuesHeaderCell(previous: string, piece: string): boolean {
  const before = classifyHeader(previous);
  // "市级牵头" / "责任单位": a lead word after its level, the noun of the responsibility it names wrapped below (市级牵头责任单位).
  if (/^[\u4e00-\u9fa5]{1,3}(?:牵头|主办|主责)$/.test(previous) && /^(?:责任)?(?:单位|部门)$/.test(piece)) return true;
  if (HEADER_MODIFIER.test(piece) && before !== undefined) return false;
  if (classifyHeader(`${previous}${piece}`) === undefined) return false;
  // Two-character halves of one task word ("指标" / "任务"): adjacent task columns are never named so shortly.
  if (previous.length <= 2 && piece.length <= 2 && before === 'text' && classifyHeader(piece) === 'text') return true;
  // A task word and the facet of it the column holds ("事项" / "分类", "项目" / "类别"): one column, the task's group.
  if (previous.length <= 2 && before === 'text' && /^(?:分类|类别|类型)$/.test(piece)) return true;
  // A whole column name before a piece no column is named by joins it only as short as a narrow column wraps ("完成时限" / "要求"),
  // never a run of the next columns' pieces ("抽查事项" / "检查对" / "范围").
  if (before !== undefined && classifyHeader(piece) === undefined) return previous.length + piece.length <= 6;
  return before === undefined || (HEADER_MODIFIER.test(previous) && !HEADER_MODIFIER.test(piece));
}

/**
 * Reads a header row's cells together: a bare 单位 beside a column that
 * already names the responsible units (责任部门, 牵头单位) is a unit of
 * measure (%, 万亩), not an organisation; a text column before the 序号
 * is a category.
 */
export function classifyHeaders(cells: readonly string[]): (HeaderKind | undefined)[] {
  const squashed = cells.map((cell) => cell.replace(/\s+/g, ''));
  const kinds = squashed.map(classifyHeader);
  const namedUnits = squashed.some((cell, index) => kinds[index] === 'units' && cell !== '单位');
  const numberAt = kinds.indexOf('number');
  return kinds.map((kind, index) => {
    if (kind === 'units' && /^(计量)?单位$/.test(squashed[index]!) && (namedUnits || squashed[index] === '计量单位')) return 'other';
    // A text column before the 序号 (考核项目 | 序号 | 考核指标) groups the rows: a category.
    if (kind === 'text' && index < numberAt) return 'category';
    return kind;
  });
}

const LEAD_HEADER = new RegExp(`${alternation(LEAD_WORDS)}|主要责任|第一责任`);
const COOPERATING_HEADER = new RegExp(alternation(COOPERATING_WORDS, ['会办']));

/** The part a unit column's header gives its units; beside a 第一责任单位, a 主要责任单位 is the next in line, not the lead. */
function roleOfHeader(header: string, all: readonly string[]): UnitRole {
  if (/主要责任/.test(header) && all.some((other) => /第一责任/.test(other))) return 'responsible';
  if (LEAD_HEADER.test(header)) return 'lead';
  if (COOPERATING_HEADER.test(header) && !/责任主体/.test(header)) return 'cooperating';
  return 'responsible';
}

/** Maps header cells to columns; undefined when there is no unit column. */
export function mapColumns(header: readonly string[]): ColumnMap | undefined {
  const squashed = header.map((cell) => cell.replace(/\s+/g, ''));
  const kinds = classifyHeaders(header);
  const unitColumns = kinds.flatMap((kind, index) => (kind === 'units' ? [{ index, role: roleOfHeader(squashed[index]!, squashed) }] : []));
  if (unitColumns.length === 0) return undefined;
  const units = unitColumns[0]!.index;
  const texts = kinds.flatMap((kind, index) => (kind === 'text' ? [index] : []));
  // The task is the text column that names the task (工作任务), else the first; the requirement a later one (具体要求).
  // An inspection's or rectification list's task is the problem to put right (问题描述 | 整改措施).
  // A period's share of it (第二季度任务目标, 本月工作) is what that period does of the task, never the task itself.
  const periodPart = (index: number) => /^(?:第?[一二三四1-4]季度|本季度|本月|\d{1,2}月份?|上半年|下半年|月度|季度)/.test(squashed[index]!);
  const title = texts.find((index) => /任务|事项|项目|实事|名称|问题|^(重点|主要)工作$/.test(squashed[index]!) && !/要求|标准/.test(squashed[index]!) && !periodPart(index)) ?? texts.find((index) => !periodPart(index)) ?? texts[0] ?? -1;
  const requirement = texts.find((index) => index > title && /要求|内容|目标|标准|指标/.test(squashed[index]!)) ?? -1;
  // A table whose only text column is its measures (主要工作举措 | 牵头单位 …) lists each measure as a task.
  const measuresAreTasks = title < 0 && kinds.includes('measures');
  return {
    number: kinds.indexOf('number'),
    category: kinds.indexOf('category'),
    title: measuresAreTasks ? kinds.indexOf('measures') : title,
    requirement,
    measures: measuresAreTasks ? -1 : kinds.indexOf('measures'),
    units,
    unitColumns,
    leaders: kinds.flatMap((kind, index) => (kind === 'leaders' ? [index] : [])),
    deadlines: spannedBy(deadlineColumn(kinds, squashed), squashed),
    defaultRole: unitColumns[0]!.role,
    sections: /科室/.test(squashed[units]!),
  };
}

/**
 * The deadline column among several dated ones (抽取日期 | 抽查完成时限, 开始时间 | 完成时间): the one the work must be
 * done by; else the first.
 */
function deadlineColumn(kinds: readonly (HeaderKind | undefined)[], header: readonly string[]): number {
  const dated = kinds.flatMap((kind, index) => (kind === 'deadline' ? [index] : []));
  return dated.find((index) => /完成|截止|时限|期限|办结/.test(header[index]!)) ?? dated[0] ?? -1;
}

/**
 * Whether a row is a table's header: short cells, one of them numbering or
 * naming the task (or its measures), and a unit column.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
  if (filled.length < 2 || filled.some((cell) => cell.length > 24)) return false;
  const kinds = filled.map(classifyHeader);
  // A wide table (an inspection plan's 抽查对象 | 抽查比例 | 检查方式 | 信用风险等级…) names many columns no task needs:
  // with a 序号, a task and a unit column named, half of them may be such.
  const strong = kinds.includes('number') && kinds.includes('text') && kinds.includes('units') && filled.length >= 6;
  if (kinds.filter((kind) => kind === undefined).length > filled.length / (strong ? 2 : 3)) return false;
  if (!strong && filled.some((cell) => cell.length > 16)) return false;
  return (kinds.includes('number') || kinds.includes('text') || kinds.includes('measures')) && mapColumns(cells) !== undefined;
}

/**
 * A column and the unnamed ones right after it that its header cell spans; none for -1. Unnamed last columns
 * count too: a 完成时限 spanning the table's last two columns is as common as one in its middle.
 */
function spannedBy(column: number, header: readonly string[]): number[] {
  if (column < 0) return [];
  const out = [column];
  for (let index = column + 1; index < header.length && header[index] === ''; index++) out.push(index);
  return out;
}

/** A row's deadline as one text: the deadline column's cells, those its header spans included ('' when none). */
export function deadlineTextOf(cells: readonly string[], columns: ColumnMap): string {
  return columns.deadlines.map((index) => (cells[index] ?? '').trim()).filter(Boolean).join(' ');
}

/** A row's leader cells as one text ('' when the table names none). */
export function leaderTextOf(cells: readonly string[], columns: ColumnMap): string {
  return columns.leaders.map((index) => (cells[index] ?? '').trim()).filter(Boolean).join('、');
}

const ROLE_VERB: Record<UnitRole, string> = { lead: '牵头', responsible: '负责', cooperating: '配合' };

/**
 * A row's units as one text. With one unit column that is the cell itself;
 * with several (牵头单位 | 责任单位 | 配合单位), each cell that does not say
 * its own part gets its column's verb, so "市财政局" under 配合单位 reads as
 * "市财政局配合".
 */
export function unitTextOf(cells: readonly string[], columns: ColumnMap): string {
  // Lead columns first, wherever the table puts them: a unit named as lead and again as responsible is the lead.
  const filled = columns.unitColumns
    .filter(({ index }) => (cells[index] ?? '').trim() !== '')
    .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'));
  if (columns.unitColumns.length === 1) return (cells[columns.units] ?? '').trim();
  return filled
    .map(({ index, role }) => {
      const text = cells[index]!.trim();
      return ROLE_WORDING.test(text) ? text : `${text.replace(/[，,；;]/g, '、')}${ROLE_VERB[role]}`;
    })
    .join('；');
}
