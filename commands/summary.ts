/**
 * `/summary [方案或单位]` (`/周报`): the weekly status card now, as a preview
 * that does not count as the week's card — for the chat's subscription
 * scope, or the plan or unit named. Also the handlers of the weekly card's
 * buttons: 查看逾期任务 (in the chat), 我的单位 and 导出台账 (sent to the
 * person who pressed, one-to-one, so nobody's list is aired in the group).
 */
import { z } from 'zod';
import { renderAnswer } from '../src/bot/cards/answer-cards.js';
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
import { scopeLabel, type SummaryScope } from '../src/domain/summaries/weekly-summary.js';
import { dayIn } from '../src/lib/dates.js';

/** The scope a weekly card's button carries (plans and units by id; anything else is ignored). */
function scopeOf(value: Record<string, unknown>): SummaryScope {
  const ids = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is number => Number.isInteger(id)) : []);
  return { planIds: ids(value.plans), unitIds: ids(value.units) };
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
      const answer = await answerTaskQuery(queryOf(scopeOf(action.value), catalog, { status: 'overdue', order: 'urgency' }), catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
      const rendered = renderAnswer(answer);
      await rememberAnswer(ctx.repos, action.chatId, answer);
      // In the chat the card was pressed in; one-to-one when the press came from outside a chat.
      const message: Outgoing = action.chatId
        ? { kind: 'send', receiveIdType: 'chat_id', receiveId: action.chatId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }
        : { kind: 'send', receiveIdType: 'open_id', receiveId: action.operatorOpenId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text };
      return { toast: { type: 'info', content: '逾期任务已列出' }, outgoing: [message] };
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
      const scope = scopeOf(action.value);
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
