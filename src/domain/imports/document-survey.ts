/**
 * What a document holds when no task could be read from it, in words an
 * administrator can act on: how many lines of text, numbered items, table
 * headers and unit names were seen. A refused file is answered with what
 * was found, never only with what was expected. Pure.
 */
import { looksLikeUnits } from './layouts/cell-kinds.js';
import { classifyHeader } from './layouts/columns.js';

const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十\d]+[条项])/;

/** A sentence saying what the document holds. */
export function surveyDocument(lines: readonly string[]): string {
  const text = lines.map((line) => line.trim()).filter(Boolean);
  if (text.length === 0) return '文件里没有文字（可能是空文件，或只有图片、扫描件）';
  const numbered = text.filter((line) => NUMBERED.test(line)).length;
  const headerWords = [...new Set(text.flatMap((line) => line.split(/[\s|\t]+/)).filter((cell) => cell.length <= 8 && classifyHeader(cell) !== undefined))];
  const unitLines = text.filter((line) => line.length <= 60 && looksLikeUnits(line)).length;
  const parts = [`${text.length} 行文字`];
  parts.push(numbered > 0 ? `${numbered} 个编号条目（如“${text.find((line) => NUMBERED.test(line))!.slice(0, 16)}”）` : '没有“一、（一）1.”这样的编号条目');
  if (headerWords.length > 0) parts.push(`像表头的词 ${headerWords.slice(0, 4).map((word) => `“${word}”`).join('、')}`);
  parts.push(unitLines > 0 ? `${unitLines} 行像单位名称` : '没有写明牵头或责任单位');
  return parts.join('，');
}
