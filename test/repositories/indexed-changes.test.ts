/**
 * The question index refreshes without hand calls: the database announces
 * each committed write to plans, tasks and units — once a transaction
 * commits, never for one rolled back, never for writes the index does not
 * read (the outbox, progress notes) — and the catalog answers with the new
 * data on the next question. On SQLite and PostgreSQL.
 */
import { expect, it } from 'vitest';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { describeEachDatabase } from '../support/databases.js';

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

describeEachDatabase('indexed data changes are announced', ({ db }) => {
  it('after a commit or a single write, not for a rollback or a write the index does not read', async () => {
    let announced = 0;
    const stop = db().onIndexedChange(() => announced++);
    try {
      const plan = await db().repos.plans.upsert({ key: unique('plan'), title: '通知测试方案', jurisdiction: '中山市', sourceName: 'x.txt', sourceHash: 'h' });
      expect(announced).toBe(1);

      let insideTransaction = -1;
      await db().transaction(async (tx) => {
        await tx.tasks.upsert(plan.id, { key: '1', kind: 'task', parentId: null, number: '1', position: 1, categoryPath: '', title: '任务 1', requirement: '', sourceExcerpt: '', sourceLine: 1 });
        await tx.units.findOrCreate({ jurisdiction: '中山市', name: unique('市测试局') });
        insideTransaction = announced;
      });
      expect(insideTransaction).toBe(1);
      expect(announced).toBe(2);

      await expect(
        db().transaction(async (tx) => {
          await tx.tasks.upsert(plan.id, { key: '2', kind: 'task', parentId: null, number: '2', position: 2, categoryPath: '', title: '任务 2', requirement: '', sourceExcerpt: '', sourceLine: 2 });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(announced).toBe(2);

      await db().repos.outbox.enqueue({ uuid: unique('u'), action: 'send', receiveIdType: 'chat_id', target: 'oc_x', chatKey: 'oc_x', msgType: 'text', content: '{"text":"x"}' });
      expect(announced).toBe(2);
    } finally {
      stop();
    }
  });

  it('the catalog answers with a task written a moment ago, with nobody telling it', async () => {
    // The catalog trusts itself for an hour unless told: only the announcement makes it look again.
    const catalog = new QuestionCatalog(db(), 60 * 60_000);
    const plan = await db().repos.plans.upsert({ key: unique('plan'), title: '刷新测试方案', jurisdiction: '中山市', sourceName: 'y.txt', sourceHash: 'h' });
    expect((await catalog.current()).index.tasksOfPlan(plan.id)).toHaveLength(0);
    const task = await db().repos.tasks.upsert(plan.id, { key: '1', kind: 'task', parentId: null, number: '1', position: 1, categoryPath: '', title: '刷新测试台账', requirement: '', sourceExcerpt: '', sourceLine: 1 });
    const index = (await catalog.current()).index;
    expect(index.tasksOfPlan(plan.id).map((indexed) => indexed.id)).toEqual([task.id]);
  });
});
