/**
 * Importing a plan sent in chat: an administrator sends the document to the
 * bot one-to-one; a preview job reads it (the import worker downloads it)
 * and answers with the import card — what an import would store and change,
 * with title, region and year to correct and the plan it updates to choose.
 * 导入 turns the job into an import with those choices (once, however often
 * it is pressed); 不导入 cancels it. Others are told who may import.
 */
import { loadActor } from '../domain/people/actor.js';
import { isImportable } from '../imports/import-files.js';
import type { CardAction, IncomingMessage } from './events.js';
import type { Repositories } from '../repositories/index.js';
import { renderImportCancelledCard, renderImportingCard } from './cards/import-state-cards.js';
import { NEW_PLAN } from './cards/import-preview-card.js';
import type { CardActionHandler } from './conversation.js';
import type { BotContext, CardActionResult } from './inbound-processor.js';
import { textReply, type Outgoing } from './outgoing.js';
import { readButton } from './card-values.js';
import { CARD_ACTIONS } from './card-actions.js';


/** What plan import needs. */
export interface PlanImportOptions {
  admins: readonly string[];
  /** Wakes the import worker after a job was queued (called once the job is committed). */
  onRequested?: () => void;
}

/** Supported formats, as users are told. */
export const IMPORT_FORMATS = '.docx、.doc、.wps、.xlsx、.xls、.et、.pdf、.csv、.txt';

/** The choices on the import card, checked: each bad value is answered in Chinese. */
export function readImportChoices(form: Record<string, unknown>): { choices: Record<string, unknown> } | { problem: string } {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).replace(/\s+/g, ' ').trim() : undefined);
  const choices: Record<string, unknown> = {};
  const title = text('title');
  if (title !== undefined) {
    if (title.length < 4 || title.length > 100) return { problem: '方案名称应为 4 到 100 个字。' };
    choices.title = title;
  }
  const region = text('region');
  if (region !== undefined) {
    if (!/^[\u4e00-\u9fa5]{2,20}$/.test(region)) return { problem: '地区请写 2 到 20 个汉字，例如“中山市”“新会区”。' };
    choices.jurisdiction = region;
  }
  const year = text('year');
  if (year !== undefined) {
    if (year === '') choices.year = null;
    else if (!/^\d{4}$/.test(year) || Number(year) < 1990 || Number(year) > 2100) return { problem: '年份请写四位数字，例如 2027；不确定可以留空。' };
    else choices.year = Number(year);
  }
  const target = text('target');
  if (target !== undefined) {
    const plan = /^plan:(\d+)$/.exec(target);
    if (target === NEW_PLAN) choices.target = 'new';
    else if (plan) choices.target = Number(plan[1]);
    else return { problem: '请在“导入为”里选择作为新方案导入，或要更新的方案。' };
  }
  return { choices };
}

const STALE: CardActionResult = { toast: { type: 'warning', content: '这个按钮已失效，请重新发送文件。' } };
const ADMINS_ONLY: CardActionResult = { toast: { type: 'error', content: '只有管理员可以导入分工方案。' } };

/** Where a job that has moved on stands, for a second press. */
async function alreadyDecided(repos: Repositories, jobId: number): Promise<CardActionResult> {
  const job = await repos.importJobs.get(jobId);
  if (!job) return STALE;
  if (job.state === 'cancelled') return { toast: { type: 'info', content: '这个文件已取消导入；如需导入，请重新发送文件。' }, card: renderImportCancelledCard() };
  if (job.state === 'pending' || job.state === 'running') return { toast: { type: 'info', content: job.stage === 'import' ? '正在导入，完成后会把导入报告发到这里。' : '正在读取文件，请稍候。' } };
  if (job.state === 'done') return { toast: { type: 'info', content: '这个文件已经导入过了，报告见上文。' } };
  return { toast: { type: 'warning', content: '这个文件没有导入成功，原因见上文；请修改后重新发送文件。' } };
}

