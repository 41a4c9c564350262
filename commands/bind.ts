/**
 * `/bind 市财政局` (`/绑定`): ask to become a unit's liaison. Reviewers
 * (administrators and supervisors) get a card with 通过 / 拒绝; the decision
 * is checked against the person pressing the button, not the card.
 */
import { z } from 'zod';
import { renderBindingDecidedCard, renderBindingRequestCard } from '../src/bot/cards/binding-card.js';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import type { Outgoing } from '../src/bot/outgoing.js';
import { BindingRefused, requestBinding, resolveUnit, reviewBinding, reviewersFor } from '../src/domain/people/liaison-binding.js';
import { readButton } from '../src/bot/card-values.js';
import { CARD_ACTIONS } from '../src/bot/card-actions.js';

export const bindCommand = defineCommand<string, CommandContext>({
  name: 'bind',
  alias: '绑定',
  summary: '申请成为某个单位的联络员（需管理员审批）',
  usage: ['/绑定 市财政局', '/绑定 中山市 市财政局（同名单位在多个地区时）'],
  args: z.string().trim().min(2, '请写单位名称').max(40, '单位名称太长了'),
  permission: 'anyone',
  async run(ctx, unitText) {
    try {
      const unit = resolveUnit(unitText, (await ctx.services.catalog.current()).directory);
      const grant = await requestBinding(ctx.repos, ctx.message.senderOpenId, unit);
      const reviewers = await reviewersFor(ctx.repos, ctx.message.senderOpenId, ctx.services.admins);
      const card = renderBindingRequestCard(ctx.message.senderOpenId, unit, grant.id);
      const toReviewers: Outgoing[] = reviewers.map((openId) => ({ kind: 'send', receiveIdType: 'open_id', receiveId: openId, msgType: 'interactive', card, fallbackText: `联络员申请：${unit.jurisdiction}${unit.name}。请在卡片上审批。` }));
      const reply =
        reviewers.length > 0
          ? `已提交申请：成为${unit.jurisdiction}${unit.name}的联络员，等待管理员审批。`
          : '已提交申请，但除你之外还没有管理员或督查人员可以审批（自己的申请不能自己审批）。请联系系统管理员（BOT_ADMINS）。';
      return [...ctx.reply(reply), ...toReviewers];
    } catch (error) {
      if (error instanceof BindingRefused) return ctx.reply(error.message);
      throw error;
    }
  },
  cardActions: {
    grant_review: async (action, ctx) => {
      const pressed = readButton(action, CARD_ACTIONS.grant_review.schema);
      if (!pressed) return { toast: { type: 'warning', content: '这个按钮已失效。' } };
      const { grantId } = pressed;
      try {
        const grant = await reviewBinding(ctx.repos, { grantId, approve: pressed.approve === true, reviewer: action.operatorOpenId, admins: ctx.services.admins });
        const unit = grant.unitId === null ? undefined : await ctx.repos.units.get(grant.unitId);
        const unitName = unit ? `${unit.jurisdiction}${unit.name}` : '该单位';
        const approved = grant.state === 'active';
        const notice = approved ? `你已成为${unitName}的联络员，可以用 /进度 报告任务进度了。` : `你成为${unitName}联络员的申请未通过。如有疑问，请联系管理员。`;
        return {
          toast: { type: 'success', content: approved ? '已通过' : '已拒绝' },
          card: renderBindingDecidedCard(grant.openId, unit, approved),
          outgoing: [{ kind: 'send', receiveIdType: 'open_id', receiveId: grant.openId, msgType: 'text', text: notice }],
        };
      } catch (error) {
        if (error instanceof BindingRefused) return { toast: { type: 'error', content: error.message } };
        throw error;
      }
    },
  },
});
