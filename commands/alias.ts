/** `/alias 市发改局 = 市发展改革局` (`/别名`, administrators): another name for a unit, so questions and imports using it find the unit. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { BindingRefused, resolveUnit } from '../src/domain/people/liaison-binding.js';
import { normalizeQuestion } from '../src/domain/questions/question-normalizing.js';
import { addUnitAlias, AliasRefused } from '../src/domain/units/add-alias.js';

const PATTERN = /^(.+?)\s*[=＝]\s*(.+)$/;

/** The arguments of /alias: the new name, and the unit (optionally with its city). */
export const AliasArgs = z
  .string()
  .trim()
  .regex(PATTERN, '请写“别名 = 单位全称”，例如 /别名 市发改局 = 市发展改革局')
  .transform((text) => {
    const [, left, unit] = PATTERN.exec(text)!;
    const [, city, alias] = /^(?:([\u4e00-\u9fa5]{2,6}(?:市|区|县))\s+)?(.+)$/.exec(normalizeQuestion(left!))!;
    return { city: city ?? null, alias: alias!.replace(/\s+/g, ''), unit: unit!.trim() };
  })
  .refine((args) => args.alias.length >= 2 && args.alias.length <= 20, '别名应为 2 到 20 个字');

export const aliasCommand = defineCommand<z.infer<typeof AliasArgs>, CommandContext>({
  name: 'alias',
  alias: '别名',
  summary: '为单位添加别名（简称、旧称），提问和导入时都能认出（管理员）',
  usage: ['/别名 市发改局 = 市发展改革局', '/别名 中山市 市发改委 = 中山市 市发展改革局'],
  args: AliasArgs,
  permission: 'admin',
  async run(ctx, args) {
    try {
      const directory = (await ctx.services.catalog.current()).directory;
      const unit = resolveUnit(args.unit, directory);
      if (args.city && args.city !== unit.jurisdiction) return ctx.reply(`别名和单位应在同一地区：“${args.city}”与${unit.jurisdiction}${unit.name}不同。`);
      await addUnitAlias(ctx.repos, { alias: args.alias, unit, directory, by: ctx.actor.openId });
      return ctx.reply(`已添加：在${unit.jurisdiction}，“${args.alias}”也指${unit.name}。`);
    } catch (error) {
      if (error instanceof AliasRefused || error instanceof BindingRefused) return ctx.reply(error.message);
      throw error;
    }
  },
});
