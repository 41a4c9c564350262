/**
 * What an import keeps safe, on SQLite and PostgreSQL: leaders stored as
 * leaders and never as units; a dry run that reports what an import would
 * do and stores nothing; two documents whose title could not be read never
 * taken for one plan; tasks a re-import leaves out archived with their
 * progress, never deleted; an administrator's corrections (/修改) and the
 * import card's choices kept by a re-import unless the document changed
 * that field.
 */
import { expect, it } from 'vitest';
import { correctTask } from '../../src/domain/corrections/correct-task.js';
import { importPlanText, previewPlanText } from '../../src/domain/imports/plan-importer.js';
import type { Actor } from '../../src/domain/people/actor.js';
import { readCsv } from '../../src/imports/formats/spreadsheet-reader.js';
import { describeEachDatabase } from '../support/databases.js';

const ADMIN: Actor = { openId: 'ou_admin', isAdmin: true, supervises: 'all', liaisonUnitIds: [] };

/** A pipe-less CSV plan: its title line, then rows of [number, task, lead, others, leaders, deadline]. */
function csvPlan(title: string, rows: readonly (readonly string[])[]): string {
  return [title, '序号,工作任务,牵头单位,配合单位,分管领导,完成时限', ...rows.map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(','))].join('\n');
}

/** A CSV file's document, as an upload of it is read. */
const csv = async (text: string) => readCsv(Buffer.from(text, 'utf8'));

const ROWS = [
  ['1', '推进政务公开标准化', '市政务服务数据管理局', '市财政局', '杜某某', '2027年6月底前'],
  ['2', '完善预决算公开', '市财政局', '市审计局', '杜某某、王某', '12月底前'],
  ['3', '公开重大建设项目', '市发展改革局', '', '王某', '长期坚持'],
] as const;

