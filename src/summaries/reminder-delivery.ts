/**
 * Queues today's reminders and chases (see domain/reminders) on working
 * days from 09:00, and each supervisor's detailed weekly card on the
 * week's first working day. Every item is claimed in SentSummary for its
 * recipient in the transaction that queues the message and its audit
 * record, so nobody is reminded of the same thing twice — across passes,
 * instances and restarts. Nothing fires on a public holiday; in a year
 * without a holiday schedule the messages say 暂按周末计算.
 */
import { createHash } from 'node:crypto';
import { renderReminder, type ReminderLine } from '../bot/cards/reminder-cards.js';
import { renderWeeklyCard } from '../bot/cards/weekly-card.js';
import { enqueueOutgoing } from '../bot/outgoing.js';
import { labelOf } from '../domain/questions/answer-service.js';
import type { Catalog } from '../domain/questions/question-catalog.js';
import { planReminders, type Reminder } from '../domain/reminders/reminder-plan.js';
import { unitsInCharge } from '../domain/units/units-in-charge.js';
import { weekOf } from '../domain/summaries/weekly-schedule.js';
import { tasksInScope, weeklySummary } from '../domain/summaries/weekly-summary.js';
import { dayIn } from '../lib/dates.js';
import { timeIn } from '../lib/zoned-time.js';
import { queueCardOnce } from './queue-once.js';
import type { SummaryServices } from './weekly-delivery.js';

/** Local time from which the day's reminders go out. */
export const REMINDER_TIME = '09:00';

/** The SentSummary kind of a supervisor's detailed weekly card. */
export const SUPERVISOR_WEEKLY_KIND = 'weekly_detail';

/** What a reminder pass did. */
export interface ReminderResult {
  /** Messages queued. */
  queued: number;
  /** Tasks they listed, over all messages. */
  items: number;
  failed: number;
}

/** True when reminders may go out at `now`: a working day, from 09:00. */
export function remindersOpen(services: Pick<SummaryServices, 'calendar' | 'timeZone'>, now: Date): boolean {
  return services.calendar.isWorkingDay(dayIn(services.timeZone, now)) && timeIn(services.timeZone, now) >= REMINDER_TIME;
}

/** How a reminder lists a task. */
function lineOf(catalog: Catalog, item: Reminder['items'][number]): ReminderLine {
  const task = catalog.index.get(item.taskId)!;
  const parent = task.parentId === null ? undefined : catalog.index.get(task.parentId);
  return {
    taskId: task.id,
    label: labelOf(task, parent),
    title: task.title,
    units: unitsInCharge(task).map((id) => catalog.directory.unit(id)?.name ?? `#${id}`),
    days: item.days,
    dueOn: item.dueOn,
    demo: catalog.index.plan(task.planId)?.demo === true,
  };
}

