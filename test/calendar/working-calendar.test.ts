/**
 * The official working calendar: holidays are days off, make-up weekend
 * days are working days, and the schedule is present for the years the
 * service will run in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';

describe('China working calendar', () => {
  const calendar = loadChinaCalendar();

  it('takes public holidays off and works the make-up weekend days (调休补班)', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // 国庆节, a Thursday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked for 国庆
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday worked for 国庆
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // 春节, a Monday
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // an ordinary Monday
  });

  it('moves a day off to the next working day', () => {
    expect(calendar.workingDayFrom('2026-10-05')).toBe('2026-10-08');
    expect(calendar.workingDayFrom('2026-02-16')).toBe('2026-02-24');
    expect(calendar.workingDayFrom('2026-11-23')).toBe('2026-11-23');
  });

  it('has the official schedule of this year, and of next year from 15 December', () => {
    // Fails on purpose when the data runs out: see holidays/README.md for how to add a year.
    const today = new Date();
    const year = today.getUTCFullYear();
    expect(calendar.covers(year), `no holiday schedule for ${year}: add holidays/${year}.json`).toBe(true);
    if (today.getUTCMonth() === 11 && today.getUTCDate() >= 15) {
      expect(calendar.covers(year + 1), `no holiday schedule for ${year + 1}: add holidays/${year + 1}.json from the State Council notice`).toBe(true);
    }
  });

  it('takes a year from the project’s data folder when the package lacks it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    writeFileSync(join(dir, '2099.json'), JSON.stringify({ source: 'test', holidays: ['2099-10-01', '2099-10-02'], workdays: ['2099-10-10'] }));
    const extended = loadChinaCalendar(`${dir}/`);
    expect(extended.covers(2099)).toBe(true);
    expect(extended.isWorkingDay('2099-10-01')).toBe(false); // a Thursday
    expect(extended.isWorkingDay('2099-10-10')).toBe(true); // a Saturday
    expect(extended.isWorkingDay('2026-10-01')).toBe(false); // the package's years are kept
  });
});
