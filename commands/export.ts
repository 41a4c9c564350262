/**
 * `/export [单位或方案]` (`/导出`): the current 台账 as an .xlsx file — plan,
 * task, units and roles, deadline, status, progress, latest report, last
 * update — for everything, one unit, or one plan.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import type { Outgoing } from '../src/bot/outgoing.js';
import { readUnitArgument, unknownUnitText } from '../src/bot/unit-argument.js';
import { ledgerFile } from '../src/bot/ledger-file.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { dayIn } from '../src/lib/dates.js';

export const exportCommand = defineCommand<string, CommandContext>({
  name: 'export',
  alias: '导出',
  summary: '导出当前台账（Excel），可只导出一个单位或一个方案',
  usage: ['/导出', '/导出 市财政局', '/导出 临沂'],
  args: z.string().trim().max(40, '单位或方案名称太长了'),
  permission: 'anyone',
  async run(ctx, text) {
    const catalog = await ctx.services.catalog.current();
    const today = dayIn(ctx.services.timeZone, ctx.now);
    let query = taskQuery();
    let scope = '全部';
    if (text) {
      const plans = catalog.index.matchPlans(text);
      const unit = readUnitArgument(text, catalog.directory);
      if ('mentions' in unit && unit.mentions.length > 0) {
        query = taskQuery({ units: unit.mentions });
        scope = unit.mentions.map((mention) => mention.text).join('、');
      } else if (plans.length > 0) {
        query = taskQuery({ plan: text });
        scope = plans.length === 1 ? plans[0]!.title : text;
      } else {
        const problem = 'unknown' in unit ? unknownUnitText(unit) : '';
        return ctx.reply(`${problem || `没有找到“${text}”。`}也没有名称或地区包含“${text}”的方案。请写单位名称或方案关键词，例如“/导出 市财政局”“/导出 临沂”；不写则导出全部。`);
      }
    }
    const ledger = await ledgerFile({ select: { query }, scope, catalog, repos: ctx.repos, today, timeZone: ctx.services.timeZone });
    if (!ledger) return ctx.reply(`没有可导出的任务（范围：${scope}）。`);
    const file: Outgoing = { kind: 'reply', messageId: ctx.message.messageId, chatId: ctx.message.chatId, msgType: 'file', fileName: ledger.fileName, data: ledger.data };
    return [...ctx.reply(`已生成台账（${scope}）：${ledger.rows} 项任务，截至 ${today}。文件见下一条消息。`), file];
  },
});
