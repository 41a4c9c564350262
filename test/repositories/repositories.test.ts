/**
 * Every repository method, on SQLite and on PostgreSQL: the same assertions
 * must hold on both databases.
 */
import { expect, it } from 'vitest';
import type { Repositories } from '../../src/repositories/index.js';
import { describeEachDatabase } from '../support/databases.js';

let counter = 0;
/** A value no other test in the file uses. */
const unique = (prefix: string) => `${prefix}${++counter}_${Math.random().toString(36).slice(2, 8)}`;

async function makePlan(repos: Repositories, jurisdiction = '中山市') {
  return repos.plans.upsert({
    key: unique('plan'),
    title: '中山市2016年政务公开工作要点分工方案',
    jurisdiction,
    year: 2016,
    sourceName: '000.txt',
    sourceHash: 'h1',
  });
}

async function makeTask(repos: Repositories, planId: number, key = unique('t')) {
  return repos.tasks.upsert(planId, {
    key,
    kind: 'task',
    parentId: null,
    number: key,
    position: counter,
    categoryPath: '',
    title: `推进“互联网＋政务服务”工作 ${key}`,
    requirement: '',
    sourceExcerpt: '',
    sourceLine: 1,
  });
}

describeEachDatabase('repositories', ({ db, provider }) => {
  it('plans: upsert creates, then updates in place by key; get, findByKey, list, count', async () => {
    const { plans } = db().repos;
    const before = await plans.count();
    const created = await plans.upsert({
      key: 'zs-2016',
      title: '旧标题',
      jurisdiction: '中山市',
      sourceName: 'a.txt',
      sourceHash: 'h1',
      warnings: ['第3行：没有找到单位'],
    });
    const updated = await plans.upsert({
      key: 'zs-2016',
      title: '新标题',
      jurisdiction: '中山市',
      year: 2016,
      docNumber: '中府办〔2016〕12号',
      sourceName: 'a.txt',
      sourceHash: 'h2',
    });
    expect(updated.id).toBe(created.id);
    expect(created.warnings).toEqual(['第3行：没有找到单位']);
    expect(updated).toMatchObject({ title: '新标题', year: 2016, docNumber: '中府办〔2016〕12号', warnings: [] });
    expect(await plans.count()).toBe(before + 1);
    expect((await plans.get(created.id))?.title).toBe('新标题');
    expect((await plans.findByKey('zs-2016'))?.id).toBe(created.id);
    expect(await plans.findByKey('nope')).toBeUndefined();
    expect((await plans.list()).map((plan) => plan.key)).toContain('zs-2016');
  });

  it('units: one unit per jurisdiction and name; aliases resolve; lists by jurisdiction', async () => {
    const { units } = db().repos;
    const zs = await units.findOrCreate({ jurisdiction: '中山市', name: '市财政局', level: 'city' });
    const again = await units.findOrCreate({ jurisdiction: '中山市', name: '市财政局' });
    const ly = await units.findOrCreate({ jurisdiction: '临沂市', name: '市财政局', level: 'city' });
    expect(again.id).toBe(zs.id);
    expect(ly.id).not.toBe(zs.id);

    const fgj = await units.findOrCreate({ jurisdiction: '中山市', name: '市发展改革局', level: 'city' });
    expect(await units.addAlias(fgj.id, '市发改局', 'import')).toBe(true);
    expect(await units.addAlias(fgj.id, '市发改局', 'admin')).toBe(false);
    expect((await units.findByName('中山市', '市发改局'))?.id).toBe(fgj.id);
    expect((await units.findByName('中山市', '市发展改革局'))?.id).toBe(fgj.id);
    expect(await units.findByName('临沂市', '市发改局')).toBeUndefined();
    expect((await units.get(ly.id))?.jurisdiction).toBe('临沂市');

    const section = await units.findOrCreate({ jurisdiction: '中山市', name: '经信局办公室', level: 'section', parentId: fgj.id });
    expect(section).toMatchObject({ level: 'section', parentId: fgj.id });
    expect((await units.list('临沂市')).map((unit) => unit.name)).toEqual(['市财政局']);
    expect((await units.list()).length).toBeGreaterThanOrEqual(4);
    expect(await units.aliases('中山市')).toEqual([{ unitId: fgj.id, jurisdiction: '中山市', alias: '市发改局', source: 'import' }]);
  });

  it('tasks: upsert keeps the id across re-imports; units and deadlines replace; removal marks', async () => {
    const { tasks, units } = db().repos;
    const plan = await makePlan(db().repos);
    const first = await makeTask(db().repos, plan.id, '8');
    const child = await tasks.upsert(plan.id, {
      key: '8.1',
      kind: 'requirement',
      parentId: first.id,
      number: '1．',
      position: 2,
      categoryPath: '重点工作',
      title: '推进PPP项目信息公开',
      requirement: '推进PPP项目信息公开',
      sourceExcerpt: '1．推进PPP项目信息公开',
      sourceLine: 40,
    });
    expect(first.created).toBe(true);
    const again = await makeTask(db().repos, plan.id, '8');
    expect(again).toEqual({ id: first.id, created: false });

    const finance = await units.findOrCreate({ jurisdiction: '中山市', name: '市财政局' });
    const reform = await units.findOrCreate({ jurisdiction: '中山市', name: '市发展改革局' });
    await tasks.replaceUnits(first.id, [
      { unitId: finance.id, role: 'lead' },
      { unitId: reform.id, role: 'lead' },
    ]);
    await tasks.replaceUnits(first.id, [
      { unitId: reform.id, role: 'lead' },
      { unitId: finance.id, role: 'cooperating' },
    ]);
    await tasks.replaceDeadlines(first.id, [
      { raw: '2016年8月和2017年2月完成', kind: 'date', dueOn: '2016-08-31', recurrence: null },
      { raw: '2016年8月和2017年2月完成', kind: 'date', dueOn: '2017-02-28', recurrence: null },
    ]);
    await tasks.replaceDeadlines(child.id, [{ raw: '每季度', kind: 'recurring', dueOn: null, recurrence: 'quarterly' }]);

    const loaded = await tasks.get(first.id);
    expect(loaded?.units).toEqual([
      { unitId: reform.id, unitName: '市发展改革局', role: 'lead' },
      { unitId: finance.id, unitName: '市财政局', role: 'cooperating' },
    ]);
    expect(loaded?.deadlines.map((deadline) => deadline.dueOn)).toEqual(['2016-08-31', '2017-02-28']);
    expect((await tasks.get(child.id))?.deadlines[0]).toMatchObject({ kind: 'recurring', recurrence: 'quarterly' });
    expect(await tasks.get(999_999)).toBeUndefined();

    const removed = await tasks.markRemovedExcept(plan.id, [first.id], new Date('2026-01-01T00:00:00Z'));
    expect(removed).toBe(1);
    expect((await tasks.listByPlan(plan.id)).map((task) => task.key)).toEqual(['8']);
    expect((await tasks.listByPlan(plan.id, { includeRemoved: true })).map((task) => task.key).sort()).toEqual(['8', '8.1']);
    await tasks.upsert(plan.id, { ...(await tasks.get(child.id))!, parentId: first.id });
    expect((await tasks.get(child.id))?.removedAt).toBeNull();

    await tasks.setState(first.id, { status: 'blocked', percent: 30, lastReportAt: new Date('2026-02-01T00:00:00Z') });
    expect(await tasks.get(first.id)).toMatchObject({ status: 'blocked', percent: 30 });
  });

  it('progress: appending keeps the whole history and makes the latest the current state', async () => {
    const plan = await makePlan(db().repos);
    const task = await makeTask(db().repos, plan.id);
    const t0 = new Date('2026-03-01T02:00:00Z');
    await db().transaction(async (repos) => {
      await repos.progress.append({ taskId: task.id, percent: 30, status: 'in_progress', note: '已起草', actor: 'ou_a', at: t0 });
      await repos.progress.append({
        taskId: task.id,
        percent: 100,
        status: 'pending_review',
        note: '已在门户网站公开',
        evidence: ['https://www.zs.gov.cn/x'],
        actor: 'ou_b',
        at: new Date(t0.getTime() + 60_000),
      });
    });
    const history = await db().repos.progress.history(task.id);
    expect(history.map((row) => [row.percent, row.status, row.actor])).toEqual([
      [100, 'pending_review', 'ou_b'],
      [30, 'in_progress', 'ou_a'],
    ]);
    expect(history[0]?.evidence).toEqual(['https://www.zs.gov.cn/x']);
    expect(await db().repos.tasks.get(task.id)).toMatchObject({
      status: 'pending_review',
      percent: 100,
      lastReportAt: new Date(t0.getTime() + 60_000),
    });
    expect(await db().repos.progress.history(task.id, 1)).toHaveLength(1);
  });

  it('a failed unit of work leaves nothing behind', async () => {
    const plan = await makePlan(db().repos);
    const task = await makeTask(db().repos, plan.id);
    await expect(
      db().transaction(async (repos) => {
        await repos.progress.append({ taskId: task.id, percent: 50, status: 'in_progress', actor: 'ou_a' });
        await repos.audit.record({ actor: 'ou_a', action: 'progress.report', entityType: 'task', entityId: task.id });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db().repos.progress.history(task.id)).toEqual([]);
    expect(await db().repos.audit.forEntity('task', task.id)).toEqual([]);
    expect((await db().repos.tasks.get(task.id))?.percent).toBe(0);
  });

  it('people: upsert by open_id; grants requested, approved, revoked; holders by scope', async () => {
    const { people, units } = db().repos;
    const openId = unique('ou_');
    const person = await people.upsert(openId, '张三');
    expect(await people.upsert(openId)).toEqual(person);
    expect((await people.upsert(openId, '张三丰')).name).toBe('张三丰');
    expect(await people.findByOpenId('ou_nobody')).toBeUndefined();

    const unit = await units.findOrCreate({ jurisdiction: '中山市', name: unique('市单位') });
    const request = await people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'pending' });
    expect(await people.grantsOf(openId)).toEqual([]);
    expect(await people.grantsOf(openId, 'pending')).toHaveLength(1);
    const approved = await people.setGrantState(request.id, 'active', 'ou_admin');
    expect(approved).toMatchObject({ state: 'active', grantedBy: 'ou_admin', openId, unitId: unit.id });
    expect((await people.getGrant(request.id))?.state).toBe('active');
    expect((await people.holders('liaison', { unitId: unit.id })).map((grant) => grant.openId)).toEqual([openId]);

    const plan = await makePlan(db().repos);
    const supervisor = await people.upsert(unique('ou_'), '督查室');
    await people.grant({ personId: supervisor.id, role: 'supervisor', planId: plan.id, state: 'active' });
    expect((await people.holders('supervisor', { planId: plan.id })).map((grant) => grant.personId)).toContain(supervisor.id);
    expect((await people.holders('supervisor', { planId: plan.id + 1000 })).map((grant) => grant.personId)).not.toContain(
      supervisor.id,
    );
    await people.setGrantState(request.id, 'revoked', 'ou_admin');
    expect(await people.holders('liaison', { unitId: unit.id })).toEqual([]);
  });

  it('grants: of two reviewers deciding one pending request at once, one wins', async () => {
    const { people, units } = db().repos;
    const person = await people.upsert(unique('ou_'));
    const unit = await units.findOrCreate({ jurisdiction: '中山市', name: unique('市单位') });
    const request = await people.grant({ personId: person.id, role: 'liaison', unitId: unit.id, state: 'pending' });
    const decisions = await Promise.all([
      db().transaction((repos) => repos.people.decideGrant(request.id, 'pending', 'active', 'ou_reviewer1')),
      db().transaction((repos) => repos.people.decideGrant(request.id, 'pending', 'revoked', 'ou_reviewer2')),
    ]);
    expect(decisions.filter((decision) => decision !== undefined)).toHaveLength(1);
    expect((await people.getGrant(request.id))?.state).toBe(decisions.find((decision) => decision !== undefined)!.state);
  });

  it('subscriptions: upsert, get, listActive, deactivate', async () => {
    const { subscriptions } = db().repos;
    const chatId = unique('oc_');
    await subscriptions.upsert({ chatId, weekday: 1, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: 'ou_a', activeFrom: new Date('2026-11-20T00:00:00Z') });
    const changed = await subscriptions.upsert({
      chatId,
      weekday: 5,
      time: '16:30',
      scope: { planIds: [1], unitIds: [2, 3] },
      createdBy: 'ou_b',
      activeFrom: new Date('2026-11-22T00:00:00Z'),
    });
    expect(changed).toMatchObject({ weekday: 5, time: '16:30', active: true, createdBy: 'ou_a', scope: { planIds: [1], unitIds: [2, 3] }, activeFrom: new Date('2026-11-22T00:00:00Z') });
    expect((await subscriptions.listActive()).map((s) => s.chatId)).toContain(chatId);
    expect(await subscriptions.deactivate(chatId)).toBe(true);
    expect(await subscriptions.deactivate(chatId)).toBe(false);
    expect((await subscriptions.get(chatId))?.active).toBe(false);
    expect((await subscriptions.listActive()).map((s) => s.chatId)).not.toContain(chatId);
    expect(await subscriptions.get('oc_none')).toBeUndefined();
  });

  it('sent summaries: a period is claimed once per chat and kind', async () => {
    const { sentSummaries, outbox } = db().repos;
    const chatId = unique('oc_');
    expect(await sentSummaries.claim(chatId, 'weekly', '2026-W47')).toBe(true);
    expect(await sentSummaries.claim(chatId, 'weekly', '2026-W47')).toBe(false);
    expect(await sentSummaries.claim(chatId, 'weekly', '2026-W48')).toBe(true);
    expect(await sentSummaries.claim(chatId, 'reminder', '2026-W47')).toBe(true);
    const row = await outbox.enqueue({ uuid: unique('w'), action: 'send', target: chatId, chatKey: chatId, msgType: 'text', content: '{}' });
    await sentSummaries.attachOutbox(chatId, 'weekly', '2026-W47', row.id);
    expect(await sentSummaries.periods(chatId, 'weekly')).toEqual(['2026-W48', '2026-W47']);
  });

  it('sent summaries: two concurrent claims of one period, one wins', async () => {
    const chatId = unique('oc_');
    const results = await Promise.all(
      [1, 2, 3].map(() => db().transaction((repos) => repos.sentSummaries.claim(chatId, 'weekly', '2026-W50'))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('inbound events: stored once, claimed once, stalled ones found (done ones: test/summaries/data-purge.test.ts)', async () => {
    const { events } = db().repos;
    const eventId = unique('ev_');
    const at = new Date('2026-01-01T00:00:00Z');
    expect(await events.record(eventId, 'im.message.receive_v1', '{"text":"hi"}', at)).toBe(true);
    expect(await events.record(eventId, 'im.message.receive_v1', '{"text":"hi"}')).toBe(false);
    expect((await events.stalled(new Date('2026-01-01T00:01:00Z'))).map((event) => event.eventId)).toContain(eventId);
    await events.recordFailure(eventId, 'database gone');
    expect(await events.get(eventId)).toMatchObject({ state: 'received', attempts: 1, payload: '{"text":"hi"}' });
    expect(await events.claim(eventId)).toBe(true);
    expect(await events.claim(eventId)).toBe(false);
    expect((await events.stalled(new Date('2026-01-01T00:01:00Z'))).map((event) => event.eventId)).not.toContain(eventId);
  });

  it('inbound events: two instances claiming one event in concurrent transactions, one wins', async () => {
    const eventId = unique('ev_');
    await db().repos.events.record(eventId, 'im.message.receive_v1', '{}');
    const wins = await Promise.all([1, 2, 3].map(() => db().transaction((repos) => repos.events.claim(eventId))));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('outbox: enqueue is idempotent by uuid; due gives the oldest per chat; lease, retry, sent, failed', async () => {
    const { outbox } = db().repos;
    const chat = unique('oc_');
    const other = unique('oc_');
    const now = new Date('2026-05-01T00:00:00Z');
    const message = (uuid: string, chatKey: string) => ({
      uuid,
      action: 'send' as const,
      receiveIdType: 'chat_id',
      target: chatKey,
      chatKey,
      msgType: 'text',
      content: JSON.stringify({ text: uuid }),
    });
    const a = await outbox.enqueue(message(unique('a'), chat), now);
    expect((await outbox.enqueue({ ...message(a.uuid, chat), content: 'changed' }, now)).id).toBe(a.id);
    expect((await outbox.get(a.id))?.content).toBe(a.content);
    const b = await outbox.enqueue(message(unique('b'), chat), now);
    const c = await outbox.enqueue(message(unique('c'), other), now);
    await expect(outbox.enqueue(message('x'.repeat(51), chat))).rejects.toThrow(/50/);

    const due = (await outbox.due(now)).filter((row) => row.chatKey === chat || row.chatKey === other);
    expect(due.map((row) => row.id)).toEqual([a.id, c.id]);

    const lease = new Date(now.getTime() + 30_000);
    expect(await outbox.lease(a.id, a.nextAttemptAt, lease)).toBe(true);
    expect(await outbox.lease(a.id, a.nextAttemptAt, lease)).toBe(false);
    expect((await outbox.due(now)).map((row) => row.id)).not.toContain(b.id);

    await outbox.retryAt(a.id, new Date(now.getTime() + 5_000), '429 too many requests');
    expect(await outbox.get(a.id)).toMatchObject({ attempts: 1, lastError: '429 too many requests', state: 'pending' });
    await outbox.markSent(a.id, 'om_1', now);
    expect(await outbox.get(a.id)).toMatchObject({ state: 'sent', sentMessageId: 'om_1', lastError: null });
    expect((await outbox.due(now)).map((row) => row.id)).toContain(b.id);
    await outbox.markFailed(c.id, '230002 bot not in chat');
    expect((await outbox.list('failed')).map((row) => row.id)).toContain(c.id);
    expect((await outbox.list()).length).toBeGreaterThanOrEqual(3);
  });

  it('audit: records with before/after and reads them back by entity', async () => {
    const { audit } = db().repos;
    const id = unique('');
    const before = await audit.count('progress.report');
    await audit.record({ actor: 'ou_a', action: 'progress.report', entityType: 'task', entityId: id, before: { percent: 0 }, after: { percent: 60 }, eventId: 'ev1' });
    await audit.record({ actor: 'system', action: 'plan.import', entityType: 'task', entityId: id, after: { title: 'x' } });
    const entries = await audit.forEntity('task', id);
    expect(entries.map((entry) => [entry.action, entry.before, entry.after, entry.eventId])).toEqual([
      ['progress.report', { percent: 0 }, { percent: 60 }, 'ev1'],
      ['plan.import', null, { title: 'x' }, null],
    ]);
    expect(await audit.count('progress.report')).toBe(before + 1);
    expect(provider).toMatch(/sqlite|postgresql/);
  });
});
