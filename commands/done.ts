/**
 * `/done #123 已在门户网站公开 https://…` (`/完成`): ask to close a task with
 * evidence — the text, its links, and the message it replies to (a file
 * sent just before). Supervisors get a review card; without supervisors the
 * task closes at once.
 */
import { z } from 'zod';
import { closureRequested } from '../src/bot/closure-messages.js';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { requestClosure } from '../src/domain/progress/closure.js';
import { ProgressRefused } from '../src/domain/progress/task-access.js';

const PATTERN = /^[#＃]?\s*(\d+)(?:\s+([\s\S]*))?$/;

/** The arguments of /done. */
export const DoneArgs = z
  .string()
  .trim()
  .regex(PATTERN, '请写任务编号和完成情况，例如 /完成 #12 已在门户网站公开 https://…')
  .transform((text) => {
    const [, id, note] = PATTERN.exec(text)!;
    return { taskId: Number(id), note: (note ?? '').trim() };
  })
  .refine((args) => args.note.length <= 1000, '完成情况请写在 1000 个字以内');

export const doneCommand = defineCommand<z.infer<typeof DoneArgs>, CommandContext>({
  name: 'done',
  alias: '完成',
  summary: '申请办结任务，附完成情况和佐证（牵头单位联络员、管理员）',
  usage: ['/完成 #12 已在门户网站公开 https://www.example.gov.cn/zwgk', '（先发送佐证文件，再回复该文件：/完成 #12 见附件）'],
  args: DoneArgs,
  permission: 'liaison',
  async run(ctx, args) {
    try {
      const evidence = ctx.message.parentId ? [`消息 ${ctx.message.parentId}`] : [];
      const outcome = await requestClosure(ctx.repos, ctx.actor, { taskId: args.taskId, note: args.note, evidence, eventId: ctx.message.eventId });
      const { receipt, outgoing } = await closureRequested(ctx.repos, outcome);
      return [...ctx.reply(receipt), ...outgoing];
    } catch (error) {
      if (error instanceof ProgressRefused) return ctx.reply(error.message);
      throw error;
    }
  },
});
