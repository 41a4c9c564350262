/**
 * Tells each administrator, one-to-one, that a year's holiday schedule is
 * missing (this year, or next year during December), on a working day from
 * 09:00 — once per administrator and year: the send is claimed in
 * SentSummary with the card queued in the outbox and its audit record, like
 * every periodic message.
 */
import { renderHolidayNotice } from '../bot/cards/holiday-notice-card.js';
import { yearToAnnounce } from '../domain/calendar/holiday-coverage.js';
import { dayIn } from '../lib/dates.js';
import { queueCardOnce } from './queue-once.js';
import { remindersOpen } from './reminder-delivery.js';
import type { SummaryServices } from './weekly-delivery.js';

/** The SentSummary kind of the notice; its period is the missing year. */
export const HOLIDAY_NOTICE_KIND = 'holiday_notice';

/** Queues the notice for administrators who have not had it for the missing year; how many were queued. */
export async function deliverHolidayNotice(services: SummaryServices & { admins: readonly string[] }, now: Date): Promise<number> {
  if (!remindersOpen(services, now)) return 0;
  const { db, calendar, logger } = services;
  const year = yearToAnnounce(calendar, dayIn(services.timeZone, now));
  if (year === null) return 0;
  const period = String(year);
  const admins = new Set([...services.admins, ...(await db.repos.people.holders('admin')).map((grant) => grant.openId)]);
  const sent = await db.repos.sentSummaries.claimed(HOLIDAY_NOTICE_KIND, [period]);
  const coveredThrough = calendar.coveredThrough();
  const rendered = renderHolidayNotice({ year, coveredThrough });
  let queued = 0;
  for (const openId of [...admins].filter((candidate) => !sent.has(`${candidate} ${period}`))) {
    try {
      const done = await queueCardOnce(
        db,
        { recipient: openId, receiveIdType: 'open_id', kind: HOLIDAY_NOTICE_KIND, period, rendered, audit: { action: 'holiday.notice', entityType: 'person', after: { year, coveredThrough } } },
        now,
      );
      if (done) queued++;
    } catch (error) {
      logger.error({ err: error, year }, 'queuing the holiday schedule notice failed; it is tried again next pass');
    }
  }
  return queued;
}
