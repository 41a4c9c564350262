/**
 * Understands a question typed in chat: who (units, found in the unit
 * directory), in what part (牵头 / 配合 / any), about what (topic words),
 * when and how far along (status and time), in which plan, or a follow-up
 * to the previous answer. Ordinary Chinese, simplified or traditional. Pure:
 * text and the directory in, a structured query out.
 */
import { leadingPlace } from '../places/gazetteer.js';
import { readNumber } from './numbers.js';
import { readPeriod, type PeriodSpec } from './period.js';
import type { UnitRole } from '../vocabulary.js';
import { taskQuery, type Question, type StatusFilter, type TaskFilter, type TaskQuery, type UnitMention } from './question.js';
import { exceptClause, type ExceptClause } from './exclusion.js';
import { normalizeQuestion } from './question-normalizing.js';
import { mendSlips } from './typing-slips.js';
import { withCorrections } from './self-corrections.js';
import { withBureauOfEachPlace, withoutAreaFirst } from './area-words.js';
import { withOwnPronouns } from './own-pronoun.js';
import { DUE_NOT_DONE, STATUS_PHRASES } from './state-phrases.js';
import { SURNAME } from './person-names.js';
import type { UnitDirectory } from './unit-directory.js';
import { QUESTION_FAMILIES } from './question-families.js';
import { readProgressBound } from './progress-bound.js';

export { readNumber } from './numbers.js';

const NUM = '(\\d+|[一二两三四五六七八九十]+)';

/*
 * The item-number readings of follow-ups and task lookups, made once (they were built on every question: their texts
 * assembled and looked up in the compilation cache each time). The global ones are used only by replace(), which
 * starts them at 0 and leaves them at 0, so sharing them keeps no state between questions.
 */
/** "详细说说第2个": a follow-up asking for an item of the last answer. */
const DETAIL_FOLLOW_UP = new RegExp(`^(详细|具体|展开)?(说说|讲讲|看看|介绍)?(一下)?第\\s*${NUM}\\s*(个|条|项)(的)?(详情|详细|具体)?(情况|内容)?$`);
/** "第8项", "第10项第3条(第1点)": an item's number as the lookup reads it. */
const ITEM_NUMBER = new RegExp(`第\\s*${NUM}\\s*[项条](?:的?第?\\s*${NUM}\\s*[条项点])?(?:的?第?\\s*${NUM}\\s*[条项点])?`);
/** "26项第2条", "12项3条": the item's number without its 第, a 条 after it. */
const ITEM_THEN_PART = new RegExp(`(?<![第\\d一二两三四五六七八九十])${NUM}(\\s*项)(?:里|中|下)?的?\\s*(?:第\\s*)?${NUM}(\\s*[条点])`, 'g');
/** "26项的第": the item's number without its 第, a 第 after it. */
const ITEM_THEN_DI = new RegExp(`(?<![第\\d一二两三四五六七八九十])${NUM}(\\s*项的?\\s*第)`, 'g');
/** "十九之五", "3之2": the fifth part of the nineteenth item, as offices write it. */
/** An item numbered as the plan prints it, a part's 一、 then its （四）. */
const OUTLINE_NUMBER = /(?<![第\d一二两三四五六七八九十])([一二三四五六七八九十]{1,3})、?\s*[（(]([一二三四五六七八九十]{1,3})[)）]/g;
const ITEM_ZHI_PART = new RegExp(`(?<![第\\d一二两三四五六七八九十])${NUM}\\s*之\\s*${NUM}(?![\\d一二两三四五六七八九十])`, 'g');
/** "临沂要点17项", "进度安排 十七条", "新会那份 四十八条": the item's number right after the plan. */
const ITEM_AFTER_PLAN = new RegExp(`(要点|方案|分工|计划|进度安排|[这那]一?份)(里|中|的|\\s+)?${NUM}(\\s*[项条])`, 'g');
/** "新会 41项": a place and the item's number alone. */
const PLACE_THEN_ITEM = new RegExp(`^([\\u4e00-\\u9fa5]{2,4})\\s+${NUM}(\\s*项)$`);

/** Words that carry the question's grammar, not its topic. Longest first. */
const STOPWORDS = [
  // As of when the question is asked: 截至目前, 到目前为止, 迄今.
  '截至目前', '截止目前', '到目前为止', '截至', '迄今', '从来', '始终',
  '到期', '截止', '要完成', '完成的', '底前', '之前', '以前',
  '麻烦', '查下', '看下', '问下', '那边', '这边', '一起', '共同',
  '请问', '帮我', '帮忙', '查一下', '查查', '查询', '看一下', '看看', '列出', '告诉我', '我想知道', '一下',
  '有哪些', '有什么', '有没有', '是什么', '是哪个', '是哪些', '干什么', '做什么', '干啥', '做啥', '要干', '要做', '要办',
  '哪个部门', '哪些部门', '哪个单位', '哪些单位', '哪些事', '什么事', '哪件事', '哪个', '哪些', '哪家', '什么', '怎么样', '怎样', '如何', '多少',
  '负责', '牵头', '配合', '协助', '协同', '协办', '参与', '承担', '承办', '落实', '责任',
  '相关的', '相关', '有关的', '有关', '关于', '方面', '情况', '进展', '进度', '目前', '现在', '当前', '眼下', '如今', '已经', '一直', '至今', '仍然', '依然',
  '那一项', '这一项', '那项', '这项', '一项', '任务', '工作', '事项', '事情', '事儿', '内容', '部门', '单位',
  // The units spoken of again as people (他们现在有没有卡着的, 他俩各自都管的啥) and "that kind" (受阻那种).
  '他们', '她们', '它们', '他俩', '她俩', '那种', '这种',
  // Either of two (财政局或者发改委, 两微一端或者政府公报), and all of them at once (一并列出来).
  '或者', '或是', '要么', '一并', '一共', '总共', '状态', '加上',
  '所有', '全部', '都', '谁', '由', '吗', '呢', '吧', '啊', '呀', '了', '的', '和', '与', '及', '或', '还', '要', '是', '有',
];
/**
 * The tasks falling due first, asked: 接下来最先要到期的, 最早到期的, 它下一件要交的, 头一件到期的, 最近要交的, 下一个截止日是几号
 * (the day asked with them).
 */
