/**
 * The weekly card's charts drawn by the console page in a real browser
 * (Debian's chromium, playwright-core): over the seed plans, with progress
 * reports and closures written in the last eight weeks, the card (its
 * picture by place, the seeds spanning several places) goes to
 * the group through the bot's outbox and the console's Open API (which
 * checks it as Lark would); the page draws both charts with VChart above
 * the by-unit table, in pixels of the charts' own colours. A chart the page
 * cannot draw (a type VChart lacks; VChart not reachable) shows the
 * labelled placeholder, and the table is still there. Screenshots go to test/artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card } from '../../src/bot/cards/card-parts.js';
import { weeklyChartElements } from '../../src/bot/cards/weekly-chart.js';
import { renderWeeklyCard } from '../../src/bot/cards/weekly-card.js';
import { enqueueOutgoing } from '../../src/bot/outgoing.js';
import { ALL } from '../../src/bot/summary-scope.js';
import { GROUP_CHAT } from '../../src/console/console-cast.js';
import { QuestionCatalog } from '../../src/domain/questions/question-catalog.js';
import { tasksInScope, weeklySummary } from '../../src/domain/summaries/weekly-summary.js';
import { weekOf } from '../../src/domain/summaries/weekly-schedule.js';
import { dayIn } from '../../src/lib/dates.js';
import { SCHEDULER_TIME, startTestApp, type TestApp } from '../support/app.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
const ZONE = 'Asia/Shanghai';
/** Reports and closures written in each of the eight weeks up to the app's clock (Monday 2026-11-23 08:00, Beijing). */
const REPORTS = [1, 0, 3, 2, 0, 4, 2, 1];
const CLOSURES = [0, 0, 1, 0, 0, 2, 1, 0];

type Json = Record<string, any>;

