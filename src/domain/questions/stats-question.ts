/**
 * The counts, rates and rankings family (issue 17): "中山市有多少项任务",
 * "市财政局的任务完成了多少", "完成率", "哪个单位任务最多", "逾期最多的单位",
 * "各区完成情况". Recognises the question by its own words (多少 / 几项,
 * 完成率, 最多 / 排名, 各地 / 哪个单位), takes them out, and reads the rest
 * with readTaskQuery, so the tasks counted are the ones the same words
 * would list. Pure: text and the directory in, a StatsQuery out.
 */
import { leadingPlace } from '../places/gazetteer.js';
import { FURTHEST, LEAST_ALONG, readTaskQuery, type Asker } from './question-parser.js';
import { POINTING_WORD, taskQuery, type StatsQuery } from './question.js';
import type { UnitDirectory } from './unit-directory.js';

/** Places or units named for one figure said summed, not compared: 加起来, 合起来, 一共, 合计. */
const SUMMED = /加起来|合起来|一共|总共|合计/;

/** Done ÷ all: 完成率, 办结率, 完成比例, 完成了百分之多少. */
const RATE = /(?:完成|办结|落实|完结)(?:了|的)?(?:率|比例|比率|百分比|占比)|(?:完成|办结|办完|做完)了?百分之(?:几|多少)|完成度/;
/** How many: 多少, 几项, 一共, 总数 … (哪几条 asks which, 那几条 / 其他几件 / 另外几项 point at some: not how many) */
const COUNT = /多少|(?<![哪那这]|其他|其它|其余|另外)几(?:项|个|条|件|家|类)|总数|数量|数目|总量|一共|总共|共有|共计|合计|总计|任务数/;
/** How many are done: 完成了多少, 办结了几项, 完成数 (not 没完成的有多少). */
/** Which tasks, asked outright: 哪几件, 哪些事项 (not 哪些单位, 哪几家). */
const WHICH_TASKS = /哪(?:几|一)?(?:件|项|条)|哪些(?:事项|任务|工作|事)/;
const DONE_COUNT = /(?<![没未不]|应该|应当|本该|该|要|需要|须|得)(?:完成|办结|做完|完结)了?(?:的)?(?:有|是)?(?:多少|几)(?:项|个|条|件)?|(?<![没未不])(?:完成|办结)(?:数|量)/;
/** How many units: 多少个单位, 几个部门. */
const UNIT_COUNT = /(?:多少|几)(?:个|家)?(?:单位|部门)/;
/** Which units the tasks are of: 逾期的是哪几个单位的, 明年到期的是哪些部门的活, 哪几家单位的事 到期没办完的, 还有哪几家单位有卡着的事, 涉及哪些单位 (answered with the units and their count). */
const WHICH_UNITS = /(?:是|归|属于)?哪(?:几|些)(?:个|家)?(?:单位|部门)的(?:活儿?|任务|事儿?|事情|工作)?(?:$|\s(?=\S{2}))|哪(?:几|些)(?:个|家)?(?:单位|部门)(?:还)?有\S{1,8}的(?:活儿?|任务|事儿?|事情|事项)$|涉及(?:到)?(?:哪些|哪几个|哪几家)(?:单位|部门)|[按分](?:责任)?(?:单位|部门)(?:来|给我)?(?:列|罗列|梳理|理一下|捋|$)/;
/**
 * The units that share a unit's part on its tasks: 跟财政局一起牵头的都是哪几家单位, 和发改局共同负责的有哪些部门, 与教育局一块儿配合的是谁
 * (the unit in group 1, the part in group 2).
 */