/** Queues today's reminders that have not gone out yet. */
export async function deliverReminders(services: SummaryServices, now: Date, reminderDays?: readonly number[]): Promise<ReminderResult> {
  const result: ReminderResult = { queued: 0, items: 0, failed: 0 };
  if (!remindersOpen(services, now)) return result;
  const { db, timeZone, logger } = services;
  const today = dayIn(timeZone, now);
  const catalog = await services.catalog.current();
  const liaisons = new Map<number, string[]>();
  for (const grant of await db.repos.people.holders('liaison')) {
    if (grant.unitId !== null) liaisons.set(grant.unitId, [...(liaisons.get(grant.unitId) ?? []), grant.openId]);
  }
  const supervisorGrants = await db.repos.people.holders('supervisor');
  const supervisorsOf = (planId: number) => [...new Set(supervisorGrants.filter((grant) => grant.planId === null || grant.planId === planId).map((grant) => grant.openId))];
  const planned = planReminders({
    tasks: tasksInScope(catalog, { planIds: [], unitIds: [] }),
    today,
    liaisons,
    supervisorsOf,
    snoozed: await db.repos.snoozes.inForce(today),
    ...(reminderDays ? { reminderDays } : {}),
  });
  // Leave out what was sent before, without a transaction per person.
  const byKind = new Map<string, Set<string>>();
  for (const kind of new Set(planned.map((reminder) => reminder.kind))) {
    const keys = [...new Set(planned.filter((reminder) => reminder.kind === kind).flatMap((reminder) => reminder.items.map((item) => item.onceKey)))];
    byKind.set(kind, await db.repos.sentSummaries.claimed(`reminder:${kind}`, keys));
  }
  for (const reminder of planned) {
    const sent = byKind.get(reminder.kind)!;
    const fresh = reminder.items.filter((item) => !sent.has(`${reminder.openId} ${item.onceKey}`));
    if (fresh.length === 0) continue;
    const kind = `reminder:${reminder.kind}`;
    try {
      const listed = await db.transaction(async (repos) => {
        const claimed = new Set<string>();
        for (const key of new Set(fresh.map((item) => item.onceKey))) if (await repos.sentSummaries.claim(reminder.openId, kind, key, now)) claimed.add(key);
        const items = fresh.filter((item) => claimed.has(item.onceKey));
        if (items.length === 0) return 0;
        const rendered = renderReminder({
          kind: reminder.kind,
          ...(reminder.level ? { level: reminder.level } : {}),
          lines: items.map((item) => lineOf(catalog, item)),
          weekendsOnly: services.calendar.weekendsOnly(today),
        });
        const cause = `${kind}:${reminder.openId}:${createHash('sha256').update([...claimed].sort().join(',')).digest('hex').slice(0, 16)}`;
        await enqueueOutgoing(repos, cause, [{ kind: 'send', receiveIdType: 'open_id', receiveId: reminder.openId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }]);
        await repos.audit.record({
          actor: 'system',
          action: 'reminder.sent',
          entityType: 'person',
          entityId: reminder.openId,
          after: { kind: reminder.kind, level: reminder.level ?? null, day: today, taskIds: items.map((item) => item.taskId) },
          at: now,
        });
        return items.length;
      });
      if (listed > 0) {
        result.queued++;
        result.items += listed;
      }
    } catch (error) {
      result.failed++;
      logger.error({ err: error, kind: reminder.kind }, 'queuing a reminder failed; it is tried again next pass');
    }
  }
  return result;
}

/** Queues each supervisor's detailed weekly card (their plans, longer lists, units named), once per week. */
export async function deliverSupervisorCards(services: SummaryServices, now: Date): Promise<number> {
  if (!remindersOpen(services, now)) return 0;
  const { db, timeZone, logger } = services;
  const today = dayIn(timeZone, now);
  const week = weekOf(today, timeZone);
  const plans = new Map<string, Set<number> | 'all'>();
  for (const grant of await db.repos.people.holders('supervisor')) {
    const current = plans.get(grant.openId) ?? new Set<number>();
    plans.set(grant.openId, grant.planId === null || current === 'all' ? 'all' : current.add(grant.planId));
  }
  const sent = await db.repos.sentSummaries.claimed(SUPERVISOR_WEEKLY_KIND, [week.period]);
  const todo = [...plans].filter(([openId]) => !sent.has(`${openId} ${week.period}`));
  if (todo.length === 0) return 0;
  const catalog = await services.catalog.current();
  let queued = 0;
  for (const [openId, planned] of todo) {
    const scope = { planIds: planned === 'all' ? [] : [...planned].sort((a, b) => a - b), unitIds: [] };
    try {
      const summary = await weeklySummary({ catalog, repos: db.repos, scope, week, today, now, timeZone: services.timeZone, listLimit: 20 });
      const rendered = renderWeeklyCard(summary, { scope, detail: true, weekendsOnly: services.calendar.weekendsOnly(today) });
      const done = await queueCardOnce(
        db,
        {
          recipient: openId,
          receiveIdType: 'open_id',
          kind: SUPERVISOR_WEEKLY_KIND,
          period: week.period,
          rendered,
          audit: { action: 'summary.supervisor', entityType: 'person', after: { period: week.period, overdue: summary.totals.overdue } },
        },
        now,
      );
      if (done) queued++;
    } catch (error) {
      logger.error({ err: error }, 'queuing a supervisor’s weekly card failed; it is tried again next pass');
    }
  }
  return queued;
}
