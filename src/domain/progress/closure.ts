/**
 * Closing a task (办结): the unit that leads it asks, with evidence; where
 * the plan has supervisors (督查室) the task waits as 待审核 until one of
 * them approves (closed) or returns it with a reason (reopened at the
 * progress it had). Without supervisors, or when a supervisor or
 * administrator closes it, it closes at once. Each step moves the task's
 * state only from the state it was checked in, so a request, a decision
 * and a report racing each other never overwrite one another; each leaves
 * a history row and an audit entry, in the caller's transaction.
 */
import type { Repositories } from '../../repositories/index.js';
import type { TaskRecord } from '../../repositories/task-repository.js';
import { supervisesPlan, type Actor } from '../people/actor.js';
import { REPORTABLE } from './report-progress.js';
import { findTask, notYourTask, ProgressRefused, reportingUnit } from './task-access.js';

/** A request to close, as the lead unit gives it. */
export interface ClosureRequest {
  taskId: number;
  /** What was done (完成情况), links included. */
  note: string;
  /** Further evidence: links, or references to files or messages. */
  evidence: string[];
  eventId?: string;
  at?: Date;
}

/** A closure request as recorded: who asked, what they wrote, the evidence (links in the text included). */
export interface RecordedRequest {
  actor: string;
  note: string;
  evidence: string[];
}

/** What a request did. */
export interface ClosureOutcome {
  task: TaskRecord;
  request: RecordedRequest;
  /** 'closed' at once, or waiting for review by `reviewers`. */
  state: 'closed' | 'pending_review';
  /** open_ids of the plan's supervisors, when it waits for them. */
  reviewers: string[];
}

/** A reviewer's decision. */
export interface ClosureDecision {
  taskId: number;
  approve: boolean;
  /** Required to return a task. */
  reason: string;
  eventId?: string;
  at?: Date;
}

/** What a decision did, and whom to tell. */
export interface DecisionOutcome {
  task: TaskRecord;
  approved: boolean;
  /** The request decided, from its audit entry. */
  request: RecordedRequest | null;
  /** The percent the task returned to. */
  percent: number;
}

const URL = /https?:\/\/[^\s，。；、)）]+/g;

/** The links in a text, as evidence items. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(URL) ?? [])];
}

/** Supervisors of a plan (plan-less supervisors included), by open_id. */
async function supervisorsOf(repos: Repositories, planId: number): Promise<string[]> {
  return [...new Set((await repos.people.holders('supervisor', { planId })).map((grant) => grant.openId))];
}