describe.skipIf(!hasChromium)(`the weekly card's charts in the console${hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`}`, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let weekly: { card: Json; text: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp('sqlite', { CONSOLE: '1', SEED_ON_EMPTY: '1' });
    // Progress on the seeds' tasks: a report on a Tuesday of each week (the last week's on its Monday, before the clock), closures beside them.
    const tasks = tasksInScope(await app.catalog.current(), ALL);
    const firstMonday = weekOf('2026-10-05', ZONE);
    let next = 0;
    await app.db.transaction(async (repos) => {
      for (const [week, reports] of REPORTS.entries()) {
        const day = new Date(firstMonday.startsAt.getTime() + (week * 7 + (week === 7 ? 0 : 1)) * 86_400_000 + 3_600_000);
        for (let n = 0; n < reports; n++) await repos.progress.append({ taskId: tasks[next++]!.id, percent: 40, status: 'in_progress', actor: 'ou_console_liaison', at: day });
        for (let n = 0; n < CLOSURES[week]!; n++) await repos.progress.append({ taskId: tasks[next++]!.id, percent: 100, status: 'done', actor: 'ou_console_supervisor', at: day });
      }
    });
    // The week's card as the console's 立即发送周报 makes it, with the charts above the by-unit table.
    const now = SCHEDULER_TIME;
    const today = dayIn(ZONE, now);
    const week = weekOf(today, ZONE);
    // A catalog read after the writes (the app's own trusts its last read for a few seconds).
    const catalog = await new QuestionCatalog(app.db).current();
    const summary = await weeklySummary({ catalog, repos: app.db.repos, scope: ALL, week, today, now, timeZone: ZONE });
    expect(summary.trend.map((one) => [one.reports, one.closures])).toEqual(REPORTS.map((reports, index) => [reports, CLOSURES[index]]));
    expect(summary.totals.done).toBe(CLOSURES.reduce((sum, n) => sum + n, 0));
    // The seeds span several places: the picture is by place.
    expect(summary.byPlace.length).toBeGreaterThan(1);
    weekly = renderWeeklyCard(summary, { scope: ALL }) as { card: Json; text: string };
    // Where a card cannot be shown, the text twin has the trend in words.
    expect(weekly.text).toContain(`本周 ${REPORTS.at(-1)}/${CLOSURES.at(-1)}`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Sends the week's card to the group through the bot's outbox, as a weekly card goes. */
  async function sendWeekly(cause: string): Promise<void> {
    await app.db.transaction((repos) => enqueueOutgoing(repos, cause, [{ kind: 'send', receiveIdType: 'chat_id', receiveId: GROUP_CHAT.chatId, msgType: 'interactive', card: weekly.card, fallbackText: weekly.text }]));
    app.lark!.sender.wake();
  }

  /** The newest weekly card in the open chat. */
  const weeklyCard = (): Locator => page.locator('.message.from-bot').filter({ has: page.locator('.card-title', { hasText: '督办周报' }) }).last();

  /** Pixels of a chart's canvas close to `colour` ('#rrggbb'), in its top `share` (1: all; less leaves out the legend below). */
  async function pixelsNear(chart: Locator, colour: string, share = 1): Promise<number> {
    return chart.evaluate((node, [hex, part]) => {
      const want = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
      let found = 0;
      for (const canvas of node.querySelectorAll('canvas')) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const data = context.getImageData(0, 0, canvas.width, Math.floor(canvas.height * part)).data;
        for (let at = 0; at < data.length; at += 4) {
          if (data[at + 3]! > 200 && want.every((value, index) => Math.abs(data[at + index]! - value) < 24)) found++;
        }
      }
      return found;
    }, [colour, share] as const);
  }

  it('draws completion by place and the eight-week trend above the table, in their colours', async () => {
    await page.goto(`${app.url}/`);
    await sendWeekly('weekly-chart-test-1');
    const card = weeklyCard();
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(() => card.locator('.card-chart[data-chart="drawn"]').count(), { timeout: 60_000 }).toBe(2);
    const [bars, line] = [card.locator('.card-chart').nth(0), card.locator('.card-chart').nth(1)];

    // Every dated seed task is overdue in 2026: red bars; the four closures made four tasks done: green ones
    // (above the legend, whose marks have the same colours); the trend's reports and closures in blue and green.
    expect(await pixelsNear(bars, '#f54a45', 0.85)).toBeGreaterThan(500);
    expect(await pixelsNear(bars, '#34c724', 0.85)).toBeGreaterThan(50);
    expect(await pixelsNear(line, '#3370ff', 0.85)).toBeGreaterThan(100);
    expect(await pixelsNear(line, '#34c724', 0.85)).toBeGreaterThan(50);
    // The chart adds to the card: the table stays, below the charts.
    const order = await card.evaluate((node) => [...node.querySelectorAll('.card-chart, .card-table')].map((found) => found.className));
    expect(order).toEqual(['card-chart', 'card-chart', 'card-table']);
    expect(await card.locator('.card-unsupported').count()).toBe(0);

    // The card's top, charts included, for the README.
    await card.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    const top = (await card.boundingBox())!;
    const bottom = (await line.boundingBox())!;
    await page.screenshot({ path: `${ARTIFACTS}console-weekly-chart.png`, clip: { x: top.x, y: top.y, width: top.width, height: Math.min(bottom.y + bottom.height + 12 - top.y, 1000) } });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a chart VChart refuses to draw is a labelled placeholder beside the charts it draws', async () => {
    // A chart type VChart does not have: Lark's fields are right, so the console's stand-in takes the card.
    const [good] = weeklyChartElements({ by: 'unit', rows: [{ name: '市财政局', done: 1, overdue: 2, total: 5 }], trend: [] });
    const odd = { tag: 'chart', chart_spec: { type: 'pyramid', title: { text: '金字塔' }, data: { values: [{ x: '甲', y: 1 }] }, xField: 'x', yField: 'y' } };
    const mixed = card('图表测试', 'blue', [good!, odd]);
    await app.db.transaction((repos) => enqueueOutgoing(repos, 'weekly-chart-test-odd', [{ kind: 'send', receiveIdType: 'chat_id', receiveId: GROUP_CHAT.chatId, msgType: 'interactive', card: mixed, fallbackText: '图表测试' }]));
    app.lark!.sender.wake();
    const sent = page.locator('.message.from-bot').filter({ has: page.locator('.card-title', { hasText: '图表测试' }) }).last();
    await sent.waitFor({ timeout: 30_000 });
    await expect.poll(() => sent.locator('[data-chart="failed"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await sent.locator('[data-chart="failed"]').textContent()).toBe('［控制台未能绘制的图表：金字塔（init chart fail）］');
    await expect.poll(() => sent.locator('.card-chart[data-chart="drawn"]').count(), { timeout: 30_000 }).toBe(1);
  }, 120_000);

  it('a chart the page cannot draw is a labelled placeholder, and the table stays', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await fresh.route('**/console/assets/vchart.js', (route) => route.abort());
    await fresh.goto(`${app.url}/`);
    await sendWeekly('weekly-chart-test-2');
    const card = fresh.locator('.message.from-bot').filter({ has: fresh.locator('.card-title', { hasText: '督办周报' }) }).last();
    await card.waitFor({ timeout: 30_000 });
    const failed = card.locator('[data-chart="failed"]');
    await expect.poll(() => failed.count(), { timeout: 30_000 }).toBe(2);
    expect(await failed.first().textContent()).toBe('［控制台未能绘制的图表：各地完成与逾期（项）（VChart 无法下载）］');
    expect(await card.locator('.card-table').count()).toBe(1);
    await fresh.close();
  }, 120_000);
});
