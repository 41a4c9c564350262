/**
 * Subscribing a group chat to the weekly card: set or change when and what
 * it follows, or stop it — each change with its audit record, and the next
 * time the card will go out (holidays taken into account).
 */
import type { Repositories } from '../../repositories/index.js';
import type { SubscriptionRecord } from '../../repositories/subscription-repository.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addDays, dayIn } from '../../lib/dates.js';
import { slotOf, weekOf, type DueSlot } from './weekly-schedule.js';
import type { SummaryScope } from './weekly-summary.js';

/** Monday 09:00, everything: what a chat gets when it says nothing else. */
export const DEFAULT_SCHEDULE = { weekday: 1, time: '09:00' } as const;

/** A change to a chat's subscription; absent fields keep the current value. */
export interface SubscriptionChange {
  chatId: string;
  weekday?: number;
  time?: string;
  scope?: SummaryScope;
  by: string;
  eventId: string | null;
  now: Date;
}

/** Sets or changes a chat's subscription (re-activating a stopped one). */
export async function subscribeChat(repos: Repositories, change: SubscriptionChange): Promise<SubscriptionRecord> {
  const before = await repos.subscriptions.get(change.chatId);
  const kept = before?.active ? before : undefined;
  const after = await repos.subscriptions.upsert({
    chatId: change.chatId,
    weekday: change.weekday ?? kept?.weekday ?? DEFAULT_SCHEDULE.weekday,
    time: change.time ?? kept?.time ?? DEFAULT_SCHEDULE.time,
    scope: change.scope ?? kept?.scope ?? { planIds: [], unitIds: [] },
    createdBy: change.by,
    activeFrom: change.now,
  });
  await repos.audit.record({
    actor: change.by,
    action: 'subscription.set',
    entityType: 'chat',
    entityId: change.chatId,
    before: before ?? null,
    after,
    eventId: change.eventId,
    at: change.now,
  });
  return after;
}

/** Stops a chat's subscription; false when it had none. */
export async function unsubscribeChat(repos: Repositories, input: { chatId: string; by: string; eventId: string | null; now: Date }): Promise<boolean> {
  const before = await repos.subscriptions.get(input.chatId);
  if (!(await repos.subscriptions.deactivate(input.chatId))) return false;
  await repos.audit.record({ actor: input.by, action: 'subscription.stop', entityType: 'chat', entityId: input.chatId, before, after: null, eventId: input.eventId, at: input.now });
  return true;
}

/** When the next card goes out under a schedule, after `now`. */
export function nextSlot(schedule: Pick<SubscriptionRecord, 'weekday' | 'time'>, now: Date, timeZone: string, calendar: WorkingCalendar): DueSlot {
  const monday = weekOf(dayIn(timeZone, now), timeZone).start;
  for (let week = 0; ; week++) {
    const slot = slotOf(addDays(monday, 7 * week), schedule, timeZone, calendar);
    if (slot.at.getTime() > now.getTime()) return slot;
  }
}
