/**
 * Closing tasks through the real webhook route and the fake Open API:
 * /done (/完成) closes at once where nobody supervises, and otherwise sends
 * the supervisors a review card; 通过 closes the task and tells the
 * requester, 退回 reopens it with the reason; only supervisors decide,
 * whatever the card carries; every kind of bad input is answered and
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from '../support/answer-cards.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_c10sec10sec10s00', encryptKey: 'closure-encrypt-key', verificationToken: 'closure-verification-token' };
const ADMIN = 'ou_closureadmin';
const SUPERVISOR = 'ou_supervisor1';
const LEAD = 'ou_financely1';
const COOPERATING = 'ou_relatedly1';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/done and closure review [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const chatId = `oc_closure_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'closure-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'closure-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
      await grant(LEAD, 'liaison', '临沂市', '市财政局');
      await grant(COOPERATING, 'liaison', '临沂市', '有关部门');
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    async function grant(openId: string, role: 'liaison' | 'supervisor', jurisdiction?: string, unitName?: string) {
      const unit = jurisdiction ? (await app.db.repos.units.findByName(jurisdiction, unitName!))! : undefined;
      const person = await app.db.repos.people.upsert(openId);
      await app.db.repos.people.grant({ personId: person.id, role, unitId: unit?.id ?? null, state: 'active', grantedBy: ADMIN });
    }
    const send = async (text: string, sender: string, parentId?: string) =>
      String((await replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId, ...(parentId ? { parentId } : {}) })).content.text);
    const press = (value: Record<string, unknown>, operator: string, formValue?: Record<string, unknown>) =>
      postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: operator, chatId: `oc_p2p_${operator}`, ...(formValue ? { formValue } : {}) }), secrets.encryptKey);
    const cardOf = (response: { body: { card?: unknown } }) => (response.body.card as { data: Record<string, unknown> }).data;
    async function taskId(plan: string, key: string): Promise<number> {
      const found = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes(plan))!;
      return (await app.db.repos.tasks.listByPlan(found.id)).find((task) => task.key === key)!.id;
    }
    /** The next card sent to `openId` after `since` deliveries. */
    const cardTo = (openId: string, since: number) =>
      waitFor(() => fake.deliveries.slice(since).find((delivery) => delivery.kind === 'send' && delivery.target === openId && delivery.msgType === 'interactive'));
    const textTo = (openId: string, since: number) => waitFor(() => fake.deliveries.slice(since).find((delivery) => delivery.target === openId && delivery.msgType === 'text'));

    it('where nobody supervises the plan, the lead unit’s /完成 closes the task at once, with its evidence in the history', async () => {
      const id = await taskId('临沂', '8');
      await grant('ou_financely7', 'liaison', '临沂市', '市财政局');
      expect(await send(`/完成 #${id} 已在政府网站公开 https://www.linyi.gov.cn/czyjs。`, 'ou_financely7', 'om_file_evidence')).toBe(
        `任务 #${id}「${(await app.db.repos.tasks.get(id))!.title}」已办结。`,
      );
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ status: 'done', percent: 100 });
      const [latest] = await app.db.repos.progress.history(id);
      expect(latest).toMatchObject({ status: 'done', actor: 'ou_financely7', evidence: ['https://www.linyi.gov.cn/czyjs', '消息 om_file_evidence'] });
      expect(await app.db.repos.audit.count('task.close')).toBe(1);
      expect(await send(`/进度 #${id} 90% 补充材料`, 'ou_financely7')).toBe(`任务 #${id} 已经办结，不能再报进度。如需重新打开，请联系督查室或管理员。`);
    });

    it('with a supervisor: review card, a forged approval refused, 退回 needs and passes on a reason, 通过 closes and tells the requester', async () => {
      await grant(SUPERVISOR, 'supervisor');
      const id = await taskId('临沂', '6');
      expect(await send(`/进度 #${id} 80% 已公开部门预算`, LEAD)).toContain('进行中 80%');
      expect(await send(`/完成 #${id} 我单位已完成`, COOPERATING)).toBe(`任务 #${id} 由市财政局申请办结；你单位是配合单位，请用 /进度 报告你单位的进展。`);

      let since = fake.deliveries.length;
      expect(await send(`/完成 #${id} 已在门户网站公开 https://www.linyi.gov.cn/yjs`, LEAD)).toMatch(/^已提交任务 #\d+「.+」的办结申请，等待督查审核（1 位督查人员）。审核结果会发给你。$/);
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ status: 'pending_review', percent: 100 });
      const review = readCard((await cardTo(SUPERVISOR, since)).content as Record<string, unknown>);
      expect(review.title).toBe('办结审核');
      expect(review.text).toContain('已在门户网站公开');
      expect(review.labels).toEqual(['通过', '退回']);
      expect(review.fields).toEqual(['reason']);
      const [approve, giveBack] = review.buttons as [Record<string, unknown>, Record<string, unknown>];

      // The requester presses a copy of the card: refused, still waiting.
      const forged = await press(approve, LEAD);
      expect(forged.body.toast).toEqual({ type: 'error', content: '只有这个方案的督查人员或管理员可以审核办结申请。' });
      expect((await app.db.repos.tasks.get(id))!.status).toBe('pending_review');

      // A report while waiting is kept in the history; the task waits on.
      expect(await send(`/进度 #${id} 100% 补充了解读材料`, LEAD)).toContain('任务的办结申请正在等待督查审核：这条进展已记入历史');
      expect((await app.db.repos.tasks.get(id))!.status).toBe('pending_review');

      // 退回 without a reason is refused; with one, the task reopens at the percent it had and the requester is told.
      expect((await press(giveBack, SUPERVISOR, { reason: '' })).body.toast).toEqual({ type: 'error', content: '退回时请写明理由，让责任单位知道还差什么。' });
      since = fake.deliveries.length;
      const returned = await press(giveBack, SUPERVISOR, { reason: '缺少部门决算公开链接' });
      expect(returned.body.toast).toEqual({ type: 'success', content: `已退回任务 #${id} 的办结申请，理由已告知申请人。` });
      expect(readCard(cardOf(returned)).title).toBe('办结审核：已退回');
      expect(readCard(cardOf(returned)).buttons).toEqual([]);
      expect((await textTo(LEAD, since)).content.text).toContain('被退回，理由：缺少部门决算公开链接。任务已重新打开（进度 80%）');
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ status: 'in_progress', percent: 80 });
      // The old card pressed again: already handled, and the card shows the task as it stands.
      const stale = await press(approve, SUPERVISOR);
      expect(stale.body.toast).toEqual({ type: 'error', content: `任务 #${id} 现在没有等待审核的办结申请（可能已被退回）。` });
      expect(readCard(cardOf(stale)).text).toContain('进行中 80%');

      // Asked again and approved: closed, the requester told, everything in the audit trail.
      since = fake.deliveries.length;
      await send(`/完成 #${id} 已补充部门决算公开 https://www.linyi.gov.cn/js`, LEAD);
      const second = readCard((await cardTo(SUPERVISOR, since)).content as Record<string, unknown>);
      since = fake.deliveries.length;
      const approved = await press(second.buttons[0]!, SUPERVISOR);
      expect(approved.body.toast).toEqual({ type: 'success', content: `已通过任务 #${id} 的办结申请，任务已办结。` });
      expect((await textTo(LEAD, since)).content.text).toBe(`你申请办结的任务 #${id}「${(await app.db.repos.tasks.get(id))!.title}」已通过审核，任务已办结。`);
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ status: 'done', percent: 100 });
      const actions = (await app.db.repos.audit.forEntity('task', id)).map((entry) => entry.action);
      expect(actions).toEqual(['task.progress', 'task.close_request', 'task.progress', 'task.close_return', 'task.close_request', 'task.close_approve']);
      expect(await send(`/完成 #${id} 再次申请`, LEAD)).toBe(`任务 #${id} 已经办结了。`);
    });

    it('/审核 decides by command too; supervisors and administrators close their own tasks without review', async () => {
      const id = await taskId('临沂', '7');
      const since = fake.deliveries.length;
      await send(`/完成 #${id} 已完成`, LEAD);
      await cardTo(SUPERVISOR, since);
      expect(await send(`/审核 #${id} 退回`, SUPERVISOR)).toBe('退回时请写明理由，让责任单位知道还差什么。');
      expect(await send(`/审核 #${id} 通过`, SUPERVISOR)).toBe(`已通过任务 #${id} 的办结申请，任务已办结。`);
      expect(await send(`/审核 #${id} 通过`, SUPERVISOR)).toBe(`任务 #${id} 已经办结，这个申请已处理过了。`);
      const other = await taskId('临沂', '9');
      expect(await send(`/完成 #${other} 督查室核实已完成`, ADMIN)).toContain('已办结');
    });

    it('bad input and refusals are answered with what to do, and change nothing', async () => {
      const id = await taskId('临沂', '11');
      const before = await app.db.repos.audit.count();
      const usage = '用法：\n  /完成 #12 已在门户网站公开 https://www.example.gov.cn/zwgk\n  （先发送佐证文件，再回复该文件：/完成 #12 见附件）';
      expect(await send('/完成 已经做完了', LEAD)).toBe(`/完成：请写任务编号和完成情况，例如 /完成 #12 已在门户网站公开 https://…。\n${usage}`);
      expect(await send(`/完成 #${id}`, LEAD)).toBe('申请办结请附上佐证：完成情况说明或链接，例如：/完成 #12 已在门户网站公开 https://www.example.gov.cn/zwgk');
      const unknown = await send('/完成 #999999 已完成', LEAD);
      expect(unknown).toMatch(/^没有找到任务 #999999。相近的编号：#\d+「.+」.*任务编号在任务卡片底部，也可以用 \/查找 关键词 找到任务。$/);
      expect(await send(`/完成 #${await taskId('临沂', '6')} x`, 'ou_nobody')).toBe('/完成 只有单位联络员或管理员可以使用。发送 /绑定 单位名称 申请成为联络员。');
      expect(await send(`/审核 #${id} 通过`, LEAD)).toBe('/审核 只有督查人员或管理员可以使用。如需使用，请联系管理员。');
      expect(await send(`/审核 #${id} 通过`, SUPERVISOR)).toBe(`任务 #${id} 现在没有等待审核的办结申请（可能已被退回）。`);
      expect(await send(`/审核 #${id} 好的`, SUPERVISOR)).toContain('/审核：请写任务编号和“通过”或“退回 理由”');
      expect(await app.db.repos.audit.count()).toBe(before);
      expect((await app.db.repos.tasks.get(id))!.status).toBe('open');
    });

    it('/help shows each person the commands they may use', async () => {
      const member = await send('/帮助', 'ou_member');
      expect(member).toContain('/查找 (/find)');
      expect(member).not.toContain('/进度 (/progress)');
      expect(member).not.toContain('/审核 (/review)');
      expect(member).toMatch(/另有 \d+ 个命令供单位联络员、督查人员和管理员使用。成为联络员：\/绑定 单位名称/);
      const liaison = await send('/帮助', LEAD);
      expect(liaison).toContain('/进度 (/progress)');
      expect(liaison).toContain('/完成 (/done)');
      expect(liaison).not.toContain('/审核 (/review)');
      const supervisor = await send('/help', SUPERVISOR);
      expect(supervisor).toContain('/审核 (/review)');
      expect(await send('/help', ADMIN)).not.toContain('另有');
    });
  });
}
