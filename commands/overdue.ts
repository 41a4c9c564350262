/** `/overdue [单位]` (`/逾期`): overdue tasks, of every unit or of one. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { rememberAnswer } from '../src/bot/question-answering.js';
import { readUnitArgument, unknownUnitText } from '../src/bot/unit-argument.js';
import { answerTaskQuery } from '../src/domain/questions/answer-service.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { dayIn } from '../src/lib/dates.js';

export const overdueCommand = defineCommand<string, CommandContext>({
  name: 'overdue',
  alias: '逾期',
  summary: '列出已逾期的任务，可只看一个单位',
  usage: ['/逾期', '/逾期 市财政局', '/overdue 财政局'],
  args: z.string().trim().max(30, '单位名称太长了'),
  permission: 'anyone',
  async run(ctx, unitText) {
    const catalog = await ctx.services.catalog.current();
    const unit = readUnitArgument(unitText, catalog.directory);
    if ('unknown' in unit) return ctx.reply(`${unknownUnitText(unit)}请写单位全称或常用简称，例如“/逾期 市财政局”；不写单位则列出全部逾期任务。`);
    const query = taskQuery({ units: unit.mentions, status: 'overdue' });
    const result = await answerTaskQuery(query, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
    await rememberAnswer(ctx.repos, ctx.message.chatId, result);
    return ctx.replyWithAnswer(result);
  },
});
