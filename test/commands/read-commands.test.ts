/**
 * The read-only slash commands through the real webhook route and the fake
 * Open API, after importing the seeds: each one's answer, each kind of bad
 * input (answered with the usage, never silence), and /help.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { readCard } from '../support/answer-cards.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type Delivery, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_9999aaaabbbbcccc', encryptKey: 'cmd-encrypt-key', verificationToken: 'cmd-verification-token' };

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`read-only commands [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'cmd-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'cmd-secret', fake.url), SEED_ON_EMPTY: '1' });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    /** Sends a message in a one-to-one chat and returns the bot's reply. */
    const send = (text: string) => replyTo(app.url, fake, secrets, { text, chatId: `oc_commands_${provider}` });
    const textOf = (delivery: Delivery) => String(delivery.content.text);

    it('/帮助 lists every command with its alias; /帮助 任务 shows one command’s usage', async () => {
      const help = textOf(await send('/帮助'));
      for (const line of ['/任务 (/task)', '/查找 (/find)', '/逾期 (/overdue)', '/方案 (/plans)']) expect(help).toContain(line);
      expect(textOf(await send('/help task'))).toContain('/任务 #123');
    });

    it('/task #id and /任务 show the task; bad or unknown numbers say what to write', async () => {
      const choice = readCard((await send('第8项是什么')).content);
      const taskId = Number((choice.buttons.find((value) => value.action === 'task_detail') as { taskId: number }).taskId);
      const card = readCard((await send(`/task #${taskId}`)).content);
      expect(card.title).toMatch(/^第8项 /);
      expect(readCard((await send(`／任务 ${taskId}`)).content).title).toBe(card.title);
      expect(textOf(await send('/任务 八'))).toBe('/任务：请写任务编号，例如 #123（任务卡片底部有编号）。\n用法：\n  /任务 #123\n  /task 123');
      expect(readCard((await send('/task #999999')).content).text).toContain('不存在或已从方案中删除');
    });

    it('/find searches titles and requirements; without words it shows the usage', async () => {
      // Title hits first (ZS 8 and JM 13 name PPP in their titles, in plan order), then LY 7, which names it in its requirement.
      expect(readCard((await send('/查找 PPP')).content).tasks).toEqual(['ZS:第8项', 'JM:第13项', 'LY:第7项']);
      expect(textOf(await send('/find'))).toMatch(/^\/查找：请写要查找的关键词。\n用法：/);
    });

    it('/overdue for everyone or one unit; an unknown unit is answered, not guessed', async () => {
      expect(readCard((await send('/逾期')).content).title).toBe('找到 69 项任务');
      expect(readCard((await send('/overdue 市财政局')).content).tasks).toEqual(['ZS:第10项第2条', 'ZS:第20项第1条', 'ZS:第20项第2条', 'JM:第11项', 'JM:第12项', 'JM:第13项', 'JM:第16项']);
      expect(textOf(await send('/逾期 不存在的局'))).toContain('没有找到名为“不存在的局”的单位');
      // With its place, as /绑定 asks users to write it: that city's bureau only.
      expect(readCard((await send('/逾期 中山市 市财政局')).content).tasks).toEqual(['ZS:第10项第2条', 'ZS:第20项第1条', 'ZS:第20项第2条']);
      expect(readCard((await send('/逾期 江门市财政局')).content).tasks).toEqual(['JM:第11项', 'JM:第12项', 'JM:第13项', 'JM:第16项']);
    });

    it('/plans lists the plans; a page that is not a number shows the usage; unknown commands list the real ones', async () => {
      expect(readCard((await send('/方案')).content).title).toBe('共有 5 个分工方案');
      expect(textOf(await send('/plans 第二页'))).toContain('只能写页码');
      const unknown = textOf(await send('/approve #1'));
      expect(unknown).toMatch(/^没有“\/approve”这个命令。/);
      expect(unknown).toContain('/任务 (/task)');
    });
  });
}
