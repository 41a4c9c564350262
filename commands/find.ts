/** `/find 扶贫` (`/查找`): tasks whose title or requirement mention the words. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { rememberAnswer } from '../src/bot/question-answering.js';
import { answerTaskQuery } from '../src/domain/questions/answer-service.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { normalizeQuestion } from '../src/domain/questions/question-normalizing.js';
import { dayIn } from '../src/lib/dates.js';

export const findTasksCommand = defineCommand<string, CommandContext>({
  name: 'find',
  alias: '查找',
  summary: '按关键词查找任务（搜索任务名称和具体要求）',
  usage: ['/查找 扶贫', '/find PPP 项目'],
  args: z.string().trim().min(1, '请写要查找的关键词').max(50, '关键词太长了，请写 50 个字以内'),
  permission: 'anyone',
  async run(ctx, words) {
    const catalog = await ctx.services.catalog.current();
    const topic = normalizeQuestion(words);
    const result = await answerTaskQuery(taskQuery({ topic }), catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
    await rememberAnswer(ctx.repos, ctx.message.chatId, result);
    return ctx.replyWithAnswer(result);
  },
});
