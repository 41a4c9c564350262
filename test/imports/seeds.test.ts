/**
 * The five real plans in seeds/ import correctly: counts of tasks and
 * sub-requirements, and for sample tasks the exact units, roles and deadlines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenNodes, parsePlanDocument, type ParsedNode, type ParsedPlan } from '../../src/domain/imports/plan-parser.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SEEDS = {
  zhongshan: '000_94ff24fa85011159.txt',
  linyi: '001_3c6ad803d9ae2d0e.txt',
  xinhui: '002_873e3bb7a99b9369.txt',
  jiangmen: '003_d1035213d6840534.txt',
  jingxin: '004_cfc444f77b463dd9.txt',
} as const;

const plans = {} as Record<keyof typeof SEEDS, ParsedPlan>;
beforeAll(() => {
  for (const [name, file] of Object.entries(SEEDS)) {
    plans[name as keyof typeof SEEDS] = parsePlanDocument(readFileSync(`${seedsDir}${file}`, 'utf8'), file);
  }
});

function node(plan: ParsedPlan, key: string): ParsedNode {
  const found = flattenNodes(plan.nodes).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no node ${key}`);
  return found;
}
/** "unit:role" of a node, in document order. */
const units = (plan: ParsedPlan, key: string) => node(plan, key).units.map((unit) => `${unit.name}:${unit.role}`);
const leads = (plan: ParsedPlan, key: string) => node(plan, key).units.filter((u) => u.role === 'lead').map((u) => u.name);
const due = (plan: ParsedPlan, key: string) => node(plan, key).deadlines.map((d) => d.dueOn ?? `${d.kind}${d.recurrence ? `:${d.recurrence}` : ''}`);
const counts = (plan: ParsedPlan) => [plan.nodes.length, flattenNodes(plan.nodes).length - plan.nodes.length];

describe('seed 000 — 中山市 2016 分工方案 (tab table with sub-requirement rows)', () => {
  it('has 27 tasks and 75 sub-requirements, and its metadata', () => {
    const plan = plans.zhongshan;
    expect(counts(plan)).toEqual([27, 75]);
    expect(plan).toMatchObject({ jurisdiction: '中山市', year: 2016, layout: 'tab-table' });
    expect(plan.title).toBe('中山市贯彻落实省政府办公厅2016年政务公开工作要点分工方案');
    expect(plan.warnings).toEqual([]);
  });

  it('task 8 (PPP) is led jointly by 市财政局 and 市发展改革局, all year', () => {
    expect(node(plans.zhongshan, '8').title).toContain('PPP');
    expect(units(plans.zhongshan, '8')).toEqual(['市财政局:lead', '市发展改革局:lead']);
    expect(due(plans.zhongshan, '8')).toEqual(['recurring:yearly']);
  });

  it('task 10: sub-requirement 3 is 市国税局, 5 is 市发展改革局 due 2016-07-31; 1–2 inherit 市财政局', () => {
    const plan = plans.zhongshan;
    expect(node(plan, '10').children.map((child) => child.number)).toEqual(['1．', '2．', '3．', '4．', '5．']);
    expect(units(plan, '10.1')).toEqual(['市财政局:lead', '各镇区:responsible']);
    expect(due(plan, '10.1')).toEqual(['event']);
    expect(units(plan, '10.2')).toEqual(['市财政局:lead', '各镇区:responsible']);
    expect(due(plan, '10.2')).toEqual(['2016-12-31']);
    expect(units(plan, '10.3')).toEqual(['市国税局:lead']);
    expect(units(plan, '10.5')).toEqual(['市发展改革局:lead']);
    expect(due(plan, '10.5')).toEqual(['2016-07-31']);
    expect(node(plan, '10').units).toEqual([]);
  });

  it('joins unit names broken across lines and keeps collectives whole', () => {
    expect(units(plans.zhongshan, '14.1')).toEqual(['市人力资源社会保障局:lead', '各镇区:responsible']);
    expect(units(plans.zhongshan, '15.3')).toEqual(['市住房城乡建设局:lead', '市民政局:lead', '各镇区:responsible']);
    expect(units(plans.zhongshan, '22.1')).toEqual(['市委宣传部:lead', '市政府各部门、各直属机构:responsible', '各镇区:responsible']);
  });

  it('ignores stray Word row numbers: task 11 has five sub-requirements, all inheriting the merged cells', () => {
    expect(node(plans.zhongshan, '11').children).toHaveLength(5);
    expect(units(plans.zhongshan, '11.4')).toEqual(['市国资委:lead', '各镇区:responsible']);
    expect(due(plans.zhongshan, '11.5')).toEqual(['2016-12-31']);
  });

  it('splits two numbered requirements written in one cell (task 13)', () => {
    expect(node(plans.zhongshan, '13').children.map((child) => child.title)).toEqual([
      expect.stringContaining('供养救助'),
      expect.stringContaining('灾害救助'),
    ]);
    expect(units(plans.zhongshan, '13.2')).toEqual(['市民政局:lead', '各镇区:responsible']);
  });

  it('understands quarters, several dates, months without a year, events', () => {
    expect(due(plans.zhongshan, '12.4')).toEqual(['2017-03-31']);
    expect(due(plans.zhongshan, '19.5')).toEqual(['2016-08-31', '2017-02-28']);
    expect(due(plans.zhongshan, '17')).toEqual(['2016-03-31', '2016-11-30']);
    expect(due(plans.zhongshan, '19.3')).toEqual(['event']);
    expect(due(plans.zhongshan, '5')).toEqual(['2016-12-31']);
    expect(node(plans.zhongshan, '19.1').units[0]).toMatchObject({ name: '市政府办公室', aliases: ['市政府督查室'] });
  });

  it('the 预决算公开 task (20) belongs to 市财政局 in both sub-requirements', () => {
    expect(node(plans.zhongshan, '20').title).toBe('深入推进预决算公开');
    expect(leads(plans.zhongshan, '20.1')).toEqual(['市财政局']);
    expect(leads(plans.zhongshan, '20.2')).toEqual(['市财政局']);
    expect(due(plans.zhongshan, '20.1')).toEqual(['2016-12-31']);
  });

  it('prefixes a bureau written without 市 among 市 siblings', () => {
    expect(units(plans.zhongshan, '21.4')).toEqual(['市政府办公室:lead', '市经济和信息化局:lead']);
  });
});