const SOONEST = /(?:接下来|接下去|下面)?(?:最先|最早|最近|头一件|头一个|头一项|第一件|下一件|下一项|下一个|下一条)(?:要)?(?:到期|截止|要交|交)(?:日期?|的日子)?(?:的)?(?:是)?(?:几号|哪天|哪一天|什么时候)?/;

/** The task reported furthest along, asked: 进度报得最高的, 进度最快的, 进展最快的, 报到最高的. */
export const FURTHEST = /(?:进度|进展)\s*(?:报得|报的|报到)?\s*(?:最高|最快|最靠前)|报(?:得|到)最高/;

/** The task furthest behind, asked: 进度最低的, 进展最慢的, 报得最低的. */
export const LEAST_ALONG = /(?:进度|进展)\s*(?:报得|报的|报到)?\s*(?:最低|最慢|最靠后|最落后)|报(?:得|到)最低/;

/** The tasks whose last report is the oldest, asked: 报上来最早的, 等得最久的, 最早申请的, 压得最久的. */
const WAITED_LONGEST = /(?:报上来|报|申请|提交|交上来)(?:得|的)?最早|等(?:得|了)?最久|压(?:得|了)?最久|最早(?:报上来|报|申请|提交)/;

/** Words as a pattern that matches them as written. */
const literal = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STOPWORD_PATTERN = new RegExp(STOPWORDS.map(literal).join('|'), 'g');

/**
 * How people say "whose" and "what" in chat, never a topic: 名下 / 手里 / 手头 (the unit's), 管些啥 /
 * 得完成啥 / 都干些什么 (asking what), 几项活 (tasks, said as work), 分别 / 各自 / 具体, 列一下 / 都列出来,
 * and 一次 in 一次进度都没报过; 那四件 / 那一批 (the tasks said before); 三地 / 几个地方 (the places named, or all of them); whether a task was reported on, asked yes or no (有人报过没, 报过进度吗): the task with its progress.
 */
const CHAT_WORDING = /(?<=^|\s|[、，,])[两三四五六七八九十几](?:地|个地方)(?=\s|[对哪，,：:]|$)|[那这](?:[一二两三四五六七八九十]{1,3}(?:件|项|条)|一?批)(?:里头|里面|里|中)?|这方面(?:的事(?:儿|情)?)?|(?:就|都)?(?:该|得)交的?|[那这]十?几(?:条|件|项|个)里?|(?<![\d一二两三四五六七八九十])[一二两三四五六七八九十\d]{1,3}(?:件|项|条)活儿?(?:里|中)?|[这那](?:一)?块儿?|[这那]个活儿?|(?<=^|\s)(?:跟|和|与)(?=\S{2,8}(?:\s|$))|(?<=\S)的?事儿(?=\s|[是归由谁]|$)|哪(?:几|一)?(?:项|条|个|件|家)(?:任务|工作|事|单位|部门)?|(?:审核|审批|批)(?:通)?过了?没(?:有)?|的?[那这](?:一)?(?:个|条|件|项)(?=[啊呀吧嘛]?(?:\s|是|$))|(?<![十百\d])的?几(?:个|项|件|条)(?:事项|任务|工作)?(?=\s|[，,]|$)|压根|根本|一点儿?(?=动静|没|都没|也没|\s|$)|(?:各|各自|分别)管(?=哪|啥|什么|些|几)|(?:分别|各自)?(?:到|在)哪(?:了|一步了?|儿了?|里了?)?(?=\s|$)|(?<![\u4e00-\u9fa5])[两二三四五六七八九十]{1,2}(?:家|个单位|个部门)(?=\s|$)|名下|手里|手上|手头|头上|肩上|身上|分别|各自|具体|(?:都|得|要|需要|应该|还)?(?:管|干|做|办|搞|弄|完成|忙|负责)(?:些|点|了)?(?:啥|什么)|有啥|是啥|些啥|(?:几|哪些|什么|啥)(?:项|件|个|样)?活儿?(?![动力跃])|活儿|(?<=的)活(?:里头|里面|里|中)?|(?:都|全)?列(?:一下|出来|个?清单|个单子)|一次(?=进度|都|也|\s|$)|任何(?=进度|进展|更新|汇报|\s|$)|(?:(?:其他|其它|其余|另外|剩下|剩余)的?)?几(?:个|项|件|条)(?=都|全|也|分别|各自|\s|$)|(?:进度|进展)(?:报|填|更新|做)?(?:到|达到)了?(?:多少|百分之几|几成)了?|(?:报|做|干|推)到了?(?:多少|百分之几|几成)了?|(?:的)?都算(?:上|进去|在内)?|等着?我(?:来)?(?:审|批)(?:核|批)?的?|我(?:一块儿?|一起)(?:审|批)了?|(?:有人|有谁)?(?:报|汇报|填报|上报|更新)过(?:进度|进展)?(?:没有|没|吗|了吗|了没)(?=\s|[?？。]|$)/g;

function followUp(text: string): Question | undefined {
  if (/^(还有呢?|还有吗|还有没有|下一页|后面的?|更多|继续|再来点?|接着说|next)$/i.test(text)) return { kind: 'follow_up', action: 'next_page', index: null };
  if (/^(上一页|前一页|返回上一页)$/.test(text)) return { kind: 'follow_up', action: 'previous_page', index: null };
  if (/^(只看|只要|只列|仅看)(牵头|牵头的)(单位)?(任务)?(的)?$/.test(text)) return { kind: 'follow_up', action: 'only_lead', index: null };
  const detail = DETAIL_FOLLOW_UP.exec(text);
  if (detail && (detail[1] || detail[2] || detail[6] || detail[7])) {
    return { kind: 'follow_up', action: 'detail', index: readNumber(detail[4]!) };
  }
  return undefined;
}

