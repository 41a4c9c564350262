/**
 * Finds a plan's title, issuing body, jurisdiction, year and document number
 * in its text. What cannot be found is inferred from the body and said so in
 * a warning, never silently made up.
 */
import { leadingPlace, placesIn, type LeadingPlace, type Place } from '../places/gazetteer.js';
import { squash } from './normalize-text.js';
import { pageHeadline } from './page-headline.js';

/** What the document says about itself. */
export interface PlanMetadata {
  title: string;
  issuer: string | null;
  /** City or district whose units the plan names: 中山市, 新会区. */
  jurisdiction: string;
  year: number | null;
  docNumber: string | null;
  /** The title was read from the document or its file name, not made up from the issuer. */
  titleRead: boolean;
  warnings: string[];
}

const TITLE_END = /(分工方案|分解书|工作要点|实施方案|安排方案|工作方案|任务分工|分工|责任分解|任务分解|分解方案|分解表|分工表|任务表|清单|项目表|明细表|计划表|安排表|台账|行动方案|行动计划|工作计划|(?:监管|抽查|检查|执法检查)计划|推进方案|落实方案|责任分工|进度表|情况表|执行情况|完成情况|进展情况|推进情况|落实情况|统计表|汇总表|落实表|推进表|督查表|一览表|工作意见|实施意见|政策意见|若干政策|(?:支持|扶持|奖励)政策|分配表|(?<=[\u4e00-\u9fa5]{4})工作安排|(?:分工|分解|分办|落实)的?意见|工作事项|重点事项|实施细则|若干措施|政策措施|专报|通报|简报|情况的?报告|情况的?汇报|督查报告|工作总结)([（(][^（）()]{2,20}[）)])?$/;
/** A site's byline: the body, its address, the day ("中阳县政府 www.sxzhongyang.gov.cn 2016-03-21 00:00"). */
const BYLINE = /^\s*([\u4e00-\u9fa5]{2,12}(?:县|市|区|旗|州|省)(?:人民)?政府(?:办公室|办公厅)?)\s+(?:www\.|https?:)\S+\s+((?:19|20)\d{2})-\d{1,2}-\d{1,2}/m;
/** A notice's closing formula on a line of its own ("特此通知"): never the start of a title broken over two lines. */
const NOTICE_CLOSING = /^(?:特此(?:通知|函告|报告)|现予印发|请遵照执行|请认真贯彻(?:落实|执行))[。.]?$/;
/** A heading named by what it lists rather than as a plan ("2024年重点工作任务", "十件民生实事"): a title when nothing better is. */
const LISTING_END = /(?:(?:重点|主要|目标|年度)(?:工作)?任务|重点工作|实事项目|民生实事|任务书|责任书|工作目标)$/;
const ISSUER = /([\u4e00-\u9fa5]{2,8}(?:省|自治区|市|州|盟|区|县|旗)(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|[\u4e00-\u9fa5]{2,10}(?:局|委员会|委)))/;
/** A body signing a notice on its own at the end: 六安市民生办, 某县人民政府办公室, 某市创建办. */
const SIGNING_BODY = /^([\u4e00-\u9fa5]{2,8}(?:省|自治区|市|州|盟|区|县|旗)[\u4e00-\u9fa5]{1,14}(?:办|局|委|办公室|办公厅|厅|中心|政府))$/;
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,8}[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]\s*\d+\s*号)/;

/** Quotation marks inside a title as they are printed once it stands alone: 〈政府工作报告〉 → 《政府工作报告》. */
const unnest = (title: string) => title.replace(/〈/g, '《').replace(/〉/g, '》');

/** Whether every bracket a title opens it also closes (a line cut from a longer title does not). */
function balanced(title: string): boolean {
  const pairs = ['《》', '〈〉', '（）', '()', '“”'];
  return pairs.every(([open, close]) => title.split(open!).length === title.split(close!).length);
}

/** A document referred to ("根据《昆明市…》"), not the one in hand. */
const REFERENCE = /(根据|按照|依据|贯彻|落实|结合|对照|参照|执行)[^《]{0,6}《$/;

/** A web page's teaser before a title ("小编带你了解", "一图读懂"): words of the page, never part of the plan's name. */
const TEASER = /小编|带你|了解|一图读懂|一文读懂|图解|速览|划重点|快来看/;

/** What a progress report adds to the plan's name: "…责任分解第一季度进展情况". */
const REPORT_SUFFIX = /^(?:(?:19|20)\d{2}年)?(?:第?[一二三四1-4]季度|上半年|下半年|前三季度|1-\d{1,2}月|\d{1,2}月份?|年度|全年)?(?:工作)?(?:进展|落实|完成|推进|执行|办理)情况/;

/** The site's field labels a catalogue row writes with their values beside them, or none. */
const SITE_FIELD_ROW = '(?:索引号|统一编号|发布单位|发布机构|发文日期|公开方式|公开范围|公开时限|有效性|成文日期|主题分类|组配分类)';
/**
 * A government site's field line (索引号:… 组配分类:…, 发布机构:…, its links to the pages beside it: - 上一篇:…, or its fields as a table row with the values
 * beside them or left empty: "统一编号 有效性", "发布单位 区府办 发文日期 2023-07-24"): the page's catalogue, never the plan's name.
 */
