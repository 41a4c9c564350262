/**
 * Renders a count, rate or ranking (issue 17) as a card and its text twin:
 * the figure in the title, how the question was understood, the scope's
 * counts, a small table (the ranking, or the scope by plan, place or unit),
 * how a task and the rate are defined, and a button listing the tasks
 * behind the figures. Pure.
 */
import { RATE_DEFINITION, type StatsAnswer, type StatsRow } from '../../domain/questions/stats-answers.js';
import { button, buttonRow, card, DEMO_NOTE, demoNote, escapeMarkdown, markdown, table, type CardElement } from './card-parts.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** A rate as shown: a whole percent, "不足1%" for a small one that is not zero. */
export function percentText(rate: number): string {
  return rate > 0 && rate < 0.5 ? '不足1%' : `${Math.round(rate)}%`;
}

const GROUP_NAME: Record<StatsAnswer['groupBy'], string> = { none: '', unit: '单位', place: '地区', plan: '方案' };

/** What the counted tasks are, when a state narrows them: "逾期任务". */
const STATE_SUBJECT: Partial<Record<string, string>> = {
  overdue: '逾期任务',
  unfinished: '未完成任务',
  done: '已完成任务',
  blocked: '受阻任务',
  pending_review: '待审核任务',
  below_half: '进度不到一半的任务',
  no_progress: '没报过进度的任务',
  not_started: '未开始的任务',
  in_progress: '进行中的任务',
  stalled: '停滞的任务',
};

/** "任务最多的单位", "逾期任务最多的单位", "完成率最低的地区". */
function rankingTitle(answer: StatsAnswer): string {
  const group = GROUP_NAME[answer.groupBy];
  const high = answer.order === 'desc';
  if (answer.measure === 'rate') return `完成率${high ? '最高' : '最低'}的${group}`;
  if (answer.measure === 'done') return `完成任务${high ? '最多' : '最少'}的${group}`;
  const status = answer.query.status;
  const subject = status ? (STATE_SUBJECT[status] ?? '符合条件的任务') : answer.query.period ? '到期任务' : '任务';
  return `${subject}${high ? '最多' : '最少'}的${group}`;
}

/** The title: the figure asked for, or what is ranked. */
function titleOf(answer: StatsAnswer): string {
  if (answer.ranking) return answer.ranking.length === 0 ? `没有可以排名的${GROUP_NAME[answer.groupBy]}` : rankingTitle(answer);
  switch (answer.measure) {
    case 'rate':
      return `完成率 ${percentText(answer.figure ?? 0)}`;
    case 'done':
      return `已完成 ${answer.count ?? 0} 项`;
    case 'units':
      return `涉及 ${answer.count ?? 0} 个单位`;
    case 'average':
      return `平均进度 ${percentText(answer.figure ?? 0)}`;
    case 'share':
      return `占比 ${percentText(answer.figure ?? 0)}（${answer.count ?? 0} / ${answer.whole ?? 0} 项）`;
    case 'count':
      return `共 ${answer.count ?? 0} 项任务`;
  }
}

/** "共 107 项任务，已完成 8 项，逾期 30 项，完成率 7%". */
function scopeLine(answer: StatsAnswer): string {
  const { tasks, done, overdue, rate } = answer.scope;
  return `共 ${tasks} 项任务，已完成 ${done} 项，逾期 ${overdue} 项，完成率 ${percentText(rate)}`;
}

/** A row's name as shown: a unit with its place, "区委区府办公室（新会区）". */
function rowName(row: StatsRow): string {
  return row.jurisdiction ? `${row.name}（${row.jurisdiction}）` : row.name;
}

