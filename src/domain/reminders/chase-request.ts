/**
 * 催办 on request ("催一下市财政局"): a supervisor or administrator has a
 * unit's liaisons sent the unit's overdue and stalled tasks. At most once a
 * day per unit, whoever asks (claimed in SentSummary), and every chase sent
 * is in the audit trail. The caller sends the cards in the same transaction
 * (the claim and the audit record are written through its repositories), so
 * a chase is recorded exactly when its cards are queued. Knows nothing of
 * Lark: it says who gets which tasks.
 */
import { daysBetween, utcDayOf } from '../../lib/dates.js';
import type { Repositories } from '../../repositories/index.js';
import { holds, type Actor } from '../people/actor.js';
import type { Catalog } from '../questions/question-catalog.js';
import { currentDue, isStalled } from '../questions/status-light.js';
import { unitsInCharge } from '../units/units-in-charge.js';

/** The SentSummary kind that makes a chase once a day per unit. */
export const CHASE_REQUEST_KIND = 'chase_request';

/** A task a chase lists, and why. */
export interface ChaseTask {
  taskId: number;
  reason: 'overdue' | 'stalled';
  /** Days past the deadline (overdue), or since the last report (stalled). */
  days: number;
  dueOn: string | null;
}

/** What happened for one unit. */
export interface UnitChase {
  unitId: number;
  tasks: ChaseTask[];
  /** open_ids of the unit's active liaisons. */
  liaisons: string[];
  /** 'sent': chased now; 'already_today': someone chased it today; 'no_liaison': nobody to chase; 'nothing_due': nothing overdue or stalled. */
  outcome: 'sent' | 'already_today' | 'no_liaison' | 'nothing_due';
}

/** The result of a chase request. */
export type ChaseResult = { refused: true } | { refused: false; units: UnitChase[] };

/**
 * A unit's tasks to chase on `today`: the unfinished tasks it is in charge
 * of (牵头, else 负责) that are overdue, or stalled (reported before, no
 * report for more than 30 days); a task waiting for review is not chased.
 * Only the plans `plans` says. Overdue first, most overdue first. Pure.
 */
export function tasksToChase(catalog: Catalog, unitId: number, today: string, plans: Actor['supervises'] = 'all'): ChaseTask[] {
  const found: ChaseTask[] = [];
  for (const plan of catalog.index.allPlans()) {
    if (plans !== 'all' && !plans.includes(plan.id)) continue;
    for (const task of catalog.index.tasksOfPlan(plan.id)) {
      if (!catalog.index.isLeaf(task.id) || task.status === 'done' || task.status === 'pending_review') continue;
      if (!unitsInCharge(task).includes(unitId)) continue;
      const due = currentDue(task, today);
      if (due !== null && due < today) found.push({ taskId: task.id, reason: 'overdue', days: daysBetween(due, today), dueOn: due });
      else if (isStalled(task, today)) found.push({ taskId: task.id, reason: 'stalled', days: daysBetween(utcDayOf(task.lastReportAt!), today), dueOn: due });
    }
  }
  const rank = (task: ChaseTask) => (task.reason === 'overdue' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || b.days - a.days);
}

/**
 * Chases each unit for `actor`: refused unless a supervisor or
 * administrator; a supervisor of some plans chases only their tasks. For
 * each unit with something to chase and a liaison, claims (unit, day) and
 * writes the audit record through `repos` — the caller's transaction, in
 * which it must also queue the cards.
 */
export async function requestChase(input: {
  actor: Actor;
  unitIds: readonly number[];
  catalog: Catalog;
  repos: Repositories;
  today: string;
  now: Date;
  /** The event that asked, for the audit record. */
  eventId?: string | null;
}): Promise<ChaseResult> {
  const { actor, catalog, repos, today, now } = input;
  if (!holds(actor, 'supervisor')) return { refused: true };
  const units: UnitChase[] = [];
  for (const unitId of [...new Set(input.unitIds)]) {
    const tasks = tasksToChase(catalog, unitId, today, actor.supervises);
    const liaisons = [...new Set((await repos.people.holders('liaison', { unitId })).map((grant) => grant.openId))];
    if (tasks.length === 0) {
      units.push({ unitId, tasks, liaisons, outcome: 'nothing_due' });
      continue;
    }
    if (liaisons.length === 0) {
      units.push({ unitId, tasks, liaisons, outcome: 'no_liaison' });
      continue;
    }
    if (!(await repos.sentSummaries.claim(`unit:${unitId}`, CHASE_REQUEST_KIND, today, now))) {
      units.push({ unitId, tasks, liaisons, outcome: 'already_today' });
      continue;
    }
    await repos.audit.record({
      actor: actor.openId,
      action: 'reminder.chase_request',
      entityType: 'unit',
      entityId: unitId,
      after: {
        day: today,
        liaisons,
        overdue: tasks.filter((task) => task.reason === 'overdue').map((task) => task.taskId),
        stalled: tasks.filter((task) => task.reason === 'stalled').map((task) => task.taskId),
      },
      eventId: input.eventId ?? null,
      at: now,
    });
    units.push({ unitId, tasks, liaisons, outcome: 'sent' });
  }
  return { refused: false, units };
}
