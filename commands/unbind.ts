/**
 * `/unbind [单位]` (`/解绑`): stop being a unit's liaison. An administrator
 * may end someone else's: `/解绑 @张三 市财政局`.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { BindingRefused, resolveUnit, revokeBinding, type BoundUnit } from '../src/domain/people/liaison-binding.js';

export const unbindCommand = defineCommand<string, CommandContext>({
  name: 'unbind',
  alias: '解绑',
  summary: '不再担任某个单位的联络员（管理员可解除他人的）',
  usage: ['/解绑', '/解绑 市财政局', '/解绑 @张三 市财政局（管理员）'],
  args: z.string().trim().max(60, '参数太长了'),
  permission: 'anyone',
  async run(ctx, text) {
    const mention = ctx.message.mentions[0];
    const target = mention?.openId ?? ctx.actor.openId;
    const unitText = mention ? text.replace(`@${mention.name}`, '').trim() : text;
    try {
      let unit: BoundUnit;
      if (unitText) {
        unit = resolveUnit(unitText, (await ctx.services.catalog.current()).directory);
      } else {
        const own = (await ctx.repos.people.grantsOf(target, 'active')).filter((grant) => grant.role === 'liaison' && grant.unitId !== null);
        const units = (await Promise.all(own.map((grant) => ctx.repos.units.get(grant.unitId!)))).filter((found) => found !== undefined);
        const who = target === ctx.actor.openId ? '你' : '对方';
        if (units.length === 0) return ctx.reply(`${who}目前不是任何单位的联络员。`);
        if (units.length > 1) return ctx.reply(`${who}是 ${units.length} 个单位的联络员（${units.map((found) => found.jurisdiction + found.name).join('、')}），请写明要解除哪一个，例如“/解绑 ${units[0]!.name}”。`);
        unit = units[0]!;
      }
      await revokeBinding(ctx.repos, { openId: target, unit, by: ctx.actor.openId, byAdmin: ctx.actor.isAdmin });
      const whose = target === ctx.actor.openId ? '你已不再是' : `已解除 ${mention!.name} 作为`;
      return ctx.reply(`${whose}${unit.jurisdiction}${unit.name}的联络员${target === ctx.actor.openId ? '' : '的身份'}。`);
    } catch (error) {
      if (error instanceof BindingRefused) return ctx.reply(error.message);
      throw error;
    }
  },
});
