/**
 * "一周内不再提醒": which person asked not to be reminded about which task,
 * until when.
 */
import type { Db } from './client.js';

/** Records and reads snoozed reminders. */
export class ReminderSnoozeRepository {
  constructor(private readonly db: Db) {}

  /** Snoozes `taskIds` for `openId` until `until` ('YYYY-MM-DD', reminders resume that day). */
  async snooze(openId: string, taskIds: readonly number[], until: string): Promise<void> {
    for (const taskId of taskIds) {
      await this.db.reminderSnooze.upsert({ where: { openId_taskId: { openId, taskId } }, create: { openId, taskId, until }, update: { until } });
    }
  }

  /** Snoozes in force on `today`, as "openId:taskId" keys. */
  async inForce(today: string): Promise<Set<string>> {
    const rows = await this.db.reminderSnooze.findMany({ where: { until: { gt: today } }, select: { openId: true, taskId: true } });
    return new Set(rows.map((row) => `${row.openId}:${row.taskId}`));
  }
}
