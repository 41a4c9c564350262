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

  it('keeps the gold of the tuned prose plans broken at 30, 36 and 45 characters a line', () => {
    for (const width of [30, 36, 45]) {
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
 * sight 60%) brought the tuned prose to 91.7% at 30, 94.1% at 36, 93.2% at 45.
 */
const WRAPPED_FLOOR = 0.91;
