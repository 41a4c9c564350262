/**
 * Sends each subscribed chat its weekly card, exactly once per period: for
 * every chat whose card is due, queueCardOnce claims (chat, 'weekly',
 * period) in the transaction that queues the card and its audit record.
 * The outbox then delivers it within Lark's rate limits, retried and never
 * duplicated.
 */
import { renderWeeklyCard } from '../bot/cards/weekly-card.js';
import type { Database } from '../db/database.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import { dueSlot, LATE_AFTER_MS, type DueSlot } from '../domain/summaries/weekly-schedule.js';
import { weeklySummary, type SummaryScope, type WeeklySummary } from '../domain/summaries/weekly-summary.js';
import { dayIn, isoWeekday, monthDayText, WEEKDAY_NAME } from '../lib/dates.js';
import type { Logger } from '../lib/logger.js';
import { timeIn } from '../lib/zoned-time.js';
import { queueCardOnce } from './queue-once.js';

/** The SentSummary kind of the weekly group card. */
export const WEEKLY_KIND = 'weekly';

/** What delivery needs. */
export interface SummaryServices {
  db: Database;
  catalog: QuestionCatalog;
  calendar: WorkingCalendar;
  timeZone: string;
  logger: Logger;
}

/** What one pass did. */
export interface DeliveryResult {
  /** Cards queued in this pass. */
  queued: number;
  /** Of those, sent after their time (the service was down then). */
  late: number;
  /** Chats whose card could not be queued (logged; tried again next pass). */
  failed: number;
}

/** "11月23日（周一）09:00": when a late card was due. */
export function dueText(slot: DueSlot, timeZone: string): string {
  return `${monthDayText(slot.day)}（${WEEKDAY_NAME[isoWeekday(slot.day)]}）${timeIn(timeZone, slot.at)}`;
}

/** A scope as a map key. */
const scopeKey = (scope: SummaryScope) => `${[...scope.planIds].sort().join(',')}|${[...scope.unitIds].sort().join(',')}`;

/** Cards queued between wake-ups of the sender, so sending starts while the rest are queued. */
const WAKE_EVERY = 25;

/** Queues every weekly card due at `now` that has not been sent; `onQueued` is called as cards are queued. */
export async function deliverDueSummaries(services: SummaryServices, now: Date, onQueued?: () => void): Promise<DeliveryResult> {
  const { db, calendar, timeZone, logger } = services;
  const result: DeliveryResult = { queued: 0, late: 0, failed: 0 };
  const due = (await db.repos.subscriptions.listActive())
    .map((subscription) => ({ subscription, slot: dueSlot(subscription, now, timeZone, calendar) }))
    .filter((entry): entry is { subscription: typeof entry.subscription; slot: DueSlot } => entry.slot !== null);
  if (due.length === 0) return result;
  const claimed = await db.repos.sentSummaries.claimed(WEEKLY_KIND, [...new Set(due.map((entry) => entry.slot.week.period))]);
  const todo = due.filter((entry) => !claimed.has(`${entry.subscription.chatId} ${entry.slot.week.period}`));
  if (todo.length === 0) return result;

  const catalog = await services.catalog.current();
  const today = dayIn(timeZone, now);
  // Chats following the same plans share one summary.
  const summaries = new Map<string, Promise<WeeklySummary>>();
  for (const { subscription, slot } of todo) {
    const key = `${slot.week.period}|${scopeKey(subscription.scope)}`;
    try {
      if (!summaries.has(key)) summaries.set(key, weeklySummary({ catalog, repos: db.repos, scope: subscription.scope, week: slot.week, today, now, timeZone }));
      const summary = await summaries.get(key)!;
      const late = now.getTime() - slot.at.getTime() > LATE_AFTER_MS;
      const rendered = renderWeeklyCard(summary, { scope: subscription.scope, weekendsOnly: calendar.weekendsOnly(slot.day), ...(late ? { lateSince: dueText(slot, timeZone) } : {}) });
      const queued = await queueCardOnce(
        db,
        {
          recipient: subscription.chatId,
          receiveIdType: 'chat_id',
          kind: WEEKLY_KIND,
          period: slot.week.period,
          rendered,
          audit: {
            action: 'summary.weekly',
            entityType: 'chat',
            after: { period: slot.week.period, dueAt: slot.at.toISOString(), late, tasks: summary.totals.tasks, overdue: summary.totals.overdue },
          },
        },
        now,
      );
      if (queued) {
        result.queued++;
        if (late) result.late++;
        if (result.queued % WAKE_EVERY === 0) onQueued?.();
      }
    } catch (error) {
      result.failed++;
      logger.error({ err: error, chatId: subscription.chatId, period: slot.week.period }, 'queuing a weekly card failed; it is tried again next pass');
    }
  }
  return result;
}
