/**
 * The liaison binding cards: the request reviewers get (who asks to be the
 * liaison of which unit, with 通过 / 拒绝) and what it becomes once decided.
 * The unit's name comes from a document, so it is escaped like any other
 * text in a card. Pure.
 */
import { button, buttonRow, card, escapeMarkdown, markdown, type CardElement } from './card-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** A unit as the cards name it. */
export interface BindingUnit {
  name: string;
  jurisdiction: string;
}

/** The card a reviewer decides on; the decision is checked against whoever presses, never the card. */
export function renderBindingRequestCard(requester: string, unit: BindingUnit, grantId: number): CardElement {
  return card('联络员申请', 'blue', [
    markdown(`<at id=${requester}></at> 申请成为 **${escapeMarkdown(`${unit.jurisdiction}${unit.name}`)}** 的联络员。`),
    ...buttonRow([
      button('通过', CARD_ACTIONS.grant_review.value({ grantId, approve: true }), 'primary'),
      button('拒绝', CARD_ACTIONS.grant_review.value({ grantId, approve: false }), 'danger'),
    ]),
  ]);
}

/** The request card once decided: the outcome, no buttons. `unit` is undefined when the unit is gone. */
export function renderBindingDecidedCard(requester: string, unit: BindingUnit | undefined, approved: boolean): CardElement {
  const unitName = unit ? escapeMarkdown(`${unit.jurisdiction}${unit.name}`) : '该单位';
  const result = approved ? `已通过：<at id=${requester}></at> 成为 ${unitName} 的联络员。` : `已拒绝 <at id=${requester}></at> 成为 ${unitName} 联络员的申请。`;
  return card('联络员申请', 'blue', [markdown(result)]);
}
