/**
 * The weekly card's eight-week trend of reports and closures, on both
 * databases: a plan whose 一、 (市财政局 牵头, 市审计局 配合) is broken into
 * （一）（二）（三） and whose 二、 is 市审计局's alone. Rows are written at
 * chosen Beijing times, around the edges a user would notice: the first
 * minutes of a Monday (still Sunday in UTC), the last minute of a Sunday,
 * a row before the eight weeks and one after "now". Expected counts are
 * worked out from those rows by hand.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { weekOf } from '../../src/domain/summaries/weekly-schedule.js';
import { TREND_WEEKS } from '../../src/domain/summaries/weekly-trend.js';
import { weeklySummary } from '../../src/domain/summaries/weekly-summary.js';
import type { TaskStatus } from '../../src/domain/vocabulary.js';
import { importFiles } from '../../src/imports/import-files.js';
import { describeEachDatabase } from '../support/databases.js';

const BUDGET_PLAN = fileURLToPath(new URL('../fixtures/plans/中山市2016年预决算公开工作分工方案.txt', import.meta.url));
const ZONE = 'Asia/Shanghai';
const beijing = (local: string) => new Date(`${local}+08:00`);
/** Wednesday of ISO week 2026-W48 (Monday 11-23). */
const NOW = beijing('2026-11-25T10:00:00');
const WEEK = weekOf('2026-11-25', ZONE);

describeEachDatabase('the weekly card’s eight-week trend', (fixture) => {
  let planId = 0;
  let financeId = 0;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const db = fixture.db();
    const [result] = await importFiles(db, [BUDGET_PLAN], 'system');
    if (!result || !('report' in result) || result.report.planId === null) throw new Error(`the plan did not import: ${JSON.stringify(result)}`);
    planId = result.report.planId;
    for (const task of await db.repos.tasks.listByPlan(planId)) ids.set(task.key, task.id);
    financeId = (await db.repos.units.findByName('中山市', '市财政局'))!.id;
    const write = (key: string, status: TaskStatus, at: string) =>
      db.repos.progress.append({ taskId: ids.get(key)!, percent: status === 'done' ? 100 : 50, status, actor: 'ou_trend', at: beijing(at) });
    await write('1.1', 'in_progress', '2026-10-04T23:50:00'); // Sunday of W40: before the eight weeks
    await write('1.1', 'in_progress', '2026-10-05T00:10:00'); // Monday of W41, 00:10 — Sunday 16:10 in UTC
    await write('2', 'in_progress', '2026-11-02T09:00:00'); // W45, 市审计局's own task
    await write('1', 'in_progress', '2026-11-03T09:00:00'); // W45, on the parent: the card counts its sub-requirements instead
    await write('1.2', 'in_progress', '2026-11-16T09:00:00'); // W47
    await write('1.2', 'done', '2026-11-22T23:59:00'); // W47, last minute of Sunday
    await write('1.3', 'pending_review', '2026-11-24T09:00:00'); // W48: asking to close is a report
    await write('1.3', 'done', '2026-11-25T09:00:00'); // W48, before now
    await write('1.1', 'blocked', '2026-11-25T11:00:00'); // after now: not yet
  }, 60_000);

  // The weekly card's own trend: the summary reads the eight weeks once, for the trend and 本周变化 alike.
  const trendOf = async (scope: { planIds: number[]; unitIds: number[] }) =>
    (await weeklySummary({ catalog: await new QuestionCatalog(fixture.db()).current(), repos: fixture.db().repos, scope, week: WEEK, today: '2026-11-25', now: NOW, timeZone: ZONE })).trend;

  it('counts eight ISO weeks ending with the card’s week, in Beijing time, up to now', async () => {
    const trend = await trendOf({ planIds: [planId], unitIds: [] });
    expect(trend).toHaveLength(TREND_WEEKS);
    expect(trend.map((week) => week.period)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(trend.map((week) => week.start)).toEqual(['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(trend.map((week) => [week.reports, week.closures])).toEqual([
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
      [1, 1],
      [1, 1],
    ]);
  });

  it('a unit’s trend leaves out tasks it has no part in', async () => {
    const trend = await trendOf({ planIds: [], unitIds: [financeId] });
    // 二、 is 市审计局's alone: its W45 report is gone; 一、's sub-requirements stay (市财政局 leads them).
    expect(trend.map((week) => [week.reports, week.closures])).toEqual([
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
    ]);
  });

  it('a scope with no tasks has a trend of zeros, week by week', async () => {
    const trend = await trendOf({ planIds: [planId + 1_000], unitIds: [] });
    expect(trend.map((week) => week.reports + week.closures)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
