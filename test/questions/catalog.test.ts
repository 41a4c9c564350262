/**
 * The question catalog follows the database: a progress report is patched
 * into the index in place, an import rebuilds it, and answers reflect both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { normalizeDocument } from '../../src/domain/imports/normalize-text.js';
import { importPlanText } from '../../src/domain/imports/plan-importer.js';
import { answer } from '../../src/domain/questions/answer-service.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { parseQuestion } from '../../src/domain/questions/question-parser.js';
import { describeEachDatabase } from '../support/databases.js';

const seed = readFileSync(fileURLToPath(new URL('../../seeds/003_d1035213d6840534.txt', import.meta.url)), 'utf8');

describeEachDatabase('question catalog', ({ db }) => {
  it('patches progress in place, rebuilds after an import, and answers with the current state', async () => {
    const text = normalizeDocument(seed).text.replace(/江门市政务/g, '佛山市政务');
    const report = await importPlanText(db(), { text, fileName: 'foshan.txt', actor: 'ou_admin' });
    const catalog = new QuestionCatalog(db(), 0);
    const ask = async (question: string) => {
      const current = await catalog.current();
      const parsed = parseQuestion(question, current.directory);
      if (parsed.kind === 'follow_up') throw new Error('unexpected follow-up');
      return answer(parsed, current, db().repos, '2026-11-22');
    };
    const before = await ask('在佛山的方案里进度不到一半的');
    expect(catalog.lastRefresh).toBe('rebuilt');
    expect(before).toMatchObject({ kind: 'task_list', total: 37 });

    const task = (await db().repos.tasks.listByPlan(report.planId)).find((candidate) => candidate.key === '13')!;
    await db().transaction((repos) => repos.progress.append({ taskId: task.id, percent: 80, status: 'in_progress', note: '已完成初稿', actor: 'ou_liaison' }));
    const after = await ask('在佛山的方案里进度不到一半的');
    expect(catalog.lastRefresh).toBe('patched');
    expect(after).toMatchObject({ kind: 'task_list', total: 36 });
    const detail = await ask(`任务 #${task.id}`);
    expect(detail).toMatchObject({ kind: 'task_detail', item: { percent: 80, statusLabel: '进行中', latest: { note: '已完成初稿' } } });

    // A new version of the plan (a task removed) is a structural change: rebuilt.
    await importPlanText(db(), { text: text.replace(/37 \|\n组织开展全市政务公开工作第三方评估 \|\n市府办公室 \|\n从2017年起每年实施 \|\n?/, ''), fileName: 'v2.txt', actor: 'ou_admin' });
    const rebuilt = await ask('在佛山的方案里进度不到一半的');
    expect(catalog.lastRefresh).toBe('rebuilt');
    expect(rebuilt).toMatchObject({ kind: 'task_list', total: 35 });
  });

  it('reads the live tasks a page at a time, each once, with their own links and deadlines', async () => {
    const text = normalizeDocument(seed).text.replace(/江门市政务/g, '惠州市政务');
    const report = await importPlanText(db(), { text, fileName: 'huizhou.txt', actor: 'ou_admin' });
    const stored = await db().repos.tasks.listByPlan(report.planId);
    const seen = new Map<number, { links: number; deadlines: number }>();
    for await (const page of db().repos.search.taskPages(7)) {
      expect(page.tasks.length).toBeLessThanOrEqual(7);
      for (const row of page.tasks) {
        expect(seen.has(row.id)).toBe(false);
        seen.set(row.id, { links: page.links.filter((link) => link.taskId === row.id).length, deadlines: page.deadlines.filter((deadline) => deadline.taskId === row.id).length });
      }
      expect(page.links.every((link) => page.tasks.some((row) => row.id === link.taskId))).toBe(true);
    }
    for (const task of stored) expect(seen.get(task.id)).toEqual({ links: task.units.length, deadlines: task.deadlines.length });
  });
});
