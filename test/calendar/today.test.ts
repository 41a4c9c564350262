/**
 * "Today" in a time zone (dayIn) is the day a fresh formatter gives, at
 * every instant: at midnight in 北京时间, across daylight-saving changes at
 * midnight, in zones a quarter or half an hour off UTC, and for the days of
 * old records asked between two "today"s. dayIn keeps today for the minute
 * it was asked in; none of this may ever give yesterday or tomorrow.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayIn } from '../../src/lib/dates.js';

/** The day as a new formatter reads it: what dayIn must say. */
function reference(timeZone: string, at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Instants around `iso`: every 7 s for two minutes either side, and the milliseconds at each minute's edges. */
function around(iso: string): number[] {
  const middle = Date.parse(iso);
  const instants: number[] = [];
  for (let offset = -120_000; offset <= 120_000; offset += 7_000) instants.push(middle + offset);
  for (let minute = -2; minute <= 2; minute++) instants.push(middle + minute * 60_000 - 1, middle + minute * 60_000);
  return instants.sort((a, b) => a - b);
}

describe('today in a time zone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const cases: [string, string][] = [
    ['Asia/Shanghai', '2026-12-06T16:00:00Z'],
    // Chile's clocks go from 24:00 to 01:00 (September) and back from 24:00 to 23:00 (April).
    ['America/Santiago', '2026-09-06T04:00:00Z'],
    ['America/Santiago', '2026-04-05T03:00:00Z'],
    ['Asia/Kathmandu', '2026-12-05T18:15:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T13:00:00Z'],
    ['UTC', '2026-12-31T00:00:00Z'],
  ];
  for (const [timeZone, midnight] of cases) {
    it(`is a fresh formatter's day at every instant around ${midnight} in ${timeZone}`, () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      for (const at of around(midnight)) {
        vi.setSystemTime(at);
        expect(dayIn(timeZone), new Date(at).toISOString()).toBe(reference(timeZone, at));
        // An old record's day asked in between is its own, and leaves today as it was.
        expect(dayIn(timeZone, new Date(at - 86_400_000 * 40))).toBe(reference(timeZone, at - 86_400_000 * 40));
        expect(dayIn(timeZone, new Date(at))).toBe(reference(timeZone, at));
      }
    });
  }
});
