/** `/plans` (`/方案`): the plans imported, ten to a page. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { answerPlans } from '../src/domain/questions/answer-service.js';

export const plansCommand = defineCommand<number, CommandContext>({
  name: 'plans',
  alias: '方案',
  summary: '列出已导入的分工方案',
  usage: ['/方案', '/plans 2（第 2 页）'],
  args: z
    .string()
    .trim()
    .regex(/^\d*$/, '只能写页码，例如 /方案 2')
    .transform((text) => (text === '' ? 1 : Number(text))),
  permission: 'anyone',
  async run(ctx, page) {
    return ctx.replyWithAnswer(answerPlans(await ctx.services.catalog.current(), page));
  },
});