describe('seed 001 — 临沂市 2016 工作要点 (prose with unit parentheses)', () => {
  it('has 23 tasks; items with several unit parentheses split into 10 parts', () => {
    const plan = plans.linyi;
    expect(counts(plan)).toEqual([23, 10]);
    expect(plan).toMatchObject({ jurisdiction: '临沂市', year: 2016, docNumber: '临政办发〔2016〕22号', issuer: '临沂市人民政府办公室' });
    expect(plan.title).toBe('2016年临沂市政务公开工作要点');
    expect(node(plan, '1').categoryPath).toBe('二、工作重点和责任分工 / (一)深化行政决策公开');
  });

  it('reads lead, cooperating and responsible units from the parenthesis', () => {
    const plan = plans.linyi;
    expect(units(plan, '6')).toEqual(['市财政局:lead', '有关部门:cooperating', '各县区政府:cooperating']);
    expect(units(plan, '1')).toEqual(['市法制办:responsible', '各县区政府:responsible']);
    expect(units(plan, '7')).toEqual(['市发改委:lead', '市财政局:lead', '市政府有关部门:cooperating']);
    expect(units(plan, '8.1')).toEqual(['市财政局:lead', '市地税局:lead', '市国税局:lead']);
    expect(units(plan, '8.2')).toEqual(['市财政局:lead', '市物价局:lead']);
    expect(units(plan, '5.2')).toEqual(['市审计局:lead']);
    expect(leads(plan, '10.1')).toEqual(['市环保局', '市安监局', '市房产局', '市质监局', '市食品药品监管局', '市旅游局', '市科技局']);
    expect(units(plan, '22')).toEqual([
      '市政府办公室:lead',
      '市政府新闻办:lead',
      '各县区政府:responsible',
      '市政府各部门:responsible',
    ]);
  });

  it('has no per-item deadline and says which prose sections were not imported', () => {
    expect(flattenNodes(plans.linyi.nodes).every((n) => n.deadlines.length === 0)).toBe(true);
    expect(plans.linyi.warnings.map((w) => w.message)).toEqual(['没有编号任务的部分未作为任务导入：一、总体要求、三、保障措施']);
  });
});

