/**
 * The once-only send behind weekly cards: in one transaction, claim
 * (recipient, kind, period) in SentSummary, queue the card in the outbox,
 * link the claim to its outbox row and write the audit record. A second
 * instance, a re-run or a restart finds the claim and queues nothing; a
 * crash before the commit leaves no claim.
 */
import { enqueueOutgoing } from '../bot/outgoing.js';
import type { Database } from '../db/database.js';

/** A card for one recipient and period, with what its audit record says. */
export interface OnceCard {
  /** Chat id or open_id. */
  recipient: string;
  receiveIdType: 'chat_id' | 'open_id';
  /** SentSummary kind, e.g. 'weekly'. */
  kind: string;
  period: string;
  rendered: { card: Record<string, unknown>; text: string };
  audit: { action: string; entityType: string; after: Record<string, unknown> };
}

/** Queues the card unless its period was claimed already; true when it was queued now. */
export async function queueCardOnce(db: Database, item: OnceCard, now: Date): Promise<boolean> {
  return db.transaction(async (repos) => {
    if (!(await repos.sentSummaries.claim(item.recipient, item.kind, item.period, now))) return false;
    const [outboxId] = await enqueueOutgoing(repos, `${item.kind}:${item.recipient}:${item.period}`, [
      { kind: 'send', receiveIdType: item.receiveIdType, receiveId: item.recipient, msgType: 'interactive', card: item.rendered.card, fallbackText: item.rendered.text },
    ]);
    await repos.sentSummaries.attachOutbox(item.recipient, item.kind, item.period, outboxId!);
    await repos.audit.record({ actor: 'system', action: item.audit.action, entityType: item.audit.entityType, entityId: item.recipient, after: { ...item.audit.after, outboxId }, at: now });
    return true;
  });
}
