/**
 * A question as typed, made plain before it is understood: simplified
 * characters, half-width digits, spoken forms in standard words, and what
 * is said around a question rather than in it taken away — the bot's name,
 * drawn faces, greetings and thanks, fillers of speech, why it is asked (a
 * meeting, a bulletin, the office's paperwork), the request's own verbs.
 * Pure: text in, text out.
 */
import { withoutMeetingWords } from './meeting-words.js';
import { toHalfWidth, toSimplified } from '../imports/normalize-text.js';
import { inStandardWords } from './spoken-words.js';

/** Normalises a question: simplified characters, half-width digits and letters, no surrounding punctuation. */
export function normalizeQuestion(text: string): string {
  const plain = inStandardWords(toHalfWidth(toSimplified(text)).replace(QUOTED_REPLY, ' '))
    // The bot called by name (@督办助手, 督办助手，, 小督，) and faces drawn with symbols (😅, (╯°□°)╯): who is asked and how, not what.
    .replace(BOT_NAME, ' ')
    .replace(DRAWN_FACE, ' ')
    .replace(/[(（]\s*[)）]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s@,，.。!！?？]+|[\s,，.。!！?？~～]+$/g, '')
    .trim();
  // A greeting before the question and thanks after it ("你好，…", "… 谢谢", "… 辛苦"): manners, not what is asked.
  const asked = withoutChatter(plain.replace(COURTESY_BEFORE, '').replace(COURTESY_AFTER, '').trim());
  return asked === '' ? plain : asked;
}

/**
 * What is said around a question and is not it: fillers of speech typed by voice (嗯, 呃, 那个, 就是), why it is asked
 * ("领导刚才问了，", "明天开会要用，", "写周报要用，"), and the request's own verbs and nouns ("烦请提供…清单", "请列出",
 * "帮我把…拉一下", "…，帮忙查一下"); then the wording around what it means, put plainly (plainWording).
 */
function withoutChatter(text: string): string {
  let rest = text.replace(/[嗯呃]+/g, ' ').replace(/\s+/g, ' ').trim();
  rest = rest.replace(MEETING_FRAME, '').replace(PAPERWORK_FRAME, '').replace(CONTEXT_CLAUSE, '').replace(/^领导(?:刚才|刚刚)?(?:问了?|让查|要)(?=\S{4})/, '');
  rest = plainWording(withoutMeetingWords(rest));
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/^\s*(?:那个|就是)+\s*/, '').replace(REQUEST, '').replace(/^(?:把|给我)(?=\S{2})/, '').trim();
  }
  return rest
    .replace(/(?<=[\s，,])(?:那个|就是)+\s*/g, '')
    // How the answer is to be given: 你一条一条给我列出来, 逐条念一下, 你念一下.
    .replace(/[，,\s]*(?:你)?(?:一条一条|一件一件|一项一项|逐条|逐项|挨个)?(?:地)?(?:给我)?(?:列|念|读|报)(?:出来|一下|一遍)$/, '')
    .replace(/[，,\s]*(?:帮忙|麻烦|请)?(?:查|看|核实|确认)(?:一下|下)$/, '')
    .replace(/(?:拉|列|整理|汇总|导)(?:一下|出来)$/, '')
    .replace(/(?<=事项|任务)清单$/, '')
    .replace(PAPERWORK_AFTER, '')
    .replace(PAPERWORK_WHERE, ' ')
    .replace(WEEK_PLAN_AFTER, '')
    .replace(WEEK_PLAN_BEFORE, ' ')
    .trim();
}

/**
 * A line quoted before the question in a group's reply ("回复 李督查：请本周内报送进度 @督办助手 …", "引用 张联络：…"):
 * someone else's words, up to the bot's name, never what is asked.
 */