function statsTable(rows: readonly StatsRow[], withRank: boolean, nameHeader: string): CardElement {
  return table(
    [
      ...(withRank ? [{ name: 'rank', header: '排名', type: 'number' as const }] : []),
      { name: 'name', header: nameHeader, type: 'text' },
      { name: 'tasks', header: '任务', type: 'number' },
      { name: 'done', header: '已完成', type: 'number' },
      { name: 'overdue', header: '逾期', type: 'number' },
      { name: 'rate', header: '完成率', type: 'text' },
    ],
    rows.map((row) => ({ ...(withRank ? { rank: row.rank } : {}), name: rowName(row), tasks: row.tasks, done: row.done, overdue: row.overdue, rate: percentText(row.rate) })),
  );
}

function rowText(row: StatsRow, withRank: boolean): string {
  return `${withRank ? `${row.rank}. ` : ''}${rowName(row)}：任务 ${row.tasks}，已完成 ${row.done}，逾期 ${row.overdue}，完成率 ${percentText(row.rate)}`;
}

/** Renders a counted answer. */
export function renderStatsAnswer(answer: StatsAnswer): { card: CardElement; text: string } {
  const title = titleOf(answer);
  const understanding = `我的理解：${answer.understanding}`;
  const elements: CardElement[] = [...demoNote(answer.demo === true), markdown(`<font color='grey'>${escapeMarkdown(understanding)}</font>`)];
  const text: string[] = [title, ...(answer.demo ? [DEMO_NOTE] : []), understanding];

  const ranking = answer.ranking;
  if (ranking && ranking.length > 0) {
    const first = ranking.filter((row) => row.rank === 1);
    // A long tie (every unit at 0%) is named in part: the table has the rest.
    const named = first.slice(0, 5).map((row) => `**${escapeMarkdown(rowName(row))}**`).join('、');
    const lead = `${answer.firstPlace > 1 ? `并列第一（${answer.firstPlace} 个）` : '第一'}：${named}${answer.firstPlace > 5 ? ' 等' : ''}`;
    elements.push(markdown(`${lead}\n${escapeMarkdown(scopeLine(answer))}`));
    elements.push(statsTable(ranking, true, GROUP_NAME[answer.groupBy]));
    text.push(lead.replace(/\*\*/g, ''), scopeLine(answer), ...ranking.map((row) => rowText(row, true)));
    if (answer.more > 0) {
      elements.push(markdown(`<font color='grey'>只列出前 ${ranking.length} 个，另有 ${answer.more} 个。</font>`));
      text.push(`（只列出前 ${ranking.length} 个，另有 ${answer.more} 个）`);
    }
  } else {
    if (ranking) {
      elements.push(markdown(`没有符合条件的${GROUP_NAME[answer.groupBy]}（各镇区、市有关单位等统称不参加排名）。`));
      text.push(`没有符合条件的${GROUP_NAME[answer.groupBy]}。`);
    }
    elements.push(markdown(escapeMarkdown(scopeLine(answer))));
    text.push(scopeLine(answer));
    if (answer.breakdown.length > 1) {
      elements.push(statsTable(answer.breakdown, false, GROUP_NAME[answer.breakdownBy]));
      text.push(...answer.breakdown.map((row) => rowText(row, false)));
    }
  }
  if (answer.suggestions.length > 0) {
    elements.push(markdown(`可以这样问：${answer.suggestions.map((question) => `“${escapeMarkdown(question)}”`).join('、')}`));
    elements.push(...buttonRow(answer.suggestions.map((question) => button(question, CARD_ACTIONS.ask.value({ text: question })))));
    text.push(`可以这样问：${answer.suggestions.map((question) => `“${question}”`).join('、')}`);
  }
  elements.push(markdown(`<font color='grey'>${escapeMarkdown(RATE_DEFINITION)}</font>`));
  text.push(RATE_DEFINITION);
  if (answer.scope.tasks > 0) {
    elements.push(...buttonRow([button(answer.measure === 'done' ? '查看已完成的任务' : '查看这些任务', CARD_ACTIONS.answer_page.value({ question: answer.query }))]));
  }
  const template = answer.scope.overdue > 0 ? 'orange' : 'blue';
  return { card: card(title, template, elements), text: text.join('\n') };
}
