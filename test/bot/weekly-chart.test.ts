/**
 * The weekly card's charts (Card JSON 2.0 `chart`, a VChart spec inside):
 * what they draw from a week's figures, that a card holding them is one
 * Lark takes, and that the spec checker — and so the fake Open API and the
 * console's stand-in — refuses a broken chart with Lark's code while taking
 * the renderer's. The rows are eleven units with counts chosen here; every
 * expected bar is worked out from them by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, markdown, type CardElement } from '../../src/bot/cards/card-parts.js';
import { CARD_REFUSED_CODE, COMPONENTS } from '../../src/bot/cards/spec/card-spec.js';
import { checkCard } from '../../src/bot/cards/spec/check-card.js';
import { CHART_ROWS, chartRows, weeklyChartElements, weeklyTrendText, type ChartRow } from '../../src/bot/cards/weekly-chart.js';
import type { TrendWeek } from '../../src/domain/summaries/weekly-trend.js';
import { startConsoleOpenApi, type ConsoleOpenApi } from '../../src/console/console-open-api.js';
import { ConsoleStore } from '../../src/console/console-store.js';
import { CONSOLE_CHATS } from '../../src/console/console-cast.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';

type Json = Record<string, any>;

/** Eleven units: 市财政局 twice (two places, named alike), two with no tasks of their own. */
const ROWS: ChartRow[] = [
  { name: '市财政局', done: 2, overdue: 5, total: 12 },
  { name: '市发展改革局', done: 1, overdue: 7, total: 9 },
  { name: '市财政局', done: 0, overdue: 5, total: 6 },
  { name: '市民政局', done: 3, overdue: 0, total: 3 },
  { name: '市教育局', done: 0, overdue: 2, total: 4 },
  { name: '市卫生健康局', done: 4, overdue: 1, total: 8 },
  { name: '市自然资源局', done: 0, overdue: 1, total: 1 },
  { name: '中山翠亨新区管理委员会办公室', done: 1, overdue: 3, total: 5 },
  { name: '市审计局', done: 2, overdue: 0, total: 2 },
  { name: '市统计局', done: 1, overdue: 0, total: 1 },
  { name: '市档案馆', done: 0, overdue: 0, total: 0 },
];
const TREND: TrendWeek[] = [
  ['2026-W41', '2026-10-05', 1, 0],
  ['2026-W42', '2026-10-12', 0, 0],
  ['2026-W43', '2026-10-19', 4, 1],
  ['2026-W44', '2026-10-26', 2, 0],
  ['2026-W45', '2026-11-02', 0, 0],
  ['2026-W46', '2026-11-09', 6, 2],
  ['2026-W47', '2026-11-16', 3, 1],
  ['2026-W48', '2026-11-23', 2, 1],
].map(([period, start, reports, closures]) => ({ period: period as string, start: start as string, reports: reports as number, closures: closures as number }));

const charts = () => weeklyChartElements({ by: 'unit', rows: ROWS, trend: TREND }) as Json[];
/** A weekly-like card: a heading, the charts, then the table the charts stand above. */
const weeklyCard = (elements: readonly CardElement[]) =>
  card('督办周报 · 全部方案', 'orange', [markdown('**总体情况**\n任务 51 项'), ...elements, { tag: 'table', columns: [{ name: 'unit', display_name: '单位', data_type: 'text' }], rows: [{ unit: '市财政局' }] }]);

