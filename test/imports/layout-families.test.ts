/**
 * The ways real plans write their tasks, one test a family, each written
 * as the corpus in test/fixtures/real/ shows pages and offices writing
 * them: tables flattened to one row per line or one cell per line, rows
 * that lost their 序号, tasks grouped under the leader who leads them,
 * working groups (组长 / 成员单位), unnumbered paragraphs that say who does
 * the work, and titles broken over lines. What is checked is what a user
 * sees after an import: the tasks, their lead and other units, their
 * leaders, the plan's title and region.
 */
import { describe, expect, it } from 'vitest';
import { flattenNodes, parsePlanDocument, type ParsedNode } from '../../src/domain/imports/plan-parser.js';

const read = (text: string) => {
  const plan = parsePlanDocument(text, 'plan.txt');
  return { plan, tasks: flattenNodes(plan.nodes).filter((node) => node.kind === 'task') };
};
/** A .docx or sheet table as the file readers give it, a row a line. */
const tableOf = (rows: readonly string[][]) => rows.map((cells, index) => ({ line: index + 1, cells: cells.map((text) => ({ text, line: index + 1 })) }));
const summary = (node: ParsedNode) => ({
  title: node.title,
  lead: node.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name),
  others: node.units.filter((unit) => unit.role !== 'lead').map((unit) => unit.name),
  leaders: node.leaders,
});

