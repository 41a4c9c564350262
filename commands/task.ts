/** `/task #123` (`/任务`): the interactive task card; its buttons and forms are handled here too. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { taskCardActions } from '../src/bot/task-card-actions.js';
import { answerTaskDetail } from '../src/domain/questions/answer-service.js';
import { dayIn } from '../src/lib/dates.js';

export const taskCommand = defineCommand<number, CommandContext>({
  name: 'task',
  alias: '任务',
  summary: '查看一项任务的详情和进展记录',
  usage: ['/任务 #123', '/task 123'],
  args: z
    .string()
    .trim()
    .regex(/^[#＃]?\s*\d+$/, '请写任务编号，例如 #123（任务卡片底部有编号）')
    .transform((text) => Number(text.replace(/\D/g, ''))),
  permission: 'anyone',
  async run(ctx, taskId) {
    const catalog = await ctx.services.catalog.current();
    return ctx.replyWithAnswer(await answerTaskDetail(taskId, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now)));
  },
  cardActions: taskCardActions,
});
