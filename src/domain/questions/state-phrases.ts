/**
 * How people say a task's state, as grammar rather than a list of whole
 * phrases: an optional negation (还没 / 尚未 / 从来没有 …) or aspect (已经 /
 * 正在 / 还在 …) with a verb of one state family (完成 / 办结 / 销号 …, 开始 /
 * 启动 …, 报 / 填报 …, 推进 / 办理 …), or a state word with its degree (严重
 * 滞后, 推进不下去). Each part is declared once here; the patterns for each
 * state filter are composed from them. Pure.
 */
import type { StatusFilter } from './question.js';

/** Alternatives as one regex group. */
const any = (...words: string[]) => `(?:${words.join('|')})`;

/**
 * Negation, with the adverbs said before it (还没, 尚未, 从来没有, 一直没, 至今未).
 * Not the 没(有) of 有没有, which asks whether rather than denies ("有没有完成的"); 还有没完成的 denies.
 */
const NEGATION = `${any('还', '仍', '仍然', '依然', '都', '从来', '从', '一直', '始终', '至今', '迄今')}?${any('(?<!有)没有', '没(?!有)', '未', '尚未', '并未', '从未', '未曾', '不曾')}`;

/** Verbs of the done family: 完成, 办结, 销号 … */
const DONE_VERBS = any('完成', '做完', '办结', '结束', '办完', '销号', '完结', '办好', '做好', '干完', '弄完', '搞定', '结项', '落实到位');
/** Verbs of beginning: 开始, 启动 … */
const START_VERBS = any('开始', '启动', '动工', '开工', '着手', '开展', '动手', '动起来', '动(?![静员态迁起])');
/** Verbs of reporting progress: 报, 填报, 更新 … */
const REPORT_VERBS = any('更新', '汇报', '报告', '报送', '填报', '反馈', '上报', '报');
/** Verbs of someone's review: 审核, 审批 … */
const REVIEW_VERBS = any('审核', '审批', '确认', '验收', '批(?![评准示复量])');
/** Verbs of working on something: 推进, 办理 … */
const WORK_VERBS = any('推进', '办理', '进行', '落实', '实施', '处理', '跟进', '做', '办', '干', '搞', '推(?![广荐出送动翻])');
/** What is reported: 进度, 进展, 情况. */
const PROGRESS = any('进度', '进展', '情况');
/** What a task is behind: its deadline (期限, 时限, 规定时间 …). */
const DEADLINE = `${any('规定', '要求', '计划', '约定')}?的?${any('期限', '时限', '截止日期', '截止时间', '最后期限', '时间节点', '节点', '时间', '日期')}`;
/** Degree said of a state: 严重滞后, 明显落后. */
const DEGREE = any('严重', '明显', '比较', '有些', '有点', '已经', '已');

