/**
 * Importing into the database, on SQLite and PostgreSQL: units per
 * jurisdiction, re-import in place with progress kept, change reports,
 * and a document that cannot be read changing nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { normalizeDocument } from '../../src/domain/imports/normalize-text.js';
import { importPlanText } from '../../src/domain/imports/plan-importer.js';
import { importDocumentBytes, importFiles } from '../../src/imports/import-files.js';
import { describeEachDatabase } from '../support/databases.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seed = (file: string) => readFileSync(`${seedsDir}${file}`, 'utf8');

describeEachDatabase('plan import', ({ db }) => {
  it('imports every seed; each city keeps its own 市财政局; sections hang under their bureau', async () => {
    const results = await importFiles(db(), [seedsDir], 'system');
    // Tasks as every count means them: a task broken into sub-requirements counts as those (27 numbered tasks of seed 000, 20 of them broken into 75).
    expect(results.map((result) => ('error' in result ? result.error : 'report' in result ? [result.report.counts.tasks, result.report.counts.subItems, result.report.counts.items] : 'synonyms'))).toEqual([
      'synonyms',
      [82, 75, 102],
      [29, 10, 33],
      [67, 0, 67],
      [37, 0, 37],
      [25, 18, 33],
    ]);
    expect(await db().repos.plans.count()).toBe(5);
    const finance = await Promise.all(['中山市', '临沂市', '江门市'].map((city) => db().repos.units.findByName(city, '市财政局')));
    expect(new Set(finance.map((unit) => unit?.id)).size).toBe(3);
    expect(await db().repos.units.findByName('新会区', '区财政局')).toBeDefined();
    const section = await db().repos.units.findByName('中山市', '产业政策科');
    const bureau = await db().repos.units.findByName('中山市', '市经济和信息化局');
    expect(section).toMatchObject({ name: '市经济和信息化局产业政策科', level: 'section', parentId: bureau?.id });
    // Seed 000 names the bureau too: the two 中山市 plans share the unit.
    const zhongshan = (await db().repos.plans.list()).find((plan) => plan.sourceName.startsWith('000'))!;
    const task21 = (await db().repos.tasks.listByPlan(zhongshan.id)).find((task) => task.key === '21.4')!;
    expect(task21.units.map((link) => link.unitId)).toContain(bureau?.id);
    expect((await db().repos.units.findByName('中山市', '市政府督查室'))?.name).toBe('市政府办公室');
    expect(await db().repos.audit.count('plan.import')).toBe(5);
  });

  it('synonyms: other names find the unit, a new plan reuses it, and units the table calls one are merged', async () => {
    await importFiles(db(), [seedsDir], 'system');
    expect((await db().repos.units.findByName('中山市', '市发改局'))?.name).toBe('市发展改革局');
    expect((await db().repos.units.findByName('江门市', '市政府办公室'))?.name).toBe('市府办公室');
    expect((await db().repos.units.findByName('临沂市', '市发展改革局'))?.name).toBe('市发改委');
    // Different levels never merge: 新会区's 区发展改革局 is not 中山市's.
    expect((await db().repos.units.findByName('新会区', '区发改局'))?.name).toBe('区发展改革局');

    // Two plans of one city, imported without the table, name one bureau two ways.
    const plan = (title: string, unit: string) =>
      `珠海市${title}分工方案\n一、公开\n（一）预算\n1. 公开部门预算（${unit}牵头，市财政局配合）\n2. 公开决算（${unit}负责）\n3. 公开审计（市审计局负责）\n`;
    const first = await importPlanText(db(), { text: plan('2019年', '市发改委'), fileName: 'a.txt', actor: 'ou_admin' });
    await importPlanText(db(), { text: plan('2020年', '市发展改革局'), fileName: 'b.txt', actor: 'ou_admin' });
    const before = await db().repos.units.list('珠海市');
    expect(before.map((unit) => unit.name)).toEqual(expect.arrayContaining(['市发改委', '市发展改革局']));

    const [applied] = await importFiles(db(), [`${seedsDir}unit-synonyms.txt`], 'ou_admin');
    expect(applied).toMatchObject({ synonyms: { merged: [{ jurisdiction: '珠海市', from: '市发展改革局', into: '市发改委' }] } });
    const merged = await db().repos.units.findByName('珠海市', '市发展改革局');
    expect(merged?.name).toBe('市发改委');
    const linked = new Set((await db().repos.tasks.listByPlan(first.planId + 1)).flatMap((task) => task.units.map((link) => link.unitName)));
    expect(linked).toContain('市发改委');
    expect(linked).not.toContain('市发展改革局');
    expect(await db().repos.audit.count('unit.merge')).toBe(1);

    // With the table, a third plan's 市发改局 is the same unit, not a new one.
    const third = await importFiles(db(), [seedsDir], 'system');
    expect(third.some((result) => 'error' in result)).toBe(false);
    const count = (await db().repos.units.list('珠海市')).length;
    await importPlanText(db(), {
      text: plan('2021年', '市发改局'),
      fileName: 'c.txt',
      actor: 'ou_admin',
      synonyms: (await import('../../src/domain/units/synonym-table.js')).parseSynonymTable(seed('unit-synonyms.txt')),
    });
    expect((await db().repos.units.list('珠海市')).length).toBe(count);
  });

  it('re-importing keeps task ids and progress, and reports what a new version changed', async () => {
    // The Jiangmen plan as another city's (simplified, so it can be edited below).
    const text = normalizeDocument(seed('003_d1035213d6840534.txt')).text.replace(/江门市政务/g, '珠海市政务');
    const first = await importPlanText(db(), { text, fileName: 'v1.txt', actor: 'ou_admin' });
    expect(first.created).toBe(true);
    const tasks = await db().repos.tasks.listByPlan(first.planId);
    const task = tasks.find((candidate) => candidate.key === '12')!;
    await db().transaction((repos) => repos.progress.append({ taskId: task.id, percent: 40, status: 'in_progress', actor: 'ou_x' }));

    const same = await importPlanText(db(), { text, fileName: 'v1.txt', actor: 'ou_admin' });
    expect(same.changes).toEqual({ added: [], removed: [], changed: [], removedWithProgress: [], correctionsKept: [] });
    expect(same).toMatchObject({ created: false, planId: first.planId });

    const edited = text
      .replace('出台市直单位向社会力量购买服务信息公开办法 |', '出台市直单位向社会力量购买服务信息公开办法（修订） |')
      .replace(/37 \|\n组织开展全市政务公开工作第三方评估 \|\n市府办公室 \|\n从2017年起每年实施 \|\n?/, '');
    expect(edited).not.toBe(text);
    const second = await importPlanText(db(), { text: edited, fileName: 'v2.txt', actor: 'ou_admin' });
    expect(second.changes).toEqual({ added: [], removed: ['37'], changed: ['12'], removedWithProgress: [], correctionsKept: [] });
    const after = await db().repos.tasks.get(task.id);
    expect(after).toMatchObject({ key: '12', percent: 40, status: 'in_progress' });
    expect(after?.title).toContain('修订');
    expect((await db().repos.progress.history(task.id)).length).toBe(1);
    expect((await db().repos.tasks.listByPlan(first.planId)).map((t) => t.key)).not.toContain('37');
  });

  it('a document it cannot read changes nothing and says why in Chinese', async () => {
    const plansBefore = await db().repos.plans.count();
    const auditBefore = await db().repos.audit.count();
    // The answer says what the file holds, what a plan needs, and what to do.
    await expect(importPlanText(db(), { text: '这不是一份分工方案。\n只有两行字。', fileName: 'notes.txt', actor: 'ou_admin' })).rejects.toThrow(
      /notes\.txt：没有找到任务，没有导入。这份文件有2 行文字，没有“一、（一）1\.”这样的编号条目，没有写明牵头或责任单位。分工方案需要列出任务和负责单位.*请确认/,
    );
    const [unsupported] = await importFiles(db(), [`${seedsDir}../package.json`], 'ou_admin');
    expect(unsupported).toMatchObject({ error: expect.stringContaining('不支持的文件格式') });
    expect(await db().repos.plans.count()).toBe(plansBefore);
    expect(await db().repos.audit.count()).toBe(auditBefore);
  });

  it('a number the document repeats further on keeps both items: the later one as "N~2", with a warning to check the numbering', async () => {
    const text = '中山市重复编号测试工作分工方案\n\n\t序号\n\t工作任务\n\t具体要求\n\t牵头单位\n\t完成时限\n\n\t1\n\t编制目录\n\t编制并公开目录\n\t市财政局\n\t2026年12月底前完成\n\n\t2\n\t公开预算\n\t公开市级预算\n\t市财政局\n\t2026年12月底前完成\n\n\t3\n\t公开审计结果\n\t公开审计工作报告\n\t市审计局\n\t2027年3月底前完成\n\n\t2\n\t公开决算\n\t公开市级决算\n\t市审计局\n\t2027年6月底前完成';
    const importCsv = async () => {
      const result = await importDocumentBytes(db(), 'dup.txt', Buffer.from(text, 'utf8'), 'ou_admin');
      if (!('report' in result)) throw new Error(JSON.stringify(result));
      return result.report;
    };
    const report = await importCsv();
    expect(report.counts.tasks).toBe(4);
    const tasks = await db().repos.tasks.listByPlan(report.planId);
    expect(tasks.map((task) => [task.key, task.title])).toEqual([
      ['1', '编制目录'],
      ['2', '公开预算'],
      ['3', '公开审计结果'],
      ['2~2', '公开决算'],
    ]);
    expect(report.warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('编号“2”重复出现，这一项另记为“2~2”'));
    // Re-importing the same document finds the same keys: nothing added or removed.
    const again = await importCsv();
    expect(again.changes).toEqual({ added: [], removed: [], changed: [], removedWithProgress: [], correctionsKept: [] });
  });
});
