/**
 * The tasks behind the weekly card's 🟡 需关注 figure (its 查看需关注任务
 * button): exactly the yellow tasks the card counted, a page at a time,
 * each with its plan, units and the rule that made it yellow, headed by
 * the same breakdown by reason as the card — so the figure, the list and
 * each task's reason say one thing. Pure.
 */
import type { AttentionReason } from '../../domain/questions/status-light.js';
import type { SummaryItem, SummaryScope } from '../../domain/summaries/weekly-summary.js';
import { CARD_ACTIONS } from '../card-actions.js';
import { fitList } from './card-fit.js';
import { button, buttonRow, card, escapeMarkdown, markdown, type CardElement } from './card-parts.js';
import { itemMarkdown, itemWords, REASON_LABEL } from './weekly-card.js';

/** Tasks on one page of the list. */
export const ATTENTION_PAGE = 15;

/** What the list shows. */
export interface AttentionList {
  scopeLabel: string;
  scope: SummaryScope;
  /** 'YYYY-MM-DD': the day the lights were judged. */
  today: string;
  /** Every yellow task of the scope, in the card's order. */
  items: readonly SummaryItem[];
  /** 1-based; clamped to the pages there are. */
  page: number;
}

/** The list card and its text twin. */
export function renderAttentionList(list: AttentionList): { card: CardElement; text: string } {
  const total = list.items.length;
  const pages = Math.max(1, Math.ceil(total / ATTENTION_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(list.page) || 1), pages);
  const first = (page - 1) * ATTENTION_PAGE;
  const items = list.items.slice(first, first + ATTENTION_PAGE);
  const title = `🟡 需关注的任务（${total} 项）`;
  const counts = new Map<AttentionReason, number>();
  for (const item of list.items) if (item.reason !== 'overdue') counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  const breakdown = [...counts].map(([reason, count]) => `${REASON_LABEL[reason]} ${count}`).join('，');
  const lead = total === 0 ? `截至 ${list.today}，${list.scopeLabel}没有需关注的任务。` : `${list.scopeLabel}，截至 ${list.today}：${breakdown}`;
  const showPlan = new Set(list.items.map((item) => item.plan)).size > 1;
  const lineOptions = { showPlan, allUnits: false };
  const lines = items.map((item, index) => `${first + index + 1}. ${itemWords(item, lineOptions)}（#${item.taskId}）`);
  const markdownLines = items.map((item, index) => `${first + index + 1}. ${itemMarkdown(item, lineOptions)}（#${item.taskId}）`);
  const scope = { plans: list.scope.planIds, units: list.scope.unitIds };
  const buttons = buttonRow([
    ...(page > 1 ? [button('上一页', CARD_ACTIONS.weekly_attention.value({ ...scope, page: page - 1 }))] : []),
    ...(page < pages ? [button('下一页', CARD_ACTIONS.weekly_attention.value({ ...scope, page: page + 1 }), 'primary')] : []),
  ]);
  const render = (shown: number): CardElement => {
    const hidden = items.slice(shown).map((item) => `#${item.taskId}`);
    const elements: CardElement[] = [
      markdown(escapeMarkdown(lead)),
      ...(shown > 0 ? [markdown(markdownLines.slice(0, shown).join('\n'))] : []),
      ...(hidden.length > 0 ? [markdown(`<font color='grey'>本页还有 ${hidden.length} 项放不下：${hidden.join('、')}，发送“/任务 #编号”查看。</font>`)] : []),
      markdown(`<font color='grey'>第 ${page}/${pages} 页。发送“/任务 #编号”查看任务详情、报告进度。</font>`),
      ...buttons,
    ];
    return card(title, 'yellow', elements, list.scopeLabel);
  };
  return { card: fitList(lines.length, render), text: [title, lead, ...lines, `第 ${page}/${pages} 页`].join('\n') };
}
