/**
 * The words real plans use to give a unit its part, in one place: every
 * reader (labels, parentheses, column headers, unit cells) builds its
 * patterns from these lists, so a word learned once (主抓, 协作, 股室) is
 * understood in every layout, not only in the one it was first seen in.
 */

/** Verbs and label words that make a unit the lead: 牵头, 主办, 主责, 主抓 (县住建局主抓), 负总责. */
export const LEAD_WORDS = ['牵头', '主办', '主责', '主抓', '负总责'] as const;

/** Verbs and label words for a unit that helps: 配合, 协办, 协助, 协同, 参与, 协作, 参加. */
export const COOPERATING_WORDS = ['配合', '协办', '协助', '协同', '参与', '协作', '参加'] as const;

/** Verbs for a unit that does the work: 负责, 落实, 承办, 实施. */
export const RESPONSIBLE_WORDS = ['负责', '落实', '承办', '实施'] as const;

/** Verbs of the work a role verb goes on to name ("配合做好资金保障", "负责起草"): no part of a unit's name. */
export const WORK_AFTER_ROLE_VERBS = ['抓好', '做好', '开展', '推进', '组织', '完成', '起草', '制定', '研究', '指导', '督促', '审核'] as const;

/** What a label calls the bodies it lists: 单位, 部门, and a bureau's own 科室 / 处室 / 股室. */
export const UNIT_NOUNS = ['单位', '部门', '科室', '处室', '股室'] as const;

/** A list of words as a regular expression's alternation (no group). */
export const alternation = (...lists: readonly (readonly string[])[]): string => lists.flat().join('|');

/** Labels naming a deadline: 完成时限, 整改期限, 办结时间, 时间节点, 时限要求, 进度安排 … (a regular expression's source). */
export const DEADLINE_LABEL = '(?:完成|整改|办结|截止|办理)(?:时限|时间|期限|日期|节点)|时间(?:节点|要求|安排)?|时限要求|进度安排|时限';

/** Any word that gives a unit its part, 会同 included: a text ending with one is wording, never a unit's name. */
export const ROLE_WORDING = new RegExp(alternation(LEAD_WORDS, COOPERATING_WORDS, RESPONSIBLE_WORDS, ['会同']));

/**
 * A text that ends with a unit's part, perhaps followed by 落实/实施 ("市财政局牵头", "各乡镇配合落实"); 落实 or 实施
 * alone closes sentences as often as unit lists ("…并组织实施"), so only 负责 of the responsible verbs counts.
 */
export const ROLE_CLOSING = new RegExp(`(?:${alternation(LEAD_WORDS, COOPERATING_WORDS, ['负责'])})(?:落实|实施)?$`);