const SITE_FIELD = new RegExp(
  `^(?:索引号|组配分类|主题分类|体裁分类|发布机构|发文机关|所属机构|信息来源|浏览次数|公开方式|公开范围|公开时限|生成日期|成文日期|有效性)[:：]|^[-–—·•*\\s]*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关链接|相关文章|相关阅读)\\s*[:：]|^${SITE_FIELD_ROW}\\s+(?:\\S+\\s+)?(?:${SITE_FIELD_ROW}|\\S*$)`,
);

/** A short heading of a plan's part that names no place, year or body. */
const GENERIC_HEADING = /^(?![^]*(?:\d|[省市县区州旗镇乡]|政府|局|委))[^]{2,10}$/;

/** Whether the text before a notice's 印发 opens a 《 that a citing word stands before ("根据《…关于"). */
function citedNotice(before: string): boolean {
  const open = before.lastIndexOf('《');
  return open >= 0 && !before.slice(open).includes('》') && REFERENCE.test(before.slice(0, open + 1));
}

/** A plan's name a document site glued to its table's header ("《…规划纲要》主要目标任务分解落实方案工作重点序号主要工作任务…"): the longest name before 序号. */
function nameBeforeHeader(line: string): string | undefined {
  const before = /^(?:[—－-]\s?\d{1,3}\s?[—－-])?([^。；，,:：]{6,80}?)序号/.exec(line)?.[1] ?? '';
  for (let end = before.length; end >= 6; end--) if (TITLE_END.test(before.slice(0, end))) return before.slice(0, end);
  return undefined;
}

/** A signature above a title (人民政府办公室 / 2021年4月10日 / (此件公开发布)): no part of it. */
const SIGNATURE = /(?:日|月|发布[)）]|政府|办公室|办公厅|局|委)$|\d{1,2}月\d{1,2}日|[〇○零一二]{4}年/;

/**
 * A title broken over three lines, perhaps with blank lines between ("荆州市沙市区国民经济和" / "社会发展第十四个五年
 * 规划和二〇三五年远景" / "目标纲要任务分工方案"): only the third ends as a plan's name; none is a signature, a 文号
 * or a notice's closing.
 */
function titleOverThreeLines(line: string, after: readonly string[]): string | undefined {
  const [second, third] = after;
  if (!second || !third || line.length < 4) return undefined;
  const pieces = [line, second, third];
  const whole = pieces.join('').replace(/\s+/g, '');
  if (!pieces.every((piece) => piece.length <= 30 && !/[。；，|:：《》]/.test(piece)) || whole.length > 70) return undefined;
  if (!TITLE_END.test(third) || TITLE_END.test(line) || TITLE_END.test(second)) return undefined;
  if ([line, second].some((piece) => SIGNATURE.test(piece) || NOTICE_CLOSING.test(piece)) || DOC_NUMBER.test(line)) return undefined;
  return whole;
}

/**
 * The year a plan's own tasks speak of when nothing else dates it ("2020年，通过实施…",
 * "实施时间：2012年1-12月"): the year written most often in the body, the latest on a tie.
 * Spans (2022-2024年) and the years of documents cited in 《》 are left out: they
 * name other plans' periods, not this one's.
 */
function mostMentionedYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  const body = text.replace(/《[^》]{0,80}》/g, '').replace(/(?:19|20)\d{2}\s*[—–\-~～至到]\s*(?:19|20)?\d{2}\s*年?/g, '');
  for (const m of body.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [year, count] of counts) if (!best || count > best[1] || (count === best[1] && year > best[0])) best = [year, count];
  return best?.[0];
}

/**
 * The year of a signing date in Chinese numerals on a line of its own ("二〇〇九年五月三十一日"), or after the signing body
 * on that line ("永康市人民政府办公室 二○一一年八月二十七日"), or undefined.
 */
function chineseSigningYear(text: string): number | undefined {
  const written = /^\s*(?:[\u4e00-\u9fa5]{2,24}(?:政府|办公室|办公厅|委员会|局|委|办)\s+)?([二〇○零一二三四五六七八九]{4})年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日\s*$/m.exec(text);
  if (!written) return undefined;
  return Number([...written[1]!].map((digit) => Math.max(0, '〇○零一二三四五六七八九'.indexOf(digit) - 2)).join(''));
}

