/** `/import` (`/导入`, administrators): how to import a plan — send the document to the bot. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { IMPORT_FORMATS } from '../src/bot/plan-import.js';

export const importCommand = defineCommand<string, CommandContext>({
  name: 'import',
  alias: '导入',
  summary: '导入分工方案：把文件私聊发给我（管理员）',
  usage: ['/导入', `然后把 ${IMPORT_FORMATS} 格式的方案文件私聊发给我，核对导入预览后点“导入”`],
  args: z.string().trim().max(200, '参数太长了'),
  permission: 'admin',
  async run(ctx) {
    return ctx.reply(
      `请把分工方案文件（${IMPORT_FORMATS}）私聊发给我。我会先读出方案名称、地区、年份、任务和单位，发来导入预览（这时还没有导入）；核对无误、需要时改好名称、地区和年份，点“导入”，导入报告会发回给你。\n同一方案（同一文件名或同一文号）再次导入会更新任务：已有的进度记录保留，原文去掉的任务存档不删除，导入后用 /修改 改过的内容只要原文没变就保留。PDF 须带文字（扫描件只有图片，读不出任务）。`,
    );
  },
});
