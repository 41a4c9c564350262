/**
 * The daily purge on real databases: rows old enough go, in batches; rows
 * still needed stay (a pending outbox row, an event not yet processed, a
 * running import job, a claim whose period can still come due, a snooze
 * still in force, every audit record); one instance runs it a day; and a
 * weekly card is not sent twice after a purge.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPrisma, type OpenedPrisma } from '../../src/db/client.js';
import { silenceStart } from '../../src/domain/retention/retention-rules.js';
import { ServiceMetrics } from '../../src/lib/service-metrics.js';
import { DailyPurge } from '../../src/summaries/data-purge.js';
import { SummaryScheduler } from '../../src/summaries/summary-scheduler.js';
import type { SummaryServices } from '../../src/summaries/weekly-delivery.js';
import { describeEachDatabase } from '../support/databases.js';
import { summaryServices } from './delivery-fixture.js';

/** An instant given in Beijing time. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const DAY = 24 * 60 * 60_000;

describeEachDatabase('the daily purge', (fixture) => {
  let services: SummaryServices;
  let raw: OpenedPrisma['prisma'];

  beforeAll(async () => {
    services = await summaryServices(fixture.db());
    raw = (await openPrisma(fixture.url())).prisma;
  }, 60_000);
  afterAll(async () => {
    await raw?.$disconnect();
  });

  it('forgets what is old enough, in batches, and keeps what is still needed and every audit record', async () => {
    const { repos } = fixture.db();
    // Thursday 10 December 2026 (ISO week 50), after 03:00 in Beijing.
    const now = beijing('2026-12-10T03:30:00');
    const ago = (days: number) => new Date(now.getTime() - days * DAY);

    // Inbound events: done ones older than 2 days go; a recent one and one never processed stay.
    const oldEvents = ['ev_old_1', 'ev_old_2', 'ev_old_3', 'ev_old_4', 'ev_old_5'];
    for (const id of oldEvents) {
      await repos.events.record(id, 'im.message.receive_v1', '{}', ago(3));
      await repos.events.claim(id, ago(3));
    }
    await repos.events.record('ev_recent', 'im.message.receive_v1', '{}', ago(1));
    await repos.events.claim('ev_recent', ago(1));
    await repos.events.record('ev_waiting', 'im.message.receive_v1', '{}', ago(3));

    // Outbox: rows sent more than 7 days ago go; a recent one, a pending and a failed one stay.
    const outbox = async (uuid: string, at: Date) => (await repos.outbox.enqueue({ uuid, action: 'send', receiveIdType: 'chat_id', target: 'oc_purge', chatKey: 'oc_purge', msgType: 'text', content: '{"text":"hi"}' }, at)).id;
    for (const uuid of ['out_old_1', 'out_old_2', 'out_old_3', 'out_old_4', 'out_old_5']) await repos.outbox.markSent(await outbox(uuid, ago(10)), 'om_1', ago(10));
    await repos.outbox.markSent(await outbox('out_recent', ago(2)), 'om_2', ago(2));
    await outbox('out_pending', ago(10));
    await repos.outbox.markFailed(await outbox('out_failed', ago(10)), 'refused');

    // Import jobs: finished or undecided for more than 30 days go; recent, running and pending ones stay.
    const job = async (name: string, data: { state: string; createdAt: Date; finishedAt?: Date }) => {
      const { job: created } = await repos.importJobs.request({ messageId: `om_${name}`, fileKey: 'file_1', fileName: `${name}.docx`, chatId: 'oc_purge', requestedBy: 'ou_admin' });
      await raw.importJob.update({ where: { id: created.id }, data });
      return created.id;
    };
    const goneJobs = [
      await job('done_old', { state: 'done', createdAt: ago(41), finishedAt: ago(40) }),
      await job('failed_old', { state: 'failed', createdAt: ago(41), finishedAt: ago(40) }),
      await job('cancelled_old', { state: 'cancelled', createdAt: ago(41), finishedAt: ago(40) }),
      await job('previewed_old', { state: 'previewed', createdAt: ago(40) }),
    ];
    const keptJobs = [
      await job('done_recent', { state: 'done', createdAt: ago(41), finishedAt: ago(5) }),
      await job('running', { state: 'running', createdAt: ago(40) }),
      await job('pending', { state: 'pending', createdAt: ago(40) }),
    ];

    // Snoozes: one that ended, one that ends today (reminders resume today) go; one still in force stays.
    const plan = (await repos.plans.list()).find((candidate) => candidate.title.includes('江门'))!;
    const task = (await repos.tasks.listByPlan(plan.id)).find((candidate) => candidate.kind === 'task')!;
    await repos.snoozes.snooze('ou_ended', [task.id], '2026-11-01');
    await repos.snoozes.snooze('ou_today', [task.id], '2026-12-10');
    await repos.snoozes.snooze('ou_snoozed', [task.id], '2026-12-11');

    // Claims, all taken long ago: only those whose period can never come due again go.
    const since = silenceStart((await repos.retention.taskReportTimes([task.id]))[0]!);
    const claims: [string, string, string, 'go' | 'stay'][] = [
      ['oc_a', 'weekly', '2026-W40', 'go'],
      ['oc_a', 'weekly', '2026-W48', 'stay'],
      ['oc_a', 'weekly', '2026-W50', 'stay'],
      ['ou_a', 'reminder:overdue', '2026-10-01', 'go'],
      ['ou_a', 'reminder:overdue', '2026-12-09', 'stay'],
      ['ou_a', 'reminder:deadline', `${task.id}@2026-10-20/7`, 'go'],
      ['ou_a', 'reminder:deadline', `${task.id}@2026-12-20/7`, 'stay'],
      ['ou_a', 'reminder:chase', `${task.id}@2020-01-01/1`, 'go'],
      ['ou_a', 'reminder:chase', `${task.id}@${since}/1`, 'stay'],
      ['ou_b', 'reminder:chase_copy', `${task.id}@${since}/2`, 'stay'],
      ['ou_a', 'reminder:chase', '99999999@2026-01-05/1', 'go'],
      ['ou_admin', 'holiday_notice', '2025', 'go'],
      ['ou_admin', 'holiday_notice', '2026', 'stay'],
      ['unit:1', 'chase_request', '2026-09-30', 'go'],
      ['ou_a', 'some_future_kind', '2020-01-01', 'stay'],
    ];
    for (const [chatId, kind, period] of claims) await repos.sentSummaries.claim(chatId, kind, period, ago(60));
    // This week's, taken yesterday: too young even to be looked at.
    await repos.sentSummaries.claim('oc_b', 'weekly', '2026-W50', ago(1));

    await repos.audit.record({ actor: 'system', action: 'test.old', entityType: 'test', entityId: 1, at: new Date('2020-01-01T00:00:00Z') });
    const auditBefore = await raw.auditLog.count();

    const metrics = new ServiceMetrics({ processMetrics: false });
    const purge = new DailyPurge({ db: fixture.db(), timeZone: services.timeZone, logger: services.logger, metrics, batch: 2 });
    expect(await purge.runIfDue(beijing('2026-12-10T02:59:00'))).toBeNull();
    const counts = await purge.runIfDue(now);
    // Batches of 2: five old events and five old sent messages all went.
    expect(counts).toEqual({ inboundEvents: 5, sentOutbox: 5, importJobs: 4, snoozes: 2, claims: claims.filter((claim) => claim[3] === 'go').length });

    for (const id of oldEvents) expect(await repos.events.get(id)).toBeUndefined();
    expect(await repos.events.get('ev_recent')).toBeDefined();
    expect(await repos.events.get('ev_waiting')).toMatchObject({ state: 'received' });

    const left = (await repos.outbox.list(undefined, 100_000)).filter((row) => row.target === 'oc_purge');
    expect(left.map((row) => row.uuid).sort()).toEqual(['out_failed', 'out_pending', 'out_recent']);

    for (const id of goneJobs) expect(await repos.importJobs.get(id)).toBeUndefined();
    for (const id of keptJobs) expect(await repos.importJobs.get(id)).toBeDefined();

    expect([...(await repos.snoozes.inForce('2026-12-10'))]).toEqual([`ou_snoozed:${task.id}`]);
    expect(await raw.reminderSnooze.count()).toBe(1);

    for (const [chatId, kind, period, fate] of claims) {
      const kept = (await repos.sentSummaries.claimed(kind, [period])).has(`${chatId} ${period}`);
      expect({ kind, period, kept }).toEqual({ kind, period, kept: fate === 'stay' });
    }
    expect((await repos.sentSummaries.claimed('weekly', ['2026-W50'])).has('oc_b 2026-W50')).toBe(true);

    // The audit trail loses nothing and gains the purge's own record.
    expect(await raw.auditLog.count()).toBe(auditBefore + 1);
    const [record] = await repos.audit.forEntity('retention', '2026-12-10');
    expect(record).toMatchObject({ actor: 'system', action: 'retention.purge', after: { deleted: counts } });

    const purged = Object.fromEntries((await metrics.rowsPurged.get()).values.map((value) => [value.labels.table, value.value]));
    expect(purged).toEqual({ inbound_event: 5, outbox_message: 5, import_job: 4, reminder_snooze: 2, sent_summary: counts!.claims });

    // Once a day: again the same day, or from another instance, it does nothing; the next day it runs (the snooze that ends then goes).
    expect(await purge.runIfDue(beijing('2026-12-10T15:00:00'))).toBeNull();
    const other = new DailyPurge({ db: fixture.db(), timeZone: services.timeZone, logger: services.logger });
    expect(await other.runIfDue(beijing('2026-12-10T15:00:00'))).toBeNull();
    expect(await other.runIfDue(beijing('2026-12-11T03:00:00'))).toEqual({ inboundEvents: 0, sentOutbox: 0, importJobs: 0, snoozes: 1, claims: 0 });
  });

  it('never sends a weekly card twice: the week that can still come due keeps its claim through the purge', async () => {
    const { repos } = fixture.db();
    let now = beijing('2026-11-27T09:00:00');
    const scheduler = new SummaryScheduler({ ...services, clock: () => now, purgeBatch: 2 });
    const chatId = 'oc_purge_weekly';
    // Fridays at 09:00: week 48's card is due on Friday 27 November, and stays the latest due until week 49's, on 4 December.
    await repos.subscriptions.upsert({ chatId, weekday: 5, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: 'ou_admin', activeFrom: beijing('2026-11-20T00:00:00') });
    // The cards queued for the chat, by the week their title names: from the outbox while its rows are kept, and by the audit trail, which keeps them all.
    const cardWeeks = async () =>
      (await repos.outbox.list(undefined, 100_000)).filter((row) => row.target === chatId).map((row) => /第(\d+)周/.exec((JSON.parse(row.content) as { header: { subtitle: { content: string } } }).header.subtitle.content)![1]);
    const auditedWeeks = async () => (await repos.audit.forEntity('chat', chatId)).map((entry) => (entry.after as { period: string }).period);

    await scheduler.pass();
    expect(await cardWeeks()).toEqual(['48']);
    const [sent] = (await repos.outbox.list(undefined, 100_000)).filter((row) => row.target === chatId);
    await repos.outbox.markSent(sent!.id, 'om_weekly', beijing('2026-11-27T09:00:05'));

    // The purge runs the next mornings; week 48's card is still the one due until 4 December 09:00.
    for (const day of ['2026-11-28', '2026-12-01', '2026-12-04']) {
      now = beijing(`${day}T03:30:00`);
      await scheduler.pass();
    }
    now = beijing('2026-12-04T08:59:00');
    await scheduler.pass();
    expect(await cardWeeks()).toEqual(['48']);
    expect(await auditedWeeks()).toEqual(['2026-W48']);
    expect(await repos.sentSummaries.periods(chatId, 'weekly')).toEqual(['2026-W48']);

    // Two weeks later the pass queues the card now due (week 50's, late) and the purge forgets week 48's claim and
    // sent row; week 48 is never due again, so nothing sends it twice.
    now = beijing('2026-12-18T03:30:00');
    await scheduler.pass();
    expect(await repos.sentSummaries.periods(chatId, 'weekly')).toEqual(['2026-W50']);
    expect(await repos.outbox.get(sent!.id)).toBeUndefined();
    now = beijing('2026-12-18T08:00:00');
    await scheduler.pass();
    expect(await cardWeeks()).toEqual(['50']);
    expect(await auditedWeeks()).toEqual(['2026-W48', '2026-W50']);
    await repos.subscriptions.deactivate(chatId);
  });
});
