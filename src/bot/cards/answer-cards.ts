/**
 * Renders answers as Card JSON 2.0 cards, with a plain-text twin for when a
 * card cannot be shown. Pure functions of the answer: no I/O, no Lark calls.
 * Lists show at most one page (10 tasks) with buttons for the other pages
 * and for each task's detail; nothing is cut off without saying so.
 */
import type { Answer, AnswerItem } from '../../domain/questions/answer-service.js';
import { taskQuery, type TaskQuery } from '../../domain/questions/question.js';
import { button, card, clip, DEMO_NOTE, demoNote, escapeMarkdown, LIST_NOTE_CHARS, markdown } from './card-parts.js';
import { fitList } from './card-fit.js';
import { deadlineText, deadlineWords, leadersText, LIGHT, LIGHT_WORD, progressText, unitsLine } from './item-parts.js';
import { renderTaskCard } from './task-card.js';
import { renderUpdates } from './updates-cards.js';
import { renderStatsAnswer } from './stats-cards.js';
import { CARD_ACTIONS } from '../card-actions.js';

export { escapeMarkdown } from './card-parts.js';

/** A rendered answer. */
export interface RenderedAnswer {
  card: Record<string, unknown>;
  text: string;
}

/** Example questions offered as buttons when the bot did not understand. */
export const EXAMPLE_QUESTIONS = ['市财政局负责什么', 'PPP项目谁负责', '哪些任务逾期了', '有哪些方案'];

function highlight(text: string, words: readonly string[]): string {
  let escaped = escapeMarkdown(text);
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const safe = escapeMarkdown(word);
    if (!safe) continue;
    const pattern = new RegExp(safe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    escaped = escaped.replace(pattern, (found) => `**${found}**`);
  }
  return escaped;
}

function itemMarkdown(item: AnswerItem): string {
  const lines = [
    `${LIGHT[item.light]} **${item.label}** ${highlight(item.title, item.highlights)}`,
    ...(item.parentTitle ? [`<font color='grey'>所属任务：${escapeMarkdown(item.parentTitle)}</font>`] : []),
    `${unitsLine(item)}｜${item.leaders ? `${leadersText(item)}｜` : ''}${deadlineText(item)}｜${progressText(item)}`,
    ...(item.latest ? [`最新进展：${escapeMarkdown(clip(item.latest.note, LIST_NOTE_CHARS) || '（无说明）')}`] : []),
  ];
  return lines.join('\n');
}

function itemText(item: AnswerItem, position: number): string {
  const units = item.units.map((unit) => `${unit.name}（${unit.roleLabel}）`).join('、') || '未写明';
  const due = deadlineWords(item);
  return [
    `${position}. [${LIGHT_WORD[item.light]}] ${item.label} ${item.title}`,
    `   单位：${units}；${item.leaders ? `分管领导：${item.leaders}；` : ''}时限：${due}；${progressText(item)}`,
    ...(item.latest ? [`   最新进展：${item.latest.note || '（无说明）'}`] : []),
  ].join('\n');
}

/**
 * The line under a page whose last tasks did not fit in the card: how many,
 * and each one's #id to open with /任务 (the 详情 buttons are theirs too).
 */
function restOfPage(hidden: readonly Pick<AnswerItem, 'taskId'>[]): Record<string, unknown>[] {
  if (hidden.length === 0) return [];
  const ids = hidden.map((item) => `#${item.taskId}`).join('、');
  return [markdown(`<font color='grey'>本页还有 ${hidden.length} 项放不下：${ids}，发送“/任务 #编号”查看。</font>`)];
}

function pageButtons(query: TaskQuery, page: number, pageCount: number): Record<string, unknown>[] {
  if (pageCount <= 1) return [];
  const buttons: Record<string, unknown>[] = [];
  if (page > 1) buttons.push(button('上一页', CARD_ACTIONS.answer_page.value({ question: { ...query, page: page - 1 } })));
  if (page < pageCount) buttons.push(button('下一页', CARD_ACTIONS.answer_page.value({ question: { ...query, page: page + 1 } }), 'primary'));
  return [{ tag: 'column_set', columns: buttons.map((element) => ({ tag: 'column', width: 'auto', elements: [element] })) }];
}

