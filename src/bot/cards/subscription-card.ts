/**
 * The card /subscribe shows: the chat's current weekly-card setting, a form
 * to change the day and time, and buttons to preview or stop. Pure.
 */
import { WEEKDAY_NAME } from '../../lib/dates.js';
import { button, buttonRow, card, escapeMarkdown, markdown, submitButton, type CardElement } from './card-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** What the card shows. */
export interface SubscriptionView {
  /** Null when the chat has no active subscription. */
  weekday: number | null;
  time: string | null;
  scopeLabel: string;
  /** "11月30日（周一）09:00", when subscribed. */
  next: string | null;
  timeZone: string;
}

const TIMES = ['08:00', '08:30', '09:00', '09:30', '10:00', '11:00', '14:00', '15:00', '16:00', '17:00'];

const option = (value: string, label: string) => ({ text: { tag: 'plain_text', content: label }, value });

/** The settings card. */
export function renderSubscriptionCard(view: SubscriptionView): CardElement {
  const subscribed = view.weekday !== null && view.time !== null;
  const status = subscribed
    ? `本群已订阅督办周报：每${WEEKDAY_NAME[view.weekday!]} ${view.time}（${escapeMarkdown(view.timeZone)}），范围：${escapeMarkdown(view.scopeLabel)}。\n下一次：${view.next}。逢法定节假日顺延到下一个工作日。`
    : '本群还没有订阅督办周报。选择时间后点“保存”即可订阅（范围：全部方案）；也可以发送“/订阅 周一 09:00 临沂2016要点”。';
  const times = view.time && !TIMES.includes(view.time) ? [...TIMES, view.time].sort() : TIMES;
  const form: CardElement = {
    tag: 'form',
    name: 'subscription_form',
    elements: [
      {
        tag: 'select_static',
        name: 'weekday',
        placeholder: { tag: 'plain_text', content: '星期几' },
        initial_option: String(view.weekday ?? 1),
        options: [1, 2, 3, 4, 5].map((day) => option(String(day), WEEKDAY_NAME[day]!)),
        required: true,
      },
      {
        tag: 'select_static',
        name: 'time',
        placeholder: { tag: 'plain_text', content: '时间' },
        initial_option: view.time ?? '09:00',
        options: times.map((time) => option(time, time)),
        required: true,
      },
      submitButton('保存', 'save_subscription', CARD_ACTIONS.subscription_save.value({})),
    ],
  };
  return card('督办周报订阅', subscribed ? 'blue' : 'grey', [
    markdown(status),
    form,
    ...buttonRow([button('预览本周周报', CARD_ACTIONS.subscription_preview.value({})), ...(subscribed ? [button('退订', CARD_ACTIONS.subscription_stop.value({}), 'danger')] : [])]),
  ]);
}
