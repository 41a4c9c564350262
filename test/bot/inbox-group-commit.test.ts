/**
 * Group commit of the inbox, on real databases: events arriving together
 * are stored by one statement; when the database refuses that statement,
 * none of its events is acknowledged (each caller gets the error, the
 * webhook's 500) and none is stored, so Lark's redelivery brings each in
 * once and it is processed once. An event alone is stored at once.
 */
import Database3 from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import { InboundProcessor, type BotBehaviour } from '../../src/bot/inbound-processor.js';
import type { IncomingMessage } from '../../src/bot/events.js';
import { textReply } from '../../src/bot/outgoing.js';
import { parseDatabaseUrl } from '../../src/db/database-url.js';
import { createLogger } from '../../src/lib/logger.js';
import { describeEachDatabase } from '../support/databases.js';

const message = (eventId: string): IncomingMessage => ({
  kind: 'message',
  eventId,
  messageId: `om_${eventId}`,
  chatId: 'oc_group_commit',
  chatType: 'p2p',
  senderOpenId: 'ou_user',
  senderType: 'user',
  messageType: 'text',
  text: '你好',
  mentionsBot: false,
  mentions: [],
  parentId: null,
  file: null,
});

/** Counts how many times each event was acted on. */
function countingBehaviour(seen: Map<string, number>): BotBehaviour {
  return {
    async onMessage(incoming) {
      seen.set(incoming.eventId, (seen.get(incoming.eventId) ?? 0) + 1);
      return [textReply(incoming.messageId, incoming.chatId, '收到')];
    },
    async onCardAction() {
      return {};
    },
    async onBotAdded() {
      return [];
    },
  };
}

/** Makes the database refuse to store any event whose id starts with "refused-" (a fault in the statement's commit path). */
async function refuseSomeEvents(url: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const connection = new Database3(target.file);
    connection.exec(`CREATE TRIGGER "refuse_some" BEFORE INSERT ON "InboundEvent" WHEN NEW."eventId" LIKE 'refused-%' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    connection.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  await client.query(`CREATE FUNCTION refuse_some() RETURNS trigger AS $$ BEGIN IF NEW."eventId" LIKE 'refused-%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await client.query(`CREATE TRIGGER refuse_some BEFORE INSERT ON "InboundEvent" FOR EACH ROW EXECUTE FUNCTION refuse_some()`);
  await client.end();
}

describeEachDatabase('inbox group commit', ({ db, url }) => {
  it('a batch the database refuses acknowledges none of its events; redelivered, each is stored and processed once', async () => {
    await refuseSomeEvents(url());
    const seen = new Map<string, number>();
    const processor = new InboundProcessor({ db: db(), behaviour: countingBehaviour(seen), logger: createLogger('silent') });
    const stamp = Date.now();
    const [alone, first, refused, last] = [`alone-${stamp}`, `first-${stamp}`, `refused-${stamp}`, `last-${stamp}`];
    // Received in one turn: the first is stored at once, on its own; the other three wait for it and go in one statement.
    const outcomes = await Promise.allSettled([alone, first, refused, last].map((id) => processor.receive(message(id))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: true });
    for (const id of [first, refused, last]) expect(await db().repos.events.get(id)).toBeUndefined();

    // Lark delivers the unacknowledged ones again (the refused one keeps failing alone), and a copy of the first twice in one batch.
    const again = await Promise.allSettled([first, last, first].map((id) => processor.receive(message(id))));
    expect(again).toEqual([
      { status: 'fulfilled', value: true },
      { status: 'fulfilled', value: true },
      { status: 'fulfilled', value: false },
    ]);
    await expect(processor.receive(message(refused))).rejects.toThrow();
    await processor.idle();
    expect(Object.fromEntries(seen)).toEqual({ [alone]: 1, [first]: 1, [last]: 1 });
    expect(await db().repos.events.get(first)).toMatchObject({ state: 'done' });
  });
});