const QUOTED_REPLY = /^\s*(?:回复|引用|答复)\s*[^：:\s]{1,8}\s*[：:][^@]*(?=@\s*督办助手)/;
/** The bot's own name, typed with an @ or said to it: @督办助手, 督办助手，, 小督，. */
const BOT_NAME = /@\s*督办助手|^\s*(?:督办助手|小督)\s*[，,:：\s]/g;
/** Emoji and the letters, marks and lines faces are drawn with ((╯°□°)╯, (๑•̀ㅂ•́)و, ^_^), never words of a question. */
const DRAWN_FACE = /[\p{Extended_Pictographic}\uFE0F\u200D\p{M}\p{Script=Hangul}\p{Script=Thai}\p{Script=Arabic}╯╰╭╮°□•ω∀´`ˊˋ︿﹏▽≧≦＾^_]+/gu;

/** Days of a month by their numbers alone, said aloud or typed: 二十二号, 22日, 一号到十号. */
const DAY_NUMBERS = '[一二三四五六七八九十\\d]{1,3}[号日](?:(?:到|至|-|~)[一二三四五六七八九十\\d]{1,3}[号日])?';
/** 就是 and the day's numbers after a day (十一月上旬 就是一号到十号); made once, as replace() leaves a global expression at 0. */
const SAID_AGAIN_AFTER = new RegExp(`\\s*[，,]?\\s*(?:也)?就是\\s*${DAY_NUMBERS}(?=\\s|[，,]|$)`, 'g');
/** The day's numbers and 就是 before a day (二十二号 就是昨天). */
const SAID_AGAIN_BEFORE = new RegExp(`(?<=^|\\s)${DAY_NUMBERS}\\s*[，,]?\\s*(?:也)?就是\\s*(?=昨天|前天|大前天|今天|上周|这周|本周|上个?月|这个?月|本月)`, 'g');

/**
 * Words said around what a question means, put plainly: when it is asked (截至目前, 到目前为止), words of state around
 * the state (处于未启动状态, 作为牵头单位), a plan pointed at by its year and a "that" (新会2018年那份分工方案, 江门那个进度
 * 安排方案: the place and kind name it), a quarter said again as its months.
 */
function plainWording(text: string): string {
  return text
    .replace(/(?:19|20)\d{2}\s*年度?\s*的?\s*(?:那份|那个|这份|这个)?\s*(?=(?:进度安排|工作)?(?:分工)?(?:方案|要点|分工)|(?:那份|那个|这份|这个)计划)/g, '')
    .replace(/的?(?:那份|那个|这份|这个)(?=(?:进度安排|工作)?(?:分工)?(?:方案|要点|分工|计划))/g, '')
    // A day said again by its numbers (十一月上旬 就是一号到十号, 二十二号 就是昨天): the named one is kept, the numbers say no month.
    .replace(SAID_AGAIN_AFTER, ' ')
    .replace(SAID_AGAIN_BEFORE, ' ')
    // A vague word said and then explained (谁拖后腿——还没启动的最多, 让人不放心？我说的是到期了还没办完的): the explanation is what is asked.
    .replace(/(?:拖后腿|落后|滞后|让人不放心|不放心|有问题|出问题)的?\s*(?:——|—|-{1,2}|[：:]|[，,？?]?\s*(?:也)?就是说?|[，,？?]?\s*即|[，,？?]?\s*(?:我)?(?:说|指)的是)\s*/g, ' ')
    .replace(/截[至止](?:目前|现在|今天|当前|今(?!年))|到目前为止|目前(?=还|仍|正|已|处于|尚)/g, ' ')
    .replace(/(?:处于|属于)(\S{2,6}?)状态/g, '$1')
    // 跟网站有关的, 与扶贫相关的: the topic is the word between (和 / 与 only where no unit is before them: 财政局和发改局).
    .replace(/(?:(?<=^|\s)(?:和|与)|跟)(\S{1,10}?)(?:有关|相关)(?:系)?的?/g, ' $1 ')
    .replace(/作为(牵头|配合|责任)(?:单位|部门)/g, '$1')
    // 三季度 said again as its months (今年三季度到期的 就是七八九月份的): once is enough.
    .replace(/(?<=季度.*)[一二三四五六七八九十]{3}月份?/g, ' ')
    .trim();
}

/**
 * The meeting or bulletin a question is asked for, said first, with what the asker will do there: "周一例会前先点一下",
 * "这期通报要点", "明天调度会上说一下". The unit after it is the question's.
 */
const MEETING_FRAME = /^(?:(?:下周|本周|这周|下?周[一二三四五六日天]|明天|今天|下午|上午)?的?(?:例会|周例会|调度会|推进会|碰头会|开会|会议)(?:前|上|之前)?|会前|会上|这期(?:督查)?(?:通报|专报|简报|周报))\s*(?:(?:先|要|得)?(?:点一下|点名|说一下|讲一下|通报一下|看一下|过一下|过一遍|碰一下|议一议|议一下)|要点|要用|里)?[，,：:\s]*/;

/**
 * What the asker means to do about the tasks this week, said beside the question, not a deadline of theirs: "…这周得推一推",
 * "…这周排一下", "开会前我过一下", "周例会要报", "…这周还要再报吗" (said last), "咱局这周要冲一冲的：", "我们中心这周要跟的 …" (said before it).
 */
const WEEK_PLAN_AFTER = /[，,\s]+(?:(?:这周|本周|下周|今天|明天|会前|会上|开会前|开会之前)?(?:我|我们)?(?:得|要|还要|需要|准备|好|先)?(?:推一推|推一下|催一催|催一下|冲一冲|冲一下|盯一盯|盯一下|排一下|排一排|过一下|过一遍)|(?:周例会|例会|调度会|会上|会前)上?(?:要|得)?(?:报|汇报|说|讲)(?:一下)?|(?:这周|本周)?还要再报吗)[了吧啊呀]?$/;
const WEEK_PLAN_BEFORE = /(?:这周|本周|下周|今天|明天)(?:得|要|还要|需要|准备)(?:推一推|冲一冲|跟|跟进|盯|催|抓)的?(?:[：:，,]|\s+(?=\S{2}))/;

/** The office's paperwork a question is asked for: 督查通报, 督办单 / 督办函, 台账, 周报 / 月报, a leader's 批示, 倒排工期, 过堂, 点名. */
const PAPERWORK = '(?:通报|督办单|督办函|督查单|台账|周报|月报|专报|简报|批示|倒排工期|过堂|点名|调度表)';
/**
 * That paperwork said first, as a clause of its own: "倒排工期：", "写月报：", "通报拟点名：", "领导批示要对超期事项逐件过堂：" (before
 * a colon), "对照台账梳理一下，", "督办单上要填完成时限，" (before a comma, with what the asker does with it), "列入本期督办单的 "
 * (the items it holds). What follows is the question.
 */
const PAPERWORK_FRAME = new RegExp(
  `^[^，,？?：:]{0,20}?${PAPERWORK}[^，,？?：:]{0,12}[：:]\\s*(?=\\S{4})|^[^，,？?：:]{0,8}?${PAPERWORK}(?:上|里|中)?(?:要|需要|得)?(?:填|写|报|用|梳理|核对|对一下|统计)[^，,？?：:]{0,8}[，,]\\s*(?=\\S{4})|^(?:对照|按照|根据)${PAPERWORK}[^，,？?：:]{0,8}[，,]\\s*(?=\\S{4})|^列入(?:本期|这期|本周|这周)?${PAPERWORK}的?\\s*(?=\\S{4})`,
);

/** What the answer is for, said last: "…涉及哪几家单位 要发督办函", "…，准备写通报", "…拟通报". */
const PAPERWORK_AFTER = new RegExp(`[，,\\s]*(?:要|准备|拟|好|需要|得)(?:发|下|写|出|报|点名)?(?:个|一份|一下)?${PAPERWORK}$`);

/** Where in the paperwork something stands, said inside a question: "台账上进度报到多少了", "督办单里写的期限". */
const PAPERWORK_WHERE = new RegExp(`(?:在|按)?${PAPERWORK}(?:上|里|中)(?=进度|进展|写|填|显示|记|的)`, 'g');

/** Why a question is asked, said first: 领导刚才问了，/ 明天开会要用，/ 督查室这边要发通报，/ 领导要个数，/ 要在工作群催一下： */
const CONTEXT_CLAUSE = /^[^，,？?]{0,16}?(?:要用|开会|发通报|写周报|写材料|写报告|汇报用|要个数|要数据|领导(?:刚才|刚刚)?(?:问了?|要|让|说了?)|(?:他们|她们)(?:那条|那项|那件))[^，,？?]{0,6}[，,]\s*|^[^，,？?：:]{0,12}?(?:催一下|催一催|催办|提醒一下|通报一下|发(?:到)?群里)[^，,？?：:]{0,4}[：:]\s*|^[^，,？?：:]{0,8}?(?:要|问|用)[：:]\s*/;
/**
 * A request's verbs before what it asks for: 烦请提供 / 请列出 / 帮我查一下 / 你帮我看一下 / 请梳理 / 请统计 / 请调阅. Verbs that
 * also begin names (统计局, 汇总表) or periods (查下个月 is 下个月) count only after a request word.
 */
const REQUEST =
  /^(?:(?:烦请|请您?|麻烦(?:你|您)?|你?帮(?:我|忙)?|您帮我)(?:提供|列出|列一下|梳理|统计|核实|核查|调阅|调一下|查询|查一下|查下|看一下|看下|拉一下|汇总|整理|导出)|(?:列出|列一下|梳理|核实|核查|调阅|调一下|查询|查一下|拉一下|导出)|(?:查下|看下)(?![周个月季年旬午]))(?:一下)?(?=\S{2})/;

/** A greeting or an acknowledgement said before a question: 你好， / 领导好 / 各位好 / 您好！ / 收到 / 好的 */
const COURTESY_BEFORE = /^(?:你好|您好|领导好|各位好|老师好|大家好|收到|好的|明白|hi|hello)[\s,，.。!！~～]*/i;
/** Thanks said after it: 谢谢 / 辛苦了 / 麻烦了 / 拜托 (and 啊 / 哈 / 啦). */
const COURTESY_AFTER = /[\s,，.。!！~～]*(?:谢谢(?:你|您|了)?|多谢|感谢|辛苦(?:了|啦|你了|您了)?|麻烦(?:你|您)?了|拜托(?:了|啦)?|thanks?)[啊呀啦哈了!！。~～\s]*$/i;