const PARTNERS = /(?:跟|和|与|同)([^\s，,。？?]{2,20}?)(?:一起|一道|一块儿?|共同|联合)(牵头|负责|配合|协助|参与|承担)的?(?:单位|部门)?(?:都|还|又)?(?:是|有)?(?:哪(?:几|些)?家(?:单位|部门)?|哪(?:几|些)?个?(?:单位|部门)|谁)(?!的)/;
/** Counted unit by unit: 逾期的按单位统计一下, 分部门汇总 (a count per unit, as 各单位逾期多少). */
const BY_UNIT_TALLY = /[按分](?:责任)?(?:单位|部门)(?:来|给我)?(?:统计|汇总|算|数|排)/;
/** The share some tasks are of the scope's (逾期的占比多少, 卡着的占几成, 没动的比例): picked out by their state, period or progress. */
const SHARE = /占比|占(?:[^，,。？?\s]{0,10}?(?:全部|所有|总|整体)[^，,。？?\s]{0,6}?的)?(?:多少|几成|百分之几|多大比例|比例|比重)|(?<=的\s?)(?:有|是)?百分之(?:几|多少)|(?:比例|百分比)(?:是|有)?(?:多少|多大)?|几成|(?<=[^度展]的)(?:过半|超过一半|过了一半|到一半)了?(?:没有?|吗|了吗|没|\s|$)/;
/** Their mean progress: 平均进度, 平均完成度, 进度平均. */
const AVERAGE = /平均(?:的)?(?:进度|完成进度|完成度|完成比例)|进度(?:的)?平均(?:值|数)?/;
/** Ranking words. */
const RANK = /最多|最少|最高|最低|最好|最差|最快|最慢|最大|最小|排名|排行|排序|排个名|名次|(?:排个|排一下|排一排)?前[三五十]名?|排个|倒数|垫底/;
/** Behind the most (最拖的单位, 拖得最厉害, 拖后腿最多): ranked by tasks past their deadline, behind being past it. */
const BEHIND_MOST = /最拖(?:拉|沓)?|拖得最(?:厉害|多|严重)|拖后腿最(?:多|厉害)?|最拖后腿/;
/** Smallest first; of two, the lower (哪家完成率低些). */
const ASCENDING = /最少|最低|最差|最慢|最小|倒数|垫底|(?:低|少|差|慢)(?:一)?(?:些|点)/;
/** Which of two is ahead or behind: 高些, 低一些, 好点, 更快, and said last (谁的任务多, 哪边没启动的事项多). */
const COMPARED = /(?:更|比较)?(?:高|低|多|少|好|差|快|慢)(?:一)?(?:些|点)(?=\s|$|[呢吗啊？?])|更(?:高|低|多|少|好|差|快|慢)|(?:完成|落实|推进|办|干|做)得(?:更|比较)?(?:好|快|差|慢)|(?<=[的数率项件个条务活])(?:多|少|高|低)(?=\s*(?:$|[呢吗啊？?]))/;
/** "How is it going" words that, by groups, mean a ranking by completion. */
const SITUATION = /完成情况|进展情况|进度情况|落实情况|推进情况|办结情况|情况|怎么样|如何|咋样/;
/** How far along a scope is, as a whole: 市财政局的任务完成情况, 中山整体办结情况怎么样. */
const HOW_FAR = /(?:完成|办结|落实)情况/;
/** Done most (完成最多的单位), rather than tasks most. */
const DONE_MOST = /(?:完成|办结|做完)(?:的|得)?(?:任务|事项|工作)?(?:最多|最少)/;
/** Ranked by how far along: 完成情况, 进展最快, 完成得最好. */
const BY_RATE = /完成情况|进展|进度情况|落实情况|推进情况|办结情况|完成得|最好|最差|最快|最慢/;

/** After a ranking word: "逾期最多的单位", "完成率最高的地区". */
const RANKED = '(?:最多|最少|最高|最低|最好|最差|最快|最慢|最大|最小)的';

/** Groups a ranking is by: the words that say so. */
const GROUPS: [StatsQuery['groupBy'], RegExp][] = [
  ['plan', new RegExp(`各(?:个)?(?:分工)?(?:方案|要点|计划)|哪(?:个|些)?(?:分工)?(?:方案|要点|计划)|${RANKED}(?:分工)?(?:方案|要点|计划)`)],
  ['place', new RegExp(`各(?:个)?(?:地方|地区|城市|县区|区县|市区|地|区|县|市)(?![政府直属有关])|哪(?:个|些)?(?:地方|地区|城市|县区|区县|市区|区|县|市)(?![政府直属有关单位部门])|${RANKED}(?:地方|地区|城市|县区|区县)|哪边(?=.*(?:完成|进度|逾期|任务|多|少|高|低|快|慢|好|差))|按(?:地方|地区|城市|市)(?:排(?:排|一下|个序|名)?|分)`)],
  ['unit', new RegExp(`各(?:个)?(?:单位|部门|委办局|科室|局)|哪(?:个|些|家)?(?:单位|部门|委办局|科室|局)|谁(?:的|家)?|${RANKED}(?:单位|部门|委办局|科室|局)`)],
];

