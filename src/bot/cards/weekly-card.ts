/**
 * The weekly status card (督办周报) and its plain-text twin: header with the
 * scope and week, overall numbers (every task in exactly one of 已完成,
 * 逾期, 需关注 and 正常, the 需关注 ones by the rule that made each yellow),
 * this week's changes by unit, the red and yellow lists (each task with its
 * plan and units and why it is listed), and a by-unit table grouped by
 * place, collective units in a row of their own — no @-mentions, nobody
 * named. Each figure has its button, which lists exactly the tasks it
 * counted. The detailed version for supervisors lists more and names every
 * unit in charge. Pure.
 */
import type { CollectiveRow, SummaryItem, SummaryScope, UnitRow, WeeklySummary } from '../../domain/summaries/weekly-summary.js';
import type { AttentionReason } from '../../domain/questions/status-light.js';
import { monthDayText } from '../../lib/dates.js';
import { button, buttonRow, card, DEMO_NOTE, demoNote, escapeMarkdown, markdown, table, type CardElement, type TableColumn } from './card-parts.js';
import { WEEKENDS_ONLY_MARK } from './holiday-notice-card.js';
import { fitList } from './card-fit.js';
import { CARD_ACTIONS } from '../card-actions.js';
import { weeklyChartElements, weeklyTrendText, type ChartRow } from './weekly-chart.js';

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
  /**
   * Draw the pictures of the same figures (weekly-chart.ts: completion and
   * overdue by unit or place, the eight-week trend) after 本周变化; true
   * unless false. The table and the text twin stay, for clients that
   * cannot draw them.
   */
  charts?: boolean;
}

/** Units of one place listed when the card covers one place; the rest are in the exported ledger. */
export const UNITS_ONE_PLACE = 8;
/** Units of each place listed when the card covers several places. */
export const UNITS_PER_PLACE = 3;

/** Button labels, shared with the lines that point to them. */
export const OVERDUE_BUTTON = '查看逾期任务';
export const ATTENTION_BUTTON = '查看需关注任务';
export const EXPORT_BUTTON = '导出台账';

/** Why a yellow task is listed, in words: the same words in the head's breakdown and on each task. */
export const REASON_LABEL: Record<AttentionReason, string> = {
  due_soon: '14天内到期',
  blocked: '受阻',
  late_window: '剩余时限不足三成未报告',
  stalled: '超过30天未更新',
};

/** The order the breakdown names the reasons in (the yellow list's order). */
const REASON_ORDER: readonly AttentionReason[] = ['due_soon', 'blocked', 'late_window', 'stalled'];

/** Unit names shown on one list line before "等 N 个". */
const UNITS_ON_LINE = 2;
/** The longest task title on a list line. */
const TITLE_CHARS = 30;

/** "2026年第47周（11月16日—11月22日）". */
export function weekTitle(summary: Pick<WeeklySummary, 'week'>): string {
  const [year, week] = summary.week.period.split('-W');
  return `${year}年第${Number(week)}周（${monthDayText(summary.week.start)}—${monthDayText(summary.week.end)}）`;
}

/** Why a listed task is listed: "逾期 12 天", "3 天后到期", "剩余时限不足三成未报告". */
export function reasonText(item: Pick<SummaryItem, 'reason' | 'days'>): string {
  if (item.reason === 'overdue') return `逾期 ${item.days} 天`;
  if (item.reason === 'due_soon') return item.days === 0 ? '今天到期' : `${item.days} 天后到期`;
  return REASON_LABEL[item.reason];
}

/** "市财政局、市民政局等 4 个"; every one in the detailed version. */
function unitsText(units: readonly string[], all: boolean): string {
  if (units.length === 0) return '单位未写明';
  if (all || units.length <= UNITS_ON_LINE) return units.join('、');
  return `${units.slice(0, UNITS_ON_LINE).join('、')}等 ${units.length} 个`;
}

/** One task of a list as two parts, unescaped: what and why ("第5项 推进…（逾期 12 天）"), and whose ("中山2016政务公开要点｜市财政局"; the plan left out when the card covers one plan). */
export function itemParts(item: SummaryItem, options: { showPlan: boolean; allUnits: boolean }): { what: string; whose: string } {
  const chars = Array.from(item.title);
  const title = chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : item.title;
  return { what: `${item.label} ${title}（${reasonText(item)}）`, whose: [...(options.showPlan && item.plan ? [item.plan] : []), unitsText(item.units, options.allUnits)].join('｜') };
}

/** One task of a list in the text twin: "第5项 推进…（逾期 12 天）｜中山2016政务公开要点｜市财政局". */
export function itemWords(item: SummaryItem, options: { showPlan: boolean; allUnits: boolean }): string {
  const { what, whose } = itemParts(item, options);
  return `${what}｜${whose}`;
}