describe('seed 002 — 新会区 2018 分工方案 (tab table, two category levels)', () => {
  it('has 67 tasks, two category levels, and the damaged row 12 imported with a warning', () => {
    const plan = plans.xinhui;
    expect(counts(plan)).toEqual([67, 0]);
    expect(plan).toMatchObject({ jurisdiction: '新会区', year: 2018 });
    expect(node(plan, '38').categoryPath).toBe('着力提升政务服务工作实效 / 优化审批办事服务');
    expect(node(plan, '66').categoryPath).toBe('加强政务公开工作能力建设');
    expect(units(plan, '12')).toEqual(['区财政局:lead', '各镇（街、区）:responsible', '区政府各部门、各直属机构:responsible']);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatchObject({ line: 77, taskKey: '12' });
  });

  it('reads "X牵头，各镇（街、区）…负责", "分别负责", 配合 and doubled separators', () => {
    const plan = plans.xinhui;
    expect(units(plan, '3')).toEqual(['区编办:lead', '各镇（街、区）:responsible', '区政府各部门、各直属机构:responsible']);
    expect(units(plan, '5')).toEqual(['区发展改革局:responsible']);
    expect(units(plan, '56')).toEqual(['区委区府办公室:lead', '区经济信息和商务局:cooperating', '区档案局:cooperating']);
    expect(node(plan, '15').units).toHaveLength(21);
    expect(node(plan, '15').units.find((u) => u.name === '区发展改革局')?.aliases).toEqual(['区物价局']);
    expect(units(plan, '2')).toEqual(units(plan, '1'));
    expect(leads(plan, '20')).toEqual(['区金融局', '区扶贫办', '区财政局', '区环保局']);
  });
});

describe('seed 003 — 江门市 2016 进度安排 (traditional, pipe cells)', () => {
  it('has 37 tasks, converted to simplified characters without pinyin', () => {
    const plan = plans.jiangmen;
    expect(counts(plan)).toEqual([37, 0]);
    expect(plan).toMatchObject({ jurisdiction: '江门市', year: 2016, docNumber: '江府办〔2016〕34号', convertedFromTraditional: true });
    expect(plan.title).toBe('江门市政务公开重点工作任务分工及进度安排方案');
    expect(node(plan, '30').title).not.toMatch(/[a-zāáǎà]/);
  });

  it('splits units on spaces, keeps 各市、区政府 whole, reads targets and recurrences', () => {
    const plan = plans.jiangmen;
    expect(units(plan, '1')).toEqual(['市府办公室:responsible', '市法制局:responsible', '市有关单位:responsible', '各市、区政府:responsible']);
    expect(units(plan, '26')).toEqual(['市网信统筹局:responsible', '市行政服务中心:responsible', '各市、区政府:responsible']);
    expect(node(plan, '17').units[0]).toMatchObject({ name: '市农业局', aliases: ['市扶贫办'] });
    expect(due(plan, '18')).toEqual(['2018-12-31', '2020-12-31']);
    expect(node(plan, '18').deadlines[0]?.raw).toContain('开放200个以上');
    expect(due(plan, '19')).toEqual(['recurring:yearly']);
    expect(due(plan, '11')).toEqual(['2017-06-30']);
    expect(due(plan, '12')).toEqual(['2018-12-31']);
  });
});

describe('seed 003 — eight more tasks: every unit with its role, and the deadline', () => {
  const R = ':responsible';
  it.each([
    ['2', ['市府办公室' + R], ['2017-12-31']],
    ['3', ['市编办' + R, '市有关单位' + R, '各市、区政府' + R], ['2016-12-31']],
    ['4', ['市发展改革局' + R], ['2016-12-31']],
    ['5', ['市法制局' + R, '市有关单位' + R], ['2017-12-31']],
    ['6', ['市法制局' + R, '市编办' + R, '市网信统筹局' + R, '各市、区政府' + R], ['2018-12-31']],
    ['9', ['市编办' + R, '市行政服务中心' + R, '市网信统筹局' + R, '各市、区政府' + R], ['2016-12-31']],
    ['13', ['市财政局' + R], ['2017-06-30']],
    ['25', ['市网信统筹局' + R, '市编办' + R, '市行政服务中心' + R, '各市、区政府' + R], ['2017-12-31']],
    ['37', ['市府办公室' + R], ['recurring:yearly']],
  ])('task %s', (key, expectedUnits, expectedDue) => {
    expect(units(plans.jiangmen, key)).toEqual(expectedUnits);
    expect(due(plans.jiangmen, key)).toEqual(expectedDue);
  });
});

