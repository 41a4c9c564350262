/** `/mine` (`/我的`): the tasks of the caller's unit(s), most urgent first. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { rememberAnswer } from '../src/bot/question-answering.js';
import { answerTaskQuery } from '../src/domain/questions/answer-service.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { dayIn } from '../src/lib/dates.js';

export const mineCommand = defineCommand<string, CommandContext>({
  name: 'mine',
  alias: '我的',
  summary: '我所联络单位的任务，最紧迫的在前',
  usage: ['/我的', '/mine'],
  args: z.string().trim().max(0, '这个命令不需要参数'),
  permission: 'anyone',
  async run(ctx) {
    const catalog = await ctx.services.catalog.current();
    const units = ctx.actor.liaisonUnitIds.map((id) => catalog.directory.unit(id)).filter((unit) => unit !== undefined);
    if (units.length === 0) {
      return ctx.reply('你还不是任何单位的联络员，所以没有“我的任务”。发送 /绑定 单位名称 申请成为联络员；也可以直接问“市财政局负责什么”。');
    }
    const query = taskQuery({ units: units.map((unit) => ({ text: unit.name, unitIds: [unit.id], fuzzy: false })), order: 'urgency' });
    const result = await answerTaskQuery(query, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
    await rememberAnswer(ctx.repos, ctx.message.chatId, result);
    return ctx.replyWithAnswer(result);
  },
});
