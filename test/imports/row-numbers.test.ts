/**
 * Rows numbered in Chinese numerals (一, 二, 三 …) are cut as rows numbered 1, 2, 3 are: the table readers count
 * arabic numbers, so where a table counts in Chinese its numbers are read as arabic first. A table whose first row's
 * 一 stands behind its group's cell (农业高质高效 一 …) still counts from its 二, 三, 四.
 */
import { describe, expect, it } from 'vitest';
import { withArabicLeadingNumbers, withArabicRowNumbers } from '../../src/domain/imports/row-numbers.js';

describe('row numbers in Chinese numerals', () => {
  it('a 序号 column counting 一, 二, 三 is read as 1, 2, 3; one counting in arabic leaves a lone 一 (a section’s number) alone', () => {
    expect(withArabicRowNumbers(['一', '推进…', '二', '开展…', '三', '完成…'])).toEqual(['1', '推进…', '2', '开展…', '3', '完成…']);
    expect(withArabicRowNumbers(['一', '经济发展', '1', '推进…', '2', '开展…'])).toEqual(['一', '经济发展', '1', '推进…', '2', '开展…']);
  });

  it('rows whose first word is their number, the first one behind its group’s cell, count from 二, 三, 四', () => {
    const lines = ['考核项目 序号 考核指标 责任部门', '农业高质高效 一 农林牧渔业增加值增幅 县农业农村局', '二 农业劳动生产率 县海洋与渔业局', '三 油菜面积 县农业农村局', '四 生猪存栏 县农业农村局'];
    expect(withArabicLeadingNumbers(lines).slice(2)).toEqual(['2 农业劳动生产率 县海洋与渔业局', '3 油菜面积 县农业农村局', '4 生猪存栏 县农业农村局']);
  });

  it('figures that happen to follow one another in arabic (9*, 10*, 11* of starred rows) do not make a Chinese-counted table arabic', () => {
    expect(withArabicRowNumbers(['一', '二', '三', '9', '10', '11', '十二'])).toEqual(['1', '2', '3', '9', '10', '11', '12']);
  });
});
