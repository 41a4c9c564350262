/**
 * The weekly status card (督办周报) and its plain-text twin: header with the
 * scope and week, overall numbers, this week's changes by unit, the red and
 * yellow lists, and a by-unit table of counts — no @-mentions, nobody named.
 * The detailed version for supervisors lists more and names the units in
 * charge of each listed task. Pure.
 */
import type { SummaryItem, SummaryScope, WeeklySummary } from '../../domain/summaries/weekly-summary.js';
import { monthDayText } from '../../lib/dates.js';
import { button, buttonRow, card, escapeMarkdown, markdown, table, type CardElement } from './card-parts.js';
import { WEEKENDS_ONLY_MARK } from './holiday-notice-card.js';
import { fitList } from './card-fit.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** How the card is framed. */
export interface WeeklyCardOptions {
  /** What the card covers, for its buttons ("查看逾期任务" lists that scope's overdue tasks). */
  scope: SummaryScope;
  /** Set when the card goes out late (the service was down at its time): when it was due. */
  lateSince?: string;
  /** A preview asked for with /summary, not the week's card. */
  preview?: boolean;
  /** The one-to-one version for supervisors: longer lists, units named. */
  detail?: boolean;
  /** The day it went out was judged by weekends alone (no holiday schedule for that year): marked 暂按周末计算. */
  weekendsOnly?: boolean;
}

/** Rows of the by-unit table shown in a card (the table pages itself, 10 to a page). */
export const UNIT_ROWS_LIMIT = 60;

const REASON: Record<SummaryItem['reason'], string> = { overdue: '逾期', due_soon: '临近到期', blocked: '受阻', stalled: '30天未更新' };

/** "2026年第47周（11月16日—11月22日）". */
export function weekTitle(summary: Pick<WeeklySummary, 'week'>): string {
  const [year, week] = summary.week.period.split('-W');
  return `${year}年第${Number(week)}周（${monthDayText(summary.week.start)}—${monthDayText(summary.week.end)}）`;
}

function itemLine(item: SummaryItem, detail: boolean): string {
  const when =
    item.reason === 'overdue' ? `逾期 ${item.days} 天` : item.reason === 'due_soon' ? (item.days === 0 ? '今天到期' : `${item.days} 天后到期`) : REASON[item.reason];
  const units = detail && item.units.length > 0 ? ` — ${escapeMarkdown(item.units.join('、'))}` : '';
  return `${item.label} ${escapeMarkdown(item.title.length > 40 ? `${item.title.slice(0, 40)}…` : item.title)}（${when}）${units}`;
}

function totalsLine(summary: WeeklySummary): string {
  const t = summary.totals;
  return `任务 ${t.tasks} 项，已完成 ${t.done}，完成率 ${t.completion}%\n🟢 正常 ${t.onTrack}　🟡 14天内到期 ${t.dueSoon}　🔴 逾期 ${t.overdue}　⛔ 受阻 ${t.blocked}　💤 30天未更新 ${t.stalled}`;
}

function changesLines(summary: WeeklySummary): string[] {
  if (summary.changes.length === 0) return ['本周没有新的进度报告。'];
  return summary.changes.slice(0, 15).map((change) => {
    const parts = [change.reports > 0 ? `报告进度 ${change.reports} 次` : '', change.closures > 0 ? `办结 ${change.closures} 项` : ''].filter(Boolean);
    return `${escapeMarkdown(change.name)}：${parts.join('，')}`;
  }).concat(summary.changes.length > 15 ? [`另有 ${summary.changes.length - 15} 个单位有更新`] : []);
}

function unitTable(summary: WeeklySummary, rows: number): CardElement {
  return table(
    [
      { name: 'unit', header: '单位', type: 'text' },
      { name: 'led', header: '牵头', type: 'number' },
      { name: 'done', header: '完成', type: 'number' },
      { name: 'overdue', header: '逾期', type: 'number' },
      { name: 'quiet', header: '距上次报告', type: 'text' },
    ],
    summary.units.slice(0, rows).map((row) => ({
      unit: row.name,
      led: row.led,
      done: row.done,
      overdue: row.overdue,
      quiet: row.daysSinceReport === null ? '从未报告' : `${row.daysSinceReport} 天`,
    })),
  );
}