/** Polite openings and "look it up" verbs before what is asked: 请问, 麻烦查下, 帮我看看, 想问一下. */
const OPENING = /^(?:请问一下|请问|请|麻烦你?|帮我|帮忙|你好|想问一下|想问|想知道|查一下|查下|查查|看一下|看下|看看|问一下|问下|找一下|找下|说说|讲讲|一下)+/;

/**
 * A printed number written with dots ("第10.3项", "10.3条", "方案里的4.2.1") as
 * the words 第10项第3条(第1点), so one reader takes both. A bare "10.3" is
 * only a number of an item after 第, before 项 / 条, or right after the plan.
 */
function dottedItem(text: string): string {
  return text.replace(/(第\s*)?(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,2})(?![\d.%])\s*([项条点])?/g, (whole, lead: string | undefined, number: string, unit: string | undefined, at: number) => {
    if (lead === undefined && unit === undefined && !/(方案|要点|分工|计划)(里头|里面|当中|里|中)?的?\s*$/.test(text.slice(0, at))) return whole;
    const [item, sub, point] = number.split('.');
    return `第${item}项第${sub}条${point ? `第${point}点` : ''}`;
  });
}

/** A dotted number said aloud ("经信局那份分工 一点四 预决算那条"): 1.4, read as one written with its dot. */
function spokenDots(text: string): string {
  return text.replace(/(?<=^|\s|方案|要点|分工|计划)([一二三四五六七八九十]{1,3})点([一二三四五六七八九十]{1,2})(?=\s|[那这项条，,]|$)/g, (whole, item: string, part: string) => {
    const [first, second] = [readNumber(item), readNumber(part)];
    return first !== null && second !== null ? `${first}.${second}` : whole;
  });
}

/** Asking when one task is due: 啥时候到期, 截止时间, 期限是哪天, 什么时候要完成. */
const ASKS_DEADLINE = /到期|截止(?!到?(?:目前|现在|今天))|期限|时限|完成时间|(什么时候|啥时候|几号|哪天|何时)(之前|以前|前)?(要|得|该|需要|必须)?(完成|完|办完|办结|交)/;

/** Asking who reported on it ("第8项这周是谁报的进度"): the updates family's, about that item. */
const ASKS_REPORTER = /谁(?:来)?(?:报|填|更新|汇报|反馈|上报)|哪(?:个|家)(?:单位|部门)(?:报|填|更新|汇报|反馈|上报)/;

/** The numbered item a question names ("中山方案第8项"), for a question about its reports: its key and its words; undefined when it names none. */
export function itemNamed(raw: string): { key: string; words: string } | undefined {
  const lookup = taskLookup(raw, true);
  if (!lookup || lookup.kind !== 'task' || lookup.key === null) return undefined;
  // The item's own words ("第8项"): the plan named before them is read with the rest of the question.
  const words = ITEM_NUMBER.exec(raw)?.[0] ?? '';
  return { key: lookup.key, words };
}

