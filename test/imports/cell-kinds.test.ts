/**
 * What a table cell holds, judged from its text alone — the kinds that put a
 * page's dropped cells back into their columns. A target such as 2所 or 71个
 * ends like a unit (派出所, 个体协会) but is a figure; a list of bureaus is
 * units; a date is a deadline.
 */
import { describe, expect, it } from 'vitest';
import { cellKind } from '../../src/domain/imports/layouts/cell-kinds.js';

describe('cell kinds', () => {
  it.each([
    ['2所', 'figure'],
    ['71个', 'figure'],
    ['1300人', 'figure'],
    ['教育局', 'units'],
    ['市财政局、市税务局', 'units'],
    // A list closed by a full stop is a list; one name so closed, or a list ending in work, a sentence.
    ['市旅游局、市政府办公室、市委编办、市直相关部门。', 'units'],
    ['建成县残疾人综合服务中心。', 'text'],
    ['对乡镇专职消防队、村志愿队、社区微型消防站灭火救援装备提档升级。', 'text'],
    ['城关派出所', 'units'],
    ['2023年12月底前', 'deadline'],
    ['12', 'number'],
    // A role word closing a unit's name makes it a unit with its part; a duty sentence that opens with one is task text.
    ['市财政局牵头、各乡镇配合落实', 'units'],
    ['负责大气污染综合治理工作任务的督导和检查考核工作.', 'text'],
    // Work that names the places it is done in is a task, however many parts end like a unit (镇, 院); bodies named by work are units.
    ['建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院', 'text'],
    ['开工建设矾山镇、马站镇等2家中心敬老院', 'text'],
    ['建设单位、监理单位', 'units'],
    ['建设部门、有关部门', 'units'],
    ['市创建办、市住建局', 'units'],
  ])('%s is %s', (text, kind) => {
    expect(cellKind(text)).toBe(kind);
  });
});
