/**
 * /bind and /whoami through the real webhook route and the fake Open API:
 * a request reaches the administrators as a card, only a reviewer's press
 * decides it (whatever the card carries), the requester is told, and the
 * new liaison may then report progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_1234123412341234', encryptKey: 'bind-encrypt-key', verificationToken: 'bind-verification-token' };
const ADMIN = 'ou_bindadmin01';
const APPLICANT = 'ou_applicant01';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/bind and /whoami [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    const chatId = `oc_bind_${provider}`;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'bind-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'bind-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    const send = async (text: string, sender: string) => String((await replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId })).content.text);
    const press = (value: Record<string, unknown>, operator: string) => postToWebhook(app.url, cardActionEvent(secrets, { value, operatorOpenId: operator, chatId: `oc_admin_${provider}` }), secrets.encryptKey);

    it('asks which city when a name is shared, and says so when a unit does not exist', async () => {
      expect(await send('/绑定 市财政局', APPLICANT)).toBe('有 3 个单位叫这个名字（中山市、临沂市、江门市）。请写明地区，例如“/绑定 中山市 市财政局”。');
      expect(await send('/绑定 市宇宙局', APPLICANT)).toBe('没有找到名为“市宇宙局”的单位。请写单位全称，例如“/绑定 市财政局”。');
    });

    it('a request reaches the administrator; a forged approval is refused; the real one makes a liaison who can report', async () => {
      const sentBefore = fake.deliveries.length;
      expect(await send('/绑定 中山市 市财政局', APPLICANT)).toBe('已提交申请：成为中山市市财政局的联络员，等待管理员审批。');
      const card = await waitFor(() => fake.deliveries.slice(sentBefore).find((delivery) => delivery.kind === 'send' && delivery.target === ADMIN));
      expect(fake.calls.find((call) => call.body.receive_id === ADMIN)?.query.get('receive_id_type')).toBe('open_id');
      const approve = JSON.parse(JSON.stringify(card.content)).body.elements[1].columns[0].elements[0].behaviors[0].value as Record<string, unknown>;
      expect(approve).toMatchObject({ action: 'grant_review', approve: true });
      expect(await send('/我是谁', APPLICANT)).toBe('你的角色：\n联络员：中山市市财政局（待审批）');

      // The applicant presses the approve button on a copy of the card: refused, still pending.
      const forged = await press(approve, APPLICANT);
      expect(forged.body).toEqual({ toast: { type: 'error', content: '只有管理员或督查人员可以审批联络员申请。' } });
      expect(await send('/我是谁', APPLICANT)).toContain('（待审批）');

      const approved = await press(approve, ADMIN);
      expect(approved.body.toast).toEqual({ type: 'success', content: '已通过' });
      expect(JSON.stringify(approved.body.card)).toContain('成为 中山市市财政局 的联络员');
      const notice = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === APPLICANT));
      expect(notice.content.text).toBe('你已成为中山市市财政局的联络员，可以用 /进度 报告任务进度了。');
      expect(await send('/我是谁', APPLICANT)).toBe('你的角色：\n联络员：中山市市财政局');
      expect(await app.db.repos.audit.count('grant.request')).toBe(1);
      expect(await app.db.repos.audit.count('grant.approve')).toBe(1);

      // Pressed again: already decided.
      expect((await press(approve, ADMIN)).body).toEqual({ toast: { type: 'error', content: '这个申请已经通过了。' } });
      expect(await send('/绑定 中山市 市财政局', APPLICANT)).toBe('你已经是中山市市财政局的联络员了。');

      const plan = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
      const task = (await app.db.repos.tasks.listByPlan(plan.id)).find((candidate) => candidate.key === '8')!;
      expect(await send(`/进度 #${task.id} 30% 已梳理项目清单`, APPLICANT)).toContain('进行中 30%');
    });

    it('a rejected request tells the applicant', async () => {
      const applicant = 'ou_applicant02';
      const sentBefore = fake.deliveries.length;
      await send('/绑定 区财政局', applicant);
      const card = await waitFor(() => fake.deliveries.slice(sentBefore).find((delivery) => delivery.kind === 'send' && delivery.target === ADMIN));
      const reject = JSON.parse(JSON.stringify(card.content)).body.elements[1].columns[1].elements[0].behaviors[0].value as Record<string, unknown>;
      expect((await press(reject, ADMIN)).body.toast).toEqual({ type: 'success', content: '已拒绝' });
      const notice = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === applicant));
      expect(notice.content.text).toBe('你成为新会区区财政局联络员的申请未通过。如有疑问，请联系管理员。');
      expect(await send('/我是谁', applicant)).toMatch(/^你目前没有任何角色/);
    });
  });
}
