/**
 * Group chats subscribed to the weekly status card, with when and what.
 */
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';

/** Which plans and units a subscription follows; empty lists mean all. */
export interface SubscriptionScope {
  planIds: readonly number[];
  unitIds: readonly number[];
}

/** A chat's subscription. */
export interface SubscriptionRecord {
  chatId: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM' in the bot's time zone. */
  time: string;
  scope: SubscriptionScope;
  active: boolean;
  createdBy: string;
  /** When the current schedule was set; weeks due before it are not sent. */
  activeFrom: Date;
}

type Row = Omit<SubscriptionRecord, 'scope'> & { scope: string };

function toRecord(row: Row): SubscriptionRecord {
  const scope = fromJson<Partial<SubscriptionScope>>(row.scope, {});
  return {
    chatId: row.chatId,
    weekday: row.weekday,
    time: row.time,
    active: row.active,
    createdBy: row.createdBy,
    activeFrom: row.activeFrom,
    scope: { planIds: scope.planIds ?? [], unitIds: scope.unitIds ?? [] },
  };
}

const select = { chatId: true, weekday: true, time: true, scope: true, active: true, createdBy: true, activeFrom: true } as const;

/** Reads and writes chat subscriptions. */
export class SubscriptionRepository {
  constructor(private readonly db: Db) {}

  /** Subscribes a chat, or changes and re-activates its subscription; `activeFrom` is when the change was made. */
  async upsert(input: Omit<SubscriptionRecord, 'active'>): Promise<SubscriptionRecord> {
    const data = { weekday: input.weekday, time: input.time, scope: toJson(input.scope), active: true, activeFrom: input.activeFrom };
    const row = await this.db.chatSubscription.upsert({
      where: { chatId: input.chatId },
      create: { chatId: input.chatId, createdBy: input.createdBy, ...data },
      update: data,
      select,
    });
    return toRecord(row);
  }

  /** Stops a chat's subscription; false when it had none active. */
  async deactivate(chatId: string): Promise<boolean> {
    const result = await this.db.chatSubscription.updateMany({ where: { chatId, active: true }, data: { active: false } });
    return result.count > 0;
  }

  /** A chat's subscription, active or not. */
  async get(chatId: string): Promise<SubscriptionRecord | undefined> {
    const row = await this.db.chatSubscription.findUnique({ where: { chatId }, select });
    return row ? toRecord(row) : undefined;
  }

  /** Every active subscription. */
  async listActive(): Promise<SubscriptionRecord[]> {
    const rows = await this.db.chatSubscription.findMany({ where: { active: true }, orderBy: { id: 'asc' }, select });
    return rows.map(toRecord);
  }
}