/** Not ours: how many days or times, which item, how many plans, one task's progress. */
const NOT_STATS = [
  /多少天|几天|几号|几点|多久|多长时间|什么时候|第几/,
  /(?:多少|几)个?(?:分工)?(?:方案|要点|计划)/,
  /(?:报|更新|汇报|报告|报送|填报)(?:了|过)?(?:多少|几)(?:次|回|条|份)|(?:多少|几)(?:次|回|条|份)(?:进度|进展|更新|报告|汇报)/,
  /(?:进度|进展)(?:报|填|更新)?(?:是|到了?|达到|有)?(?:多少|百分之几|几成)/,
  // How far the tasks named are, said as what was reported (PPP那件 现在报到几成了): their progress, not a share.
  /(?:报|做|干|推|弄|搞)到(?:了)?(?:多少|百分之几|几成)/,
  // How many were reported or closed since a day (月初以来销号了几件, 上礼拜五到现在 一共报上来几项进度): the updates family's.
  /(?:以来|到现在|至今)[^，,]{0,12}(?:报|销号|办结|更新|填)/,
  // How many units reported: who reported, counted (the updates family's): 多少家单位报过进度, 报了进度的单位有几个.
  /(?:多少|几)[个家]?(?:单位|部门).*(?:报|更新|汇报|填)(?:了|过)|(?:报|更新|汇报|填)(?:了|过|送)?(?:进度|进展)?的(?:单位|部门).*(?:多少|几)/,
  // How many, and which: "有几项，分别是啥", "多少个任务，都是哪些" — the list, which says how many.
  /(?:多少|几).*(?:分别|都|具体|各)(?:是|有)(?:啥|什么|哪些|哪几)(?!家|个?(?:单位|部门))|(?:多少|几).*是哪(?:些|几|件|项|条|个)(?!家|个?(?:单位|部门))/,
  // All of them, which: "一共是哪些事项", "总共有哪几件" — the list, not its count.
  /(?:一共|总共|共)(?:是|有)?哪(?:些|几)/,
  // How those few are going ("信用那块的几个 啥进度"): the list with their progress.
  /(?:几个|几项|几件|几条).*(?:啥|什么|怎么样|咋样)(?:进度|进展|情况)|(?:几个|几项|几件|几条).*(?:进度|进展).{0,4}(?:到哪|怎么样|咋样|如何)/,
  // The list asked for by the number it has: "其他几件都列出来", "这几项列一下".
  /(?:多少|几).*(?:都|全)?列(?:一下|出来)/,
  // The same once the request is taken off: "剩下几件都" (…列一下).
  /几(?:个|项|件|条)(?:都|全)\s*$/,
];

/** The question's own words, taken out before its filters are read. */
const OWN_WORDS =
  /请问|麻烦|帮我|帮忙|查一下|看一下|统计一下|统计|算一下|告诉我|一下|截至目前|截止目前|到目前为止|目前|现在|当前|到现在|为止|已经(?!开始|启动|动起来|动工|开工|着手)|总体上?|整体上?|总的来说|大概|大约|一共|总共|共有|共计|合计|总计|总数|数量|数目|总量|任务数|是多少|有多少|多少|[那这]?十几(?:项|个|条|件)?|(?<![第\d一二两三四五六七八九十百])[一二两三四五六七八九十百\d]{1,4}(?:件|项|条)(?:活儿?|事儿?|任务|事项)?(?:里头|里面|当中|里|中)|几(?:项|个|条|件|家|类)?|排名|排行|排序|排个名|名次|(?:排个|排一下|排一排)?前[三五十]名?|排个|倒数|垫底|情况|怎么样|咋样|如何|怎样|最多|最少|最高|最低|最好|最差|最快|最慢|最大|最小|完成得|比一比|比一下|比较一下|对比一下|对比|相比|比起来|比比|(?:件|项|条|个)数/g;