/** Builds the file handler and the import card's buttons. */
export function createPlanImport(options: PlanImportOptions): {
  onFile: (message: IncomingMessage, ctx: BotContext) => Promise<Outgoing[]>;
  cardActions: Record<string, CardActionHandler>;
} {
  /** Wakes the worker once the job is committed, so its first look finds it. */
  const requested = (ctx: BotContext) => (ctx.afterCommit ?? ((work) => work()))(() => options.onRequested?.());

  async function onFile(message: IncomingMessage, ctx: BotContext): Promise<Outgoing[]> {
    const file = message.file!;
    const reply = (text: string) => [textReply(message.messageId, message.chatId, text)];
    if (!(await loadActor(ctx.repos, message.senderOpenId, options.admins)).isAdmin) {
      return reply('收到文件。只有管理员可以导入分工方案；如需导入，请把文件发给管理员。');
    }
    if (!isImportable(file.name)) return reply(`“${file.name}”不是可导入的格式。分工方案请用 ${IMPORT_FORMATS} 格式；其他格式请在 Office/WPS 中另存为 .docx 或 .xlsx 再发。`);
    const { job, created } = await ctx.repos.importJobs.request({ messageId: message.messageId, fileKey: file.key, fileName: file.name, chatId: message.chatId, requestedBy: message.senderOpenId, stage: 'preview' });
    if (created) {
      await ctx.repos.audit.record({ actor: message.senderOpenId, action: 'import_job.preview_request', entityType: 'import_job', entityId: job.id, after: { fileName: file.name }, eventId: message.eventId });
      requested(ctx);
    }
    return reply(`收到 ${file.name}，正在读取。读完会发来导入预览：方案名称、地区、年份、任务和单位，确认后才会导入。`);
  }

  const cardActions: Record<string, CardActionHandler> = {
    /** 导入 on the import card: the job becomes an import with the card's choices; pressing again imports nothing more. */
    import_confirm: async (action: CardAction, ctx) => {
      if (!(await loadActor(ctx.repos, action.operatorOpenId, options.admins)).isAdmin) return ADMINS_ONLY;
      const jobId = readButton(action, CARD_ACTIONS.import_confirm.schema)?.jobId;
      if (jobId === undefined) return STALE;
      const read = readImportChoices(action.formValue);
      if ('problem' in read) return { toast: { type: 'warning', content: read.problem } };
      if (typeof read.choices.target === 'number' && !(await ctx.repos.plans.get(read.choices.target))) return { toast: { type: 'warning', content: '要更新的方案已不存在，请选择“作为新方案导入”。' } };
      if (!(await ctx.repos.importJobs.confirm(jobId, JSON.stringify(read.choices)))) return alreadyDecided(ctx.repos, jobId);
      const job = (await ctx.repos.importJobs.get(jobId))!;
      await ctx.repos.audit.record({ actor: action.operatorOpenId, action: 'import_job.request', entityType: 'import_job', entityId: jobId, after: { fileName: job.fileName, choices: read.choices }, eventId: action.eventId });
      requested(ctx);
      const named = typeof read.choices.title === 'string' ? { title: read.choices.title } : { fileName: job.fileName };
      return { toast: { type: 'info', content: '正在导入，完成后会把导入报告发到这里。' }, card: renderImportingCard(named) };
    },
    /** 不导入 on the import card. */
    import_cancel: async (action: CardAction, ctx) => {
      const jobId = readButton(action, CARD_ACTIONS.import_cancel.schema)?.jobId;
      // A card from before previews had no job: nothing to cancel.
      if (action.value.jobId === undefined) return { toast: { type: 'info', content: '好的，不导入。' }, card: renderImportCancelledCard() };
      if (!(await loadActor(ctx.repos, action.operatorOpenId, options.admins)).isAdmin) return ADMINS_ONLY;
      if (jobId === undefined) return STALE;
      if (!(await ctx.repos.importJobs.cancel(jobId))) return alreadyDecided(ctx.repos, jobId);
      await ctx.repos.audit.record({ actor: action.operatorOpenId, action: 'import_job.cancel', entityType: 'import_job', entityId: jobId, eventId: action.eventId });
      return { toast: { type: 'info', content: '好的，不导入。' }, card: renderImportCancelledCard() };
    },
    /** 导入 on a card sent before previews existed: imports the file as it stands. */
    import_file: async (action: CardAction, ctx) => {
      if (!(await loadActor(ctx.repos, action.operatorOpenId, options.admins)).isAdmin) return ADMINS_ONLY;
      const { messageId, fileKey, fileName } = action.value;
      if (typeof messageId !== 'string' || typeof fileKey !== 'string' || typeof fileName !== 'string' || !action.chatId || !isImportable(fileName)) return STALE;
      const { job, created } = await ctx.repos.importJobs.request({ messageId, fileKey, fileName, chatId: action.chatId, requestedBy: action.operatorOpenId });
      if (created) {
        await ctx.repos.audit.record({ actor: action.operatorOpenId, action: 'import_job.request', entityType: 'import_job', entityId: job.id, after: { fileName } });
        requested(ctx);
      }
      return created ? { toast: { type: 'info', content: '正在导入，完成后会把导入报告发到这里。' } } : alreadyDecided(ctx.repos, job.id);
    },
  };

  return { onFile, cardActions };
}
