/**
 * The progress queries the updates questions are answered from, on SQLite
 * and PostgreSQL: reports in a time window (by unit, person, status), each
 * unit's latest report, and people found by name.
 */
import { expect, it } from 'vitest';
import type { Repositories } from '../../src/repositories/index.js';
import { describeEachDatabase } from '../support/databases.js';

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

async function makeTask(repos: Repositories, planId: number, key: string) {
  return repos.tasks.upsert(planId, { key, kind: 'task', parentId: null, number: key, position: Number(key), categoryPath: '', title: `任务 ${key}`, requirement: '', sourceExcerpt: '', sourceLine: 1 });
}

describeEachDatabase('progress reports for updates questions', ({ db }) => {
  it('reportsBetween: a half-open window, oldest first, filtered by unit, person and status; latestByUnits: each unit’s newest', async () => {
    const repos = db().repos;
    const plan = await repos.plans.upsert({ key: unique('plan'), title: '报告测试方案', jurisdiction: '中山市', sourceName: 'x.txt', sourceHash: 'h' });
    const [one, two] = [await makeTask(repos, plan.id, '1'), await makeTask(repos, plan.id, '2')];
    const finance = await repos.units.findOrCreate({ jurisdiction: '中山市', name: unique('市财政局') });
    const audit = await repos.units.findOrCreate({ jurisdiction: '中山市', name: unique('市审计局') });
    const silent = await repos.units.findOrCreate({ jurisdiction: '中山市', name: unique('市法制局') });
    const [alice, bob] = [unique('ou_a'), unique('ou_b')];
    const at = (iso: string) => new Date(iso);
    // Appended out of order: the query orders by time.
    await db().transaction(async (tx) => {
      await tx.progress.append({ taskId: two.id, percent: 100, status: 'done', actor: bob, unitId: audit.id, at: at('2016-11-22T02:00:00Z') });
      await tx.progress.append({ taskId: one.id, percent: 30, status: 'in_progress', actor: alice, unitId: finance.id, at: at('2016-11-14T01:00:00Z') });
      await tx.progress.append({ taskId: one.id, percent: 60, status: 'in_progress', actor: alice, unitId: finance.id, at: at('2016-11-21T00:00:00Z') });
      await tx.progress.append({ taskId: two.id, percent: 50, status: 'in_progress', actor: bob, unitId: audit.id, at: at('2016-11-28T00:00:00Z') });
    });
    const window = [at('2016-11-21T00:00:00Z'), at('2016-11-28T00:00:00Z')] as const;
    const mine = <T extends { taskId: number }>(rows: T[]) => rows.filter((row) => row.taskId === one.id || row.taskId === two.id);

    // From inclusive, to exclusive.
    expect(mine(await repos.progress.reportsBetween(...window)).map((row) => [row.taskId, row.percent])).toEqual([
      [one.id, 60],
      [two.id, 100],
    ]);
    expect((await repos.progress.reportsBetween(...window, { unitIds: [finance.id] })).map((row) => row.percent)).toEqual([60]);
    expect((await repos.progress.reportsBetween(...window, { statuses: ['done'], unitIds: [finance.id, audit.id] })).map((row) => row.taskId)).toEqual([two.id]);
    // Either end open.
    expect((await repos.progress.reportsBetween(null, null, { actors: [alice] })).map((row) => row.percent)).toEqual([30, 60]);
    expect((await repos.progress.reportsBetween(at('2016-11-22T00:00:00Z'), null, { actors: [bob] })).map((row) => row.percent)).toEqual([100, 50]);
    expect((await repos.progress.reportsBetween(null, at('2016-11-21T00:00:00Z'), { unitIds: [finance.id] })).map((row) => row.percent)).toEqual([30]);
    expect(await repos.progress.reportsBetween(...window, { unitIds: [silent.id] })).toEqual([]);

    const latest = await repos.progress.latestByUnits([finance.id, audit.id, silent.id]);
    expect(latest.get(finance.id)).toMatchObject({ taskId: one.id, percent: 60, createdAt: at('2016-11-21T00:00:00Z') });
    expect(latest.get(audit.id)).toMatchObject({ taskId: two.id, percent: 50 });
    expect(latest.has(silent.id)).toBe(false);
  });

  it('people.named: everyone with that name, none for a name nobody has', async () => {
    const { people } = db().repos;
    const name = unique('张');
    const first = await people.upsert(unique('ou_'), name);
    const second = await people.upsert(unique('ou_'), name);
    await people.upsert(unique('ou_'), `${name}丰`);
    expect((await people.named(name)).map((person) => person.id)).toEqual([first.id, second.id]);
    expect(await people.named(unique('无此人'))).toEqual([]);
  });
});
