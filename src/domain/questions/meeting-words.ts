/**
 * The words a 调度会 and its 督查通报 put around a question, taken out or said
 * plainly before anything else reads it: a word of the meeting's own
 * explained by the state it means (序时进度没跟上的 就是逾期的, 挂牌督办的（就是卡着的）),
 * what the asker will do with the answer (点名, 拉条, 通报要用, 会上要协调),
 * how the ledger is spoken of (账上, 离见底还差多少, 去重以后, 合起来), a count of
 * the tasks said again before they are asked about (我局四件里, 卡着的那五件里),
 * and "every place counts" (三个市合计, 各地都算, 三个市比一比). Pure.
 */

/** The states a meeting's word is explained by: what it means is one of these. */
const STATE_MEANT =
  '(?:逾期|超期|过期|到期(?:了)?还?没(?:有)?办完|卡着|卡住|受阻|没(?:有)?启动|未启动|还没(?:有)?启动|没(?:有)?动|没(?:有)?销号|未销号|没(?:有)?办完|还没(?:有)?办完|办结|办完|已完成|待审核|在办|正在办|一个多月没(?:有)?更新|没(?:有)?报过进度)的?';

/** A word said, then what it means: "X 就是Y", "X（就是Y）", "X，也就是说Y". The explanation is kept. */
const EXPLAINED = new RegExp(
  `(?<=^|[\\s，,])[^\\s，,（()）]{1,14}?\\s*(?:[（(]\\s*(?:也)?就是(?:说)?\\s*(${STATE_MEANT})\\s*[）)]|[，,]?\\s*(?:也)?就是(?:说)?\\s*(${STATE_MEANT})(?=[\\s，,]|$))`,
  'g',
);

/** Each meeting's word and what it is read as, in order. */
const MEETING_WORDS: readonly [RegExp, string][] = [
  // What the meeting or bulletin will do with the answer: 通报要点名, 会上点个名, 点个明 (a slip for 点个名), 拉条列一下.
  [/(?:通报|会上|调度会上?)?(?:要|拟|得)?(?:点个?名|点个明|点下名)/g, ' '],
  [/拉条(?:挂账|列(?:一下|个单)?)?/g, ' '],
  [/(?<=^|[\s，,])对标对表[：:，,]?/g, ' '],
  [/(?<=^|[\s，,])倒排工期[：:，,]?(?=\s*\S{4})/g, ' '],
  // The bulletin or meeting said last: 通报要用, 通报要写, 通报说我们报得少, 会上要协调.
  [/[，,\s]+(?:通报|会上|调度会上?)(?:要|得|准备)?(?:用|写|发|协调|研究|调度|说[^，,？?]{0,10})$/, ''],
  // Why it is asked, said after the question (…哪几件？想对照工作台账按时序推进 / 工作台账上想标一下 / 督查通报说我们未按期办结 /
  // 督查室要求每月至少报送一次): the reason, not what is asked.
  [/(?<=[？?])\s*(?:工作)?(?:台账上?|督查室|督查通报|通报|领导|上级|会上|因为|便于|方便|准备|打算|想(?!问|知道|查|看))[^？?]*[。.！!]?$/, ''],
  // Due, said as what should have been done by the day named (7月底前就应该完成的): the period says it.
  [/(?<=前)\s*(?:就)?(?:应该|应当|本该|本应)(?:要)?(?:完成|办完|办结|做完)(?=的)/g, '到期'],
  // What the asker will do next, said last after a space (下午要去调研, 明天会上要用): not what is asked.
  [/\s+(?:今天|明天|下午|上午|晚上|一会儿?|待会儿?|回头|周[一二三四五])(?:要|得|准备|还要)?(?:去|开会|汇报|调研|开|用|讲)[^？?\s]{0,8}$/, ''],
  // The weekly card the question answers (卡片上卡着的, 周报卡片里那几件, 第二页那些等审核的): it lists the states of the
  // whole ledger as of today, so the states said are what is asked.
  [/(?:周报|每周)?卡片(?:上|里|中)(?:的)?|(?<![\u4e00-\u9fa5])第[一二三四五\d]页(?:上|里)?(?:的|那些|那几件)?/g, ' '],
  // The ledger: 账上, 离见底还差多少, 去重以后, 合起来 / 合计 (in all).
  [/账上|账面上/g, ' '],
  [/[，,\s]*离(?:见底|清零)还差(?:多少|几件)?/g, ' '],
  [/去重(?:以后|之后|后)?/g, ' '],
  [/(?<![结综联整组配融])合起来|加总/g, '一共'],
  // Every place counts: 三个市合计, 三地合计, 各地都算, 几个市都算.
  [/(?:三个市|三地|几个市|各地|各市)(?:都算(?:上)?|合计|加起来|一共)/g, ' '],
  [/(?:三个市|几个市|各市)(?=\s*(?:比|排|对比))/g, ' '],
  // Every place's bureau of one kind (三个市的财政局, 各地的发改): the bureau's name says which.
  [/(?:三个市|三地|几个市|各市|各地)的(?=\S{2,6})/g, ' '],
  // The tasks counted again before what is asked of them: 我局四件里, 卡着的那五件里, 另外三件是不是都.
  // (the "among" is kept: 我局逾期里 哪件…).
  [/(?<=\S)\s*(?:那)?[一二两三四五六七八九十\d]{1,3}(?:件|项|条)(?:活)?(里头|里面|当中|里)(?!\s*的?第)/g, ' $1 '],
  [/另外[一二两三四五六七八九十\d]{1,3}(?:件|项|条)/g, ' '],
  // How many tasks there are, said as known before what is asked of them (挂账的三件事项, 中山政府办12件, 一件没动的): not a
  // topic. A count bounding the answer (超过3件, 3件以上) and an ordinal (第三件, 前三件, 头一件, 哪一件) are other words.
  // (件 only: 项 numbers an item as often as it counts, 中山26项; and a count that names, 十件民生实事, is a topic.)
  [/(?<![第前后头下上哪这那超过多于少于不到至少满\d一二两三四五六七八九十几])(?:\d{1,3}|[一二两三四五六七八九十]{1,3})件(?:事项|任务|工作|事)?(?=\s|[，,、。？?]|$|里|中|当中|的|都|全|没|未|已|还|是|有|一)/g, ' '],
  [/是不是都/g, ' '],
  // The plans counted as documents (江门市和新会区两份合起来): the places say which.
  [/(?<=[\u4e00-\u9fa5])[两二三几]份(?=\s*(?:合起来|一共|加起来|合计|都算|$|\s))/g, ' '],
  // The units said before, pointed at (财政那几家, 住建这两家).
  [/(?<=[\u4e00-\u9fa5])[那这](?:几|两|三|四)家(?=\s|$|合计|一共|都)/g, ' '],
  // Whether the ledger will be cleared by a day (年底前能清零吗): asked of the tasks, whose list answers it.
  [/(?:能不能|能否|能|可以)(?:清零|见底)(?:吗|么|不)?/g, ' '],
];

/** The question with its meeting's words explained or taken out. */
export function withoutMeetingWords(text: string): string {
  let out = text.replace(EXPLAINED, (_, inBrackets: string | undefined, after: string | undefined) => ` ${inBrackets ?? after} `);
  for (const [pattern, plain] of MEETING_WORDS) out = out.replace(pattern, plain);
  return out.replace(/\s+/g, ' ').trim();
}
