/**
 * `/summary [方案或单位]` (`/周报`): the weekly status card now, as a preview
 * that does not count as the week's card — for the chat's subscription
 * scope, or the plan or unit named. Also the handlers of the weekly card's
 * buttons: 查看逾期任务 and 查看需关注任务 (in the chat: exactly the tasks the
 * card counted under 🔴 and 🟡), 我的单位 and 导出台账 (sent to the person
 * who pressed, one-to-one, so nobody's list is aired in the group).
 */
import { z } from 'zod';
import { renderAnswer } from '../src/bot/cards/answer-cards.js';
import { renderAttentionList } from '../src/bot/cards/weekly-attention-card.js';
import { CARD_ACTIONS } from '../src/bot/card-actions.js';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import type { CardActionResult } from '../src/bot/inbound-processor.js';
import { ledgerFile } from '../src/bot/ledger-file.js';
import type { Outgoing } from '../src/bot/outgoing.js';
import { rememberAnswer } from '../src/bot/question-answering.js';
import { readScope } from '../src/bot/summary-scope.js';
import { weeklyPreview } from '../src/bot/weekly-preview.js';
import { answerTaskQuery } from '../src/domain/questions/answer-service.js';
import type { Catalog } from '../src/domain/questions/question-catalog.js';
import { taskQuery, type TaskQuery } from '../src/domain/questions/question.js';
import { assessScope, scopeLabel, type SummaryScope } from '../src/domain/summaries/weekly-summary.js';
import { dayIn } from '../src/lib/dates.js';

/** The scope a weekly card's button carries (plans and units by id), read with its declaration's schema (the registry has checked it). */
function scopeOf(value: { plans: readonly number[]; units: readonly number[] }): SummaryScope {
  return { planIds: [...value.plans], unitIds: [...value.units] };
}

/** A message to the chat the card was pressed in; one-to-one when the press came from outside a chat. */
function toPresser(action: { chatId: string | null | undefined; operatorOpenId: string }, rendered: { card: Record<string, unknown>; text: string }): Outgoing {
  return action.chatId
    ? { kind: 'send', receiveIdType: 'chat_id', receiveId: action.chatId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }
    : { kind: 'send', receiveIdType: 'open_id', receiveId: action.operatorOpenId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text };
}

/** The task query that selects a scope's tasks: the card's own tasks, however many plans it covers. */
function queryOf(scope: SummaryScope, catalog: Catalog, fields: Partial<TaskQuery> = {}): TaskQuery {
  const units = scope.unitIds.map((id) => catalog.directory.unit(id)).filter((unit) => unit !== undefined);
  return taskQuery({ ...fields, units: units.map((unit) => ({ text: unit.name, unitIds: [unit.id], fuzzy: false })), ...(scope.planIds.length > 0 ? { planIds: [...scope.planIds] } : {}) });
}

export const summaryCommand = defineCommand<string, CommandContext>({
  name: 'summary',
  alias: '周报',
  summary: '现在看一份督办周报（预览，不算本周的定时周报）',
  usage: ['/周报', '/周报 临沂2016要点', '/summary 市财政局'],
  args: z.string().trim().max(40, '方案或单位名称太长了'),
  permission: 'anyone',
  async run(ctx, text) {
    const catalog = await ctx.services.catalog.current();
    let scope: SummaryScope;
    if (text) {
      const reading = readScope(text, catalog);
      if ('problem' in reading) return ctx.reply(reading.problem);
      scope = reading.scope;
    } else {
      const subscription = await ctx.repos.subscriptions.get(ctx.message.chatId);
      scope = subscription?.active ? subscription.scope : { planIds: [], unitIds: [] };
    }
    const preview = await weeklyPreview({ catalog, repos: ctx.repos, scope, timeZone: ctx.services.timeZone, now: ctx.now });
    return [{ kind: 'reply', messageId: ctx.message.messageId, chatId: ctx.message.chatId, ...preview }];
  },
  cardActions: {
    async weekly_overdue(action, ctx): Promise<CardActionResult> {
      const catalog = await ctx.services.catalog.current();
      // The card's 🔴 figure is its scope's tasks past their due day: the same tasks as /逾期 over that scope.
      const answer = await answerTaskQuery(queryOf(scopeOf(CARD_ACTIONS.weekly_overdue.schema.parse(action.value)), catalog, { status: 'overdue', order: 'urgency' }), catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
      await rememberAnswer(ctx.repos, action.chatId, answer);
      return { toast: { type: 'info', content: '逾期任务已列出' }, outgoing: [toPresser(action, renderAnswer(answer))] };
    },
    async weekly_attention(action, ctx): Promise<CardActionResult> {
      const value = CARD_ACTIONS.weekly_attention.schema.parse(action.value);
      const catalog = await ctx.services.catalog.current();
      const scope = scopeOf(value);
      const today = dayIn(ctx.services.timeZone, ctx.now);
      // The card's own computation: the list is the 🟡 figure's tasks, with the reasons the card counted them by.
      const rendered = renderAttentionList({ scopeLabel: scopeLabel(catalog, scope), scope, today, items: assessScope(catalog, scope, today).yellow, page: value.page ?? 1 });
      // Another page replaces the list in place; the first is a new message under the weekly card.
      if (value.page !== undefined) return { card: rendered.card };
      return { toast: { type: 'info', content: '需关注任务已列出' }, outgoing: [toPresser(action, rendered)] };
    },
    async weekly_mine(action, ctx): Promise<CardActionResult> {
      const catalog = await ctx.services.catalog.current();
      const units = ctx.actor.liaisonUnitIds.map((id) => catalog.directory.unit(id)).filter((unit) => unit !== undefined);
      if (units.length === 0) return { toast: { type: 'info', content: '你还不是任何单位的联络员。私聊我发送“/绑定 单位名称”申请。' } };
      const query = taskQuery({ units: units.map((unit) => ({ text: unit.name, unitIds: [unit.id], fuzzy: false })), order: 'urgency' });
      const answer = await answerTaskQuery(query, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
      const rendered = renderAnswer(answer);
      return {
        toast: { type: 'success', content: '已私信发给你' },
        outgoing: [{ kind: 'send', receiveIdType: 'open_id', receiveId: action.operatorOpenId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }],
      };
    },
    async weekly_export(action, ctx): Promise<CardActionResult> {
      const catalog = await ctx.services.catalog.current();
      const scope = scopeOf(CARD_ACTIONS.weekly_export.schema.parse(action.value));
      const label = scopeLabel(catalog, scope);
      const today = dayIn(ctx.services.timeZone, ctx.now);
      const ledger = await ledgerFile({ select: { scope }, scope: label, catalog, repos: ctx.repos, today, timeZone: ctx.services.timeZone });
      if (!ledger) return { toast: { type: 'info', content: `没有可导出的任务（范围：${label}）。` } };
      return {
        toast: { type: 'success', content: '台账已私信发给你' },
        outgoing: [
          { kind: 'send', receiveIdType: 'open_id', receiveId: action.operatorOpenId, msgType: 'text', text: `台账（${label}）：${ledger.rows} 项任务，截至 ${today}。` },
          { kind: 'send', receiveIdType: 'open_id', receiveId: action.operatorOpenId, msgType: 'file', fileName: ledger.fileName, data: ledger.data },
        ],
      };
    },
  },
});
