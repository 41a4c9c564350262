/**
 * Spoken, regional Mandarin as liaisons type it on a phone, said in the
 * words the rest of the grammar reads: 俺们 is 我们, 整完 is 办完, 莫得 is
 * 没有, 瞅瞅 is 看看, 加一块儿 is 一共; particles at a clause's end (嘛, 哈,
 * 咯, 来着) say how it is asked, not what. One table, applied before any
 * other reading, so each family understands them without words of its own.
 */

/** Each spoken form and the standard words it is read as, most specific first. */
const SPOKEN: readonly [RegExp, string][] = [
  // Offices' half-English chat (pls 查下 中山财政局 overdue的, 这个 task 的 deadline, 本周 update 了哪些): the words the grammar reads.
  // (With the spaces typed around them: 有人 update 过的 is 有人更新过的.)
  [/\s*\b(?:pending\s*review|pending)\b\s*/gi, '待审核'],
  [/\s*\bover\s*due\b\s*/gi, '逾期'],
  [/\s*\b(?:blocked|stuck)\b\s*/gi, '受阻'],
  [/\s*\bupdate[sd]?\b\s*/gi, '更新'],
  [/\s*\bprogress\b\s*/gi, '进度'],
  [/\s*\b(?:deadlines?|ddl)\b\s*/gi, '期限'],
  [/\s*\bthis\s*week\b\s*/gi, '本周 '],
  [/\s*\blast\s*week\b\s*/gi, '上周 '],
  [/\s*\bnext\s*week\b\s*/gi, '下周 '],
  [/\s*\bthis\s*month\b\s*/gi, '本月 '],
  [/\s*\b(?:done|finished|closed)\b\s*/gi, '办结'],
  [/\s*\b(?:tasks?|items?|todos?)\b\s*/gi, '任务'],
  [/\b(?:pls|plz|please)\b\s*/gi, '请'],
  [/\s*\bcheck\b\s*/gi, '查'],
  // We / our side: 俺们, 俺 (northern); 我们这块 stays with its 这块 for the self reading.
  [/俺们|俺(?=[这那单局办委]|$|\s)/g, '我们'],
  // Done: 整完 / 搞完 / 弄完 (the plain 办完); not 调整完, and not 搞好 / 弄好, which plans say for "do well".
  [/(?<!调)(?:整|搞|弄)完(?!善|整)/g, '办完'],
  // Past its day: 过了期, 过期了.
  [/过了期(?!限|间)/g, '过期'],
  // Whether there is any: 莫得, 没得, 有莫有.
  [/有莫有|有没得/g, '有没有'],
  [/莫得|没得(?![到了])/g, '没有'],
  // Looking: 瞅瞅, 瞅一眼, 瞅下, 瞄一眼, 瞧瞧.
  [/瞅一?瞅|瞅一(?:眼|下)|瞅下|瞄一(?:眼|下)|瞧一?瞧|瞧一下/g, '看看'],
  // How: 咋个, 咋.
  [/咋个|咋(?=样|回事|弄|整|办|搞)/g, '怎么'],
  // Together: 一块儿 / 一块 before the work done together (一块整的, 一块牵头).
  [/一块儿?(?=整|干|弄|办|搞|做|负责|牵头|承担)/g, '一起'],
  [/(?<=一起)(?:整|弄|搞)(?![改治顿理合])/g, '负责'],
  // In all: 加一块儿, 加起来 (not 结合起来).
  [/加一块儿?|加起来|拢共|统共/g, '一共'],
  // Sent up: for review when it waits on someone (报上去等审核的), else reported (报上去的进度).
  [/(?:报|交)上去(?:了)?(?=.{0,4}(?:等|待))/g, '申请办结'],
  [/(?:报|交)上去(?:了)?/g, '报了'],
  // The ledger's words: a task 挂着 / 挂账 is not closed (还挂着没销号的 says it twice); 打头 is 牵头.
  [/(?:还)?挂(?:着|账)(?:的)?(?=没|未|还没)/g, ''],
  [/挂(?:着|账)(?:呢)?(?:的)?/g, '没销号的'],
  // …but 打头回 is the first time (打头回报进度到现在: all along), said before 打头 is read.
  [/(?:从)?(?:打头回|头一回|第一回)(?:报|汇报|报送)?(?:进度)?(?:到现在|以来|至今)?/g, ' '],
  [/打头/g, '牵头'],
  // Times: 几回 is 几次.
  [/几回(?![复应])/g, '几次'],
  // Related to: 跟就业沾边的 is about 就业.
  [/跟([\u4e00-\u9fa5]{2,8}?)沾边/g, '涉及$1'],
  // How far it has got: 弄到啥程度了, 搞到什么程度 (its list shows each one's progress).
  [/(?:弄|搞|做|干|推|办)到(?:了)?(?:啥|什么|哪个)(?:程度|地步|份上)了?/g, ' '],
  // A month said again (10月份那一个月): the month.
  [/(?<=月份?\s*)那一?个月/g, ' '],
  // How one goes through a ledger (对账, 对一下账, 逐项过一遍, 一件一件看, 调出来对一下): chatter, not what is asked.
  [/对(?:一下|一遍|下)?账[：:，,]?|逐项过一遍|逐项(?:核对|看)一?(?:下|遍)?|一件一件(?:地)?(?:看|过)(?:一遍|一下)?|调出来对一下/g, ' '],
  // Particles that end a clause (嘛, 哈, 咯, 呗, 么 — 幺 once simplified by a character table), 来着 and 忘咯: how it is asked, not what.
  [/(是哪个|是哪条|是啥|是什么)来着/g, '$1'],
  [/来着|忘(?:咯|了|啦)/g, ' '],
  [/(?<=\S)(?<![什怎那这多要干])(?:嘛|哈|咯|呗|么|幺|噻)(?=[\s，,。？?!！]|$)/g, ' '],
];

/** The question with its spoken forms said in standard words. */
export function inStandardWords(text: string): string {
  let out = text;
  for (const [pattern, standard] of SPOKEN) out = out.replace(pattern, standard);
  return out.replace(/\s+/g, ' ').trim();
}
