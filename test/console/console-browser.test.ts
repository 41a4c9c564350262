/**
 * The local console in a real browser (Debian's chromium driven by
 * playwright-core): a liaison of 中山市 市财政局 asks "市财政局负责什么",
 * opens a task from the answer card, reports 60% with a note through the
 * card's own form, sees the card redrawn, and finds the change in /任务.
 * Screenshots go to test/artifacts/ (not committed).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(`local console in chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`}`, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp('sqlite', { CONSOLE: '1', SEED_ON_EMPTY: '1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The bot's messages in the open chat. */
  const botMessages = () => page.locator('.message.from-bot');

  /** Types a message and sends it with Enter. */
  async function say(text: string) {
    await page.locator('#text').fill(text);
    await page.locator('#text').press('Enter');
  }

  /** The newest bot card whose title contains `title`. */
  function cardTitled(title: string | RegExp): Locator {
    return botMessages().filter({ has: page.locator('.card-title', { hasText: title }) }).last();
  }

  it('a liaison asks, opens a task, reports 60% in the card, and /任务 shows it', async () => {
    await page.goto(`${app.url}/`);
    // The group greets with the bot's introduction, through the same outbox as a real chat.
    await expect.poll(() => botMessages().first().textContent(), { timeout: 15_000 }).toContain('我是督办助手');
    await page.locator('#person').selectOption('ou_console_liaison');

    await say('市财政局负责什么');
    const answer = cardTitled(/找到 \d+ 项任务/);
    await answer.waitFor({ timeout: 15_000 });
    const answerText = (await answer.textContent()) ?? '';
    expect(answerText).toContain('我的理解：按单位：市财政局');
    expect(answerText).toContain('牵头：市财政局');
    // The question and the top of its answer, for the screenshot.
    await page.locator('.message.mine').last().evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ARTIFACTS}console-answer.png` });

    // Open the first task of 中山's plan (the liaison's city) from the answer card.
    const zhongshanItem = answer.locator('.card-markdown', { hasText: '中山市' }).first();
    await zhongshanItem.waitFor();
    await answer.locator('.card-button', { hasText: '详情' }).first().click();
    const opened = botMessages().filter({ has: page.locator('.card-button', { hasText: '更新进度' }) }).last();
    await opened.waitFor({ timeout: 15_000 });
    // Held by its message id: the card keeps its place while its content changes.
    const taskCard = page.locator(`[data-message-id="${await opened.getAttribute('data-message-id')}"]`);
    const subtitle = (await taskCard.locator('.card-subtitle').textContent()) ?? '';
    const taskId = /#(\d+)/.exec(subtitle)?.[1];
    expect(taskId).toBeDefined();
    expect(await taskCard.textContent()).toContain('未开始 0%');

    // 更新进度 opens the form inside the same card; submit 60% with a note.
    await taskCard.locator('.card-button', { hasText: '更新进度' }).click();
    const form = taskCard.locator('form.card-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('select[name="percent"]').selectOption('60');
    await form.locator('input[name="note"]').fill('已完成初稿，正在征求意见');
    await form.locator('.card-button', { hasText: '提交' }).click();

    // The card is redrawn in place with the new state, and the toast says so.
    await expect.poll(() => taskCard.textContent(), { timeout: 10_000 }).toContain('60%');
    expect(await taskCard.locator('form.card-form').count()).toBe(0);
    expect(await taskCard.textContent()).toContain('已完成初稿，正在征求意见');
    await expect.poll(() => page.locator('#toast').textContent()).toContain('已记录：进行中 60%');

    // /任务 shows the same state, read again from the database.
    await say(`/任务 #${taskId}`);
    const fresh = botMessages().filter({ has: page.locator('.card-subtitle', { hasText: `#${taskId}` }) });
    await expect.poll(() => fresh.count(), { timeout: 10_000 }).toBe(2);
    const latest = (await fresh.last().textContent()) ?? '';
    expect(latest).toContain('60%');
    expect(latest).toContain('已完成初稿，正在征求意见');
    await page.screenshot({ path: `${ARTIFACTS}console-progress.png` });

    // And the database holds the report, by the liaison, with its audit record.
    const history = await app.db.repos.progress.history(Number(taskId));
    expect(history[0]).toMatchObject({ percent: 60, note: '已完成初稿，正在征求意见', actor: 'ou_console_liaison' });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
