/** `/progress #123 60% 已完成初稿` (`/进度`): record progress, or `受阻` with the reason. */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { ProgressRefused, reportProgress, type ProgressOutcome } from '../src/domain/progress/report-progress.js';

const PATTERN = /^[#＃]?\s*(\d+)\s+(?:(\d{1,4})\s*[%％]?|(受阻|阻塞|blocked))(?:\s+([\s\S]*))?$/i;

/** The arguments of /progress, read from the text after the command. */
export const ProgressArgs = z
  .string()
  .trim()
  .regex(PATTERN, '请写任务编号和进度，例如 /进度 #12 60% 已完成初稿')
  .transform((text) => {
    const [, id, percent, blocked, note] = PATTERN.exec(text)!;
    return { taskId: Number(id), percent: percent === undefined ? null : Number(percent), blocked: blocked !== undefined, note: (note ?? '').trim() };
  })
  .refine((args) => args.percent === null || args.percent <= 100, '进度应在 0 到 100 之间')
  .refine((args) => args.note.length <= 500, '说明请写在 500 个字以内');

export const progressCommand = defineCommand<z.infer<typeof ProgressArgs>, CommandContext>({
  name: 'progress',
  alias: '进度',
  summary: '报告任务进度（联络员、管理员）',
  usage: ['/进度 #12 60% 已完成初稿', '/进度 #12 受阻 等待省里文件', '/progress 12 80 已报送市政府办公室'],
  args: ProgressArgs,
  permission: 'liaison',
  async run(ctx, args) {
    try {
      const outcome = await reportProgress(ctx.repos, ctx.actor, { ...args, eventId: ctx.message.eventId });
      return ctx.reply(progressReceipt(outcome));
    } catch (error) {
      if (error instanceof ProgressRefused) return ctx.reply(error.message);
      throw error;
    }
  },
});

const KEPT: Record<NonNullable<ProgressOutcome['keptInHistoryOnly']>, string> = {
  cooperating: '你单位是配合单位：这条进展已记入历史，任务进度以牵头单位的报告为准。',
  pending_review: '任务的办结申请正在等待督查审核：这条进展已记入历史，任务状态等审核结果。',
  closed: '任务刚刚已办结：这条进展已记入历史。',
  newer_report: '同一时间有更新的报告：这条进展已记入历史，任务进度以最新的报告为准。',
};

/** What the reporter is told: what was recorded, and whether it set the task's state. */
export function progressReceipt(outcome: ProgressOutcome): string {
  const { record } = outcome;
  return [
    `已记录任务 #${record.taskId}「${outcome.taskTitle}」：${outcome.statusLabel} ${record.percent}%${record.note ? `，${record.note}` : ''}。`,
    ...(outcome.keptInHistoryOnly ? [KEPT[outcome.keptInHistoryOnly]] : []),
    ...(record.percent === 100 && outcome.keptInHistoryOnly === null ? ['如已全部完成，请发送 /完成 #编号 并附上佐证，申请办结。'] : []),
  ].join('\n');
}
