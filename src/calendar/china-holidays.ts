/**
 * Loads mainland China's official holiday schedule: the years the maintained
 * `chinese-days` package ships (updated each year from the State Council's
 * 节假日安排 notice), completed by the project's own files in
 * holidays/<year>.json for a year the installed package does not have
 * yet. A year in neither is treated as weekends-only: the service warns at
 * start, reports it in /healthz and tells administrators (see
 * domain/calendar/holiday-coverage.ts), and keeps running.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { WorkingCalendar, type HolidayData } from '../domain/calendar/working-calendar.js';

/** The project's own schedule files, one per year. */
export const HOLIDAY_DATA_DIR = fileURLToPath(new URL('../../holidays/', import.meta.url));

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The shape of holidays/<year>.json. */
export const HolidayFile = z.object({
  /** Where the schedule comes from, e.g. 国办发明电〔2026〕7号. */
  source: z.string().min(1),
  holidays: z.array(Day).min(1),
  workdays: z.array(Day),
});

/** One holiday file, or an error naming the file and what is wrong with it (a bad file stops the start). */
function readHolidayFile(path: string): z.infer<typeof HolidayFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = HolidayFile.safeParse(parsed);
  if (!result.success) throw new Error(`${path} does not have the holiday file's shape (see holidays/README.md): ${result.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ')}`);
  return result.data;
}

/** The package's schedule: keys of its holidays and workdays maps. */
function packageData(): HolidayData {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = Object.keys(data.holidays);
  return { holidays, workdays: Object.keys(data.workdays), years: [...new Set(holidays.map((day) => Number(day.slice(0, 4))))] };
}

/** The project's files; a file for a year replaces the package's data for that year. */
function projectData(dir: string): HolidayData {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^\d{4}\.json$/.test(name)) : [];
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const name of files) {
    const year = name.slice(0, 4);
    const file = readHolidayFile(join(dir, name));
    const stray = [...file.holidays, ...file.workdays].find((day) => !day.startsWith(year));
    if (stray) throw new Error(`${join(dir, name)}: ${stray} is not in ${year}`);
    holidays.push(...file.holidays);
    workdays.push(...file.workdays);
  }
  return { holidays, workdays, years: files.map((name) => Number(name.slice(0, 4))) };
}

/** Mainland China's working calendar from the package and the project's files. */
export function loadChinaCalendar(dir: string = HOLIDAY_DATA_DIR): WorkingCalendar {
  const fromPackage = packageData();
  const fromProject = projectData(dir);
  const replaced = new Set(fromProject.years.map(String));
  const keep = (day: string) => !replaced.has(day.slice(0, 4));
  return new WorkingCalendar({
    holidays: [...fromPackage.holidays.filter(keep), ...fromProject.holidays],
    workdays: [...fromPackage.workdays.filter(keep), ...fromProject.workdays],
    years: [...new Set([...fromPackage.years, ...fromProject.years])],
  });
}