function titleCandidates(lines: readonly string[]): string[] {
  const candidates: string[] = [];
  const approvedNames: string[] = [];
  const issuedNames: string[] = [];
  const pieceNames: string[] = [];
  const listingNames: string[] = [];
  const head = lines
    .slice(0, 60)
    // A site's catalogue gives the title under its label ("标  题: 国务院办公厅关于…的通知", "名称：…").
    // …in a row of a table of fields too: "标题: | 周村区农业农村局2023年二季度…完成情况 | ||".
    .map((raw) => squash(raw).replace(/^标\s*题\s*[:：]?\s*\|\s*([^|]+?)\s*\|.*$/, '$1').replace(/^标\s*题\s*[:：]?\s*|^信息名称\s*[:：]?\s*|^(?:(?:文件)?名\s*称|题\s*目)\s*[:：]?\s*(?=关于|[\u4e00-\u9fa5]{2,20}(?:关于|印发))|^(?:名\s*称|题\s*目)\s*[:：]\s*/, '').replace(/\.(?:docx?|wps|xlsx?|et|pdf)$/i, ''))
    .map((line) => (/[>›»]/.test(line) || (TEASER.test(line) && !TITLE_END.test(line)) || SITE_FIELD.test(line) ? '' : line));
  // The issuing notice, whatever lines it was broken over: "…关于印发《2024年市〈政府工作报告〉任务分解⏎和责任分工方案》的通知".
  const notice = /(?:印发|转发)\s*《([^》]{6,90})》\s*的通知/.exec(head.slice(0, 15).join(''));
  // A page whose lines are parted by blank lines (most lines with words have one after them).
  const worded = head.flatMap((line, index) => (line !== '' && index + 1 < head.length ? [index] : []));
  const blankParted = worded.length >= 4 && worded.filter((index) => head[index + 1] === '').length > worded.length * 0.6;
  if (notice) candidates.push(unnest(notice[1]!.replace(/\s+/g, '')));
  head.forEach((line, index) => {
    // 关于印发2016年《政府工作报告》量化指标任务分工的通知, 关于印发2008年省人民政府工作目标责任分解的通知:
    // the whole name, when it names a plan (a name wholly in 《》 is `quoted` below).
    const issued = /(?:印发|转发)(.{6,60}?)的通知/.exec(line);
    const whole = issued ? issued[1]!.replace(/\s+/g, '') : '';
    if (whole && TITLE_END.test(whole.replace(/^《|》$/g, '')) && /[^《》]《|》[^《》]/.test(whole)) candidates.push(whole);
    // Unquoted, it is taken after every other name the page gives (a notice issuing two plans names them apart).
    // A notice the text cites ("根据《昆明市人民政府关于印发…的通知》") is another document's; one a page reports
    // ("…网站发布了《自治区人民政府办公厅关于印发…的通知》") is this one's.
    // (Named by what it lists too: 关于印发政府工作报告若干重点工作任务的通知.)
    else if (whole && (TITLE_END.test(whole) || LISTING_END.test(whole)) && !/[《》]/.test(whole) && !citedNotice(line.slice(0, issued!.index))) issuedNames.push(whole);
    const quoted = /(印发|转发|关于)[^《]{0,20}《([^》]{6,60})》(?:的通知)?/.exec(line);
    // "关于《政府工作报告》确定的2021年重点工作责任分解的通知": after 关于, a quoted name is the plan only when nothing but 的通知 follows it.
    const aboutOther = quoted?.[1] === '关于' && !/^(?:的(?:通知|意见|决定|实施意见))?\s*$/.test(line.slice(quoted.index + quoted[0].length));
    if (quoted && !aboutOther && !REFERENCE.test(line.slice(0, quoted.index + quoted[0].indexOf('《') + 1))) candidates.push(squash(quoted[2]!).replace(/\s+/g, ''));
    // The notice's own sentence: "《X实施方案》已经市人民政府同意，现印发给你们", "现将《X》印发给你们" (after every title the page shows as such).
    const approved =
      /^[^《]{0,4}《([^》]{6,60})》\s*(?:已经|已报经|经)/.exec(line) ??
      /(?:现将|特将|现把)《([^》]{6,90})》(?:予以)?(?:印发|转发)/.exec(line);
    if (approved && !quoted) approvedNames.push(squash(approved[1]!).replace(/\s+/g, ''));
    // A name on a line of its own, bare or in 《》 ("《关于…的具体实施细则》").
    const own = /^《[^《》]+》$/.test(line) ? line.slice(1, -1) : line;
    if (own.length >= 6 && own.length <= 60 && !own.includes('|') && !/[。；]/.test(own)) {
      // A site's headline names the plan its issuer hands out: "临汾市政府印发临汾市水污染防治2018年行动计划".
      const headline = /^[\u4e00-\u9fa5]{2,20}(?:政府|办公室|办公厅|委员会|局)印发《?([^《》。，,]{6,50}?)》?$/.exec(own.replace(/\s+/g, ''));
      if (headline && TITLE_END.test(headline[1]!)) candidates.push(headline[1]!);
      // A plan's name then whose share it is (2020年临沂市政府工作报告责任分工-市交通运输局): the whole heading.
      else if (TITLE_END.test(own) || (TITLE_END.test(own.replace(SHARE_OF_UNIT, '')) && /\d{4}\s*年/.test(own))) candidates.push(own.replace(/\s+/g, ''));
      // "平江县2024年重点工作任务": named by what it lists, taken only when nothing names a plan.
      // (Not a notice's name broken after what it lists: "关于明确…2023年重点工作" / "责任单位的通知".)
      else if (LISTING_END.test(own) && /\d{4}\s*年|[省市县区州旗]/.test(own) && !/^关于/.test(own)) listingNames.push(own.replace(/\s+/g, ''));
    }
    // A name a document site ran together with the table after it ("附件 监利县2018年…职责清单 工作任务和内容 责任单位 …"): a piece of its own.
    if (own.length > 60) pieceNames.push(...line.split(/\s+/).filter((piece) => piece.length >= 6 && piece.length <= 60 && TITLE_END.test(piece) && !/[。；，,|:：]/.test(piece)));
    const glued = own.length > 60 ? nameBeforeHeader(own) : undefined;
    if (glued) pieceNames.push(glued);
    // A heading broken over two lines: "立山区政府2023年重点工作" / "任务分解和责任分工方案" (a blank line between them in a
    // page that parts all its lines so).
    // (Across a blank line only the plan's name going on, 责任分解方案 after …主要目标任务: not a site's column or a date.)
    const afterBlank = head[index + 2] ?? '';
    const nameGoesOn =
      blankParted &&
      afterBlank.length <= 40 &&
      !/[-—|：:]|[月日]$|网站$/.test(line) &&
      (/^(?:责任|任务|分工|分解|方案|清单|实施方案|工作方案|和|及|与|暨)/.test(afterBlank) || (TITLE_END.test(afterBlank) && line.length <= 30 && /\d{4}\s*年|[省市县区州旗]$|》$/.test(line)));
    const next = head[index + 1] || (nameGoesOn ? afterBlank : '');
    const joined = `${line}${next}`.replace(/\s+/g, '');
    // "2024年市《政府工作报告》任务分解" / "和责任分工方案": the second line goes on with 和/及.
    const goesOn = /^(和|及|与|暨)/.test(next) && TITLE_END.test(next);
    if (line.length >= 4 && next.length >= 2 && joined.length <= 60 && TITLE_END.test(joined) && (goesOn || !TITLE_END.test(line)) && !NOTICE_CLOSING.test(line) && !/日$|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|的(?:通知|意见|决定|函)$/.test(line) && !/[。；，|:：]/.test(joined)) {
      if (goesOn) candidates.unshift(joined);
      else candidates.push(joined);
    }
    const overThree = titleOverThreeLines(line, head.slice(index + 1, index + 5).filter(Boolean));
    if (overThree) candidates.push(overThree);
  });
  // Failing a plan's own title, the notice that carries it: "河南省人民政府关于明确…重点工作责任单位的通知".
  const noticeLines = head
    .slice(0, 15)
    // A notice's name broken after its 的 ("关于对城区环境卫生…检查情况的" / "整改通知"), or anywhere after 关于 ("关于落实…第十二个五年" /
    // "规划纲要主要目标和任务工作分工的通知(已废止)"), is read whole.
    .map((line, index) => (/的$/.test(line) || (/^关于/.test(line) && !/的(?:通知|意见)/.test(line)) ? `${line}${head.slice(index + 1, index + 4).find((next) => next !== '') ?? ''}` : line))
    // (or with no issuer before it: "关于《政府工作报告》确定的2021年重点工作责任分解的通知"; 紧急通知, 整改通知, 补充通知 too).
    .map((line) => /^(?:[\u4e00-\u9fa5]{2,20}(人民政府|政府|办公室|办公厅|镇|乡|街道|局|委员会|委)(办公室)?)?关于.{4,60}?的(?:紧急|整改|补充|工作)?(通知|意见(?=$|\s))/.exec(line.replace(/^【[^】]{1,30}】/, '').replace(/\s+/g, ''))?.[0])
    .filter((line): line is string => line !== undefined);
  candidates.push(...approvedNames, ...issuedNames, ...pieceNames, ...listingNames);
  // A part's heading that names no place, year or body ("责任主体及工作分工", "宣传形式及责任分工") yields to the notice.
  if (noticeLines[0] && (candidates.length === 0 || GENERIC_HEADING.test(candidates[0]!.replace(/^[一二三四五六七八九十]{1,3}[、.．]\s*/, '')))) {
    // A notice that issues the plan ("关于印发X实施方案的通知") gives the plan's own name.
    const issued = ISSUED_PLAN.exec(noticeLines[0]);
    candidates.unshift(issued && TITLE_END.test(issued[1]!) ? issued[1]! : noticeLines[0]);
  }
  // The plan's own name over a page that reports on it (…责任分解 / …责任分解第一季度进展情况): the plan is what the tasks are.
  // (Only a plan's name: "关于区政府2011年7月份重点工作" wrapped over "完成情况的通报" names none.)
  const reports = (title: string) => candidates.some((other) => other.length < title.length && title.startsWith(other) && TITLE_END.test(other) && REPORT_SUFFIX.test(title.slice(other.length)));
  // A page's headline over the table's own caption, the same words with 表 / 一览表 after them: the caption is the document's name.
  const captioned = (title: string) => candidates.some((other) => other.startsWith(title) && /^(?:一览表|汇总表|统计表|明细表|表)$/.test(other.slice(title.length)));
  return candidates
    .filter((title) => !reports(title) && !captioned(title))
    .map((title) =>
      unnest(
        title
          .replace(/^(标题|附件\d*|名称|题目)[:：]?/, '')
          // A site's column tag before it ("【落实情况】…") is where the page was filed, not the name.
          .replace(/^【[^【】]{1,12}】\s*(?=\S{6})/, '')
          // A 文号 run into the title ("东府〔2021〕54号东莞市人民政府关于…") and an outline number ("一、10件民生实事任务分解表") are not the name.
          .replace(/^[\u4e00-\u9fa5]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号/, '')
          .replace(/^[一二三四五六七八九十]{1,3}[、.．]\s*/, '')
          .replace(/^[(（][^()（）]{2,8}[)）](?=\S)/, '')
          .replace(/^\d{1,2}[.．、]\s*/, ''),
      ),
    )
    .filter(balanced);
}

