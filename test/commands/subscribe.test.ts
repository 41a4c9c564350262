/**
 * Weekly cards from chat, through the real webhook route and the fake Open
 * API: /订阅 in a group by a supervisor (day, time, plan), refused to others
 * and outside groups; the settings card's form; /周报's preview, whose
 * numbers match the database; the card's buttons (overdue list in the
 * chat, personal list and ledger one-to-one); /退订.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../src/lib/dates.js';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';
import { isOverdue, tasksFromDatabase } from '../support/tasks-from-rows.js';

const secrets: ConsoleSecrets = { appId: 'cli_weeklyweeklyweek', encryptKey: 'weekly-encrypt-key', verificationToken: 'weekly-verification-token' };
const ADMIN = 'ou_weeklyadmin';
const SUPERVISOR = 'ou_weeklysupervisor';
const LIAISON = 'ou_weeklyliaison';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/订阅 and the weekly card [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let linyi: { id: number; title: string };
    let zhongshan: { id: number; title: string };
    const group = `oc_weekly_group_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'weekly-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'weekly-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
      const repos = app.db.repos;
      await repos.people.grant({ personId: (await repos.people.upsert(SUPERVISOR)).id, role: 'supervisor', state: 'active', grantedBy: ADMIN });
      const unit = (await repos.units.findByName('临沂市', '市财政局'))!;
      await repos.people.grant({ personId: (await repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: unit.id, state: 'active', grantedBy: ADMIN });
      linyi = (await repos.plans.list()).find((plan) => plan.title.includes('临沂'))!;
      zhongshan = (await repos.plans.list()).find((plan) => plan.title.includes('中山市贯彻落实'))!;
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const say = (text: string, sender: string, chatType: 'group' | 'p2p' = 'group') => replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId: chatType === 'group' ? group : `oc_p2p_${sender}`, chatType });
    const sayText = async (text: string, sender: string, chatType: 'group' | 'p2p' = 'group') => String((await say(text, sender, chatType)).content.text);
    async function press(value: Record<string, unknown>, operator: string, formValue?: Record<string, unknown>) {
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: operator, chatId: group, ...(formValue ? { formValue } : {}) }), secrets.encryptKey);
      expect(response.status).toBe(200);
      return response.body as { toast?: { type: string; content: string }; card?: { data: Record<string, unknown> } };
    }

    it('a supervisor subscribes the group to one plan at a day and time', async () => {
      const reply = await sayText('/订阅 周一 09:00 临沂2016要点', SUPERVISOR);
      expect(reply).toContain(`已订阅督办周报：每周一 09:00，范围：${linyi.title}。`);
      expect(reply).toMatch(/下一次：\d+月\d+日（周.）09:00/);
      const stored = (await app.db.repos.subscriptions.get(group))!;
      expect(stored).toMatchObject({ weekday: 1, time: '09:00', active: true, scope: { planIds: [linyi.id], unitIds: [] } });
      expect((await app.db.repos.audit.forEntity('chat', group)).map((entry) => entry.action)).toContain('subscription.set');
    });

    it('others are refused, a one-to-one chat is pointed to a group, and an unknown name gets a suggestion', async () => {
      expect(await sayText('/订阅 周五 16:00', LIAISON)).toContain('只有督查人员或管理员可以使用');
      expect(await sayText('/订阅 周五 16:00', SUPERVISOR, 'p2p')).toContain('请在要接收周报的群里');
      expect(await sayText('/订阅 市财务局', SUPERVISOR)).toContain('你是不是要找：市财政局');
      // A bureau named with a place that has none is refused, never read as "everything".
      expect(await sayText('/订阅 广州市财政局', SUPERVISOR)).toContain('广州市没有名为“广州市财政局”的单位');
      expect(await sayText('/订阅 周一 25:00', SUPERVISOR)).toContain('不是有效的时间');
      expect(await app.db.repos.subscriptions.get(group)).toMatchObject({ weekday: 1, time: '09:00', scope: { planIds: [linyi.id] } });
    });

    it('alone, /订阅 shows the setting; its form changes day and time for supervisors only', async () => {
      const card = readCard((await say('/订阅', SUPERVISOR)).content as Record<string, unknown>);
      expect(card.text).toContain('本群已订阅督办周报：每周一 09:00');
      expect(card.fields).toEqual(['weekday', 'time']);
      expect(card.labels).toEqual(['保存', '预览本周周报', '退订']);
      const save = card.buttons[0]!;
      const refused = await press(save, LIAISON, { weekday: '5', time: '16:00' });
      expect(refused.toast?.type).toBe('error');
      const saved = await press(save, SUPERVISOR, { weekday: '5', time: '16:00' });
      expect(saved.toast).toEqual({ type: 'success', content: '已保存：每周五 16:00' });
      expect(readCard(saved.card!.data).text).toContain('每周五 16:00');
      // The scope is kept when only the time changes.
      expect(await app.db.repos.subscriptions.get(group)).toMatchObject({ weekday: 5, time: '16:00', scope: { planIds: [linyi.id] } });
    });

    it('/周报 previews the card of the chat’s subscription, or of the plan named', async () => {
      const subscribed = (await say('/周报', LIAISON)).content as { header: { title: { content: string } } };
      expect(subscribed.header.title.content).toBe(`督办周报 · ${linyi.title}`);
    });

    it('the card’s numbers are the database’s', async () => {
      const content = (await say('/周报 中山市贯彻落实', LIAISON)).content as { header: { title: { content: string }; subtitle: { content: string } } };
      expect(content.header.title.content).toBe(`督办周报 · ${zhongshan.title}`);
      expect(content.header.subtitle.content).toMatch(/^\d{4}年第\d+周（.+） · 预览$/);
      const card = readCard(content as unknown as Record<string, unknown>);
      // Counted independently from the rows: the plan's tasks (work items, with their parent's deadline where they name none) and those past their first due day.
      const leaves = (await tasksFromDatabase(app.db)).filter((task) => task.planId === zhongshan.id);
      const today = dayIn('Asia/Shanghai');
      const overdue = leaves.filter((task) => isOverdue(task, today));
      expect(overdue.length).toBeGreaterThan(0);
      expect(card.text).toContain(`任务 ${leaves.length} 项，完成率 0%\n✅ 已完成 0　🔴 逾期 ${overdue.length}　`);
      expect(card.text).toContain(`**🔴 逾期（${overdue.length} 项）**`);
      // 查看需关注任务 is there when some task is yellow (on the day the suite runs).
      expect(card.labels.filter((label) => label !== '查看需关注任务')).toEqual(['查看逾期任务', '我的单位', '导出台账']);
      // No one is @-mentioned in the group.
      expect(JSON.stringify(content)).not.toMatch(/<at |ou_/);
      expect(await app.db.repos.sentSummaries.count(group, 'weekly')).toBe(0);
    });

    it('its buttons: overdue tasks in the chat; my unit’s tasks and the ledger to the presser alone', async () => {
      const card = readCard((await say('/周报 中山市贯彻落实', LIAISON)).content as Record<string, unknown>);
      const before = fake.deliveries.length;
      expect((await press(card.buttons[card.labels.indexOf('查看逾期任务')]!, LIAISON)).toast?.content).toBe('逾期任务已列出');
      const overdue = await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === group));
      const list = readCard(overdue.content);
      expect(list.tasks.length).toBeGreaterThan(0);
      expect(list.tasks.every((task) => task.startsWith('ZS:'))).toBe(true);
      expect(list.text).toContain('状态：已逾期');

      expect((await press(card.buttons[card.labels.indexOf('我的单位')]!, LIAISON)).toast?.content).toBe('已私信发给你');
      const mine = await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === LIAISON && delivery.msgType === 'interactive'));
      expect(readCard(mine.content).text).toContain('市财政局');

      expect((await press(card.buttons[card.labels.indexOf('导出台账')]!, SUPERVISOR)).toast?.content).toBe('台账已私信发给你');
      const file = await waitFor(() => fake.deliveries.slice(before).find((delivery) => delivery.target === SUPERVISOR && delivery.msgType === 'file'));
      expect(fake.files.get(String(file.content.file_key))?.name).toMatch(/^台账-中山市贯彻落实.+-\d{8}\.xlsx$/);
    });

    it('/退订 stops it', async () => {
      expect(await sayText('/退订', LIAISON)).toContain('只有督查人员或管理员可以使用');
      expect(await sayText('/退订', ADMIN)).toContain('已退订');
      expect((await app.db.repos.subscriptions.get(group))?.active).toBe(false);
      expect(await sayText('/退订', ADMIN)).toContain('本群没有订阅');
    });
  });
}
