/**
 * Reports racing each other on two app instances sharing one PostgreSQL:
 * two liaisons reporting at the same moment both land in the history and
 * the task shows the later report; a closure approval and a new report at
 * the same moment are both kept (or the report is refused because the task
 * just closed, and its reporter is told), and the task ends closed; two
 * supervisors deciding at once: one decision wins, the other is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { DATABASES } from '../support/databases.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const secrets: ConsoleSecrets = { appId: 'cli_race0race0race0', encryptKey: 'race-encrypt-key', verificationToken: 'race-verification-token' };
const ADMIN = 'ou_raceadmin';
const FIRST = 'ou_financeA';
const SECOND = 'ou_financeB';
const SUPERVISORS = ['ou_supervisorA', 'ou_supervisorB'];
const ROUNDS = 5;

const postgres = DATABASES.find((database) => database.provider === 'postgresql')!;

describe.skipIf(!postgres.available)('concurrent reports on two instances [postgresql]', () => {
  let fake: FakeLark;
  let apps: [TestApp, TestApp];
  let tasks: number[];

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'race-secret' });
    const env = { ...webhookEnv(secrets, 'race-secret', fake.url), SEED_ON_EMPTY: '1', BOT_ADMINS: ADMIN };
    const first = await startTestApp('postgresql', env);
    apps = [first, await startTestApp('postgresql', env, first.databaseUrl)];
    const repos = first.db.repos;
    const unit = (await repos.units.findByName('临沂市', '市财政局'))!;
    for (const openId of [FIRST, SECOND]) await repos.people.grant({ personId: (await repos.people.upsert(openId)).id, role: 'liaison', unitId: unit.id, state: 'active' });
    const plan = (await repos.plans.list()).find((candidate) => candidate.title.includes('临沂'))!;
    tasks = (await repos.tasks.listByPlan(plan.id)).filter((task) => task.units.some((link) => link.unitId === unit.id && link.role === 'lead')).map((task) => task.id);
    expect(tasks.length).toBeGreaterThanOrEqual(5);
  }, 90_000);
  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await fake?.close();
  });

  const send = async (instance: 0 | 1, text: string, sender: string) =>
    String((await replyTo(apps[instance].url, fake, secrets, { text, senderOpenId: sender, chatId: `oc_race_${sender}` })).content.text);

  it('two liaisons at once: both reports in the history, the task shows the later one', async () => {
    const id = tasks[0]!;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const [a, b] = [round * 10, round * 10 + 5];
      const replies = await Promise.all([send(0, `/进度 #${id} ${a}% 第${round}轮A`, FIRST), send(1, `/进度 #${id} ${b}% 第${round}轮B`, SECOND)]);
      for (const reply of replies) expect(reply).toMatch(/^已记录任务/);
      const history = await apps[0].db.repos.progress.history(id, 2);
      expect(history.map((update) => update.percent).sort()).toEqual([a, b].sort());
      const task = (await apps[0].db.repos.tasks.get(id))!;
      const [newest, older] = history as [(typeof history)[0], (typeof history)[0]];
      // The later report (by its time) is the task's state; at the same millisecond either may be.
      if (newest.createdAt.getTime() !== older.createdAt.getTime()) expect(task.percent).toBe(newest.percent);
      else expect([a, b]).toContain(task.percent);
      expect(task.lastReportAt?.getTime()).toBe(newest.createdAt.getTime());
    }
    expect(await apps[0].db.repos.progress.history(id, 100)).toHaveLength(ROUNDS * 2);
  });

  it('an approval and a new report at once: neither is lost, and the task ends closed', async () => {
    const repos = apps[0].db.repos;
    for (const openId of SUPERVISORS) await repos.people.grant({ personId: (await repos.people.upsert(openId)).id, role: 'supervisor', state: 'active' });
    for (const id of tasks.slice(1, 4)) {
      expect(await send(0, `/完成 #${id} 已完成 https://www.linyi.gov.cn/r${id}`, FIRST)).toContain('等待督查审核（2 位督查人员）');
      const rows = (await repos.progress.history(id, 100)).length;
      const [approval, report] = await Promise.all([send(0, `/审核 #${id} 通过`, SUPERVISORS[0]!), send(1, `/进度 #${id} 100% 补充材料`, SECOND)]);
      expect(approval).toBe(`已通过任务 #${id} 的办结申请，任务已办结。`);
      const history = await repos.progress.history(id, 100);
      if (report.startsWith('已记录')) {
        expect(history).toHaveLength(rows + 2);
        expect(history.some((update) => update.note === '补充材料')).toBe(true);
      } else {
        // The approval committed first: the report was refused, and its reporter told why.
        expect(report).toBe(`任务 #${id} 已经办结，不能再报进度。如需重新打开，请联系督查室或管理员。`);
        expect(history).toHaveLength(rows + 1);
      }
      expect(await repos.tasks.get(id)).toMatchObject({ status: 'done', percent: 100 });
    }
  });

  it('two supervisors deciding at once: one decision wins, the other is told it was taken', async () => {
    const repos = apps[0].db.repos;
    const id = tasks[4]!;
    expect(await send(0, `/完成 #${id} 已完成`, FIRST)).toContain('等待督查审核');
    const replies = await Promise.all([send(0, `/审核 #${id} 通过`, SUPERVISORS[0]!), send(1, `/审核 #${id} 退回 材料不全`, SUPERVISORS[1]!)]);
    const winners = replies.filter((reply) => reply.startsWith('已通过') || reply.startsWith('已退回'));
    expect(winners).toHaveLength(1);
    const status = (await repos.tasks.get(id))!.status;
    expect(status).toBe(winners[0]!.startsWith('已通过') ? 'done' : 'in_progress');
    const decisions = (await repos.audit.forEntity('task', id)).filter((entry) => entry.action === 'task.close_approve' || entry.action === 'task.close_return');
    expect(decisions).toHaveLength(1);
  });
});