/** Asks to close a task, or closes it when no review is needed; throws ProgressRefused saying why not. */
export async function requestClosure(repos: Repositories, actor: Actor, request: ClosureRequest): Promise<ClosureOutcome> {
  const task = await findTask(repos, request.taskId, actor);
  const unit = reportingUnit(actor, task);
  if (!unit) throw notYourTask(task, '申请办结');
  if (unit.role === 'cooperating' && !supervisesPlan(actor, task.planId)) {
    const leads = task.units.filter((link) => link.role !== 'cooperating').map((link) => link.unitName).join('、') || '牵头单位';
    throw new ProgressRefused(`任务 #${task.id} 由${leads}申请办结；你单位是配合单位，请用 /进度 报告你单位的进展。`);
  }
  if (task.status === 'done') throw new ProgressRefused(`任务 #${task.id} 已经办结了。`);
  if (task.status === 'pending_review') throw new ProgressRefused(`任务 #${task.id} 的办结申请正在等待督查审核，请耐心等待。`);
  const note = request.note.trim();
  if (note === '' && request.evidence.length === 0) {
    throw new ProgressRefused('申请办结请附上佐证：完成情况说明或链接，例如：/完成 #12 已在门户网站公开 https://www.example.gov.cn/zwgk');
  }
  // Four eyes: a supervisor who reports as the unit's own liaison asks another reviewer, like any liaison.
  // (With no other supervisor, an administrator reviews it.)
  const supervisors = await supervisorsOf(repos, task.planId);
  const reviewers = supervisors.filter((openId) => openId !== actor.openId);
  const asOwnLiaison = unit.unitId !== null && actor.liaisonUnitIds.includes(unit.unitId);
  const closeNow = supervisors.length === 0 || (supervisesPlan(actor, task.planId) && !asOwnLiaison);
  const at = request.at ?? new Date();
  const status = closeNow ? 'done' : 'pending_review';
  if (!(await repos.tasks.moveState(task.id, { status, percent: 100, lastReportAt: at }, REPORTABLE))) {
    throw new ProgressRefused(`任务 #${task.id} 的状态刚刚被其他人更新了，请发送 /任务 #${task.id} 查看最新情况后再试。`);
  }
  const evidence = [...new Set([...linksIn(note), ...request.evidence])];
  await repos.progress.append({ taskId: task.id, percent: 100, status, note, evidence, actor: actor.openId, unitId: unit.unitId, setsState: false, at });
  await repos.audit.record({
    actor: actor.openId,
    action: closeNow ? 'task.close' : 'task.close_request',
    entityType: 'task',
    entityId: task.id,
    before: { percent: task.percent, status: task.status },
    after: { percent: 100, status, note, evidence },
    eventId: request.eventId ?? null,
  });
  return {
    task: { ...task, status, percent: 100 },
    request: { actor: actor.openId, note, evidence },
    state: closeNow ? 'closed' : 'pending_review',
    reviewers: closeNow ? [] : reviewers,
  };
}

/** Approves or returns a closure waiting for review; the reviewer is checked here, on the server. */
export async function reviewClosure(repos: Repositories, actor: Actor, decision: ClosureDecision): Promise<DecisionOutcome> {
  const task = await findTask(repos, decision.taskId, actor);
  if (!supervisesPlan(actor, task.planId)) throw new ProgressRefused('只有这个方案的督查人员或管理员可以审核办结申请。');
  if (task.status !== 'pending_review') {
    throw new ProgressRefused(task.status === 'done' ? `任务 #${task.id} 已经办结，这个申请已处理过了。` : `任务 #${task.id} 现在没有等待审核的办结申请（可能已被退回）。`);
  }
  const reason = decision.reason.trim();
  if (!decision.approve && reason === '') throw new ProgressRefused('退回时请写明理由，让责任单位知道还差什么。');

  const trail = await repos.audit.forEntity('task', task.id);
  const asked = trail.filter((entry) => entry.action === 'task.close_request').at(-1);
  const after = (asked?.after as { note?: string; evidence?: string[] } | null) ?? null;
  const request = asked ? { actor: asked.actor, note: after?.note ?? '', evidence: after?.evidence ?? [] } : null;
  if (decision.approve && request?.actor === actor.openId) throw new ProgressRefused(`不能审核通过自己的办结申请：请另一位督查人员或管理员审核任务 #${task.id}。`);
  const previous = (asked?.before as { percent?: number; status?: string } | null) ?? null;
  const percent = decision.approve ? 100 : (previous?.percent ?? 0);
  const status = decision.approve ? 'done' : 'in_progress';
  const at = decision.at ?? new Date();
  if (!(await repos.tasks.moveState(task.id, { status, percent, lastReportAt: at }, ['pending_review']))) {
    throw new ProgressRefused(`任务 #${task.id} 的办结申请刚刚已被其他人处理。`);
  }
  const note = decision.approve ? `审核通过${reason ? `：${reason}` : ''}` : `退回：${reason}`;
  await repos.progress.append({ taskId: task.id, percent, status, note, actor: actor.openId, setsState: false, at });
  await repos.audit.record({
    actor: actor.openId,
    action: decision.approve ? 'task.close_approve' : 'task.close_return',
    entityType: 'task',
    entityId: task.id,
    before: { percent: task.percent, status: task.status },
    after: { percent, status, reason },
    eventId: decision.eventId ?? null,
  });
  return { task: { ...task, status, percent }, approved: decision.approve, request, percent };
}

