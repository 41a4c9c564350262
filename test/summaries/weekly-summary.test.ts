/**
 * The weekly summary over the seeds on a fixed day (2 December 2026, when
 * a 全年 task is in the last 30% of its year): a task yellow by the
 * last-30%-of-time rule is counted and listed under that reason, never as
 * 30天未更新 (the seeds hold no report, so nothing can have gone 30 days
 * without one); a task last reported 40 days ago is the one 30天未更新;
 * the head's counts are the lists' lengths. And the plans' short names, as
 * a reader would abbreviate the five seed titles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { assessScope } from '../../src/domain/summaries/weekly-summary.js';
import { planShortName, planShortNames } from '../../src/domain/summaries/plan-short-name.js';
import { describeEachDatabase } from '../support/databases.js';
import { tasksFromDatabase } from '../support/tasks-from-rows.js';
import { summaryServices } from './delivery-fixture.js';
import type { SummaryServices } from '../../src/summaries/weekly-delivery.js';

const TODAY = '2026-12-02';
const ALL = { planIds: [], unitIds: [] };

describeEachDatabase('the weekly summary’s reasons', (fixture) => {
  let services: SummaryServices;
  beforeAll(async () => {
    services = await summaryServices(fixture.db());
  }, 60_000);

  it('a task yellow in the last 30% of its time is called so, not 30天未更新; the head counts what the lists hold', async () => {
    const assessed = assessScope(await services.catalog.current(), ALL, TODAY);
    const { totals } = assessed;
    expect(totals.reasons.late_window).toBeGreaterThan(0);
    expect(assessed.yellow.filter((item) => item.reason === 'late_window')).toHaveLength(totals.reasons.late_window);
    expect(totals.reasons.stalled).toBe(0);
    expect(assessed.yellow.some((item) => item.reason === 'stalled')).toBe(false);
    expect(totals.attention).toBe(assessed.yellow.length);
    expect(totals.overdue).toBe(assessed.red.length);
    expect(totals.done + totals.overdue + totals.attention + totals.onTrack).toBe(totals.tasks);
  });

  it('a task last reported 40 days ago, with nothing else to be late for, is the one 30天未更新', async () => {
    const undated = (await tasksFromDatabase(fixture.db())).find((task) => task.deadlines.length === 0 && task.units.length > 0)!;
    await fixture.db().repos.progress.append({ taskId: undated.id, percent: 30, status: 'in_progress', actor: 'ou_test', unitId: undated.units[0]!.unitId, at: new Date('2026-10-23T10:00:00+08:00') });
    // A catalog read afresh (the shared one trusts itself for a few seconds).
    const assessed = assessScope(await new QuestionCatalog(fixture.db(), 0).current(), ALL, TODAY);
    expect(assessed.totals.reasons.stalled).toBe(1);
    expect(assessed.yellow.filter((item) => item.reason === 'stalled').map((item) => item.taskId)).toEqual([undated.id]);
  });
});

describe('plan short names', () => {
  it('place, year and what the plan is, as a reader would say them', () => {
    expect(planShortName({ title: '中山市贯彻落实省政府办公厅2016年政务公开工作要点分工方案', jurisdiction: '中山市', year: 2016 })).toBe('中山2016政务公开要点');
    expect(planShortName({ title: '2016年临沂市政务公开工作要点', jurisdiction: '临沂市', year: 2016 })).toBe('临沂2016政务公开要点');
    expect(planShortName({ title: '新会区2018年政务公开工作要点分工方案', jurisdiction: '新会区', year: 2018 })).toBe('新会2018政务公开要点');
    expect(planShortName({ title: '江门市政务公开重点工作任务分工及进度安排方案', jurisdiction: '江门市', year: null })).toBe('江门政务公开重点');
    expect(planShortName({ title: '中山市经济和信息化局2018年工作任务分工', jurisdiction: '中山市', year: 2018 })).toBe('中山2018经济和信息化局');
  });

  it('two plans that would share a short name keep their titles apart', () => {
    const names = planShortNames([
      { id: 1, title: '中山市2016年政务公开工作要点', jurisdiction: '中山市', year: 2016 },
      { id: 2, title: '中山市2016年政务公开工作要点（修订）分工方案', jurisdiction: '中山市', year: 2016 },
    ]);
    expect(new Set(names.values()).size).toBe(2);
  });
});