/** A unit's share written after a plan's name: "-市交通运输局", "——县教育局". */
const SHARE_OF_UNIT = /\s*[-—–－]+\s*[\u4e00-\u9fa5（）()]{2,20}(?:局|委|办|中心|院|厅|部|室|站|所)$/;

/** A notice that issues a plan, the plan's name in group 1: "…关于印发《X实施方案》的通知", "…转发X的通知". */
const ISSUED_PLAN = /(?:印发|转发)《?([^《》]{6,60}?)》?的通知$/;

/** Who issues a notice, written before its 关于: 某某市人民政府(办公厅), 国务院 and 国务院办公厅, 某某区政府督查办, 某某镇, 某某领导小组办公室. */
const ISSUER_BEFORE_ABOUT = /^(?:国务院|[\u4e00-\u9fa5]{1,24}?(?:人民政府|政府|国务院|办公厅|办公室|督查办|督查室|委员会|领导小组|局|委|镇|乡|街道办事处|街道))(?:办公厅|办公室|督查办|督查室)?(?=关于)/;

/**
 * A notice's title as the plan's name: without the office that issues it (滁州市人民政府关于2020年…的通知 → 关于2020年…的通知),
 * and a notice that only issues a plan (关于印发大庆市迎接…复检方案的通知) is the plan's own name.
 */