describeEachDatabase('import safety and corrections', ({ db }) => {
  it('stores leaders on the task, never as units', async () => {
    const report = await importPlanText(db(), { ...(await csv(csvPlan('珠海市2027年重点工作任务分工方案', ROWS))), fileName: 'leaders.csv', actor: 'ou_admin' });
    const tasks = await db().repos.tasks.listByPlan(report.planId);
    expect(tasks.map((task) => [task.key, task.leaders])).toEqual([['1', '杜某某'], ['2', '杜某某、王某'], ['3', '王某']]);
    expect(tasks[1]!.units.map((unit) => [unit.unitName, unit.role])).toEqual([['市财政局', 'lead'], ['市审计局', 'cooperating']]);
    const units = (await db().repos.units.list('珠海市')).map((unit) => unit.name);
    expect(units).not.toContain('杜某某');
    expect(units).not.toContain('王某');
    expect(report.counts.leaders).toBe(2);
  });

  it('a dry run reports what the import would do and stores nothing', async () => {
    const text = csvPlan('汕头市2027年重点工作任务分工方案', ROWS);
    const counts = async () => [await db().repos.plans.count(), await db().repos.audit.count(), (await db().repos.units.list('汕头市')).length];
    const before = await counts();
    const preview = await previewPlanText(db(), { ...(await csv(text)), fileName: 'dry.csv', actor: 'ou_admin' });
    expect(await counts()).toEqual(before);
    expect(preview.report).toMatchObject({ dryRun: true, created: true, planId: null, title: '汕头市2027年重点工作任务分工方案', jurisdiction: '汕头市', year: 2027 });
    expect(preview.rows[1]).toEqual({ key: '2', number: '2', title: '完善预决算公开', lead: ['市财政局'], others: ['市审计局'], deadline: '12月底前', inherits: { units: false, deadline: false }, brokenDown: false, leaders: '杜某某、王某' });
    const imported = await importPlanText(db(), { ...(await csv(text)), fileName: 'dry.csv', actor: 'ou_admin' });
    expect({ ...preview.report, dryRun: false, planId: imported.planId }).toEqual(imported);
  });

  it('two documents whose title and region could not be read stay two plans', async () => {
    const untitled = (task: string) => ['序号,工作任务,牵头单位,完成时限', `1,${task},财政局,2027年6月底前`, `2,${task}二,审计局,2027年9月底前`].join('\n');
    const first = await importPlanText(db(), { ...(await csv(untitled('甲项工作'))), fileName: 'a1.csv', actor: 'ou_admin' });
    const second = await importPlanText(db(), { ...(await csv(untitled('乙项工作'))), fileName: 'b2.csv', actor: 'ou_admin' });
    expect(second.created).toBe(true);
    expect(second.planId).not.toBe(first.planId);
    expect((await db().repos.tasks.listByPlan(first.planId)).map((task) => task.title)).toEqual(['甲项工作', '甲项工作二']);
  });

  it('a re-import that leaves out a task with progress archives it with its history, and says so', async () => {
    const title = '佛山市2027年重点工作任务分工方案';
    const first = await importPlanText(db(), { ...(await csv(csvPlan(title, ROWS))), fileName: 'fs.csv', actor: 'ou_admin' });
    const [, second] = await db().repos.tasks.listByPlan(first.planId);
    await db().transaction((repos) => repos.progress.append({ taskId: second!.id, percent: 30, status: 'in_progress', note: '已起草', actor: 'ou_liaison' }));

    const without = csvPlan(title, [ROWS[0], ROWS[2]]);
    const preview = await previewPlanText(db(), { ...(await csv(without)), fileName: 'fs.csv', actor: 'ou_admin' });
    expect(preview.existing?.id).toBe(first.planId);
    expect(preview.report.changes).toMatchObject({ removed: ['2'], removedWithProgress: ['2'] });
    expect((await db().repos.tasks.get(second!.id))?.removedAt).toBeNull();

    const report = await importPlanText(db(), { ...(await csv(without)), fileName: 'fs.csv', actor: 'ou_admin' });
    expect(report.changes).toMatchObject({ removed: ['2'], removedWithProgress: ['2'] });
    const archived = await db().repos.tasks.get(second!.id);
    expect(archived?.removedAt).not.toBeNull();
    expect(archived?.percent).toBe(30);
    expect((await db().repos.progress.history(second!.id)).map((update) => update.note)).toEqual(['已起草']);
    // Back in the next version: the same task, its progress with it.
    const back = await importPlanText(db(), { ...(await csv(csvPlan(title, ROWS))), fileName: 'fs.csv', actor: 'ou_admin' });
    expect(back.changes).toMatchObject({ added: ['2'], removed: [] });
    expect(await db().repos.tasks.get(second!.id)).toMatchObject({ removedAt: null, percent: 30 });
  });

  it('corrections stand through a re-import unless the document changed that field', async () => {
    const title = '东莞市2027年重点工作任务分工方案';
    const first = await importPlanText(db(), { ...(await csv(csvPlan(title, ROWS))), fileName: 'dg.csv', actor: 'ou_admin' });
    const [task] = await db().repos.tasks.listByPlan(first.planId);
    const correct = (correction: Parameters<typeof correctTask>[2]['correction']) => db().transaction((repos) => correctTask(repos, ADMIN, { taskId: task!.id, correction }));
    await correct({ field: 'units', units: [{ role: 'lead', names: '市财政局' }, { role: 'cooperating', names: '市税务局' }] });
    await correct({ field: 'deadline', text: '2027年9月底前' });
    await correct({ field: 'title', text: '推进政务公开标准化规范化' });
    await correct({ field: 'leaders', text: '陈某' });
    const corrected = await db().repos.tasks.get(task!.id);
    expect(corrected).toMatchObject({ title: '推进政务公开标准化规范化', leaders: '陈某' });
    expect(corrected!.units.map((unit) => [unit.unitName, unit.role])).toEqual([['市财政局', 'lead'], ['市税务局', 'cooperating']]);
    expect(corrected!.deadlines[0]).toMatchObject({ raw: '2027年9月底前', dueOn: '2027-09-30' });
    const audits = await db().repos.audit.forEntity('task', task!.id);
    expect(audits.map((audit) => [audit.action, (audit.before as { value: string }).value, (audit.after as { value: string }).value])).toEqual([
      ['task.correct', '牵头：市政务服务数据管理局；配合：市财政局', '牵头：市财政局；配合：市税务局'],
      ['task.correct', '2027年6月底前', '2027年9月底前'],
      ['task.correct', '推进政务公开标准化', '推进政务公开标准化规范化'],
      ['task.correct', '杜某某', '陈某'],
    ]);

    const again = await importPlanText(db(), { ...(await csv(csvPlan(title, ROWS))), fileName: 'dg.csv', actor: 'ou_admin' });
    expect(again.changes).toMatchObject({ changed: [], correctionsKept: ['1'] });
    expect(await db().repos.tasks.get(task!.id)).toMatchObject({ title: '推进政务公开标准化规范化', leaders: '陈某' });

    // The next version of the document moves the deadline itself: the document wins there, the other corrections stand.
    const moved = csvPlan(title, [['1', '推进政务公开标准化', '市政务服务数据管理局', '市财政局', '杜某某', '2027年12月底前'], ROWS[1], ROWS[2]]);
    const next = await importPlanText(db(), { ...(await csv(moved)), fileName: 'dg.csv', actor: 'ou_admin' });
    expect(next.changes).toMatchObject({ changed: ['1'], correctionsKept: ['1'] });
    const after = await db().repos.tasks.get(task!.id);
    expect(after!.deadlines[0]?.raw).toBe('2027年12月底前');
    expect(after).toMatchObject({ title: '推进政务公开标准化规范化', leaders: '陈某' });
    expect(after!.units.map((unit) => unit.unitName)).toEqual(['市财政局', '市税务局']);
  });

  it('bad corrections are refused in Chinese and change nothing', async () => {
    const first = await importPlanText(db(), { ...(await csv(csvPlan('惠州市2027年重点工作任务分工方案', ROWS))), fileName: 'hz.csv', actor: 'ou_admin' });
    const [task] = await db().repos.tasks.listByPlan(first.planId);
    const audits = await db().repos.audit.count();
    const attempt = (correction: Parameters<typeof correctTask>[2]['correction'], taskId = task!.id, actor = ADMIN) =>
      db().transaction((repos) => correctTask(repos, actor, { taskId, correction })).then(() => 'ok', (error: Error) => error.message);
    expect(await attempt({ field: 'units', units: [{ role: 'lead', names: '杜某某' }] })).toBe('“杜某某”像是人名，不是单位。分管领导请这样改：/修改 #' + task!.id + ' 分管领导 杜某某');
    expect(await attempt({ field: 'units', units: [{ role: 'lead', names: '市财政局' }, { role: 'cooperating', names: '市财政局' }] })).toMatch(/写了两次/);
    expect(await attempt({ field: 'leaders', text: '市财政局' })).toMatch(/是单位，不是领导/);
    expect(await attempt({ field: 'title', text: '甲' })).toMatch(/标题应为 2 到 200 个字/);
    expect(await attempt({ field: 'title', text: '新的标题' }, 999_999)).toMatch(/^没有找到任务 #999999/);
    expect(await attempt({ field: 'title', text: '新的标题' }, task!.id, { ...ADMIN, isAdmin: false })).toBe('只有管理员可以修改任务。');
    expect(await db().repos.audit.count()).toBe(audits);
    expect((await db().repos.tasks.get(task!.id))?.title).toBe('推进政务公开标准化');
  });

  it('the import card’s choices: a new plan from a known source, and a corrected year that moves the deadlines', async () => {
    const text = csvPlan('江门市重点工作任务分工方案', ROWS);
    const first = await importPlanText(db(), { ...(await csv(text)), fileName: 'jm.csv', actor: 'ou_admin' });
    // No year in the title: the one its tasks write (2027年6月底前) is taken, and the card offers to correct it.
    expect(first.year).toBe(2027);
    const separate = await importPlanText(db(), { ...(await csv(text)), fileName: 'jm.csv', actor: 'ou_admin', overrides: { target: 'new', title: '江门市2028年重点工作任务分工方案', year: 2028 } });
    expect(separate.created).toBe(true);
    expect(separate.planId).not.toBe(first.planId);
    const tasks = await db().repos.tasks.listByPlan(separate.planId);
    expect(tasks[1]!.deadlines[0]).toMatchObject({ raw: '12月底前', dueOn: '2028-12-31' });
    expect((await db().repos.tasks.listByPlan(first.planId)).length).toBe(3);
    // Updating the first plan by choice keeps its id; its title, changed on the card, stands while the document keeps its own.
    const updated = await importPlanText(db(), { ...(await csv(text)), fileName: 'jm-v2.csv', actor: 'ou_admin', overrides: { target: first.planId, title: '江门市重点工作任务分工（修订）' } });
    expect(updated).toMatchObject({ planId: first.planId, created: false, title: '江门市重点工作任务分工（修订）' });
    const again = await importPlanText(db(), { ...(await csv(text)), fileName: 'jm.csv', actor: 'ou_admin' });
    expect(again).toMatchObject({ planId: first.planId, title: '江门市重点工作任务分工（修订）' });
  });
});