function taskLookup(raw: string, ofReports = false): Question | undefined {
  if (!ofReports && ASKS_REPORTER.test(raw)) return undefined;
  const byId = /(?:#|＃|任务\s*(?:编号|号|id)?\s*)(\d+)\s*号?$|^#\s*(\d+)|任务\s*#\s*(\d+)/i.exec(raw);
  const asks = ASKS_DEADLINE.test(raw) ? { asks: 'deadline' as const } : {};
  if (byId) return { kind: 'task', id: Number(byId[1] ?? byId[2] ?? byId[3]), key: null, plan: null, ...asks };
  // "26项第2条", "12项3条": the item's number without its 第, when a 第 or a 条 follows.
  const text = dottedItem(spokenDots(raw))
    .replace(ITEM_THEN_PART, '第$1$2第$3$4')
    .replace(ITEM_THEN_DI, '第$1$2')
    // "十九之五", "3之2": the fifth part of the nineteenth item, as offices write it.
    .replace(ITEM_ZHI_PART, '第$1项第$2条')
    // The outline's own numbers as the plan prints them ("一、（四）", "一（四）"): the fourth of the first part.
    .replace(OUTLINE_NUMBER, '第$1项第$2条')
    // Right after the plan's name ("临沂要点17项的内容"): the item's number without its 第.
    // Or after a space ("江门那个进度安排 十七条"): a number of 项 or 条 said alone.
    .replace(ITEM_AFTER_PLAN, '$1$2第$3$4')
    // Typed as a search: a place and the item's number alone ("新会 41项").
    .replace(PLACE_THEN_ITEM, '$1第$2$3');
  const byNumber = ITEM_NUMBER.exec(text);
  const after = byNumber ? text.slice(byNumber.index + byNumber[0].length).replace(/[的呢吗啊呀?？。!！\s]/g, '') : '';
  // Asked what it says, how far it is, who does it, or yes or no about it ("完成没有", "申请办结了吗").
  const asksAbout = ASKS_ABOUT.test(text) || /(吗|没有|没|了没|与否)$/.test(after) || /(那个|那条|那项|那件)$/.test(after) || /(吗|没有|没|了没|与否)[?？]?$/.test(text);
  if (byNumber && (asksAbout || after === '') && !/(有哪些|哪些任务)/.test(text)) {
    const first = readNumber(byNumber[1]!);
    const second = byNumber[2] ? readNumber(byNumber[2]) : null;
    const third = byNumber[3] ? readNumber(byNumber[3]) : null;
    if (first !== null) {
      // What comes before the number names the plan: "中山方案第8项", "临沂第22项", "在临沂的要点里第3项".
      const before = text
        .slice(0, byNumber.index)
        .replace(OPENING, '')
        .replace(/^在/, '')
        .trim()
        .replace(/(的)?(工作)?(分工方案|方案|要点|分工|计划|进度安排)?(里头|里面|当中|里|中|内|上)?(的)?$/, '')
        .trim()
        // What was said before, apart from it ("调度会上要协调的 中山方案第6项"), is not the plan's name.
        .split(/[\s，,：:；;]+/)
        .at(-1)!;
      const plan = before.length >= 2 ? before : (/在?(.{2,8}?)(的)?(方案|要点|分工)(里|中|的)/.exec(text)?.[1] ?? null);
      // The item described after its number ("镇区权责清单那条"): its own words, the asking taken off.
      const said = /^([\u4e00-\u9fa5A-Za-z\d]{2,12}?)(?:的?(?:那条|那项|那件|那个|这条|这项|这件))/.exec(after.replace(ASKING_AFTER, ''))?.[1];
      return { kind: 'task', id: null, key: [first, second, third].filter((part) => part !== null).join('.'), plan, ...asks, ...(said ? { described: said } : {}) };
    }
  }
  return undefined;
}

/** A plan named in the question: "在临沂的要点里", "中山的分工方案中". */
function planHint(text: string): { plan: string | null; rest: string } {
  // A place's plan pointed at as a document, no kind said: 新会那份, 江门市里那份 (the city's own, not its districts').
  const pointed = /(?<=^|\s)([\u4e00-\u9fa5]{2,6}?)(?:市|区|县)?里?的?[这那]一?份(?:里|中|上)?(?=\s|$)/.exec(text);
  if (pointed && !/^(哪些|哪个|什么|所有|全部)/.test(pointed[1]!)) return { plan: pointed[1]!, rest: text.replace(pointed[0], ' ') };
  const match = /(?:在|按|根据)?([\u4e00-\u9fa5]{2,10}?)(?:市|区|县)?的?(?:工作)?(?:要点|分工方案|方案|分工)(?:里|中|内|上)?/.exec(text);
  if (!match || /^(哪些|哪个|什么|所有|全部|有哪些)/.test(match[1]!)) return { plan: null, rest: text };
  return { plan: match[1]!, rest: text.replace(match[0], ' ') };
}

/**
 * Places a question names on their own, as a filter, not a topic: "中山市有
 * 多少项任务", "在临沂…", "江门哪些任务逾期". A full name (中山市, 新会区) is
 * taken anywhere a word may start; a short one (中山, 临沂) only before 的 /
 * 有 / 哪 / 市里 / 任务 … and only when it is, holds, or lies in the place of a
 * stored unit, so ordinary words are not read as places.
 */
function placesOn(text: string, directory: UnitDirectory): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = '';
  // Places run together ("中山临沂江门新会的都算"): where one ends, the next may start.
  let placeEnd = -1;
  const startsPlace = (from: string) => directory.placeWords().some((word) => from.startsWith(word));
  for (let index = 0; index < text.length; ) {
    const boundary = index === 0 || index === placeEnd || !/[\u4e00-\u9fa5]/.test(text[index - 1]!) || /[在的和与跟同、对给问查看是有及]/.test(text[index - 1]!);
    const hit = boundary ? leadingPlace(text.slice(index, index + 16), { allowShort: true, prefer: (place) => directory.knowsPlace(place.name) }) : undefined;
    const short = hit !== undefined && hit.written !== hit.place.name;
    const next = hit ? text.slice(index + hit.written.length) : '';
    const accepted = hit !== undefined && (!short || ((/^([的有哪在各全共多完还这那,， 和与及跟、]|比|相比|市里|区里|县里|任务|事项|工作|方面|[两三四五六七八九十几](?:地|边|个地方)|$)/.test(next) || startsPlace(next)) && directory.knowsPlace(hit.place.name)));
    if (accepted) {
      if (!places.includes(hit.place.name)) places.push(hit.place.name);
      rest += ' ';
      index += hit.written.length;
      placeEnd = index;
    } else {
      rest += text[index];
      index++;
    }
  }
  return { places, rest };
}

/** Who is asking, as far as understanding needs: the units "我们局" means. */
export interface Asker {
  /** Units the asker is a liaison of. */
  unitIds: readonly number[];
}

/** "我们局", "咱们单位", "咱单位", "本单位", "我局": the asker's own units. */
const SELF = /(?<![\u4e00-\u9fa5])(?:我们|咱们|咱|我|本)(?:局|单位|部门|委|办|科室|科|中心|这边)(?![\u4e00-\u9fa5])|(?:我们|咱们|咱)(?:局|单位|部门|委|办|科室|中心|这边)|(?<=^|[的是在\s])(?:我|本)(?:局|单位|部门)(?=的|负责|有|牵头|还|要|跟|和|与|同|逾期|超期|过期|卡着|受阻|没|未|已|正在|在办|名下|这|上|下|进度|进展|手上|手里|[？?，,。]|$)|^(?:我|我们|咱们|咱)(?:这边|这儿|这里)/;

/** A person standing for their bureau: 陈志强他们局, 梁静她们局, 何军那边 (那边 only before a unit named as theirs). */
const PERSON_SIDE = new RegExp(`(${SURNAME}[\\u4e00-\\u9fa5]{1,2}?)(他们|她们|那边|那儿)(?:局|单位|部门|科室)?`);

/** A topic that is only a bureau's name (市场监管局, 区统计局): a few characters ending in 局, 委员会 or 厅 (not 格局, 大厅 …). */
const UNKNOWN_BUREAU = /^[\u4e00-\u9fa5]{2,9}(?:局|委员会|厅)$(?<![格布大开结变当全赌残棋饭]局|[大客展餐]厅)/;

/** States a task can be in together: past its deadline and blocked, not begun, or never reported. */
const COMBINABLE = new Set<StatusFilter>(['overdue', 'blocked', 'not_started', 'no_progress', 'reported', 'stalled', 'below_half', 'above_half', 'in_progress', 'pending_review', 'started']);
/** A second state said of the same tasks with a "but" (报过进度、但还没销号的, 过半了可还卡着的): both. */
const BUT_STILL = /[、，,]\s*(?:但|可|却)(?:是)?(?:还|仍|依然|仍然)?/;