/** A plan named with what it is: "中山市的分工方案", "临沂的要点", "经信局的分工", "江门的进度安排方案". */
const PLAN_PHRASE = /(?:在|按|根据)?([^\s在按的，,、]{2,12}?)的?(工作要点|分工方案|进度安排方案|进度安排|要点|方案|分工)(?:里面|里|中|内|上)?/;

/**
 * The plan a phrase names, as a hint matchPlans reads: its owner and what it
 * is ("中山市分工方案" holds 中山市…要点分工方案 but not 中山市经信局…任务分工),
 * when the owner is a place, a unit or a year; otherwise the text is left
 * for readTaskQuery ("实施方案" may be a topic).
 */
function planPhrase(text: string, directory: UnitDirectory): { plan: string; rest: string } | undefined {
  const match = PLAN_PHRASE.exec(text);
  if (!match) return undefined;
  // "江门那个进度安排": the pointing word is no part of the owner's name.
  const owner = match[1]!.replace(new RegExp(`${POINTING_WORD.source}$`), '');
  if (owner.length < 2 || /^(哪|各|什么|所有|全部|有|这|那)/.test(owner)) return undefined;
  const place = leadingPlace(owner, { allowShort: true, prefer: (candidate) => directory.knowsPlace(candidate.name) });
  const isPlace = place !== undefined && (place.written === owner || place.place.name === owner);
  const ownedBy = isPlace || /\d{4}/.test(owner) || directory.findMentions(owner).length > 0;
  if (!ownedBy) return undefined;
  return { plan: `${owner}${match[2]}`, rest: text.replace(match[0], ' ') };
}

/** The group a question ranks by, and the text without the words that said so. */
function groupOf(text: string, directory: UnitDirectory): { groupBy: StatsQuery['groupBy']; rest: string } {
  const mentions = directory.findMentions(text);
  const tally = BY_UNIT_TALLY.exec(text);
  if (tally) return { groupBy: 'unit', rest: text.replace(tally[0], ' ') };
  for (const [groupBy, pattern] of GROUPS) {
    const match = pattern.exec(text);
    if (!match) continue;
    // "各镇区", "各县区政府" are units (collectives), not a way of grouping.
    if (mentions.some((mention) => mention.start < match.index + match[0].length && mention.end > match.index)) continue;
    // Said twice (按地方排排 哪边最多), every saying goes.
    return { groupBy, rest: text.replace(new RegExp(pattern.source, 'g'), ' ') };
  }
  return { groupBy: 'none', rest: text };
}

/**
 * Reads a count, rate or ranking question; undefined when the text is not
 * one. The family's parse in the registry (question-families.ts), which
 * names this function: a declaration, so the registry may hold it while
 * the parser and the families import each other.
 */
