/**
 * `/units [地区或关键词]` (`/单位`): the units the plans name, with how many
 * tasks each leads and takes part in — tasks as every count means them
 * (work items, with their parent's units where they name none). Without
 * words: the jurisdictions.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { normalizeQuestion } from '../src/domain/questions/question-normalizing.js';
import type { Catalog } from '../src/domain/questions/question-catalog.js';
import { taskQuery } from '../src/domain/questions/question.js';
import { dayIn } from '../src/lib/dates.js';

/** Units listed in one reply; more are counted, not shown. */
const LIST_LIMIT = 80;

export const unitsCommand = defineCommand<string, CommandContext>({
  name: 'units',
  alias: '单位',
  summary: '列出方案中的单位及其任务数，可按地区或关键词筛选',
  usage: ['/单位', '/单位 中山市', '/单位 财政'],
  args: z.string().trim().max(30, '关键词太长了'),
  permission: 'anyone',
  async run(ctx, text) {
    const catalog = await ctx.services.catalog.current();
    const units = catalog.directory.all();
    if (units.length === 0) return ctx.reply('还没有导入任何分工方案，所以还没有单位。');
    const counts = unitTaskCounts(catalog, dayIn(ctx.services.timeZone, ctx.now));
    const words = normalizeQuestion(text);
    if (!words) {
      const byCity = new Map<string, number>();
      for (const unit of units) byCity.set(unit.jurisdiction, (byCity.get(unit.jurisdiction) ?? 0) + 1);
      const lines = [...byCity].map(([city, count]) => `${city}：${count} 个单位`);
      return ctx.reply(`方案中共有 ${units.length} 个单位：\n${lines.join('\n')}\n发送“/单位 地区名”查看某地的单位，或“/单位 关键词”查找单位。`);
    }
    const inCity = units.filter((unit) => unit.jurisdiction === words || unit.jurisdiction.startsWith(words));
    const matching = inCity.length > 0 ? inCity : units.filter((unit) => unit.name.includes(words) || unit.aliases.some((alias) => alias.includes(words)));
    if (matching.length === 0) {
      const suggestions = catalog.directory.suggest(words);
      return ctx.reply(`没有名称或地区包含“${words}”的单位。${suggestions.length > 0 ? `你是不是要找：${suggestions.join('、')}？` : '发送 /单位 查看全部地区。'}`);
    }
    const lines = matching.slice(0, LIST_LIMIT).map((unit) => {
      const count = counts.get(unit.id) ?? { lead: 0, total: 0 };
      const city = inCity.length > 0 ? '' : `${unit.jurisdiction} `;
      return `${city}${unit.name}：${count.total} 项任务（牵头 ${count.lead} 项）`;
    });
    const more = matching.length > LIST_LIMIT ? `\n……还有 ${matching.length - LIST_LIMIT} 个，请用关键词缩小范围。` : '';
    return ctx.reply(`找到 ${matching.length} 个单位：\n${lines.join('\n')}${more}\n查看某单位的任务：直接问“市财政局负责什么”。`);
  },
});

/** Per unit, the tasks it takes part in and those it leads, counted by the question index as answers count them. */
function unitTaskCounts(catalog: Catalog, today: string): Map<number, { lead: number; total: number }> {
  const all = catalog.index.aggregate(taskQuery(), today).byUnit;
  const led = catalog.index.aggregate(taskQuery({ role: 'lead' }), today).byUnit;
  return new Map([...all].map(([unitId, tally]) => [unitId, { total: tally.tasks, lead: led.get(unitId)?.tasks ?? 0 }]));
}