/** States either of which a task may be in (办结的和申请办结的): those together, and finished. */
const EITHER_STATES = new Set<StatusFilter>([...COMBINABLE, 'done']);
/** The states a task is in one at a time: two of them named together can only mean either. */
const EXCLUSIVE_STATES = new Set<StatusFilter>(['not_started', 'in_progress', 'blocked', 'pending_review', 'done']);
/** Done every year, said of tasks: 每年都要做的, 每年都要实施的, 每年都得弄的, 年年都要搞的, 每年实施的. */
const EVERY_YEAR = /(?:每年|年年)(?:都)?(?:要|得|需要)?(?:做|实施|弄|干|搞|办|开展|推进|进行)的?(?:工作|事项|任务)?/;
/** "Among" said in words of its own (里头, 那几件里), taken out wherever they are: never the 中 of 中山. */
const AMONG_WORDS = /的?(?:那几件|那几项|那些|几件|几项|几条|几个)?(?:里头|里面|当中|中间|之中|其中|里(?=[\s，,]))/g;
/** Tasks every named unit is on, said of the tasks (两家都挂了名的, 名下重合的, 都有它俩的): all the units, not either. */
const JOINTLY = /(?:[两二三几]家|它俩|他俩|俩)?都(?:挂了?名|有名字?|有份|在上面|有它们?俩?)的?|(?:名下|任务)?(?:重合|重叠|交叉)(?:的|部分)/;
/** JOINTLY, every one of them: taken out of the rest of every question (made once; replace() leaves it at 0). */
const EVERY_JOINTLY = new RegExp(JOINTLY.source, 'g');
/** Tasks that have cooperating units, said of the tasks: 带着协办单位的, 有配合单位的, 带配合部门的. */
const WITH_UNITS_IN = /(?:还)?(?:带着?|带有|附带|有)(?:协办|配合|协助|协同)(?:单位|部门)/;
/** Tasks led by several units, none named: 两家单位一起打头的 (打头 is read as 牵头 before), 多家共同牵头的, 两个以上牵头单位的. */
const JOINT_LEADS = /([两二三四五六七八九十几多])(?:家|个)(?:以上)?(?:单位|部门)?(?:一起|共同|联合|同时)?牵头|([两二三四五六七八九十几多])(?:家|个)(?:以上)?(?:的)?牵头(?:单位|部门)/;

/** The part and how many units a WITH_UNITS_IN or JOINT_LEADS phrase asks for. */
function unitsInPart(words: string): { role: UnitRole; atLeast: number } {
  if (!/牵头/.test(words)) return { role: 'cooperating', atLeast: 1 };
  const count = /[两二三四五六七八九十]/.exec(words);
  return { role: 'lead', atLeast: count ? Math.max(2, readNumber(count[0]) ?? 2) : 2 };
}

/** How a lookup asks to see the item: 调出来, 调一下, 看看, 发我. */
const SEE_IT = '调出来|调出|调一下|调下|调取|打开看|看看|看一下|发我|发一下';
/** …said after the item's description. */
const ASKING_AFTER = new RegExp(`(?:${SEE_IT})$`);
/** What a lookup of a numbered item asks of it: what it says, how far it is, who does it, or to see it. */
const ASKS_ABOUT = new RegExp(`是什么|是啥|讲啥|说啥|内容|讲的|说的|要求|怎么说|进展|进度|情况|几成|到哪|如何|怎么样|咋样|怎样|咋回事|怎么回事|谁|哪|啥时候|什么时候|几号|哪天|是不是|是否|归不归|属不属于|${SEE_IT}`);

/** The word that offers two alternatives: 或者, 或是, 要么. */
const EITHER_WORD = /或者|或是|要么/;
/** A list closed by "count them all in" (到期没办完的、卡着推不动的 都算上): each of its states is wanted. */
const COUNTED_IN = /的\s*[、，,]\s*\S{1,10}的\s*(?:都|全)(?:算|包括|算上|算进去|要|列上)/;
/** Two states asked together, each with its 的 ("卡着的和等审核的", "没动的加上卡着的") or said with 或者 ("逾期或者卡着的"). */
const EITHER = new RegExp(`的\\s*(?:和|或者?|以及|还有|加上|跟|及)\\s*\\S{1,12}(?:的|$)|${EITHER_WORD.source}|${COUNTED_IN.source}`);
/** Two states said of the same tasks, one after the other: "进展滞后、且至今未报送过任何进度的", "逾期并且卡着的", "超期而且没动的". */
const CONJUNCTIONS = '并且|而且|且|同时';
const BOTH = new RegExp(`[、，,\\s]*(?:${CONJUNCTIONS})(?=\\S{2})`);
const AMONG = new RegExp(`${AMONG_WORDS.source}|(?<=的|事项|任务|工作)中|${BOTH.source}|既(?=\\S{1,12}?又)`);

/**
 * The tasks a part left out stands for: a plan pointed at (经信局那份), what its words name as a question would
 * (中山, 卡住, 扶贫办, 我们局), or a part alone (牵头的) of the units the question is about.
 */
function partLeftOut(clause: ExceptClause, main: TaskQuery, directory: UnitDirectory, asker: Asker): TaskFilter | undefined {
  const { kind: _kind, page: _page, except: _except, ...filter } = clause.plan ? taskQuery({ plan: clause.plan }) : (readTaskQuery(clause.left, directory, asker) ?? taskQuery());
  if (clause.plan) return filter;
  const role = /^(牵头|主办)/.test(clause.left) ? 'lead' : /^(配合|协助|协办|参与|协同)/.test(clause.left) ? 'cooperating' : null;
  const named = filter.units.length > 0 || filter.topic !== null || filter.status !== null || filter.plan !== null || (filter.places?.length ?? 0) > 0 || filter.period || filter.recurs || filter.progress;
  if (!named && role && main.units.length > 0) return { ...filter, units: main.units, role };
  if (clause.after && filter.units.length === 0 && (filter.places?.length ?? 0) === 0) return undefined;
  if (clause.verb && filter.topic !== null) return undefined;
  return named ? { ...filter, asksWho: false } : undefined;
}

