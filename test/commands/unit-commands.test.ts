/**
 * /我的, /到期, /单位, /解绑 and /别名 through the real webhook route and the
 * fake Open API: each one's answer, its bad input, and its refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/lib/dates.js';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { tasksFromDatabase } from '../support/tasks-from-rows.js';

const secrets: ConsoleSecrets = { appId: 'cli_un1tun1tun1tun1t', encryptKey: 'units-encrypt-key', verificationToken: 'units-verification-token' };
const ADMIN = 'ou_unitsadmin';
const LIAISON = 'ou_financezs2';
const TIME_ZONE = 'Asia/Shanghai';

/** `days` after today, as 'YYYY-MM-DD'. */
function daysAhead(days: number): string {
  const today = new Date(`${dayIn(TIME_ZONE)}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`unit and liaison commands [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const chatId = `oc_units_${provider}`;
    /** Two 中山市 市财政局 tasks due in 5 and 20 days, a 临沂市 task due in 3. */
    let soon: number, later: number, elsewhere: number;

    /** The tasks a unit takes part in and leads, counted from the rows as every count means a task (work items, inherited units). */
    const taskCountsOf = async (unitId: number) => {
      const mine = (await tasksFromDatabase(app.db)).filter((task) => task.units.some((link) => link.unitId === unitId));
      return { total: mine.length, lead: mine.filter((task) => task.units.some((link) => link.unitId === unitId && link.role === 'lead')).length };
    };

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'units-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'units-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN, BOT_TIMEZONE: TIME_ZONE });
      const { repos } = app.db;
      const finance = (await repos.units.findByName('中山市', '市财政局'))!;
      await repos.people.grant({ personId: (await repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: finance.id, state: 'active', grantedBy: ADMIN });
      const plans = await repos.plans.list();
      const zs = await repos.tasks.listByPlan(plans.find((plan) => plan.title.includes('中山市贯彻落实'))!.id);
      const [first, second] = zs.filter((task) => task.units.some((link) => link.unitId === finance.id));
      const ly = await repos.tasks.listByPlan(plans.find((plan) => plan.title.includes('临沂'))!.id);
      [soon, later, elsewhere] = [first!.id, second!.id, ly.find((task) => task.key === '12')!.id];
      for (const [id, days] of [[soon, 5], [later, 20], [elsewhere, 3]] as const) {
        await repos.tasks.replaceDeadlines(id, [{ raw: `${daysAhead(days)}前完成`, kind: 'date', dueOn: daysAhead(days), recurrence: null }]);
        await repos.tasks.setState(id, { status: 'in_progress', percent: 10, lastReportAt: new Date() });
      }
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const reply = (text: string, sender = 'ou_member', extra: { mention?: { openId: string; name: string } } = {}) =>
      replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId, ...extra });
    const send = async (text: string, sender?: string, extra?: { mention?: { openId: string; name: string } }) => String((await reply(text, sender, extra)).content.text);
    const shownIds = async (text: string, sender?: string) =>
      readCard((await reply(text, sender)).content).buttons.filter((value) => value.action === 'task_detail').map((value) => Number(value.taskId));

    it('/到期 lists unfinished tasks due within N days, soonest first, for everyone or one unit', async () => {
      const ids = await shownIds('/到期');
      expect(ids.filter((id) => [soon, later, elsewhere].includes(id))).toEqual([elsewhere, soon]);
      expect(await shownIds('/到期 30 市财政局')).toEqual([soon, later]);
      const card = readCard((await reply('/due 30 市财政局')).content);
      expect(card.text).toContain('状态：30 天内到期');
      expect(card.text).toContain('最紧迫的在前');
      const usage = '用法：\n  /到期 30\n  /到期 7 市财政局\n  /due 60';
      expect(await send('/到期 0')).toBe(`/到期：天数应在 1 到 366 之间。\n${usage}`);
      expect(await send('/到期 30 财政部门')).toBe('没有找到名为“财政部门”的单位。你是不是要找：市财政局、区财政局、有关部门？请写单位全称或常用简称，例如“/到期 30 市财政局”。');
      // One character off a real name is read as that unit, and the card says so.
      expect(readCard((await reply('/到期 30 市财务局')).content).text).toContain('按“市财务局”近似匹配');
    });

    it('/我的 lists the caller’s units’ tasks, most urgent first; without a unit it says how to get one', async () => {
      expect(await send('/我的')).toBe('你还不是任何单位的联络员，所以没有“我的任务”。发送 /绑定 单位名称 申请成为联络员；也可以直接问“市财政局负责什么”。');
      const card = readCard((await reply('/我的', LIAISON)).content);
      const finance = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      const counts = await taskCountsOf(finance.id);
      expect(card.title).toBe(`找到 ${counts.total} 项任务`);
      expect(card.text).toContain('按单位：市财政局（中山市）；最紧迫的在前');
      expect(await send('/mine 市财政局', LIAISON)).toContain('/我的：这个命令不需要参数');
    });

    it('/单位 lists jurisdictions, a jurisdiction’s units with their task counts, or units by keyword', async () => {
      const all = await send('/单位');
      expect(all).toMatch(/^方案中共有 \d+ 个单位：\n/);
      for (const city of ['中山市', '临沂市', '江门市']) expect(all).toMatch(new RegExp(`${city}：\\d+ 个单位`));
      const finance = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      const counts = await taskCountsOf(finance.id);
      expect(counts.total).toBeGreaterThan(0);
      expect(await send('/单位 中山市')).toContain(`\n市财政局：${counts.total} 项任务（牵头 ${counts.lead} 项）`);
      expect(await send('/units 财政')).toContain(`中山市 市财政局：${counts.total} 项任务`);
      expect(await send('/单位 宇宙飞船')).toBe('没有名称或地区包含“宇宙飞船”的单位。发送 /单位 查看全部地区。');
    });

    it('/解绑 ends one’s own liaison role, or — for an administrator — someone else’s; others may not', async () => {
      expect(await send('/解绑')).toBe('你目前不是任何单位的联络员。');
      const other = 'ou_financezs3';
      const finance = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      await app.db.repos.people.grant({ personId: (await app.db.repos.people.upsert(other)).id, role: 'liaison', unitId: finance.id, state: 'active' });
      const mention = { openId: other, name: '张三' };
      expect(await send('/解绑 @_user_1 中山市 市财政局', LIAISON, { mention })).toBe('只有管理员可以解除他人的联络员身份。');
      expect(await send('/解绑 @_user_1 中山市 市财政局', ADMIN, { mention })).toBe('已解除 张三 作为中山市市财政局的联络员的身份。');
      expect(await send('/解绑', LIAISON)).toBe('你已不再是中山市市财政局的联络员。');
      expect(await send('/解绑', LIAISON)).toBe('你目前不是任何单位的联络员。');
      expect(await app.db.repos.audit.count('grant.revoke')).toBe(2);
      expect(await send(`/进度 #${soon} 50% 继续推进`, LIAISON)).toBe('/进度 只有单位联络员或管理员可以使用。发送 /绑定 单位名称 申请成为联络员。');
    });

    it('/别名 (administrators) adds a name questions then understand; names of other units and bad input are refused', async () => {
      expect(await send('/别名 市财办 = 中山市 市财政局')).toBe('/别名 只有管理员可以使用。如需使用，请联系管理员。');
      const usage = '用法：\n  /别名 市发改局 = 市发展改革局\n  /别名 中山市 市发改委 = 中山市 市发展改革局';
      expect(await send('/别名 市财办', ADMIN)).toBe(`/别名：请写“别名 = 单位全称”，例如 /别名 市发改局 = 市发展改革局。\n${usage}`);
      expect(await send('/别名 市财办 = 市宇宙局', ADMIN)).toBe('没有找到名为“市宇宙局”的单位。请写单位全称，例如“/绑定 市财政局”。');
      expect(await send('/别名 市发展改革局 = 中山市 市财政局', ADMIN)).toBe('在中山市，“市发展改革局”已经指市发展改革局，不能再作为市财政局的别名。');
      expect(await send('/别名 临沂市 市财办 = 中山市 市财政局', ADMIN)).toBe('别名和单位应在同一地区：“临沂市”与中山市市财政局不同。');
      expect(await app.db.repos.audit.count('alias.add')).toBe(0);

      expect(await send('/别名 市财办 = 中山市 市财政局', ADMIN)).toBe('已添加：在中山市，“市财办”也指市财政局。');
      expect(await send('/别名 市财办 = 中山市 市财政局', ADMIN)).toBe('“市财办”已经是中山市市财政局的别名了。');
      expect(await app.db.repos.audit.count('alias.add')).toBe(1);
      expect(readCard((await reply('市财办负责什么')).content).text).toContain('按单位：市财政局（中山市）');
    });
  });
}
