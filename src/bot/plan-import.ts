/**
 * Importing a plan sent in chat: an administrator sends the document to the
 * bot one-to-one, the bot asks on a card, and 导入 queues an import job (one
 * per file, however often it is pressed); the import worker downloads and
 * imports it and replies with the report. Others are told who may import.
 */
import { loadActor } from '../domain/people/actor.js';
import { isImportable } from '../imports/import-files.js';
import type { CardAction, IncomingMessage } from '../lark/inbound-events.js';
import { button, buttonRow, card, escapeMarkdown, markdown } from './cards/card-parts.js';
import type { CardActionHandler } from './conversation.js';
import type { BotContext } from './inbound-processor.js';
import { textReply, type Outgoing } from './outgoing.js';

/** What plan import needs. */
export interface PlanImportOptions {
  admins: readonly string[];
  /** Wakes the import worker after a job was queued. */
  onRequested?: () => void;
}

/** Supported formats, as users are told. */
export const IMPORT_FORMATS = '.docx、.xlsx、.csv、.txt';

function askCard(file: { key: string; name: string }, messageId: string): Record<string, unknown> {
  return card('导入分工方案', 'blue', [
    markdown(`收到文件 **${escapeMarkdown(file.name)}**。要把它作为分工方案导入吗？\n同一方案再次导入会更新任务，已有的进度记录保留。`),
    ...buttonRow([button('导入', { action: 'import_file', messageId, fileKey: file.key, fileName: file.name }, 'primary'), button('不导入', { action: 'import_cancel' })]),
  ]);
}

/** Builds the file handler and the import card's buttons. */
export function createPlanImport(options: PlanImportOptions): {
  onFile: (message: IncomingMessage, ctx: BotContext) => Promise<Outgoing[]>;
  cardActions: Record<string, CardActionHandler>;
} {
  async function onFile(message: IncomingMessage, ctx: BotContext): Promise<Outgoing[]> {
    const file = message.file!;
    const reply = (text: string) => [textReply(message.messageId, message.chatId, text)];
    if (!(await loadActor(ctx.repos, message.senderOpenId, options.admins)).isAdmin) {
      return reply('收到文件。只有管理员可以导入分工方案；如需导入，请把文件发给管理员。');
    }
    if (!isImportable(file.name)) return reply(`“${file.name}”不是可导入的格式。分工方案请用 ${IMPORT_FORMATS} 格式（.doc/.xls 请先另存为 .docx/.xlsx）。`);
    return [{ kind: 'reply', messageId: message.messageId, chatId: message.chatId, msgType: 'interactive', card: askCard(file, message.messageId), fallbackText: `收到文件 ${file.name}。请在飞书客户端的卡片上确认是否导入。` }];
  }

  const cardActions: Record<string, CardActionHandler> = {
    import_file: async (action: CardAction, ctx) => {
      if (!(await loadActor(ctx.repos, action.operatorOpenId, options.admins)).isAdmin) return { toast: { type: 'error', content: '只有管理员可以导入分工方案。' } };
      const { messageId, fileKey, fileName } = action.value;
      if (typeof messageId !== 'string' || typeof fileKey !== 'string' || typeof fileName !== 'string' || !action.chatId || !isImportable(fileName)) {
        return { toast: { type: 'warning', content: '这个按钮已失效，请重新发送文件。' } };
      }
      const { job, created } = await ctx.repos.importJobs.request({ messageId, fileKey, fileName, chatId: action.chatId, requestedBy: action.operatorOpenId });
      if (created) {
        await ctx.repos.audit.record({ actor: action.operatorOpenId, action: 'import_job.request', entityType: 'import_job', entityId: job.id, after: { fileName } });
        options.onRequested?.();
      }
      const state = created || job.state === 'pending' || job.state === 'running' ? '正在导入，完成后会把导入报告发到这里。' : '这个文件已经导入过了，报告见上文。';
      return { toast: { type: 'info', content: state }, card: card('导入分工方案', 'wathet', [markdown(`**${escapeMarkdown(fileName)}**：${state}`)]) };
    },
    import_cancel: async () => ({ toast: { type: 'info', content: '好的，不导入。' }, card: card('导入分工方案', 'grey', [markdown('已取消，没有导入。')]) }),
  };

  return { onFile, cardActions };
}
