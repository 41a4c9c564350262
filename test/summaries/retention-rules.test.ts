/**
 * The purge's rules, pure: which SentSummary claims can never guard a send
 * again — checked against the schedule that asks for them (every period
 * weekly delivery could still send, on every day from September to the
 * new year and every subscription weekday, keeps its claim) — and how long the other tables
 * keep their rows.
 */
import { describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';
import { CHASE_REQUEST_KIND } from '../../src/domain/reminders/chase-request.js';
import { CLAIM_KINDS, claimIsSpent, cutoffsAt, MIN_EVENT_RETENTION_MS, RETENTION } from '../../src/domain/retention/retention-rules.js';
import { dueSlot } from '../../src/domain/summaries/weekly-schedule.js';
import { addDays, dayIn } from '../../src/lib/dates.js';
import { HOLIDAY_NOTICE_KIND } from '../../src/summaries/holiday-notice-delivery.js';
import { SUPERVISOR_WEEKLY_KIND } from '../../src/summaries/reminder-delivery.js';
import { WEEKLY_KIND } from '../../src/summaries/weekly-delivery.js';

const TODAY = '2026-12-10';
const none = new Map<number, string>();
const spent = (kind: string, period: string, silences: ReadonlyMap<number, string> = none, today = TODAY) => claimIsSpent({ kind, period }, today, silences);

describe('which claims can go', () => {
  it('knows the kinds as the code that claims them spells them', () => {
    expect(CLAIM_KINDS.weekly).toBe(WEEKLY_KIND);
    expect(CLAIM_KINDS.supervisorWeekly).toBe(SUPERVISOR_WEEKLY_KIND);
    expect(CLAIM_KINDS.holidayNotice).toBe(HOLIDAY_NOTICE_KIND);
    expect(CLAIM_KINDS.chaseRequest).toBe(CHASE_REQUEST_KIND);
  });

  it('keeps every weekly claim the schedule could still ask for, on every day from September to the new year, for every weekday', () => {
    const calendar = loadChinaCalendar();
    const timeZone = 'Asia/Shanghai';
    const activeFrom = new Date('2025-01-01T00:00:00Z');
    const wronglySpent: string[] = [];
    let checked = 0;
    // Autumn to the new year: the National Day week moves slots furthest, and ISO weeks turn over a year end.
    for (let day = '2026-09-01'; day <= '2027-01-10'; day = addDays(day, 1)) {
      // Just before the slot's time last week's period is still the one due.
      for (const time of ['08:59', '23:55']) {
        const now = new Date(`${day}T${time}:00+08:00`);
        for (let weekday = 1; weekday <= 7; weekday++) {
          const slot = dueSlot({ weekday, time: '09:00', activeFrom }, now, timeZone, calendar);
          if (!slot) continue;
          checked++;
          if (spent(WEEKLY_KIND, slot.week.period, none, dayIn(timeZone, now))) wronglySpent.push(`${day} ${time} weekday ${weekday}: ${slot.week.period}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(wronglySpent).toEqual([]);
  });

  it('lets a weekly or supervisor claim go once its week is weeks behind, across a year end too', () => {
    expect(spent('weekly', '2026-W50')).toBe(false);
    expect(spent('weekly', '2026-W49')).toBe(false);
    expect(spent('weekly', '2026-W48')).toBe(false);
    expect(spent('weekly', '2026-W47')).toBe(true);
    expect(spent('weekly_detail', '2026-W47')).toBe(true);
    expect(spent('weekly', '2026-W53', none, '2027-01-20')).toBe(true);
    expect(spent('weekly', '2026-W53', none, '2027-01-10')).toBe(false);
  });

  it('lets day-keyed claims go a week after their day, deadline reminders a week after the deadline', () => {
    expect(spent('reminder:overdue', '2026-12-02')).toBe(true);
    expect(spent('reminder:overdue', '2026-12-03')).toBe(false);
    expect(spent('chase_request', '2026-11-01')).toBe(true);
    expect(spent('data_purge', '2026-11-01')).toBe(true);
    expect(spent('reminder:deadline', '17@2026-12-01/7')).toBe(true);
    expect(spent('reminder:deadline', '17@2026-12-20/1')).toBe(false);
  });

  it('lets a chase claim go only when the task has reported since, or is gone', () => {
    const silences = new Map([[17, '2026-10-05']]);
    expect(spent('reminder:chase', '17@2026-10-05/1', silences)).toBe(false);
    expect(spent('reminder:chase_copy', '17@2026-10-05/2', silences)).toBe(false);
    expect(spent('reminder:chase', '17@2026-09-01/2', silences)).toBe(true);
    expect(spent('reminder:chase', '18@2026-09-01/2', silences)).toBe(true);
  });

  it('keeps the holiday notice for this year, and whatever it does not recognise', () => {
    expect(spent('holiday_notice', '2025')).toBe(true);
    expect(spent('holiday_notice', '2026')).toBe(false);
    expect(spent('holiday_notice', '2027')).toBe(false);
    expect(spent('holiday_notice', '2025', none, '2026-01-03')).toBe(false);
    expect(spent('reminder:something_new', '2020-01-01')).toBe(false);
    expect(spent('weekly', 'last week')).toBe(false);
    expect(spent('reminder:chase', 'garbled')).toBe(false);
  });
});

describe('how long rows are kept', () => {
  it('keeps done events past Lark’s redeliveries, sent messages a week, claims two weeks before judging them', () => {
    const now = new Date('2026-12-10T03:30:00+08:00');
    const cutoffs = cutoffsAt(now, TODAY);
    expect(now.getTime() - cutoffs.events.getTime()).toBeGreaterThanOrEqual(MIN_EVENT_RETENTION_MS);
    expect(now.getTime() - cutoffs.sentOutbox.getTime()).toBe(RETENTION.sentOutboxMs);
    expect(RETENTION.sentOutboxMs).toBeGreaterThanOrEqual(RETENTION.eventsMs);
    expect(cutoffs.snoozesEndedBy).toBe(TODAY);
    expect(now.getTime() - cutoffs.claims.getTime()).toBe(14 * 24 * 60 * 60_000);
  });
});
