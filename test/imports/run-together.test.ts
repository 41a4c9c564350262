/**
 * A page that lost its line breaks: its paragraphs run into one line, parted
 * only by the spaces the breaks left (a 督查曝光 page or a plan copied from a
 * site into a chat). Such a page is read cut at those spaces rather than
 * refused; and every tuned prose plan of the corpus run into one line must
 * keep most of its gold.
 */
import { describe, expect, it } from 'vitest';
import { flattenNodes, parsePlanDocument } from '../../src/domain/imports/plan-parser.js';
import { scoreDocument } from '../support/import-scoring.js';
import { tunedProseDocuments } from '../support/word-numbered-corpus.js';

const runTogether = (text: string) => text.replace(/\n+/g, ' ');

describe('a page that lost its line breaks', () => {
  it('reads a 督查曝光 page run into one line as its items with their units, each on the line it stands on', () => {
    const page = runTogether(
      [
        '某县创建省级文明城市第25次实地督查问题曝光通报',
        '8月7日，某县开展创建省级文明城市第25次实地督查，现对督查过程中发现的问题进行曝光通报。',
        '县人民医院',
        '存在问题：室外仓储间物品摆放杂乱，垃圾分类收集点保洁物品摆放杂乱，医疗废物暂存间危险指示牌老化看不清。',
        '责任单位：县卫生健康局',
        '水真路农贸市场',
        '存在问题：农贸市场内农残检测公示牌、健康教育宣传栏未及时更新，市场内卫生死角、杂物乱堆现象突出。',
        '责任单位：县市场监管局、县综合行政执法局',
        '摩尔广场',
        '存在问题：存在大量卫生死角，绿化区域内摆放大量杂物；公厕无禁烟标识、男厕防蝇帘缺失。',
        '责任单位：嵩阳街道、县市场监管局',
      ].join('\n'),
    );
    expect(page.includes('\n')).toBe(false);
    const plan = parsePlanDocument(page, '曝光通报.txt');
    const tasks = flattenNodes(plan.nodes).filter((node) => node.kind === 'task');
    expect(tasks.map((task) => task.units.map((unit) => unit.name))).toEqual([['县卫生健康局'], ['县市场监管局', '县综合行政执法局'], ['嵩阳街道', '县市场监管局']]);
    // Each point's name heads its problem, as on the page with its breaks.
    expect(tasks.map((task) => task.title.split('：')[0])).toEqual(['县人民医院', '水真路农贸市场', '摩尔广场']);
    // The page has one line: every task and warning stands on it.
    expect(tasks.map((task) => task.sourceLine)).toEqual([1, 1, 1]);
    expect(plan.warnings.every((warning) => warning.line === null || warning.line === 1)).toBe(true);
  });

  it('keeps most of the gold of the tuned prose plans run into one line, and refuses at most one of them', () => {
    let [right, checks, refused] = [0, 0, 0];
    for (const document of tunedProseDocuments()) {
      const score = scoreDocument(document.slug, runTogether(document.text), document.gold);
      right += score.right;
      checks += score.checks;
      if (score.refused) refused++;
    }
    // 85.4% with 13 refused when a run-together page was read only as written (97.9% with its breaks), 2026-12-06.
    expect({ share: right / checks >= RUN_TOGETHER_FLOOR, refused: refused <= 1 }).toEqual({ share: true, refused: true });
  });
});

/** Just under the share on 2026-12-06 (90.3%, one plan refused: its items are run together with no space between them). */
const RUN_TOGETHER_FLOOR = 0.895;
