/**
 * Text broken at a page's width (copied from a PDF, a print layout, a
 * fixed-width page): a long item comes in several lines of one length, its
 * label values, parentheses and unit names cut in two. The lines are joined
 * back before any layout is read; lines of their own (an outline number, a
 * label, a table row) stay apart. Then the corpus: every tuned prose plan
 * broken at 30, 36 and 45 characters a line must keep nearly all its gold.
 */
import { describe, expect, it } from 'vitest';
import { joinHardWraps, pageWidth } from '../../src/domain/imports/hard-wraps.js';
import { normalizeDocument } from '../../src/domain/imports/normalize-text.js';
import { flattenNodes, parsePlanDocument } from '../../src/domain/imports/plan-parser.js';
import { scoreDocument } from '../support/import-scoring.js';
import { tunedProseDocuments } from '../support/word-numbered-corpus.js';

/** A text broken every `width` characters, as a page of that width prints it. */
const brokenAt = (text: string, width: number) =>
  text
    .split('\n')
    .flatMap((line) => {
      const characters = [...line];
      const pieces: string[] = [];
      for (let at = 0; at < characters.length; at += width) pieces.push(characters.slice(at, at + width).join(''));
      return pieces.length > 0 ? pieces : [''];
    })
    .join('\n');

const ITEMS = [
  '1.推进学前教育优质普惠发展，新改扩建公办幼儿园45所、新增学位1.2万个。推进义务教育优质均衡发展，巩固拓展“双减”成果，新改扩建中小学25所。（牵头单位：市教育局；责任单位：各区人民政府、市发展改革委、市财政局）',
  '2.推进普通高中优质多样化发展，扩大优质高中教育资源，新建普通高中3所、新增学位6000个。（牵头单位：市教育局；责任单位：市自然资源和规划局、市住房和城乡建设局）',
  '3.启动实施“双优计划”，立项建设32所市级优秀中等职业学校和55个市级优质专业。（牵头单位：市教育局；责任单位：市人力资源和社会保障局、市财政局）',
  '4.支持在汉高校“双一流”建设，推动市属高校特色化发展，深化产教融合、校企合作。（牵头单位：市教育局；责任单位：市科技局、市经济和信息化局）',
];

