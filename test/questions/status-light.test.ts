/**
 * The light a task shows everywhere: red overdue, yellow due within 14 days
 * or late in its time without a report or stalled, green on track; a
 * recurring task is judged against its current period.
 */
import { describe, expect, it } from 'vitest';
import { currentPeriod, statusLight, type LightFacts } from '../../src/domain/questions/status-light.js';

const at = (day: string) => Date.parse(`${day}T02:00:00Z`);
const task = (facts: Partial<LightFacts>): LightFacts => ({ status: 'in_progress', dueDates: [], recurrence: null, lastReportAt: null, createdAt: at('2026-01-01'), ...facts });

describe('status light', () => {
  const today = '2026-11-22';

  it('is red when overdue and green when done, whatever else', () => {
    expect(statusLight(task({ dueDates: ['2026-11-21'] }), today)).toBe('red');
    expect(statusLight(task({ dueDates: ['2026-11-21'], status: 'done' }), today)).toBe('green');
  });

  it('is yellow within 14 days of the deadline', () => {
    expect(statusLight(task({ dueDates: ['2026-12-06'], lastReportAt: at('2026-11-20') }), today)).toBe('yellow');
    expect(statusLight(task({ dueDates: ['2026-12-07'], lastReportAt: at('2026-11-20') }), today)).toBe('green');
  });

  it('is yellow in the last 30% of the time without a report in that window', () => {
    // Imported 2026-01-01, due 2027-03-31: 454 days, the last 137 start on 2026-11-14.
    const due = ['2027-03-31'];
    expect(statusLight(task({ dueDates: due, lastReportAt: at('2026-11-10') }), today)).toBe('yellow');
    expect(statusLight(task({ dueDates: due, lastReportAt: at('2026-11-15') }), today)).toBe('green');
    expect(statusLight(task({ dueDates: due, lastReportAt: at('2026-11-10') }), '2026-11-13')).toBe('green');
  });

  it('is yellow when blocked or silent for 30 days, grey with nothing to judge by', () => {
    expect(statusLight(task({ dueDates: ['2027-12-31'], status: 'blocked', lastReportAt: at('2026-11-20') }), today)).toBe('yellow');
    expect(statusLight(task({ lastReportAt: at('2026-10-20') }), today)).toBe('yellow');
    expect(statusLight(task({ lastReportAt: at('2026-10-25') }), today)).toBe('green');
    expect(statusLight(task({}), today)).toBe('grey');
  });

  it('judges a recurring task against its current period', () => {
    expect(currentPeriod('quarterly', '2026-11-22')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(currentPeriod('monthly', '2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(currentPeriod('half_yearly', '2026-05-10')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    // 全年工作: due 2026-12-31, never overdue; the last 30% of 2026 began in September.
    expect(statusLight(task({ recurrence: 'yearly', lastReportAt: at('2026-11-01') }), today)).toBe('green');
    expect(statusLight(task({ recurrence: 'yearly', lastReportAt: at('2026-08-10') }), '2026-09-01')).toBe('green');
    expect(statusLight(task({ recurrence: 'yearly', lastReportAt: at('2026-09-01') }), '2026-09-20')).toBe('yellow');
    // A new year is a new period: December's report is on time for it.
    expect(statusLight(task({ recurrence: 'yearly', lastReportAt: at('2026-12-20') }), '2027-01-05')).toBe('green');
    // 每月: due at the month's end, so within 14 days of it.
    expect(statusLight(task({ recurrence: 'monthly', lastReportAt: at('2026-11-20') }), today)).toBe('yellow');
    expect(statusLight(task({ recurrence: 'monthly', lastReportAt: at('2026-11-02') }), '2026-11-05')).toBe('green');
  });
});
