/**
 * `/review #123 通过` or `/review #123 退回 理由` (`/审核`): decide a closure
 * waiting for review — the same decision as the review card's buttons, for
 * clients that cannot show cards. The card's buttons are handled here too.
 */
import { z } from 'zod';
import { closureDecided } from '../src/bot/closure-messages.js';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import type { CardActionResult } from '../src/bot/inbound-processor.js';
import type { Outgoing } from '../src/bot/outgoing.js';
import { drawTaskCard } from '../src/bot/task-card-actions.js';
import type { Actor } from '../src/domain/people/actor.js';
import { reviewClosure } from '../src/domain/progress/closure.js';
import { ProgressRefused } from '../src/domain/progress/task-access.js';
import type { Repositories } from '../src/repositories/index.js';
import { readButton } from '../src/bot/card-values.js';
import { CARD_ACTIONS } from '../src/bot/card-actions.js';

const PATTERN = /^[#＃]?\s*(\d+)\s+(通过|同意|approve|退回|驳回|return)(?:\s+([\s\S]*))?$/i;

/** The arguments of /review. */
export const ReviewArgs = z
  .string()
  .trim()
  .regex(PATTERN, '请写任务编号和“通过”或“退回 理由”，例如 /审核 #12 通过')
  .transform((text) => {
    const [, id, verdict, reason] = PATTERN.exec(text)!;
    return { taskId: Number(id), approve: ['通过', '同意', 'approve'].includes(verdict!.toLowerCase()), reason: (reason ?? '').trim() };
  })
  .refine((args) => args.reason.length <= 500, '理由请写在 500 个字以内');

/** Decides a closure and says what follows: the decided card, the reviewer's receipt, the requester told. */
async function decide(repos: Repositories, actor: Actor, args: z.infer<typeof ReviewArgs>, eventId: string) {
  const outcome = await reviewClosure(repos, actor, { ...args, eventId });
  return closureDecided(repos, outcome, { reviewer: actor.openId, reason: args.reason });
}

export const reviewCommand = defineCommand<z.infer<typeof ReviewArgs>, CommandContext>({
  name: 'review',
  alias: '审核',
  summary: '审核办结申请：通过，或退回并写明理由（督查人员、管理员）',
  usage: ['/审核 #12 通过', '/审核 #12 退回 佐证不足，请补充公开网址'],
  args: ReviewArgs,
  permission: 'supervisor',
  async run(ctx, args) {
    try {
      const decided = await decide(ctx.repos, ctx.actor, args, ctx.message.eventId);
      return [...ctx.reply(decided.receipt), ...decided.outgoing];
    } catch (error) {
      if (error instanceof ProgressRefused) return ctx.reply(error.message);
      throw error;
    }
  },
  cardActions: {
    /** 通过 / 退回 on the review card; the reason comes from the card's form. */
    closure_review: async (action, ctx): Promise<CardActionResult> => {
      const pressed = readButton(action, CARD_ACTIONS.closure_review.schema);
      if (!pressed) return { toast: { type: 'warning', content: '这个按钮已失效。' } };
      const { taskId } = pressed;
      const reason = typeof action.formValue.reason === 'string' ? action.formValue.reason.trim().slice(0, 500) : '';
      try {
        const decided = await decide(ctx.repos, ctx.actor, { taskId, approve: pressed.approve === true, reason }, action.eventId);
        const outgoing: Outgoing[] = decided.outgoing;
        return { toast: { type: 'success', content: decided.receipt }, card: decided.card, outgoing };
      } catch (error) {
        // Decided elsewhere, or not this person's to decide: say why and show the task as it stands.
        if (error instanceof ProgressRefused) return { toast: { type: 'error', content: error.message }, card: await drawTaskCard(ctx, taskId) };
        throw error;
      }
    },
  },
});
