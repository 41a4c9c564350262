/**
 * Records written one field a line, the label alone and its value on the
 * next ("具体任务" / "全面落实…" / "责任单位" / "卫健局、文旅局"), as Word
 * forms and transposed tables give them: put back as one line a field, so
 * the outline and the paragraph readers read each label with its value.
 */
import { alternation, COOPERATING_WORDS, DEADLINE_LABEL, LEAD_WORDS, UNIT_NOUNS } from '../role-words.js';

/** A label naming the task itself (具体任务, 工作任务, 重点任务): its value is the task's text. */
const TASK_LABEL = '(?:具体|主要|重点|工作)任务';

/** A task-naming label at a line's start ("具体任务：…"), to be taken off the task's text. */
export const TASK_LABEL_AT_START = new RegExp(`^${TASK_LABEL}[:：]\\s*`);

/** A field's label alone on its line, its value on the next ("责任单位：" / "水务局、城管局"). */
export const FIELD_LABEL = new RegExp(`^(?:(?:项目|事项|任务|工作)?(?:名称|内容|目标)|${TASK_LABEL}|建设内容|实施内容|(?:${alternation(LEAD_WORDS, COOPERATING_WORDS, ['责任'])})(?:${alternation(UNIT_NOUNS)})|责任领导|分管领导|${DEADLINE_LABEL}|进展与成效|进展情况|工作进展|完成情况)[:：]?$`);
/** The label of what an inspection found at a place (存在问题：, 问题描述：): the record's text. */
const PROBLEM_LABEL = /^(?:存在|主要|发现|具体)?问题(?:描述|表现)?\s*[:：]\s*/;
/** A short line naming a place or thing, no sentence and no number before it: 明馨园小区, 黄龙街县医院路段. */
const PLACE_NAME_LINE = /^(?![一二三四五六七八九十\d（(])[^:：。，,；;、\s]{2,24}$/;

/** A record's name field: its value is the item's title. */
const NAME_LABEL = /^(?:项目|事项|任务)?名称$/;

/**
 * Records written one field a line — a zero-padded number, then 项目名称：,
 * 项目内容：, 责任单位： with each value on the label's line or the next
 * ("01" / "项目名称:" / "提升县域生态环境" / "责任单位" / "水务局、城管局")
 * — put back as an outline: each label on one line with its value, the
 * number on the name's line, the name label dropped (the name is the
 * title). A joined line leaves a blank in its place, so line numbers hold.
 */
export function joinRecordFields(lines: readonly string[]): string[] {
  const out = [...lines];
  const isLabel = (line: string | undefined) => line !== undefined && FIELD_LABEL.test(line.trim());
  for (let index = 0; index < out.length; index++) {
    const line = out[index]!.trim();
    // "03" alone, then its first field.
    if (/^0[1-9]$/.test(line) && out[index + 1]?.trim()) {
      out[index] = `${line} ${out[index + 1]!.trim()}`;
      out[index + 1] = '';
    }
    const numbered = /^(0[1-9]|[1-9]\d)\s+(.+)$/.exec(out[index]!.trim());
    const body = numbered ? numbered[2]! : out[index]!.trim();
    // The next line with text, within a few blank ones (linear: never a scan to the end for each line).
    let next = index + 1;
    while (next < Math.min(out.length, index + 4) && out[next]!.trim() === '') next++;
    const value = next < Math.min(out.length, index + 4) ? out[next]!.trim() : '';
    if (isLabel(body) && value && !isLabel(value) && !/^0[1-9](\s|$)/.test(value)) {
      out[index] = `${numbered ? `${numbered[1]} ` : ''}${body.replace(/[:：]$/, '')}：${value}`;
      out[next] = '';
    }
    // "明馨园小区" / "存在问题：公示栏…不到位": a place's name over the problem found there heads the record, as its title.
    const problem = PROBLEM_LABEL.exec(value);
    if (problem && !numbered && PLACE_NAME_LINE.test(body) && !isLabel(body)) {
      out[index] = `${body}：${value.slice(problem[0].length)}`;
      out[next] = '';
    }
    // "01 项目名称：X" → "01 X".
    const named = /^(0[1-9]|[1-9]\d)\s+([^:：]{2,6})[:：]\s*(.+)$/.exec(out[index]!.trim());
    if (named && NAME_LABEL.test(named[2]!)) out[index] = `${named[1]} ${named[3]}`;
  }
  return out;
}