/** One task of a list in a card: whose in grey after what and why. */
export function itemMarkdown(item: SummaryItem, options: { showPlan: boolean; allUnits: boolean }): string {
  const { what, whose } = itemParts(item, options);
  return `${escapeMarkdown(what)}<font color='grey'>｜${escapeMarkdown(whose)}</font>`;
}

/** The head's counts: every task in one of four, the yellow ones by reason. */
function totalsLines(summary: WeeklySummary): string[] {
  const t = summary.totals;
  const lines = [`任务 ${t.tasks} 项，完成率 ${t.completion}%`, `✅ 已完成 ${t.done}　🔴 逾期 ${t.overdue}　🟡 需关注 ${t.attention}　🟢 正常 ${t.onTrack}`];
  const reasons = REASON_ORDER.filter((reason) => t.reasons[reason] > 0).map((reason) => `${REASON_LABEL[reason]} ${t.reasons[reason]}`);
  if (reasons.length > 0) lines.push(`🟡 需关注：${reasons.join('，')}`);
  return lines;
}

/** Whether the card's units lie in several places (then each unit is shown with its place). */
function spansPlaces(summary: WeeklySummary): boolean {
  return summary.unitTable.length > 1;
}

function changesLines(summary: WeeklySummary): string[] {
  if (summary.changes.length === 0) return ['本周没有新的进度报告。'];
  const withPlace = spansPlaces(summary);
  return summary.changes
    .slice(0, 15)
    .map((change) => {
      const parts = [change.reports > 0 ? `报告进度 ${change.reports} 次` : '', change.closures > 0 ? `办结 ${change.closures} 项` : ''].filter(Boolean);
      const who = withPlace && change.place ? `${change.place} ${change.name}` : change.name;
      return `${who}：${parts.join('，')}`;
    })
    .concat(summary.changes.length > 15 ? [`另有 ${summary.changes.length - 15} 个单位有更新`] : []);
}

/** "各市、区政府等 3 个（统称）": the one in charge of the most tasks, and how many there are. */
function collectiveName(row: CollectiveRow): string {
  return `${row.names[0] ?? ''}${row.names.length > 1 ? `等 ${row.names.length} 个` : ''}（统称）`;
}

/** One row of the by-unit table, before it is drawn: a bureau, or a place's collective units. */
interface TableRow {
  place: string;
  unit: string;
  led: number;
  done: number;
  overdue: number;
  quiet: string;
  /** The place's collective units, not a bureau. */
  collective: boolean;
}

const quietText = (days: number | null) => (days === null ? '从未报告' : `${days} 天`);

/**
 * The by-unit table's rows: per place (most overdue first), its most
 * overdue units, then its collective units in one row; how many units
 * there are in all.
 */
function tableRows(summary: WeeklySummary): { rows: TableRow[]; units: number } {
  const perPlace = spansPlaces(summary) ? UNITS_PER_PLACE : UNITS_ONE_PLACE;
  const rows: TableRow[] = [];
  let units = 0;
  for (const group of summary.unitTable) {
    units += group.units.length;
    const bureau = (row: UnitRow): TableRow => ({ place: group.place, unit: row.name, led: row.led, done: row.done, overdue: row.overdue, quiet: quietText(row.daysSinceReport), collective: false });
    rows.push(...group.units.slice(0, perPlace).map(bureau));
    const collective = group.collective;
    if (collective) rows.push({ place: group.place, unit: collectiveName(collective), led: collective.led, done: collective.done, overdue: collective.overdue, quiet: quietText(collective.daysSinceReport), collective: true });
  }
  return { rows, units };
}

function unitTable(rows: readonly TableRow[], withPlace: boolean): CardElement {
  const columns: TableColumn[] = [
    ...(withPlace ? [{ name: 'place', header: '地区', type: 'text' as const }] : []),
    { name: 'unit', header: '单位', type: 'text' },
    { name: 'led', header: '牵头', type: 'number' },
    { name: 'done', header: '完成', type: 'number' },
    { name: 'overdue', header: '逾期', type: 'number' },
    { name: 'quiet', header: '距上次报告', type: 'text' },
  ];
  return table(
    columns,
    rows.map((row) => ({ ...(withPlace ? { place: row.place } : {}), unit: row.unit, led: row.led, done: row.done, overdue: row.overdue, quiet: row.quiet })),
  );
}

