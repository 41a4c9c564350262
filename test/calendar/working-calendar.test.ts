/**
 * The official working calendar: holidays are days off, make-up weekend
 * days are working days, a year in neither the package nor holidays/ runs
 * on weekends alone, and how far the data reaches is reported from a given
 * day — never from the day the suite runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';
import { holidayCoverage, yearToAnnounce } from '../../src/domain/calendar/holiday-coverage.js';
import { TEST_2027 } from './test-schedule.js';

/** A holidays folder holding `files` (year → content), in a temporary directory. */
function holidaysDir(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}


describe('China working calendar', () => {
  const calendar = loadChinaCalendar(holidaysDir());

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

  it('runs a year without a schedule on weekends alone, and says which days those are', () => {
    // chinese-days 1.5.7 ships 2004–2026. When an upgrade brings 2027, move these dates a year on.
    expect(calendar.covers(2027), 'the installed chinese-days now has 2027: use 2028 in these tests').toBe(false);
    expect(calendar.weekendsOnly('2027-01-01')).toBe(true);
    expect(calendar.weekendsOnly('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a Friday, New Year's Day in every real schedule
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false); // a Saturday
    expect(calendar.workingDayFrom('2027-01-02')).toBe('2027-01-04');
  });

  it('reports how far the data reaches, seen from a given day', () => {
    expect(calendar.coveredThrough()).toBe('2026-12-31');
    expect(holidayCoverage(calendar, '2026-06-01')).toEqual({ coveredThrough: '2026-12-31', missing: [2027] });
    expect(holidayCoverage(calendar, '2026-12-20')).toEqual({ coveredThrough: '2026-12-31', missing: [2027] });
    expect(holidayCoverage(calendar, '2027-03-01')).toEqual({ coveredThrough: '2026-12-31', missing: [2027, 2028] });
    expect(holidayCoverage(calendar, '2025-03-01')).toEqual({ coveredThrough: '2026-12-31', missing: [] });
  });

  it('announces next year’s gap in December, and this year’s at any time', () => {
    expect(yearToAnnounce(calendar, '2026-11-30')).toBeNull();
    expect(yearToAnnounce(calendar, '2026-12-01')).toBe(2027);
    expect(yearToAnnounce(calendar, '2026-12-20')).toBe(2027);
    expect(yearToAnnounce(calendar, '2027-03-01')).toBe(2027);
    expect(yearToAnnounce(calendar, '2025-12-20')).toBeNull();
  });

  it('takes a year from holidays/<year>.json when the package lacks it: days off, and weekend days worked (调休上班)', () => {
    const extended = loadChinaCalendar(holidaysDir({ '2027.json': TEST_2027 }));
    expect(extended.covers(2027)).toBe(true);
    expect(extended.weekendsOnly('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false); // a Friday off
    expect(extended.isWorkingDay('2027-01-09')).toBe(true); // a Saturday worked
    expect(extended.isWorkingDay('2026-10-01')).toBe(false); // the package's years are kept
    expect(extended.coveredThrough()).toBe('2027-12-31');
    expect(holidayCoverage(extended, '2026-12-20')).toEqual({ coveredThrough: '2027-12-31', missing: [] });
    expect(yearToAnnounce(extended, '2026-12-20')).toBeNull();
    expect(yearToAnnounce(extended, '2027-12-01')).toBe(2028);
  });

  it('does not count a year past a gap as covered through', () => {
    const gapped = loadChinaCalendar(holidaysDir({ '2099.json': { source: 'test', holidays: ['2099-10-01'], workdays: [] } }));
    expect(gapped.covers(2099)).toBe(true);
    expect(gapped.isWorkingDay('2099-10-01')).toBe(false); // a Thursday
    expect(gapped.coveredThrough()).toBe('2026-12-31');
  });

  it('replaces the package’s data for a year that has a file', () => {
    const replaced = loadChinaCalendar(holidaysDir({ '2026.json': { source: 'test', holidays: ['2026-10-02'], workdays: [] } }));
    expect(replaced.isWorkingDay('2026-10-01')).toBe(true);
    expect(replaced.isWorkingDay('2026-10-02')).toBe(false);
  });

  it('stops the start on a malformed file, naming it and what is wrong', () => {
    expect(() => loadChinaCalendar(holidaysDir({ '2027.json': '{"holidays": ["2027-01-01"' }))).toThrow(/2027\.json is not valid JSON/);
    expect(() => loadChinaCalendar(holidaysDir({ '2027.json': { holidays: ['2027-1-1'], workdays: [] } }))).toThrow(/2027\.json does not have the holiday file's shape \(see holidays\/README\.md\): source: .*holidays\.0/);
    expect(() => loadChinaCalendar(holidaysDir({ '2027.json': { source: 'x', holidays: ['2028-01-01'], workdays: [] } }))).toThrow(/2027\.json: 2028-01-01 is not in 2027/);
  });

  it('reads the package alone when the holidays folder is missing', () => {
    const bare = loadChinaCalendar(join(holidaysDir(), 'no-such-folder'));
    expect(bare.coveredThrough()).toBe('2026-12-31');
  });

  it('loads the project’s own holidays folder (a malformed file there would stop every start)', () => {
    expect(loadChinaCalendar().covers(2026)).toBe(true);
  });
});
