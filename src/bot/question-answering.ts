/**
 * Questions in chat, end to end: parse with the current catalog, resolve
 * follow-ups against the chat's last answer, answer, render the card (with
 * its text twin) and remember what was shown. Also the card buttons that
 * belong to answers: next/previous page, a task's detail, an example
 * question.
 */
import { loadActor } from '../domain/people/actor.js';
import { answer, answerPlans, answerTaskDetail, answerTaskQuery, type Answer } from '../domain/questions/answer-service.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import { parseQuestion } from '../domain/questions/question-parser.js';
import type { Question, TaskQuery } from '../domain/questions/question.js';
import { dayIn } from '../lib/dates.js';
import type { Repositories } from '../repositories/index.js';
import { renderAnswer } from './cards/answer-cards.js';
import type { CardActionHandler, QuestionAnswerer } from './conversation.js';
import type { Outgoing } from './outgoing.js';
import { readButton } from './card-values.js';
import { CARD_ACTIONS } from './card-actions.js';

/** What answering questions needs. */
export interface QuestionAnsweringOptions {
  catalog: QuestionCatalog;
  timeZone: string;
}

function isTaskQuery(value: unknown): value is TaskQuery {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'tasks';
}

/** Remembers the tasks a list answer showed in a chat, for "还有呢" and "详细说说第2个"; other answers leave the chat's memory alone. */
export async function rememberAnswer(repos: Repositories, chatId: string | null, result: Answer): Promise<void> {
  if (result.kind === 'task_list' && chatId) await repos.chatContexts.remember(chatId, result.query, result.items.map((item) => item.taskId));
}

/** Resolves a follow-up against the chat's last answer into a question or a task to show. */
async function resolveFollowUp(question: Extract<Question, { kind: 'follow_up' }>, chatId: string, repos: Repositories): Promise<{ query?: TaskQuery; taskId?: number; problem?: string }> {
  const context = await repos.chatContexts.get(chatId);
  const previous = context && isTaskQuery(context.question) ? context.question : undefined;
  if (!previous || !context) return { problem: '这里还没有可以接着看的结果。请先提一个问题，例如“市财政局负责什么”。' };
  switch (question.action) {
    case 'next_page':
      return { query: { ...previous, page: previous.page + 1 } };
    case 'previous_page':
      return previous.page > 1 ? { query: { ...previous, page: previous.page - 1 } } : { problem: '已经是第一页了。' };
    case 'only_lead':
      return { query: { ...previous, role: 'lead', page: 1 } };
    case 'detail': {
      const taskId = context.shownIds[(question.index ?? 0) - 1];
      return taskId === undefined ? { problem: `上一次的结果里没有第 ${question.index} 个。请说“详细说说第1个”到“第${context.shownIds.length}个”。` } : { taskId };
    }
  }
}

/** Builds the question answerer and the answer cards' button handlers. */
export function createQuestionAnswering(options: QuestionAnsweringOptions): { answerQuestion: QuestionAnswerer; cardActions: Record<string, CardActionHandler> } {
  const today = () => dayIn(options.timeZone);

  /** Answers a question (or follow-up) asked in `chatId`, remembering what is shown. */
  async function respond(text: string, chatId: string, repos: Repositories, askerOpenId: string | null): Promise<Answer> {
    const catalog = await options.catalog.current();
    // "我们局" is the asker's own units: the ones they are a liaison of. Read only when the parser asks for them
    // (it does where the question says "我们局"): most questions never do, and the grants cost a statement.
    let askedForUnits = false;
    const probe = {
      get unitIds(): readonly number[] {
        askedForUnits = true;
        return [];
      },
    };
    let question = parseQuestion(text, catalog.directory, probe);
    if (askedForUnits && askerOpenId) question = parseQuestion(text, catalog.directory, { unitIds: (await loadActor(repos, askerOpenId, [])).liaisonUnitIds });
    let result: Answer;
    if (question.kind === 'follow_up') {
      const resolved = await resolveFollowUp(question, chatId, repos);
      if (resolved.problem) return { kind: 'not_understood', reason: resolved.problem };
      result = resolved.taskId !== undefined ? await answerTaskDetail(resolved.taskId, catalog, repos, today()) : await answerTaskQuery(resolved.query!, catalog, repos, today());
      if (result.kind === 'task_list' && resolved.query && result.page < resolved.query.page) {
        return { kind: 'not_understood', reason: `已经是最后一页了（共 ${result.total} 项）。` };
      }
    } else {
      result = await answer(question, catalog, repos, today());
    }
    await rememberAnswer(repos, chatId, result);
    return result;
  }

  const toMessage = (result: Answer): { card: Record<string, unknown>; fallbackText: string } => {
    const rendered = renderAnswer(result);
    return { card: rendered.card, fallbackText: rendered.text };
  };

  const answerQuestion: QuestionAnswerer = async (message, ctx) => {
    const result = await respond(message.text, message.chatId, ctx.repos, message.senderOpenId);
    return [{ kind: 'reply', messageId: message.messageId, chatId: message.chatId, msgType: 'interactive', ...toMessage(result) }];
  };

  const sendToChat = (chatId: string | null, result: Answer): Outgoing[] =>
    chatId ? [{ kind: 'send', receiveIdType: 'chat_id', receiveId: chatId, msgType: 'interactive', ...toMessage(result) }] : [];

  const cardActions: Record<string, CardActionHandler> = {
    /** Another page of a list: the card is replaced in place. */
    answer_page: async (action, ctx) => {
      const query = action.value.question;
      if (!isTaskQuery(query)) return { toast: { type: 'warning', content: '这个按钮已失效，请重新提问。' } };
      const catalog = await options.catalog.current();
      const result = await answerTaskQuery(query, catalog, ctx.repos, today());
      await rememberAnswer(ctx.repos, action.chatId, result);
      return { card: renderAnswer(result).card };
    },
    /** Another page of the plans list, in place. */
    plans_page: async (action) => {
      const page = readButton(action, CARD_ACTIONS.plans_page.schema)?.page ?? 1;
      return { card: renderAnswer(answerPlans(await options.catalog.current(), page)).card };
    },
    /** A task's detail: sent as a new card, the list stays. */
    task_detail: async (action, ctx) => {
      const taskId = readButton(action, CARD_ACTIONS.task_detail.schema)?.taskId;
      if (taskId === undefined) return { toast: { type: 'warning', content: '这个按钮已失效，请重新提问。' } };
      const catalog = await options.catalog.current();
      return { toast: { type: 'info', content: '已发送任务详情' }, outgoing: sendToChat(action.chatId, await answerTaskDetail(taskId, catalog, ctx.repos, today())) };
    },
    /** An example question pressed: answered as if typed. */
    ask: async (action, ctx) => {
      const text = typeof action.value.text === 'string' ? action.value.text : '';
      if (!action.chatId || !text) return { toast: { type: 'warning', content: '这个按钮已失效，请直接输入问题。' } };
      return { outgoing: sendToChat(action.chatId, await respond(text, action.chatId, ctx.repos, action.operatorOpenId)) };
    },
  };

  return { answerQuestion, cardActions };
}
