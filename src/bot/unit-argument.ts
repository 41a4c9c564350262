/**
 * A unit named in a command's arguments ("/逾期 市财政局", "/到期 30 财政局"):
 * the units the name may mean, or — when it names none — the names it
 * resembles, for a "did you mean" answer instead of a guess.
 */
import type { UnitMention } from '../domain/questions/question.js';
import { normalizeQuestion } from '../domain/questions/question-normalizing.js';
import type { UnitDirectory } from '../domain/questions/unit-directory.js';

/** What a unit argument names. */
export type UnitArgument = { mentions: UnitMention[] } | { unknown: string; suggestions: string[] };

/** Reads an optional unit name; empty text names no unit and filters nothing. */
export function readUnitArgument(text: string, directory: UnitDirectory): UnitArgument {
  const name = normalizeQuestion(text);
  if (!name) return { mentions: [] };
  const mentions = directory.findMentions(name);
  if (mentions.length !== 1 || mentions[0]!.text.length < name.length - 1) return { unknown: name, suggestions: directory.suggest(name) };
  return { mentions: mentions.map(({ text: typed, unitIds, fuzzy, place }) => ({ text: typed, unitIds, fuzzy, ...(place ? { place } : {}) })) };
}

/** "没有找到名为“市财务局”的单位。你是不是要找：市财政局？" */
export function unknownUnitText(argument: Extract<UnitArgument, { unknown: string }>): string {
  const hint = argument.suggestions.length > 0 ? `你是不是要找：${argument.suggestions.join('、')}？` : '';
  return `没有找到名为“${argument.unknown}”的单位。${hint}`;
}
