/**
 * The task card's buttons and forms: open a view (更新进度, 标记完成, 查看历史),
 * submit progress, ask for closure. The operator is checked on the server
 * for every press; the answer is always the card as the task stands now,
 * with a toast saying what happened or why not.
 */
import type { Actor } from '../domain/people/actor.js';
import { requestClosure } from '../domain/progress/closure.js';
import { reportProgress } from '../domain/progress/report-progress.js';
import { findTask, ProgressRefused, reportingUnit } from '../domain/progress/task-access.js';
import { answerTaskDetail } from '../domain/questions/answer-service.js';
import { dayIn } from '../lib/dates.js';
import type { Repositories } from '../repositories/index.js';
import { renderAnswer } from './cards/answer-cards.js';
import { renderTaskCard, TASK_CARD_VIEWS, type TaskCardView } from './cards/task-card.js';
import { closureRequested } from './closure-messages.js';
import type { CommandServices } from './command-context.js';
import type { CardAction } from './events.js';
import type { CardActionResult } from './inbound-processor.js';
import { TaskButton, readButton } from './card-values.js';

/** What a task card handler runs with. */
export interface TaskCardContext {
  repos: Repositories;
  now: Date;
  services: CommandServices;
  actor: Actor;
}

/** History rows the history view shows. */
const HISTORY_ROWS = 20;

/** The task's card as it stands now, in a view. */
export async function drawTaskCard(ctx: Pick<TaskCardContext, 'repos' | 'now' | 'services'>, taskId: number, view: TaskCardView = 'summary'): Promise<Record<string, unknown>> {
  const catalog = await ctx.services.catalog.current();
  const detail = await answerTaskDetail(taskId, catalog, ctx.repos, dayIn(ctx.services.timeZone, ctx.now), view === 'history' ? HISTORY_ROWS : 5);
  return detail.kind === 'task_detail' ? renderTaskCard(detail, view).card : renderAnswer(detail).card;
}

function taskIdOf(action: CardAction): number | undefined {
  return readButton(action, TaskButton)?.taskId;
}

const STALE = { toast: { type: 'warning' as const, content: '这个按钮已失效，请发送 /任务 #编号 打开最新的卡片。' } };

/** A refusal as a toast, with the card redrawn as the task stands now. */
async function refused(ctx: TaskCardContext, taskId: number, error: unknown, view: TaskCardView = 'summary'): Promise<CardActionResult> {
  if (!(error instanceof ProgressRefused)) throw error;
  return { toast: { type: 'error', content: error.message }, card: await drawTaskCard(ctx, taskId, view) };
}

/** The task card's handlers, by action name. */
export const taskCardActions = {
  /** Switches the card's view; a form opens only for someone who may submit it. */
  task_card: async (action: CardAction, ctx: TaskCardContext): Promise<CardActionResult> => {
    const taskId = taskIdOf(action);
    if (taskId === undefined) return STALE;
    const view = TASK_CARD_VIEWS.find((name) => name === action.value.view) ?? 'summary';
    if (view === 'progress_form' || view === 'close_form') {
      try {
        const task = await findTask(ctx.repos, taskId, ctx.actor);
        if (!reportingUnit(ctx.actor, task)) throw new ProgressRefused(`只有任务 #${taskId} 的责任单位联络员或管理员可以${view === 'progress_form' ? '更新进度' : '申请办结'}。发送 /绑定 单位名称 申请成为联络员。`);
        if (task.status === 'done' || task.status === 'pending_review') throw new ProgressRefused(task.status === 'done' ? `任务 #${taskId} 已经办结。` : `任务 #${taskId} 正在等待督查审核。`);
      } catch (error) {
        return refused(ctx, taskId, error);
      }
    }
    return { card: await drawTaskCard(ctx, taskId, view) };
  },

  /** The progress form: percent (or 受阻) and a note. */
  task_progress_submit: async (action: CardAction, ctx: TaskCardContext): Promise<CardActionResult> => {
    const taskId = taskIdOf(action);
    if (taskId === undefined) return STALE;
    const chosen = String(action.formValue.percent ?? '');
    const note = typeof action.formValue.note === 'string' ? action.formValue.note.trim() : '';
    const blocked = chosen === 'blocked';
    const percent = blocked ? null : Number(chosen);
    if (!blocked && !(Number.isInteger(percent) && percent! >= 0 && percent! <= 100)) {
      return { toast: { type: 'warning', content: '请选择 0% 到 100% 之间的进度。' }, card: await drawTaskCard(ctx, taskId, 'progress_form') };
    }
    if (note.length > 500) return { toast: { type: 'warning', content: '说明请写在 500 个字以内。' }, card: await drawTaskCard(ctx, taskId, 'progress_form') };
    try {
      const outcome = await reportProgress(ctx.repos, ctx.actor, { taskId, percent, blocked, note, eventId: action.eventId });
      const kept = outcome.keptInHistoryOnly ? '（已记入历史，任务进度以牵头单位为准）' : '';
      return { toast: { type: 'success', content: `已记录：${outcome.statusLabel} ${outcome.record.percent}%${kept}` }, card: await drawTaskCard(ctx, taskId) };
    } catch (error) {
      return refused(ctx, taskId, error, 'progress_form');
    }
  },

  /** The closure form: what was done and its evidence. */
  task_close_submit: async (action: CardAction, ctx: TaskCardContext): Promise<CardActionResult> => {
    const taskId = taskIdOf(action);
    if (taskId === undefined) return STALE;
    const note = typeof action.formValue.evidence === 'string' ? action.formValue.evidence.trim().slice(0, 1000) : '';
    try {
      const outcome = await requestClosure(ctx.repos, ctx.actor, { taskId, note, evidence: [], eventId: action.eventId });
      const { receipt, outgoing } = await closureRequested(ctx.repos, outcome);
      return { toast: { type: 'success', content: receipt }, card: await drawTaskCard(ctx, taskId), outgoing };
    } catch (error) {
      return refused(ctx, taskId, error, 'close_form');
    }
  },
};

