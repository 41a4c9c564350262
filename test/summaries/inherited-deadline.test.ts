/**
 * A sub-requirement that names no deadline or units of its own has its
 * parent's (one definition of a task, issue 17), for reminders and the
 * weekly card too, on a controlled clock: a plan whose 一、 (市财政局 牵头,
 * 2016年12月底前完成) is broken into （一）（二） that name neither and （三）
 * with its own 2016年8月底前. The liaison of 市财政局 is reminded of
 * （一）（二） before the parent's deadline and chased after it, never of
 * 一、 itself; the supervisor's weekly card lists them as overdue.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { importFiles } from '../../src/imports/import-files.js';
import { deliverReminders, deliverSupervisorCards } from '../../src/summaries/reminder-delivery.js';
import type { SummaryServices } from '../../src/summaries/weekly-delivery.js';
import { describeEachDatabase } from '../support/databases.js';
import { summaryServices } from './delivery-fixture.js';

const BUDGET_PLAN = fileURLToPath(new URL('../fixtures/plans/中山市2016年预决算公开工作分工方案.txt', import.meta.url));
const beijing = (local: string) => new Date(`${local}+08:00`);
const LIAISON = 'ou_inheritliaison';
const SUPERVISOR = 'ou_inheritsupervisor';

describeEachDatabase('a sub-requirement’s inherited deadline in reminders and the weekly card', (fixture) => {
  let services: SummaryServices;
  /** Task ids by key: 1 (the parent), 1.1 and 1.2 (no deadline of their own), 1.3 (2016-08-31), 2 (市审计局's). */
  const ids = new Map<string, number>();

  beforeAll(async () => {
    services = await summaryServices(fixture.db(), false);
    const [result] = await importFiles(fixture.db(), [BUDGET_PLAN], 'system');
    if (!result || !('report' in result) || result.report.planId === null) throw new Error(`the plan did not import: ${JSON.stringify(result)}`);
    const repos = fixture.db().repos;
    const stored = await repos.tasks.listByPlan(result.report.planId);
    for (const task of stored) ids.set(task.key, task.id);
    // As the document has it: the parent names the unit and the deadline, （一）（二） neither.
    expect(stored.map((task) => [task.key, task.units.length, task.deadlines.map((deadline) => deadline.dueOn)])).toEqual([
      ['1', 2, ['2016-12-31']],
      ['1.1', 0, []],
      ['1.2', 0, []],
      ['1.3', 0, ['2016-08-31']],
      ['2', 1, ['2017-03-31']],
    ]);
    const finance = (await repos.units.findByName('中山市', '市财政局'))!;
    await repos.people.grant({ personId: (await repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: finance.id, state: 'active' });
    await repos.people.grant({ personId: (await repos.people.upsert(SUPERVISOR)).id, role: 'supervisor', state: 'active' });
  }, 60_000);

  /** The text of every card queued for a person, oldest first. */
  async function sentTo(openId: string): Promise<string[]> {
    const rows = (await fixture.db().repos.outbox.list(undefined, 100_000)).filter((row) => row.target === openId && row.receiveIdType === 'open_id');
    return rows.map((row) => row.fallbackText ?? row.content);
  }
  const mentions = (text: string, key: string) => text.includes(`#${ids.get(key)} `);

  it('reminds the parent’s unit of the sub-requirements before the parent’s deadline, and of no parent', async () => {
    await deliverReminders(services, beijing('2016-12-26T09:00:00'));
    const sent = await sentTo(LIAISON);
    const dueSoon = sent.find((text) => text.includes('任务即将到期'))!;
    expect(dueSoon).toBeDefined();
    expect(['1', '1.1', '1.2', '1.3', '2'].filter((key) => mentions(dueSoon, key))).toEqual(['1.1', '1.2']);
    expect(dueSoon).toContain('还有 5 天到期（12月31日）');
    // （三） is past its own deadline already: it comes in the overdue digest, not with its parent's.
    const overdue = sent.find((text) => text.includes('已过时限'))!;
    expect(['1', '1.1', '1.2', '1.3', '2'].filter((key) => mentions(overdue, key))).toEqual(['1.3']);
  });

  it('once the parent’s deadline has passed, the sub-requirements are overdue: in the digest and on the weekly card', async () => {
    const before = (await sentTo(LIAISON)).length;
    await deliverReminders(services, beijing('2017-01-03T09:00:00'));
    const [digest, ...more] = (await sentTo(LIAISON)).slice(before);
    expect(more).toHaveLength(0);
    expect(digest).toContain('你联络的单位有 3 项任务已过时限');
    expect(['1', '1.1', '1.2', '1.3', '2'].filter((key) => mentions(digest!, key))).toEqual(['1.1', '1.2', '1.3']);

    await deliverSupervisorCards(services, beijing('2017-01-09T09:00:00'));
    const card = (await sentTo(SUPERVISOR)).find((text) => text.startsWith('督办周报（督查版）'))!;
    expect(card).toContain('任务 4 项');
    expect(card).toContain('🔴 逾期 3');
    expect(card).toMatch(/第1项第1条 公开市级政府预算信息.*（逾期 9 天）/);
    expect(card).toMatch(/第1项第2条 在市人大通过财政决算后.*（逾期 9 天）/);
    expect(card).toMatch(/第1项第3条 公开市级“三公”经费预算和决算（逾期 131 天）/);
    expect(card).not.toContain('第1项 深入推进预决算公开');
  });
});
