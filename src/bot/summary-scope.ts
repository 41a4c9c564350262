/**
 * Turns the words naming what a chat follows — a plan ("临沂2016要点"), a
 * unit ("市财政局") or everything ("全部") — into a summary scope, or into a
 * clear answer when they name nothing known.
 */
import type { Catalog } from '../domain/questions/question-catalog.js';
import type { SummaryScope } from '../domain/summaries/weekly-summary.js';
import { readUnitArgument, unknownUnitText } from './unit-argument.js';

/** Everything: every plan, every unit. */
export const ALL: SummaryScope = { planIds: [], unitIds: [] };

/** A scope, or why the words name none. */
export type ScopeReading = { scope: SummaryScope } | { problem: string };

/** Reads scope words; '' or 全部 means everything. */
export function readScope(text: string, catalog: Catalog): ScopeReading {
  const words = text.trim();
  if (words === '' || /^(全部|所有|全部方案|所有方案|全部任务)$/.test(words)) return { scope: ALL };
  const unit = readUnitArgument(words, catalog.directory);
  if ('mentions' in unit && unit.mentions.some((mention) => mention.fuzzy)) {
    // A standing setting is not built on a guess: a near name is confirmed first.
    const names = [...new Set(unit.mentions.flatMap((mention) => mention.unitIds.map((id) => catalog.directory.unit(id)?.name ?? '')))].filter(Boolean);
    return { problem: `${unknownUnitText({ unknown: words, suggestions: names })}请写单位全称再订阅，例如“/订阅 ${names[0] ?? '市财政局'}”。` };
  }
  const unplaced = 'mentions' in unit ? unit.mentions.find((mention) => mention.place && mention.unitIds.length === 0) : undefined;
  if (unplaced) return { problem: `${unplaced.place}没有名为“${unplaced.text}”的单位（已导入的方案里没有它）。请写已导入方案里的单位，例如“/订阅 中山市 市财政局”；发送“有哪些方案”查看全部方案。` };
  if ('mentions' in unit && unit.mentions.length > 0) return { scope: { planIds: [], unitIds: [...new Set(unit.mentions.flatMap((mention) => mention.unitIds))] } };
  const plans = catalog.index.matchPlans(words);
  if (plans.length > 0) return { scope: { planIds: plans.map((plan) => plan.id), unitIds: [] } };
  const problem = 'unknown' in unit && unit.suggestions.length > 0 ? unknownUnitText(unit) : `没有找到名为“${words}”的单位，也没有名称或地区包含它的方案。`;
  return { problem: `${problem}请写方案关键词（如“临沂2016要点”）、单位名称（如“市财政局”）或“全部”；发送“有哪些方案”查看全部方案。` };
}
