/**
 * The import card once pressed — cancelled, or importing (named by the
 * title the administrator confirmed, or the file) — and the card that asks
 * before a unit synonym table is imported. What a callback answers with is
 * a card like any other, so it lives with the renderers. Pure.
 */
import { button, buttonRow, card, escapeMarkdown, markdown, type CardElement } from './card-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** The import card after 不导入 (or pressed on a job already cancelled). */
export function renderImportCancelledCard(): CardElement {
  return card('导入分工方案', 'grey', [markdown('已取消，没有导入。')]);
}

/** The import card after 导入: the plan by the title confirmed in the card's form, else the file by its name. */
export function renderImportingCard(named: { title: string } | { fileName: string }): CardElement {
  const what = 'title' in named ? `《${escapeMarkdown(named.title)}》` : `**${escapeMarkdown(named.fileName)}**`;
  return card('导入分工方案', 'wathet', [markdown(`${what}：正在导入，完成后会把导入报告发到这里。`)]);
}

/** A unit synonym table has nothing to preview: the card says what it holds and asks. */
export function renderSynonymImportCard(jobId: number, text: string): CardElement {
  return card('导入单位同义词表', 'blue', [
    markdown(escapeMarkdown(text)),
    ...buttonRow([button('导入', CARD_ACTIONS.import_confirm.value({ jobId }), 'primary'), button('不导入', CARD_ACTIONS.import_cancel.value({ jobId }))]),
  ]);
}