function examplesCard(title: string, lead: string): RenderedAnswer {
  const elements = [
    markdown(escapeMarkdown(lead)),
    markdown('可以这样问：'),
    { tag: 'column_set', columns: EXAMPLE_QUESTIONS.map((text) => ({ tag: 'column', width: 'auto', elements: [button(text, CARD_ACTIONS.ask.value({ text }))] })) },
    markdown("<font color='grey'>在群里请先 @我；发送 /帮助 查看全部命令。</font>"),
  ];
  const text = `${lead}\n可以这样问：${EXAMPLE_QUESTIONS.map((q) => `“${q}”`).join('、')}。在群里请先 @我；发送 /帮助 查看全部命令。`;
  return { card: card(title, 'blue', elements), text };
}

/** Renders any answer. */
export function renderAnswer(answer: Answer): RenderedAnswer {
  switch (answer.kind) {
    case 'task_list': {
      const { items, total, page, pageCount, query } = answer;
      const title = total === 0 ? '没有找到相关任务' : `找到 ${total} 项任务`;
      const understanding = `我的理解：${answer.understanding}${answer.approximate ? '（没有完全匹配，以下为相近结果）' : ''}`;
      if (total === 0) {
        const near = answer.suggestions ?? [];
        if (near.length > 0) {
          const lead = `${understanding}。\n没有符合条件的任务。这样问能找到：`;
          const elements = [
            markdown(escapeMarkdown(lead)),
            { tag: 'column_set', columns: near.map((text) => ({ tag: 'column', width: 'auto', elements: [button(text, CARD_ACTIONS.ask.value({ text }))] })) },
          ];
          return { card: card(title, 'blue', elements), text: `${lead}${near.map((text) => `“${text}”`).join('、')}` };
        }
        const lead = `${understanding}。\n没有符合条件的任务。可以换个说法，或去掉一些条件再问。`;
        return examplesCard(title, lead);
      }
      const demo = items.some((item) => item.demo);
      const lines = [`${title}（第 ${page}/${pageCount} 页）`, understanding, ...(demo ? [DEMO_NOTE] : [])];
      let plan: number | null = null;
      items.forEach((item, index) => {
        if (item.planId !== plan) {
          plan = item.planId;
          lines.push(`《${item.planTitle}》`);
        }
        lines.push(itemText(item, (page - 1) * 10 + index + 1));
      });
      if (pageCount > 1) lines.push(`还有 ${total - page * 10 > 0 ? total - page * 10 : 0} 项：发送“下一页”继续。`);
      const render = (shown: number) => {
        const elements: Record<string, unknown>[] = [...demoNote(demo), markdown(`<font color='grey'>${escapeMarkdown(understanding)}</font>`)];
        let heading: number | null = null;
        for (const item of items.slice(0, shown)) {
          if (item.planId !== heading) {
            heading = item.planId;
            elements.push(markdown(`**《${escapeMarkdown(item.planTitle)}》**`));
          }
          elements.push(markdown(itemMarkdown(item)));
          elements.push(button('详情', CARD_ACTIONS.task_detail.value({ taskId: item.taskId })));
        }
        elements.push(...restOfPage(items.slice(shown)));
        elements.push(...pageButtons(query, page, pageCount));
        return card(title, total > 0 && items.some((item) => item.light === 'red') ? 'orange' : 'blue', elements, `第 ${page}/${pageCount} 页`);
      };
      return { card: fitList(items.length, render), text: lines.join('\n') };
    }
    case 'task_detail':
      return renderTaskCard(answer);
    case 'task_choice': {
      const choices = answer.items.slice(0, 20);
      const demo = choices.some((item) => item.demo);
      const render = (shown: number) => {
        const elements: Record<string, unknown>[] = [...demoNote(demo), markdown(escapeMarkdown(answer.understanding))];
        for (const item of choices.slice(0, shown)) {
          elements.push(markdown(`《${escapeMarkdown(item.planTitle)}》${item.label} ${escapeMarkdown(item.title)}`));
          elements.push(button('查看', CARD_ACTIONS.task_detail.value({ taskId: item.taskId })));
        }
        elements.push(...restOfPage(choices.slice(shown)));
        return card('请选择任务', 'blue', elements);
      };
      const text = [...(demo ? [DEMO_NOTE] : []), answer.understanding, ...answer.items.map((item, index) => `${index + 1}. 《${item.planTitle}》${item.label} ${item.title}（#${item.taskId}）`)].join('\n');
      return { card: fitList(choices.length, render), text };
    }
    case 'plans': {
      if (answer.total === 0) return examplesCard('还没有分工方案', '还没有导入分工方案。请管理员导入 Word、Excel 或文本格式的分工方案。');
      const first = (answer.page - 1) * 10;
      const lines = [`共有 ${answer.total} 个分工方案（第 ${answer.page}/${answer.pageCount} 页）：`];
      answer.plans.forEach((plan, index) => lines.push(`${first + index + 1}. ${plan.title}（${plan.jurisdiction}，${plan.tasks} 项任务）`));
      const pages: Record<string, unknown>[] = [];
      if (answer.page > 1) pages.push(button('上一页', CARD_ACTIONS.plans_page.value({ page: answer.page - 1 })));
      if (answer.page < answer.pageCount) pages.push(button('下一页', CARD_ACTIONS.plans_page.value({ page: answer.page + 1 }), 'primary'));
      const subtitle = answer.pageCount > 1 ? `第 ${answer.page}/${answer.pageCount} 页` : undefined;
      const demoPlans = answer.plans.some((plan) => plan.demo === true) ? '演示数据：标有【演示】的方案由本地控制台用种子方案生成，日期已移到今年，不是真实的督办任务。' : '';
      if (demoPlans) lines.push(demoPlans);
      const render = (shown: number) => {
        const elements: Record<string, unknown>[] = [];
        answer.plans.slice(0, shown).forEach((plan, index) => {
          elements.push(markdown(`**${first + index + 1}. ${escapeMarkdown(plan.title)}**\n${escapeMarkdown(plan.jurisdiction)}｜${plan.tasks} 项任务`));
          elements.push(button('查看任务', CARD_ACTIONS.answer_page.value({ question: taskQuery({ plan: plan.title }) })));
        });
        const hidden = answer.plans.slice(shown).map((plan, index) => `${first + shown + index + 1}. 《${escapeMarkdown(clip(plan.title, 30))}》`);
        if (hidden.length > 0) elements.push(markdown(`<font color='grey'>本页还有 ${hidden.length} 个方案放不下：${hidden.join('、')}；直接问“方案名称 有哪些任务”查看。</font>`));
        if (pages.length > 0) elements.push({ tag: 'column_set', columns: pages.map((element) => ({ tag: 'column', width: 'auto', elements: [element] })) });
        if (demoPlans) elements.push(markdown(`<font color='grey'>🧪 ${demoPlans}</font>`));
        return card(`共有 ${answer.total} 个分工方案`, 'blue', elements, subtitle);
      };
      return { card: fitList(answer.plans.length, render), text: lines.join('\n') };
    }
    case 'smalltalk':
      return answer.topic === 'greeting'
        ? examplesCard('你好', '你好！我是督办助手，可以查询分工方案中的任务、单位、时限和进展。')
        : examplesCard('不客气', '不客气！还有需要随时问我。');
    case 'stats':
      return renderStatsAnswer(answer);
    case 'updates':
      return renderUpdates(answer);
    case 'not_understood':
      return examplesCard('没有找到答案', answer.reason);
  }
}
