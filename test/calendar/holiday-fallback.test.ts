/**
 * The running service with its clock injected at 2026-12-20, 2026-12-21,
 * 2027-01-01 and 2027-03-01, and chinese-days lacking 2027: it starts and
 * stays healthy, /healthz says the data covers through 2026-12-31,
 * administrators get one notice each, 2027 runs on weekends alone with the
 * cards marked 暂按周末计算 — and a holidays/2027.json (written here, made
 * up) is used when present. Nothing here depends on the day the suite runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChinaCalendar } from '../../src/calendar/china-holidays.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';
import { TEST_2027 } from './test-schedule.js';

const secrets: ConsoleSecrets = { appId: 'cli_holidayholiday01', encryptKey: 'holiday-encrypt-key', verificationToken: 'holiday-verification-token' };
const ADMIN = 'ou_holidayadmin';
const GRANTED_ADMIN = 'ou_holidaygrantedadmin';
const LIAISON = 'ou_holidayliaison';
const GROUP = 'oc_holidaygroup';
const beijing = (local: string) => new Date(`${local}+08:00`);

/** An empty or filled holidays folder in a temporary directory. */
function holidaysDir(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'holidays-app-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

type CardContent = { header: { title: { content: string }; subtitle?: { content: string } } };
const subtitleOf = (content: unknown) => (content as CardContent).header.subtitle?.content ?? '';

describe('a year without a holiday schedule, on an injected clock [sqlite]', () => {
  let fake: FakeLark;
  let app: TestApp;
  let now = beijing('2026-12-20T10:00:00');
  const dir = holidaysDir();
  const env = () => ({ ...webhookEnv(secrets, 'holiday-secret', fake.url), BOT_ADMINS: ADMIN });

  /** Notices queued in the outbox for an administrator (the once-only record, whatever the sender has done yet). */
  const noticesTo = async (openId: string) =>
    (await app.db.repos.outbox.list(undefined, 100_000)).filter((row) => row.target === openId && (row.fallbackText ?? '').includes('节假日安排尚未载入'));
  const getHealth = async () => {
    const response = await fetch(`${app.url}/healthz`);
    return { status: response.status, body: (await response.json()) as { status: string; holidays: unknown } };
  };

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'holiday-secret' });
    app = await startTestApp('sqlite', { ...env(), SEED_ON_EMPTY: '1' }, undefined, { clock: () => now, holidaysDir: dir });
    // Passes run by hand, each at the clock the test set.
    await app.scheduler.stop();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('the installed chinese-days has no 2027 (when it does, move these dates a year on)', () => {
    expect(loadChinaCalendar(dir).covers(2027)).toBe(false);
  });

  it('starts with a warning and stays healthy; /healthz says how far the data reaches', async () => {
    expect(app.logs.join('')).toContain('no official holiday schedule for 2027');
    expect(await getHealth()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', holidays: { coveredThrough: '2026-12-31', missing: [2027] } }) });
    now = beijing('2027-03-01T09:00:00');
    expect((await getHealth()).body.holidays).toEqual({ coveredThrough: '2026-12-31', missing: [2027, 2028] });
    now = beijing('2026-12-20T10:00:00');
  });

  it('tells each administrator once, one-to-one, on a December working day from 09:00', async () => {
    await app.db.repos.people.grant({ personId: (await app.db.repos.people.upsert(GRANTED_ADMIN)).id, role: 'admin', state: 'active' });
    await app.scheduler.pass(); // Sunday 20 December: not a working day
    now = beijing('2026-12-21T08:50:00');
    await app.scheduler.pass(); // Monday, before 09:00
    expect(await noticesTo(ADMIN)).toHaveLength(0);

    now = beijing('2026-12-21T09:30:00');
    await app.scheduler.pass();
    const delivered = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === ADMIN));
    expect(delivered).toMatchObject({ kind: 'send', msgType: 'interactive' });
    expect((delivered.content as CardContent).header.title.content).toBe('2027年节假日安排尚未载入');
    expect(JSON.stringify(delivered.content)).toContain('holidays/2027.json');
    expect(JSON.stringify(delivered.content)).toContain('暂按周末计算');
    expect(fake.calls.find((call) => call.body.receive_id === ADMIN)?.query.get('receive_id_type')).toBe('open_id');
    await waitFor(() => fake.deliveries.find((delivery) => delivery.target === GRANTED_ADMIN));

    // Later passes, a second instance on the same database, and March of the missing year: nothing more.
    now = beijing('2026-12-21T10:30:00');
    await app.scheduler.pass();
    const second = await startTestApp('sqlite', env(), app.databaseUrl, { clock: () => now, holidaysDir: dir });
    try {
      await second.scheduler.stop();
      await second.scheduler.pass();
    } finally {
      await second.close();
    }
    expect(await noticesTo(ADMIN)).toHaveLength(1);
    expect(await noticesTo(GRANTED_ADMIN)).toHaveLength(1);
    now = beijing('2027-03-01T09:30:00');
    await app.scheduler.pass();
    // Nothing queued in March (December's sent rows may be gone by now: the daily purge forgets sent messages after a week).
    const march = beijing('2027-03-01T00:00:00').getTime();
    expect((await noticesTo(ADMIN)).filter((row) => row.createdAt.getTime() >= march)).toHaveLength(0);
    expect((await noticesTo(GRANTED_ADMIN)).filter((row) => row.createdAt.getTime() >= march)).toHaveLength(0);
    expect(await app.db.repos.audit.count('holiday.notice')).toBe(2);
  });

  it('runs 2027 on weekends alone: New Year’s Day is a working day, and the cards say 暂按周末计算', async () => {
    const repos = app.db.repos;
    await repos.subscriptions.upsert({ chatId: GROUP, weekday: 5, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: ADMIN, activeFrom: beijing('2026-12-26T00:00:00') });
    const unit = (await repos.units.findByName('中山市', '市财政局'))!;
    await repos.people.grant({ personId: (await repos.people.upsert(LIAISON)).id, role: 'liaison', unitId: unit.id, state: 'active' });

    now = beijing('2027-01-01T09:00:30'); // a Friday; 元旦 in every real schedule
    await app.scheduler.pass();
    const weekly = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === GROUP));
    expect((weekly.content as CardContent).header.title.content).toBe('督办周报 · 全部方案');
    expect(subtitleOf(weekly.content)).toBe('2026年第53周（12月28日—1月3日） · 暂按周末计算');
    // 中山市's tasks were due in 2016: the liaison's overdue digest goes out the same day, marked too.
    const digest = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === LIAISON && (delivery.content as CardContent).header.title.content === '逾期任务提醒'));
    expect(subtitleOf(digest.content)).toBe('暂按周末计算');
    const rows = (await repos.outbox.list(undefined, 100_000)).filter((candidate) => candidate.target === LIAISON);
    expect(rows.map((row) => row.fallbackText)).toContainEqual(expect.stringMatching(/^逾期任务提醒（暂按周末计算）\n/));
    expect(rows.every((row) => row.fallbackText!.split('\n')[0]!.endsWith('（暂按周末计算）'))).toBe(true);
  });

  it('reads holidays/2027.json when it is there: no notice, 元旦 off, cards unmarked', async () => {
    const filled = holidaysDir({ '2027.json': TEST_2027 });
    now = beijing('2026-12-21T09:30:00');
    const withFile = await startTestApp('sqlite', env(), undefined, { clock: () => now, holidaysDir: filled });
    try {
      await withFile.scheduler.stop();
      expect(withFile.logs.join('')).not.toContain('no official holiday schedule');
      const health = (await (await fetch(`${withFile.url}/healthz`)).json()) as { holidays: unknown };
      expect(health.holidays).toEqual({ coveredThrough: '2027-12-31', missing: [] });
      await withFile.scheduler.pass();
      await withFile.db.repos.subscriptions.upsert({ chatId: `${GROUP}_file`, weekday: 5, time: '09:00', scope: { planIds: [], unitIds: [] }, createdBy: ADMIN, activeFrom: beijing('2026-12-26T00:00:00') });
      now = beijing('2027-01-01T09:00:30');
      await withFile.scheduler.pass();
      now = beijing('2027-01-04T09:00:30'); // the next working day after the Friday-to-Sunday break
      await withFile.scheduler.pass();
      const weekly = await waitFor(() => fake.deliveries.find((delivery) => delivery.target === `${GROUP}_file`));
      // The week of 28 December's card, moved from Friday 1 January to Monday 4 January, with no mark.
      expect(subtitleOf(weekly.content)).toBe('2026年第53周（12月28日—1月3日）');
      const rows = await withFile.db.repos.outbox.list(undefined, 100_000);
      expect(rows.filter((row) => row.target === ADMIN)).toHaveLength(0);
      expect(rows.filter((row) => row.target === `${GROUP}_file`)).toHaveLength(1);
    } finally {
      await withFile.close();
    }
  });
});
