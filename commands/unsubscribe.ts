/** `/unsubscribe` (`/退订`): the group stops receiving the weekly card. Supervisors and admins. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { unsubscribeChat } from '../src/domain/summaries/subscription-service.js';

export const unsubscribeCommand = defineCommand<string, CommandContext>({
  name: 'unsubscribe',
  alias: '退订',
  summary: '本群停止接收督办周报',
  usage: ['/退订', '/unsubscribe'],
  args: z.string().trim().max(0, '这个命令不需要参数'),
  permission: 'supervisor',
  async run(ctx) {
    const stopped = await unsubscribeChat(ctx.repos, { chatId: ctx.message.chatId, by: ctx.actor.openId, eventId: ctx.message.eventId, now: ctx.now });
    return ctx.reply(stopped ? '已退订：本群不再收到督办周报。需要时发送 /订阅 重新订阅。' : '本群没有订阅督办周报，无需退订。发送 /订阅 可以订阅。');
  },
});
