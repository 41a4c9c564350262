/** `/due 30 [单位]` (`/到期`): unfinished tasks due within N days (14 by default), soonest first. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { rememberAnswer } from '../src/bot/question-answering.js';
import { readUnitArgument, unknownUnitText } from '../src/bot/unit-argument.js';
import { answerTaskQuery } from '../src/domain/questions/answer-service.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { DUE_SOON_DAYS } from '../src/domain/questions/status-light.js';
import { dayIn } from '../src/lib/dates.js';

/** Days looked ahead when none are given: the yellow light's window. */
export const DEFAULT_DAYS = DUE_SOON_DAYS;

const PATTERN = /^(?:(\d{1,4})\s*(?:天|日)?)?\s*([\s\S]*)$/;

/** The arguments of /due: days ahead and an optional unit. */
export const DueArgs = z
  .string()
  .trim()
  .transform((text) => {
    const [, days, unit] = PATTERN.exec(text)!;
    return { days: days === undefined ? DEFAULT_DAYS : Number(days), unit: (unit ?? '').trim() };
  })
  .refine((args) => args.days >= 1 && args.days <= 366, '天数应在 1 到 366 之间')
  .refine((args) => args.unit.length <= 30, '单位名称太长了');

export const dueCommand = defineCommand<z.infer<typeof DueArgs>, CommandContext>({
  name: 'due',
  alias: '到期',
  summary: `列出 N 天内到期的未完成任务（默认 ${DEFAULT_DAYS} 天），可只看一个单位`,
  usage: ['/到期 30', '/到期 7 市财政局', '/due 60'],
  args: DueArgs,
  permission: 'anyone',
  async run(ctx, args) {
    const catalog = await ctx.services.catalog.current();
    const unit = readUnitArgument(args.unit, catalog.directory);
    if ('unknown' in unit) return ctx.reply(`${unknownUnitText(unit)}请写单位全称或常用简称，例如“/到期 30 市财政局”。`);
    const query = taskQuery({ units: unit.mentions, status: 'due_within', withinDays: args.days, order: 'urgency' });
    const result = await answerTaskQuery(query, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now));
    await rememberAnswer(ctx.repos, ctx.message.chatId, result);
    return ctx.replyWithAnswer(result);
  },
});