/** What the table leaves out, and where the rest is. */
function tableNote(summary: WeeklySummary, shown: readonly TableRow[], units: number): string {
  const listed = shown.filter((row) => !row.collective).length;
  const which = spansPlaces(summary) ? `按地区分组，每个地区列逾期最多的 ${UNITS_PER_PLACE} 个单位` : `列逾期最多的 ${UNITS_ONE_PLACE} 个单位`;
  const rest = units > listed ? `；共 ${units} 个单位，其余见“${EXPORT_BUTTON}”` : '';
  const collective = shown.some((row) => row.collective) ? '；各镇区、有关单位等统称单位另列一行，不参与排名' : '';
  return `${which}${collective}${rest}`;
}

/**
 * The bars of the picture: by place when the card spans several (each
 * place's tasks), else by unit (the place's bureaus and its collective
 * units as one bar, as in the table).
 */
function chartRowsOf(summary: WeeklySummary): { by: 'unit' | 'place'; rows: ChartRow[] } {
  if (spansPlaces(summary)) return { by: 'place', rows: summary.byPlace.map((place) => ({ name: place.place || '地区未写明', done: place.done, overdue: place.overdue, total: place.tasks })) };
  const group = summary.unitTable[0];
  if (!group) return { by: 'unit', rows: [] };
  const rows: ChartRow[] = group.units.map((row) => ({ name: row.name, done: row.done, overdue: row.overdue, total: row.led }));
  if (group.collective) rows.push({ name: collectiveName(group.collective), done: group.collective.done, overdue: group.collective.overdue, total: group.collective.led });
  return { by: 'unit', rows };
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
  elements.push(...demoNote(summary.demo));
  if (summary.demo) text.push(DEMO_NOTE);
  const totals = totalsLines(summary);
  elements.push(markdown(`**总体情况**\n${totals.join('\n')}`));
  text.push(...totals);
  const changes = changesLines(summary);
  elements.push(markdown(`**本周变化**\n${changes.map(escapeMarkdown).join('\n')}`));
  text.push('本周变化：', ...changes);
  if (options.charts !== false) elements.push(...weeklyChartElements({ ...chartRowsOf(summary), trend: summary.trend }));
  const trendLine = weeklyTrendText(summary.trend);
  if (trendLine) text.push(trendLine);

  // A list names the plan of each task when the card's tasks come from several plans.
  const lineOptions = { showPlan: summary.planCount > 1, allUnits: options.detail === true };
  const list = (heading: string, part: WeeklySummary['red'], buttonLabel: string) => {
    if (part.total === 0) return;
    const lines = part.items.map((item) => itemWords(item, lineOptions));
    const rest = part.total - part.items.length;
    const more = rest > 0 ? `还有 ${rest} 项，点“${buttonLabel}”看全部` : '';
    elements.push(markdown(`**${heading}（${part.total} 项）**\n${part.items.map((item) => itemMarkdown(item, lineOptions)).join('\n')}${more ? `\n${more}` : ''}`));
    text.push(`${heading}（${part.total} 项）：`, ...lines, ...(more ? [more] : []));
  };
  list('🔴 逾期', summary.red, OVERDUE_BUTTON);
  list('🟡 需关注', summary.yellow, ATTENTION_BUTTON);

  const withPlace = spansPlaces(summary);
  const { rows, units } = tableRows(summary);
  if (rows.length > 0) {
    text.push(
      `各单位情况（${withPlace ? '地区 ' : ''}单位 牵头/完成/逾期/距上次报告；${tableNote(summary, rows, units)}）：`,
      ...rows.map((row) => `${withPlace ? `${row.place} ` : ''}${row.unit} ${row.led}/${row.done}/${row.overdue}/${row.quiet.replace(' ', '')}`),
    );
  }
  const scope = { plans: options.scope.planIds, units: options.scope.unitIds };
  const buttons = buttonRow([
    button(OVERDUE_BUTTON, CARD_ACTIONS.weekly_overdue.value(scope), summary.red.total > 0 ? 'primary' : 'default'),
    ...(summary.yellow.total > 0 ? [button(ATTENTION_BUTTON, CARD_ACTIONS.weekly_attention.value(scope))] : []),
    button('我的单位', CARD_ACTIONS.weekly_mine.value({})),
    button(EXPORT_BUTTON, CARD_ACTIONS.weekly_export.value(scope)),
  ]);
  const template = summary.totals.overdue > 0 ? 'orange' : summary.totals.tasks > 0 && summary.yellow.total > 0 ? 'yellow' : 'green';
  // The by-unit table is the card's longest part: as many of its rows as fit, the rest in the exported ledger.
  const render = (shown: number) =>
    card(
      title,
      template,
      [
        ...elements,
        ...(shown > 0 ? [markdown(`**各单位情况**\n<font color='grey'>${escapeMarkdown(tableNote(summary, rows.slice(0, shown), units))}</font>`), unitTable(rows.slice(0, shown), withPlace)] : []),
        ...buttons,
      ],
      subtitle,
    );
  return { card: fitList(rows.length, render), text: text.join('\n') };
}