function withoutIssuer(title: string): string {
  const bare = title.replace(ISSUER_BEFORE_ABOUT, '');
  // A page's headline that cut the notice's 的通知 off ("关于印发2021年政府工作报告目标任务责任分解") names the plan all the same.
  const issued = /^关于(?:印发|转发)/.test(bare) ? (ISSUED_PLAN.exec(bare) ?? /^关于(?:印发|转发)《?([^《》]{6,60}?)》?$/.exec(bare)) : null;
  return issued && (TITLE_END.test(issued[1]!) || /(?:方案|要点|计划|清单|措施|细则|分工|分解)$/.test(issued[1]!)) ? issued[1]! : bare;
}

/** A file name that reads as a title: "中山市2027年政务公开工作要点分工方案.csv". */
function titleOfFileName(fileName: string): string | undefined {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[_\s]+/g, '');
  const cjk = stem.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  return cjk >= 6 && cjk / stem.length > 0.6 ? stem : undefined;
}

/**
 * The place a text names that a plan belongs to: the most local division it
 * names ("广东省中山市…" → 中山市), checked against the gazetteer, so that
 * "已经市政府同意" names no place.
 */
function regionIn(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const rank = { town: 0, county: 1, city: 2, province: 3 } as const;
  const found: LeadingPlace[] = placesIn(text).filter((hit) => hit.place.level !== 'town');
  if (found.length === 0) return undefined;
  // The first place named leads ("中山市贯彻落实省政府…"); a more local one right after it refines it.
  let best = found[0]!;
  for (const hit of found.slice(1)) {
    if (rank[hit.place.level] < rank[best.place.level] && hit.place.parent === best.place.name) best = hit;
  }
  return best.place.name;
}

/** A place and how often a text names it. */
type PlaceCount = { place: Place; count: number };

/** How often a text names each province, city and county, in full (嘉鱼县) or by its short name (涉及嘉鱼的). */
function placeMentions(text: string): PlaceCount[] {
  const counts = new Map<string, { place: Place; count: number }>();
  for (let index = 0; index < text.length; index++) {
    // Inside a run of words only a full name of three characters or more is a place ("新建甘井子区婴幼儿…中心").
    const inWord = index > 0 && /[\u4e00-\u9fa5]/.test(text[index - 1]!) && !/[的在于和与、，,。及对为由从向]/.test(text[index - 1]!);
    const found = leadingPlace(text.slice(index, index + 12), { allowShort: !inWord, levels: ['province', 'city', 'county'] });
    const hit = inWord && found && found.written.length < 3 ? undefined : found;
    if (!hit) continue;
    const entry = counts.get(hit.place.name) ?? { place: hit.place, count: 0 };
    entry.count++;
    counts.set(hit.place.name, entry);
    index += hit.written.length - 1;
  }
  return [...counts.values()];
}

/**
 * The place a 文号 stands for by its first character (徐政发〔2010〕29号 → 徐州市), when the text names
 * exactly one city or county whose short name starts with it ("徐州经济开发区管委会").
 */
function placeOfDocNumber(docNumber: string | null, mentions: () => readonly PlaceCount[]): string | undefined {
  const initial = docNumber?.[0];
  if (!initial) return undefined;
  const matching = mentions().filter(({ place }) => place.level !== 'province' && (place.short ?? place.name).startsWith(initial));
  return matching.length === 1 ? matching[0]!.place.name : undefined;
}