/** Parses a question. `directory` knows every unit and its names; `asker` what "我们局" means. */
export function parseQuestion(raw: string, directory: UnitDirectory, asker: Asker = { unitIds: [] }): Question {
  const corrected = withCorrections(mendSlips(normalizeQuestion(raw), directory.placeWords()), directory);
  const isUnit = (name: string) => directory.findMentions(name).some((mention) => mention.start === 0 && mention.end === name.length && mention.unitIds.length > 0);
  const eachPlace = withBureauOfEachPlace(corrected, directory.placeWords(), isUnit);
  const text = withoutAreaFirst(eachPlace, (rest) => directory.findMentions(rest).map((mention) => mention.text));
  if (text === '') return { kind: 'unknown' };
  if (/^(你好|您好|hi|hello|嗨|哈喽|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|早|喂)[啊呀呢!！。~]*$/i.test(text)) return { kind: 'smalltalk', topic: 'greeting' };
  if (/^(你|您)?(能|会|可以)(做|干|帮我做?)?(些)?(什么|啥)|^(怎么用|如何使用|使用说明|帮助|help)$/i.test(text)) return { kind: 'smalltalk', topic: 'greeting' };
  if (/^(谢谢|感谢|多谢|辛苦了?|好的?谢谢|谢了|thanks|thank you|ok|好的|收到)[啊呀啦了!！。~]*$/i.test(text)) return { kind: 'smalltalk', topic: 'thanks' };
  const follow = followUp(text);
  if (follow) return follow;
  const lookup = taskLookup(text);
  if (lookup) return lookup;

  if (/^(有|都有|现在有|目前有)?(哪些|什么|几个|多少)(个)?(分工)?(方案|工作要点|要点|计划)/.test(text) || /^(方案|分工方案)(列表|清单)$/.test(text)) {
    if (directory.findMentions(text).length === 0) return { kind: 'plans', page: 1 };
  }
  for (const family of QUESTION_FAMILIES) {
    const understood = family.parse(text, directory, asker);
    if (understood) return understood;
  }
  return readTaskQuery(text, directory, asker) ?? { kind: 'unknown' };
}

/** A document named right after whose it is (经信局那份分工, 经信局的分工方案; 那份 is gone by then): the plan's words. */
const POINTED_PLAN = /^的?(?:分工方案|工作要点|分工|方案|要点)(?:里头|里面|里|中)?/;

/** A unit found in the text as the query keeps it: its words, ids, and the place, self or person it was named with. */
function asMention(mention: UnitMention): UnitMention {
  return {
    text: mention.text,
    unitIds: mention.unitIds,
    fuzzy: mention.fuzzy,
    ...(mention.place ? { place: mention.place } : {}),
    ...(mention.self ? { self: true } : {}),
    ...(mention.person ? { person: mention.person } : {}),
  };
}

/** Whether two periods are said joined, either first: "本月或者下月", "2018年和2020年", "这周、下周". */
function joinedPeriods(text: string, first: string, second: string): boolean {
  const join = '\\s*的?\\s*(?:或者|或是|或|和|跟|与|及|以及|、|还有|加上)\\s*';
  return new RegExp(`${literal(first)}${join}${literal(second)}|${literal(second)}${join}${literal(first)}`).test(text);
}

/** A second period said without its year ("2017年三季度或者四季度") is in the first's year. */
function sameYear(period: PeriodSpec, words: string, first: PeriodSpec): PeriodSpec {
  if (!('year' in period) || !('year' in first) || /年/.test(words)) return period;
  return { ...period, year: first.year } as PeriodSpec;
}

