/**
 * The interactive task card: title, plan, units with roles, deadline and
 * light, a progress bar, the latest updates, and buttons to report progress,
 * ask for closure or see the whole history. The forms open in the card
 * itself; every view is drawn from the task's current state, so a card
 * pressed after the task changed elsewhere shows what is true now. Pure.
 */
import type { Answer } from '../../domain/questions/answer-service.js';
import { TASK_STATUS_LABEL } from '../../domain/vocabulary.js';
import type { ProgressRecord } from '../../repositories/progress-repository.js';
import type { RenderedAnswer } from './answer-cards.js';
import { button, buttonRow, card, clip, DEMO_NOTE, demoNote, escapeMarkdown, markdown, progressBar, submitButton, type CardElement } from './card-parts.js';
import { deadlineText, deadlineWords, leadersText, LIGHT, LIGHT_WORD, progressText, unitsLineWithSource } from './item-parts.js';
import { CARD_ACTIONS, TASK_CARD_VIEWS as CARD_VIEWS } from '../card-actions.js';

/** What the card shows below the facts. */
export type TaskCardView = (typeof CARD_VIEWS)[number];

/** The task card's views, by name, for button values. */
export const TASK_CARD_VIEWS: readonly TaskCardView[] = CARD_VIEWS;

/** Updates shown in the summary. */
const SUMMARY_UPDATES = 3;
/** Updates shown in the history view (with their notes clipped, fifteen stay under Lark's 30 KB). */
const HISTORY_UPDATES = 15;

type TaskDetail = Extract<Answer, { kind: 'task_detail' }>;

function updateLine(update: ProgressRecord, shorten: (text: string) => string = (text) => text): string {
  const evidence = update.evidence.length > 0 ? `（佐证：${shorten(update.evidence.join(' '))}）` : '';
  return `${update.createdAt.toISOString().slice(0, 10)} ${TASK_STATUS_LABEL[update.status]} ${update.percent}% ${shorten(update.note)}${evidence}`.trim();
}

function progressForm(detail: TaskDetail): CardElement[] {
  const percents = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const options = [
    ...percents.map((value) => ({ text: { tag: 'plain_text', content: `${value}%` }, value: String(value) })),
    { text: { tag: 'plain_text', content: '受阻（请在说明里写原因）' }, value: 'blocked' },
  ];
  return [
    {
      tag: 'form',
      name: 'progress_form',
      elements: [
        markdown('**更新进度**'),
        {
          tag: 'select_static',
          name: 'percent',
          placeholder: { tag: 'plain_text', content: '选择进度' },
          // Lark refuses a card whose initial option is not among the options (a reported 65%).
          ...(percents.includes(detail.item.percent) ? { initial_option: String(detail.item.percent) } : {}),
          options,
          required: true,
        },
        { tag: 'input', name: 'note', placeholder: { tag: 'plain_text', content: '进展说明（调低进度或受阻时必填）' }, max_length: 500 },
        submitButton('提交', 'submit_progress', CARD_ACTIONS.task_progress_submit.value({ taskId: detail.item.taskId })),
      ],
    },
    ...buttonRow([button('取消', CARD_ACTIONS.task_card.value({ taskId: detail.item.taskId, view: 'summary' }))]),
  ];
}

function closeForm(detail: TaskDetail): CardElement[] {
  return [
    {
      tag: 'form',
      name: 'close_form',
      elements: [
        markdown('**申请办结**：请写明完成情况，并附上佐证链接（如公开网址、文件名）。有督查人员的方案，由督查人员审核后办结。'),
        { tag: 'input', name: 'evidence', placeholder: { tag: 'plain_text', content: '例如：已在门户网站公开 https://…' }, max_length: 1000, required: true },
        submitButton('提交办结申请', 'submit_close', CARD_ACTIONS.task_close_submit.value({ taskId: detail.item.taskId })),
      ],
    },
    ...buttonRow([button('取消', CARD_ACTIONS.task_card.value({ taskId: detail.item.taskId, view: 'summary' }))]),
  ];
}

function actions(detail: TaskDetail, view: TaskCardView): CardElement[] {
  const taskId = detail.item.taskId;
  if (view === 'progress_form') return progressForm(detail);
  if (view === 'close_form') return closeForm(detail);
  const open = detail.status !== 'done' && detail.status !== 'pending_review';
  return buttonRow([
    ...(open ? [button('更新进度', CARD_ACTIONS.task_card.value({ taskId, view: 'progress_form' }), 'primary'), button('标记完成', CARD_ACTIONS.task_card.value({ taskId, view: 'close_form' }))] : []),
    view === 'history' ? button('收起历史', CARD_ACTIONS.task_card.value({ taskId, view: 'summary' })) : button('查看历史', CARD_ACTIONS.task_card.value({ taskId, view: 'history' })),
  ]);
}