/**
 * The county or city a text names most often, in full (嘉鱼县) or by its
 * short name (涉及嘉鱼的): at least twice, or once when it is the only
 * place named, and a county over the city it belongs to when both are named
 * and no other county of that city is.
 */
function mostMentionedPlace(mentions: readonly PlaceCount[]): string | undefined {
  const ranked = mentions.filter((entry) => entry.count >= 2).sort((a, b) => b.count - a.count);
  // The only place a text names at all, once ("举办同心县第四届运动会"), is the plan's too.
  const only = mentions.length === 1 && mentions[0]!.place.level !== 'province' ? mentions[0] : undefined;
  const top = ranked[0] ?? only;
  if (!top) return undefined;
  // Several counties of one city named (a city's notice listing 乌翠区, 友好区, 丰林县 …): the city's, not the county named most.
  const countiesOf = (city: string) => mentions.filter((entry) => entry.place.parent === city).length;
  const city = mentions.find((entry) => entry.place.name === top.place.parent);
  // (Named as often as the county, or over two counties each named twice: a county's plan citing its city once and a
  // neighbour once stays the county's.)
  const namedTwice = (name: string) => mentions.filter((entry) => entry.place.parent === name && entry.count >= 2).length;
  if (city && countiesOf(city.place.name) > 1 && (city.count >= top.count || namedTwice(city.place.name) > 1)) return city.place.name;
  const child = ranked.find((entry) => entry.place.parent === top.place.name);
  return (child && countiesOf(top.place.name) === 1 ? child : top).place.name;
}

/**
 * A prefecture a title starts with by its short name and a shortened ending
 * ("湘西自治州2020年…", "恩施州…"): autonomous prefectures are written so far
 * more often than by their full names.
 */
function prefectureOf(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const hit = leadingPlace(title, { allowShort: true, levels: ['city'] });
  if (!hit || hit.written !== hit.place.short || !/(自治州|地区|盟)$/.test(hit.place.name)) return undefined;
  return /^(自治州|州|地区|盟)/.test(title.slice(hit.written.length)) ? hit.place.name : undefined;
}

/** Which places a title's bare level word stands for: 区政府 → districts, 县 → counties, 省 → provinces. */
const LEVEL_WORD: Record<string, (place: Place) => boolean> = {
  区: (place) => place.level === 'county' && place.name.endsWith('区'),
  县: (place) => place.level === 'county' && place.name.endsWith('县'),
  市: (place) => place.name.endsWith('市'),
  州: (place) => place.level === 'city' && place.name.endsWith('州'),
  省: (place) => place.level === 'province',
};

/**
 * The place a plan titled by its level alone ("2023年区政府工作报告重点工作
 * 责任分解", "县本级…") belongs to: the one place of that level the text
 * names, in full or by its short name, whose city (or province) the text
 * names too (迭代更新龙湾稳增长政策措施 … 温州扩大有效投资), so that a word
 * that only looks like a short name (新兴产业) is not taken for a place.
 */
function placeOfLevel(title: string | undefined, text: string): string | undefined {
  const word = title ? /^(?:(?:19|20)\d{2}年度?)?([区县市州省])(?:人民)?(?:政府|本级|委|级)/.exec(title)?.[1] : undefined;
  if (!word) return undefined;
  const named = new Map<string, Place>();
  for (let index = 0; index < text.length; index++) {
    const hit = leadingPlace(text.slice(index, index + 12), { allowShort: true, levels: ['province', 'city', 'county'] });
    // Hits may overlap (更新龙湾 holds 新龙 and 龙湾): only a place whose city is named too counts.
    if (hit) named.set(hit.place.name, hit.place);
  }
  const confirmed = [...named.values()].filter((place) => LEVEL_WORD[word]!(place) && (place.level === 'province' || (place.parent !== null && named.has(place.parent))));
  return confirmed.length === 1 ? confirmed[0]!.name : undefined;
}

/** A headline near the top that starts with a place and names a plan ("陕西《政府工作报告》部门分工确定"): a news page about the plan. */
function headlinePlace(lines: readonly string[]): string | undefined {
  for (const raw of lines.slice(0, 12)) {
    const line = squash(raw).replace(/\s+/g, '');
    if (line.length > 40 || !/政府工作报告|分工|任务|方案|清单|责任分解/.test(line)) continue;
    const hit = leadingPlace(line, { allowShort: true, levels: ['province', 'city', 'county'] });
    // "湖北省黄冈市人民政府办公室关于…": a more local place right after the first refines it.
    if (hit) return regionIn(line) ?? hit.place.name;
  }
  return undefined;
}

/**
 * A town or street office a title starts with ("泗洲头镇2024年度重点工作计划"):
 * the gazetteer lists towns only for cities without counties, so a town's
 * own plan is known by its name's ending.
 */
