/**
 * Deadlines as plans write them, read as the day a task falls due (within
 * the plan's year when the text names no year), or as recurring,
 * continuous or event-triggered work; never a day the text does not give.
 */
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/domain/imports/deadline-parser.js';

const read = (text: string) => parseDeadline(text, 2024).deadlines.map((deadline) => deadline.dueOn ?? `${deadline.kind}${deadline.recurrence ? `:${deadline.recurrence}` : ''}`);

describe('deadlines in words', () => {
  it.each([
    ['2024年6月底前', ['2024-06-30']],
    ['6月底前', ['2024-06-30']],
    ['年底前', ['2024-12-31']],
    ['年内完成', ['2024-12-31']],
    ['第三季度', ['2024-09-30']],
    ['三季度末', ['2024-09-30']],
    ['上半年完成', ['2024-06-30']],
    ['2025年第一季度', ['2025-03-31']],
    ['2024.12', ['2024-12-31']],
    ['2024-11-30', ['2024-11-30']],
    // Parts of a month are by their last day (上旬 the 10th, 中旬 the 20th); a span of months or years is due at its end.
    ['12月中旬', ['2024-12-20']],
    ['12月上旬前', ['2024-12-10']],
    ['9月中下旬', ['2024-09-30']],
    ['6月至9月', ['2024-09-30']],
    ['2023-2025年', ['2025-12-31']],
    ['2024年至2026年', ['2026-12-31']],
    // So many years from the plan's; a month and day written with a dot.
    ['三年内', ['2026-12-31']],
    ['6.30前', ['2024-06-30']],
    // Before an event the text does not date, or as required: event-triggered; at once: continuous.
    ['汛期前', ['event']],
    ['按上级要求', ['event']],
    ['即时', ['continuous']],
    // So many days (整改时限：3天) from the notice: event-triggered; a year alone in a date column; a year before its verb.
    ['3天', ['event']],
    ['2022', ['2022-12-31']],
    ['2014年 投入运营', ['2014-12-31']],
    // A date column exported as digits alone: year and month, or year, month and day.
    ['202211', ['2022-11-30']],
    ['20221115', ['2022-11-15']],
    ['2024年9月底前完成主体工程，12月底前投入使用', ['2024-09-30', '2024-12-31']],
    ['全年', ['recurring:yearly']],
    ['每年年底前', ['recurring:yearly']],
    ['每季度末', ['recurring:quarterly']],
    ['长期坚持', ['continuous']],
    ['收到省级文件后及时转发', ['event']],
    // What 整改 notices say: at once, and kept at nothing left.
    ['立行立改', ['continuous']],
    ['动态清零', ['continuous']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('a text with no date it can read is kept, not guessed', () => {
    expect(parseDeadline('视情况而定', 2024)).toEqual({ deadlines: [{ raw: '视情况而定', kind: 'none', dueOn: null, recurrence: null }], understood: false });
  });

  it('reads the deadline under 完成节点 / 办理时限 labels as under 完成时限', async () => {
    const { flattenNodes, parsePlanDocument } = await import('../../src/domain/imports/plan-parser.js');
    const plan = parsePlanDocument(['某县2023年重点工作任务分解', '1.推进城区污水管网改造。', '牵头单位：县住建局', '完成节点：6月30日', '2.新建城市公园两个。', '牵头单位：县城管局', '办理时限：2023年9月底前'].join('\n'), 'plan.txt');
    expect(flattenNodes(plan.nodes).map((node) => node.deadlines.map((deadline) => deadline.dueOn))).toEqual([['2023-06-30'], ['2023-09-30']]);
  });
});