function template(detail: TaskDetail): string {
  if (detail.status === 'done') return 'green';
  if (detail.status === 'pending_review') return 'wathet';
  return detail.item.light === 'red' ? 'red' : detail.item.light === 'yellow' ? 'orange' : 'blue';
}

/** The answer to what the question asked of the task ("啥时候到期"), put above the card's fields; undefined when it asked for the whole task. */
function askedLine(detail: TaskDetail): { label: string; answer: string } | undefined {
  if (detail.asked !== 'deadline') return undefined;
  const { item } = detail;
  if (!item.deadline) return { label: '到期时间', answer: '这项任务没有写明时限' };
  const day = detail.figure ? detail.figure.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日') : null;
  return { label: '到期时间', answer: day ? `${day}（原文：${deadlineWords({ deadline: { ...item.deadline, dueOn: null } })}）` : `${deadlineWords(item)}，没有具体日期` };
}

/** Renders a task in full, in one of its views. */
export function renderTaskCard(detail: TaskDetail, view: TaskCardView = 'summary'): RenderedAnswer {
  const { item, requirement, categoryPath, history } = detail;
  const title = `${item.label} ${item.title}`.slice(0, 100);
  const shown = history.slice(0, view === 'history' ? HISTORY_UPDATES : SUMMARY_UPDATES);
  const listed = view === 'history' ? history : shown;
  const updates = listed.length === 0 ? ['还没有人报过进度。'] : listed.map((update) => updateLine(update));
  const cardUpdates = shown.length === 0 ? updates : shown.map((update) => updateLine(update, clip));
  const more =
    view !== 'history' && history.length > SUMMARY_UPDATES ? '（更多记录请点“查看历史”）' : history.length > shown.length ? `（共 ${history.length} 条，显示最近 ${shown.length} 条）` : '';
  const waiting = detail.status === 'pending_review' ? '\n办结申请已提交，等待督查审核。' : '';
  const asked = askedLine(detail);
  const elements: CardElement[] = [
    ...demoNote(item.demo === true),
    ...(asked ? [markdown(`**${asked.label}**：${escapeMarkdown(asked.answer)}`)] : []),
    markdown(`**方案**：${escapeMarkdown(item.planTitle)}${categoryPath ? `\n**类别**：${escapeMarkdown(categoryPath)}` : ''}${item.parentTitle ? `\n**所属任务**：${escapeMarkdown(item.parentTitle)}` : ''}`),
    markdown(`**具体要求**：${escapeMarkdown(requirement || item.title)}`),
    markdown(`${unitsLineWithSource(item)}\n${item.leaders ? `${leadersText(item)}\n` : ''}${deadlineText(item)}\n状态：${LIGHT[item.light]} ${progressText(item)}\n${progressBar(item.percent)}${waiting}`),
    markdown(`**${view === 'history' ? '全部进展记录' : '最近进展'}**${more}\n${cardUpdates.map(escapeMarkdown).join('\n')}`),
    ...actions(detail, view),
    markdown(`<font color='grey'>任务编号 #${item.taskId}</font>`),
  ];
  const text = [
    ...(asked ? [`${asked.label}：${asked.answer}`] : []),
    title,
    ...(item.demo ? [DEMO_NOTE] : []),
    `方案：${item.planTitle}`,
    ...(categoryPath ? [`类别：${categoryPath}`] : []),
    `具体要求：${requirement || item.title}`,
    `单位：${item.units.map((unit) => `${unit.name}（${unit.roleLabel}）`).join('、') || '未写明'}${item.unitsFrom && item.units.length > 0 ? `（沿用${item.unitsFrom}）` : ''}`,
    ...(item.leaders ? [`分管领导：${item.leaders}`] : []),
    `时限：${deadlineWords(item)}`,
    `状态：${LIGHT_WORD[item.light]}，${progressText(item)}${waiting ? '，等待督查审核' : ''}`,
    '进展记录：',
    ...updates,
    `任务编号 #${item.taskId}；报进度：/进度 #${item.taskId} 60% 说明`,
  ].join('\n');
  return { card: card(title, template(detail), elements, `#${item.taskId}`), text };
}