describe('layout families of real plans', () => {
  it('one role vocabulary in every layout: 主抓 leads, 协作 and 协助 help, a bureau’s 科室 and 股室 are its units, 时间要求 is a deadline', () => {
    const labels = read(
      [
        '某县2024年重点工作任务清单',
        '1.推进城区污水管网改造工程建设。主抓部门：县住建局；协作部门：县财政局、县自然资源局；时间要求：2024年6月底前',
        '2.完成义务教育学校扩容工程。牵头科室：基教股；配合股室：计财股、人事股',
      ].join('\n'),
    );
    expect(labels.tasks.map(summary)).toEqual([
      { title: '推进城区污水管网改造工程建设', lead: ['县住建局'], others: ['县财政局', '县自然资源局'], leaders: [] },
      { title: '完成义务教育学校扩容工程', lead: ['基教股'], others: ['计财股', '人事股'], leaders: [] },
    ]);
    expect(labels.tasks[0]!.deadlines.map((deadline) => deadline.raw)).toEqual(['2024年6月底前']);
    const parens = read(['某县2024年重点工作任务清单', '1.推进城区污水管网改造工程建设。（县住建局主抓，县财政局、县自然资源局协助）', '2.开展农村人居环境整治提升行动。（县农业农村局负责，各乡镇协作）'].join('\n'));
    expect(parens.tasks.map(summary)).toEqual([
      { title: '推进城区污水管网改造工程建设', lead: ['县住建局'], others: ['县财政局', '县自然资源局'], leaders: [] },
      { title: '开展农村人居环境整治提升行动', lead: [], others: ['县农业农村局', '各乡镇'], leaders: [] },
    ]);
    const table = read(['序号 工作事项 主抓单位 协作单位 时间要求', '1 推进城区污水管网改造工程建设 县住建局 县财政局 2024年6月底前', '2 开展农村人居环境整治提升行动 县农业农村局 各乡镇 2024年12月底前'].join('\n'));
    expect(table.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['县住建局'], others: ['县财政局'] },
      { lead: ['县农业农村局'], others: ['各乡镇'] },
    ]);
  });

  it('a pipe table headed by 一、 rows whose later rows start at their 序号 (the merged 大类 lost), and a 牵头单位及主要负责人 cell naming a unit and its head', () => {
    const { tasks } = read(
      [
        '大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |',
        '一、提高底线民生保障水平 | 1 | 将城乡低保人均最低补差水平提高到每人每月609元。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 从1月1日起,已将我市城乡低保标准提高到835元/人月。 |',
        '2 | 特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 端州区提高到20100元/人年,鼎湖区、高要区提高到17340元/人年。 |',
        '3 | 新增公办幼儿园学位3000个。 | 李明 | 市教育局 黄志强 | 正在推进。 |',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '将城乡低保人均最低补差水平提高到每人每月609元', lead: ['市民政局'], others: [], leaders: ['陈宣群', '伍泽国'] },
      { title: '特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍', lead: ['市民政局'], others: [], leaders: ['陈宣群', '伍泽国'] },
      { title: '新增公办幼儿园学位3000个', lead: ['市教育局'], others: [], leaders: ['李明', '黄志强'] },
    ]);
  });

  it('a table without 序号 a document site ran into its header’s line and the next (… 工作任务和内容 责任单位 配合单位 完成时间 负责…. 县委宣传部 持续开展 负责…): a row a task', () => {
    const { plan, tasks } = read(
      [
        '编辑: 某某 2019-03-14',
        '附件 某县2018年环境空气质量综合整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 负责全县环境空气质量达标整治工作的舆论宣传,开展专题宣传和跟踪报道.',
        '',
        '县委宣传部 持续开展 负责大气污染综合治理工作任务的督导和检查考核工作. 县政府督查室 持续开展 负责制定城区扬尘污染整治百日攻坚工作方案,督促拆迁项目单位落实扬尘污染防治工作. 县住建局 县城管局 7月底前 在主要交通路口划定大货车禁行区域,设立禁行标志,加大对高污染机动车辆的查处力度. 县公安局 持续开展',
      ].join('\n'),
    );
    expect(plan.title).toBe('某县2018年环境空气质量综合整治方案职责清单');
    expect(plan.year).toBe(2018);
    expect(tasks.map((task) => [task.requirement.slice(0, 12), task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['负责全县环境空气质量达标', ['县委宣传部'], ['持续开展']],
      ['负责大气污染综合治理工作', ['县政府督查室'], ['持续开展']],
      ['负责制定城区扬尘污染整治', ['县住建局', '县城管局'], ['7月底前']],
      ['在主要交通路口划定大货车', ['县公安局'], ['持续开展']],
    ]);
  });

  it('an inspection’s problem list (路段名称 | 问题描述 | 责任单位): the problem is the task, the road where it was found is a place, a dated line above is not half the title', () => {
    const { plan, tasks } = read(
      [
        '2019年4月21日卫生城市检查(督查路段)',
        '全国卫生城市测评路段问题汇总表',
        '序号 | 路段名称 | 问题描述 | 责任单位 | 备注 |',
        '1 | 湘北大道 | 湘北大道沿线街道车辆违停严重 | 停车办 | |',
        '2 | 赶山西路 | 学校对面工地上泥巴大量流向街道,污染严重 | 城管大队 | |',
      ].join('\n'),
    );
    expect(plan.title).toBe('全国卫生城市测评路段问题汇总表');
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['湘北大道沿线街道车辆违停严重', ['停车办']],
      ['学校对面工地上泥巴大量流向街道,污染严重', ['城管大队']],
    ]);
  });

  it('an inspection notice naming who answers for each problem in its fix (整改措施：责令X立即… / X责令施工单位…), never the person ordered (相关责任人); 责任清单 and 责任分工 columns hold units', () => {
    const { tasks } = read(
      [
        '1.路面坑槽破损。',
        '存在问题:S512大桥东路面坑槽破损,存在安全隐患。',
        '整改措施:责令公路建设养护中心立即对路面进行修复。',
        '2.擅自拆除公路安防设施。',
        '存在问题:礼阳村段村民擅自拆除公路护栏。',
        '整改措施:责令路政执法队、安丰乡人民政府派人对现场进行调查,并督促相关责任人恢复原貌。',
        '3.施工现场无安全警示标识。',
        '整改措施:县交通建设质量安全监督站责令施工单位立即整改。',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['路面坑槽破损', ['公路建设养护中心']],
      ['擅自拆除公路安防设施', ['路政执法队', '安丰乡人民政府']],
      ['施工现场无安全警示标识', ['县交通建设质量安全监督站']],
    ]);
    const { tasks: listed } = read(['序号 | 任务清单 | 责任清单 | 时限清单 |', '1 | 明确乡、村网格员防汛职责 | 综治办、应消站 | 4月 |', '2 | 制定应急指挥机制 | 党政办 | 5月 |'].join('\n'));
    expect(listed.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.length])).toEqual([
      ['明确乡、村网格员防汛职责', ['综治办', '应消站'], 1],
      ['制定应急指挥机制', ['党政办'], 1],
    ]);
  });

  it('a header of two rows (责任单位 spanning 牵头单位 | 配合单位) gives lead and cooperating units, however the page kept its empty cells', () => {
    const body = [['1', '新建城区幼儿园2所', '县教育局', '县住建局、县财政局', '2024年8月底前'], ['2', '改造老旧小区12个', '县住建局', '各街道', '2024年12月底前']];
    const layouts = {
      'tabs, cells in place': ['序号\t工作任务\t责任单位\t\t完成时限', '\t\t牵头单位\t配合单位\t', ...body.map((row) => row.join('\t'))],
      'tabs, the spanning cell once': ['序号\t工作任务\t责任单位\t完成时限', '\t\t牵头单位\t配合单位', ...body.map((row) => row.join('\t'))],
      'pipes, cells in place': ['| 序号 | 工作任务 | 责任单位 | | 完成时限 |', '| | | 牵头单位 | 配合单位 | |', ...body.map((row) => `| ${row.join(' | ')} |`)],
      'pipes, empty cells dropped': ['序号 | 工作任务 | 责任单位 | 完成时限 |', '牵头单位 | 配合单位 |', ...body.map((row) => `${row.join(' | ')} |`)],
    };
    for (const [name, lines] of Object.entries(layouts)) {
      const { tasks } = read(['某县2024年重点工作任务分工方案', ...lines].join('\n'));
      expect({ name, tasks: tasks.map(summary) }).toEqual({
        name,
        tasks: [
          { title: '新建城区幼儿园2所', lead: ['县教育局'], others: ['县住建局', '县财政局'], leaders: [] },
          { title: '改造老旧小区12个', lead: ['县住建局'], others: ['各街道'], leaders: [] },
        ],
      });
    }
  });

  it('由X负责，Y配合 where Y holds brackets (各县(市、区)政府), and a unit label whose line the page broke inside a unit’s name (园区党工 / 委、各街道党工委)', () => {
    const { tasks } = read(
      [
        '(二十七)加强政务信息新闻发布工作。及时发布相关政务信息。此项工作由市委宣传部负责,市有关部门及各县(市、区)政府配合。',
        '(二十八)完善街道党工委对地区治理重大工作的领导体制机制。',
        '牵头单位:区委组织部',
        '协办单位:区委编办、区民政局、园区党工',
        '委、各街道党工委',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: [], others: ['市委宣传部', '市有关部门', '各县（市、区）政府'] },
      { lead: ['区委组织部'], others: ['区委编办', '区民政局', '园区党工委', '各街道党工委'] },
    ]);
  });

  it('a parenthesis naming each unit’s part after 为 (市发改委为牵头单位，市财政局为配合单位) assigns the item; a convention (列第一位的为牵头单位) names no unit', () => {
    const { tasks } = read(['列第一位的为牵头单位。', '1.推进重大项目建设。（市发改委为牵头单位，市财政局为配合单位）', '2.加强财政资金监管。（市财政局、市审计局）'].join('\n'));
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市发改委'], others: ['市财政局'] },
      { lead: ['市财政局'], others: ['市审计局'] },
    ]);
  });

  it('a page in traditional characters reads 著 as 着 where the phrase says so (著力, 著重, 著手), and keeps 著名 and 显著', () => {
    const { tasks } = read(['一、著力創建國際科技創新中心。（市科技局牽頭，市發展改革委配合）', '二、著重保護著名歷史文化街區，成效顯著。（市文化廣電旅遊局負責）'].join('\n'));
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['着力创建国际科技创新中心', ['市科技局', '市发展改革委']],
      ['着重保护著名历史文化街区，成效显著', ['市文化广电旅游局']],
    ]);
  });

  it('metadata: a site’s catalogue line (索引号:… 组配分类:…) is no title; a part’s heading naming no place or body (一、宣传形式及责任分工) yields to the notice (江苏省政府关于…的通知); the year from a site’s 日期: label or a spaced signing date', () => {
    const catalogue = read(['索引号:11341823MB1566401C/202401-00005组配分类:决策部署落实情况', '2023年卫健委重点工作责任清单进展情况汇总表', '序号 | 重点工作 | 责任单位 |', '1 | 推进分级诊疗 | 医政科 |', '2 | 加强疾病预防 | 疾控科 |'].join('\n'));
    expect(catalogue.plan.title).toBe('2023年卫健委重点工作责任清单进展情况汇总表');
    const notice = read(['江苏省政府关于落实全省重点工作分工的通知', '来源:政府办 日期:2011-02-12', '一、责任主体及工作分工', '1.推进重大项目建设。（省发展改革委牵头）', '2.加强财政资金监管。（省财政厅负责）'].join('\n'));
    expect([notice.plan.title, notice.plan.jurisdiction, notice.plan.year]).toEqual(['关于落实全省重点工作分工的通知', '江苏省', 2011]);
    const signed = read(['石景山区贯彻落实街道工作意见的任务分解方案', '1.完善街道党工委领导体制。', '牵头单位:区委组织部', '2019 年 4 月 16 日'].join('\n'));
    expect(signed.plan.year).toBe(2019);
    // An issuer written 省政府办公厅 (without 人民) names the region.
    const reported = read(['近日，浙江省政府办公厅印发2017年政府工作报告重点工作责任分解的通知。', '1.加快推进“最多跑一次”改革。（省政府办公厅牵头，省编办配合）', '2.规范行政行为。（省法制办负责）'].join('\n'));
    expect(reported.plan.jurisdiction).toBe('浙江省');
  });

  it('a leader cell names the person, not how they are addressed (张三同志) nor the label written in the cell (分管副市长：张三)', () => {
    const { tasks } = read(['序号\t工作任务\t责任领导\t牵头单位', '1\t推进重大项目建设\t张三同志\t市发改委', '2\t加强财政资金监管\t分管副市长：李四\t市财政局'].join('\n'));
    expect(tasks.map((task) => task.leaders)).toEqual([['张三'], ['李四']]);
  });

  it('a one-cell-per-line table whose figures look like row numbers (35611 far ahead, 4 | 4 the next number twice in a row’s cells): rows start at their own 序号', () => {
    const { tasks } = read(
      [
        '序号 |',
        '项目名称 |',
        '目标任务 |',
        '牵头单位 |',
        '目标值 |',
        '累计完成 |',
        '累计进度 |',
        '备注 |',
        '1 |',
        '促进重点群体稳定就业 |',
        '城镇新增就业1100人 |',
        '县人社局 |',
        '1100 |',
        '1063 |',
        '96.64% |',
        '|',
        '2 |',
        '加强城乡低保人员生活保障 |',
        '农村保障人数 |',
        '县民政局 |',
        '- |',
        '35611 |',
        '持续推进 |',
        '|',
        '3 |',
        '加强城乡公益性公墓建设管理 |',
        '推进不少于7个城乡公益性公墓新建 |',
        '县民政局 |',
        '4 |',
        '4 |',
        '100% |',
        '按照工程进度测算 |',
        '4 |',
        '企业职工退休一件事一次办理 |',
        '企业职工退休一件事一次办理人次 |',
        '县人社局 |',
        '- |',
        '454 |',
        '持续推进 |',
        '|',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.number, task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['1', '促进重点群体稳定就业', ['县人社局']],
      ['2', '加强城乡低保人员生活保障', ['县民政局']],
      ['3', '加强城乡公益性公墓建设管理', ['县民政局']],
      ['4', '企业职工退休一件事一次办理', ['县人社局']],
    ]);
  });

  it('a one-record form, each label alone on its line and its value on the next (具体任务 / … / 责任单位 / … / 配合单位 / … / 完成时限 / …), is a plan of one task', () => {
    const { tasks } = read(['具体任务', '全面完成老年人群疫苗接种,中医院门诊楼建成投运,改扩建社区卫生服务中心。', '责任单位', '卫健局、文旅局', '配合单位', '各乡镇', '完成时限', '12月底前取得明显成效并长期坚持'].join('\n'));
    expect(tasks.map((task) => [task.title, task.units.map((unit) => `${unit.name}:${unit.role}`), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['全面完成老年人群疫苗接种,中医院门诊楼建成投运,改扩建社区卫生服务中心', ['卫健局:responsible', '文旅局:responsible', '各乡镇:cooperating'], ['12月底前取得明显成效并长期坚持']],
    ]);
  });

  it('a label line closing an item’s list of sub-items (1. 市科技馆 / (1)… (2)… / 问题整改责任单位:… 整改时限:3天) is the item’s, and the item is the task', () => {
    const { tasks } = read(
      [
        '具体问题如下:',
        '1. 市科技馆',
        '(1)院内电动车未按指定区域停放;',
        '(2)灭火器过期未更换。',
        '问题整改责任单位:市科技馆 整改时限:3天',
        '2. 市第二人民医院',
        '(1)院内禁烟标识数量不达标;',
        '(2)宣传牌内容不规范。',
        '问题整改责任单位:市卫生健康委员会 整改时限:5天',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['市科技馆', ['市科技馆'], ['3天']],
      ['市第二人民医院', ['市卫生健康委员会'], ['5天']],
    ]);
  });

  it('a town’s notice (卢市镇关于…的通知) names the plan; question marks a page printed for lost spaces (???(一), 胡小波 ?杨 ?剑) are dropped', () => {
    const { plan, tasks } = read(
      [
        '卢市镇关于做好2021年全国“两会”安全生产大检查的通知',
        '三、分组情况',
        '???(一)第一检查督导组;',
        '责任领导:胡小波 ?杨 ?剑',
        '责任单位:政法(应急)办、派出所、市场监督管理所',
        '?(二)第二检查督导组;',
        '责任领导:曾军林',
        '责任单位:扶贫办、财管所',
      ].join('\n'),
    );
    expect(plan.title).toBe('关于做好2021年全国“两会”安全生产大检查的通知');
    expect(plan.jurisdiction).toBe('卢市镇');
    expect(tasks.map(summary)).toEqual([
      { title: '第一检查督导组', lead: [], others: ['政法（应急）办', '派出所', '市场监督管理所'], leaders: ['胡小波', '杨剑'] },
      { title: '第二检查督导组', lead: [], others: ['扶贫办', '财管所'], leaders: ['曾军林'] },
    ]);
  });

  it('a plan a document site ran into one line, its (一) (二) glued to the words before them and starting again under the next part; 配合领导 is a leader', () => {
    const line =
      '为做好创建工作,现制定工作实施方案:实施专项整治工作(一)建筑施工场地专项整治:要求施工企业做到施工场地围档、净车出场、安全施工、环境卫生。牵头领导:阮斌副局长责任部门:建工科、安全站、质监站(二)小街巷专项整治:对路面坑洼、路灯照明等开展专项整治工作。牵头领导:王元灿副局长责任部门:城建科、市政管理处(三)宣传发动:加大宣传力度。牵头领导:李四副局长责任部门:局办公室(一)配合区执法局做好环境卫生保洁工作。配合领导:张明贵副局长责任部门:区园林局(二)配合区交通局做好户外广告专项整治。配合领导:王元灿副局长责任部门:城建科';
    const { tasks } = read(line);
    expect(tasks.map(summary).map(({ others, leaders }) => ({ others, leaders }))).toEqual([
      { others: ['建工科', '安全站', '质监站'], leaders: ['阮斌副局长'] },
      { others: ['城建科', '市政管理处'], leaders: ['王元灿副局长'] },
      { others: ['局办公室'], leaders: ['李四副局长'] },
      { others: ['区园林局'], leaders: ['张明贵副局长'] },
      { others: ['城建科'], leaders: ['王元灿副局长'] },
    ]);
  });

  it('a 分办意见 under its issuing notice, its region from a headline naming province then city, its convention in a sentence of the first parenthesis (排名首位的部门牵头)', () => {
    const { plan, tasks } = read(
      [
        '湖北省黄冈市人民政府办公室关于分解落实《政府工作报告》的通知',
        '关于《政府工作报告》确定的 2007年主要工作分办意见',
        '一、 2007年全市经济社会发展的主要预期目标',
        '1、全市GDP增长10%以上(由市发展改革委、经委、统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同)',
        '2、外贸出口增长15%以上(由市商务局、经委、财政局负责)',
      ].join('\n'),
    );
    expect([plan.title, plan.jurisdiction, plan.year]).toEqual(['关于《政府工作报告》确定的2007年主要工作分办意见', '黄冈市', 2007]);
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市发展改革委'], others: ['市经委', '市统计局'] },
      { lead: ['市商务局'], others: ['市经委', '市财政局'] },
    ]);
  });

  it('a document nothing else reads, each task line followed by a line of units (and a deadline), is read with a warning, not refused', () => {
    const { plan, tasks } = read(['某县重点工作安排', '', '推进城区污水管网改造工程建设', '县住建局、县财政局', '2024年6月底前', '', '开展农村人居环境整治提升行动', '县农业农村局'].join('\n'));
    expect(plan.layout).toBe('unit-lines');
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['推进城区污水管网改造工程建设', ['县住建局', '县财政局'], ['2024年6月底前']],
      ['开展农村人居环境整治提升行动', ['县农业农村局'], []],
    ]);
    expect(plan.warnings.map((warning) => warning.message).join()).toContain('请逐条核对');
  });

  it('rows of a table whose header a page lost, the task, its units and a deadline on one line parted by spaces, are read with a warning, not refused', () => {
    const { plan, tasks } = read(['某县2023年重点工作', '推进城区污水管网改造工程建设 县住建局 2023年6月', '开展农村人居环境整治提升行动 县农业农村局、各乡镇 2023年12月', '完成老旧小区改造12个 县住建局'].join('\n'));
    expect(plan.layout).toBe('unit-lines');
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['推进城区污水管网改造工程建设', ['县住建局'], ['2023年6月']],
      ['开展农村人居环境整治提升行动', ['县农业农村局', '各乡镇'], ['2023年12月']],
      ['完成老旧小区改造12个', ['县住建局'], []],
    ]);
    expect(plan.warnings.map((warning) => warning.message).join()).toContain('请逐条核对');
  });

  it('a page cut off right after its tab table’s first row still gives that row’s task, and rows on lone 序号 that skip (81, 85, 87: a department’s rows out of a county’s list) are each a row', () => {
    const cut = read(
      [
        '2022年重点工作及责任清单',
        '一、市长负责事项(共9项)',
        '1\t全面延伸“双招双引”，继续坚持“顶格倾听、顶格协调、顶格推进”。\t市政府办\t市政府各部门、各直属机构\t皖政〔2022〕9号文件',
        '2\t坚决贯彻新时代中国特色社会主义思想，不折不扣贯彻落实中央、省和市委决策部署，坚决做到“总书记有号令、党中央有部署、省委\t\t\t',
      ].join('\n'),
    );
    expect(cut.tasks[0]!.units.map((unit) => unit.name)).toEqual(['市政府办', '市政府各部门、各直属机构']);
    const skipping = read(
      [
        '2023年县政府重点工作责任清单进展情况汇总表(10-12月)',
        '81',
        '科学精准落实疫情防控优化措施，加强医疗资源建设。',
        '县卫健委',
        '各乡镇',
        '达到时序进度',
        '85',
        '新增托育机构2所以上。',
        '县卫健委',
        '有关乡镇',
        '已完成',
        '87',
        '创建全国中医药示范县、国家慢性病综合防控示范区。',
        '县卫健委',
        '县直有关单位',
        '达到时序进度',
      ].join('\n'),
    );
    expect(skipping.tasks.map((task) => [task.number, task.units.map((unit) => unit.name)])).toEqual([
      ['81', ['县卫健委', '各乡镇']],
      ['85', ['县卫健委', '有关乡镇']],
      ['87', ['县卫健委', '县直有关单位']],
    ]);
  });

  it('a table copied with tabs whose header was on the page before, only its first row naming units (the rest merged under it), is read, not refused', () => {
    const { plan, tasks } = read(
      [
        '',
        '1\t新增老年食堂(助餐点)15个\t区民政局\t养老服务科\t11月底前\t其中3个点位已完成建设。',
        '2\t新增认知障碍照护专区床位100张\t\t\t10月底前\t目前已完成选址。',
        '3\t建成启用区级老年活动中心\t\t\t\t目前正在进行主体建筑装修阶段。',
        '4\t新增养老机构护理型床位500张\t\t\t\t目前已完成500张护理型床位建设。',
      ].join('\n'),
    );
    expect(plan.layout).toBe('headless-rows');
    expect(tasks.map((task) => task.title)).toEqual(['新增老年食堂(助餐点)15个', '新增认知障碍照护专区床位100张', '建成启用区级老年活动中心', '新增养老机构护理型床位500张']);
    expect(tasks[0]!.units.map((unit) => unit.name)).toEqual(['区民政局', '养老服务科']);
  });

  it('a table one cell a line without 序号 whose rows open with work naming places (建成投用桥墩镇、赤溪镇…敬老院) keeps that work the task and its bureau the unit', () => {
    const { tasks } = read(
      ['2022年度民生实事项目进度表', '', '项目内容', '', '当前进度', '', '牵头单位', '', '完成建设内容并投用，新增养老床位200张。', '', '80%', '', '县民政局', '', '建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院', '', '57%', '', '县民政局', '', '建设四好农村路55公里。', '', '95%', '', '县交通局'].join('\n'),
    );
    expect(tasks.map((task) => [task.title.slice(0, 8), task.units.map((unit) => unit.name)])).toEqual([
      ['完成建设内容并投', ['县民政局']],
      ['建成投用桥墩镇、', ['县民政局']],
      ['建设四好农村路5', ['县交通局']],
    ]);
  });

  it('a task table a page flattened with spaces that names no unit column (序号 工作内容 完成时间) is imported with a warning per task, not refused', () => {
    const { tasks, plan } = read(['某镇2024年重点工作安排', '序号 工作内容 完成时间', '1 推进集镇污水管网改造 6月底前', '2 开展农村人居环境整治提升 12月底前', '3 完成老旧小区改造12个 年底前'].join('\n'));
    expect(tasks.map((task) => [task.title, task.units.length, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['推进集镇污水管网改造', 0, ['6月底前']],
      ['开展农村人居环境整治提升', 0, ['12月底前']],
      ['完成老旧小区改造12个', 0, ['年底前']],
    ]);
    expect(plan.warnings.filter((warning) => /没有找到责任单位/.test(warning.message))).toHaveLength(3);
  });

  it('units one a line in a spaced table stay in their column before a list written with commas, which is the next column’s', () => {
    const { tasks } = read(
      [
        '某区2025年政府工作报告重点工作任务分解表',
        '序号 重点工作任务 主要责任单位 协同配合单位',
        '1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府',
        '2 一般公共预算收入增长5%左右。 区财政局',
        '区税务局',
        '区政府有关部门,各乡镇人民政府、街道办事处',
      ].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, summary(task).others])).toEqual([
      [['区发改委'], ['区政府各部门', '各乡镇人民政府']],
      [['区财政局', '区税务局'], ['区政府有关部门', '各乡镇人民政府', '街道办事处']],
    ]);
  });

  it('an inspection plan one cell a line, its rows under a merged 序号 padded with empty cells (| ||), gives each row that names its own work, unit and date a task', () => {
    const cell = (text: string) => `${text} |`;
    const { plan } = read(
      [
        '某县农业农村局2021年度双随机抽查工作计划',
        ...['序号', '抽查类别', '抽查事项', '检查对象', '执行股室', '检查比例', '初步检查时间', '备注'].map(cell),
        ...['1', '农产品质量监督抽查', '对农作物种子生产、经营的监督检查', '种子经营企业', '执法大队一中队', '5%', '2021年9月'].map(cell),
        '|',
        ...['对农药经营、使用场所进行检查', '农药销售企业', '执法大队一中队', '10%', '2021年6月'].map(cell),
        '|',
        '||',
        ...['2', '兽药经营企业监督抽查', '对兽药的监督检查', '兽药经营企业', '执法大队二中队', '30%', '2021年11月'].map(cell),
        '|',
      ].join('\n'),
    );
    // The work as it is tracked: the leaves (item 1's rows are its 1.1 and 1.2).
    const leaves = flattenNodes(plan.nodes).filter((node) => !flattenNodes(plan.nodes).some((other) => other.key.startsWith(`${node.key}.`)));
    expect(leaves.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      ['对农作物种子生产、经营的监督检查', ['执法大队一中队'], ['2021年9月']],
      ['对农药经营、使用场所进行检查', ['执法大队一中队'], ['2021年6月']],
      ['对兽药的监督检查', ['执法大队二中队'], ['2021年11月']],
    ]);
  });

  it('a wide table (an inspection plan with 抽查对象, 抽查比例, 检查方式, 信用风险等级…) is still a task table; 参与部门的检查内容 is what they check, not who', () => {
    const { tasks } = read(
      [
        '序号 | 牵头部门 | 联合抽查任务名称 | 抽查对象 | 抽查比例 | 拟实施时间 | 参与部门 | 参与部门的检查内容 | 检查方式 | 信用风险等级(低、一般、较高、高) |',
        '1 | 市市场监管局 | 全市机动车排放检验机构检测联合抽查 | 机动车检验机构 | 待定 | 7月至12月 | 市生态环境局 | 对排放检验情况进行监督检查 | 现场检查 | 一般 |',
        '2 | 市公安局 | 全市保安从业单位联合抽查 | 保安从业单位 | 待定 | 7月至12月 | 市市场监管局 | 对保安服务经营情况进行监督检查 | 现场检查 | 一般 |',
      ].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, summary(task).others])).toEqual([
      [['市市场监管局'], ['市生态环境局']],
      [['市公安局'], ['市市场监管局']],
    ]);
  });

  it('a wide table one cell a line whose header a narrow layout wrapped into pieces (检查 / 方式, 实施 / 层级, 抽取 / 日期) still finds its units past them', () => {
    const header = ['序号', '任务名称', '抽查事项', '检查对象', '抽查', '比例', '检查', '方式', '实施', '层级', '抽取', '日期', '完成时限', '牵头部门', '参与部门', '备注'];
    const rows = [
      ['1', '成品油市场', '加油站经营情况', '全市加油站', '10%', '现场检查', '市级', '20236', '2023年11月', '商务局', '市场监管局'],
      ['2', '汽车流通市场', '新车市场', '全市汽车销售4S店', '10%', '现场检查', '市级', '20236', '2023年11月', '商务局', '市场监管局'],
      ['3', '再生资源回收', '回收站点备案情况', '全市回收站点', '5%', '现场检查', '区县', '20236', '2023年11月', '商务局', '生态环境局'],
    ];
    const { tasks } = read(['2023年商务部门联合双随机抽查计划', '', ...[...header, ...rows.flat()].flatMap((cell) => [cell, ''])].join('\n'));
    expect(tasks.map((task) => [summary(task).lead, summary(task).others])).toEqual([
      [['商务局'], ['市场监管局']],
      [['商务局'], ['市场监管局']],
      [['商务局'], ['生态环境局']],
    ]);
    // A piece that starts the next column with the piece after it (抽取类型 | 抽查 / 户数), and wrapped names as far as the
    // table's sixteenth column (抽取 / 日期, 抽查 / 完成时限): each column its own, the deadline the completion one.
    const wide = ['序号', '任务名称', '抽查事项', '检查对象', '抽取', '类型', '抽查', '户数', '抽查', '比例', '检查', '方式', '组织', '层级', '实施', '层级', '抽取', '日期', '抽取', '日期至', '抽查', '完成时限', '牵头部门', '参与部门', '备注'];
    const wideRows = [
      ['1', '成品油市场', '加油站经营情况', '全市加油站', '定向', '3', '10%', '现场检查', '市级', '市级', '202306', '202307', '2023年11月', '商务局', '市场监管局'],
      ['2', '汽车流通市场', '新车市场', '全市汽车销售4S店', '不定向', '6', '10%', '现场检查', '市级', '区县', '202306', '202307', '2023年12月', '商务局', '市场监管局'],
    ];
    const widely = read(['2023年商务部门联合双随机抽查计划', '', ...[...wide, ...wideRows.flat()].flatMap((cell) => [cell, ''])].join('\n'));
    expect(widely.tasks.map((task) => [summary(task).lead, task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      [['商务局'], '2023年11月'],
      [['商务局'], '2023年12月'],
    ]);
  });

  it('an alternative written inside a header word (责任处(科)室) still names the unit column, and an inspection plan (…监管计划) names the plan', () => {
    const { plan, tasks } = read(
      [
        '2023年度双随机、一公开监管计划',
        '| 序号 | 任务名称 | 检查事项 | 检查对象 | 检查方式 | 抽取比例 | 检查频次 | 责任处(科)室 |',
        '| 1 | 绿化用地检查 | 对改变绿化用地使用性质的行政检查 | 企业、事业单位 | 现场检查 | 10% | 1次/半年 | 园林绿化管理中心 |',
        '| 2 | 砍伐城市树木检查 | 对砍伐城市树木的行政检查 | 机关、企业 | 现场检查 | 10% | 1次/半年 | 园林绿化管理中心 |',
      ].join('\n'),
    );
    expect(plan.title).toBe('2023年度双随机、一公开监管计划');
    expect(tasks.map((task) => summary(task).others)).toEqual([['园林绿化管理中心'], ['园林绿化管理中心']]);
  });

  it('a target table whose rows are the units (单位名称 | 指标(万元) …) gives each unit its row as a task, the issuing county’s own total row left out', () => {
    const { plan, tasks } = read(
      [
        '某某县人民政府关于下达2025年各乡镇财政收入目标任务的通知',
        '各乡镇人民政府：',
        '现将2025年财政收入目标任务下达给你们，请认真抓好落实。',
        '乡镇 一般公共预算收入(万元) 税收收入(万元) 增长(%)',
        '某某县 52000 41000 6',
        '城关镇 12000 9800 6.5',
        '青石乡 3100 2500 5',
        '白河镇 4600 3900 6',
        '合计 19700 16200 6',
        '各乡镇要将目标任务分解到月，确保完成。',
      ].join('\n'),
    );
    expect(plan.layout).toBe('unit-rows');
    expect(plan.year).toBe(2025);
    expect(tasks.map((task) => [task.title, task.units.map((unit) => [unit.name, unit.role])])).toEqual([
      ['城关镇 12000 9800 6.5', [['城关镇', 'responsible']]],
      ['青石乡 3100 2500 5', [['青石乡', 'responsible']]],
      ['白河镇 4600 3900 6', [['白河镇', 'responsible']]],
    ]);
  });

  it('a notice broken after its 的 (关于对…检查情况的 / 整改通知) names the plan; a district several cities have (铁西区) is the one under the city named before it', () => {
    const { plan } = read(
      [
        '四平市铁西区人民政府   2019-05-17 15:15:00   来源: 区人民政府督查室',
        '',
        '铁西区人民政府督查室',
        '',
        '关于对城区环境卫生综合整治工作检查情况的 ',
        '',
        '整改通知 ',
        '',
        '1.仁兴街道辖区内红旗街两侧垃圾未清理。(仁兴街道办事处负责)',
        '2.北沟街道辖区内占道经营。(北沟街道办事处负责)',
      ].join('\n'),
    );
    expect([plan.title, plan.jurisdiction]).toEqual(['关于对城区环境卫生综合整治工作检查情况的整改通知', '铁西区']);
  });

  it('a plain list of units in parentheses on the line under an item, holding a parenthesis of its own (各市(县)、区政府)', () => {
    const { tasks } = read(['4、城镇居民人均可支配收入和农民人均纯收入均增长12%。', '(市发改委、农委、人保局,各市(县)、区政府)', '5、城镇登记失业率控制在3.5%以内。', '(市人保局,各市(县)、区政府)'].join('\n'));
    expect(tasks.map((task) => task.units.map((unit) => unit.name))).toEqual([
      ['市发改委', '市农委', '市人保局', '各市（县）、区政府'],
      ['市人保局', '各市（县）、区政府'],
    ]);
  });

  it('a pipe calendar whose merged week and date cells (第一周 | 3月1日-3月7日) lead the rows under them: every row keeps the date as its deadline; a meeting (行政务虚会) is no unit', () => {
    const { tasks } = read(
      [
        '某中学2020-2021学年第二学期校历',
        '起止日期 | 主要工作 | 责任处室 | |',
        '开学前 | 2月24日 | 下午2:30行政务虚会 | 办公室 |',
        '2月25日 | 上午:教职工大会暨教师发展论坛 | 教科室 | |',
        '第一周 | 3月1日-3月7日 | 开学典礼;升旗仪式表彰 | 教育处、团委 |',
        '开学督导迎检 | 督导室 | ||',
        '新学期青年教师师徒结对仪式 | 教科室 | ||',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['下午2:30行政务虚会', ['办公室'], '开学前 2月24日'],
      ['上午:教职工大会暨教师发展论坛', ['教科室'], '2月25日'],
      ['开学典礼', ['教育处', '团委'], '第一周 3月1日-3月7日'],
      ['开学督导迎检', ['督导室'], '第一周 3月1日-3月7日'],
      ['新学期青年教师师徒结对仪式', ['教科室'], '第一周 3月1日-3月7日'],
    ]);
  });

  it('a tab-copied table whose header cell spans two columns (起止日期 over week | date) and whose last column (备注) is left empty: the empty cells are that column, not stray tabs, so each row keeps its date and units', () => {
    const { tasks } = read(
      [
        '某中学2020-2021学年第二学期校历',
        '起止日期\t主要工作\t责任处室\t备注',
        '开学前\t2月24日\t行政务虚会\t办公室\t',
        '\t2月25日\t教职工大会暨教师发展论坛\t教科室\t',
        '第一周\t3月1日-3月7日\t开学典礼\t教育处、团委\t',
        '\t\t开学督导迎检\t督导室\t',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['行政务虚会', ['办公室'], '开学前 2月24日'],
      ['教职工大会暨教师发展论坛', ['教科室'], '2月25日'],
      ['开学典礼', ['教育处', '团委'], '第一周 3月1日-3月7日'],
      ['开学督导迎检', ['督导室'], '第一周 3月1日-3月7日'],
    ]);
  });

  it('leaders by any label that ends in 领导 (包保领导, 督办领导, 县级领导) or names a title (分管副县长), a person with several titles (县委常委、副县长张三) as one, and a role clause before a label in one bracket', () => {
    const { tasks } = read(
      [
        '1.推进城区污水管网改造工程建设。',
        '包保领导：张三',
        '牵头单位：县住建局',
        '2.开展农村人居环境整治提升行动。',
        '分管副县长：李四',
        '牵头单位：县农业农村局',
        '3.完成义务教育学校扩容工程。（县教体局牵头，县委常委、副县长王五负责）',
        '4.实施城区道路改造。（县交通运输局牵头；督办领导：赵六）',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, leaders }) => ({ lead, leaders }))).toEqual([
      { lead: ['县住建局'], leaders: ['张三'] },
      { lead: ['县农业农村局'], leaders: ['李四'] },
      { lead: ['县教体局'], leaders: ['县委常委、副县长王五'] },
      { lead: ['县交通运输局'], leaders: ['赵六'] },
    ]);
  });

  it('Word tables: a deadline header spanning two columns (起止日期 over 第一周 | 3月1日-3月7日) reads both, and dates the rows its merged cells span; a form table, a field a row (具体任务 | … / 责任单位 | …), is a task', () => {
    const calendar = tableOf([
      ['起止日期', '', '主要工作', '责任处室'],
      ['开学前', '2月24日', '行政务虚会', '办公室'],
      ['', '2月25日', '教职工大会暨教师发展论坛', '教科室'],
      ['第一周', '3月1日-3月7日', '开学典礼', '教育处'],
      ['', '', '开学督导迎检', '督导室'],
    ]);
    const plan = parsePlanDocument({ text: '某中学校历', tables: [calendar] }, 'plan.docx');
    // A date column left of the tasks, merged down over a week's rows, dates each of them.
    expect(flattenNodes(plan.nodes).map((node) => [node.title, node.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['行政务虚会', '开学前 2月24日'],
      ['教职工大会暨教师发展论坛', '2月25日'],
      ['开学典礼', '第一周 3月1日-3月7日'],
      ['开学督导迎检', '第一周 3月1日-3月7日'],
    ]);
    const form = tableOf([
      ['具体任务', '全面完成老年人群疫苗接种,改扩建社区卫生服务中心。'],
      ['责任单位', '卫健局、文旅局'],
      ['配合单位', '各乡镇'],
      ['完成时限', '12月底前'],
    ]);
    const one = parsePlanDocument({ text: '', tables: [form] }, 'plan.docx');
    expect(flattenNodes(one.nodes).map((node) => [node.title, node.units.map((unit) => `${unit.name}:${unit.role}`), node.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['全面完成老年人群疫苗接种,改扩建社区卫生服务中心', ['卫健局:responsible', '文旅局:responsible', '各乡镇:cooperating'], '12月底前'],
    ]);
  });

  it('a tab table whose 目标任务 spans a target and its figure (城镇新增就业(人) \\t 26000) keeps the bureau (its name broken by the column’s wrap, merged down over the rows below) in the unit column, not the figure', () => {
    const { tasks } = read(
      [
        '2017年1—11月十大民生工程项目实施进度表',
        '工程 名称\t序号\t项 目 内 容\t目标任务\t市级牵头 责任单位\t进度\t完成目标 (%)\t备注',
        '就业促进工程\t1\t促进城乡劳动者就业创业\t城镇新增就业(人)\t26000\t市人力资源 社会保障局\t32095\t123.4\t超额完成',
        '\t2\t\t城镇失业人员再就业(人)\t4000\t\t4934\t123.4\t超额完成',
        '\t3\t\t就业困难人员就业(人)\t2000\t\t2519\t125.9\t超额完成',
        '\t4\t\t城镇登记失业率低于(%)\t4.3\t\t4.17\t103.1\t超额完成',
      ].join('\n'),
    );
    expect(tasks.map((task) => summary(task).lead)).toEqual([['市人力资源社会保障局'], ['市人力资源社会保障局'], ['市人力资源社会保障局'], ['市人力资源社会保障局']]);
  });

  it('a tab table whose header names one column over two (起止日期 over 第一周 \\t 3月1日-3月7日) lines its rows up again', () => {
    const { tasks } = read(
      [
        '起止日期\t主要工作\t责任处室',
        '开学前\t2月24日\t行政务虚会\t办公室',
        '\t2月25日\t教职工大会暨教师发展论坛\t教科室',
        '第一周\t3月1日-3月7日\t开学典礼\t教育处、团委',
        '\t\t开学督导迎检\t督导室',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name).join('、')])).toEqual([
      ['行政务虚会', '办公室'],
      ['教职工大会暨教师发展论坛', '教科室'],
      ['开学典礼', '教育处、团委'],
      ['开学督导迎检', '督导室'],
    ]);
  });

  it('units in 〔〕 followed on the same line by the next part (…〔牵头单位:…〕 二、…), and page numbers between dashes (- 1 -), are apart from the item', () => {
    const { plan, tasks } = read(
      [
        '- 1 - XX县2022年法治政府建设工作计划',
        '一、持续推进学习宣传贯彻习近平法治思想 1.推动学习宣传贯彻习近平法治思想走深走实。',
        '〔牵头单位:县政府办公室、县司法局;责任单位:县政府各部门,各镇人民政府(街道办事处)〕 二、压实法治政府建设第一责任人职责',
        '2.将法治政府建设与经济社会发展同部署、同推进。〔牵头单位:县政府办公室、县司法局;责任单位:县政府各部门〕',
      ].join('\n'),
    );
    expect(plan.title).toBe('XX县2022年法治政府建设工作计划');
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['县政府办公室', '县司法局'], others: ['县政府各部门', '各镇人民政府'] },
      { lead: ['县政府办公室', '县司法局'], others: ['县政府各部门'] },
    ]);
  });

  it('a plan that never names its city takes it from its 文号 (徐政发〔2010〕29号) when the text names one place starting so (徐州经济开发区), and says so', () => {
    const { plan } = read(
      [
        '市政府关于印发《2010年〈政府工作报告〉主要目标任务分解方案》的通知',
        '徐政发〔2010〕29号',
        '各县(市)、区人民政府,徐州经济开发区管委会,市各委、办、局(公司),市各直属单位:',
        '1.地区生产总值增长13%。(市发改委牵头)',
        '2.财政收入增长15%。(市财政局牵头)',
      ].join('\n'),
    );
    expect(plan.jurisdiction).toBe('徐州市');
    expect(plan.warnings.map((warning) => warning.message).join()).toContain('按文号');
  });

  it('what must not be taken for units, page numbers or one person: a bracket’s wording before a leader label, dashes between tab cells, two posts', () => {
    const { tasks } = read(
      [
        '1.推进城区污水管网改造工程建设。（确保年底前完成建设并组织实施；责任领导：张三）',
        '牵头单位：县住建局',
        '2.完成义务教育学校扩容工程。',
        '责任领导：常务副县长、县长助理',
        '牵头单位：县教体局',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others, leaders }) => ({ lead, others, leaders }))).toEqual([
      { lead: ['县住建局'], others: [], leaders: ['张三'] },
      { lead: ['县教体局'], others: [], leaders: ['常务副县长', '县长助理'] },
    ]);
    const tabbed = read(['序号\t工作任务\t上年值\t目标值\t完成值\t牵头单位', '1\t新增城镇就业\t—\t3\t—\t县人社局', '2\t新增公办幼儿园学位\t—\t5\t—\t县教体局', '3\t改造农村公路\t—\t12\t—\t县交通运输局'].join('\n'));
    expect(tabbed.tasks.map((task) => task.units.map((unit) => unit.name).join())).toEqual(['县人社局', '县教体局', '县交通运输局']);
  });

  it('bare role words as labels (牵头：… 配合：…), and an item’s last sentence naming units with their parts and a by-date (县教体局牵头，县发改局、县财政局配合，2024年9月前完成)', () => {
    const { tasks } = read(
      [
        '（一）开展农村人居环境整治。牵头：县农业农村局；配合：各乡镇（街道）、县直有关单位。',
        '（二）完成学校扩容。县教体局牵头，县发改局、县财政局配合，2024年9月前完成。',
        '（三）改造交通瓶颈。以上工作由市规划与国土资源局、城管办负责。',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.units.map((unit) => `${unit.name}:${unit.role}`), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      [['县农业农村局:lead', '各乡镇:cooperating', '县直有关单位:cooperating'], ''],
      [['县教体局:lead', '县发改局:cooperating', '县财政局:cooperating'], '2024年9月前完成'],
      [['市规划与国土资源局:responsible', '市城管办:responsible'], ''],
    ]);
  });

  it('a document that marks its lead units with a sign (带*号的为牵头单位, 标注★的单位为牵头单位) makes the marked unit lead, and its note is no task', () => {
    const table = read(['某县2024年重点工作任务分解（带*号的为牵头单位）', '序号 工作任务 责任单位 完成时限', '1 推进城区污水管网改造工程建设 县财政局、县住建局* 2024年6月底前', '2 开展农村人居环境整治提升行动 各乡镇、县农业农村局*、县财政局 年底前'].join('\n'));
    expect(table.tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['县住建局'], others: ['县财政局'] },
      { lead: ['县农业农村局'], others: ['各乡镇', '县财政局'] },
    ]);
    const prose = read(['某县2024年重点工作任务分解（标注★的单位为牵头单位）', '1.推进城区污水管网改造工程建设。（县住建局★、县财政局负责）', '2.开展农村人居环境整治提升行动。（县农业农村局★，各乡镇配合）'].join('\n'));
    expect(prose.tasks.map(summary).map(({ title, lead, others }) => ({ title, lead, others }))).toEqual([
      { title: '推进城区污水管网改造工程建设', lead: ['县住建局'], others: ['县财政局'] },
      { title: '开展农村人居环境整治提升行动', lead: ['县农业农村局'], others: ['各乡镇'] },
    ]);
  });

  it('a leader written with titles in brackets (张三（副县长）, 李四（县委常委、副县长）) is one person, in a spaced table’s leader column as under a label', () => {
    const table = read(['序号 重点任务 责任领导 牵头单位 责任单位 完成时限', '1 推进城区污水管网改造工程建设 张三（副县长） 县住建局 县财政局 2024年6月底前', '2 开展农村人居环境整治提升行动 李四(县委常委) 县农业农村局 各乡镇 年底前'].join('\n'));
    expect(table.tasks.map(summary).map(({ title, leaders }) => ({ title, leaders }))).toEqual([
      { title: '推进城区污水管网改造工程建设', leaders: ['张三（副县长）'] },
      { title: '开展农村人居环境整治提升行动', leaders: ['李四(县委常委)'] },
    ]);
    const labels = read(['1.推进城区污水管网改造工程建设。', '牵头领导：李四（县委常委、副县长）', '牵头单位：县住建局'].join('\n'));
    expect(labels.tasks.map(summary).map(({ leaders }) => leaders)).toEqual([['李四（县委常委、副县长）']]);
    // Seats a space parts from the name are that person's; seats no name follows stay each their own.
    const seats = read(['序号 工作任务 分管领导 牵头单位', '1 推进城区污水管网改造工程建设 副县长 张三 县住建局', '2 开展农村人居环境整治提升行动 县委常委、副县长 李四 县农业农村局', '3 完成义务教育学校扩容工程 常务副县长、县长助理 县教体局'].join('\n'));
    expect(seats.tasks.map(summary).map(({ leaders }) => leaders)).toEqual([['副县长张三'], ['县委常委、副县长李四'], ['常务副县长', '县长助理']]);
  });

  it('a leader column named by the seat it holds (分管副县长, 牵头副市长, 市长) is the rows’ leaders, not a column of text', () => {
    for (const seat of ['分管副县长', '牵头副市长', '责任副区长']) {
      const { tasks } = read(['某县2023年重点工作任务分解表', `序号\t工作任务\t${seat}\t牵头单位\t完成时限`, '1\t加快推进城区污水管网建设\t张三\t县住建局\t2023年12月底', '2\t推进老旧小区改造20个\t李四\t县住建局\t2023年9月底'].join('\n'));
      expect(tasks.map((task) => [summary(task).leaders, summary(task).lead])).toEqual([
        [['张三'], ['县住建局']],
        [['李四'], ['县住建局']],
      ]);
    }
  });

  it('a table a page flattened to one row per line, cells apart by spaces, header letters spaced out', () => {
    const { plan, tasks } = read(
      [
        '2019年《政府工作报告》量化指标任务分工',
        '',
        '序号 工 作 任 务 牵头负责部门',
        '1 城镇新增就业1100万人以上 人力资源社会保障部',
        '2 粮食产量保持在1.3万亿斤以上 农业农村部',
        '3 新开工改造城镇老旧小区 住房城乡建设部',
      ].join('\n'),
    );
    expect(plan.title).toBe('2019年《政府工作报告》量化指标任务分工');
    expect(tasks.map(summary)).toEqual([
      { title: '城镇新增就业1100万人以上', lead: ['人力资源社会保障部'], others: [], leaders: [] },
      { title: '粮食产量保持在1.3万亿斤以上', lead: ['农业农村部'], others: [], leaders: [] },
      { title: '新开工改造城镇老旧小区', lead: ['住房城乡建设部'], others: [], leaders: [] },
    ]);
  });

  it('unnumbered paragraphs each followed by a 责任单位 line of their own, under a heading naming their leader, first listed leads', () => {
    const { tasks } = read(
      [
        '近日，某省政府办公厅印发2017年政府工作报告重点工作责任分解的通知。',
        '张三省长牵头重点工作',
        '加快推进“最多跑一次”改革。全面推进简政放权，继续精减行政事业收费。',
        '责任单位：省政府办公厅、省编办、省发展改革委，各市政府（列第一位者为工作牵头或汇总单位，下同）',
        '切实规范行政行为，坚持依法决策、民主决策、科学决策。',
        '责任单位：省政府办公厅、省财政厅',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '加快推进“最多跑一次”改革', lead: ['省政府办公厅'], others: ['省编办', '省发展改革委', '各市政府'], leaders: ['张三省长'] },
      { title: '切实规范行政行为，坚持依法决策、民主决策、科学决策', lead: ['省政府办公厅'], others: ['省财政厅'], leaders: ['张三省长'] },
    ]);
  });

  it('the first-listed-leads convention in other words (第一责任单位为牵头单位, 排在首位的部门牵头), but not a unit called the first lead', () => {
    const plan = (note: string) =>
      read(
        [
          '某市2019年重点工作任务分解',
          '一、推进完善PPP健康运行长效机制。',
          `责任单位：市发改委、市财政局${note}`,
          '二、严格落实全省统一的招投标制度。',
          '责任单位：市建设局、市财政局',
        ].join('\n'),
      ).tasks.map(summary);
    for (const note of ['（第一责任单位为牵头单位，下同）', '（排在首位的部门牵头，下同）', '(首个单位为牵头单位)']) {
      expect(plan(note).map(({ lead, others }) => ({ lead, others }))).toEqual([
        { lead: ['市发改委'], others: ['市财政局'] },
        { lead: ['市建设局'], others: ['市财政局'] },
      ]);
    }
    // 第一牵头单位 names one unit's rank, not a rule for every list: nothing is made lead by position.
    const ranked = read(['某市2019年重点工作任务分解', '一、推进完善PPP健康运行长效机制。', '责任单位：市发改委、市财政局（市财政局为第一牵头单位）'].join('\n')).tasks.map(summary);
    expect(ranked[0]?.lead).not.toEqual(['市发改委']);
  });

  it('a progress report whose tasks are an enumeration inside one paragraph (一是…（责任单位：…）；二是…), titled as a 督查专报', () => {
    const { plan, tasks } = read(
      [
        '关于某市重点民生实事进展情况的督查专报',
        '来源:某县政府办督查室 时间:2023-04-12',
        '  市政府督查室对2023年重点民生实事进展情况进行了督查,涉及我县的任务有3个,分别为:一是维修改造中小学校13所(责任单位:县教育局);二是提高异地就医报销比例(责任单位:县医保局);三是新改建农村公路380公里(责任单位:县交通局)。目前,3个任务都已完成。',
        '  下一步,一是加强调度;二是强化督查。',
      ].join('\n'),
    );
    expect(plan.title).toBe('关于某市重点民生实事进展情况的督查专报');
    expect(plan.year).toBe(2023);
    expect(tasks.map(summary).map(({ title, others }) => ({ title, others }))).toEqual([
      { title: '维修改造中小学校13所', others: ['县教育局'] },
      { title: '提高异地就医报销比例', others: ['县医保局'] },
      { title: '新改建农村公路380公里', others: ['县交通局'] },
    ]);
  });

  it('labelled fields run together on one line, ours and others (项目责任人:, 实际完成情况:), and a table run into the last label', () => {
    const { tasks } = read(
      [
        '2014年市政府民生实事项目1—6月份进展情况',
        '1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 责任单位:市轨道交通工程建设指挥部 项目责任人:尹文德 实际完成情况:已于2014年5月30日通车试运营。 2.新辟公交线路10条。 牵头领导:王仁洲 责任单位:市交通委 项目责任人:劳可军 配合单位:市公安局、市城管局,各区政府 鄞州 海曙、江东 合计 新辟线路年度目标 2 5 1 2 10 3.新投放公共自行车3000辆。 牵头领导:王仁洲 责任单位:市交通委 配合单位:市财政局 实际完成情况:已投放2000辆。',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '轨道交通1号线一期工程投入试运营', lead: [], others: ['市轨道交通工程建设指挥部'], leaders: ['林静国', '尹文德'] },
      { title: '新辟公交线路10条', lead: [], others: ['市交通委', '市公安局', '市城管局', '各区政府'], leaders: ['王仁洲', '劳可军'] },
      { title: '新投放公共自行车3000辆', lead: [], others: ['市交通委', '市财政局'], leaders: ['王仁洲'] },
    ]);
  });

  it('headings that name the lead unit of the items under them (（一）省编办牵头的工作), under a leader’s heading, with 协同单位 lines', () => {
    const { plan, tasks } = read(
      [
        '某省人民政府关于印发2008年省人民政府工作目标责任分解的通知',
        '一、张三省长负责的工作',
        '（一）省监察厅牵头的工作',
        '加强行政监察工作，全面落实党风廉政建设责任制。',
        '（二）省编办牵头的工作',
        '1.深化行政管理体制改革，优化政府机构设置。',
        '2.积极稳妥地推进乡镇机构改革。',
        '协同单位：省财政厅、省人事厅和各市人民政府。',
      ].join('\n'),
    );
    expect(plan.title).toBe('2008年省人民政府工作目标责任分解');
    expect(tasks.map(summary)).toEqual([
      { title: '加强行政监察工作，全面落实党风廉政建设责任制', lead: ['省监察厅'], others: [], leaders: ['张三省长'] },
      { title: '深化行政管理体制改革，优化政府机构设置', lead: ['省编办'], others: [], leaders: ['张三省长'] },
      { title: '积极稳妥地推进乡镇机构改革', lead: ['省编办'], others: ['省财政厅', '省人事厅', '各市人民政府'], leaders: ['张三省长'] },
    ]);
  });

  it('a duty list that names the unit first (14.市卫生局：负责…), but not an item that opens with a place or a role word', () => {
    const { tasks } = read(
      [
        '某市环境秩序综合整治工作方案',
        '14.市卫生局：负责医院周边环境秩序综合整治的协调工作。',
        '15.市药监局：负责查处违法收售药品等行为。',
        '16.各区县政府（地区管委会）：落实属地责任，制定辖区整治工作方案。',
        '17.重点区域：火车站周边环境整治（市城管执法局牵头）。',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ title, lead, others }) => ({ title, lead, others }))).toEqual([
      { title: '负责医院周边环境秩序综合整治的协调工作', lead: [], others: ['市卫生局'] },
      { title: '负责查处违法收售药品等行为', lead: [], others: ['市药监局'] },
      { title: '落实属地责任，制定辖区整治工作方案', lead: [], others: ['各区县政府'] },
      { title: '重点区域：火车站周边环境整治', lead: ['市城管执法局'], others: [] },
    ]);
  });

  it('a plan with no title takes its year from the yearly work it carries out (2014年市政府民生实事项目, 2021年工作要点)', () => {
    for (const [opening, year] of [['2014年市政府民生实事项目共有42项任务，现将1—6月份进展情况予以公示。', 2014], ['为做好2021年全县重点工作，现分解如下。', 2021]] as const) {
      const { plan } = read([opening, '1.新增安装300套交通信息采集设备。 责任单位:市公安局', '2.新辟公交线路10条。 责任单位:市交通委'].join('\n'));
      expect(plan.year).toBe(year);
    }
  });

  it('a 实施点位 column whose cells read like units (全县17家乡镇卫生院) is where the work is done, not who does it', () => {
    const cells = ['序号', '实事名称', '责任单位', '实施点位', '完成时限', '1', '60周岁以上老年人群常用药免费服用', '卫健局', '全县17家乡镇卫生院', '2', '农村路灯亮化工程', '农业农村局', '全县19个乡镇', '11月底'];
    const { tasks } = read(['2022年县十件民生实事项目推进情况表', '', ...cells.flatMap((cell) => [cell, ''])].join('\n'));
    expect(tasks.map(summary).map(({ title, others }) => ({ title, others }))).toEqual([
      { title: '60周岁以上老年人群常用药免费服用', others: ['卫健局'] },
      { title: '农村路灯亮化工程', others: ['农业农村局'] },
    ]);
  });

  it('a Word table whose task name spans two columns over figures (项目名称 | | 责任单位 | 目标任务): one task a row, never categories', () => {
    const grid = tableOf([
      ['序号', '民生实事项目名称', '', '责任单位', '目标任务', '实际完成', '完成率'],
      ['1', '农村饮用水安全巩固提升', '', '农林水务局', '1300人', '700', '54%'],
      ['2', '新增城镇就业', '', '人社局', '8950', '7356', '82%'],
      ['3', '深化养老保险制度改革', '完成在职参保人数6300人', '区人社局', '6300人', '7558', '119%'],
      ['', '', '城市低保补差水平达到300元/人', '区民政局', '100%', '100%', ''],
    ]);
    const plan = parsePlanDocument({ text: '某区2017年民生实事完成情况表', tables: [grid] }, 'plan.docx');
    const tasks = flattenNodes(plan.nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => ({ title: task.title.split('\n')[0], units: task.units.map((unit) => unit.name) }))).toEqual([
      { title: '农村饮用水安全巩固提升', units: ['农林水务局'] },
      { title: '新增城镇就业', units: ['人社局'] },
      { title: '深化养老保险制度改革', units: ['区人社局', '区民政局'] },
    ]);
  });

  it('an excerpt that starts inside a part: （二） items before 四、, and 以上工作由X负责，Y配合 under each', () => {
    const { tasks } = read(
      [
        '（一）对长期在我市行驶的外地车辆，按规定办理转籍手续。',
        '以上工作由市公安交警局负责。',
        '（二）继续严厉查处长期在我市非法营运的外地出租车。',
        '以上工作由市交通局负责，各有关部门配合。',
        '四、改造交通瓶颈，提高道路通行能力',
        '按照交通综合治理计划，对14处交通瓶颈进行规划改造。',
        '以上工作由市规划与国土资源局负责。',
        '五、打通小区微循环，缓解主次干道交通压力',
        '（一）取消部分小区道路设卡收费，向社会开放。',
        '以上工作由市城管办负责，各区政府配合。',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others }) => others)).toEqual([['市公安交警局'], ['市交通局', '各有关部门'], ['市规划与国土资源局'], ['市城管办', '各区政府']]);
    expect(tasks.map((task) => task.categoryPath)).toEqual(['', '', '', '打通小区微循环，缓解主次干道交通压力']);
  });

  it('a unit parenthesis that states the first-listed convention for the rest (…负责，排在第一位的为牵头部门，下同)', () => {
    const { tasks } = read(
      [
        '（一）实行医疗联合体网格化管理（市卫生计生委、市人力社保局负责，排在第一位的为牵头部门，下同）。',
        '（二）完善价格和医保支付政策（市医保局、市卫生计生委负责）。',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市卫生计生委'], others: ['市人力社保局'] },
      { lead: ['市医保局'], others: ['市卫生计生委'] },
    ]);
  });

  it('a unit label whose value states the first-listed convention after its units, bare or in a parenthesis of its own', () => {
    const { tasks } = read(
      [
        '1.在规定的税额幅度内确定适用税额。(责任单位:市税务局、市财政局,排在首位的为牵头单位,下同)',
        '2.加快推进“最多跑一次”改革。',
        '责任单位:省政府办公厅、省编办,省级有关单位,各市政府(列第一位者为工作牵头或汇总单位,下同)',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市税务局'], others: ['市财政局'] },
      { lead: ['省政府办公厅'], others: ['省编办', '省级有关单位', '各市政府'] },
    ]);
  });

  it('units in 〔〕 holding parentheses of their own, with a note naming units for every later item (不再列出)', () => {
    const { tasks } = read(
      [
        '某市打赢蓝天保卫战实施方案',
        '1.制定实施准入清单。完成环境准入清单编制工作。〔市生态环境局牵头，市发展和改革局参与，各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实，不再列出。〕严禁新建燃煤锅炉。(市生态环境局、市场监管局牵头，市发展和改革局参与)',
        '2.排查整治工业企业。2019年9月底前完成整治。(市生态环境局牵头)',
      ].join('\n'),
    );
    const parts = tasks.flatMap((task) => (task.children.length > 0 ? task.children : [task])).map(summary);
    expect(parts.map(({ lead, others }) => ({ lead, others }))).toEqual([
      { lead: ['市生态环境局'], others: ['市发展和改革局', '各县、区人民政府'] },
      { lead: ['市生态环境局', '市场监管局'], others: ['市发展和改革局', '各县、区人民政府'] },
      { lead: ['市生态环境局'], others: ['各县、区人民政府'] },
    ]);
  });

  it('a leader column left of the tasks (牵头领导 | 重点工作 | 牵头单位 …) leads every task its merged cell spans', () => {
    const grid = tableOf([
      ['牵头领导', '重点工作', '牵头单位', '配合单位'],
      ['周阳市长', '1.始终做到忠诚于党。', '市府办', '各单位'],
      ['', '2.始终坚持依法行政。', '市府办', '市司法局'],
      ['李四副市长', '3.加快发展先进制造业。', '市经信局', '市发改局'],
    ]);
    const plan = parsePlanDocument({ text: '2021年市政府重点工作责任分工抓落实方案', tables: [grid] }, 'plan.docx');
    const tasks = flattenNodes(plan.nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => task.leaders)).toEqual([['周阳市长'], ['周阳市长'], ['李四副市长']]);
  });

  it('a pipe row a page broke over two lines, between cells or inside one', () => {
    const { tasks } = read(
      [
        '某市创建国家园林城市任务分解',
        '任务内容 | 工作内容及要求 | 责任单位 | 协助单位 | 完成期限 |',
        '生态环境 | 1、城市大环境绿化扎实开展，形成城郊一体的优良环境。 | 市规划局 | 市国土资源局',
        '市农牧林业局 | 2010年9月20日前 |',
        ' | 2、建设防护绿地，城市周边建有绿化隔离带。 | 市建设局',
        '市财政局 | 2010年9月20日前 |',
      ].join('\n'),
    );
    // 任务内容 groups the rows (生态环境); each numbered requirement keeps its whole row.
    const items = tasks.flatMap((task) => task.children);
    expect(items.map((item) => ({ units: item.units.map((unit) => unit.name), deadline: item.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { units: ['市规划局', '市国土资源局', '市农牧林业局'], deadline: ['2010年9月20日前'] },
      { units: ['市建设局', '市财政局'], deadline: ['2010年9月20日前'] },
    ]);
  });

  it('rows under a merged 序号 that a page padded with empty cells (目标 | 完成情况 | ||) are more of the task above, one row a line, never its units', () => {
    const { tasks } = read(
      [
        '某县2023年民生实事项目推进情况表',
        '序号 | 项目名称 | 完成情况 | 责任单位 |',
        '1 | 改造农村危房300户。 | 已改造312户。 | 县住建局 |',
        '2 | 新建城乡社区老年食堂10个。 | 已建成老年食堂11个。 | 县民政局 |',
        '为80岁以上老人提供助餐服务2万人次。 | 提供助餐服务23650人次。 | ||',
        '新增养老机构床位120张。 | 新增床位126张。 | ||',
        '3 | 实施县乡公路提质改造40公里。 | 完成提质改造42公里。 | 县交通运输局 |',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ number: task.number, units: task.units.map((unit) => unit.name) }))).toEqual([
      { number: '1', units: ['县住建局'] },
      { number: '2', units: ['县民政局'] },
      { number: '3', units: ['县交通运输局'] },
    ]);
    expect(tasks[1]!.requirement).toContain('新增养老机构床位120张');
  });

  it('leaders whose surnames are common but were missing from the list (洪, 傅, 赖, 萧, 阎) lead their headings’ items and fill their column', () => {
    const headed = read(
      [
        '某市2024年政府工作报告重点工作责任分解',
        '一、洪志远市长主抓重点工作',
        '1.深入实施营商环境优化提升行动。（牵头单位：市发改委；责任单位：市市场监管局）',
        '二、傅晓军副市长牵头重点工作',
        '2.推进城市更新和老旧小区改造。（牵头单位：市住建局）',
      ].join('\n'),
    );
    expect(headed.tasks.map((task) => task.leaders)).toEqual([['洪志远市长'], ['傅晓军副市长']]);
    const column = read(
      [
        '某县重点项目推进责任表',
        '序号 | 项目名称 | 责任领导 | 牵头单位 | 完成时限 |',
        '1 | 县人民医院综合楼建设 | 赖建平 | 县卫健局 | 2024年12月底前 |',
        '2 | 城北污水处理厂提标改造 | 萧红梅 | 县住建局 | 2024年9月底前 |',
        '3 | 高标准农田建设2万亩 | 阎海涛 | 县农业农村局 | 2024年10月底前 |',
      ].join('\n'),
    );
    expect(column.tasks.map(summary)).toEqual([
      { title: '县人民医院综合楼建设', lead: ['县卫健局'], others: [], leaders: ['赖建平'] },
      { title: '城北污水处理厂提标改造', lead: ['县住建局'], others: [], leaders: ['萧红梅'] },
      { title: '高标准农田建设2万亩', lead: ['县农业农村局'], others: [], leaders: ['阎海涛'] },
    ]);
  });

  it('titles as pages print them: 国务院 is an issuer, a headline may cut 的通知 off, a notice’s name may break after 重点工作, a bureau’s share follows a dash, a site’s tags go', () => {
    const cases: [why: string, lines: string[], title: string][] = [
      ['国务院 before 关于 is the issuer', ['国务院关于落实《政府工作报告》', '重点工作部门分工的意见', '国发〔2019〕8号', '一、稳定就业', '1.实施就业优先政策。（人力资源社会保障部牵头，教育部、财政部等按职责分工负责）'], '关于落实《政府工作报告》重点工作部门分工的意见'],
      ['a headline that cut 的通知 off names the plan it issues', ['某某市人民政府办公室关于印发2022年民生实事项目责任分解', '各镇人民政府、各街道办事处：', '1.新建公办幼儿园5所。（牵头单位：市教育局）', '2.改造老旧小区20个。（牵头单位：市住建局）'], '2022年民生实事项目责任分解'],
      ['a notice’s name broken after what it lists is the notice’s', ['某某市人民政府办公室', '关于明确政府工作报告提出的2023年重点工作', '责任单位的通知', '一、推动经济发展', '1.全年地区生产总值增长6.5%。（牵头单位：市发展改革委）'], '关于明确政府工作报告提出的2023年重点工作责任单位的通知'],
      ['a bureau’s share after a dash, under a site’s 信息名称 field', ['信息名称  2021年某市政府工作报告责任分工-市教育局', '2021年某市政府工作报告责任分工-市教育局', '12.新建改扩建中小学幼儿园20所。', '牵头单位:市教育局', '配合单位:市发改委、市财政局', '15.推进职业教育产教融合。', '牵头单位:市教育局'], '2021年某市政府工作报告责任分工-市教育局'],
      ['a site’s column tag is where the page was filed', ['【落实情况】市统计局2024年《政府工作报告》主要任务上半年落实情况', '序号 | 主要任务 | 牵头单位 | 落实情况 |', '1 | 开展第五次全国经济普查 | 市统计局 | 已完成普查登记 |', '2 | 提升统计数据质量 | 市统计局 | 正在推进 |'], '市统计局2024年《政府工作报告》主要任务上半年落实情况'],
    ];
    for (const [why, lines, title] of cases) expect({ why, title: read(lines.join('\n')).plan.title }).toEqual({ why, title });
  });

  it('a town’s own page names the town as whose plan it is by its source line (稿源：林头镇党委), no gazetteer of counties holding it', () => {
    const { plan } = read(
      [
        '[ 字体:大 中 小 时间:2021-06-01 17:15 稿源:石门镇党委 作者:管理员 ]',
        '累计征集“我为群众办实事”重点项目8项。',
        '由镇农业农村办负责的美丽乡村建设项目，完善村内道路硬化、绿化工程，预计2021年10月份完成。',
        '由镇社会事务办负责的养老服务中心建设项目，新建日间照料中心1处，预计2021年12月份完成。',
      ].join('\n'),
    );
    expect(plan.jurisdiction).toBe('石门镇');
  });

  it('a one-cell-per-line table that starts again under each leader’s heading, its header printed again and its rows numbered from 1 again', () => {
    const cells = (...rows: string[][]) => rows.flat().flatMap((cell) => [cell, '']);
    const { tasks } = read(
      [
        '某县2024年政府工作报告目标任务分解清单',
        '',
        '一、县长王建国牵头重点工作',
        '',
        ...cells(['序号', '目标任务', '牵头单位', '配合单位'], ['1', '一般公共预算收入增长5%', '县财政局', '县税务局'], ['2', '推进县级国有企业改革', '县国资办', '县财政局']),
        '二、常务副县长刘志强牵头重点工作',
        '',
        ...cells(['序号', '目标任务', '牵头单位', '配合单位'], ['1', '地区生产总值增长6%左右', '县发改局', '县统计局'], ['2', '固定资产投资增长8%', '县发改局', '各乡镇']),
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ number: task.number, ...summary(task) }))).toEqual([
      { number: '1', title: '一般公共预算收入增长5%', lead: ['县财政局'], others: ['县税务局'], leaders: ['县长王建国'] },
      { number: '2', title: '推进县级国有企业改革', lead: ['县国资办'], others: ['县财政局'], leaders: ['县长王建国'] },
      { number: '1', title: '地区生产总值增长6%左右', lead: ['县发改局'], others: ['县统计局'], leaders: ['常务副县长刘志强'] },
      { number: '2', title: '固定资产投资增长8%', lead: ['县发改局'], others: ['各乡镇'], leaders: ['常务副县长刘志强'] },
    ]);
  });

  it('a one-cell-per-line progress table without 序号: a first cell that is a target (…增长8%以上。) is no header word, and a cell’s numbered paragraphs stay in its row', () => {
    const { tasks } = read(
      [
        '某区《政府工作报告》重点工作2023年第二季度进展情况表',
        '',
        ...[
          '目标任务', '牵头单位', '进展情况', '下步举措',
          '社会消费品零售总额增长8%以上。', '商务局', '上半年累计增长9.1%。', '持续开展促消费活动。',
          '城镇新增就业1.2万人。', '人社局', '就业局', '上半年新增就业6500人。', '1.开展春风行动专场招聘会。', '2.落实稳岗返还政策。',
          '新建改建农村公路80公里。', '交通运输局', '已完工42公里。', '1.加快在建项目进度。', '2.做好质量安全监管。', '3.督促施工单位增加人手。',
        ].flatMap((cell) => [cell, '']),
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ title: task.title, units: task.units.map((unit) => unit.name) }))).toEqual([
      { title: '社会消费品零售总额增长8%以上。', units: ['商务局'] },
      { title: '城镇新增就业1.2万人。', units: ['人社局', '就业局'] },
      { title: '新建改建农村公路80公里。', units: ['交通运输局'] },
    ]);
  });

  it('a meeting report handing out its tasks in one sentence, clause by clause (…要求，由X牵头，Y配合，在9月底前完成…；由Z牵头…), each clause a task', () => {
    const { tasks } = read(
      [
        '某县召开2023年城乡供水保障工作推进会',
        '5月10日上午，某县召开城乡供水保障工作推进会。县长主持会议并讲话。',
        '会议要求，由县水务局牵头，县财政局、县自然资源局配合，在8月底前完成城北水厂扩建工程；由县住建局牵头，各乡镇配合，在10月底前完成老旧供水管网改造；由县卫健局负责，在全年开展农村饮水水质抽检。其他相关部门要积极配合，确保完成全年目标。',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ ...summary(task), deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: expect.stringMatching(/^由县水务局牵头/), lead: ['县水务局'], others: ['县财政局', '县自然资源局'], leaders: [], deadline: ['8月底前'] },
      { title: expect.stringMatching(/^由县住建局牵头/), lead: ['县住建局'], others: ['各乡镇'], leaders: [], deadline: ['10月底前'] },
      { title: expect.stringMatching(/^由县卫健局负责/), lead: [], others: ['县卫健局'], leaders: [], deadline: expect.any(Array) },
    ]);
  });

  it('a duty list run into one paragraph by a document site, with its page markers inside words', () => {
    const { tasks } = read(
      '第1页共4页秸秆禁烧工作实施方案为做好我县秸秆禁烧工作,制订本方案。县政府成立领导小组,各组成单位及其职责如下:县环保局。负责对全县秸秆禁烧工作实施统一监督。县交通局、县公路局。负责对国道、省道两侧燃烧秸秆情况的巡查。县农委。负责全县农作第2页共4页物秸秆综合利用工作的督导。',
    );
    expect(tasks.map(summary).map(({ title, others }) => ({ title, others }))).toEqual([
      { title: '负责对全县秸秆禁烧工作实施统一监督', others: ['县环保局'] },
      { title: '负责对国道、省道两侧燃烧秸秆情况的巡查', others: ['县交通局', '县公路局'] },
      { title: '负责全县农作物秸秆综合利用工作的督导', others: ['县农委'] },
    ]);
  });

  it('a provincial 分工意见: one item, several clauses each closed by its own parenthesis, notes for the rest (…下同) naming no unit', () => {
    const { tasks } = read(
      [
        '《政府工作报告》重点工作部门分工的意见',
        '一、努力保持经济平稳健康发展',
        '（一）增强创新驱动发展能力。推进自主创新示范区建设，构建科技金融结合等政策体系（分管副省长负责，省科技厅牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同）。落实企业研发费用加计扣除政策（分管副省长负责，省科技厅、省财政厅、省地税局等负责。列第一位的为牵头部门，其他部门和单位按职责分工负责，下同），建设一批众创空间（分管副省长负责，省科技厅牵头）。',
        '（二）扩大有效投资。实施重大项目建设年活动（常务副省长负责，省发改委牵头）。',
      ].join('\n'),
    );
    const parts = tasks.flatMap((task) => (task.children.length > 0 ? task.children : [task])).map(summary);
    expect(tasks[0]!.title).toBe('增强创新驱动发展能力');
    expect(parts).toEqual([
      { title: '推进自主创新示范区建设，构建科技金融结合等政策体系', lead: ['省科技厅'], others: [], leaders: ['分管副省长'] },
      { title: '落实企业研发费用加计扣除政策', lead: ['省科技厅'], others: ['省财政厅', '省地税局'], leaders: ['分管副省长'] },
      { title: '建设一批众创空间', lead: ['省科技厅'], others: [], leaders: ['分管副省长'] },
      { title: '扩大有效投资', lead: ['省发改委'], others: [], leaders: ['常务副省长'] },
    ]);
  });

  it('a one-cell-per-line table with 一、 rows of their own over （一） tasks whose numbered measures have their own units and deadlines', () => {
    const { tasks } = read(
      [
        '2021年某市安全生产专项整治工作任务清单',
        '主要任务 |',
        '重点工作和要求 |',
        '责任单位 |',
        '完成时限 |',
        '完成进展 |',
        '一、加强专项整治安排部署 |',
        '||||',
        '(一)制定工作任务清单。 |',
        '1.制定全市专项整治工作任务清单,分解落实到县区、部门。 |',
        '市安委办 |',
        '1月20日前 |',
        '|',
        '2.制定行业领域专项整治工作任务清单,并报市安委办。 |',
        '市级各专委会办公室、市生态环境局 |',
        '2月10日前 |',
        '|',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['制定工作任务清单']);
    expect(tasks[0]!.children.map((child) => ({ title: child.title, others: summary(child).others, deadline: child.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: '制定全市专项整治工作任务清单,分解落实到县区、部门', others: ['市安委办'], deadline: ['1月20日前'] },
      { title: '制定行业领域专项整治工作任务清单,并报市安委办', others: ['市级各专委会办公室', '市生态环境局'], deadline: ['2月10日前'] },
    ]);
  });

  it('a title is the plan’s name without a 文号 or an outline number run into it, and a notice 关于…的意见 names its plan', () => {
    const units = ['1.支持企业技术改造。（市工信局、市财政局）', '2.支持企业上市融资。（市金融办负责）'];
    // (Without the office that issues it: the plan's name, its place kept as the plan's region.)
    const dongguan = read(['东府〔2021〕54号东莞市人民政府关于贯彻落实《稳定和扩大就业若干政策措施》的实施意见', ...units].join('\n')).plan;
    expect([dongguan.title, dongguan.jurisdiction]).toEqual(['关于贯彻落实《稳定和扩大就业若干政策措施》的实施意见', '东莞市']);
    expect(read(['一、10件民生实事任务分解表', ...units].join('\n')).plan.title).toBe('10件民生实事任务分解表');
    expect(read(['西安市人民政府办公厅关于支持实体经济发展若干财税措施的意见', '市政办发〔2018〕72号', ...units].join('\n')).plan.title).toBe('关于支持实体经济发展若干财税措施的意见');
    // A notice that only issues a plan is the plan's name.
    expect(read(['大庆市人民政府办公室关于印发大庆市迎接国家环境保护模范城市复检方案的通知', ...units].join('\n')).plan.title).toBe('大庆市迎接国家环境保护模范城市复检方案');
  });

  it('a note that names units for every later task (以下…均需…落实，不再单独列出) gives them to each task; a title in 《》 on its own line; 结合淮安实际 names the city', () => {
    const { plan, tasks } = read(
      [
        '《关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则》',
        '为深入贯彻落实省政府有关政策措施精神，结合淮安实际，制定如下实施细则。',
        '一、落实财税支持政策',
        '1.积极争取省级专项资金，支持中小微企业。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)',
        '2.成立“智改数转”工作专班。(责任单位:市工信局、市财政局)',
      ].join('\n'),
    );
    expect({ title: plan.title, region: plan.jurisdiction }).toEqual({ title: '关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则', region: '淮安市' });
    expect(tasks.map((task) => summary(task).others)).toEqual([
      ['市工信局', '市财政局', '各县区人民政府', '园区管委会'],
      ['市工信局', '市财政局', '各县区人民政府', '园区管委会'],
    ]);
  });

  it('the same note as a bracketed aside on its own line under the first item’s units ((各目标、任务均需…落实,不再逐一列出)) gives its units to every item, that one too, and is no part of its title', () => {
    const { tasks } = read(
      [
        '某区“十四五”规划纲要目标任务分解方案',
        '(一)约束性指标',
        '1.单位地区生产总值能耗降幅,完成市下达指标',
        '落实单位:区工信局等',
        '(各目标、任务均需各镇人民政府、街道办事处落实,不再逐一列出)',
        '2.城市优良空气天数比例,完成市下达指标',
        '落实单位:区生态环境局等',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, summary(task).others])).toEqual([
      ['单位地区生产总值能耗降幅,完成市下达指标', ['区工信局', '各镇人民政府', '街道办事处']],
      ['城市优良空气天数比例,完成市下达指标', ['区生态环境局', '各镇人民政府', '街道办事处']],
    ]);
  });

  it('outline items a page ran together on one line, each with its units after it, are each a task', () => {
    const { tasks } = read(
      [
        '某省人民政府关于落实《政府工作报告》重点工作责任分工的意见',
        '一、全省经济社会发展主要目标',
        '(一)地区生产总值增长7%左右。(省发改委负责)(二)一般公共预算收入增长6%。(省财政厅主办,省税务局协办)(三)城镇新增就业50万人。(省人社厅负责)',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '地区生产总值增长7%左右', lead: [], others: ['省发改委'], leaders: [] },
      { title: '一般公共预算收入增长6%', lead: ['省财政厅'], others: ['省税务局'], leaders: [] },
      { title: '城镇新增就业50万人', lead: [], others: ['省人社厅'], leaders: [] },
    ]);
  });

  it('a pipe table whose rows open with a bar and lost their merged 工作目标 / 工作内容 cells keeps each cell in its column', () => {
    const { tasks } = read(
      [
        '2025年某县食品安全重点工作任务清单',
        '| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |',
        '| 一、加大突出问题治理力度 | (一)强化源头治理 | 1.加强农用地土壤污染源头防控。 | 县生态环境分局牵头,各有关部门按照职责分工负责 | 2025年11月底前 |',
        '| 2.持续开展农药科学施用增效行动。 | 县农业农村局 | 2025年10月底前 |',
        '| (二)严控农兽药残留超标 | 3.深入开展药物残留突出问题攻坚治理。 | 县农业农村局、县市场监管局 | 2025年12月底前 |',
      ].join('\n'),
    );
    const item = (node: ParsedNode) => ({ ...summary(node), deadline: node.deadlines.map((deadline) => deadline.raw) });
    expect(tasks.map(item)).toEqual([
      { title: '强化源头治理', lead: ['县生态环境分局'], others: ['各有关部门'], leaders: [], deadline: ['2025年11月底前'] },
      { title: '严控农兽药残留超标', lead: [], others: ['县农业农村局', '县市场监管局'], leaders: [], deadline: ['2025年12月底前'] },
    ]);
    // The row under the merged （一） is that task's second measure, with its own unit and deadline.
    expect(tasks[0]!.children.map(item)).toEqual([
      { title: '加强农用地土壤污染源头防控', lead: ['县生态环境分局'], others: ['各有关部门'], leaders: [], deadline: ['2025年11月底前'] },
      { title: '持续开展农药科学施用增效行动', lead: [], others: ['县农业农村局'], leaders: [], deadline: ['2025年10月底前'] },
    ]);
  });

  it('a lone 一、 row over a table without 序号 is a section heading, not an outline of the table’s own', () => {
    const { tasks } = read(
      [
        '某镇2017年度安全生产专项整治工作计划',
        '一、专项整治安排表',
        '专项整治行业名称 | 时间安排 | 责任单位 |',
        '烟花爆竹 | 1月份 | 安监站 安监所 |',
        '危险化学品 | 2月份 | 安监站 |',
        '电力设施 | 3月份 | 电管所 |',
        '二、工作要求',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ title: task.title, others: summary(task).others, deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: '烟花爆竹', others: ['安监站', '安监所'], deadline: ['1月份'] },
      { title: '危险化学品', others: ['安监站'], deadline: ['2月份'] },
      { title: '电力设施', others: ['电管所'], deadline: ['3月份'] },
    ]);
  });

  it('a spaced table whose header keeps 序号 but whose rows lost their numbers: one row a line', () => {
    const { tasks } = read(
      [
        '2018年《政府工作报告》工作任务分解表',
        '序号 重 点 工 作 任 务 牵头领导 牵头单位',
        '科技城要深化与高校的合作,扎实推进创新载体建设。 张三 科技城管委会',
        '经济技术开发区要加强装备制造等优势产业培育。 李四 经济技术开发区管委会',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: expect.stringContaining('科技城要深化与高校的合作') as unknown as string, lead: ['科技城管委会'], others: [], leaders: ['张三'] },
      { title: expect.stringContaining('经济技术开发区要加强装备制造') as unknown as string, lead: ['经济技术开发区管委会'], others: [], leaders: ['李四'] },
    ]);
  });

  it('a header line whose 责任单位 is followed by 时限 keeps them two columns (a whole name is not one of 责任 领导’s halves), over rows one cell a line', () => {
    const { tasks } = read(
      ['某局2024年政务公开工作任务分解', '序号 工作任务 责任单位 时限', '1', '聚焦经济发展，及时公开自然资源要素保障等有关政策措施。', '办公室牵头，各科室具体落实', '全年', '2', '紧扣民生领域，深化土地征收信息公开。', '办公室牵头，各科室具体落实', '6月底前'].join('\n'),
    );
    expect(tasks.map((task) => [summary(task).lead, task.deadlines.map((deadline) => deadline.raw)])).toEqual([
      [['办公室'], ['全年']],
      [['办公室'], ['6月底前']],
    ]);
  });

  it('a spaced table with a header word split in two (责任 领导) and a bureau’s rows picked out of a city’s table (3, 68, 69)', () => {
    const { tasks } = read(
      [
        '市场监管局2024年重点工作任务分解表',
        '序号 工作任务 责任 领导 牵头单位 完成时限',
        '3 推进食品安全示范城市创建 王明 市场监管局 2024年11月底前',
        '68 开展特种设备安全隐患排查整治 王明 市场监管局 2024年6月底前',
        '69 加强知识产权保护 李华 市场监管局、市公安局 全年',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ key: task.key, ...summary(task), deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { key: '3', title: '推进食品安全示范城市创建', lead: ['市场监管局'], others: [], leaders: ['王明'], deadline: ['2024年11月底前'] },
      { key: '68', title: '开展特种设备安全隐患排查整治', lead: ['市场监管局'], others: [], leaders: ['王明'], deadline: ['2024年6月底前'] },
      { key: '69', title: '加强知识产权保护', lead: ['市场监管局', '市公安局'], others: [], leaders: ['李华'], deadline: ['全年'] },
    ]);
  });

  it('a heading naming a leader right above a spaced table gives that leader to its rows', () => {
    const { tasks } = read(
      [
        '2023年区政府工作报告重点工作责任分解',
        '二、李丹常委、常务副区长牵头重点工作',
        '',
        '序号 重点工作 责任单位',
        '1 地区生产总值增长6.5%。 区发改局',
        '2 一般公共预算收入增长与经济增长基本同步。 区财政局',
      ].join('\n'),
    );
    expect(tasks.map((task) => summary(task).leaders)).toEqual([['李丹常委'], ['李丹常委']]);
  });

  it('an item with no deadline label takes the by-date its own text sets', () => {
    const { tasks } = read(
      [
        '2022年优化营商环境重点任务分工',
        '1.全面实施行政许可事项清单管理。2022年10月底前编制并公布市、县两级行政许可事项清单。（市政府办公室牵头，市级各有关部门配合）',
        '2.打造国际海钓基地，确保9月底前海钓船投入运行。（县文广旅体局牵头）',
        '3.持续优化审批流程。（市行政审批局牵头）',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.deadlines.map((deadline) => deadline.raw))).toEqual([['2022年10月底前'], ['9月底前'], []]);
    // Without 前: a date then a verb of getting done, never what is reported done.
    const done = read(
      [
        '1.推进城区污水管网改造工程建设，2024年12月底完成。（县住建局牵头）',
        '2.开展农村人居环境整治提升行动，年内完成。（县农业农村局牵头）',
        '3.完成义务教育学校扩容工程，力争三季度末投入使用。（县教体局牵头）',
        '4.新建公厕20座，已于6月完成。（县城管局牵头）',
      ].join('\n'),
    );
    expect(done.tasks.map((task) => task.deadlines.map((deadline) => deadline.raw))).toEqual([['2024年12月底完成'], ['年内完成'], ['三季度末投入使用'], []]);
    // A date right after what is required (要求6月底…开工建设, 确保10月…): the date.
    const required = read(
      [
        '1.城东污水处理厂项目，要求6月底主体工程开工建设。责任单位：市城投公司。',
        '2.人民公园改造项目，确保10月主体完工并开放。责任单位：市住建局。',
        '3.老旧小区改造项目，已于5月开工。责任单位：市住建局。',
      ].join('\n'),
    );
    expect(required.tasks.map((task) => task.deadlines.map((deadline) => deadline.raw))).toEqual([['6月底'], ['10月'], []]);
  });

  it('two-character leaders Word padded with a space and ran together (陆 明俞 悦) are two people', () => {
    const { tasks } = read(
      [
        '2024年《政府工作报告》重点工作目标任务分解表',
        ['序号', '目标与任务', '分管县领导', '牵头责任单位'].join('\t'),
        ['1', '推动义务教育优质均衡发展。', '俞 悦', '县教育局'].join('\t'),
        ['2', '支持职业教育赋能区域发展。', '陆 明俞 悦', '县教育局'].join('\t'),
      ].join('\n'),
    );
    expect(tasks.map((task) => summary(task).leaders)).toEqual([['俞悦'], ['陆明', '俞悦']]);
  });

  it('a one-cell-per-line header a narrow Word column wrapped (重点 / 工作任务, 主要 / 责任单位, 协同 / 配合单位): four columns, the first unit column leads', () => {
    const { tasks } = read(
      [
        '2025年政府工作报告重点工作任务分解表',
        '序号', '重点', '工作任务', '主要', '责任单位', '协同', '配合单位',
        '3', '固定资产投资增长7.5%左右。', '区发改委', '区工信局、区住建局',
        '68', '持续推进学前教育普及普惠。', '区教育局', '各乡镇人民政府',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '固定资产投资增长7.5%左右', lead: ['区发改委'], others: ['区工信局', '区住建局'], leaders: [] },
      { title: '持续推进学前教育普及普惠', lead: ['区教育局'], others: ['各乡镇人民政府'], leaders: [] },
    ]);
  });

  it('records one field a line (01 / 项目名称: / 项目内容: / 责任单位 with its value on the next line) are tasks named by their 项目名称', () => {
    const { tasks } = read(
      ['我为群众办实事项目进展情况', '01 项目名称:提升县域生态环境', '项目内容:', '新改建城区公共厕所5座。', '责任单位:', '水务局、城管局', '进展与成效:', '已完成开标。', '02', '项目名称:', '加大文化惠民力度', '项目内容:', '新建“城市书房”1个。', '责任单位', '文广旅局'].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '提升县域生态环境', lead: [], others: ['水务局', '城管局'], leaders: [] },
      { title: '加大文化惠民力度', lead: [], others: ['文广旅局'], leaders: [] },
    ]);
  });

  it('a short place name that is an everyday word (新建 a school) is not the plan’s region; a full name inside a sentence is', () => {
    const { plan } = read(
      ['1.新建甘井子区婴幼儿早期教育指导中心。', '责任部门:教育局 配合部门:财政局', '2.新建文化扶助工程示范点30个。', '责任部门:文体局 配合部门:各街道', '3.新建甘井子区警察训练教育基地。', '责任部门:公安分局'].join('\n'),
    );
    expect(plan.jurisdiction).toBe('甘井子区');
  });

  it('a unit label inside a parenthesis that holds parentheses of its own, and a note there naming units for every later task (不再重复列出)', () => {
    const { tasks } = read(
      [
        '县安全生产委员会2023年工作要点',
        '1.深入学习贯彻安全生产重要论述。(责任单位:县安委会各成员单位。各乡镇(县经开区)落实属地管理责任,以下均需各乡镇(县经开区)落实属地管理责任,不再重复列出)',
        '2.加强安全生产统筹协调。(责任单位:县安委办)',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ others }) => others)).toEqual([
      ['县安委会各成员单位', '各乡镇（县经开区）'],
      ['县安委办', '各乡镇（县经开区）'],
    ]);
  });

  it('a notice about a quoted document that goes on past it (关于《政府工作报告》确定的…分解的通知) is not named by the quoted document', () => {
    const { plan } = read(['关于《政府工作报告》确定的2021年重点工作责任分解的通知', '1.地区生产总值增长10%。(责任单位:市发改局)', '2.社会消费品零售总额增长16%。(责任单位:市商务局)'].join('\n'));
    expect(plan.title).toBe('关于《政府工作报告》确定的2021年重点工作责任分解的通知');
  });

  it('a spaced table without a 序号 column: one row a line, numbered in order', () => {
    const { tasks } = read(
      [
        '2025年重点民生项目责任分解表',
        '项目名称 建设内容 责任单位 完成时限',
        '城东污水处理厂 新建日处理5万吨污水处理厂一座 市住建局 2025年12月底前',
        '老旧小区改造 改造老旧小区30个 市住建局、市财政局 2025年10月底前',
        '',
        '',
        '以上项目由市政府督查室跟踪督办。',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ key: task.key, ...summary(task), deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { key: '1', title: '城东污水处理厂', lead: [], others: ['市住建局'], leaders: [], deadline: ['2025年12月底前'] },
      { key: '2', title: '老旧小区改造', lead: [], others: ['市住建局', '市财政局'], leaders: [], deadline: ['2025年10月底前'] },
    ]);
  });

  it('tasks grouped under the leader who leads them: the leader is the tasks’ leader, never a unit', () => {
    const { tasks } = read(
      ['2024年区政府工作报告重点工作责任分解', '', '二、王建国常委、常务副区长牵头重点工作', '', '序号', '', '重点工作', '', '责任单位', '', '1', '', '地区生产总值增长6%。', '', '区发改局', '', '2', '', '争取专项债额度15亿元。', '', '区财政局、区发改局'].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '地区生产总值增长6%', lead: [], others: ['区发改局'], leaders: ['王建国常委'] },
      { title: '争取专项债额度15亿元', lead: [], others: ['区财政局', '区发改局'], leaders: ['王建国常委'] },
    ]);
  });

  it('a one-cell-per-line table whose rows lost every 序号: rows start at the next task text and are counted', () => {
    const { tasks } = read(
      [
        '2018年《政府工作报告》工作任务分解表',
        '',
        '序号',
        '',
        '重点工作任务',
        '',
        '牵头领导',
        '',
        '牵头单位',
        '',
        '科技城要围绕打造创新策源地,扎实推进创新载体建设,进一步发挥核心区作用。',
        '',
        '张伟',
        '',
        '科技城管委会',
        '',
        '开发区要对标国家级高新区,加强装备制造等优势产业培育。',
        '',
        '李明',
        '',
        '刘洋',
        '',
        '开发区管委会',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ key: task.key, ...summary(task) }))).toEqual([
      { key: '1', title: '科技城要围绕打造创新策源地,扎实推进创新载体建设,进一步发挥核心区作用', lead: ['科技城管委会'], others: [], leaders: ['张伟'] },
      { key: '2', title: '开发区要对标国家级高新区,加强装备制造等优势产业培育', lead: ['开发区管委会'], others: [], leaders: ['李明', '刘洋'] },
    ]);
  });

  it('a one-cell-per-line table with a merged 事项分类 column: the 事项名称 is the task, a row under the merged cell keeps its units apart', () => {
    const cells = [
      '2025年区政府民生实事任务分解表',
      '序号', '事项分类', '事项名称', '项目内容', '牵头单位', '协同单位',
      '1', '教育提质工程', '新建一批幼儿园', '新建公办幼儿园3所。', '区教育局', '各街道', '区住建局',
      '2', '中小学课后服务提升', '开设课后托管班50个。', '区教育局', '区总工会', '团区委',
      '3', '健康守护工程', '村卫生室标准化建设', '改造村卫生室20家。', '区卫健局', '各乡镇',
    ];
    const { tasks } = read(cells.join('\n\n'));
    expect(tasks.map((task) => ({ key: task.key, ...summary(task) }))).toEqual([
      { key: '1', title: '新建一批幼儿园', lead: ['区教育局'], others: ['各街道', '区住建局'], leaders: [] },
      { key: '2', title: '中小学课后服务提升', lead: ['区教育局'], others: ['区总工会', '团区委'], leaders: [] },
      { key: '3', title: '村卫生室标准化建设', lead: ['区卫健局'], others: ['各乡镇'], leaders: [] },
    ]);
  });

  it('a section heading right under a flattened header (一、王强市长负责事项) heads the rows below it, never a column', () => {
    const cells = [
      '2022年重点工作及责任清单',
      '序号', '重点工作', '牵头责任单位', '协同责任单位',
      '一、王强市长负责事项(共2项)',
      '1', '全力推进招商引资,全年引进亿元以上项目100个。', '市投资促进局', '各县区政府',
      '2', '深化“放管服”改革,优化营商环境。', '市数据资源局', '市政府各部门',
    ];
    const { tasks } = read(cells.join('\n\n'));
    expect(tasks.map((task) => ({ key: task.key, lead: summary(task).lead, leaders: task.leaders }))).toEqual([
      { key: '1', lead: ['市投资促进局'], leaders: ['王强市长'] },
      { key: '2', lead: ['市数据资源局'], leaders: ['王强市长'] },
    ]);
  });

  it('units in a parenthesis after a long item, its last clause a deadline: the deadline is the task’s, never a unit', () => {
    const { tasks } = read(
      [
        '某州2020年优化营商环境工作计划',
        '一、提升政务服务效能',
        '1.加大简政放权力度。坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，坚持依法放权、宜放则放的原则，承接好省下放行政许可事项。(牵头单位:州行政审批服务局;责任单位:州司法局、州委编办及州直相关单位,各县市人民政府,6月底完成)',
        '2.推动政务服务导则落实。加快政务中心实体平台建设。(牵头单位:州政务服务中心;责任单位:各县市人民政府,9月底完成)',
      ].join('\n'),
    );
    expect(tasks.map((task) => ({ ...summary(task), deadline: task.deadlines.map((deadline) => deadline.raw) }))).toEqual([
      { title: '加大简政放权力度', lead: ['州行政审批服务局'], others: ['州司法局', '州委编办', '州直相关单位', '各县市人民政府'], leaders: [], deadline: ['6月底完成'] },
      { title: '推动政务服务导则落实', lead: ['州政务服务中心'], others: ['各县市人民政府'], leaders: [], deadline: ['9月底完成'] },
    ]);
  });

  it('an item whose sub-items are its fields (任务 / 领导小组 组长：… 成员单位：…) is one task', () => {
    const { tasks } = read(
      [
        '县重点项目攻坚工作方案',
        '一、重点项目和责任分工',
        '（一）物流园区建设项目',
        '1、任务',
        '完成征地拆迁和场地平整，开工建设。',
        '2、项目攻坚领导小组',
        '组长：常务副县长',
        '成员单位：住建局、自然资源局、交通局',
        '（二）城区供水改造工程',
        '1、任务',
        '完成管网改造20公里。',
        '2、项目攻坚领导小组',
        '组长：副县长',
        '成员单位：水利局、住建局',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '物流园区建设项目', lead: [], others: ['住建局', '自然资源局', '交通局'], leaders: ['常务副县长'] },
      { title: '城区供水改造工程', lead: [], others: ['水利局', '住建局'], leaders: ['副县长'] },
    ]);
  });

  it('unnumbered paragraphs that say who does the work are tasks', () => {
    const { tasks } = read(
      [
        '主要预期目标',
        '城镇新增就业1100万人以上。这项工作由人力资源社会保障部负责，全年完成1206万人。',
        '居民消费价格涨幅3%左右。这项工作由发展改革委负责，全年上涨2.0%。',
        '粮食产量保持在1.3万亿斤以上。这项工作由农业农村部牵头，国家粮食和储备局配合。',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '城镇新增就业1100万人以上', lead: [], others: ['人力资源社会保障部'], leaders: [] },
      { title: '居民消费价格涨幅3%左右', lead: [], others: ['发展改革委'], leaders: [] },
      { title: '粮食产量保持在1.3万亿斤以上', lead: ['农业农村部'], others: ['国家粮食和储备局'], leaders: [] },
    ]);
  });

  it('an outline heading that names the leader who leads its items gives that leader, as written, to every item under it — also when the excerpt starts inside an earlier part', () => {
    const { tasks } = read(
      [
        '2.完善社会信用体系。',
        '责任单位:市发展改革委',
        '三、李明副市长牵头重点工作',
        '1.新增智能工厂20家。',
        '责任单位:市经信局',
        '2.腾出用地5000亩。',
        '责任单位:市经信局、市自然资源局',
        '四、城市更新重点工作',
        '1.改造老旧小区30个。',
        '责任单位:市住建局',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.leaders])).toEqual([
      ['完善社会信用体系', []],
      ['新增智能工厂20家', ['李明副市长']],
      ['腾出用地5000亩', ['李明副市长']],
      ['改造老旧小区30个', []],
    ]);
  });

  it('a plan’s title, region and year as pages write them: a progress report on the plan, a teaser line, a title naming only its level, a prefecture’s short form, a year run into 上半年, a dateline', () => {
    const tasks = ['1.地区生产总值增长6%。', '责任单位:区发改局', '2.一般公共预算收入增长5%。', '责任单位:区财政局'];
    const meta = (...head: string[]) => {
      const { plan } = read([...head, ...tasks].join('\n'));
      return [plan.title, plan.jurisdiction, plan.year];
    };
    expect(meta('2023年莲都区政府工作报告重点工作责任分解第一季度进展情况', '2023年莲都区政府工作报告重点工作责任分解')).toEqual(['2023年莲都区政府工作报告重点工作责任分解', '莲都区', 2023]);
    expect(meta('小编带你了解', '2023年渝中区政府工作报告重点工作目标任务分解')).toEqual(['2023年渝中区政府工作报告重点工作目标任务分解', '渝中区', 2023]);
    expect(meta('2023年区政府工作报告重点工作责任分解', '迭代更新龙湾稳增长政策措施，认真落实温州扩大有效投资工程，助力新兴产业发展。')).toEqual(['2023年区政府工作报告重点工作责任分解', '龙湾区', 2023]);
    expect(meta('湘西自治州2020年优化营商环境工作计划')[1]).toBe('湘西土家族苗族自治州');
    // Policies and allocations are plans too when their items name units: 若干政策意见, 资金分配表.
    expect(meta('关于深入实施创新强区战略加快萧山经济高质量发展的若干政策意见')[0]).toBe('关于深入实施创新强区战略加快萧山经济高质量发展的若干政策意见');
    expect(meta('2022年度省诗路文化带建设专项资金分配表')[0]).toBe('2022年度省诗路文化带建设专项资金分配表');
    expect(meta('2022上半年重点工作进展情况统计表')[2]).toBe(2022);
    expect(meta('陕西《政府工作报告》部门分工确定', '', '13.03.2015  07:51', '省政府就落实《政府工作报告》中的重点工作提出分工意见。').slice(1)).toEqual(['陕西省', 2015]);
    expect(meta('国务院公布2016年《政府工作报告》量化指标任务的落实情况。')[2]).toBe(2016);
    expect(meta('各地级以上市人民政府：', '《广东省支持民间投资发展的实行方案》已经省人民政府同意，现印发给你们。')[0]).toBe('广东省支持民间投资发展的实行方案');
  });

  it('a table one cell a line whose 责任单位 spans 牵头单位 | 协助单位 on a second header row (its last cell padded with bars): the first unit cell leads, the second helps', () => {
    const { tasks } = read(
      [
        '序号 |', '工程类别与名称 |', '工程 目的 |', '责任单位 |', '时间安排 |', '投资 估算 | ||', '牵头单位 |', '协助单位 | ||||||',
        '1 |', '环湖新建区分流制管网建设 |', '雨污分流 同步截污 |', '市住建局 |', '属地区级 政府 |', '即时开始 长期坚持 |', '10000 | |',
        '2 |', '湖滨污水处理厂建设 |', '处理污水 排洞庭湖 |', '南湖风景区 |', '市住建局 |', '2014年 投入运营 |', '15000 | |',
        '3 |', '草拟划定牲猪禁养区、限养区 |', '保护南湖 水质 |', '市环保局 |', '市畜牧水产局 |', '2013年底 完成 |', '20 | |',
        '4 |', '整治超标排污畜禽养殖场户 |', '削减南湖 纳污量 |', '属地区政府 |', '市畜牧水产局 市环保局 |', '长期坚持 |', '100 | |',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ title, lead, others }) => [title.slice(0, 6), lead, others])).toEqual([
      ['环湖新建区分', ['市住建局'], ['属地区级政府']],
      ['湖滨污水处理', ['南湖风景区'], ['市住建局']],
      ['草拟划定牲猪', ['市环保局'], ['市畜牧水产局']],
      ['整治超标排污', ['属地区政府'], ['市畜牧水产局', '市环保局']],
    ]);
  });

  it('sub-items numbered inside their item’s line, each closed by its units ((1)…(市工商质监局牵头负责)(2)…): each a part of its task without its number in its title; a 文号 in brackets after the title is not the title', () => {
    const { plan } = read(
      [
        '池州市人民政府关于创优“四最”营商环境的实施意见(池政〔2017〕101号)',
        '1.深化商事制度改革。(1)全面落实“多证合一、一照一码”改革。全面实行“多证合一、一照一码”。(市工商质监局牵头负责)(2)完善企业登记全程电子化。推行全程电子化登记。(市工商质监局牵头负责)',
        '2.优化投资审批。(1)精简审批事项。取消一批审批事项。(市发改委牵头负责)(2)推行并联审批。实行一窗受理。(市政务服务中心牵头负责)',
      ].join('\n'),
    );
    expect(plan.title).toBe('关于创优“四最”营商环境的实施意见');
    // Each is a part of its item with units of its own (a requirement under the task 深化商事制度改革).
    expect(flattenNodes(plan.nodes).filter((node) => node.units.length > 0).map(summary).map(({ title, lead }) => [title, lead])).toEqual([
      ['全面落实“多证合一、一照一码”改革', ['市工商质监局']],
      ['完善企业登记全程电子化', ['市工商质监局']],
      ['精简审批事项', ['市发改委']],
      ['推行并联审批', ['市政务服务中心']],
    ]);
  });

  it('an inspection notice whose places head their own lists (三义街社区(责任单位:…) over 1、2、3、, then the next place over 1、 again): each place is a task with its problems as parts, never a problem of the place before', () => {
    const { tasks } = read(
      [
        '3月10日,市创文办对城区社区进行暗访督查。现就问题清单曝光如下:',
        '三义街社区(责任单位:荆州区西城街道办事处三义街社区)',
        '1、学雷锋志愿岗上班时间无人在岗',
        '2、三义街便民广场电动车乱停乱放',
        '通会桥社区(责任单位:荆州区西城街道办事处通会桥社区)',
        '1、临街商铺普遍存在出店经营、占道经营问题。',
        '2、便民服务大厅内物品乱摆放问题严重。',
        '3、便民服务大厅内违规停放电动车。',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.number, task.title, task.units.map((unit) => unit.name), task.children.length])).toEqual([
      [null, '三义街社区', ['荆州区西城街道办事处三义街社区'], 2],
      [null, '通会桥社区', ['荆州区西城街道办事处通会桥社区'], 3],
    ]);
  });

  it('a table whose header was on the page before (the page starts mid-table): rows by their lone 序号, each cell by what it holds — a merged unit and its contact carried down, two unit cells the first leading', () => {
    const cells = read(
      [
        '2024年《政府工作报告》重点工作目标任务分解表',
        '80', '加大普惠性托育供给,新增托位数400个以上,公办园在园幼儿占比60%以上。', '县教育局', '县各有关单位', '2024年12月底前',
        '81', '保障职业学院秋季开学,支持科技工程学校发展。', '县人社局', '县教育局', '2024年9月',
        '82', '实施中小学办学能力提升工程,推动义务教育优质均衡发展。', '市民政局 伍泽国', '2024年12月底前',
        '83', '提高困难残疾人生活补贴标准。', '2024年6月',
      ].join('\n'),
    );
    expect(cells.plan.layout).toBe('headless-rows');
    expect(cells.tasks.map(summary).map(({ title, lead, others, leaders }) => [title.slice(0, 8), lead, others, leaders])).toEqual([
      ['加大普惠性托育供', ['县教育局'], ['县各有关单位'], []],
      ['保障职业学院秋季', ['县人社局'], ['县教育局'], []],
      ['实施中小学办学能', [], ['市民政局'], ['伍泽国']],
      ['提高困难残疾人生', [], ['市民政局'], ['伍泽国']],
    ]);
    expect(cells.tasks.map((task) => task.deadlines.map((deadline) => deadline.raw).join())).toEqual(['2024年12月底前', '2024年9月', '2024年12月底前', '2024年6月']);
    expect(cells.tasks[0]!.warnings.join()).toContain('没有表头');
    // One row a line, its cells parted by tabs.
    const rows = read(['1\t新建公办幼儿园5所,新增学位1000个。\t县教育局\t2022年底', '2\t建设四好农村路55公里。\t县交通局\t2022年底', '3\t完成农村公路大中修70公里。\t县交通局\t2022年10月'].join('\n'));
    expect(rows.tasks.map((task) => [task.key, task.units.map((unit) => unit.name)])).toEqual([['1', ['县教育局']], ['2', ['县交通局']], ['3', ['县交通局']]]);
    // Rows a browser copied with tabs, with neither header nor 序号: numbered in order.
    const copied = read(['2022年度民生实事项目进度表', '新建公办幼儿园5所,新增学位1000个。\t县教育局\t2022年底', '建设四好农村路55公里。\t县交通局\t2022年底', '完成农村公路大中修70公里。\t县交通局\t2022年10月'].join('\n'));
    expect(copied.tasks.map((task) => [task.key, task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['1', '新建公办幼儿园5所,新增学位1000个', ['县教育局']],
      ['2', '建设四好农村路55公里', ['县交通局']],
      ['3', '完成农村公路大中修70公里', ['县交通局']],
    ]);
  });

  it('a table one cell a line whose parts are headed (一)刘忻市长牵头重点工作 / (二)…: each heading is a row of its own giving its leader to the rows under it, never a unit of the row above', () => {
    const { tasks } = read(
      [
        '序号', '|', '重点工作任务', '|', '责任单位', '|',
        '(一)刘忻市长牵头重点工作', '|',
        '1', '|', '学懂弄通做实习近平新时代中国特色社会主义思想。', '|', '市政府各直属单位', '|',
        '2', '|', '扛起全面从严治党主体责任,驰而不息纠治“四风”。', '|', '市政府各直属单位', '|',
        '(二)戴建平常务副市长牵头重点工作', '|',
        '3', '|', '加快建设城西科创大走廊。', '|', '市科技局、市发改委', '|',
        '4', '|', '推进人才创新创业服务综合体建设。', '|', '市发改委、市人力社保局', '|',
      ].join('\n'),
    );
    expect(tasks.map(summary).map(({ others, leaders }) => [others, leaders])).toEqual([
      [['市政府各直属单位'], ['刘忻市长']],
      [['市政府各直属单位'], ['刘忻市长']],
      [['市科技局', '市发改委'], ['戴建平常务副市长']],
      [['市发改委', '市人力社保局'], ['戴建平常务副市长']],
    ]);
  });

  it('a leader label whose value is a note with the people in brackets (责任领导:按《市委工作要点》分工(蒋永根、俞福才)) gives the people; a notice issuing 政府工作报告若干重点工作任务 (unquoted) names the plan', () => {
    const { tasks } = read(
      [
        '1.推进总部中心、会展中心建设。',
        '责任领导:按《市委工作要点》分工(蒋永根、俞福才);责任单位:总部办、经济开发区;配合单位:经贸局、国土资源局。',
        '2.全面实施安居工程。',
        '责任领导:韦炜;责任单位:相关镇街区;配合单位:公安局、规划局。',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.leaders)).toEqual([['蒋永根', '俞福才'], ['韦炜']]);
    // A notice issuing a plan named by what it lists, unquoted: the plan's name is the title, not the notice's.
    const issued = read(['永康市人民政府办公室', '关于印发政府工作报告若干重点工作任务的通知', '1.推进总部中心建设。', '责任单位:总部办', '2.实施安居工程。', '责任单位:相关镇街区'].join('\n'));
    expect(issued.plan.title).toBe('政府工作报告若干重点工作任务');
  });

  it('a page that starts inside an item (its number cut off, its units closing it, then (二)…): the cut item is a task numbered one before the first, never left out as preamble', () => {
    const { tasks } = read(
      [
        '市、镇街(园区)联动开展汽车“报废换新”活动,(市发展和改革局、市工业和信息化局、市商务局按职责分工负责)',
        '(二)加大金融支持力度,(市金融工作局、市税务局按职责分工负责)',
        '(三)优化二手车交易登记管理,(市公安局、市商务局按职责分工负责)',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.number, task.title.slice(0, 8), task.units.map((unit) => unit.name)])).toEqual([
      ['一', '市、镇街(园区)', ['市发展和改革局', '市工业和信息化局', '市商务局']],
      ['二', '加大金融支持力度', ['市金融工作局', '市税务局']],
      ['三', '优化二手车交易登', ['市公安局', '市商务局']],
    ]);
    // A notice's own text above its first item (一, or a preamble naming its addressees) stays out.
    const notice = read(['各县区人民政府，市直各部门：', '(二)加大金融支持力度。(市金融工作局负责)', '(三)优化二手车交易登记管理。(市公安局负责)'].join('\n'));
    expect(notice.tasks.map((task) => task.number)).toEqual(['二', '三']);
  });

  it('what a reviewer found misread in the new readings: a numbered list naming one unit is no headless table, 序号 past 999, a cut item before 十二, 三、工作安排 is no title, a county plan citing its city once', () => {
    // A list numbered with spaces whose first item alone names a unit: no table of units (refused as before).
    expect(() => read(['1 市财政局 负责落实资金保障工作', '2 加强宣传引导 营造良好社会氛围', '3 强化督查考核 确保各项任务落实', '4 完善工作机制 形成工作合力'].join('\n'))).toThrow();
    // A headless table of 1,003 rows: every row a task, none run into the 999th.
    const rows = Array.from({ length: 1003 }, (_, index) => `${index + 1}\t推进第${index + 1}项重点工作建设\t市财政局\t2024年底`);
    const big = read(rows.join('\n'));
    expect(big.tasks).toHaveLength(1003);
    expect(big.tasks.at(-1)!.units.map((unit) => unit.name)).toEqual(['市财政局']);
    // A page cut inside item 十一: the cut item is 11.
    const cut = read(['…完善考核机制,强化结果运用。（市委组织部负责）', '十二、加强宣传引导,营造良好氛围。（市委宣传部负责）', '十三、强化督查问效。（市政府督查室负责）'].join('\n'));
    expect(cut.tasks.map((task) => task.number)).toEqual(['11', '十二', '十三']);
    // A section heading 三、工作安排 names no plan.
    expect(read(['一、工作目标', '1.推进老旧小区改造。（市住建局负责）', '三、工作安排', '2.完善预决算公开。（市财政局负责）'].join('\n')).plan.title).not.toBe('工作安排');
    // A county's plan that names its city once and a neighbour once stays the county's.
    const county = read(['为推进嘉鱼县乡村振兴,根据咸宁市委部署,借鉴通城县的经验,制定本方案。', '1.嘉鱼县农业农村局推进高标准农田建设。（嘉鱼县农业农村局负责）', '2.推进嘉鱼县人居环境整治。（县住建局负责）'].join('\n'));
    expect(county.plan.jurisdiction).toBe('嘉鱼县');
  });

  it('an inspection notice of numbered records, one field a line (单位名称: / 隐患情况: / 责任部门: / 整改时限:), whose hazards are listed 一、二、三、 inside a field: each record is one task, and the region is the city whose districts it names', () => {
    const { plan, tasks } = read(
      [
        '为敦促社会单位落实整改火灾隐患主体责任，现将伊春市消防救援支队检查中发现存在隐患的单位曝光如下：',
        '1、单位名称:乌翠区好声音歌厅',
        '隐患情况:一、疏散门未设置闭门器;',
        '二、部分电线未穿管保护;',
        '三、无日常消防检查记录。',
        '责任部门:乌翠区消防救援大队',
        '整改时限:立即整改',
        '2、单位名称:伊春市友好区灯饰城',
        '隐患情况:安全出口设置不符合规定',
        '责任部门:友好区消防救援大队',
        '整改时限:对安全出口增宽',
        '3、单位名称:伊春市乌翠区超市',
        '隐患情况:货物占用疏散通道',
        '责任部门:乌翠区消防救援大队',
        '整改时限:责令立即改正',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title.split(/\s/)[0], task.units.map((unit) => unit.name), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['单位名称:乌翠区好声音歌厅', ['乌翠区消防救援大队'], '立即整改'],
      ['单位名称:伊春市友好区灯饰城', ['友好区消防救援大队'], '对安全出口增宽'],
      ['单位名称:伊春市乌翠区超市', ['乌翠区消防救援大队'], '责令立即改正'],
    ]);
    expect(tasks[0]!.requirement).toContain('三、无日常消防检查记录');
    // 乌翠区 is named most, but 友好区 too: the notice is the city's.
    expect(plan.jurisdiction).toBe('伊春市');
  });

  it('the issuing notice’s title is read across the lines it was broken over, and the place the plan says is its own', () => {
    const { plan } = read(
      [
        '某政发〔2024〕1号',
        '某某市人民政府关于印发',
        '《2024年市〈政府工作报告〉任务分解',
        '和责任分工方案》的通知',
        '为推动全区经济平稳较快发展，根据《昆明市人民政府关于印发昆明市稳增长若干措施的通知》，结合官渡区实际，制定本方案。',
        '一、地区生产总值增长6%左右（牵头单位：区发展改革局）',
        '二、一般公共预算收入增长5%（牵头单位：区财政局）',
      ].join('\n'),
    );
    expect(plan.title).toBe('2024年市《政府工作报告》任务分解和责任分工方案');
    expect(plan.jurisdiction).toBe('官渡区');
    expect(plan.year).toBe(2024);
  });

  it('a one-cell-per-line table whose narrow columns broke a header (市级牵头 / 责任单位) and a unit’s name (市人力资源 / 社会保障局) into cells, its rows marked (9*): one column, one unit, every row', () => {
    const cell = (text: string) => [text, ''];
    const { tasks } = read(
      [
        '某市2019年民生工程推进情况表',
        '',
        ...['序号', '项目内容', '目标任务', '市级牵头', '责任单位', '完成时间', '备注'].flatMap(cell),
        ...['1', '农民工技能培训', '培训1000人', '市人力资源', '社会保障局', '2019年6月底', '已完成'].flatMap(cell),
        ...['2*', '城乡居民医保参保', '参保率95%', '市医疗', '保障局', '2019年9月底', '超额完成'].flatMap(cell),
        ...['3', '农村公路养护', '养护800公里', '市交通运输局', '2019年12月底', '正在推进'].flatMap(cell),
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => `${unit.name}:${unit.role}`), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['农民工技能培训', ['市人力资源社会保障局:lead'], '2019年6月底'],
      ['城乡居民医保参保', ['市医疗保障局:lead'], '2019年9月底'],
      ['农村公路养护', ['市交通运输局:lead'], '2019年12月底'],
    ]);
  });

  it('of several dated columns (抽取日期 | 完成时限) the deadline is the one the work must be done by', () => {
    const { tasks } = read(
      [
        '某市2023年联合抽查计划',
        '| 序号 | 任务名称 | 抽取日期 | 完成时限 | 牵头部门 | 参与部门 |',
        '| 1 | 预付卡经营检查 | 2023年9月 | 2023年11月底 | 市商务局 | 市市场监管局 |',
        '| 2 | 二手车市场检查 | 2023年9月 | 2023年12月底 | 市商务局 | 市公安局 |',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.deadlines.map((deadline) => deadline.raw).join())).toEqual(['2023年11月底', '2023年12月底']);
  });

  it('an inspection report whose parts say whose the problems are (一、属住建局职责范围：): every problem under a part is a task of that body, a part with no list its own task, an item may start with a figure (1、816路)', () => {
    const { tasks } = read(
      [
        '某县创建办督查情况通报',
        '一、属住建局职责范围：',
        '（一）滨江花园项目工地',
        '1、工地围挡未按要求布置公益广告。',
        '2、建筑垃圾未及时清理。',
        '（二）文化路',
        '沿街店铺占道经营，屡禁不止。',
        '二、属城关镇职责范围：',
        '1、流动摊点沿街随意摆摊。',
        '2、328国道路口乱停车现象严重。',
        '三、属市场监管局职责范围：',
        '农贸市场门前三包落实不到位。',
        '四、城关派出所',
        '有停车泊位，但没有停车标识。',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title.slice(0, 8), task.units.map((unit) => unit.name).join()])).toEqual([
      ['工地围挡未按要求', '住建局'],
      ['建筑垃圾未及时清', '住建局'],
      ['文化路 沿街店铺', '住建局'],
      ['流动摊点沿街随意', '城关镇'],
      ['328国道路口乱', '城关镇'],
      ['属市场监管局职责', '市场监管局'],
    ]);
  });

  it('an inspection plan’s row under a merged 序号 and 抽查领域 that the page left with only its item (4.… in the 序号 column) is the next item, with the merged units and date', () => {
    const { tasks } = read(
      [
        '某县文旅局2023年双随机抽查计划',
        '序号 | 抽查领域 | 抽查事项 | 发起部门 | 配合部门 | 完成时限 |',
        '1 | 娱乐场所监管 | 1.娱乐场所取得许可证情况的检查 | 县文旅局 | 县消防救援大队 | 2023年10月底 |',
        '2 | 旅行社行业监管 | 2.旅行社取得许可证情况的检查 | 县文旅局 | 县市场监管局 | 2023年11月底 |',
        '3.旅行社经营情况的检查 | |||||',
        '3 | 体育经营监管 | 4.对经营高危险性体育项目的检查 | 县文旅局 | 县卫健局 | 2023年12月底 |',
      ].join('\n'),
    );
    const leaves = tasks.flatMap((task) => (task.children.length > 0 ? task.children : [task]));
    expect(leaves.map((task) => [task.title, task.units.map((unit) => unit.name).join(), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['1.娱乐场所取得许可证情况的检查', '县文旅局,县消防救援大队', '2023年10月底'],
      ['2.旅行社取得许可证情况的检查', '县文旅局,县市场监管局', '2023年11月底'],
      ['3.旅行社经营情况的检查', '县文旅局,县市场监管局', '2023年11月底'],
      ['4.对经营高危险性体育项目的检查', '县文旅局,县卫健局', '2023年12月底'],
    ]);
  });

  it('a task column naming the same thing over several rows (汽车流通市场 ×3) beside an item column naming another in each is their category: the items are the tasks', () => {
    const { tasks } = read(
      [
        '某市2022年商务部门联合抽查计划',
        '序号 | 任务名称 | 抽查事项 | 完成时限 | 牵头部门 | 参与部门 |',
        '1 | 单用途商业预付卡 | 三项制度落实情况 | 202211 | 商务局 | 市场监管局 |',
        '2 | 汽车流通市场 | 新车市场 | 202211 | 商务局 | 市场监管局 |',
        '3 | 汽车流通市场 | 二手车市场 | 202211 | 商务局 | 市场监管局 |',
        '4 | 汽车流通市场 | 报废汽车市场 | 202212 | 商务局 | 生态环境局 |',
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.categoryPath, task.deadlines.map((deadline) => deadline.dueOn).join()])).toEqual([
      ['三项制度落实情况', '单用途商业预付卡', '2022-11-30'],
      ['新车市场', '汽车流通市场', '2022-11-30'],
      ['二手车市场', '汽车流通市场', '2022-11-30'],
      ['报废汽车市场', '汽车流通市场', '2022-12-31'],
    ]);
  });

  it('a one-cell-per-line row short of the header by its empty 备注 keeps one cell a column: the way of checking is not words of the task', () => {
    const header = ['序号', '工作任务', '检查方式', '牵头单位', '完成时限', '备注'];
    const rows = [
      ['1', '加油站经营情况检查', '现场检查', '市商务局', '2023年11月'],
      ['2', '二手车市场经营检查', '网上抽查', '市商务局', '2023年12月'],
      ['3', '报废汽车回收拆解检查', '现场检查', '市商务局', '2023年12月'],
    ];
    const { tasks } = read(['某市2023年商务领域抽查计划', '', ...[...header, ...rows.flat()].flatMap((cell) => [cell, ''])].join('\n'));
    expect(tasks.map((task) => [task.title, summary(task).lead.join(), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['加油站经营情况检查', '市商务局', '2023年11月'],
      ['二手车市场经营检查', '市商务局', '2023年12月'],
      ['报废汽车回收拆解检查', '市商务局', '2023年12月'],
    ]);
  });

  it('a Word table whose 项目内容 spans a group merged down and the item beside it, over whole-number targets, rows marked 9*: one task an item, with the unit merged over it', () => {
    const merged = { text: '', mergedAbove: true };
    const cell = (text: string) => ({ text });
    const rows = [
      ['序号', '项目内容', '', '目标任务', '牵头单位', '完成'],
      ['1', '促进城乡劳动者就业创业', '城镇新增就业(人)', '26000', '市人社局', '32095'],
      ['2', null, '城镇失业人员再就业(人)', '4000', null, '4934'],
      ['3*', null, '就业困难人员就业(人)', '2000', null, '2519'],
      ['4', '扶贫解困工程', '贫困户产业贷款(户)', '1200', '市扶贫办', '1300'],
    ];
    const grid = rows.map((cells, index) => ({ line: index + 1, cells: cells.map((text) => ({ ...(text === null ? merged : cell(text)), line: index + 1 })) }));
    const plan = parsePlanDocument({ text: '某市2019年十大民生工程实施进度表', tables: [grid] }, 'plan.docx');
    const tasks = flattenNodes(plan.nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => [task.number, task.title.split('。').at(-1), task.units.map((unit) => unit.name).join()])).toEqual([
      ['1', '城镇新增就业(人)', '市人社局'],
      ['2', '城镇失业人员再就业(人)', '市人社局'],
      ['3', '就业困难人员就业(人)', '市人社局'],
      ['4', '贫困户产业贷款(户)', '市扶贫办'],
    ]);
  });

  it('a table a page flattened with spaces whose rows under a merged 序号 and 抽查类别 lost those cells: each is an item of its own, cells in their columns', () => {
    const { tasks } = read(
      [
        '某县农业农村局2021年度双随机抽查工作计划',
        '序号 抽查类别 抽查事项 检查对象 事项类别 执行股室 检查比例 初步检查时间 备注',
        '1 农产品质量监督抽查 对农作物种子生产经营的监督检查 种子生产经营企业 一般抽查 执法大队一中队 5% 2021年9月',
        '对农药生产经营使用场所的检查 农药生产销售企业 一般抽查 执法大队一中队 10% 2021年6月',
        '对肥料的监督检查 肥料生产企业 一般抽查 执法大队二中队 10% 2021年7月',
        '2 兽药经营企业监督抽查 对兽药的监督检查 兽药经营企业 一般抽查 执法大队三中队 30% 2021年11月',
      ].join('\n'),
    );
    const leaves = tasks.flatMap((task) => (task.children.length > 0 ? task.children : [task]));
    expect(leaves.map((task) => [task.title, task.units.map((unit) => unit.name).join(), task.deadlines.map((deadline) => deadline.raw).join()])).toEqual([
      ['对农作物种子生产经营的监督检查', '执法大队一中队', '2021年9月'],
      ['对农药生产经营使用场所的检查', '执法大队一中队', '2021年6月'],
      ['对肥料的监督检查', '执法大队二中队', '2021年7月'],
      ['对兽药的监督检查', '执法大队三中队', '2021年11月'],
    ]);
  });

  it('an item’s last sentence led by a leader (由王刚副县长牵头，县住建局负责，县财政局配合。): the person is its leader, the units its units', () => {
    const { tasks } = read(
      [
        '某县2023年重点工作任务分解',
        '1.推进县城污水管网改造。由王刚副县长牵头，县住建局负责，县财政局配合。',
        '2.完成高标准农田建设2万亩。李强副县长牵头，县农业农村局负责。',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '推进县城污水管网改造', lead: [], others: ['县住建局', '县财政局'], leaders: ['王刚副县长'] },
      { title: '完成高标准农田建设2万亩', lead: [], others: ['县农业农村局'], leaders: ['李强副县长'] },
    ]);
  });

  it('a leader column naming a bureau’s head before the name (区住建局局长 刘洋) names one person, not a seat and a name', () => {
    const { tasks } = read(
      [
        '某区2024年重点工作清单',
        '序号 | 重点工作 | 责任人 | 责任单位',
        '1 | 推进棚户区改造 | 区住建局局长 刘洋 | 区住建局',
        '2 | 开展河道整治 | 区水务局副局长 张伟 | 区水务局',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.leaders)).toEqual([['区住建局局长刘洋'], ['区水务局副局长张伟']]);
  });

  it('an item’s last sentence sharing the work by duty (市发改委牵头负责，市财政局、市税务局按职责分工负责。) or naming who does it after 具体由 (具体由市发改委承办。)', () => {
    const { tasks } = read(
      [
        '某市2023年重点工作任务分解',
        '1.推进县城污水管网改造工程。市发改委牵头负责，市财政局、市税务局按职责分工负责。',
        '2.完成高标准农田建设2万亩。具体由市农业农村局承办。',
      ].join('\n'),
    );
    expect(tasks.map(summary)).toEqual([
      { title: '推进县城污水管网改造工程', lead: ['市发改委'], others: ['市财政局', '市税务局'], leaders: [] },
      { title: '完成高标准农田建设2万亩', lead: [], others: ['市农业农村局'], leaders: [] },
    ]);
  });

  it('a tab table without a 序号 column whose target column holds figures (26000, 4000, 2000): the figures are no row numbers, each line a task', () => {
    const { tasks } = read(
      [
        '某市2017年民生工程项目实施进度表',
        '',
        ['工程名称', '项目内容', '目标任务', '市级牵头责任单位', '进度', '完成目标(%)', '备注'].join('\t'),
        ['就业促进工程', '促进城乡劳动者就业创业', '城镇新增就业(人)', '26000', '市人力资源社会保障局', '32095', '123.4', '超额完成'].join('\t'),
        ['', '', '城镇失业人员再就业(人)', '4000', '', '4934', '123.4', '超额完成'].join('\t'),
        ['', '', '就业困难人员就业(人)', '2000', '', '2519', '125.9', '超额完成'].join('\t'),
        ['', '', '劳务品牌培训(人)', '2425', '', '2425', '100', '已完成'].join('\t'),
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['城镇新增就业(人)', '城镇失业人员再就业(人)', '就业困难人员就业(人)', '劳务品牌培训(人)']);
    expect(tasks[0]!.units.map((unit) => unit.name)).toEqual(['市人力资源社会保障局']);
  });

  it('a table a page flattened with spaces and no 序号: a line that is a task alone (with or without its 。), after a finished row, is the next row (its other cells merged from above)', () => {
    const { tasks } = read(
      [
        '某县2019年文化旅游工作任务分解',
        '',
        '指标 工作任务 完成时限 责任领导 责任股室',
        '公共文化服务 全年组织开展文化下乡等惠民演出不少于100场。 12月底前 夏俊贵 文化宣传股',
        '开展好“三下乡”活动。',
        '推进县文化馆、图书馆总分馆制建设。',
        '组织送戏下乡进社区活动',
        '文化产业 培育规模以上文化服务企业1家。 12月底前 夏俊贵 产业股',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['全年组织开展文化下乡等惠民演出不少于100场', '开展好“三下乡”活动', '推进县文化馆、图书馆总分馆制建设', '组织送戏下乡进社区活动', '培育规模以上文化服务企业1家']);
  });

  it('a table flattened with spaces and no 序号: tasks alone one after another, none ending its sentence, are each a row (their other cells merged from above), not the table’s end; a part’s heading after it ends it', () => {
    const { tasks } = read(
      [
        '某镇2024年重点工作安排表',
        '',
        '主要工作 责任部门 完成时间',
        '开展农村人居环境整治提升行动 农业农村办 6月底前',
        '组织村庄清洁行动春季战役',
        '推进农村户厕问题摸排整改',
        '完善长效管护机制',
        '推进集镇污水管网改造 建设办 12月底前',
        '二、工作要求',
        '（一）各有关责任单位要按照时间安排，制定本行业专项整治方案。',
        '（二）各有关责任单位要每月26日前报送工作总结。',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['开展农村人居环境整治提升行动', '组织村庄清洁行动春季战役', '推进农村户厕问题摸排整改', '完善长效管护机制', '推进集镇污水管网改造']);
    expect(tasks.at(-1)!.units.map((unit) => unit.name)).toEqual(['建设办']);
  });

  it('a table without 序号 under (一)…市长牵头重点工作 headings: each heading gives its leader to the rows under it and is no task itself', () => {
    const { tasks } = read(
      ['某市2021年政府工作报告重点工作任务分解', '重点工作任务', '责任单位', '(一)刘某市长牵头重点工作', '扛起全面从严治党主体责任，驰而不息纠治“四风”。', '市政府各直属单位', '(二)戴某常务副市长牵头重点工作', '加快建设城西科创大走廊。', '市科技局、市发改委', '加快钱塘江金融港湾建设。', '市地方金融监管局']
        .flatMap((cell) => [cell, ''])
        .join('\n'),
    );
    expect(tasks.map((task) => [task.title.slice(0, 8), task.leaders])).toEqual([
      ['扛起全面从严治党', ['刘某市长']],
      ['加快建设城西科创', ['戴某常务副市长']],
      ['加快钱塘江金融港', ['戴某常务副市长']],
    ]);
  });

  it('a one-cell-per-line table with blank lines between cells and no 序号: two tasks in a row are two rows (a cell is never two blocks)', () => {
    const { tasks } = read(
      [
        '某县2019年文化旅游工作任务分解',
        '',
        ...['工作任务', '完成时限', '责任股室', '全年组织开展文化下乡等惠民演出不少于100场。', '12月底前', '文化宣传股', '开展好“三下乡”活动。', '推进县文化馆、图书馆总分馆制建设。', '培育规模以上文化服务企业1家。', '12月底前', '产业股'].flatMap((cell) => [cell, '']),
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['全年组织开展文化下乡等惠民演出不少于100场', '开展好“三下乡”活动', '推进县文化馆、图书馆总分馆制建设', '培育规模以上文化服务企业1家']);
  });

  it('a spaced table without 序号 whose rows open with their item’s number (15.推进…) under a merged group cell: the item is the task, not the group; page furniture after it (索引号：) is no row', () => {
    const { tasks } = read(
      [
        '某市2022年民生实事进展情况',
        '',
        '类别 民生事项名称 2022年度任务目标 责任单位 分管市领导',
        '四、教育文化 14.改扩建泉山学校及庙后吕家初级中学 完成泉山学校一期2座教学楼建设。 市教育体育局 王刚',
        '15.推进学校塑胶运动场地建设 完成罗峰学校及13处农村学校塑胶运动场地建成并投入使用。',
        '16.推进义务教育课后服务 对全市34所义务教育学校实行课后服务全覆盖。',
        '',
        '',
        '索引号: 113706850042672474/2022-04772 成文日期: 2022-10-08',
        '发布机构: 市政府办公室',
      ].join('\n'),
    );
    expect(tasks.map((task) => task.title)).toEqual(['14.改扩建泉山学校及庙后吕家初级中学', '15.推进学校塑胶运动场地建设', '16.推进义务教育课后服务']);
  });

  it('a one-cell-per-line table without 序号 whose header wrapped a word a line (工作 / 任务 / 完成 / 时限 / 责任 / 单位): the words are joined, each row read under them', () => {
    const { tasks } = read(
      [
        '某镇2017年度安全生产专项整治工作计划',
        '一、专项整治安排表',
        ...['工作', '任务', '完成', '时限', '责任', '单位', '烟花爆竹', '1月份', '安监站', '电力设施', '3月份', '电管所', '养老机构', '4月份', '民政所', '医疗机构', '6月份', '卫生院'],
      ].join('\n'),
    );
    expect(tasks.map((task) => [task.title, task.units.map((unit) => unit.name).join('、'), task.deadlines.map((deadline) => deadline.raw).join('')])).toEqual([
      ['烟花爆竹', '安监站', '1月份'],
      ['电力设施', '电管所', '3月份'],
      ['养老机构', '民政所', '4月份'],
      ['医疗机构', '卫生院', '6月份'],
    ]);
  });
});
