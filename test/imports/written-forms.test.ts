/**
 * More of the ways offices and pages write the same plan: labels in brackets
 * (【牵头单位】), items numbered "1）" or drawn with bullets, "由X会同Y…"
 * sentences, a page that ran a whole plan into one line, titles given by a
 * site's catalogue or by a report of the notice, a heading named by what it
 * lists, and a task table that names no unit column. Each is checked as a
 * user sees the import: the tasks, their units and roles, deadlines, title.
 */
import { describe, expect, it } from 'vitest';
import { flattenNodes, parsePlanDocument, type ParsedNode } from '../../src/domain/imports/plan-parser.js';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readDocx } from '../../src/imports/formats/docx-reader.js';
import { readXls } from '../../src/imports/formats/legacy-spreadsheet-reader.js';
import { readXlsx } from '../../src/imports/formats/spreadsheet-reader.js';
import { wordDocumentOf, type WordCell } from '../support/word-document.js';

const read = (text: string) => {
  const plan = parsePlanDocument(text, 'plan.txt');
  return { plan, tasks: flattenNodes(plan.nodes).filter((node) => node.kind === 'task') };
};
const summary = (node: ParsedNode) => ({
  title: node.title,
  lead: node.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name),
  others: node.units.filter((unit) => unit.role !== 'lead').map((unit) => unit.name),
});