describe('text broken at a page width', () => {
  it('joins an item’s lines back, so its parenthesis of units is whole; an outline number or a label starts a line of its own', () => {
    const broken = brokenAt(['武汉市2023年教育重点工作任务分解方案', ...ITEMS].join('\n'), 30);
    expect(pageWidth(broken.split('\n'))).toBe(30);
    const tasks = flattenNodes(parsePlanDocument(broken, 'plan.txt').nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => [task.number, task.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name), task.units.length])).toEqual([
      ['1', ['市教育局'], 4],
      ['2', ['市教育局'], 3],
      ['3', ['市教育局'], 3],
      ['4', ['市教育局'], 3],
    ]);
    // Every line keeps its number: the lines taken into another stay, empty.
    expect(normalizeDocument(broken).text.split('\n')).toHaveLength(broken.split('\n').length);
  });

  it('joins a label the page cut in two (…；责 / 任单位：…), and keeps a label after a finished sentence on its own line', () => {
    const items = [
      '1.地区生产总值增长7%左右，规模以上工业增加值增长8%左右。（牵头单位：市发改委；数据提供单位：市统计局）',
      '2.第一产业增加值增长2%，粮食产量稳定在230万吨以上。（牵头单位：市农业农村局；责任单位：市公园城市局；数据提供单位：市统计局）',
      '3.第二产业增加值增长6.5%，工业投资增长10%以上。（牵头单位：市经信局；责任单位：市住建局；数据提供单位：市统计局）',
      '4.第三产业增加值增长7.5%，服务业增加值占比稳步提高。（牵头单位：市商务局；数据提供单位：市统计局）',
    ];
    const broken = brokenAt(['成都市2022年目标任务责任分解方案', ...items].join('\n'), 28);
    // The page broke 责任单位 and 数据提供单位 across lines: 任单位：… and 提供单位：… open lines of their own.
    expect(broken.split('\n').some((line) => /^(任单位|提供单位)：/.test(line))).toBe(true);
    const tasks = flattenNodes(parsePlanDocument(broken, 'plan.txt').nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => [task.number, task.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name), task.units.filter((unit) => unit.role !== 'lead').map((unit) => unit.name)])).toEqual([
      ['1', ['市发改委'], ['市统计局']],
      ['2', ['市农业农村局'], ['市公园城市局', '市统计局']],
      ['3', ['市经信局'], ['市住建局', '市统计局']],
      ['4', ['市商务局'], ['市统计局']],
    ]);
    // A label line under an item that ended its sentence stays a line of its own, however long the item's line.
    const labelled = brokenAt(['某县2024年重点工作任务分解', ...ITEMS.map((item) => item.replace(/（牵头单位：(.*)；责任单位：(.*)）$/, '\n牵头单位：$1\n责任单位：$2'))].join('\n'), 30);
    expect(joinHardWraps(labelled).split('\n').filter((line) => line.startsWith('牵头单位：'))).toHaveLength(4);
  });

  it('joins the long items of a list of mostly short ones, broken at the width only a few of its lines reach', () => {
    const short = ['区域环境噪声平均值', '交通干线噪声平均值', '建成区绿化覆盖率', '城市污水集中处理率', '城市集中供热普及率', '生活垃圾无害化处理率', '工业固体废物处置利用率', '危险废物处置率'].map(
      (text) => `${text}。责任单位：市环境保护局；`,
    );
    const long = [
      '受保护地区面积占国土面积比例。责任单位：市环境保护局，配合单位：市林业局；',
      '机动车尾气年检率，机动车环保检验合格标志发放率。责任单位：市公安局交警支队，配合单位：市环境保护局；',
      '建设项目“环评”、“三同时”和规划环评综合执行率。责任单位：市发展和改革委员会，配合单位：市环境保护局；',
      '按期完成总量控制计划和国家重点环保项目落实率。责任单位：市发展和改革委员会，配合单位：市环境保护局；',
      '清洁能源使用率，城市燃气普及率和天然气使用比例。责任单位：市统计局，配合单位：市经济委员会；',
      '环境信息公开和公众参与，环境质量公告按期发布。责任单位：市环境保护局，配合单位：市政府新闻办；',
    ];
    const items = [...short.slice(0, 4), long[0]!, ...short.slice(4), ...long.slice(1)].map((item, index) => `${index + 1}.${item}`);
    const broken = brokenAt(['某市迎接国家环境保护模范城市复检方案', ...items].join('\n'), 35);
    const tasks = flattenNodes(parsePlanDocument(broken, 'plan.txt').nodes).filter((node) => node.kind === 'task');
    expect(tasks).toHaveLength(14);
    expect(tasks.filter((task) => task.units.length === 2).map((task) => task.units.map((unit) => unit.name))).toEqual([
      ['市环境保护局', '市林业局'],
      ['市公安局交警支队', '市环境保护局'],
      ['市发展和改革委员会', '市环境保护局'],
      ['市发展和改革委员会', '市环境保护局'],
      ['市统计局', '市经济委员会'],
      ['市环境保护局', '市政府新闻办'],
    ]);
  });

  it('leaves alone text that was not broken at a width, and table rows', () => {
    const plain = ['某县重点工作任务', '序号\t工作任务\t牵头单位', ...ITEMS.map((item, index) => `${index + 1}\t${item.slice(2, 40)}\t县教育局`)].join('\n');
    expect(joinHardWraps(plain)).toBe(plain);
    const prose = ITEMS.join('\n');
    expect(joinHardWraps(prose)).toBe(prose);
    // A sheet's rows as text (cells parted by spaces), of one length and each starting with its number, up to 1200.
    const sheet = Array.from({ length: 1200 }, (_, index) => `${index + 1} 推进第${index + 1}项重点工作建设并完成年度目标 市发改委 市财政局、市自然资源局 2024年12月底前`).join('\n');
    expect(joinHardWraps(sheet)).toBe(sheet);
    // A table's cells one a line, its rows' 序号 alone on theirs, under long cells of one length: a lone 序号 is never a line's end.
    const cells = Array.from({ length: 8 }, (_, index) => [`${index + 1}`, '县住建局', `推进第${index + 1}项重点工作建设并完成年度目标任务数`]).flat();
    const table = ['序号 责任单位 工作任务', ...cells].join('\n');
    expect(joinHardWraps(table).split('\n').filter((line) => /^\d+$/.test(line))).toHaveLength(8);
  });

  it('keeps the gold of the tuned prose plans broken at 28 (the official page’s line), 30, 36 and 45 characters a line', () => {
    for (const width of [28, 30, 36, 45]) {
      let [right, checks] = [0, 0];
      for (const document of tunedProseDocuments()) {
        const score = scoreDocument(document.slug, brokenAt(normalizeDocument(document.text).text, width), document.gold);
        right += score.right;
        checks += score.checks;
      }
      // 81.4% at 36 characters when the lines were read as they came (98.3% not broken).
      expect({ width, share: right / checks >= WRAPPED_FLOOR }).toEqual({ width, share: true });
    }
  });
});

/**
 * Just under the shares on 2026-12-03: 92.8% at 30, 95.1% at 36 and 45. The sixth session's new tune documents (first
 * sight 60%) brought the tuned prose to 91.7% at 30, 94.1% at 36, 93.2% at 45. On 2026-12-06 (third session) 95.2% at 28,
 * 94.2% at 30, 95.4% at 36, 95.1% at 45; then a label cut in two by the page (…；责 / 任单位：) no longer opened a line of
 * its own: 97.4%, 96.6%, 96.2%, 96.4%. Then a page width shared by a third of the long lines (not half: a list of short
 * items under a few long ones) when half of the full lines go on in the next: 97.4%, 96.6%, 96.9%, 97.0%.
 */
const WRAPPED_FLOOR = 0.955;