/** Status and time phrases, most specific first; `unfinished` before `done` ("没完成" contains "完成"). */
export const STATUS_PHRASES: [StatusFilter, RegExp][] = [
  // 受阻, 遇阻, 卡住 / 卡在, 推不动 / 推进不下去 / 办不了, 遇到困难.
  ['blocked', new RegExp([
    any('受阻', '遇阻', '阻滞', '梗阻', '受挫'),
    `(?:被)?卡${any('住', '壳', '着', '了', '在')}`,
    `${any('推进', '推', '办', '做', '干', '落实', '进行')}${any('不动', '不下去', '不下来', '不了')}`,
    `${any('推进', '工作')}困难|${any('难以', '无法', '没法', '没办法')}${any('推进', '推动', '落实', '开展', '办理', '完成')}`,
    // 需要协调的, 要领导协调解决的, 待协调: work that cannot go on until someone above sorts it out.
    `${any('需要', '要', '待', '有待', '得')}(?:${any('领导', '上级', '市里', '县里', '区里')})?协调(?:解决)?`,
    `遇到(?:了)?${any('困难', '阻碍', '问题', '障碍')}|${any('存在', '有')}${any('困难', '阻碍')}`,
  ].join('|'))],
  // 申请办结 / 销号, and waiting on someone's review: 待审核, 等着审核, 需要我审核, 提交办结申请.
  ['pending_review', new RegExp([
    `待${REVIEW_VERBS}|${REVIEW_VERBS}中`,
    `${any('等', '在等', '等着', '等待', '需要', '要')}(?:着)?${any('我', '我们', '领导', '督查室')}?(?:来)?(?:${REVIEW_VERBS}|销号)`,
    `${any('申请', '提交', '提出', '报送', '报请')}(?:了)?${any('办结', '销号', '结项', '验收')}(?:申请)?`,
    // 报了完成还在等批: reported as done, which asks the supervisor to close it.
    `报(?:了)?${any('完成', '办结', '已完成')}(?=.*${any('等', '待')})`,
    `${any('办结', '销号')}申请`,
  ].join('|'))],
  // Silent for a month or more: 一个多月没更新, 超过30天没报进度, 好长时间没报, 很久没动静.
  ['stalled', new RegExp([
    '停滞|停摆|没(?:有)?动静',
    `${any('一个多月', '一个?月以上', '30天以上', '三十天以上', '很久', '好久', '好长时间', '很长时间', '长时间', '长期', '超过一个月', `(?:超过|超出|已超过|已经超过)${any('30', '三十')}天`)}(?:都)?(?:没|未)(?:有)?${REPORT_VERBS}(?:过)?${PROGRESS}?`,
    // The last report long ago: 上次报进度已经是一个多月前, 最后一次更新是好久以前.
    `${any('上次', '上回', '最后一次', '最近一次')}${REPORT_VERBS}(?:的)?${PROGRESS}?(?:已经|都)?(?:是)?${any('一个多月', '一个?月以上', '30天以上', '很久', '好久', '好长时间', '很长时间')}(?:以|之)?前`,
  ].join('|'))],
  ['above_half', /(?:进度)?(?:过半|超过一半|过了一半|一半以上|超过50%)/],
  // Past the deadline: 逾期, 超期, 过了期限, 没在规定时间内完成; behind (滞后) is past it too, the plans giving no other schedule.
  ['overdue', new RegExp([
    '逾期|超期|过期|延期|超时|拖期',
    `${any('没', '未', '没有')}${any('按时', '按期', '如期')}`,
    `${NEGATION}${any('在', '按')}${DEADLINE}${any('内', '前')}?${DONE_VERBS}`,
    `${any('过了', '超过', '超出', '已过', '已经过了', '过')}(?:完成)?${DEADLINE}`,
    `${DEADLINE}${any('已过', '已经过了', '过了', '已到')}`,
    `${DEGREE}?${any('滞后', '落后', '拖后腿')}`,
  ].join('|'))],
  ['below_half', /(?:进度)?(?:不到|不足|低于|少于|没到|没过|未过|未达到?|不满)(?:一半|50%|百分之五十|半数)|(?:在)?(?:一半|50%|百分之五十|半数)以下/],
  ['no_progress', new RegExp(`${NEGATION}(?:有)?${REPORT_VERBS}(?:过)?${PROGRESS}?|零进度`)],
  // Reported on at least once, asked of some tasks (逾期的里头 报过进度的): never after a negation, which is no_progress above.
  // …and the progress said first: 有进度反馈上来的, 有进展报上来的.
  ['reported', new RegExp(`(?<![没未不无])(?:有)?${REPORT_VERBS}(?:过)${PROGRESS}(?=的|[、，,]\\s*(?:但|可|却)?(?:是)?(?:还|仍|依然)?)|(?<![没未不无])有${PROGRESS}${REPORT_VERBS}(?:上来|上去)?(?=的)|(?:有人|有谁)${REPORT_VERBS}过(?=的)`)],
  // Not begun, or nothing at all moving on it: 没启动, 一点动静都没有, 毫无动静 (很久没动静 is stalled, above).
  // No progress at all, said of the work (一点进展都没有, 毫无进展, 没有进展的), is not begun as 没动静 is; 没报进展 is no_progress.
  ['not_started', new RegExp(`${NEGATION}${START_VERBS}|一点(?:儿)?(?:动静|进展|进度)${any('都', '也')}?没(?:有)?|毫无(?:动静|进展)|没有任何(?:动静|进展)|(?<![报填])没(?:有)?进展(?=的|$|\\s)`)],
  // Begun and not finished, said as begun: 已经启动的, 已开始, 都动起来了 (never after a negation, which is not_started above).
  ['started', new RegExp(`(?<![没未不])${any('已经', '已', '都', '现在已经')}${any('开始', '启动', '动起来', '动工', '开工', '着手')}(?!报|填|汇报|更新|反馈)|(?<![没未不还])动起来了|(?<![没未不还])${any('启动', '开始', '开工', '动工')}了的`)],
  // Not done: 没完成, 尚未办结, 还没办 (not 没办法).
  ['unfinished', new RegExp(`${NEGATION}${any(DONE_VERBS, '办(?!法)', '完(?![善整备])', '交(?!流|通|办|叉)')}`)],
  // Under way: 进行中, 正在办理, 办理中, 在推进 (not "谁在推", "在做什么": who or what, not how far).
  ['in_progress', new RegExp([
    `进行中|${any('办理', '推进', '实施', '落实', '处理')}中`,
    `(?<!谁|部门|单位|哪家)${any('正在', '还在', '仍在', '仍然在', '依然在', '在')}${WORK_VERBS}(?!什么|啥|些什么)`,
  ].join('|'))],
  ['in_progress', new RegExp(`(?<!谁|部门|单位|哪家)${WORK_VERBS}着(?!什么|啥)`)],
  ['done', new RegExp(`${any('已经', '已', '都')}${DONE_VERBS}|(?<![要需须应将待没未还能申请得])(?:${any('完成', '做完', '办完', '搞定', '完结', '干完')}(?:了|的)|办结了?|销号了?)`)],
];

/**
 * Due and not done: 到期未完成, 到期了还没办完, 已经到期还没完成. Past its
 * deadline (逾期) when no period is named; with one ("下周到期还没完成的")
 * the tasks due in it that are unfinished.
 */
export const DUE_NOT_DONE = new RegExp(`(?:已经?)?到期(?:了|后)?的?(?:但|却)?${NEGATION}${any(DONE_VERBS, '办(?!法)')}`);