/** What is left of a question's words once its grammar is taken out: the words to look for in tasks, or null. */
function topicWords(rest: string): string | null {
  return (
    rest
      .replace(CHAT_WORDING, ' ')
      .replace(STOPWORD_PATTERN, ' ')
      .replace(/[,，.。!！?？、;；:："“”'‘’()（）\[\]【】《》<>]/g, ' ')
      .split(/\s+/)
      // A pointing word before the topic (中山那个PPP的事): no part of it.
      .map((word) => word.replace(/^(?:那个|这个|那些|这些)(?=\S{2})/, ''))
      .filter((word) => word.length >= 2 || /^[a-z0-9]+$/i.test(word))
      .join(' ')
      .trim() || null
  );
}

/**
 * The filters a question about tasks sets — units (with their places),
 * places, role, status and time, plan, topic — or undefined when it sets
 * none. Question families that count or rank tasks read their filters with
 * it, from the question without their own words.
 */
export function readTaskQuery(text: string, directory: UnitDirectory, asker: Asker = { unitIds: [] }): TaskQuery | undefined {
  // "除了中山的 还有哪些", "去掉牵头的": the question without the part it leaves out, and that part as a filter of its own.
  const clause = exceptClause(text);
  if (clause) {
    const main = readTaskQuery(clause.rest, directory, asker) ?? taskQuery();
    const except = partLeftOut(clause, main, directory, asker);
    if (except) return { ...main, except };
  }
  const self = SELF.exec(text);
  // A near-miss unit name inside a state phrase ("等着审核办结" ≈ 审批办) is the phrase, not a unit.
  const phrases = STATUS_PHRASES.flatMap(([, pattern]) => {
    const match = pattern.exec(text);
    return match ? [[match.index, match.index + match[0].length] as const] : [];
  });
  const inPhrase = (mention: { start: number; end: number; fuzzy: boolean }) => mention.fuzzy && phrases.some(([start, end]) => mention.start < end && mention.end > start);
  const mentions = [
    ...directory.findMentions(text).filter((mention) => !inPhrase(mention)),
    ...(self ? [{ text: self[0], unitIds: [...asker.unitIds], fuzzy: false, self: true, start: self.index, end: self.index + self[0].length }] : []),
  ]
    .filter((mention, _, all) => !('self' in mention) || !all.some((other) => other !== mention && other.start < mention.end && other.end > mention.start))
    .sort((a, b) => a.start - b.start);
  // "中山的财政局和发改局": a unit joined to one named with its place is that place's too.
  for (let n = 1; n < mentions.length; n++) {
    const previous = mentions[n - 1]!;
    const current = mentions[n]!;
    const place = 'place' in previous ? previous.place : undefined;
    if (place && !('place' in current && current.place) && /^\s*(和|与|及|、|以及)\s*$/.test(text.slice(previous.end, current.start))) {
      mentions[n] = { ...current, unitIds: current.unitIds.filter((id) => directory.unit(id)?.jurisdiction === place), place } as (typeof mentions)[number];
    }
  }
  // "经信局电力科": a bureau named right before one of its sections names which section, not a unit of its own.
  for (let n = mentions.length - 1; n >= 1; n--) {
    const previous = mentions[n - 1]!;
    const current = mentions[n]!;
    if (current.start === previous.end && /(?:科|股|室)$/.test(current.text) && /(?:局|委|办)$/.test(previous.text)) {
      mentions[n] = { ...current, text: text.slice(previous.start, current.end), start: previous.start } as (typeof mentions)[number];
      mentions.splice(n - 1, 1);
    }
  }
  // "陈志强他们局", "何军那边政务办": a person's bureau, or the bureau named after them that is theirs.
  const side = PERSON_SIDE.exec(text);
  if (side && !leadingPlace(side[1]!, { allowShort: true }) && !mentions.some((mention) => mention.start < side.index + side[1]!.length && mention.end > side.index)) {
    const end = side.index + side[0].length;
    const after = mentions.findIndex((mention) => mention.start === end);
    if (after >= 0) mentions[after] = { ...mentions[after]!, text: text.slice(side.index, mentions[after]!.end), start: side.index, person: side[1]! } as (typeof mentions)[number];
    // Alone, only 他们 / 她们 says a person ("梁静她们局"); 黄圃那边, 督查室那边 name a place or an office.
    else if (/们/.test(side[2]!)) mentions.push({ text: side[0], unitIds: [], fuzzy: false, start: side.index, end, person: side[1]! } as (typeof mentions)[number]);
    mentions.sort((a, b) => a.start - b.start);
  }
  // "我们" without a unit word: the asker's side of a bureau named beside it, or the asker's units (own-pronoun.ts).
  const own = withOwnPronouns(text, mentions, asker, () => placesOn(text, directory).places.length > 0);
  mentions.splice(0, mentions.length, ...(own.mentions as typeof mentions));
  // A place said once for a list of units ("中山的国税局跟地税局"): the later ones are that place's too, where it has them.
  const listPlace = mentions[0] && 'place' in mentions[0] ? (mentions[0].place as string | undefined) : undefined;
  if (listPlace) {
    mentions.forEach((mention, index) => {
      if (index === 0 || ('place' in mention && mention.place) || /[市区县]/.test(mention.text.slice(0, 1))) return;
      const ours = mention.unitIds.filter((id) => directory.unit(id)?.jurisdiction === listPlace);
      if (ours.length > 0 && ours.length < mention.unitIds.length) mentions[index] = { ...mention, unitIds: ours };
    });
  }
  // "经信局那份分工": a document named by whose it is — that plan, not the unit's tasks.
  const pointedAt = mentions.findIndex((mention) => !('self' in mention) && POINTED_PLAN.test(text.slice(mention.end)));
  const pointedMention = pointedAt >= 0 ? mentions.splice(pointedAt, 1)[0]! : null;
  const pointedPlan = pointedMention ? { text: pointedMention.text, start: pointedMention.start, end: pointedMention.end + POINTED_PLAN.exec(text.slice(pointedMention.end))![0].length } : null;
  // Take out what is understood, so that what remains is the topic.
  let rest = text;
  const understood: [number, number][] = [...mentions.map((mention): [number, number] => [mention.start, mention.end]), ...own.said, ...(pointedPlan ? [[pointedPlan.start, pointedPlan.end] as [number, number]] : [])];
  for (const [start, end] of understood.sort((a, b) => b[0] - a[0])) rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
  // A period ("下周", "2017年第一季度", "年底前") is when the tasks fall due; 今年 alone says nothing.
  const named = readPeriod(rest);
  if (named) rest = rest.replace(named.words, ' ');
  // "本月或者下月", "2018年和2020年": a second period joined to the first, either of which the tasks may fall due in.
  const other = named ? readPeriod(rest) : undefined;
  const orPeriod = other && joinedPeriods(text, named!.words, other.words) ? sameYear(other.period, other.words, named!.period) : null;
  if (orPeriod) rest = rest.replace(other!.words, ' ');
  rest = rest.replace(/今年|本年度?/g, ' ');
  let status: StatusFilter | null = null;
  const dueNotDone = DUE_NOT_DONE.exec(rest);
  if (dueNotDone) {
    status = named ? 'unfinished' : 'overdue';
    rest = rest.replace(dueNotDone[0], ' ');
  }
  let andStatus: StatusFilter | null = null;
  let orStatus: StatusFilter | null = null;
  for (const [filter, pattern] of STATUS_PHRASES) {
    if (named && filter.startsWith('due_')) continue;
    if (!pattern.test(rest)) continue;
    // The first (most specific) phrase decides; the others are said with it ("超期未完成"), each as often as it is ("提交办结申请、等着审核"),
    // unless a second state is asked apart from it, "among the overdue, the blocked" ("逾期的里头 卡着的", "逾期的中间哪些受阻了").
    // "卡着的和等审核的", "逾期的或者受阻的": either state, the tasks of both together — said so, even among others (全部事项里 逾期或者受阻的).
    // Two states no task can be in at once, listed (卡着要协调的、报了办结等销号的), are either.
    if (status && filter !== status && EITHER_STATES.has(filter) && EITHER_STATES.has(status) && (EITHER.test(text) || (EXCLUSIVE_STATES.has(filter) && EXCLUSIVE_STATES.has(status) && /[、，,]/.test(text) && !AMONG.test(text)))) orStatus ??= filter;
    else if (status && filter !== status && COMBINABLE.has(filter) && COMBINABLE.has(status) && (AMONG.test(text) || BUT_STILL.test(text))) andStatus ??= filter;
    // Reported but still open (已经反馈过进度、但还挂着没销号的): the reported ones not finished.
    else if (status === 'reported' && filter === 'unfinished' && BUT_STILL.test(text)) andStatus ??= filter;
    status ??= filter;
    rest = rest.replace(new RegExp(pattern.source, 'g'), ' ');
  }
  // 进度八成及以上, 不到30%: how far along (过半 and 不到一半 are states of their own).
  const bound = status === 'above_half' || status === 'below_half' ? undefined : readProgressBound(rest);
  if (bound) rest = rest.replace(bound.words, ' ');
  // 接下来最先要到期的, 下一件要交的, 下一个截止日是几号: only the tasks falling due first.
  const soonest = SOONEST.exec(rest);
  if (soonest) rest = rest.replace(soonest[0], ' ');
  // 报上来最早、等得最久的: only the tasks whose last report is the oldest.
  const waited = WAITED_LONGEST.exec(rest);
  const furthest = FURTHEST.exec(rest);
  if (furthest) rest = rest.replace(furthest[0], ' ');
  const leastAlong = LEAST_ALONG.exec(rest);
  if (leastAlong) rest = rest.replace(leastAlong[0], ' ');
  if (waited) rest = rest.replace(new RegExp(WAITED_LONGEST.source, 'g'), ' ');
  // 每年都要做的 / 每年都要实施的 / 年年都得弄的: the tasks the plans say are done every year.
  const yearly = EVERY_YEAR.exec(rest);
  if (yearly) rest = rest.replace(yearly[0], ' ');
  // "年底前到期的里头 卡住的": among the period's tasks, the state's — the period and the state filter together already.
  if (andStatus) rest = rest.replace(AMONG, ' ').replace(new RegExp(CONJUNCTIONS, 'g'), ' ');
  else if (named || status || bound) rest = rest.replace(AMONG_WORDS, ' ');
  const hinted = planHint(rest);
  const plan = pointedPlan?.text ?? hinted.plan;
  const withoutPlan = pointedPlan ? rest : hinted.rest;
  const found = placesOn(withoutPlan, directory);
  rest = found.rest
    // "归谁管", "由哪个部门", "谁来建", "哪个部门在推": the verb of asking who, not the topic.
    .replace(/(归|由)(?=谁|哪)/g, ' ')
    .replace(/(?<=谁|部门|单位|哪家)(来|在|去|要)(建设|建|做|抓|管|推进|推|干|办|搞|弄|跟进|跟|落实)/g, ' ')
    // "同为牵头单位的", "均为配合单位": the units' part together, read below.
    .replace(/同为|均为|同是/g, ' ')
    // "两家都挂了名的", "名下重合的": every unit named is on the task, read below.
    .replace(EVERY_JOINTLY, ' ');
  // "带着协办单位的", "两家单位一起打头的": tasks with units in a part, whoever they are — not the part of a unit named.
  const unitsIn = mentions.length === 0 ? WITH_UNITS_IN.exec(rest) ?? JOINT_LEADS.exec(rest) : WITH_UNITS_IN.exec(rest);
  const withUnitsIn = unitsIn ? unitsInPart(unitsIn[0]) : null;
  if (unitsIn) rest = rest.replace(unitsIn[0], ' ');
  const roleText = unitsIn ? text.replace(unitsIn[0], ' ') : text;
  // "不是牵头、只是负责的": the unit's part where it does not lead.
  const notLead = /(?:不是|并非|非|不)牵头/.test(roleText);
  const role: TaskQuery['role'] = /配合|协助|协同|协办/.test(roleText) ? 'cooperating' : notLead ? 'responsible' : /牵头/.test(roleText) ? 'lead' : 'any';
  const asksWho = /谁|哪(?:个|些|几家|几个|一家)(?:部门|单位)|由哪|哪家/.test(text);
  // "两微一端或者政府公报相关的": words on both sides of 或者 are two topics, either of which the tasks may be about.
  const sides = rest.split(EITHER_WORD);
  const [topic = null, orTopic = null] = sides.length === 2 && sides.every((side) => topicWords(side) !== null) ? sides.map(topicWords) : [topicWords(rest)];

  if (mentions.length === 0 && topic === null && status === null && plan === null && found.places.length === 0 && !named && !bound && !yearly && !soonest && !waited && !furthest && !leastAlong) return undefined;
  // A bureau's name no plan has ("市场监管局手上有没有任务"): a unit the bot does not know, not words to look for in tasks.
  const unknownBureau = mentions.length === 0 && topic !== null && UNKNOWN_BUREAU.test(topic) ? topic : null;
  if (unknownBureau) mentions.push({ text: unknownBureau, unitIds: [], fuzzy: false, start: 0, end: 0 });
  return {
    kind: 'tasks',
    units: mentions.map(asMention),
    ...(found.places.length > 0 ? { places: found.places } : {}),
    ...(named ? { period: named.period } : {}),
    ...(orPeriod ? { orPeriod } : {}),
    ...(pointedMention ? { planNamedBy: asMention(pointedMention) } : {}),
    // "财政局和发改局一起负责的": tasks that name every one of them.
    ...(mentions.length > 1 && (/一起|共同|联合|同为|均为|都(参与|负责|有份)|都是(?=牵头|配合|责任|负责)/.test(text) || JOINTLY.test(text)) ? { allUnits: true } : {}),
    role,
    topic: unknownBureau ? null : topic,
    ...(orTopic && !unknownBureau ? { orTopic } : {}),
    status,
    ...(andStatus ? { andStatus } : {}),
    ...(orStatus ? { orStatus } : {}),
    ...(bound ? { progress: bound.bound } : {}),
    ...(yearly ? { recurs: 'yearly' as const } : {}),
    plan,
    asksWho,
    ...(soonest ? { soonest: true } : {}),
    ...(waited ? { waitedLongest: true } : {}),
    ...(furthest ? { furthest: true } : {}),
    ...(leastAlong ? { leastAlong: true } : {}),
    ...(withUnitsIn ? { withUnitsIn } : {}),
    page: 1,
  };
}
