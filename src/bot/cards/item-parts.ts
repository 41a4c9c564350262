/**
 * How one task's facts read in a card or its text twin: the status light,
 * the units by role, the deadline, the progress. Pure.
 */
import type { AnswerItem, StatusLight } from '../../domain/questions/answer-service.js';
import { escapeMarkdown } from './card-parts.js';

/** The light as an emoji, in cards. */
export const LIGHT: Record<StatusLight, string> = { red: '🔴', yellow: '🟡', green: '🟢', grey: '⚪' };
/** The light in words, in text. */
export const LIGHT_WORD: Record<StatusLight, string> = { red: '逾期', yellow: '临近或停滞', green: '正常', grey: '无时限' };

/** "牵头：市财政局；配合：各镇区", the asked units in bold. */
export function unitsLine(item: AnswerItem): string {
  if (item.units.length === 0) return '单位：未写明';
  const byRole = new Map<string, string[]>();
  for (const unit of item.units) {
    const name = unit.asked ? `**${escapeMarkdown(unit.name)}**` : escapeMarkdown(unit.name);
    byRole.set(unit.roleLabel, [...(byRole.get(unit.roleLabel) ?? []), name]);
  }
  return [...byRole].map(([role, names]) => `${role}：${names.join('、')}`).join('；');
}

/** "分管领导：杜某某、王某", or '' when the task names none. */
export function leadersText(item: Pick<AnswerItem, 'leaders'>): string {
  return item.leaders ? `分管领导：${escapeMarkdown(item.leaders)}` : '';
}

/**
 * The deadline in words, unescaped: "2016年12月底前完成（2016-12-31）", with
 * "（沿用第20项）" when a sub-item has its parent's; "未写明" when none.
 */
export function deadlineWords(item: Pick<AnswerItem, 'deadline'>): string {
  if (!item.deadline) return '未写明';
  const { raw, dueOn, from } = item.deadline;
  return `${raw}${from ? `（沿用${from}）` : ''}${dueOn && !raw.includes(dueOn) ? `（${dueOn}）` : ''}`;
}

/** "时限：2016年12月底前（2016-12-31）", in a card. */
export function deadlineText(item: Pick<AnswerItem, 'deadline'>): string {
  return `时限：${escapeMarkdown(deadlineWords(item))}`;
}

/** "牵头：市财政局（沿用第20项）": the units line of one task's card, saying where inherited units come from. */
export function unitsLineWithSource(item: AnswerItem): string {
  return item.unitsFrom && item.units.length > 0 ? `${unitsLine(item)}（沿用${escapeMarkdown(item.unitsFrom)}）` : unitsLine(item);
}

/** "进行中 60%". */
export function progressText(item: AnswerItem): string {
  return `${item.statusLabel} ${item.percent}%`;
}
