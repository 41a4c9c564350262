/**
 * /progress through the real webhook route and the fake Open API: who may
 * report, what the report does to the task and the audit trail, and every
 * kind of bad input answered without changing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_ddddeeeeffff0000', encryptKey: 'progress-encrypt-key', verificationToken: 'progress-verification-token' };
const ADMIN = 'ou_7f3a9c0admin';

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`/progress [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'progress-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'progress-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    /** Sends a message as `sender` and returns the bot's text reply. */
    const send = async (text: string, sender: string) =>
      String((await replyTo(app.url, fake, secrets, { text, senderOpenId: sender, chatId: `oc_progress_${provider}` })).content.text);
    /** The id of task `key` in the seed plan whose title contains `plan`. */
    async function taskId(plan: string, key: string): Promise<number> {
      const found = (await app.db.repos.plans.list()).find((candidate) => candidate.title.includes(plan))!;
      return (await app.db.repos.tasks.listByPlan(found.id)).find((task) => task.key === key)!.id;
    }
    /** Makes `openId` an active liaison of a unit. */
    async function liaison(openId: string, jurisdiction: string, unitName: string) {
      const unit = (await app.db.repos.units.findByName(jurisdiction, unitName))!;
      const person = await app.db.repos.people.upsert(openId);
      await app.db.repos.people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'active', grantedBy: ADMIN });
    }

    it('an administrator records progress; the task, its history and the audit trail show it', async () => {
      const id = await taskId('中山市贯彻落实', '8');
      const audits = await app.db.repos.audit.count('task.progress');
      expect(await send(`/进度 #${id} 60% 已完成初稿`, ADMIN)).toBe(`已记录任务 #${id}「推动政府和社会资本合作（PPP）项目信息公开」：进行中 60%，已完成初稿。`);
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ percent: 60, status: 'in_progress' });
      expect((await app.db.repos.progress.history(id))[0]).toMatchObject({ percent: 60, note: '已完成初稿', actor: ADMIN });
      expect(await app.db.repos.audit.count('task.progress')).toBe(audits + 1);
      const [audit] = await app.db.repos.audit.forEntity('task', id);
      expect(audit).toMatchObject({ actor: ADMIN, action: 'task.progress', before: { percent: 0, status: 'open' }, after: { percent: 60, status: 'in_progress' } });
    });

    it('someone who is not a liaison of a linked unit is refused, with who may and how to become one; nothing changes', async () => {
      const id = await taskId('中山市贯彻落实', '5');
      const before = await app.db.repos.audit.count();
      expect(await send(`/progress #${id} 50 done`, 'ou_stranger')).toBe('/进度 只有单位联络员或管理员可以使用。发送 /绑定 单位名称 申请成为联络员。');
      // A liaison, but of a unit the task does not name: told which units may.
      await liaison('ou_tourism_zs', '中山市', '市旅游局');
      expect(await send(`/progress #${id} 50 done`, 'ou_tourism_zs')).toBe(
        `你不能更新任务 #${id}：只有它的责任单位（市公安局）的联络员或管理员可以更新。发送 /绑定 单位名称 申请成为联络员。`,
      );
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ percent: 0, status: 'open' });
      expect(await app.db.repos.audit.count()).toBe(before);
    });

    it('a liaison of the lead unit sets the task; a cooperating unit’s report is kept but does not', async () => {
      await liaison('ou_finance_ly', '临沂市', '市财政局');
      await liaison('ou_related_ly', '临沂市', '有关部门');
      const id = await taskId('临沂', '6');
      expect(await send(`/进度 #${id} 40% 已公开部门预算`, 'ou_finance_ly')).toContain('进行中 40%');
      const reply = await send(`/进度 #${id} 90% 本部门已公开`, 'ou_related_ly');
      expect(reply).toContain('你单位是配合单位：这条进展已记入历史，任务进度以牵头单位的报告为准。');
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ percent: 40 });
      expect((await app.db.repos.progress.history(id)).map((update) => update.percent)).toEqual([90, 40]);
      // A liaison of another city's 市财政局 is not a liaison of this one.
      await liaison('ou_finance_zs', '中山市', '市财政局');
      expect(await send(`/进度 #${id} 50%`, 'ou_finance_zs')).toContain('你不能更新任务');
    });

    it('bad input gets the reason and the right usage, and changes nothing', async () => {
      const id = await taskId('中山市贯彻落实', '8');
      const before = await app.db.repos.audit.count();
      const usage = '用法：\n  /进度 #12 60% 已完成初稿\n  /进度 #12 受阻 等待省里文件\n  /progress 12 80 已报送市政府办公室';
      expect(await send(`/进度 #${id} 120% 超额完成`, ADMIN)).toBe(`/进度：进度应在 0 到 100 之间。\n${usage}`);
      expect(await send('/进度 已完成初稿', ADMIN)).toBe(`/进度：请写任务编号和进度，例如 /进度 #12 60% 已完成初稿。\n${usage}`);
      expect(await send('/进度 #999999 50%', ADMIN)).toContain('没有找到任务 #999999');
      expect(await send(`/进度 #${id} 受阻`, ADMIN)).toBe('标记“受阻”时请写明原因，例如：/进度 #12 受阻 等待省里文件');
      expect(await send(`/进度 #${id} 10%`, ADMIN)).toBe(`任务 #${id} 目前进度是 60%，新的进度 10% 比它低。如确需调低，请写明原因。`);
      expect(await app.db.repos.audit.count()).toBe(before);
      // With a reason, going back and marking blocked are recorded.
      expect(await send(`/进度 #${id} 40% 省里要求重做`, ADMIN)).toContain('进行中 40%');
      expect(await send(`/progress #${id} 受阻 等待省财政厅文件`, ADMIN)).toContain('受阻 40%');
      expect(await app.db.repos.tasks.get(id)).toMatchObject({ percent: 40, status: 'blocked' });
    });
  });
}
