/**
 * The interactive task card through the real webhook route: its buttons open
 * the progress and closure forms for the people who may submit them, a
 * submitted form records progress and answers with the updated card and a
 * toast, and a card pressed after the task changed elsewhere shows the task
 * as it stands now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard, type ReadCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_7a5kc4rd7a5kc4rd', encryptKey: 'task-card-encrypt-key', verificationToken: 'task-card-verification-token' };
const ADMIN = 'ou_taskcardadmin';
const LIAISON = 'ou_financezs1';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`the task card [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    let taskId: number;
    const chatId = `oc_taskcard_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'task-card-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'task-card-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
      const unit = (await app.db.repos.units.findByName('中山市', '市财政局'))!;
      const person = await app.db.repos.people.upsert(LIAISON);
      await app.db.repos.people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'active', grantedBy: ADMIN });
      const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
      const tasks = await app.db.repos.tasks.listByPlan(plan.id);
      taskId = tasks.find((task) => task.units.some((link) => link.unitId === unit.id && link.role !== 'cooperating'))!.id;
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const open = async (sender: string): Promise<ReadCard> => readCard((await replyTo(app.url, fake, secrets, { text: `/任务 #${taskId}`, senderOpenId: sender, chatId })).content as Record<string, unknown>);
    const send = async (text: string, sender: string) => String((await replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId })).content.text);
    async function press(value: Record<string, unknown>, operator: string, formValue?: Record<string, unknown>) {
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: operator, chatId, ...(formValue ? { formValue } : {}) }), secrets.encryptKey);
      expect(response.status).toBe(200);
      const body = response.body as { toast?: { type: string; content: string }; card?: { data: Record<string, unknown> } };
      return { toast: body.toast, card: body.card ? readCard(body.card.data) : undefined, raw: JSON.stringify(body.card?.data ?? {}) };
    }
    const buttonOf = (card: ReadCard, label: string) => card.buttons[card.labels.indexOf(label)]!;

    it('shows the task with its buttons; only someone who may report gets the progress form', async () => {
      const card = await open('ou_member');
      expect(card.labels).toEqual(['更新进度', '标记完成', '查看历史']);
      expect(card.text).toContain('还没有人报过进度。');
      expect(card.text).toContain('░░░░░░░░░░ 0%');

      const refused = await press(buttonOf(card, '更新进度'), 'ou_member');
      expect(refused.toast?.type).toBe('error');
      expect(refused.toast?.content).toContain('联络员或管理员可以更新进度');
      expect(refused.card?.fields).toEqual([]);

      const form = await press(buttonOf(card, '更新进度'), LIAISON);
      expect(form.toast).toBeUndefined();
      expect(form.card?.fields).toEqual(['percent', 'note']);
      expect(form.card?.labels).toEqual(['提交', '取消']);
    });

    it('a submitted form records the progress and answers with the updated card and a toast', async () => {
      const form = (await press(buttonOf(await open(LIAISON), '更新进度'), LIAISON)).card!;
      const audits = await app.db.repos.audit.count('task.progress');
      const submitted = await press(buttonOf(form, '提交'), LIAISON, { percent: '60', note: '已完成初稿' });
      expect(submitted.toast).toEqual({ type: 'success', content: '已记录：进行中 60%' });
      expect(submitted.card?.text).toContain('▓▓▓▓▓▓░░░░ 60%');
      expect(submitted.card?.text).toMatch(/\d{4}-\d{2}-\d{2} 进行中 60% 已完成初稿/);
      expect(submitted.card?.labels).toEqual(['更新进度', '标记完成', '查看历史']);
      expect(await app.db.repos.tasks.get(taskId)).toMatchObject({ percent: 60, status: 'in_progress' });
      expect(await app.db.repos.audit.count('task.progress')).toBe(audits + 1);
      expect((await open('ou_member')).text).toContain('进行中 60%');
    });

    it('bad form input is refused with the reason and the form kept; a stale card shows the task as it stands', async () => {
      const stale = (await press(buttonOf(await open(LIAISON), '更新进度'), LIAISON)).card!;
      expect((await press(buttonOf(stale, '提交'), LIAISON, { percent: 'abc' })).toast).toEqual({ type: 'warning', content: '请选择 0% 到 100% 之间的进度。' });
      expect(await send(`/进度 #${taskId} 65% 已征求意见`, LIAISON)).toContain('进行中 65%');
      // 65% is not one of the form's choices: the form opens without a preset rather than as a card Lark would refuse.
      const preset = await press(buttonOf(await open(LIAISON), '更新进度'), LIAISON);
      expect(preset.card?.fields).toEqual(['percent', 'note']);
      expect(preset.raw).not.toContain('initial_option');
      expect((await press(buttonOf(await open(LIAISON), '查看历史'), LIAISON)).raw).not.toContain('select_static');
      expect(await send(`/进度 #${taskId} 70% 已征求意见`, LIAISON)).toContain('进行中 70%');
      // The old form, submitted with a lower percent and no reason: refused, and the redrawn form shows 70%.
      const backwards = await press(buttonOf(stale, '提交'), LIAISON, { percent: '50', note: '' });
      expect(backwards.toast).toEqual({ type: 'error', content: `任务 #${taskId} 目前进度是 70%，新的进度 50% 比它低。如确需调低，请写明原因。` });
      expect(backwards.card?.fields).toEqual(['percent', 'note']);
      expect(backwards.card?.text).toContain('进行中 70%');
      expect((await press(buttonOf(stale, '提交'), LIAISON, { percent: 'blocked', note: '' })).toast?.content).toBe('标记“受阻”时请写明原因，例如：/进度 #12 受阻 等待省里文件');
      expect((await app.db.repos.tasks.get(taskId))!.percent).toBe(70);

      const history = await press(buttonOf(stale, '取消'), 'ou_member');
      expect(history.card?.text).toContain('进行中 70%');
      const full = await press(buttonOf(history.card!, '查看历史'), 'ou_member');
      expect(full.card?.text).toContain('全部进展记录');
      expect(full.card?.text).toMatch(/进行中 70% 已征求意见[\s\S]*进行中 65% 已征求意见[\s\S]*进行中 60% 已完成初稿/);
    });

    it('the closure form asks for evidence, then closes the task (no supervisors here) and the buttons go', async () => {
      const form = (await press(buttonOf(await open(LIAISON), '标记完成'), LIAISON)).card!;
      expect(form.fields).toEqual(['evidence']);
      const empty = await press(buttonOf(form, '提交办结申请'), LIAISON, { evidence: ' ' });
      expect(empty.toast?.content).toContain('申请办结请附上佐证');
      const closed = await press(buttonOf(form, '提交办结申请'), LIAISON, { evidence: '已在门户网站公开 https://www.zs.gov.cn/zwgk/ppp' });
      expect(closed.toast).toEqual({ type: 'success', content: expect.stringContaining('已办结') });
      expect(closed.card?.labels).toEqual(['查看历史']);
      expect(await app.db.repos.tasks.get(taskId)).toMatchObject({ status: 'done', percent: 100 });
      // The progress button of an older card, pressed now: the task is closed.
      const late = await press({ action: 'task_card', taskId, view: 'progress_form' }, LIAISON);
      expect(late.toast).toEqual({ type: 'error', content: `任务 #${taskId} 已经办结。` });
    });

    it('a button whose value is forged or broken changes nothing', async () => {
      const before = await app.db.repos.audit.count();
      expect((await press({ action: 'task_progress_submit', taskId: 'x' }, LIAISON, { percent: '80' })).toast?.type).toBe('warning');
      expect((await press({ action: 'task_progress_submit', taskId }, 'ou_member', { percent: '80', note: 'x' })).toast?.content).toBe('你不能更新任务 #' + taskId + '：只有它的责任单位（' + (await app.db.repos.tasks.get(taskId))!.units.map((link) => link.unitName).join('、') + '）的联络员或管理员可以更新。发送 /绑定 单位名称 申请成为联络员。');
      expect(await app.db.repos.audit.count()).toBe(before);
    });
  });
}
