/**
 * The headline a document opens with when it names no plan: a web page's
 * own heading ("【文明卫生县城创建通报】3月26日至30日", "长沙市第六中学…校历")
 * or a table's caption row ("| 2025年度区民政局重点工作任务分解 |"). A
 * user recognises their document by it, where a name made up from the
 * region ("某县工作任务分工") says nothing.
 */
import { looksLikeHeader } from './layouts/columns.js';
import { squash } from './normalize-text.js';

/** Lines of a page's frame above its headline: breadcrumbs, bylines, dates, site fields, attachments. */
const FRAME = /^(?:特急|加急|急件|特提|平件|附件\s*\d*|(?:机密|秘密|绝密).*)$|[>›»]|^(?:当前位置|首页)|(?:来源|发布|时间|日期|作者|浏览|访问量?|点击|索引号|字体|编辑)\s*[:：]|\[attach\]|^page\s*\d|^p\.\s*\d|^第\d+页|^(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}/i;
/** Where the document's body begins: an outline number, a row number, an addressee, a sentence. */
const BODY_START = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}(?:[、.．\s]|$)|序\s*号)|[。；;]|[:：]$/;
/** The document's opening headline: its first line past the page's frame, when that reads as one. */
export function pageHeadline(lines: readonly string[]): string | undefined {
  for (const raw of lines) {
    const line = squash(raw).trim().replace(/\.(?:docx?|wps|xlsx?|et|pdf)$/i, '');
    if (line === '') continue;
    const cells = line.split(/[|│┃\t]/).map((cell) => cell.trim()).filter(Boolean);
    if (cells.length === 0 || FRAME.test(line)) continue;
    // A row of several cells is the table's header or a row: a headline would have come before it.
    // (a Word table's header row reaches here as its cells parted by spaces: 全市工作任务 具体要求 具体措施 牵头落实科室)
    if (cells.length > 1 || BODY_START.test(cells[0]!) || looksLikeHeader(cells[0]!.split(/\s+/))) return undefined;
    return isHeadline(cells[0]!) ? cells[0] : undefined;
  }
  return undefined;
}

/** A line that reads as a heading: a name of 6–60 characters, mostly Chinese, with no clause of a sentence in it. */
function isHeadline(text: string): boolean {
  const hanzi = text.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  // (a name in quotes may hold a list: 2023年“双随机、一公开”抽查工作计划)
  const unquoted = text.replace(/“[^”]*”/g, '');
  // (never a letterhead, 中山市人民政府办公室文件, an issuer alone, 中山市发展和改革局, nor a sentence's start, 为深入贯彻…)
  if (/文件$|^为|^[\u4e00-\u9fa5]{2,24}(?:局|委员会|委|办公室|办公厅|政府|中心|办)$/.test(text)) return false;
  return text.length >= 6 && text.length <= 60 && hanzi >= 4 && hanzi / text.length >= 0.5 && !/[:：，、]|[,]$/.test(unquoted);
}