describe('the weekly charts', () => {
  it('rank rows by overdue, then tasks; draw the top eight and sum the rest as 其他', () => {
    const rows = chartRows(ROWS);
    expect(rows).toHaveLength(CHART_ROWS + 1);
    // overdue 7, 5 (12 tasks), 5 (6 tasks), 3, 2, 1 (8 tasks), 1 (1 task), then 0 with 3 tasks.
    expect(rows.map((row) => row.name)).toEqual(['市发展改革局', '市财政局', '市财政局（2）', '中山翠亨新区管理委员会…', '市教育局', '市卫生健康局', '市自然资源局', '市民政局', '其他 2 个']);
    // 其他: 市审计局 2/0/2 and 市统计局 1/0/1; 市档案馆 has no tasks and is not drawn.
    expect(rows.at(-1)).toEqual({ name: '其他 2 个', done: 3, overdue: 0, total: 3 });
  });

  it('stack 已完成, 在办 and 逾期 to each row’s total, colours by meaning', () => {
    const [bars] = charts();
    expect(bars!.tag).toBe('chart');
    const spec = bars!.chart_spec;
    expect(spec).toMatchObject({ type: 'bar', direction: 'horizontal', stack: true, xField: 'count', yField: 'name', seriesField: 'status' });
    expect(spec.title.text).toBe('各单位完成与逾期（项）');
    const values = spec.data[0].values as { name: string; status: string; count: number }[];
    const of = (name: string) => Object.fromEntries(values.filter((value) => value.name === name).map((value) => [value.status, value.count]));
    expect(of('市发展改革局')).toEqual({ 已完成: 1, 在办: 1, 逾期: 7 });
    expect(of('市财政局')).toEqual({ 已完成: 2, 在办: 5, 逾期: 5 });
    expect(of('其他 2 个')).toEqual({ 已完成: 3, 在办: 0, 逾期: 0 });
    expect(spec.color.domain).toEqual(['已完成', '在办', '逾期']);
    expect(spec.color.range[2]).toBe('#f54a45');
    expect(weeklyChartElements({ by: 'place', rows: ROWS, trend: [] })[0]).toMatchObject({ chart_spec: { title: { text: '各地完成与逾期（项）' } } });
  });

  it('draw the trend week by week, the card’s own week as 本周', () => {
    const [, line] = charts();
    const spec = line!.chart_spec;
    expect(spec).toMatchObject({ type: 'line', xField: 'week', yField: 'count', seriesField: 'kind' });
    expect(spec.title.text).toBe('近 8 周进度报告与办结（次）');
    const values = spec.data[0].values as { week: string; kind: string; count: number }[];
    expect(values.filter((value) => value.kind === '进度报告').map((value) => [value.week, value.count])).toEqual([
      ['10/5', 1], ['10/12', 0], ['10/19', 4], ['10/26', 2], ['11/2', 0], ['11/9', 6], ['11/16', 3], ['本周', 2],
    ]);
    expect(values.filter((value) => value.kind === '办结').map((value) => value.count)).toEqual([0, 0, 1, 0, 0, 2, 1, 1]);
    expect(weeklyTrendText(TREND)).toBe('近 8 周进度报告/办结：10/5 1/0，10/12 0/0，10/19 4/1，10/26 2/0，11/2 0/0，11/9 6/2，11/16 3/1，本周 2/1');
  });

  it('keep the data small: a few dozen points, a few kilobytes', () => {
    const points = charts().reduce((sum, chart) => sum + chart.chart_spec.data[0].values.length, 0);
    expect(points).toBe((CHART_ROWS + 1) * 3 + 8 * 2);
    expect(Buffer.byteLength(JSON.stringify(charts()))).toBeLessThan(4_000);
  });

  it('leave out a chart with nothing to draw', () => {
    expect(weeklyChartElements({ by: 'unit', rows: [], trend: [] })).toEqual([]);
    expect(weeklyChartElements({ by: 'unit', rows: [{ name: '市档案馆', done: 0, overdue: 0, total: 0 }], trend: TREND }).map((chart) => chart.element_id)).toEqual(['weekly_chart_trend']);
  });

  it('make a card Lark takes, the table still below them', () => {
    const built = weeklyCard(charts());
    expect(checkCard(built)).toEqual([]);
    const tags = (built.body as Json).elements.map((element: Json) => element.tag);
    expect(tags).toEqual(['markdown', 'chart', 'chart', 'table']);
  });
});

/** The renderer's chart with one change. */
function broken(change: (chart: Json) => void): Json {
  const chart = structuredClone(charts()[0]!);
  change(chart);
  return chart;
}

const BROKEN: { name: string; chart: Json; path: RegExp }[] = [
  { name: 'no chart_spec', chart: broken((c) => delete c.chart_spec), path: /\.chart_spec$/ },
  { name: 'a chart_spec that is a string', chart: broken((c) => (c.chart_spec = JSON.stringify(c.chart_spec))), path: /\.chart_spec$/ },
  { name: 'an aspect ratio Lark does not offer', chart: broken((c) => (c.aspect_ratio = '3:1')), path: /\.aspect_ratio$/ },
  { name: 'a height over 999px', chart: broken((c) => (c.height = '1000px')), path: /\.height$/ },
  { name: 'a colour theme outside the enum', chart: broken((c) => (c.color_theme = 'dark')), path: /\.color_theme$/ },
  { name: 'a property the chart does not take', chart: broken((c) => (c.width = 'fill')), path: /\.width$/ },
  { name: 'a spec with no chart type', chart: broken((c) => delete c.chart_spec.type), path: /\.chart_spec\.type$/ },
  { name: 'a spec with no data', chart: broken((c) => (c.chart_spec.data = [{ id: 'rows', values: [] }])), path: /\.chart_spec\.data$/ },
  { name: 'an axis field the data does not have', chart: broken((c) => (c.chart_spec.xField = 'value')), path: /\.chart_spec\.xField$/ },
  { name: 'JavaScript in the spec', chart: broken((c) => (c.chart_spec.label = { visible: true, formatMethod: (text: string) => `${text}项` })), path: /\.label\.formatMethod$/ },
  { name: 'a texture the mobile client cannot draw', chart: broken((c) => (c.chart_spec.bar = { style: { texture: 'circle' } })), path: /\.bar\.style\.texture$/ },
];

