/**
 * `/correct #12 牵头 市财政局 配合 市税务局` (`/修改`, administrators): corrects
 * what an import read wrong — a task's units and their parts, its deadline
 * (期限), its title (标题) or its leaders (分管领导) — with an audit record.
 * A re-import of the plan keeps the correction unless the document itself
 * changes that field.
 */
import { z } from 'zod';
import { defineCommand } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/command-context.js';
import { correctTask, CorrectionRefused, type CorrectionOutcome, type TaskCorrection } from '../src/domain/corrections/correct-task.js';
import type { UnitRole } from '../src/domain/vocabulary.js';

/** The words that name a unit's part, and the part. */
const ROLE_WORDS: Record<string, UnitRole> = { 牵头: 'lead', 主办: 'lead', 负责: 'responsible', 责任: 'responsible', 配合: 'cooperating', 协办: 'cooperating', 协同: 'cooperating', 参与: 'cooperating' };
const ROLE = Object.keys(ROLE_WORDS).join('|');
const FIELD = `${ROLE}|期限|时限|完成时限|标题|任务|分管领导|领导|责任领导`;
const PATTERN = new RegExp(`^[#＃]?\\s*(\\d+)\\s*(${FIELD})(?:单位)?[：:]?\\s*([\\s\\S]*)$`);
const ROLE_SPLIT = new RegExp(`(?:^|\\s+|[；;，,])(${ROLE})(?:单位)?[：:]?\\s*`, 'g');

/** Reads "牵头 市财政局 配合 市税务局、市审计局" into unit groups by part. */
function unitGroups(text: string): { role: UnitRole; names: string }[] | undefined {
  const marks = [...text.matchAll(ROLE_SPLIT)];
  if (marks.length === 0 || text.slice(0, marks[0]!.index).trim() !== '') return undefined;
  return marks.map((mark, index) => ({
    role: ROLE_WORDS[mark[1]!]!,
    // Spaces between names separate them as 、 does.
    names: text.slice(mark.index! + mark[0].length, marks[index + 1]?.index ?? text.length).trim().replace(/\s+/g, '、'),
  }));
}

/** The arguments of /correct, read from the text after the command. */
export const CorrectArgs = z
  .string()
  .trim()
  .max(500, '内容请写在 500 个字以内')
  .regex(PATTERN, '请写任务编号、要改的内容和新的值，例如 /修改 #12 牵头 市财政局 配合 市税务局')
  .transform((text, context): { taskId: number; correction: TaskCorrection } => {
    const [, id, field, rest] = PATTERN.exec(text)!;
    const taskId = Number(id);
    const value = rest!.trim();
    if (field! in ROLE_WORDS) {
      const units = unitGroups(`${field} ${value}`);
      if (!units || units.some((group) => group.names === '')) {
        context.addIssue({ code: 'custom', message: '每个“牵头/负责/配合”后面都要写单位名称' });
        return z.NEVER;
      }
      return { taskId, correction: { field: 'units', units } };
    }
    if (value === '') {
      context.addIssue({ code: 'custom', message: `请在“${field}”后面写新的内容` });
      return z.NEVER;
    }
    if (/期限|时限/.test(field!)) return { taskId, correction: { field: 'deadline', text: value } };
    if (/标题|任务/.test(field!)) return { taskId, correction: { field: 'title', text: value } };
    return { taskId, correction: { field: 'leaders', text: value } };
  });

/** What the administrator is told: what changed, from what to what. */
export function correctionReceipt(outcome: CorrectionOutcome): string {
  return [
    `已修改任务 #${outcome.taskId}「${outcome.taskTitle}」的${outcome.fieldLabel}：`,
    `  原为：${outcome.before}`,
    `  现为：${outcome.after}`,
    ...(outcome.createdUnits.length > 0 ? [`新登记的单位：${outcome.createdUnits.join('、')}（本地区原来没有这些单位；如是已有单位的简称，请用 /别名 把它们指向同一单位）`] : []),
    ...(outcome.deadlineKeptRaw ? ['这个时限没有具体日期可以推算，已按原文保存，不参与逾期判断。'] : []),
    '重新导入同一方案时，只要原文的这一项没有改动，这次修改会保留。',
  ].join('\n');
}

export const correctCommand = defineCommand<z.infer<typeof CorrectArgs>, CommandContext>({
  name: 'correct',
  alias: '修改',
  summary: '修改导入的任务：单位分工、期限、标题、分管领导（管理员）',
  usage: [
    '/修改 #12 牵头 市财政局 配合 市税务局',
    '/修改 #12 期限 2027年6月底前',
    '/修改 #12 标题 推进政务公开标准化规范化',
    '/修改 #12 分管领导 杜某某、王某（没有时写“无”）',
  ],
  args: CorrectArgs,
  permission: 'admin',
  async run(ctx, args) {
    try {
      const outcome = await correctTask(ctx.repos, ctx.actor, { ...args, eventId: ctx.message.eventId });
      return ctx.reply(correctionReceipt(outcome));
    } catch (error) {
      if (error instanceof CorrectionRefused) return ctx.reply(error.message);
      throw error;
    }
  },
});
