/**
 * Who is reminded of what today, one-to-one and never in a group:
 * - liaisons of the units in charge, N days before a deadline (7 and 1 by
 *   default), once per threshold;
 * - graded chasing of a task with no report: after 14 days its liaisons,
 *   after 21 days again with the plan's supervisors copied — once per
 *   silence (a new report starts the count again);
 * - overdue tasks: one daily digest per liaison listing all of theirs.
 * Each item carries the key that makes it once-only (claimed in
 * SentSummary when it is queued). Snoozed (person, task) pairs are left
 * out. Pure: from the catalog's tasks, the role holders and "today".
 */
import { daysBetween, utcDayOf } from '../../lib/dates.js';
import { currentDue } from '../questions/status-light.js';
import type { IndexedTask } from '../questions/task-index.js';
import { unitsInCharge } from '../units/units-in-charge.js';

/** Days before a deadline a liaison is reminded, by default. */
export const DEFAULT_REMINDER_DAYS = [7, 1] as const;
/** Days without a report before the first and the second chase. */
export const CHASE_DAYS = [14, 21] as const;

/** One task in a reminder, with the key that makes it once-only for its recipient. */
export interface ReminderItem {
  taskId: number;
  /** SentSummary period for (recipient, kind): unique per reason. */
  onceKey: string;
  /** Days until the deadline (deadline), of silence (chase), or past the deadline (overdue). */
  days: number;
  dueOn: string | null;
}

/** A message to one person. */
export interface Reminder {
  kind: 'deadline' | 'chase' | 'chase_copy' | 'overdue';
  openId: string;
  items: ReminderItem[];
  /** For chases: 2 when supervisors are copied. */
  level?: 1 | 2;
}

/** What the plan is made from. */
export interface ReminderInputs {
  /** Units of work (see tasksInScope), open or not. */
  tasks: readonly IndexedTask[];
  today: string;
  /** Active liaisons by unit. */
  liaisons: ReadonlyMap<number, readonly string[]>;
  /** Supervisors of a plan (plan-less supervisors included). */
  supervisorsOf: (planId: number) => readonly string[];
  /** "openId:taskId" pairs snoozed today. */
  snoozed: ReadonlySet<string>;
  reminderDays?: readonly number[];
}

/** Today's reminders, one message per person and kind. */
export function planReminders(inputs: ReminderInputs): Reminder[] {
  const thresholds = [...(inputs.reminderDays ?? DEFAULT_REMINDER_DAYS)].sort((a, b) => b - a);
  const messages = new Map<string, Reminder>();
  const add = (kind: Reminder['kind'], openId: string, item: ReminderItem, level?: 1 | 2) => {
    if (inputs.snoozed.has(`${openId}:${item.taskId}`)) return;
    const key = `${kind}|${openId}|${level ?? ''}`;
    const message = messages.get(key) ?? { kind, openId, items: [], ...(level ? { level } : {}) };
    if (!message.items.some((existing) => existing.taskId === item.taskId)) message.items.push(item);
    messages.set(key, message);
  };
  const { today } = inputs;
  for (const task of inputs.tasks) {
    if (task.status === 'done') continue;
    const liaisons = [...new Set(unitsInCharge(task).flatMap((unitId) => inputs.liaisons.get(unitId) ?? []))];
    const due = currentDue(task, today);
    const left = due === null ? null : daysBetween(today, due);
    if (left !== null && left < 0) {
      for (const openId of liaisons) add('overdue', openId, { taskId: task.id, onceKey: today, days: -left, dueOn: due });
      continue;
    }
    if (left !== null && task.status !== 'pending_review') {
      const threshold = thresholds.find((days, index) => left <= days && left > (thresholds[index + 1] ?? -1));
      if (threshold !== undefined) {
        for (const openId of liaisons) add('deadline', openId, { taskId: task.id, onceKey: `${task.id}@${due}/${threshold}`, days: left, dueOn: due });
        continue;
      }
    }
    if (task.status === 'pending_review') continue;
    const since = utcDayOf(task.lastReportAt ?? task.createdAt);
    const silent = daysBetween(since, today);
    const level = silent >= CHASE_DAYS[1] ? 2 : silent >= CHASE_DAYS[0] ? 1 : 0;
    if (level === 0) continue;
    const item = { taskId: task.id, onceKey: `${task.id}@${since}/${level}`, days: silent, dueOn: due };
    for (const openId of liaisons) add('chase', openId, item, level);
    if (level === 2) for (const openId of inputs.supervisorsOf(task.planId)) add('chase_copy', openId, item);
  }
  return [...messages.values()];
}
