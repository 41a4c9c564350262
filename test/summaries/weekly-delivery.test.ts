/**
 * Weekly cards on a controlled clock: out at the chosen local time, moved
 * off public holidays, once per chat and period — with two instances on one
 * database, after a crash in the middle of a run, and after downtime (sent
 * once, late, saying so).
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { deliverDueSummaries, type SummaryServices } from '../../src/summaries/weekly-delivery.js';
import { describeEachDatabase } from '../support/databases.js';
import { failOutboxInsertsFor, summaryServices } from './delivery-fixture.js';

/** An instant given in Beijing time. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describeEachDatabase('weekly cards', (fixture) => {
  let services: SummaryServices;
  let chats: string[] = [];
  let counter = 0;

  beforeAll(async () => {
    services = await summaryServices(fixture.db());
  }, 60_000);

  afterEach(async () => {
    for (const chatId of chats) await fixture.db().repos.subscriptions.deactivate(chatId);
    chats = [];
  });

  /** Subscribes a new chat. */
  async function subscribe(weekday: number, time: string, activeFrom: Date): Promise<string> {
    const chatId = `oc_weekly_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
    await fixture.db().repos.subscriptions.upsert({ chatId, weekday, time, scope: { planIds: [], unitIds: [] }, createdBy: 'ou_admin', activeFrom });
    chats.push(chatId);
    return chatId;
  }

  /** The cards queued for a chat, as their JSON. */
  async function cardsOf(chatId: string): Promise<{ header: { title: { content: string }; subtitle: { content: string } }; body: { elements: { content?: string }[] } }[]> {
    const rows = (await fixture.db().repos.outbox.list(undefined, 100_000)).filter((row) => row.target === chatId);
    return rows.map((row) => JSON.parse(row.content));
  }

  it('goes out at the chosen local time, not before, and once; it tells this week’s reports by unit', async () => {
    const chatId = await subscribe(1, '09:00', beijing('2026-11-20T12:00:00'));
    const repos = fixture.db().repos;
    const plan = (await repos.plans.list()).find((candidate) => candidate.title.includes('江门'))!;
    const task = (await repos.tasks.listByPlan(plan.id)).find((candidate) => candidate.kind === 'task' && candidate.units.length > 0)!;
    const unit = task.units[0]!;
    // One report in week 48 (Monday 08:00), one the Sunday before: only the first is this week's.
    await repos.progress.append({ taskId: task.id, percent: 30, status: 'in_progress', actor: 'ou_liaison', unitId: unit.unitId, at: beijing('2026-11-22T20:00:00') });
    await repos.progress.append({ taskId: task.id, percent: 40, status: 'in_progress', actor: 'ou_liaison', unitId: unit.unitId, at: beijing('2026-11-23T08:00:00') });
    await deliverDueSummaries(services, beijing('2026-11-23T08:59:00'));
    expect(await cardsOf(chatId)).toHaveLength(0);
    await deliverDueSummaries(services, beijing('2026-11-23T09:00:00'));
    await deliverDueSummaries(services, beijing('2026-11-23T09:30:00'));
    await deliverDueSummaries(services, beijing('2026-11-24T09:00:00'));
    const cards = await cardsOf(chatId);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.header.title.content).toBe('督办周报 · 全部方案');
    expect(cards[0]!.header.subtitle.content).toBe('2026年第48周（11月23日—11月29日）');
    expect(JSON.stringify(cards[0])).not.toContain('延后补发');
    // The card spans several places: the unit is named with its place, the 江门 plan's.
    expect(JSON.stringify(cards[0])).toContain(`**本周变化**\\n江门市 ${unit.unitName}：报告进度 1 次`);
    const audit = await fixture.db().repos.audit.forEntity('chat', chatId);
    expect(audit.map((entry) => entry.action)).toEqual(['summary.weekly']);
    // The next week's card comes the next Monday.
    await deliverDueSummaries(services, beijing('2026-11-30T09:00:00'));
    expect(await cardsOf(chatId)).toHaveLength(2);
  });

  it('moves a card due on a public holiday to the next working day', async () => {
    // Thursdays: 1 October is 国庆节, so week 40's card waits for Thursday 8 October, which is week 41's day: one card stands for both.
    const chatId = await subscribe(4, '09:00', beijing('2026-09-25T00:00:00'));
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      await deliverDueSummaries(services, beijing(`${day}T10:00:00`));
    }
    expect(await cardsOf(chatId)).toHaveLength(0);
    await deliverDueSummaries(services, beijing('2026-10-08T09:00:00'));
    await deliverDueSummaries(services, beijing('2026-10-09T09:00:00'));
    const cards = await cardsOf(chatId);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.header.subtitle.content).toContain('第41周');
  });

  it('a Monday card after a holiday Monday goes out on Tuesday; a make-up Saturday does not matter', async () => {
    // 2026-04-06 (Monday) is 清明 (observed): the card goes out Tuesday 7 April.
    const chatId = await subscribe(1, '09:00', beijing('2026-04-01T00:00:00'));
    await deliverDueSummaries(services, beijing('2026-04-06T09:00:00'));
    expect(await cardsOf(chatId)).toHaveLength(0);
    await deliverDueSummaries(services, beijing('2026-04-07T09:00:00'));
    expect(await cardsOf(chatId)).toHaveLength(1);
  });

  it('after downtime it catches up once, says it is late, and skips the weeks missed before', async () => {
    const chatId = await subscribe(1, '09:00', beijing('2026-11-01T00:00:00'));
    // Down from before Monday 9 November until Wednesday 25 November: weeks 46 and 47 were missed, week 48's card is due.
    await deliverDueSummaries(services, beijing('2026-11-25T15:20:00'));
    await deliverDueSummaries(services, beijing('2026-11-25T15:21:00'));
    const cards = await cardsOf(chatId);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.header.subtitle.content).toContain('第48周');
    expect(JSON.stringify(cards[0])).toContain('本周报应于 11月23日（周一）09:00 发送，因服务中断延后补发');
  });

  it('a new subscription does not send the card of a time already past', async () => {
    const chatId = await subscribe(1, '09:00', beijing('2026-11-24T10:00:00'));
    await deliverDueSummaries(services, beijing('2026-11-24T10:01:00'));
    expect(await cardsOf(chatId)).toHaveLength(0);
    await deliverDueSummaries(services, beijing('2026-11-30T09:00:00'));
    expect(await cardsOf(chatId)).toHaveLength(1);
  });

  // Several instances share PostgreSQL only; SQLite is one process's embedded database.
  it.skipIf(fixture.provider === 'sqlite')('two instances on one database send each chat one card', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => subscribe(2, '09:00', beijing('2026-11-20T00:00:00'))));
    const second = await Database.open(fixture.url(), { poolSize: 4 });
    try {
      const other = await summaryServices(second, false);
      const now = beijing('2026-11-24T09:00:05');
      const results = await Promise.all([deliverDueSummaries(services, now), deliverDueSummaries(other, now), deliverDueSummaries(services, now)]);
      expect(results.reduce((sum, result) => sum + result.failed, 0)).toBe(0);
      for (const chatId of ids) expect(await cardsOf(chatId)).toHaveLength(1);
      for (const chatId of ids) expect(await fixture.db().repos.sentSummaries.count(chatId, 'weekly')).toBe(1);
      // The claim, not only the outbox's uuid, stopped the other instances: one audit record per chat.
      for (const chatId of ids) expect((await fixture.db().repos.audit.forEntity('chat', chatId)).length).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('a crash in the middle of a run loses no card and doubles none', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => subscribe(3, '09:00', beijing('2026-11-20T00:00:00'))));
    const victim = ids[3]!;
    const recover = await failOutboxInsertsFor(fixture.url(), victim);
    const now = beijing('2026-11-25T09:00:00');
    let first;
    try {
      first = await deliverDueSummaries(services, now);
    } finally {
      await recover();
    }
    expect(first.failed).toBe(1);
    expect(await cardsOf(victim)).toHaveLength(0);
    expect(await fixture.db().repos.sentSummaries.count(victim, 'weekly')).toBe(0);
    // The restarted service's next pass sends the one that failed, and only it.
    await deliverDueSummaries(services, new Date(now.getTime() + 60_000));
    for (const chatId of ids) expect(await cardsOf(chatId)).toHaveLength(1);
  });
});