describe('seed 004 — eight more tasks: sections as leads; the plan gives no deadlines, so none is made up', () => {
  const B = '市经济和信息化局';
  it.each([
    ['1.2', [`${B}办公室`]],
    ['1.4', ['财务室', '节能监察中心', '无线电监测站', '技术科', '装备制造业科', '电力科', '工业科'].map((section) => `${B}${section}`)],
    ['1.6', [`${B}各科室`]],
    ['2.1', [`${B}综合科`]],
    ['3.1', [`${B}产业政策科`, `${B}审批办`]],
    ['3.3', [`${B}信息中心`]],
    ['4.2', [`${B}产业政策科`]],
    ['4.4', [`${B}信息中心`, `${B}电力科`, `${B}工业科`]],
  ])('task %s', (key, expectedLeads) => {
    expect(units(plans.jingxin, key)).toEqual(expectedLeads.map((name) => `${name}:lead`));
    expect(due(plans.jingxin, key)).toEqual([]);
  });
});

describe('seed 004 — 中山市经信局 2018 分工 (pipe rows, sections)', () => {
  it('has 15 tasks and 18 numbered measures, with inferred metadata said in warnings', () => {
    const plan = plans.jingxin;
    expect(counts(plan)).toEqual([15, 18]);
    expect(plan).toMatchObject({ jurisdiction: '中山市', year: 2018, issuer: '中山市经济和信息化局' });
    expect(plan.warnings.map((w) => w.message).join('\n')).toMatch(/没有标题/);
    expect(node(plan, '2.1').categoryPath).toBe('二、建立健全政策解读机制');
    expect(node(plan, '1.1').number).toBe('（一）');
  });

  it('names sections after their bureau, with the bare section name as alias', () => {
    const plan = plans.jingxin;
    expect(units(plan, '1.1')).toEqual(['市经济和信息化局产业政策科:lead']);
    expect(node(plan, '1.1').units[0]).toMatchObject({ level: 'section', parent: '市经济和信息化局', aliases: ['产业政策科'] });
    expect(leads(plan, '1.3')).toEqual([
      '市经济和信息化局财务室',
      '市经济和信息化局节能监察中心',
      '市经济和信息化局无线电监测站',
      '市经济和信息化局产业政策科',
    ]);
    expect(node(plan, '1.5').units.map((u) => u.level)).toEqual(['collective', 'section']);
  });
});

/**
 * Every task of the five seeds with the units and the deadline test/fixtures/questions/tasks.json records for it
 * (the question corpus's world, written by hand from the documents): a leaf without its own takes its parent's. A
 * reading that gains or loses a unit or a deadline anywhere in a seed fails here, not only in the samples above.
 * The units' parts are not compared: tasks.json reads 新会's first unit column (牵头及责任单位) as 负责 where
 * the importer, and the samples above, read it as 牵头.
 */
describe('the seeds, every task', () => {
  const PLAN_OF = { ZS: 'zhongshan', LY: 'linyi', XH: 'xinhui', JM: 'jiangmen', JX: 'jingxin' } as const;
  const recorded = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/questions/tasks.json', import.meta.url)), 'utf8')) as { task: string; units: string[]; deadline: string | null }[];

  it('reads each of the 240 tasks with the units and the deadline recorded for it', () => {
    const read = recorded.map(({ task }) => {
      const [plan, key] = task.split(':') as [keyof typeof PLAN_OF, string];
      const parsed = plans[PLAN_OF[plan]];
      const parents = new Map<ParsedNode, ParsedNode>();
      for (const parent of flattenNodes(parsed.nodes)) for (const child of parent.children) parents.set(child, parent);
      let units: string[] = [];
      let deadline: string | null = null;
      for (let current: ParsedNode | undefined = node(parsed, key); current; current = parents.get(current)) {
        if (units.length === 0) units = current.units.map((unit) => unit.name);
        if (deadline === null && current.deadlines.length > 0) deadline = [...new Set(current.deadlines.map((d) => d.raw))].join('；');
      }
      return { task, units, deadline };
    });
    expect(read).toEqual(recorded.map(({ task, units, deadline }) => ({ task, units: units.map((unit) => unit.replace(/（(?:牵头|负责|配合)）$/, '')), deadline })));
  });
});