export function parseStatsQuestion(text: string, directory: UnitDirectory, asker: Asker = { unitIds: [] }): StatsQuery | undefined {
  // Which task is furthest along (进度报得最高的是哪件) is a task asked for, not a ranking.
  if ((FURTHEST.test(text) || LEAST_ALONG.test(text)) && /哪(?:一)?(?:件|项|条|个)(?!单位|部门)/.test(text)) return undefined;
  // (平均进度到多少 is the scope's mean, not one task's progress.)
  if (!AVERAGE.test(text) && NOT_STATS.some((pattern) => pattern.test(text))) return undefined;
  // (Only of units: 哪个任务拖得最久 asks about one task.)
  if (BEHIND_MOST.test(text) && /单位|部门|哪家|谁/.test(text)) text = text.replace(BEHIND_MOST, '逾期最多');
  const rate = RATE.test(text);
  const rank = RANK.test(text) || (COMPARED.test(text) && /哪(?:家|个|边)|谁/.test(text));
  // A count said on the way to asking which (7月底前的几件事项，还有哪几件没办结): the tasks are asked for, and their list says how many.
  const count = COUNT.test(text) && !WHICH_TASKS.test(text);
  const grouped = groupOf(text, directory);
  const asksWhich = /谁|哪/.test(text);
  const howFar = HOW_FAR.test(text);
  // "卡着的都是哪些单位的活" names the units of those tasks, not a ranking of all units (哪些单位 is no group there).
  const whichUnits = (grouped.groupBy === 'none' || grouped.groupBy === 'unit') && !rank && !rate && !SITUATION.test(text) && WHICH_UNITS.test(text);
  if (whichUnits) grouped.groupBy = 'none';
  const average = AVERAGE.test(text);
  const share = !rate && !average && SHARE.test(text);
  const partners = PARTNERS.exec(text);
  if (partners) {
    // The unit named and the part it shares: its tasks in that part, and the other units there.
    const read = readTaskQuery(`${text.slice(0, partners.index)} ${partners[1]}${partners[2]} ${text.slice(partners.index + partners[0].length)}`, directory, asker);
    if (read && read.units.length > 0) {
      const { kind: _kind, page: _page, ...filter } = read;
      return { kind: 'stats', measure: 'units', groupBy: 'none', order: 'desc', filter: { ...filter, partners: true, allUnits: read.units.length > 1, asksWho: false } };
    }
  }
  const isStats = rate || share || average || count || howFar || whichUnits || (grouped.groupBy !== 'none' && (rank || SITUATION.test(text) || BY_UNIT_TALLY.test(text))) || (rank && asksWhich);
  if (!isStats) return undefined;

  let rest = grouped.rest;
  let groupBy = grouped.groupBy;
  if (groupBy === 'none' && rank && asksWhich) groupBy = 'unit';
  let measure: StatsQuery['measure'];
  if (rate || (howFar && groupBy === 'none' && !count)) {
    measure = 'rate';
    rest = rest.replace(RATE, ' ').replace(HOW_FAR, ' ');
  } else if (average && groupBy === 'none') {
    measure = 'average';
    rest = rest.replace(AVERAGE, ' ').replace(/到多少了?|是多少|多少/g, ' ');
  } else if (share && groupBy === 'none') {
    measure = 'share';
    rest = rest.replace(SHARE, ' ');
  } else if (groupBy !== 'none' && DONE_MOST.test(text)) {
    // "完成最多的单位": the ranking words may have gone with the group ("最多的单位").
    measure = 'done';
    rest = rest.replace(DONE_MOST, ' ').replace(/(?<![没未不])(?:完成|办结|做完)(?:的|得)?(?:任务)?/, ' ');
  } else if (groupBy !== 'none' && BY_RATE.test(rest) && !/逾期|超期|受阻|待审核|停滞/.test(rest)) {
    measure = 'rate';
    rest = rest.replace(BY_RATE, ' ');
  } else if (DONE_COUNT.test(rest)) {
    measure = 'done';
    rest = rest.replace(DONE_COUNT, ' ');
  } else if (groupBy === 'none' && (UNIT_COUNT.test(rest) || whichUnits)) {
    measure = 'units';
    rest = rest.replace(UNIT_COUNT, ' ').replace(WHICH_UNITS, ' ');
  } else {
    measure = 'count';
  }
  rest = rest.replace(OWN_WORDS, ' ').replace(COMPARED, ' ');
  const plan = planPhrase(rest, directory);
  if (plan) rest = plan.rest;
  const read = readTaskQuery(rest, directory, asker);
  const { kind: _kind, page: _page, ...filter } = read ?? taskQuery();
  if (plan) filter.plan = plan.plan;
  // Two places or units named for one figure ("中山和江门的完成率") are compared.
  // (Unless they are summed: "中山临沂江门新会的都算", "加起来一共多少".)
  const summed = SUMMED.test(text);
  if (groupBy === 'none' && (filter.places?.length ?? 0) >= 2 && !summed && !/都算/.test(text)) groupBy = 'place';
  else if (groupBy === 'none' && filter.units.length >= 2 && measure !== 'units' && !summed) groupBy = 'unit';
  // One name that is several places' units ranked (市财政局 办结率排个名): those units, each its own.
  else if (groupBy === 'none' && rank && filter.units.length === 1 && filter.units[0]!.unitIds.length >= 2 && measure !== 'units') groupBy = 'unit';
  return { kind: 'stats', measure, groupBy, order: ASCENDING.test(text) ? 'asc' : 'desc', filter: { ...filter, asksWho: false } };
}