describe('the spec checker knows the chart element', () => {
  it('names the page it came from', () => {
    expect(COMPONENTS.chart!.page).toMatch(/content-components\/chart$/);
  });

  it.each(BROKEN)('refuses $name', ({ chart, path }) => {
    const problems = checkCard(weeklyCard([chart]));
    expect(problems.map((found) => found.path).some((found) => path.test(found)), JSON.stringify(problems)).toBe(true);
    expect(problems.every((found) => found.code === CARD_REFUSED_CODE && found.zh && found.en)).toBe(true);
  });

  it('takes five charts in a card, and refuses a sixth', () => {
    const five = Array.from({ length: 5 }, (_, index) => ({ ...charts()[index % 2]!, element_id: `chart_${index}` }));
    expect(checkCard(weeklyCard(five))).toEqual([]);
    const six = [...five, { ...charts()[0]!, element_id: 'chart_5' }];
    expect(checkCard(weeklyCard(six)).map((found) => found.en)).toEqual(['card holds 6 charts, over the 5 Lark recommends']);
  });

  it('takes a series’ own data, and a fixed height', () => {
    const spec = { type: 'common', series: [{ type: 'bar', data: { id: 'a', values: [{ x: '甲', y: 1 }] }, xField: 'x', yField: 'y' }] };
    expect(checkCard(weeklyCard([{ tag: 'chart', chart_spec: spec, height: '240px', preview: false }]))).toEqual([]);
    const wrong = { ...spec, series: [{ ...spec.series[0], yField: 'z' }] };
    expect(checkCard(weeklyCard([{ tag: 'chart', chart_spec: wrong }])).map((found) => found.path)).toEqual(['body.elements[1].chart_spec.series[0].yField']);
  });

  describe('so the fake Open API and the console’s stand-in take the renderer’s chart and refuse a broken one', () => {
    let fake: FakeLark;
    let consoleApi: ConsoleOpenApi;
    beforeAll(async () => {
      fake = await startFakeLark({ appId: 'cli_charts', appSecret: 'charts-secret' });
      consoleApi = await startConsoleOpenApi(new ConsoleStore());
    });
    afterAll(async () => {
      await fake?.close();
      await consoleApi?.close();
    });

    async function token(base: string, appId: string, appSecret: string): Promise<string> {
      const answer = await fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ app_id: appId, app_secret: appSecret }) });
      return ((await answer.json()) as { tenant_access_token: string }).tenant_access_token;
    }
    async function send(base: string, bearer: string, receiveId: string, content: Json) {
      const answer = await fetch(`${base}/open-apis/im/v1/messages?receive_id_type=chat_id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ receive_id: receiveId, msg_type: 'interactive', content: JSON.stringify(content) }),
      });
      return { status: answer.status, body: (await answer.json()) as { code: number; msg: string } };
    }

    it('in both', async () => {
      const good = weeklyCard(charts());
      const bad = weeklyCard([BROKEN.find((entry) => entry.name === 'an axis field the data does not have')!.chart]);
      const fakeToken = await token(fake.url, 'cli_charts', 'charts-secret');
      expect((await send(fake.url, fakeToken, 'oc_charts', good)).body.code).toBe(0);
      const refused = await send(fake.url, fakeToken, 'oc_charts', bad);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(CARD_REFUSED_CODE);
      expect(refused.body.msg).toContain('xField "value" is not a field of the data');

      const consoleToken = await token(consoleApi.url, consoleApi.app.appId, consoleApi.app.appSecret);
      const chat = CONSOLE_CHATS[0]!.chatId;
      expect((await send(consoleApi.url, consoleToken, chat, good)).body.code).toBe(0);
      expect((await send(consoleApi.url, consoleToken, chat, bad)).body.code).toBe(CARD_REFUSED_CODE);
    });
  });
});