/** The weekly card and its text fallback. */
export function renderWeeklyCard(summary: WeeklySummary, options: WeeklyCardOptions): { card: CardElement; text: string } {
  const title = `${options.detail ? '督办周报（督查版）' : '督办周报'} · ${summary.scopeLabel}`;
  const subtitle = `${weekTitle(summary)}${options.preview ? ' · 预览' : ''}${options.weekendsOnly ? ` · ${WEEKENDS_ONLY_MARK}` : ''}`;
  const elements: CardElement[] = [];
  const text: string[] = [title, subtitle];
  if (options.lateSince) {
    elements.push(markdown(`<font color='grey'>本周报应于 ${options.lateSince} 发送，因服务中断延后补发。</font>`));
    text.push(`（本周报应于 ${options.lateSince} 发送，因服务中断延后补发）`);
  }
  if (options.preview) {
    elements.push(markdown(`<font color='grey'>这是预览，截至 ${summary.today}；每周定时的周报照常发送。</font>`));
    text.push(`（预览，截至 ${summary.today}）`);
  }
  elements.push(markdown(`**总体情况**\n${totalsLine(summary)}`));
  text.push(totalsLine(summary));
  const changes = changesLines(summary);
  elements.push(markdown(`**本周变化**\n${changes.join('\n')}`));
  text.push('本周变化：', ...changes);

  const list = (heading: string, part: WeeklySummary['red'], more: string) => {
    if (part.total === 0) return;
    const lines = part.items.map((item) => itemLine(item, options.detail === true));
    const rest = part.total - part.items.length;
    elements.push(markdown(`**${heading}（${part.total} 项）**\n${lines.join('\n')}${rest > 0 ? `\n还有 ${rest} 项，${more}` : ''}`));
    text.push(`${heading}（${part.total} 项）：`, ...lines, ...(rest > 0 ? [`还有 ${rest} 项`] : []));
  };
  list('🔴 逾期', summary.red, '点“查看逾期任务”看全部');
  list('🟡 临近到期或停滞', summary.yellow, '发送 /到期 查看');

  const listed = Math.min(summary.units.length, UNIT_ROWS_LIMIT);
  if (listed > 0) {
    text.push('各单位情况（牵头/完成/逾期/距上次报告）：', ...summary.units.slice(0, UNIT_ROWS_LIMIT).map((row) => `${row.name} ${row.led}/${row.done}/${row.overdue}/${row.daysSinceReport === null ? '从未报告' : `${row.daysSinceReport}天`}`));
  }
  const buttons = buttonRow([
    button('查看逾期任务', CARD_ACTIONS.weekly_overdue.value({ plans: options.scope.planIds, units: options.scope.unitIds }), summary.red.total > 0 ? 'primary' : 'default'),
    button('我的单位', CARD_ACTIONS.weekly_mine.value({})),
    button('导出台账', CARD_ACTIONS.weekly_export.value({ plans: options.scope.planIds, units: options.scope.unitIds })),
  ]);
  const template = summary.totals.overdue > 0 ? 'orange' : summary.totals.tasks > 0 && summary.yellow.total > 0 ? 'yellow' : 'green';
  // The by-unit table is the card's long list: as many rows as fit, the rest in the exported ledger.
  const render = (rows: number) =>
    card(
      title,
      template,
      [
        ...elements,
        ...(rows > 0
          ? [markdown(`**各单位情况**${summary.units.length > rows ? `（前 ${rows} 个，共 ${summary.units.length} 个；全部见“导出台账”）` : ''}`), unitTable(summary, rows)]
          : []),
        ...buttons,
      ],
      subtitle,
    );
  return { card: fitList(listed, render), text: text.join('\n') };
}
