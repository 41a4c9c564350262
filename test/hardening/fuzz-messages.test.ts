/**
 * Generated messages through the dispatch path (fast-check): random
 * Unicode, very long texts, control characters, unbalanced quotes, command
 * look-alikes, SQL and markdown injection. Every message addressed to the
 * bot gets an answer that is not the apology for a failure, no exception
 * escapes, and a member without roles changes nothing. FUZZ_MESSAGES sets
 * the count (`npm run test:soak` runs 10,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { APOLOGY } from '../../src/bot/inbound-processor.js';
import { outboxUuid } from '../../src/bot/outgoing.js';
import { dispatchEnvelope } from '../../src/lark/dispatch-envelope.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type FakeLark } from '../support/fake-lark.js';
import { messageEvent, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';

const RUNS = Number(process.env.FUZZ_MESSAGES ?? 300);
const secrets: ConsoleSecrets = { appId: 'cli_fuzzfuzzfuzzfuzz', encryptKey: 'fuzz-encrypt-key', verificationToken: 'fuzz-verification-token' };

const names = commands.flatMap((command) => [command.name, command.alias]).concat(['help', '帮助', '?', '']);
const word = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('#12', '#0', '#-1', '#999999999999999999', '60%', '101%', '-5%', '1e309%', 'NaN%', '受阻', '通过', '退回', '周一', '25:99', '市财政局', '全部', '@_user_1', '第10项的第3条'),
  fc.constantFrom(`'; DROP TABLE "Task"; --`, '" OR 1=1 --', "%' UNION SELECT * FROM \"RoleGrant\" --", '\\', '%_%', '$1', '${process.env}'),
  fc.constantFrom('<at id=all></at>', '<at user_id="all"></at>', '**', '[点我](javascript:alert(1))', '{"tag":"button"}', '<font color=red>', '```', '<script>', '&lt;'),
  fc.constantFrom('“', '"', "'", '「', '《', '（', '(', '[', '{', '】'),
  fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u202e', '\ufeff', '\r\n', '\t', '\u200b', '\ud800', '\udfff'),
);
const command = fc.tuple(fc.constantFrom('/', '／', '/ ', '//'), fc.constantFrom(...names), fc.array(word, { maxLength: 6 })).map(([slash, name, args]) => `${slash}${name} ${args.join(' ')}`);
const text = fc.oneof(
  { weight: 4, arbitrary: command },
  { weight: 3, arbitrary: fc.array(word, { maxLength: 10 }).map((words) => words.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 1_000, max: 20_000 })).map(([w, n]) => (w || '长').repeat(Math.ceil(n / Math.max(1, w.length)))) },
);

describe('fuzzed messages', () => {
  let fake: FakeLark;
  let app: TestApp;

  beforeAll(async () => {
    fake = await startFakeLark({ appId: secrets.appId, appSecret: 'fuzz-secret' });
    app = await startTestApp('sqlite', { ...webhookEnv(secrets, 'fuzz-secret', fake.url), SEED_ON_EMPTY: '1', LOG_LEVEL: 'silent' });
    await app.lark!.sender.stop();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('an over-long question or command is answered with the limit, not with a card Lark would refuse', async () => {
    const ask = async (text: string) => {
      const event = messageEvent(secrets, { text, senderOpenId: 'ou_fuzzmember', chatId: 'oc_fuzz_p2p' });
      await dispatchEnvelope(app.lark!.processor, event, fake.botOpenId);
      await app.lark!.processor.idle();
      const row = (await app.db.repos.outbox.findByUuid(outboxUuid(event.header.event_id, 0)))!;
      return (JSON.parse(row.content) as { text: string }).text;
    };
    expect(await ask('预决算公开'.repeat(4_000))).toBe('这个问题有 20000 个字，太长了：请用一句话提问（300 字以内），例如“市财政局负责什么”“哪些任务逾期了”。');
    expect(await ask(`/进度 #8 60% ${'说明'.repeat(1_500)}`)).toMatch(/^这条命令有 30\d\d 个字，太长了：命令最多 2000 字/);
  });

  it('half a surrogate pair (valid JSON, not valid text) is read as U+FFFD, and the message answered', async () => {
    const event = messageEvent(secrets, { text: '/查找 \ud800预算', senderOpenId: 'ou_fuzzmember', chatId: 'oc_fuzz_p2p' });
    await dispatchEnvelope(app.lark!.processor, event, fake.botOpenId);
    await app.lark!.processor.idle();
    const row = (await app.db.repos.outbox.findByUuid(outboxUuid(event.header.event_id, 0)))!;
    expect(row.content).not.toContain(APOLOGY);
    expect(row.content).toContain('预算');
  });

  it(`${RUNS} generated messages: each answered, none with the failure apology, nothing changed`, async () => {
    const before = { audits: await app.db.repos.audit.count(), progress: await app.db.repos.audit.count('task.progress') };
    const bot = fake.botOpenId;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (body, inGroup) => {
        const event = messageEvent(secrets, { text: body, senderOpenId: 'ou_fuzzmember', chatType: inGroup ? 'group' : 'p2p', chatId: inGroup ? 'oc_fuzz_group' : 'oc_fuzz_p2p', ...(inGroup ? { mention: { openId: bot, name: '督办助手' } } : {}) });
        await dispatchEnvelope(app.lark!.processor, event, bot);
        await app.lark!.processor.idle();
        const reply = await app.db.repos.outbox.findByUuid(outboxUuid(event.header.event_id, 0));
        expect(reply).toBeDefined();
        expect(reply!.content).not.toContain(APOLOGY);
        answered++;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201), endOnFailure: true },
    );
    expect(answered).toBe(RUNS);
    // A member without roles may ask to become a liaison (a request) and nothing more.
    expect(await app.db.repos.audit.count('task.progress')).toBe(before.progress);
    const changes = (await app.db.repos.audit.count()) - before.audits;
    expect(changes).toBe(await app.db.repos.audit.count('grant.request'));
  }, 1_800_000);
});
