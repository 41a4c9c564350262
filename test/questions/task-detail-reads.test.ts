/**
 * A task's card (/任务 #id, its buttons, 详细说说第2个) shows the task's state
 * as the database holds it in the transaction drawing it — a report just
 * made shows at once — and its newest report and history; it reads two
 * statements for that (the state, the history), its text, units and
 * deadlines coming from the question index. Before 2026-12-06 it read five:
 * the task row with its units and deadlines, and the newest report beside
 * the history that starts with it.
 */
import { expect, it } from 'vitest';
import { watchStatements } from '../../src/db/statement-count.js';
import { answerTaskDetail } from '../../src/domain/questions/answer-service.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { describeEachDatabase } from '../support/databases.js';

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

describeEachDatabase('a task card', ({ db }) => {
  it('shows the state written in its own transaction and the newest report, reading the state and the history only', async () => {
    const repos = db().repos;
    const plan = await repos.plans.upsert({ key: unique('plan'), title: '卡片读取测试方案', jurisdiction: '中山市', sourceName: 'x.txt', sourceHash: 'h' });
    const task = await repos.tasks.upsert(plan.id, { key: '1', kind: 'task', parentId: null, number: '1', position: 1, categoryPath: '', title: '推进预决算公开', requirement: '', sourceExcerpt: '', sourceLine: 1 });
    const finance = await repos.units.findOrCreate({ jurisdiction: '中山市', name: unique('市财政局') });
    await repos.tasks.replaceUnits(task.id, [{ unitId: finance.id, role: 'lead' }]);
    await db().transaction(async (tx) => {
      await tx.progress.append({ taskId: task.id, percent: 20, status: 'in_progress', note: '第一次报告', actor: 'ou_a', unitId: finance.id, at: new Date('2026-11-01T02:00:00Z') });
      await tx.progress.append({ taskId: task.id, percent: 40, status: 'in_progress', note: '第二次报告', actor: 'ou_a', unitId: finance.id, at: new Date('2026-11-08T02:00:00Z') });
    });
    const catalog = await new QuestionCatalog(db()).current();

    const seen: string[] = [];
    const detail = await db().transaction(async (tx) => {
      await tx.progress.append({ taskId: task.id, percent: 70, status: 'in_progress', note: '刚刚报告', actor: 'ou_b', unitId: finance.id, at: new Date('2026-11-15T02:00:00Z') });
      const stop = watchStatements((sql) => seen.push(sql));
      try {
        return await answerTaskDetail(task.id, catalog, tx, '2026-11-16');
      } finally {
        stop();
      }
    });

    expect(detail.kind).toBe('task_detail');
    if (detail.kind !== 'task_detail') return;
    expect(detail.item.percent).toBe(70);
    expect(detail.item.latest?.note).toBe('刚刚报告');
    expect(detail.history.map((update) => update.note)).toEqual(['刚刚报告', '第二次报告', '第一次报告']);
    expect(detail.item.units.map((unit) => unit.roleLabel)).toEqual(['牵头']);
    expect(seen).toHaveLength(2);
  });

  it('with no history asked for, still shows the newest report', async () => {
    const repos = db().repos;
    const plan = await repos.plans.upsert({ key: unique('plan'), title: '卡片读取测试方案二', jurisdiction: '中山市', sourceName: 'y.txt', sourceHash: 'h' });
    const task = await repos.tasks.upsert(plan.id, { key: '1', kind: 'task', parentId: null, number: '1', position: 1, categoryPath: '', title: '推进政务公开', requirement: '', sourceExcerpt: '', sourceLine: 1 });
    await db().transaction((tx) => tx.progress.append({ taskId: task.id, percent: 30, status: 'in_progress', note: '唯一的报告', actor: 'ou_a' }));
    const catalog = await new QuestionCatalog(db()).current();
    const detail = await db().transaction((tx) => answerTaskDetail(task.id, catalog, tx, '2026-11-16', 0));
    expect(detail.kind === 'task_detail' && detail.item.latest?.note).toBe('唯一的报告');
    expect(detail.kind === 'task_detail' && detail.history).toEqual([]);
  });
});
