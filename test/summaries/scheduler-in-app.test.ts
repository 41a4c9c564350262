/**
 * The running service's own scheduler: with its clock at Monday 09:00 in
 * Beijing, a subscribed group receives its weekly card through the outbox
 * and the fake Open API, once, however many passes run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_schedschedsched0', encryptKey: 'sched-encrypt-key', verificationToken: 'sched-verification-token' };

describe('the scheduler in the running service [sqlite]', () => {
  let fake: FakeLark;
  let app: TestApp;
  let now = new Date('2026-11-23T08:59:00+08:00');

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'sched-secret' });
    app = await startTestApp('sqlite', { ...webhookEnv(secrets, 'sched-secret', fake.url), SEED_ON_EMPTY: '1' }, undefined, { clock: () => now });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('sends the weekly card at its time, once', async () => {
    await app.db.repos.subscriptions.upsert({ chatId: 'oc_sched', weekday: 1, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: 'ou_admin', activeFrom: new Date('2026-11-20T00:00:00Z') });
    await app.scheduler.pass();
    expect(fake.deliveries.filter((delivery) => delivery.target === 'oc_sched')).toHaveLength(0);
    now = new Date('2026-11-23T09:00:30+08:00');
    await app.scheduler.pass();
    await app.scheduler.pass();
    const card = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === 'oc_sched'));
    expect((card.content as { header: { title: { content: string } } }).header.title.content).toBe('督办周报 · 全部方案');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.deliveries.filter((delivery) => delivery.target === 'oc_sched')).toHaveLength(1);
  });
});
