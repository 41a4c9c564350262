/**
 * The weekly card's pictures, as Card JSON 2.0 `chart` elements (图表组件,
 * open.feishu.cn …/feishu-cards/card-json-v2-components/content-components/chart):
 * `{ tag: 'chart', chart_spec: <a VChart spec>, aspect_ratio: '1:1' | '2:1' |
 * '4:3' | '16:9', color_theme?, preview?, height?: 'auto' | '[1,999]px' }`,
 * no JavaScript in the spec, at most five charts to a card (the page's
 * advice), checked by spec/check-card.ts. Two charts:
 *  - completion and overdue by unit or by place: a stacked bar per row
 *    (已完成 / 在办 / 逾期), the top CHART_ROWS rows and one 其他 row;
 *  - the week-on-week trend of progress reports and closures (weekly-trend.ts).
 * A few dozen points in all. The charts go above the card's table, never
 * in its place: Card JSON 2.0 has no fallback field ("JSON 2.0 版本暂不支持
 * 使用 fallback 字段"), and a client older than 7.20 shows the card's title
 * and an upgrade notice instead of the body, so the text twin — which keeps
 * the table's rows — is what stands in where a card cannot be shown. Pure.
 */
import type { TrendWeek } from '../../domain/summaries/weekly-trend.js';
import { clip, type CardElement } from './card-parts.js';

/** One bar: a unit's (or a place's) tasks, how many are done and how many overdue. */
export interface ChartRow {
  name: string;
  done: number;
  overdue: number;
  /** All its tasks: done, overdue and the rest. */
  total: number;
}

/** What the charts are drawn from. */
export interface WeeklyChartInput {
  /** Whether the rows are units or places (the bar chart's title says which). */
  by: 'unit' | 'place';
  rows: readonly ChartRow[];
  /** Oldest week first; the last is the card's own week (drawn as 本周). */
  trend: readonly TrendWeek[];
}

/** Rows drawn by name before the rest are summed into 其他. */
export const CHART_ROWS = 8;
/** Longest row name on the axis; the table below has the whole name. */
export const CHART_NAME_CHARS = 12;

/** The bar chart's stacks, bottom first, with their colours (green done, grey still open, not overdue, red overdue). */
const STACKS = [
  { key: '已完成', color: '#34c724' },
  { key: '在办', color: '#8f959e' },
  { key: '逾期', color: '#f54a45' },
] as const;
const TREND_SERIES = [
  { key: '进度报告', color: '#3370ff' },
  { key: '办结', color: '#34c724' },
] as const;

const colors = (series: readonly { key: string; color: string }[]) => ({ type: 'ordinal', domain: series.map((one) => one.key), range: series.map((one) => one.color) });

/**
 * The rows the bar chart draws: those with tasks, most overdue first (then
 * most tasks), the top CHART_ROWS by name and the rest summed as 其他. A
 * name met twice (one bureau in two places, named without its place) is
 * told apart with "（2）", so the bars are not merged.
 */
export function chartRows(rows: readonly ChartRow[]): ChartRow[] {
  const ranked = rows.filter((row) => row.total > 0).sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  const top = ranked.slice(0, CHART_ROWS);
  const rest = ranked.slice(CHART_ROWS);
  const seen = new Map<string, number>();
  const named = top.map((row) => {
    const name = clip(row.name, CHART_NAME_CHARS);
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    return { ...row, name: times === 1 ? name : `${name}（${times}）` };
  });
  if (rest.length === 0) return named;
  const other = rest.reduce((sum, row) => ({ ...sum, done: sum.done + row.done, overdue: sum.overdue + row.overdue, total: sum.total + row.total }), { name: `其他 ${rest.length} 个`, done: 0, overdue: 0, total: 0 });
  return [...named, other];
}

/** The bar chart of completion and overdue; null when no row has tasks. */
function progressChart(input: WeeklyChartInput): CardElement | null {
  const rows = chartRows(input.rows);
  if (rows.length === 0) return null;
  const values = rows.flatMap((row) => {
    const counts = { 已完成: row.done, 逾期: row.overdue, 在办: Math.max(0, row.total - row.done - row.overdue) };
    return STACKS.map((stack) => ({ name: row.name, status: stack.key, count: counts[stack.key] }));
  });
  return {
    tag: 'chart',
    element_id: 'weekly_chart_rows',
    aspect_ratio: rows.length > 5 ? '4:3' : '2:1',
    chart_spec: {
      type: 'bar',
      direction: 'horizontal',
      title: { visible: true, text: input.by === 'place' ? '各地完成与逾期（项）' : '各单位完成与逾期（项）' },
      data: [{ id: 'rows', values }],
      xField: 'count',
      yField: 'name',
      seriesField: 'status',
      stack: true,
      color: colors(STACKS),
      axes: [
        { orient: 'left', type: 'band' },
        { orient: 'bottom', type: 'linear' },
      ],
      legends: { visible: true, orient: 'bottom' },
    },
  };
}

/** "10/5" for a week's Monday; the card's own week is 本周. */
function weekLabel(week: TrendWeek, last: boolean): string {
  return last ? '本周' : `${Number(week.start.slice(5, 7))}/${Number(week.start.slice(8, 10))}`;
}

/** The line chart of reports and closures per week; null without weeks. */
function trendChart(trend: readonly TrendWeek[]): CardElement | null {
  if (trend.length === 0) return null;
  const values = trend.flatMap((week, index) => {
    const label = weekLabel(week, index === trend.length - 1);
    return [
      { week: label, kind: '进度报告', count: week.reports },
      { week: label, kind: '办结', count: week.closures },
    ];
  });
  return {
    tag: 'chart',
    element_id: 'weekly_chart_trend',
    aspect_ratio: '2:1',
    chart_spec: {
      type: 'line',
      title: { visible: true, text: `近 ${trend.length} 周进度报告与办结（次）` },
      data: [{ id: 'trend', values }],
      xField: 'week',
      yField: 'count',
      seriesField: 'kind',
      point: { visible: true },
      color: colors(TREND_SERIES),
      axes: [
        { orient: 'bottom', type: 'band' },
        { orient: 'left', type: 'linear' },
      ],
      legends: { visible: true, orient: 'bottom' },
    },
  };
}

/**
 * The weekly card's charts, to go above its by-unit table: completion and
 * overdue by row, then the trend (each left out when it has nothing to draw).
 */
export function weeklyChartElements(input: WeeklyChartInput): CardElement[] {
  return [progressChart(input), trendChart(input.trend)].filter((element): element is CardElement => element !== null);
}

/** The trend as one line for the card's text twin: "近 8 周进度报告/办结：10/5 1/0，…，本周 2/1". */
export function weeklyTrendText(trend: readonly TrendWeek[]): string {
  if (trend.length === 0) return '';
  return `近 ${trend.length} 周进度报告/办结：${trend.map((week, index) => `${weekLabel(week, index === trend.length - 1)} ${week.reports}/${week.closures}`).join('，')}`;
}
