/**
 * What a table cell holds, judged from its text alone: a row number, a list
 * of units, leaders (people), a deadline, a figure, or task text. Tables
 * whose empty cells a web page dropped are put back into columns by these
 * kinds, and a column whose header says 单位 but whose cells are people's
 * names is read as leaders. Pure.
 */
import { looksLikePerson, splitLeaders } from '../people.js';
import { UNIT_SUFFIX, isCollective } from '../unit-list-parser.js';
import { ROLE_CLOSING } from '../role-words.js';

/** The kind of one cell. */
export type CellKind = 'number' | 'units' | 'leaders' | 'deadline' | 'figure' | 'text';

const DEADLINE_WORDS = /(\d{4}\s*[.．/-]\s*\d{1,2}(?!\d)|\d{1,2}\s*月|年底|年末|季度|半年|底前|前完成|以前|之前|全年|长期|持续|常态|每月|每年|每季|按时|按要求|适时|年内|当年|\d{4}\s*年|即时|及时|第[一二三四五六七八九十\d]{1,3}周|^[\u4e00-\u9fa5]{2,4}前$)/;
/** What a deadline is written with, taken away to see what else a cell says: "全年组织开展惠民演出不少于100场" says much more. */
const TIME_WORDING = /\d{4}\s*[.．/-]\s*\d{1,2}|\d{4}\s*年(?:度)?|\d{1,2}\s*月(?:\d{1,2}\s*日)?|\d{1,2}\s*[日号]|[上中下]旬|年底|年末|季度|[上下]半年|全年|长期|持续|常态化?|每[月年季周]|按时|按要求|适时|年内|当年|底前|[之以]?前|完成|坚持|推进|开展|到位|实施|启动|第[一二三四五六七八九十\d]{1,3}(?:周|季度?)|[一二三四]季度|逐步|同步|及时|即时|起|至|止|开始|结束|并|和|及/g;

/** A meeting, which ends in 会 as 工会 and 委员会 do ("下午2:30行政务虚会", 座谈会, 誓师大会): an event, not a body; so is anything at a clock time. */
const MEETING = /(?:务虚|座谈|推进|动员|表彰|现场|调度|联席|例|大|晚|运动|交流|博览|展销|招聘|誓师|培训|汇报|研讨|协调|工作|总结|部署|评审|论证|听证|恳谈|见面|发布|家长|班|年)会$|\d{1,2}[:：]\d{2}/;
const FIGURE = /^[\d.,，%％\-~～≥≤<>＞＜+/／×*\s万亿千百元个公里亩人次项所家座条户套台件米平方吨度个百分点（）()]+$/;

/** The parts of a unit or leader list: split on 、，；, white space and new lines. */
export function listParts(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .map((part) => part.replace(/^[（(]|[)）]$/g, '').replace(/[*＊]$/, '').trim())
    .filter(Boolean);
}

/**
 * A list that opens with what is to be done (建成投用桥墩镇、赤溪镇…等3家中心敬老院, 打通…等12条断头路) is a task naming
 * places, however many of its parts end like a unit; 建设单位, 建设部门 and 实施单位 are bodies, not work.
 */
const WORK_OPENING = /^(?:新建|改建|扩建|建成|开工|完成|推进|加快|实施(?!单位|主体)|开展|新增|打通|落实|创建|提升|改造|举办|推动|启动|实现|建设(?!单位|部门|局|厅|委|办|银行|集团|公司))[\u4e00-\u9fa5]{2,}/;

/** Whether a text is a list of units: nearly every part ends like an organisation or is a collective. */
export function looksLikeUnits(text: string): boolean {
  // A list closed by a full stop ("市旅游局、市统计局。") is still a list; one name so closed is a sentence (建成县残疾人综合服务中心。).
  const flat = text.trim().replace(/(?<=[、，,].*)(?<=局|委|办|厅|中心|政府|部门|单位|院|站|所|队|会|公司|集团)[。.]$/, '');
  if (flat === '' || flat.length > 160 || /[。！？]/.test(flat)) return false;
  const parts = listParts(flat.replace(/（[^（）]*）|\([^()]*\)/g, ''));
  if (parts.length === 0 || WORK_OPENING.test(parts[0]!)) return false;
  const unitLike = parts.filter((part) => part.length >= 2 && part.length <= 30 && !FIGURE.test(part) && !MEETING.test(part) && (UNIT_SUFFIX.test(part) || isCollective(part) || ROLE_CLOSING.test(part)));
  return unitLike.length / parts.length >= 0.6;
}

/**
 * Departments as a meeting's minutes and a leader's instructions call them, by their stem alone: 请国土会同发改、财政等部门,
 * 由公安牵头. Not names of their own (国土 is also land, 财政 public finance), so taken as units only where a sentence
 * already says who does the work (由 / 请 … 会同 …, … 牵头).
 */
const BUREAU_STEMS = new Set(
  ('发改 财政 国土 规划 自然资源 住建 建设 城建 交通 交运 水务 水利 农业 农委 农业农村 林业 商务 经信 工信 科技 教育 教体 公安 民政 司法 人社 ' +
    '卫健 卫生 卫计 审计 统计 环保 生态环境 城管 综合执法 应急 安监 市监 市场监管 工商 质监 食药监 税务 国税 地税 文广 文旅 文化 旅游 体育 ' +
    '档案 信访 编办 法制 物价 粮食 人防 气象 供销 国资 金融 招商 扶贫 残联 妇联 团委 宣传 组织 纪委 政法 消防 交警 电力 邮政 民宗 外事 侨办 ' +
    '行政审批 政务服务 大数据 数据 医保 退役军人 住保 房管 园林 海洋 渔业 畜牧 海关 口岸 机关事务 保密 网信 融媒体')
    .split(' '),
);

/** Whether a text is a list of units, some or all of them said by their stem alone (发改、财政, 国土): see BUREAU_STEMS. */
export function looksLikeUnitsOrStems(text: string): boolean {
  if (looksLikeUnits(text)) return true;
  const parts = listParts(text.trim().replace(/等(?:有关|相关)?(?:部门|单位)?$/, ''));
  return parts.length > 0 && parts.every((part) => BUREAU_STEMS.has(part) || looksLikeUnits(part));
}

/** Whether a text names only people (2–4 character names or titles such as 副市长). */
export function looksLikeLeaders(text: string): boolean {
  const parts = splitLeaders(text);
  return parts.length > 0 && parts.length <= 6 && parts.every(looksLikePerson);
}

/** A date written as digits alone: 202211 (November 2022), 20221130. */
export const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$/;

/** The kind of a cell's text. */
export function cellKind(text: string): CellKind {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (/^\d{1,5}$/.test(flat)) return 'number';
  // "202211", "20221130": a year and month (and day) written as digits alone, as date columns of exported sheets hold them.
  if (COMPACT_DATE.test(flat)) return 'deadline';
  if (flat.length <= 12 && DEADLINE_WORDS.test(flat) && !looksLikeUnits(flat)) return 'deadline';
  if (looksLikeLeaders(flat)) return 'leaders';
  if (looksLikeUnits(flat)) return 'units';
  if (flat.length <= 30 && DEADLINE_WORDS.test(flat) && !/[。；]/.test(flat.slice(0, -1)) && flat.replace(TIME_WORDING, '').replace(/[\s\p{P}]/gu, '').length <= 10) return 'deadline';
  if (FIGURE.test(flat) || flat.length <= 2) return 'figure';
  return 'text';
}