function townOf(title: string | undefined): string | undefined {
  const match = title ? /^([\u4e00-\u9fa5]{2,6}?(?:镇|乡|街道|街道办事处))(?=\d|关于|[\u4e00-\u9fa5]{2})/.exec(title) : null;
  if (!match || /^(城|乡|村|集|小)(镇|乡)$|^(全|各|本|城乡|乡镇|村镇|城镇)/.test(match[1]!)) return undefined;
  return match[1]!.replace(/办事处$/, '');
}

/** Reads the metadata of a plan from its normalised lines. */
export function readPlanMetadata(lines: readonly string[], fileName: string): PlanMetadata {
  const warnings: string[] = [];
  const text = lines.join('\n');
  // The plan's own 文号, not one the text cites after a document's name ("根据省政府《…》(晋政发〔2015〕4号)").
  const docNumberMatch = [...text.slice(0, 3000).matchAll(new RegExp(DOC_NUMBER.source, 'g'))].find((match) => !/》\s*[（(]?$/.test(text.slice(Math.max(0, match.index! - 3), match.index))) ?? null;
  const docNumber = docNumberMatch ? docNumberMatch[1]!.replace(/\s+/g, '') : null;

  const fileTitle = titleOfFileName(fileName);
  const candidates = titleCandidates(lines);
  let title = candidates.sort((a, b) => Number(regionIn(b) !== undefined) - Number(regionIn(a) !== undefined))[0];
  // Its 文号 in brackets after the title ("…的实施意见(池政〔2017〕101号)") is the document's number, not its name.
  title = title?.replace(/\s*[（(][\u4e00-\u9fa5]{1,8}[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d+\s*号[)）]$/, '');
  // Failing a plan's name, the file's name, then the headline the document opens with.
  title ??= fileTitle ?? pageHeadline(lines);
  const titleRead = title !== undefined;
  // The issuing office says whose the plan is; the plan's name is shown without it.
  const issuedTitle = title;
  title = title && withoutIssuer(title);
  const issuerLine = lines.slice(0, 40).map((line) => squash(line)).find((line) => /^发文机关|人民政府办公室$|人民政府$|人民政府办公厅$/.test(line));
  let issuer = issuerLine ? (ISSUER.exec(issuerLine)?.[1] ?? null) : null;

  const source = lines
    .slice(0, 40)
    .map((line) => squash(line))
    // A source label, or a site's byline ("中阳县政府 www.sxzhongyang.gov.cn 2016-03-21 00:00").
    .map((line) => /(?:信息来源|文章来源|稿源|来源|发布机构|发文机关|发布单位|发布部门)[:：】]\s*([\u4e00-\u9fa5（）()]{3,30})/.exec(line)?.[1] ?? BYLINE.exec(line)?.[1])
    .filter((body): body is string => body !== undefined);
  const sourcePlace = source.find((body) => regionIn(body));
  // A town's own page (稿源：林头镇党委): the town, which no gazetteer of counties holds.
  const sourceTown = source.map((body) => townOf(body.replace(/[（(].*$/, ''))).find(Boolean);
  let jurisdiction = regionIn(issuedTitle) ?? prefectureOf(issuedTitle) ?? townOf(issuedTitle) ?? regionIn(issuer) ?? regionIn(fileTitle) ?? candidates.map(regionIn).find(Boolean) ?? regionIn(sourcePlace) ?? sourceTown;
  if (!jurisdiction) {
    // "结合官渡区实际": the plan says whose it is.
    const own = /结合([\u4e00-\u9fa5]{2,10})(?:的)?实际/.exec(text.slice(0, 5000));
    // Also by its short name, when that is all the phrase holds ("结合淮安实际" → 淮安市).
    const short = own ? leadingPlace(own[1]!, { allowShort: true, levels: ['province', 'city', 'county'] }) : undefined;
    jurisdiction = regionIn(own?.[1]) ?? (short && short.written === own![1] ? short.place.name : undefined);
  }
  if (!jurisdiction) {
    jurisdiction = placeOfLevel(issuedTitle, text.slice(0, 5000)) ?? headlinePlace(lines);
    if (jurisdiction) warnings.push(`文件中没有写明发文地区，按标题和正文推断为${jurisdiction}，请在导入前核对`);
  }
  if (!jurisdiction) {
    // The body that signs the notice at its end ("…完成进度相对较慢的为开发区和市本级。 六安市民生办").
    const signature = lines
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(-3)
      .map((line) => SIGNING_BODY.exec(line.slice(line.lastIndexOf('。') + 1).trim())?.[1])
      .find((body) => body && regionIn(body));
    jurisdiction = regionIn(signature);
    if (jurisdiction) warnings.push(`文件中没有写明发文地区，按落款“${signature}”推断为${jurisdiction}，请在导入前核对`);
  }
  if (!jurisdiction) {
    const counts = new Map<string, number>();
    for (const match of text.matchAll(new RegExp(ISSUER.source, 'g'))) {
      const body = match[1]!;
      if (regionIn(body)) counts.set(body, (counts.get(body) ?? 0) + 1);
    }
    const [mostNamed] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (mostNamed) {
      jurisdiction = regionIn(mostNamed)!;
      issuer ??= mostNamed;
      warnings.push(`文件中没有写明发文地区，按正文中出现最多的机关“${mostNamed}”推断为${jurisdiction}`);
    }
  }
  // The places the text names, counted once for the 文号 and for the most-named place.
  let mentions: PlaceCount[] | undefined;
  const mentionsInText = () => (mentions ??= placeMentions(text.slice(0, 20_000)));
  if (!jurisdiction) {
    jurisdiction = placeOfDocNumber(docNumber, mentionsInText);
    if (jurisdiction) warnings.push(`文件中没有写明发文地区，按文号“${docNumber}”推断为${jurisdiction}，请在导入前核对`);
  }
  if (!jurisdiction) {
    const named = mostMentionedPlace(mentionsInText());
    if (named) {
      jurisdiction = named;
      warnings.push(`文件中没有写明发文地区，按正文中提到最多的地名推断为${named}，请在导入前核对`);
    }
  }
  if (!jurisdiction) {
    jurisdiction = '未知地区';
    warnings.push('无法判断这份方案属于哪个市或区，单位已记在“未知地区”名下');
  }

  const yearFrom = (value: string | null | undefined) => {
    // 2023年…, and 2022上半年 / 2022第一季度 (the year run into the part of it); a span (2015—2020年) is the plan of its first year.
    const match = value ? /((?:19|20)\d{2})\s*(?:[—–\-~～至到]\s*(?:19|20)?\d{2}\s*)?(?:年|(?=上半年|下半年|第?[一二三四]季度))/.exec(value) : null;
    return match ? Number(match[1]) : null;
  };
  let year = yearFrom(title) ?? (docNumberMatch ? Number(docNumberMatch[2]) : null);
  if (year === null) {
    year = yearFrom(fileTitle);
  }
  if (year === null) {
    // The yearly document the plan carries out: "2016年《政府工作报告》量化指标任务", "2024年政务公开工作要点".
    const mentioned = [...text.matchAll(/((?:19|20)\d{2})\s*年度?\s*((?:(?:全|本)?[省市县区]|[省市县区](?:人民)?政府)?(?:\d{1,3}项)?(?:《?政府工作报告》?|政务公开工作要点|重点工作|工作要点|民生实事|民生工程|为民办实事|十件实事|实事项目))/g)].map((m) => ({ year: Number(m[1]), what: m[2]!.replace(/[《》]/g, '') }));
    const latest = mentioned.sort((a, b) => b.year - a.year)[0];
    year = latest?.year ?? null;
    if (latest) warnings.push(`文件中没有写明年度，按正文提到的“${latest.year}年${latest.what}”推断为${latest.year}年`);
  }
  if (year === null) {
    // "2022年度任务目标" in a header, or the date the document was written.
    const annual = /((?:19|20)\d{2})\s*年度/.exec(text.slice(0, 3000));
    // (A site's own labels too: "来源:政府办 日期:2011-02-12", "发布:2019-04-17"; a signing date printed spaced out, "2019 年 4 月 16 日".)
    const dated =
      /(?:成文日期|发文日期|印发日期|发布日期|发布时间|(?<![\u4e00-\u9fa5])(?:时间|日期)|(?<![\u4e00-\u9fa5])发布(?=[:：]))[:：]?\s*((?:19|20)\d{2})\s*[-年./]\s*\d{1,2}/.exec(text.slice(0, 3000)) ??
      /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$/m.exec(text.slice(0, 3000)) ??
      /^\s*[\u4e00-\u9fa5]{2,12}(?:县|市|区|旗|州|省)(?:人民)?政府(?:办公室|办公厅)?\s+(?:www\.|https?:)\S+\s+((?:19|20)\d{2})-\d{1,2}-\d{1,2}/m.exec(text.slice(0, 1000));
    // A news page's dateline, a line of its own: "13.03.2015  07:51", "2015-03-13".
    const dateline = /^\s*(?:\d{1,2}[./]\d{1,2}[./]((?:19|20)\d{2})|((?:19|20)\d{2})[-./]\d{1,2}[-./]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/m.exec(text.slice(0, 1000));
    // A signing date in Chinese numerals on a line of its own: "二〇〇九年五月三十一日".
    const signed = chineseSigningYear(text.slice(0, 3000));
    const found = annual ?? dated ?? (dateline ? ([dateline[0], dateline[1] ?? dateline[2]] as unknown as RegExpExecArray) : null) ?? (signed ? ([String(signed), String(signed)] as unknown as RegExpExecArray) : null);
    if (found) {
      year = Number(found[1]);
      warnings.push(`文件中没有写明方案年度，按${annual ? `“${found[0]}”` : '成文或发布日期'}推断为${year}年，请在导入前核对`);
    }
  }

  if (year === null) {
    const spoken = mostMentionedYear(text);
    if (spoken) {
      year = spoken;
      warnings.push(`文件中没有写明方案年度，按正文中最常提到的年份推断为${year}年，请在导入前核对`);
    }
  }

  if (!title) {
    const body = issuer ?? jurisdiction;
    title = `${body}${year ?? ''}${year ? '年' : ''}工作任务分工`;
    warnings.push(`文件中没有标题，已按内容命名为“${title}”（文件：${fileName}）`);
  }
  return { title, issuer, jurisdiction, year, docNumber, titleRead, warnings };
}
