/**
 * Reminders and graded chasing on a controlled clock, against the seed
 * plans (中山市's tasks are due 2016-12-31): liaisons are reminded 7 and 1
 * days before, once each; a task silent for 14 days is chased, at 21 days
 * again with the supervisor copied; overdue tasks come as one daily digest;
 * nothing on a public holiday or before 09:00; a snooze silences a task for
 * a week; supervisors get their detailed card once a week.
 */
import { beforeAll, expect, it } from 'vitest';
import { reminderCardActions } from '../../src/bot/reminder-actions.js';
import type { CardAction } from '../../src/bot/events.js';
import { deliverReminders, deliverSupervisorCards } from '../../src/summaries/reminder-delivery.js';
import type { SummaryServices } from '../../src/summaries/weekly-delivery.js';
import { describeEachDatabase } from '../support/databases.js';
import { summaryServices } from './delivery-fixture.js';

const beijing = (local: string) => new Date(`${local}+08:00`);
const LIAISON = 'ou_reminderliaison';
const SUPERVISOR = 'ou_remindersupervisor';

describeEachDatabase('reminders and chasing', (fixture) => {
  let services: SummaryServices;
  let mine: number[];
  let quiet: number;

  beforeAll(async () => {
    services = await summaryServices(fixture.db());
    const repos = fixture.db().repos;
    const unit = (await repos.units.findByName('中山市', '市财政局'))!;
    await repos.people.grant({ personId: (await repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: unit.id, state: 'active' });
    await repos.people.grant({ personId: (await repos.people.upsert(SUPERVISOR)).id, role: 'supervisor', state: 'active' });
    const plan = (await repos.plans.list()).find((candidate) => candidate.title.includes('中山市贯彻落实'))!;
    const tasks = await repos.tasks.listByPlan(plan.id);
    const leaves = tasks.filter((task) => task.kind !== 'category' && !tasks.some((child) => child.parentId === task.id));
    const lead = (task: (typeof tasks)[number]) => {
      const lead = task.units.filter((link) => link.role === 'lead');
      return (lead.length > 0 ? lead : task.units.filter((link) => link.role === 'responsible')).some((link) => link.unitId === unit.id);
    };
    mine = leaves.filter((task) => lead(task) && task.deadlines.some((deadline) => deadline.dueOn === '2016-12-31')).map((task) => task.id);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    quiet = mine[0]!;
    // Its last report: 20 November 2016, so it is silent for 14 days on 4 December.
    await repos.progress.append({ taskId: quiet, percent: 20, status: 'in_progress', note: '启动', actor: LIAISON, unitId: unit.id, at: beijing('2016-11-20T10:00:00') });
  }, 60_000);

  /** The reminder cards queued for a person, newest last, as their text fallbacks. */
  async function remindersOf(openId: string): Promise<string[]> {
    const rows = (await fixture.db().repos.outbox.list(undefined, 100_000)).filter((row) => row.target === openId && row.receiveIdType === 'open_id');
    return rows.map((row) => row.fallbackText ?? row.content);
  }

  it('chases a silent task at 14 days, and at 21 days with the supervisor copied — once each', async () => {
    await deliverReminders(services, beijing('2016-12-02T09:00:00'));
    expect(await remindersOf(LIAISON)).toHaveLength(0);
    await deliverReminders(services, beijing('2016-12-05T09:00:00'));
    await deliverReminders(services, beijing('2016-12-06T09:00:00'));
    let sent = await remindersOf(LIAISON);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('请更新任务进展');
    expect(sent[0]).toContain(`#${quiet} `);
    expect(sent[0]).toContain('15 天没有报告进展');
    await deliverReminders(services, beijing('2016-12-12T09:00:00'));
    await deliverReminders(services, beijing('2016-12-13T09:00:00'));
    sent = await remindersOf(LIAISON);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('督查人员已收到抄送');
    const copies = (await remindersOf(SUPERVISOR)).filter((text) => text.startsWith('抄送'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain('市财政局');
  });

  it('reminds 7 days and 1 day before the deadline, once each, from 09:00 on working days', async () => {
    const before = (await remindersOf(LIAISON)).length;
    await deliverReminders(services, beijing('2016-12-26T08:59:00'));
    expect(await remindersOf(LIAISON)).toHaveLength(before);
    await deliverReminders(services, beijing('2016-12-26T09:00:00'));
    await deliverReminders(services, beijing('2016-12-27T09:00:00'));
    let sent = (await remindersOf(LIAISON)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('任务即将到期');
    for (const id of mine) expect(sent[0]).toContain(`#${id} `);
    expect(sent[0]).toContain('还有 5 天到期（12月31日）');
    await deliverReminders(services, beijing('2016-12-30T09:30:00'));
    await deliverReminders(services, beijing('2016-12-30T15:00:00'));
    sent = (await remindersOf(LIAISON)).slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('还有 1 天到期');
  });

  it('sends overdue tasks as one digest a working day, and nothing on a public holiday', async () => {
    const before = (await remindersOf(LIAISON)).length;
    // 2 January 2017 is the 元旦 holiday (a Monday).
    await deliverReminders(services, beijing('2017-01-02T09:00:00'));
    expect(await remindersOf(LIAISON)).toHaveLength(before);
    await deliverReminders(services, beijing('2017-01-03T09:00:00'));
    await deliverReminders(services, beijing('2017-01-03T16:00:00'));
    let sent = (await remindersOf(LIAISON)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`你联络的单位有 ${mine.length} 项任务已过时限`);
    await deliverReminders(services, beijing('2017-01-04T09:00:00'));
    sent = (await remindersOf(LIAISON)).slice(before);
    expect(sent).toHaveLength(2);
    const audits = await fixture.db().repos.audit.forEntity('person', LIAISON);
    expect(audits.filter((entry) => entry.action === 'reminder.sent')).toHaveLength((await remindersOf(LIAISON)).length);
  });

  it('a snooze silences the liaison’s own tasks for a week; others cannot snooze them', async () => {
    const press = (operator: string, taskIds: number[]) =>
      reminderCardActions({ admins: [], timeZone: 'Asia/Shanghai' }).reminder_snooze!(
        { kind: 'card_action', eventId: `ev_${operator}_${taskIds.join('_')}`, operatorOpenId: operator, chatId: null, messageId: null, value: { action: 'reminder_snooze', taskIds }, formValue: {}, updateToken: null } as CardAction,
        { repos: fixture.db().repos, now: beijing('2017-01-04T10:00:00') },
      );
    expect((await press('ou_someoneelse', mine)).toast?.type).toBe('error');
    expect((await press(LIAISON, mine)).toast).toEqual({ type: 'success', content: `已暂停这 ${mine.length} 项任务的提醒，1月11日起恢复。` });
    const before = (await remindersOf(LIAISON)).length;
    await deliverReminders(services, beijing('2017-01-05T09:00:00'));
    await deliverReminders(services, beijing('2017-01-10T09:00:00'));
    expect(await remindersOf(LIAISON)).toHaveLength(before);
    await deliverReminders(services, beijing('2017-01-11T09:00:00'));
    expect(await remindersOf(LIAISON)).toHaveLength(before + 1);
  });

  it('supervisors get their detailed weekly card once a week', async () => {
    const cards = async () => (await remindersOf(SUPERVISOR)).filter((text) => text.startsWith('督办周报（督查版）'));
    const before = (await cards()).length;
    await deliverSupervisorCards(services, beijing('2017-01-09T09:00:00'));
    await deliverSupervisorCards(services, beijing('2017-01-10T09:00:00'));
    expect(await cards()).toHaveLength(before + 1);
    await deliverSupervisorCards(services, beijing('2017-01-16T09:00:00'));
    expect(await cards()).toHaveLength(before + 2);
  });
});
