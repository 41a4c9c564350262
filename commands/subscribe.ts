/**
 * `/subscribe [周一] [09:00] [方案或单位]` (`/订阅`): the group gets the weekly
 * status card at that time (holidays moved to the next working day), for
 * the plans or units named, or everything. Alone it shows the current
 * setting as a card with a form to change it. Supervisors and admins only,
 * and only in a group.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { renderSubscriptionCard } from '../src/bot/cards/subscription-card.js';
import type { CardActionResult } from '../src/bot/inbound-processor.js';
import { readSubscriptionArguments } from '../src/bot/subscription-arguments.js';
import { WEEKDAY_NAME } from '../src/lib/dates.js';
import { readScope } from '../src/bot/summary-scope.js';
import { weeklyPreview } from '../src/bot/weekly-preview.js';
import { holds } from '../src/domain/people/actor.js';
import { nextSlot, subscribeChat, unsubscribeChat } from '../src/domain/summaries/subscription-service.js';
import { scopeLabel } from '../src/domain/summaries/weekly-summary.js';
import type { Catalog } from '../src/domain/questions/question-catalog.js';
import type { Repositories } from '../src/repositories/index.js';
import { dueText } from '../src/summaries/weekly-delivery.js';

type ActionContext = Omit<CommandContext, 'message' | 'reply' | 'replyWithAnswer'>;

/** The settings card of a chat, as it is now. */
async function settingsCard(chatId: string, repos: Repositories, catalog: Catalog, ctx: Pick<ActionContext, 'services' | 'now'>) {
  const subscription = await repos.subscriptions.get(chatId);
  const active = subscription?.active ? subscription : undefined;
  return renderSubscriptionCard({
    weekday: active?.weekday ?? null,
    time: active?.time ?? null,
    scopeLabel: active ? scopeLabel(catalog, active.scope) : '全部方案',
    next: active ? dueText(nextSlot(active, ctx.now, ctx.services.timeZone, ctx.services.calendar), ctx.services.timeZone) : null,
    timeZone: ctx.services.timeZone,
  });
}

const REFUSED: CardActionResult = { toast: { type: 'error', content: '只有督查人员或管理员可以修改本群的周报订阅。' } };

export const subscribeCommand = defineCommand<string, CommandContext>({
  name: 'subscribe',
  alias: '订阅',
  summary: '本群订阅每周督办周报（时间、方案或单位可选）',
  usage: ['/订阅', '/订阅 周一 09:00', '/订阅 临沂2016要点', '/订阅 市财政局', '/subscribe 周五 16:30 全部'],
  args: z.string().trim().max(60, '内容太长了'),
  permission: 'supervisor',
  async run(ctx, text) {
    if (ctx.message.chatType !== 'group') return ctx.reply('周报发到群里：请在要接收周报的群里 @我 发送 /订阅。');
    const catalog = await ctx.services.catalog.current();
    if (text === '') {
      return [{ kind: 'reply', messageId: ctx.message.messageId, chatId: ctx.message.chatId, msgType: 'interactive', card: await settingsCard(ctx.message.chatId, ctx.repos, catalog, ctx) }];
    }
    const args = readSubscriptionArguments(text);
    if (args.problem) return ctx.reply(`/订阅：${args.problem}。例如“/订阅 周一 09:00”。`);
    let scope;
    if (args.scopeText) {
      const reading = readScope(args.scopeText, catalog);
      if ('problem' in reading) return ctx.reply(reading.problem);
      scope = reading.scope;
    }
    const saved = await subscribeChat(ctx.repos, {
      chatId: ctx.message.chatId,
      ...(args.weekday ? { weekday: args.weekday } : {}),
      ...(args.time ? { time: args.time } : {}),
      ...(scope ? { scope } : {}),
      by: ctx.actor.openId,
      eventId: ctx.message.eventId,
      now: ctx.now,
    });
    const next = dueText(nextSlot(saved, ctx.now, ctx.services.timeZone, ctx.services.calendar), ctx.services.timeZone);
    return ctx.reply(
      `已订阅督办周报：每${WEEKDAY_NAME[saved.weekday]} ${saved.time}，范围：${scopeLabel(catalog, saved.scope)}。\n下一次：${next}；逢法定节假日顺延到下一个工作日。\n发送 /周报 先看本周预览，/退订 停止。`,
    );
  },
  cardActions: {
    async subscription_save(action, ctx) {
      if (!holds(ctx.actor, 'supervisor')) return REFUSED;
      if (!action.chatId) return { toast: { type: 'error', content: '请在群里修改订阅。' } };
      const weekday = Number(action.formValue.weekday);
      const time = String(action.formValue.time ?? '');
      if (!(weekday >= 1 && weekday <= 7) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return { toast: { type: 'error', content: '请选择星期和时间后再保存。' } };
      await subscribeChat(ctx.repos, { chatId: action.chatId, weekday, time, by: ctx.actor.openId, eventId: action.eventId, now: ctx.now });
      const catalog = await ctx.services.catalog.current();
      return { toast: { type: 'success', content: `已保存：每${WEEKDAY_NAME[weekday]} ${time}` }, card: await settingsCard(action.chatId, ctx.repos, catalog, ctx) };
    },
    async subscription_stop(action, ctx) {
      if (!holds(ctx.actor, 'supervisor')) return REFUSED;
      if (!action.chatId) return { toast: { type: 'error', content: '请在群里退订。' } };
      const stopped = await unsubscribeChat(ctx.repos, { chatId: action.chatId, by: ctx.actor.openId, eventId: action.eventId, now: ctx.now });
      const catalog = await ctx.services.catalog.current();
      return { toast: { type: stopped ? 'success' : 'info', content: stopped ? '已退订，本群不再收到周报。' : '本群没有订阅周报。' }, card: await settingsCard(action.chatId, ctx.repos, catalog, ctx) };
    },
    async subscription_preview(action, ctx) {
      if (!action.chatId) return { toast: { type: 'error', content: '请在群里预览。' } };
      const catalog = await ctx.services.catalog.current();
      const subscription = await ctx.repos.subscriptions.get(action.chatId);
      const scope = subscription?.active ? subscription.scope : { planIds: [], unitIds: [] };
      const preview = await weeklyPreview({ catalog, repos: ctx.repos, scope, timeZone: ctx.services.timeZone, now: ctx.now });
      return { toast: { type: 'info', content: '已发送本周预览' }, outgoing: [{ kind: 'send', receiveIdType: 'chat_id', receiveId: action.chatId, ...preview }] };
    },
  },
});