describe('written forms of the same plan', () => {
  it('reads labels written in brackets as labels: 【牵头单位】, 〔责任领导〕, [完成时限]', () => {
    const { tasks } = read(
      [
        '某县2024年重点工作任务分解',
        '1.加快县城道路改造工程。',
        '【牵头单位】县住建局',
        '【配合单位】县财政局、县自然资源局',
        '[完成时限]2024年6月底前',
        '2.新建城市公园两个。',
        '〔牵头单位〕县城管局',
        '〔责任领导〕张三',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '加快县城道路改造工程', lead: ['县住建局'], others: ['县财政局', '县自然资源局'] },
      { title: '新建城市公园两个', lead: ['县城管局'], others: [] },
    ]);
    expect(tasks[0]!.deadlines.map((deadline) => deadline.raw)).toEqual(['2024年6月底前']);
    expect(tasks[1]!.leaders).toEqual(['张三']);
  });

  it('reads items numbered "1）" as numbered items, and bullets (◆ ● ——) as how a list is drawn, not as words of the task', () => {
    const numbered = read(['某县2024年重点工作任务分解', '1）加快县城道路改造工程（县住建局牵头，县财政局配合）', '2）新建城市公园两个（县城管局负责）'].join('\n'));
    expect(numbered.tasks.map((task) => [task.key, task.title])).toEqual([
      ['1', '加快县城道路改造工程'],
      ['2', '新建城市公园两个'],
    ]);
    const bullets = read(['某县2024年重点工作任务分解', '一、稳增长', '◆加快县城道路改造工程。（县住建局牵头，县财政局配合）', '●新建城市公园两个。（县城管局负责）'].join('\n'));
    expect(bullets.tasks.map(summary)).toEqual([
      { title: '加快县城道路改造工程', lead: ['县住建局'], others: ['县财政局'] },
      { title: '新建城市公园两个', lead: [], others: ['县城管局'] },
    ]);
    const dashes = read(['某县2024年重点工作任务分解', '——加快县城道路改造工程。（县住建局负责）', '——新建城市公园两个。（县城管局负责）'].join('\n'));
    expect(dashes.tasks.map((task) => task.title)).toEqual(['加快县城道路改造工程', '新建城市公园两个']);
  });

  it('makes the unit before 会同 lead and those after it cooperate: 由X会同Y、Z等部门研究提出落实意见', () => {
    const { tasks } = read(
      [
        '国务院办公厅关于落实有关政策措施分工的通知',
        '一、工作分工',
        '（一）关于“确保谷物基本自给”的问题，由发展改革委会同中央农办、农业部、财政部等部门研究提出落实意见。',
        '（二）关于“严守耕地保护红线”的问题，由国土资源部会同农业部等部门负责落实。',
      ].join('\n'),
    );
    expect(tasks.map((task) => summary(task)).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['发展改革委'], others: ['中央农办', '农业部', '财政部'] },
      { lead: ['国土资源部'], others: ['农业部'] },
    ]);
  });

  it('reads the part a role verb gives though the work follows it: （县教育局牵头抓好落实，县财政局配合做好资金保障）', () => {
    const { tasks } = read(['某县2024年重点工作任务分解', '1.新建城区小学一所（县教育局牵头抓好落实，县财政局配合做好资金保障）。', '2.改造老旧小区10个（县住建局负责做好改造工作）。'].join('\n'));
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['县教育局'], others: ['县财政局'] },
      { lead: [], others: ['县住建局'] },
    ]);
  });

  it('applies “排在第一位的为牵头单位” said of tasks with several units to those only; splits 经济投资局和航空口岸局分别牵头; reads 参加 as taking part', () => {
    const several = read(
      ['某市十三五规划纲要主要目标和任务分工', '由多个单位负责的，排在第一位的为牵头单位。', '1.劳动年龄人口平均受教育年限达到11年。（市教育局）', '2.新建城市公园两个。（市城管局、市住建局）'].join('\n'),
    );
    expect(several.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: [], others: ['市教育局'] },
      { lead: ['市城管局'], others: ['市住建局'] },
    ]);
    const { tasks } = read(['某区2023年重点工作责任分解', '1.提高临空经济示范区能级。', '责任单位：经济投资局和航空口岸局分别牵头、区发改局', '2.坚持就业优先。（市人社局牵头，市财政局、国家统计局某市调查队参加）'].join('\n'));
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['区经济投资局', '区航空口岸局'], others: ['区发改局'] },
      { lead: ['市人社局'], others: ['市财政局', '国家统计局某市调查队'] },
    ]);
  });

  it('gives the items under a heading the leader it names (一、王浩副县长负责的工作) though another reading finds the same units', () => {
    const { plan, tasks } = read(['某县2024年重点工作任务分解', '一、王浩副县长负责的工作', '1.加快县城道路改造工程（县住建局牵头）。', '2.新建城市公园两个（县城管局牵头）。', '二、刘建国副县长牵头的工作', '3.新增学位800个（县教育局牵头）。'].join('\n'));
    expect(plan.layout).toBe('outline');
    expect(tasks.map((task) => task.leaders)).toEqual([['王浩副县长'], ['王浩副县长'], ['刘建国副县长']]);
  });

  it('gives the items under a heading its leader however the heading names them: 王浩同志分管的工作, 县长王浩牵头的重点工作', () => {
    const comrade = read(['某县2024年重点工作任务分解', '（一）王浩同志分管的工作', '1.加快县城道路改造工程（县住建局牵头）。', '2.新建城市公园两个（县城管局牵头）。', '（二）刘建国同志分管的工作', '3.新增学位800个（县教育局牵头）。'].join('\n'));
    expect(comrade.tasks.map((task) => task.leaders)).toEqual([['王浩'], ['王浩'], ['刘建国']]);
    const seatFirst = read(['某县2024年重点工作任务分解', '一、县长王浩牵头的重点工作', '1.加快县城道路改造工程（县住建局牵头）。', '2.新建城市公园两个（县城管局牵头）。'].join('\n'));
    expect(seatFirst.tasks.map((task) => task.leaders)).toEqual([['县长王浩'], ['县长王浩']]);
  });

  it('gives the items under a heading the leader it names with a Party title (张盈军区政府党组成员牵头重点工作)', () => {
    const { tasks } = read(['某区2023年政府工作报告重点工作责任分解', '二、张盈军区政府党组成员牵头重点工作', '1.提高临空经济示范区能级。', '责任单位：区经济投资局'].join('\n'));
    expect(tasks.map((task) => task.leaders)).toEqual([['张盈军区政府党组成员']]);
  });

  it('takes the plan a notice hands out (现将《X》印发给你们), a title broken over three lines, and not 特此通知 before a title', () => {
    const notice = read(
      ['荆州市沙市区人民政府关于印发荆州市沙市区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案的通知', '各镇人民政府：', '现将《荆州市沙市区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案》印发给你们，请认真贯彻执行。', '', '荆州市沙市区国民经济和', '', '社会发展第十四个五年规划和二〇三五年远景', '', '目标纲要任务分工方案', '1.推进产业升级（区发改局牵头）。', '2.建设城市公园（区住建局负责）。'].join('\n'),
    );
    expect(notice.plan.title).toBe('荆州市沙市区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案');
    const broken = read(['某市人民政府', '', '某市国民经济和', '', '社会发展第十四个五年规划和二〇三五年远景', '', '目标纲要任务分工方案', '1.推进产业升级（市发改委牵头）。', '2.建设城市公园（市住建局负责）。'].join('\n'));
    expect(broken.plan.title).toBe('某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案');
    const closing = read(['宝府办〔2008〕18号', '特此通知', '2008年政府工作目标任务分解', '1.推进产业升级（区发改委牵头）。', '2.建设城市公园（区住建局负责）。'].join('\n'));
    expect(closing.plan.title).toBe('2008年政府工作目标任务分解');
  });

  it('reads 责任单位及责任人：X主要领导 as the unit X; an item numbered 1. whose text opens with a year; 2009年底前 as the deadline; a signing date in Chinese numerals as the year', () => {
    const { plan, tasks } = read(
      ['附件1', '加强全市消防部队应急救援能力建设主要目标任务及责任分解', '二〇〇九年五月三十一日', '一、消防站点建设', '1.2009年底前,完成特勤消防三中队建设。', '责任单位及责任人:呈贡县政府、市发改委主要领导。', '2.2010年底前,完成东川消防二中队建设。', '责任单位及责任人:东川区政府主要领导。'].join('\n'),
    );
    expect(plan.year).toBe(2009);
    expect(tasks.map((task) => ({ title: task.title, units: task.units.map((unit) => unit.name), leaders: task.leaders, deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: '2009年底前,完成特勤消防三中队建设', units: ['呈贡县政府', '市发改委'], leaders: [], deadline: ['2009年底前'] },
      { title: '2010年底前,完成东川消防二中队建设', units: ['东川区政府'], leaders: [], deadline: ['2010年底前'] },
    ]);
  });

  it('reads a leader’s heading run onto its text, its helpers too, over headings that name the lead unit', () => {
    const { tasks } = read(
      '第一部分:主要工作任务的责任分解 一、于幼军省长负责的工作(李政文秘书长、刘俊谦省长助理协助) 对主要工作任务负总责,同时具体负责以下工作: (一)省监察委员会牵头的工作 强化行政监察,建立健全惩治和预防腐败体系。 协同部门:省政府办公厅、发展改革委等。 (二)省审计厅牵头的工作 强化审计监督,依法开展审计工作。 协同部门:省政府办公厅、财政厅、地税局等和各市、县人民政府。',
    );
    expect(tasks.map((task) => ({ ...summary(task), leaders: task.leaders })).map(({ lead, others, leaders }) => ({ lead, others, leaders }))).toEqual([
      { lead: ['省监察委员会'], others: ['省政府办公厅', '发展改革委'], leaders: ['于幼军省长', '李政文秘书长', '刘俊谦省长助理'] },
      { lead: ['省审计厅'], others: ['省政府办公厅', '财政厅', '地税局', '各市、县人民政府'], leaders: ['于幼军省长', '李政文秘书长', '刘俊谦省长助理'] },
    ]);
  });

  it('reads other offices’ words for the same roles: 责任部门及责任人 lines, and 列第一位者为主办单位 making the first unit lead', () => {
    const answered = read(['附件1', '主要目标任务及责任分解', '1.2009年底前，完成盘龙消防三中队建设。', '责任部门及责任人：盘龙区政府主要领导。', '2.2009年底前，完成石林县消防大队危旧营房改造。', '责任科室和责任人：石林县政府、县公安消防大队主要领导。'].join('\n'));
    expect(answered.tasks.map((task) => ({ units: task.units.map((unit) => unit.name), leaders: task.leaders }))).toEqual([
      { units: ['盘龙区政府'], leaders: [] },
      { units: ['石林县政府', '县公安消防大队'], leaders: [] },
    ]);
    const hosted = read(['2023年政府工作报告重点工作责任分解', '一、市长牵头重点工作', '1. 深化国资国企改革，提升市场化运作能力。', '责任单位:市财政局(市国资委)、市委组织部、市审计局(列第一位者为主办单位,下同)', '2. 推进沪舟合作，加快LNG站线扩建。', '责任单位:市发改委、嵊泗县政府'].join('\n'));
    expect(hosted.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市财政局'], others: ['市委组织部', '市审计局'] },
      { lead: ['市发改委'], others: ['嵊泗县政府'] },
    ]);
  });

  it('reads who coordinates as a leader: 协调人 lines, and (由X同志协调，Y负责)', () => {
    const labelled = read(['1.坚持科学规划城市。', '责任人:奚克路副市长', '协调人:朱红市长助理、王飞副秘书长', '责任单位:市规划局', '2.加快轨道交通建设。', '责任人:吴光副市长', '协调人:陈浩毅副秘书长', '责任单位:市交通局'].join('\n'));
    expect(labelled.tasks.map((task) => task.leaders)).toEqual([
      ['奚克路副市长', '朱红市长助理', '王飞副秘书长'],
      ['吴光副市长', '陈浩毅副秘书长'],
    ]);
    const coordinated = read(['某区2011年7月份重点工作', '1、加快景区游客服务中心建设,7月底前开工。(由徐明金同志协调,区瀛湖管理局负责)', '2、加快环型干道用地的拆迁进度。(由李建飞同志协调,园区管委会、五里镇负责)'].join('\n'));
    expect(coordinated.tasks.map((task) => ({ units: task.units.map((unit) => unit.name), leaders: task.leaders }))).toEqual([
      { units: ['区瀛湖管理局'], leaders: ['徐明金'] },
      { units: ['园区管委会', '五里镇'], leaders: ['李建飞'] },
    ]);
  });

  it('reads units in [ ] closed by a page’s stray )], with a standing note and its proviso left out', () => {
    const { tasks } = read(
      ['关于印发某市2018年度水污染防治重点工作实施方案的通知', '1.控制用水总量。强化用水监督管理。[市水务局牵头,市工信委、城乡建设局配合,各县(市)区政府负责落实。以下均需各县(市)区政府落实,区政府无相关工作职能的,由市政府直属责任部门负责相关工作,不再列出)]', '2.加强水功能区管理。[市水务局牵头,市环保局配合]'].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市水务局'], others: ['市工信委', '市城乡建设局', '各县（市）区政府'] },
      { lead: ['市水务局'], others: ['市环保局', '各县（市）区政府'] },
    ]);
  });

  it('reads units in a bracket that holds brackets of its own, a list whose bracket states the convention after it, and a unit that is the sentence’s subject', () => {
    const nested = read(['1.严格环境准入。落实高耗能行业准入条件。(市生态环境局牵头,市发改委、市经信局等参与,县(市、区)政府负责落实)', '2.严控“两高”行业产能。(市发改委牵头,县(市、区)政府负责落实)'].join('\n'));
    expect(nested.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市生态环境局'], others: ['市发改委', '市经信局', '县（市、区）政府'] },
      { lead: ['市发改委'], others: ['县（市、区）政府'] },
    ]);
    const convention = read(['一、强化粮食安全意识', '（一）切实增强粮食安全意识。确保谷物基本自给。(市发改委、市农委、各县市区人民政府。排名第一的为牵头单位,下同)', '（二）明确政府的粮食安全责任。(市农委、市财政局)'].join('\n'));
    expect(convention.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市发改委'], others: ['市农委', '各县市区人民政府'] },
      { lead: ['市农委'], others: ['市财政局'] },
    ]);
    const subject = read(['三、任务分工', '1.县应急管理局负责尾矿库、危险化学品等行业的隐患排查治理工作。', '2.县公安局负责道路交通、民用爆炸物品等行业的隐患排查治理工作。'].join('\n'));
    expect(subject.tasks.map((task) => task.units.map((unit) => `${unit.name}:${unit.role}`))).toEqual([['县应急管理局:responsible'], ['县公安局:responsible']]);
    // Units in a closing bracket whose verb goes on to name the work ((市法制局牵头,具体职能部门负责起草)).
    const drafting = read(['--配合系统建设,抓紧研究制订相关配套管理制度。(市法制局牵头,具体职能部门负责起草)', '--规范收费行为。(市物价局牵头,相关单位负责)'].join('\n'));
    expect(drafting.tasks.map((task) => task.units.map((unit) => `${unit.name}:${unit.role}`))).toEqual([['市法制局:lead', '具体职能部门:responsible'], ['市物价局:lead', '相关单位:responsible']]);
    // Several units as the subject, the work after a comma (an inspection's 整改建议).
    const listed = read(['整改建议:', '1.县公安局、城管执法局负责,落实对流浪犬只的捕捉、收容。', '2.县商务局负责,独立设置活禽售卖宰杀区域。'].join('\n'));
    expect(listed.tasks.map((task) => task.units.map((unit) => `${unit.name}:${unit.role}`))).toEqual([['县公安局:responsible', '县城管执法局:responsible'], ['县商务局:responsible']]);
  });

  it('gives an item the units of the sentence after it that only says who does it (此项工作由X、Y负责。), not a task of its own', () => {
    const { tasks } = read(['（十三）推进中小企业节能减排和清洁生产。鼓励中小企业间资源循环利用。', '此项工作由市经济和信息化委、发展改革委、环保局负责。', '（十四）提高企业协作配套水平。鼓励中小企业与大型企业开展合作。', '此项工作由市经济和信息化委负责。'].join('\n'));
    expect(tasks.map((task) => ({ title: task.title, units: task.units.map((unit) => unit.name) }))).toEqual([
      { title: '推进中小企业节能减排和清洁生产', units: ['市经济和信息化委', '市发展改革委', '市环保局'] },
      { title: '提高企业协作配套水平', units: ['市经济和信息化委'] },
    ]);
  });

  it('keeps a collective of a level after 等 (省农业厅等省直有关部门), leaves a note after the units out (。未明确牵头单位的…下同), and parts a people’s organisation glued to a name (省财政厅妇联)', () => {
    const { tasks } = read(
      [
        '1.积极稳妥地推进乡镇机构改革。',
        '协同单位:省财政厅、省人事厅、省农业厅等省直有关部门和各市人民政府。',
        '2.实施能源消费总量和强度双控。(负责单位:发展改革委、能源局、国务院其他有关部门。未明确牵头单位的,由所列负责单位按职责分工负责,下同)',
        '3.5岁以下儿童贫血患病率控制在12%以下。(省卫生厅牵头，省教育厅、省财政厅妇联配合)',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.units.map((unit) => unit.name))).toEqual([
      ['省财政厅', '省人事厅', '省农业厅', '省直有关部门', '各市人民政府'],
      ['发展改革委', '能源局', '国务院其他有关部门'],
      ['省卫生厅', '省教育厅', '省财政厅', '妇联'],
    ]);
  });

  it('reads a unit’s own name as a line’s label whatever its duty starts with (交通部门：结合实际，…)', () => {
    const { tasks } = read(['乡镇政府:建立由乡(镇)长任站长的乡镇交通安全管理站。', '交通部门:结合实际,制定农村道路客运网络的相关政策。', '安监部门:定期组织有关部门督查危险路段治理,责令相关部门限期整改。'].join('\n'));
    expect(tasks.map((task) => task.units.map((unit) => unit.name))).toEqual([['乡镇政府'], ['交通部门'], ['安监部门']]);
  });

  it('cuts a plan a page ran into one line at each item after a unit bracket and after the heading its first item is glued to', () => {
    const { tasks } = read(
      '二、重点任务(一)建立健全服务体系行动1.中医医院高质量发展,主动参与一体化信息化体系建设,(责任单位:区卫生健康局、区财政局等)2.综合医院中医药科室建设,(责任单位:区卫生健康局、区市场监管局等)(二)提升服务能力行动3.打造中医药示范品牌,(责任单位:区卫生健康局、区文广旅局等)',
    );
    expect(tasks.map(summary)).toEqual([
      { title: '中医医院高质量发展,主动参与一体化信息化体系建设', lead: [], others: ['区卫生健康局', '区财政局'] },
      { title: '综合医院中医药科室建设', lead: [], others: ['区卫生健康局', '区市场监管局'] },
      { title: '打造中医药示范品牌', lead: [], others: ['区卫生健康局', '区文广旅局'] },
    ]);
  });

  it('takes the title a site’s catalogue gives under 标  题, and the notice a page reports, over a part’s heading', () => {
    const catalogued = read(
      [
        '标  题: 某省人民政府办公厅关于落实重点工作分工的通知',
        '发文字号: 某政办函〔2014〕31号',
        '一、工作分工',
        '（一）推进粮食生产（省发展改革委牵头，省农业厅配合）。',
        '（二）严守耕地保护红线（省国土资源厅负责）。',
      ].join('\n'),
    );
    expect(catalogued.plan.title).toBe('关于落实重点工作分工的通知');
    const reported = read(
      [
        '最新消息：今天，自治区人民政府网站发布了《自治区人民政府办公厅关于印发银川都市圈建设2019年工作计划的通知》。',
        '一、基础设施互联互通',
        '（一）道路畅通工程。加快建设快速通道。（自治区交通运输厅牵头，自治区发展改革委配合）',
        '（二）城际公交工程。开通城际公交。（自治区交通运输厅负责）',
      ].join('\n'),
    );
    expect(reported.plan.title).toBe('银川都市圈建设2019年工作计划');
    expect(reported.plan.year).toBe(2019);
  });

  it('takes a notice’s name broken over two lines after 关于, with a site’s (已废止) after it, and a 目标责任分解书', () => {
    const notice = read(['东府〔2012〕28号', '关于落实东莞市国民经济和社会发展第十二个五年', '规划纲要主要目标和任务工作分工的通知(已废止)', '一、分工原则', '（一）明确政府职责。', '二、主要目标和任务分工安排', '1.单位生产总值能源消耗降低19.5%。(市经信局牵头)', '2.化学需氧量排放量减少。(市环保局牵头)'].join('\n'));
    expect(notice.plan.title).toBe('关于落实东莞市国民经济和社会发展第十二个五年规划纲要主要目标和任务工作分工的通知');
    const book = read(['《广东省儿童发展规划(2011—2020年)》目标责任分解书', '1.婴儿死亡率控制在6‰以下。(省卫生厅牵头)', '2.5岁以下儿童死亡率控制在8‰以下。(省卫生厅牵头)'].join('\n'));
    expect(book.plan.title).toBe('《广东省儿童发展规划(2011—2020年)》目标责任分解书');
  });

  it('takes the plan a site’s headline says its issuer hands out, and a plan of a span of years as its first year', () => {
    const headline = read(['《临汾市政府印发临汾市水污染防治2018年行动计划》', '1.现有工业企业废水治理设施全面提标改造。(市环保局牵头)', '2.工业集聚区加强监管。(市环保局牵头，市住建局配合)'].join('\n'));
    expect(headline.plan.title).toBe('临汾市水污染防治2018年行动计划');
    const span = read(['德安县社会信用体系建设(2015—2020年)任务分工方案', '1.推进信用地方立法。(县发改委牵头)', '2.加强信用信息分类管理。(县发改委牵头，县市场监管局配合)'].join('\n'));
    expect({ title: span.plan.title, year: span.plan.year }).toEqual({ title: '德安县社会信用体系建设(2015—2020年)任务分工方案', year: 2015 });
  });

  it('reads a site’s byline for the region and the day, and never takes the 文号 of a document the text cites for the year', () => {
    const { plan } = read(
      ['关于加快推进法治政府建设的实施意见', '中阳县政府 www.sxzhongyang.gov.cn 2016-03-21 00:00', '各乡镇人民政府、县直有关单位:', '根据省政府《关于加快推进法治政府建设的实施意见》(晋政发〔2015〕4号),结合我县实际,制定本实施意见。', '1.建立和完善权力清单制度。责任单位:县编办', '2.推行政府法律顾问制度。责任单位:县司法局'].join('\n'),
    );
    expect({ region: plan.jurisdiction, year: plan.year }).toEqual({ region: '中阳县', year: 2016 });
  });

  it('takes a heading named by what it lists (平江县2024年重点工作任务) as the title when nothing names a plan', () => {
    const { plan } = read(['平江县2024年重点工作任务', '一、加快项目建设', '1.推进县城道路改造工程（县住建局负责）。', '2.新建公园两个（县城管局负责）。'].join('\n'));
    expect({ title: plan.title, region: plan.jurisdiction, year: plan.year }).toEqual({ title: '平江县2024年重点工作任务', region: '平江县', year: 2024 });
  });

  it('imports a task table that names no unit column, each task warned of its missing units, instead of refusing the plan', async () => {
    const text = read(['某县2024年重点工作任务清单', '序号\t工作任务\t责任领导\t完成时限', '1\t推进县城道路改造工程\t张三\t年底前', '2\t新建公园两个\t李四\t6月底'].join('\n'));
    expect(text.tasks.map((task) => ({ title: task.title, units: task.units.length, leaders: task.leaders, deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: '推进县城道路改造工程', units: 0, leaders: ['张三'], deadline: ['年底前'] },
      { title: '新建公园两个', units: 0, leaders: ['李四'], deadline: ['6月底'] },
    ]);
    expect(text.plan.warnings.filter((warning) => /没有找到责任单位/.test(warning.message))).toHaveLength(2);

    const cell = (text: string): WordCell => ({ paragraphs: [{ text }] });
    const rows = [
      ['序号', '重点工作', '完成时限'],
      ['1', '推进县城道路改造工程', '2024年6月底前'],
      ['2', '新建公园两个', '年底前'],
    ].map((row) => row.map(cell));
    const docx = await readDocx(wordDocumentOf([{ paragraph: { text: '某县2024年重点工作清单' } }, { table: { rows, headerRows: 1 } }]));
    const word = flattenNodes(parsePlanDocument(docx, 'plan.docx').nodes);
    expect(word.map((task) => [task.title, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['推进县城道路改造工程', ['2024年6月底前']],
      ['新建公园两个', ['年底前']],
    ]);
  });

  describe('a unit, leader or deadline cell merged down over the rows that share it', () => {
    const header = ['序号', '重点任务', '牵头单位', '配合单位', '责任领导', '完成时限'];
    const body = [
      ['1', '加快县城道路改造工程', '县住建局', '县财政局', '张三', '2024年底前'],
      ['2', '新建城市公园两个', '', '县发改局', '', ''],
      ['3', '新增学位800个', '县教育局', '县财政局', '李四', ''],
    ];
    /** What each task holds once read: the lead, the others, the leaders, the deadline. */
    const held = (nodes: readonly ParsedNode[]) =>
      nodes.map((node) => [...Object.values(summary(node)).slice(1), node.leaders, node.deadlines.map((deadline) => deadline.raw)]);
    const expected = [
      [['县住建局'], ['县财政局'], ['张三'], ['2024年底前']],
      [['县住建局'], ['县发改局'], ['张三'], ['2024年底前']],
      [['县教育局'], ['县财政局'], ['李四'], ['2024年底前']],
    ];

    it('reads a Word table’s vertical merges as the page shows them', async () => {
      const cell = (text: string, row: number, column: number): WordCell => {
        const mergedDown = row < body.length - 1 && body[row + 1]![column] === '' && text !== '';
        const covered = text === '';
        return { paragraphs: covered ? [] : [{ text }], ...(covered ? { merge: 'continue' as const } : mergedDown ? { merge: 'restart' as const } : {}) };
      };
      // The deadline merges over all three rows: its second covered cell continues the first.
      const rows: WordCell[][] = [header.map((text) => ({ paragraphs: [{ text }] })), ...body.map((row, index) => row.map((text, column) => cell(text, index, column)))];
      rows[2]![5] = { paragraphs: [], merge: 'continue' };
      const docx = await readDocx(wordDocumentOf([{ paragraph: { text: '某县2024年重点工作任务分工' } }, { table: { rows, headerRows: 1 } }]));
      expect(held(flattenNodes(parsePlanDocument(docx, 'plan.docx').nodes))).toEqual(expected);
    });

    it('reads a sheet’s merged ranges, .xlsx and .xls, as the page shows them', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('任务');
      sheet.addRow(header);
      for (const row of body) sheet.addRow(row);
      sheet.mergeCells('C2:C3');
      sheet.mergeCells('E2:E3');
      sheet.mergeCells('F2:F4');
      const xlsx = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(held(flattenNodes(parsePlanDocument(xlsx, 'plan.xlsx').nodes))).toEqual(expected);

      const legacy = XLSX.utils.aoa_to_sheet([header, ...body]);
      legacy['!merges'] = [XLSX.utils.decode_range('C2:C3'), XLSX.utils.decode_range('E2:E3'), XLSX.utils.decode_range('F2:F4')];
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, legacy, '任务');
      const xls = await readXls(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
      expect(held(flattenNodes(parsePlanDocument(xls, 'plan.xls').nodes))).toEqual(expected);
    });

    it('reads a copied table’s empty lead, leader and deadline cells as merged with the row above, with a warning to check them; an empty 配合单位 stays empty', () => {
      const lines = ['某县2024年重点工作任务分工', header.join('\t'), ...body.map((row) => row.join('\t')), '4\t建成养老服务中心\t县民政局\t\t王五\t6月底前'];
      const { plan, tasks } = read(lines.join('\n'));
      expect(held(tasks)).toEqual([...expected, [['县民政局'], [], ['王五'], ['6月底前']]]);
      expect(plan.warnings.filter((warning) => /按合并单元格沿用上一行/.test(warning.message)).map((warning) => warning.taskKey)).toEqual(['2', '2', '2', '3']);
    });
  });

  it('reads a table a document site ran into one line, cells glued, pages numbered 1、 2、, its title glued before 序号', () => {
    const { plan, tasks } = read(
      [
        `1、${'某市国民经济和社会发展第十一个五年规划纲要主要目标任务分解落实方案工作重点序号主要工作任务第一责任单位主要责任单位一、主要发展指标1地区生产总值年均增长12%左右,人均生产总值达到6万元左右。市发展改革委各县(市、区)政府、某市经济开发区2服务业增加值占生产总值比重达到40%。市发展改革委各县(市、区)政府、市三产发展领导小组各成员单位3单位生产总值综合能耗下降20%。市发展改革委市经贸委市规划建设局、市统计局,各县(市、区)政府'}`,
        '2、—2—二、产业优化升级4积极推进技术创新,推广应用先进生产技术市科技局市发展改革委、市经贸委,各县(市、区)政府5大力推进高技术产业化',
      ].join('\n'),
    );
    expect(plan.title).toBe('某市国民经济和社会发展第十一个五年规划纲要主要目标任务分解落实方案');
    expect(tasks.slice(0, 4).map(summary)).toEqual([
      { title: '地区生产总值年均增长12%左右,人均生产总值达到6万元左右', lead: ['市发展改革委'], others: ['各县（市、区）政府', '某市经济开发区'] },
      { title: '服务业增加值占生产总值比重达到40%', lead: ['市发展改革委'], others: ['各县（市、区）政府', '市三产发展领导小组各成员单位'] },
      { title: '单位生产总值综合能耗下降20%', lead: ['市发展改革委', '市经贸委'], others: ['市规划建设局', '市统计局', '各县（市、区）政府'] },
      { title: '积极推进技术创新,推广应用先进生产技术', lead: ['市科技局'], others: ['市发展改革委', '市经贸委', '各县（市、区）政府'] },
    ]);
    expect(tasks[3]!.categoryPath).toBe('二、产业优化升级');
  });

  it('reads a table drawn with box characters, padding lost: cells merged down, words wrapped in narrow columns, △ items under a heading', () => {
    const { tasks } = read(
      [
        '某市2008年重点工作责任分解表',
        '┌─────────────────────┬───┬────────┬────┐',
        '│ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│',
        '│ │ 导 │ │ │',
        '├─────────────────────┼───┼────────┼────┤',
        '│抓好财税金融工作,增强发展保障能力 │梁志强│市财政局、市国│年内见成│',
        '├─────────────────────┤ │家税务局 │ 效 │',
        '│△进一步调整财政支出结构,加大财政在“三农│ │ │ │',
        '│”、教育、卫生等方面的投入 │ ├────────┤ │',
        '│△加强财政监督,提高财政资金使用效益 │ │市审计局 │ │',
        '│△加强税源监控,完善护税协税网络 │ │ │ │',
        '└─────────────────────┴───┴────────┴────┘',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ ...summary(task), leaders: task.leaders, deadline: task.deadlines.map((deadline) => deadline.raw), category: task.categoryPath }))).toEqual([
      { title: '进一步调整财政支出结构,加大财政在“三农”、教育、卫生等方面的投入', lead: ['市财政局', '市国家税务局'], others: [], leaders: ['梁志强'], deadline: ['年内见成效'], category: '抓好财税金融工作,增强发展保障能力' },
      { title: '加强财政监督,提高财政资金使用效益', lead: ['市审计局'], others: [], leaders: ['梁志强'], deadline: ['年内见成效'], category: '抓好财税金融工作,增强发展保障能力' },
      { title: '加强税源监控,完善护税协税网络', lead: ['市审计局'], others: [], leaders: ['梁志强'], deadline: ['年内见成效'], category: '抓好财税金融工作,增强发展保障能力' },
    ]);
  });

  it('takes the by-date a task’s text sets when its table has no deadline column', () => {
    const { tasks } = read(['某县2024年重点任务清单', '序号\t工作内容\t责任单位', '1\t完善回收利用体系，2024年6月底前基本建成。\t县商务局', '2\t制定处置工作指导意见。\t县生态环境局'].join('\n'));
    expect(tasks.map((task) => task.deadlines.map((deadline) => deadline.raw))).toEqual([['2024年6月底前'], []]);
  });

  it('gives the leader a heading names — by a label, or by title and name — to every item under it', () => {
    const leadersUnder = (heading: (n: number) => string, itemNumber: (n: number) => string) =>
      read(
        [
          '某县2023年重点工作任务分解',
          heading(1),
          `${itemNumber(1)}新建幼儿园5所。（县教育局牵头）`,
          `${itemNumber(2)}改造农村公路50公里。（县交通运输局牵头，各乡镇配合）`,
          heading(2),
          `${itemNumber(3)}新增城镇就业2000人。（县人社局牵头）`,
        ].join('\n'),
      ).tasks.map((task) => [task.units[0]?.name, task.leaders]);
    const expected: [string, string[]][] = [
      ['县教育局', ['王伟']],
      ['县交通运输局', ['王伟']],
      ['县人社局', ['李娜']],
    ];
    const names = ['', '王伟', '李娜'];
    const numbered = (n: number) => `${n}.`;
    expect(leadersUnder((n) => `（${'一二'[n - 1]}）稳增长（牵头县领导：${names[n]}）`, numbered)).toEqual(expected);
    expect(leadersUnder((n) => `${'一二'[n - 1]}、稳增长\n责任县领导：${names[n]}`, numbered)).toEqual(expected);
    expect(leadersUnder((n) => `${'一二'[n - 1]}、稳增长（责任领导：${names[n]}）`, () => '')).toEqual(expected);
    expect(leadersUnder((n) => `${'一二'[n - 1]}、稳增长（副县长 ${names[n]} 负责）`, numbered)).toEqual(expected.map(([unit, [name]]) => [unit, [`副县长${name}`]]));
  });

  it('takes a by-date closing the bracket that names the units as the deadline, never as a unit', () => {
    const { tasks } = read(
      [
        '某县2023年重点工作任务分解',
        '1.新建幼儿园5所。（县教育局牵头，2023年底前完成）',
        '2.改造农村公路50公里。（县交通运输局牵头，各乡镇配合，时限：2023年10月）',
        '3.推进河长制工作。（县水利局负责；长期坚持）',
        '4.新增城镇就业2000人。（责任单位：县人社局；时间：2023年12月底前）',
      ].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, summary(task).others, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      [['县教育局'], [], ['2023年底前完成']],
      [['县交通运输局'], ['各乡镇'], ['2023年10月']],
      [[], ['县水利局'], ['长期坚持']],
      [[], ['县人社局'], ['2023年12月底前']],
    ]);
  });

  it('knows a bureau’s own section columns (责任处（室）), a 会办 column as cooperating, and 计划完成 / 进度要求 as deadlines', () => {
    const table = (header: string) =>
      read(['某局2023年工作要点任务分解', header, '1\t完善统计调查制度\t综合处\t法规处\t2023年6月', '2\t开展统计执法检查\t法规处\t\t2023年9月'].join('\n')).tasks.map((task) => [
        summary(task).lead,
        task.units.filter((unit) => unit.role === 'cooperating').map((unit) => unit.name),
        task.units.filter((unit) => unit.role === 'responsible').map((unit) => unit.name),
        task.deadlines.map((deadline) => deadline.raw),
      ]);
    expect(table('序号\t工作要点\t责任处（室）\t配合处（室）\t计划完成')).toEqual([
      [[], ['法规处'], ['综合处'], ['2023年6月']],
      [[], [], ['法规处'], ['2023年9月']],
    ]);
    expect(table('序号\t事项名称\t承办单位\t会办单位\t进度要求')).toEqual([
      [[], ['法规处'], ['综合处'], ['2023年6月']],
      [[], [], ['法规处'], ['2023年9月']],
    ]);
  });

  it('finds the unit an inspection notice hands each problem to, however its sentence names it', () => {
    const { tasks } = read(
      [
        '关于城区市容环境整治情况的通报',
        '1、欧冠国际售楼部门前行道树上缠有装饰壁纸。',
        '整改要求:县城镇园林绿化管理中心负责督促拆除。',
        '2、安监局片区存在垃圾乱丢、野广告等问题。',
        '整改要求:安监局负责清除垃圾、野广告;县环卫站负责配齐垃圾桶。',
        '3、西大桥东桥头入口有3处牛皮癣。',
        '整改要求:由包片单位林业局负责清除,本月底以前完成。',
        '4、华声小区的责任单位是市人社局,该小区的垃圾桶无分类标识。',
        '5、在广东路和重庆路交汇处附近有垃圾堆放,其责任单位为海城区政府。',
        '6、由北海工业园管委会负责的长安金苑内,车辆随意停放。',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.units.map((unit) => unit.name))).toEqual([
      ['县城镇园林绿化管理中心'],
      ['县安监局', '县环卫站'],
      ['林业局'],
      ['市人社局'],
      ['海城区政府'],
      ['北海工业园管委会'],
    ]);
    expect(tasks[2]!.deadlines.map((deadline) => deadline.raw)).toEqual(['本月底以前']);
  });

  it('ends a unit label with its sentence in a progress notice, and takes the region from the body signing it and the year from the work it reports on', () => {
    const { plan, tasks } = read(
      [
        '为扎实推进我市2017年民生工程实施工作，现将1至7月民生工程实施进度通报如下：',
        '1、农村道路畅通工程，牵头部门：市交通局。建设进度相对较慢的县区为舒城县。',
        '2、农村饮水安全巩固提升工程，牵头部门：市水利局。未完成建设任务的县区为舒城县、霍山县。',
        '3、棚户区改造，牵头部门：市住建委，配合部门：市财政局。',
        '六安市民生办',
      ].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, summary(task).others])).toEqual([
      [['市交通局'], []],
      [['市水利局'], []],
      [['市住建委'], ['市财政局']],
    ]);
    expect([plan.jurisdiction, plan.year]).toEqual(['六安市', 2017]);
  });

  it('gives the items under a part headed only by a body’s name (二、乡镇人民政府, （三）县公安局职责) to that body, never a topic heading that ends like one (一、交通出行)', () => {
    const { tasks } = read(
      [
        '某县道路交通安全工作责任分工',
        '一、交通出行',
        '1、完善城区公交线路。（县交通运输局牵头）',
        '二、乡镇人民政府',
        '1、成立由乡镇主管安全的副镇长任组长的机构，配备专职干部1至2人。',
        '2、在每个行政村设交通安全信息员，做好信息采集工作。',
        '（三）县公安局职责',
        '1、开展农村道路交通安全隐患排查。',
        '2、会同县教育局开展交通安全进校园活动。（县教育局配合）',
      ].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, summary(task).others])).toEqual([
      [['县交通运输局'], []],
      [[], ['乡镇人民政府']],
      [[], ['乡镇人民政府']],
      [[], ['县公安局']],
      // The part's body does it, the unit the item names helps.
      [[], ['县公安局', '县教育局']],
    ]);
  });

  it('names the plan by the table’s own caption over the page’s headline of the same words, never by the site’s field row (统一编号 有效性)', () => {
    const { plan } = read(
      [
        '索引号 000330185/2023-67746 公开方式 主动公开',
        '发布单位 区府办 发文日期 2023-07-24',
        '统一编号 有效性',
        '2023年重点工作半年度进展情况',
        '日期: 2023-07-24',
        '2023年重点工作半年度进展情况表',
        '序号 | 重点工作 | 牵头单位 | 进展情况',
        '1 | 推进城区污水管网改造 | 区住建局 | 已完成管网铺设12公里',
        '2 | 新增公办幼儿园学位600个 | 区教育局 | 已开工建设',
      ].join('\n'),
    );
    expect(plan.title).toBe('2023年重点工作半年度进展情况表');
  });

  it('keeps a notice’s title wrapped over two lines whole (关于区政府2011年7月份重点工作 / 完成情况的通报)', () => {
    const { plan } = read(
      ['某区人民政府办公室', '关于区政府2011年7月份重点工作', '完成情况的通报', '1、加快景区游客服务中心规划评审，7月底前开工建设。（区旅游局负责）', '2、加快环型干道用地拆迁，7月底前开工建设。（园区管委会负责）'].join('\n'),
    );
    expect(plan.title).toBe('关于区政府2011年7月份重点工作完成情况的通报');
  });

  it('takes the only place a text names, once, as the plan’s region, and a signing date in brackets (（2015年9月15日）) as its year, each with a warning', () => {
    const { plan } = read(
      [
        '关于推进全民健身工作的实施意见',
        '（2015年9月15日）',
        '一、举办同心县第四届运动会，广泛开展全民健身活动。（县体育局牵头，县教育局配合）',
        '二、新建社区健身广场3个，2020年底前完成。（县住建局负责）',
      ].join('\n'),
    );
    expect([plan.jurisdiction, plan.year]).toEqual(['同心县', 2015]);
    expect(plan.warnings.map((warning) => warning.message).join('\n')).toMatch(/提到最多的地名推断为同心县/);
  });

  it('dates a plan its title leaves undated by the year its tasks speak of most, never by a span or a cited document, and says it guessed', () => {
    const { plan } = read(
      [
        '重点工作安排',
        '一、落实《关于印发打赢蓝天保卫战三年行动计划（2018—2020年）的通知》，2019年底前完成燃煤锅炉淘汰。（牵头单位：市生态环境局）',
        '二、实施时间：2012年1-12月，完成农村公路改造。（牵头单位：市交通局）',
        '三、完成时间：2012年12月，新建幼儿园2所。（牵头单位：市教育局）',
      ].join('\n'),
    );
    expect(plan.year).toBe(2012);
    expect(plan.warnings.map((warning) => warning.message).join('\n')).toMatch(/推断为2012年/);
  });

  it('names a plan by the headline its page opens with when no line names a plan, past the breadcrumb and byline, never by a sentence or a heading in the body', () => {
    const bulletin = read(
      [
        '首页 > 政务公开 > 专题专栏 > 曝光台',
        '【文明卫生县城创建通报】3月26日至30日',
        '发布时间: 2018-03-31 02:09信息来源:某县人民政府',
        '一、城区道路积水未清理(责任单位:县住建局)',
        '二、农贸市场占道经营(责任单位:县城管局、县市场监管局)',
      ].join('\n'),
    );
    expect(bulletin.plan.title).toBe('【文明卫生县城创建通报】3月26日至30日');
    expect(bulletin.plan.warnings.map((warning) => warning.message).join()).not.toContain('没有标题');
    const captioned = read(['| 2023年“双随机、一公开”抽查工作计划 |', '序号 | 检查内容 | 责任股室 | 计划时间 |', '1 | 特种设备作业人员 | 特种设备股 | 1月—12月 |', '2 | 食品生产企业 | 食品股 | 3月—11月 |'].join('\n'));
    expect(captioned.plan.title).toBe('2023年“双随机、一公开”抽查工作计划');
    // A page that opens with its body: a sentence, then a heading of its first part. The name is made up, and it says so.
    const opensWithBody = read(
      ['为认真做好我县秸秆禁烧工作，进一步改善环境质量，特制定如下分工。', '大力实施乡村振兴战略', '一、加强宣传(责任单位:县委宣传部)', '二、落实网格(责任单位:各乡镇)'].join('\n'),
    );
    expect(opensWithBody.plan.title).not.toContain('乡村振兴');
    // A grade of urgency before the headline is passed over; a letterhead or an issuer alone is no headline.
    expect(read(['特急', '城区背街小巷环境卫生暗访情况交办单', '一、垃圾未清运(责任单位:区城管局)', '二、占道经营(责任单位:区市场监管局)'].join('\n')).plan.title).toBe('城区背街小巷环境卫生暗访情况交办单');
    expect(read(['某市人民政府办公室文件', '一、垃圾未清运(责任单位:市城管局)', '二、占道经营(责任单位:市市场监管局)'].join('\n')).plan.title).not.toContain('文件');
    expect(opensWithBody.plan.warnings.map((warning) => warning.message).join()).toContain('没有标题');
  });

  it('still refuses a text with neither numbered items nor a task table, saying what it found', () => {
    expect(() => read('关于召开全县安全生产工作会议的通知\n各乡镇：\n定于3月5日召开全县安全生产工作会议，请准时参加。')).toThrow(/没有找到任务/);
  });

  it('reads a meeting’s minutes: who is asked to act (要求水务部门牵头, 请国土会同发改、财政等部门 by their stems), a span to finish within, the signing body’s date for the year, and a decision whose subject is a unit', () => {
    const { plan, tasks } = read(
      [
        '〔2011〕28号',
        '永康市人民政府办公室 二○一一年八月二十七日',
        '一、会议听取了水务局陈琦关于加强水利改革发展的实施意见制定情况的汇报。会议认为,要抓住当前中央对水利建设高度重视的有利时机,加快推进民生水利建设。会议原则同意该实施意见,要求水务部门牵头,根据本次会议精神,从前瞻性、科学性、可行性方面进一步修改完善后,提交市委常委会研究。',
        '二、会议听取了市府办童美霞关于城市地下空间开发利用的意见制定情况的汇报。会议认为:城市地下空间开发利用十分必要。会议明确:1.结合我市用地异常紧缺的实际和城市地下空间开发利用的需求,原则同意该意见;2.对城市地下空间开发利用要严格依法加强管理,合理有序开发,涉及地下文物、矿产等相关法律法规明确的地下空间开发利用要绝对禁止;3.请国土会同发改、财政等部门,在半个月之内制定出地下空间开发利用所涉具体收费标准,与该意见一同实施。',
        '- 上一篇:关于加快建设质量强市的实施意见',
      ].join('\n'),
    );
    expect(plan.year).toBe(2011);
    expect(plan.title).not.toMatch(/上一篇/);
    expect(summary(tasks.find((task) => task.title.startsWith('会议听取了水务局'))!)).toMatchObject({ lead: ['水务部门'], others: [] });
    const fees = tasks.find((task) => task.title.startsWith('请国土会同'))!;
    expect(summary(fees)).toMatchObject({ lead: ['国土'], others: ['发改', '财政'] });
    expect(fees.deadlines.map((deadline) => deadline.raw)).toEqual(['在半个月之内']);
    const decided = read(
      '会议议定:1.原则同意《盐边县2017年易地扶贫搬迁实施计划》。2. 易地扶贫搬迁工作一定要往前赶,要把工作责任落实到部门、乡镇、村社、工作人员,形成责任清单。3.县目标督查办按季度对工作落实情况进行通报。',
    ).tasks;
    expect(summary(decided.find((task) => task.title.startsWith('县目标督查办'))!).others).toEqual(['县目标督查办']);
  });

  it('gives a numbered list the unit whose name alone heads it as a label (县住建局： over 1. 2.), each item a task of that unit', () => {
    const { tasks } = read(['某县2023年重点工作分工', '县住建局：', '1.加快推进县城老旧小区改造，全年完成改造小区12个。', '2.推进城市燃气管道更新改造。', '县教育局：', '1.深入实施义务教育薄弱环节改善工程。'].join('\n'));
    expect(tasks.map((task) => [task.title, summary(task).others])).toEqual([
      ['加快推进县城老旧小区改造，全年完成改造小区12个', ['县住建局']],
      ['推进城市燃气管道更新改造', ['县住建局']],
      ['深入实施义务教育薄弱环节改善工程', ['县教育局']],
    ]);
  });

  it('reads 同上 in a table’s unit or deadline cell as the row above’s, 责任： alone as a units label, and a division of work written as one sentence (具体分工如下：A负责…；B负责…)', () => {
    const same = read(['序号 | 工作任务 | 牵头单位 | 完成时限', '1 | 加快推进县城老旧小区改造 | 县住建局 | 2023年12月底前', '2 | 推进城市燃气管道更新改造 | 同上 | 2023年11月底前', '3 | 深入实施义务教育薄弱环节改善工程 | 县教育局 | 同上'].join('\n')).tasks;
    expect(same.map((task) => [summary(task).lead, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      [['县住建局'], ['2023年12月底前']],
      [['县住建局'], ['2023年11月底前']],
      [['县教育局'], ['2023年11月底前']],
    ]);
    const labelled = read(['1.加快推进县城老旧小区改造', '责任：县住建局', '2.深入实施义务教育薄弱环节改善工程', '责任：县教育局'].join('\n')).tasks;
    expect(labelled.map((task) => [task.title, summary(task).others])).toEqual([
      ['加快推进县城老旧小区改造', ['县住建局']],
      ['深入实施义务教育薄弱环节改善工程', ['县教育局']],
    ]);
    const division = read('为做好2023年防汛工作，具体分工如下：县水利局负责水利工程安全度汛；县应急管理局负责组织协调抢险救灾；县气象局负责天气监测预报预警。').tasks;
    expect(division.map((task) => summary(task).others)).toEqual([['县水利局'], ['县应急管理局'], ['县气象局']]);
  });

  it('reads a closing parenthesis that gives the units and then the date (（县住建局，12月底前）): units and a deadline, never a date as a unit', () => {
    const { tasks } = read(['1.加快推进县城老旧小区改造。（县住建局，12月底前）', '2.深入实施义务教育薄弱环节改善工程。（县教育局、县财政局，10月底前）'].join('\n'));
    expect(tasks.map((task) => [summary(task).others, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      [['县住建局'], ['12月底前']],
      [['县教育局', '县财政局'], ['10月底前']],
    ]);
  });

  it('reads the units of a sentence followed by one that gives the date (…。县住建局牵头，县财政局配合。2023年12月底前完成。)', () => {
    const { tasks } = read(['1.加快推进县城老旧小区改造。县住建局牵头，县财政局配合。2023年12月底前完成。', '2.深入实施义务教育薄弱环节改善工程。县教育局负责。2023年10月底前完成。'].join('\n'));
    expect(tasks.map((task) => [summary(task).lead, summary(task).others, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      [['县住建局'], ['县财政局'], ['2023年12月底前']],
      [[], ['县教育局'], ['2023年10月底前']],
    ]);
  });

  it('reads punctuation in its small forms as the usual marks: items numbered 1﹑ and 一﹑ are items, ﹙﹚ brackets units', () => {
    const { tasks } = read(['某市创文曝光台', '一﹑沙市区中山街道办植物园社区﹙责任单位﹕植物园社区﹚', '1﹑无障碍卫生间标识被遮挡', '2﹑无障碍通道装饰砖破损', '二﹑沙市区中山街道办长港路社区﹙责任单位﹕长港路社区﹚', '1﹑灭烟台与灭烟标识位置分离'].join('\n'));
    expect(tasks.map((task) => [task.number, task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['一', '沙市区中山街道办植物园社区', ['植物园社区']],
      ['二', '沙市区中山街道办长港路社区', ['长港路社区']],
    ]);
  });

  it('takes a title broken over two lines with a blank line between them, in a page that parts every line so, and not a site’s column or a date above it', () => {
    const page = (first: string) =>
      ['政府信息公开', first, '目标任务责任分解方案', '一、全市经济社会发展主要预期目标', '1.地区生产总值增长7%左右。（牵头单位：市发改委）', '2.第一产业增加值增长2%。（牵头单位：市农业农村局）', '3.第二产业增加值增长6.5%。（牵头单位：市经信局）'].join('\n\n');
    expect(read(page('2022年《政府工作报告》')).plan.title).toBe('2022年《政府工作报告》目标任务责任分解方案');
    expect(read(page('2022年2月')).plan.title).not.toContain('2022年2月');
    // Lines not parted by blank lines: a blank line is a break between two things.
    expect(read(['政府信息公开', '2022年《政府工作报告》', '', '目标任务责任分解方案', '1.地区生产总值增长7%左右。（牵头单位：市发改委）', '2.第一产业增加值增长2%。（牵头单位：市农业农村局）'].join('\n')).plan.title).toBe('目标任务责任分解方案');
  });

  it('reads units said in clauses after the task’s own (…提升，市发改委牵头，市财政局配合), and a lead that is the sentence’s subject (市发改委牵头推进…)', () => {
    const after = read(['某市2023年重点工作任务分工', '1.推进营商环境优化提升，市发改委牵头，市财政局配合。', '2.加快建设现代产业体系，市工信局牵头，各县区政府负责。'].join('\n'));
    expect(after.tasks.map((task) => ({ ...summary(task) }))).toEqual([
      { title: '推进营商环境优化提升', lead: ['市发改委'], others: ['市财政局'] },
      { title: '加快建设现代产业体系', lead: ['市工信局'], others: ['各县区政府'] },
    ]);
    const subject = read(['某市2023年重点工作任务分工', '市发改委牵头推进营商环境优化提升，市财政局配合。', '市工信局牵头加快建设现代产业体系。', '市农业农村局负责实施乡村振兴战略。'].join('\n'));
    expect(subject.tasks.map((task) => summary(task)).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市发改委'], others: ['市财政局'] },
      { lead: ['市工信局'], others: [] },
      { lead: [], others: ['市农业农村局'] },
    ]);
  });
});

