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

/** "时限：2016年12月底前（2016-12-31）". */
export function deadlineText(item: AnswerItem): string {
  if (!item.deadline) return '时限：未写明';
  const raw = escapeMarkdown(item.deadline.raw);
  return item.deadline.dueOn && !item.deadline.raw.includes(item.deadline.dueOn) ? `时限：${raw}（${item.deadline.dueOn}）` : `时限：${raw}`;
}

/** "进行中 60%". */
export function progressText(item: AnswerItem): string {
  return `${item.statusLabel} ${item.percent}%`;
}
