/** `/whoami` (`/我是谁`): the caller's roles and the units they are liaison of. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';

const ROLE_NAME = { admin: '管理员', supervisor: '督查人员', liaison: '联络员' } as const;

export const whoamiCommand = defineCommand<string, CommandContext>({
  name: 'whoami',
  alias: '我是谁',
  summary: '查看自己的角色和所联络的单位',
  usage: ['/我是谁'],
  args: z.string().trim().max(0, '这个命令不需要参数'),
  permission: 'anyone',
  async run(ctx) {
    const openId = ctx.message.senderOpenId;
    const lines: string[] = [];
    if (ctx.services.admins.includes(openId)) lines.push('管理员（系统配置）');
    for (const state of ['active', 'pending'] as const) {
      for (const grant of await ctx.repos.people.grantsOf(openId, state)) {
        const unit = grant.unitId === null ? undefined : await ctx.repos.units.get(grant.unitId);
        lines.push(`${ROLE_NAME[grant.role]}${unit ? `：${unit.jurisdiction}${unit.name}` : ''}${state === 'pending' ? '（待审批）' : ''}`);
      }
    }
    return ctx.reply(lines.length > 0 ? `你的角色：\n${lines.join('\n')}` : '你目前没有任何角色，可以提问和查看任务。如需报进度，请发送 /绑定 单位名称 申请成为联络员。');
  },
});
