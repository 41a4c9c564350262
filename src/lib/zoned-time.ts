/**
 * Local wall-clock times in a time zone, as instants: "Monday 09:00 in
 * Asia/Shanghai" → a Date. Schedules are written in local time; timers run
 * on instants.
 */

/** Offset of `timeZone` from UTC at `at`, in ms (Asia/Shanghai → +8 h). */
function offsetAt(timeZone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at / 1000) * 1000;
}

/** The instant when the clocks of `timeZone` show `day` ('YYYY-MM-DD') at `time` ('HH:MM'). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  // Two rounds settle the offset across a daylight-saving change.
  let at = wall - offsetAt(timeZone, wall);
  at = wall - offsetAt(timeZone, at);
  return new Date(at);
}

/** 'HH:MM' of `at` in `timeZone`. */
export function timeIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at);
}
