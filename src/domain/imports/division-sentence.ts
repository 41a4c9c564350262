/**
 * A division of work written as one sentence ("具体分工如下：县水利局负责水利工程安全度汛；县应急管理局负责组织协调
 * 抢险救灾；县气象局负责天气监测预报预警。"): each unit's clause is a line of its own, so the readers of unnumbered
 * paragraphs that say who does the work read each as a task. Left whole unless two clauses or more each open with a
 * unit and its 负责 / 牵头. Pure.
 */
import { looksLikeUnits } from './layouts/cell-kinds.js';

/** What introduces the division: 分工如下：, 具体分工：, 职责分工如下：, 任务分工： */
const INTRODUCED = /(?:具体|职责|任务|责任)?分工(?:如下)?[:：]\s*/;
/** A clause that opens with its units and what they do: "县水利局负责…", "县住建局牵头…". */
const UNIT_CLAUSE = /^([^，,。；;：:]{2,30}?)(?:牵头)?负责|^([^，,。；;：:]{2,30}?)牵头/;

/** The line cut at each unit's clause when it is such a division; the line alone otherwise. */
export function splitDivisionSentence(line: string): string[] {
  const introduced = INTRODUCED.exec(line);
  if (!introduced) return [line];
  const start = introduced.index + introduced[0].length;
  const clauses = line
    .slice(start)
    .split(/[；;]/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  const units = clauses.filter((clause) => {
    const match = UNIT_CLAUSE.exec(clause);
    return match !== null && looksLikeUnits(match[1] ?? match[2]!);
  });
  if (clauses.length < 2 || units.length < clauses.length) return [line];
  return [line.slice(0, start).trim(), ...clauses].filter(Boolean);
}
