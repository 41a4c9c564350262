/**
 * Cards of the closure review: the one supervisors get (通过, or 退回 with a
 * reason typed in the card), and what it becomes once decided. Pure.
 */
import { button, buttonRow, card, clip, demoNote, escapeMarkdown, markdown, submitButton, type CardElement } from './card-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** A closure waiting for review, as the card shows it. */
export interface ClosureForReview {
  taskId: number;
  title: string;
  planTitle: string;
  /** The plan is demonstration data (the console's 演示数据): the card says so. */
  demo?: boolean;
  /** "牵头：市财政局；配合：各镇区". */
  unitsText: string;
  requester: string;
  note: string;
  evidence: readonly string[];
}

function facts(closure: ClosureForReview): CardElement[] {
  const evidence = closure.evidence.length > 0 ? `\n**佐证**：${closure.evidence.map((link) => escapeMarkdown(clip(link))).join('  ')}` : '';
  return [
    ...demoNote(closure.demo === true),
    markdown(`**任务 #${closure.taskId}**：${escapeMarkdown(closure.title)}\n**方案**：${escapeMarkdown(closure.planTitle)}\n${escapeMarkdown(closure.unitsText)}`),
    markdown(`<at id=${closure.requester}></at> 申请办结：${escapeMarkdown(clip(closure.note) || '（无说明）')}${evidence}`),
  ];
}

/** The card a supervisor reviews on. The decision is checked against whoever presses, never the card. */
export function renderClosureReviewCard(closure: ClosureForReview): { card: CardElement; text: string } {
  const elements: CardElement[] = [
    ...facts(closure),
    ...buttonRow([button('通过', CARD_ACTIONS.closure_review.value({ taskId: closure.taskId, approve: true }), 'primary')]),
    {
      tag: 'form',
      name: 'return_form',
      elements: [
        { tag: 'input', name: 'reason', placeholder: { tag: 'plain_text', content: '退回理由（必填）' }, max_length: 500 },
        submitButton('退回', 'submit_return', CARD_ACTIONS.closure_review.value({ taskId: closure.taskId, approve: false }), 'danger'),
      ],
    },
  ];
  const text = `办结申请：任务 #${closure.taskId}「${closure.title}」。完成情况：${closure.note || '（无说明）'}${closure.evidence.length ? `；佐证：${closure.evidence.join(' ')}` : ''}。请在卡片上审核，或发送 /审核 #${closure.taskId} 通过 或 /审核 #${closure.taskId} 退回 理由。`;
  return { card: card('办结审核', 'wathet', elements, `#${closure.taskId}`), text };
}

/** The review card once decided: the facts and the outcome, no buttons. */
export function renderClosureDecidedCard(closure: ClosureForReview, outcome: { approved: boolean; reviewer: string; reason: string }): CardElement {
  const verdict = outcome.approved
    ? `✅ <at id=${outcome.reviewer}></at> 已审核通过，任务已办结。`
    : `↩️ <at id=${outcome.reviewer}></at> 已退回：${escapeMarkdown(clip(outcome.reason))}`;
  return card(outcome.approved ? '办结审核：已通过' : '办结审核：已退回', outcome.approved ? 'green' : 'orange', [...facts(closure), markdown(verdict)], `#${closure.taskId}`);
}
