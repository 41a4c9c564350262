/**
 * What a closure request and a review decision say, and to whom: the
 * requester's receipt, a review card to each supervisor, the requester told
 * of the decision. Shared by /done, /review and the task card's forms.
 */
import type { Outgoing } from './outgoing.js';
import { renderClosureDecidedCard, renderClosureReviewCard, type ClosureForReview } from './cards/closure-cards.js';
import type { ClosureOutcome, DecisionOutcome, RecordedRequest } from '../domain/progress/closure.js';
import { UNIT_ROLE_LABEL } from '../domain/vocabulary.js';
import type { Repositories } from '../repositories/index.js';
import type { TaskRecord } from '../repositories/task-repository.js';

/** The facts a review card shows. */
export async function closureForReview(repos: Repositories, task: TaskRecord, request: RecordedRequest): Promise<ClosureForReview> {
  const plan = await repos.plans.get(task.planId);
  const byRole = new Map<string, string[]>();
  for (const link of task.units) byRole.set(UNIT_ROLE_LABEL[link.role], [...(byRole.get(UNIT_ROLE_LABEL[link.role]) ?? []), link.unitName]);
  const unitsText = [...byRole].map(([role, names]) => `${role}：${names.join('、')}`).join('；') || '单位：未写明';
  return { taskId: task.id, title: task.title, planTitle: plan?.title ?? '', demo: plan?.demo === true, unitsText, requester: request.actor, note: request.note, evidence: request.evidence };
}

/** The requester's receipt, and a review card to each supervisor when the closure waits for them. */
export async function closureRequested(repos: Repositories, outcome: ClosureOutcome): Promise<{ receipt: string; outgoing: Outgoing[] }> {
  const { task } = outcome;
  if (outcome.state === 'closed') return { receipt: `任务 #${task.id}「${task.title}」已办结。`, outgoing: [] };
  const review = renderClosureReviewCard(await closureForReview(repos, task, outcome.request));
  const outgoing: Outgoing[] = outcome.reviewers.map((openId) => ({ kind: 'send', receiveIdType: 'open_id', receiveId: openId, msgType: 'interactive', card: review.card, fallbackText: review.text }));
  const waitsFor = outcome.reviewers.length > 0 ? `等待督查审核（${outcome.reviewers.length} 位督查人员）` : '等待管理员审核（自己的申请不能自己审核，也没有其他督查人员）';
  return { receipt: `已提交任务 #${task.id}「${task.title}」的办结申请，${waitsFor}。审核结果会发给你。`, outgoing };
}

/** The reviewer's card once decided, and the requester told. */
export async function closureDecided(
  repos: Repositories,
  outcome: DecisionOutcome,
  decision: { reviewer: string; reason: string },
): Promise<{ card: Record<string, unknown>; receipt: string; outgoing: Outgoing[] }> {
  const { task } = outcome;
  const facts = await closureForReview(repos, task, outcome.request ?? { actor: '', note: '', evidence: [] });
  const card = renderClosureDecidedCard(facts, { approved: outcome.approved, reviewer: decision.reviewer, reason: decision.reason });
  const notice = outcome.approved
    ? `你申请办结的任务 #${task.id}「${task.title}」已通过审核，任务已办结。`
    : `你申请办结的任务 #${task.id}「${task.title}」被退回，理由：${decision.reason}。任务已重新打开（进度 ${outcome.percent}%），整改后可再次发送 /完成 #${task.id} 申请办结。`;
  const requester = outcome.request?.actor;
  const outgoing: Outgoing[] = requester && requester !== decision.reviewer ? [{ kind: 'send', receiveIdType: 'open_id', receiveId: requester, msgType: 'text', text: notice }] : [];
  const receipt = outcome.approved ? `已通过任务 #${task.id} 的办结申请，任务已办结。` : `已退回任务 #${task.id} 的办结申请，理由已告知申请人。`;
  return { card, receipt, outgoing };
}
