/**
 * The reminder cards' button "一周内不再提醒": the person who pressed stops
 * getting reminders and chases about those tasks for seven days — only for
 * tasks of units they are the liaison of, whatever the button's value says.
 */
import { loadActor } from '../domain/people/actor.js';
import { addDays, dayIn, monthDayText } from '../lib/dates.js';
import type { CardActionHandler } from './conversation.js';

/** Days a snooze lasts. */
export const SNOOZE_DAYS = 7;

/** The handlers, by action name. */
export function reminderCardActions(services: { admins: readonly string[]; timeZone: string }): Record<string, CardActionHandler> {
  return {
    async reminder_snooze(action, ctx) {
      const actor = await loadActor(ctx.repos, action.operatorOpenId, services.admins);
      const asked = Array.isArray(action.value.taskIds) ? action.value.taskIds.filter((id): id is number => Number.isInteger(id)).slice(0, 500) : [];
      const mine = new Set(actor.liaisonUnitIds);
      const tasks = await ctx.repos.tasks.getMany(asked);
      const own = tasks.filter((task) => task.units.some((link) => mine.has(link.unitId))).map((task) => task.id);
      if (own.length === 0) return { toast: { type: 'error', content: '这些任务不属于你联络的单位，无法暂停提醒。' } };
      const until = addDays(dayIn(services.timeZone, ctx.now), SNOOZE_DAYS);
      await ctx.repos.snoozes.snooze(actor.openId, own, until);
      await ctx.repos.audit.record({ actor: actor.openId, action: 'reminder.snooze', entityType: 'person', entityId: actor.openId, after: { taskIds: own, until }, eventId: action.eventId, at: ctx.now });
      return { toast: { type: 'success', content: `已暂停这 ${own.length} 项任务的提醒，${monthDayText(until)}起恢复。` } };
    },
  };
}
