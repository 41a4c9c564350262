/**
 * Group commit for the inbox: events that arrive while a store is under way
 * are stored together, with one multi-row INSERT and one commit, when it
 * finishes. Each caller's promise settles only when the statement holding
 * its event has committed (so an acknowledged event survives a crash), and
 * rejects with every other event of a batch that failed (none of them is
 * acknowledged; Lark delivers them again). Alone, an event is stored at
 * once: nothing waits for a batch to fill. Under a burst the inbox costs a
 * statement and a commit per batch instead of per event, and the
 * connections stay free for card callbacks and processing.
 */
import type { EventToRecord } from '../repositories/inbound-event-repository.js';

/** Stores a batch of distinct events; the ids of those that were new. */
export type StoreBatch = (events: readonly EventToRecord[]) => Promise<Set<string>>;

interface Waiting {
  event: EventToRecord;
  settle: (fresh: boolean) => void;
  fail: (error: unknown) => void;
}

/** Stores inbox events in batches, one statement and one commit per batch. */
export class InboxGroupCommit {
  private waiting: Waiting[] = [];
  private storing = false;

  constructor(
    private readonly store: StoreBatch,
    /** Most events in one statement (each is 4 bound values). */
    private readonly maxBatch = 200,
  ) {}

  /** Stores an event; true once committed when it was new, false for one already stored. */
  record(event: EventToRecord): Promise<boolean> {
    return new Promise<boolean>((settle, fail) => {
      this.waiting.push({ event, settle, fail });
      if (!this.storing) void this.storeWaiting();
    });
  }

  /** Stores what is waiting, batch after batch, until nothing is. */
  private async storeWaiting(): Promise<void> {
    this.storing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        // The same event twice in a batch (a redelivery arriving with the first): stored once, the later ones are duplicates.
        const distinct = new Map<string, EventToRecord>();
        for (const { event } of batch) if (!distinct.has(event.eventId)) distinct.set(event.eventId, event);
        let fresh: Set<string>;
        try {
          fresh = await this.store([...distinct.values()]);
        } catch (error) {
          for (const waiting of batch) waiting.fail(error);
          continue;
        }
        for (const waiting of batch) {
          const isNew = fresh.delete(waiting.event.eventId);
          waiting.settle(isNew);
        }
      }
    } finally {
      this.storing = false;
    }
  }
}
