/**
 * The last answer in each chat, so that follow-ups ("还有呢", "只看牵头的",
 * "详细说说第2个") know what they follow.
 */
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';

/** What a chat was last told. */
export interface ChatContextRecord {
  chatId: string;
  question: unknown;
  shownIds: number[];
  updatedAt: Date;
}

/** Reads and replaces chat contexts. */
export class ChatContextRepository {
  constructor(private readonly db: Db) {}

  /** Remembers the question answered in a chat and the tasks shown. */
  async remember(chatId: string, question: unknown, shownIds: readonly number[]): Promise<void> {
    const data = { question: toJson(question), shownIds: toJson(shownIds) };
    await this.db.chatContext.upsert({ where: { chatId }, create: { chatId, ...data }, update: data });
  }

  /** The chat's last answer, if any. */
  async get(chatId: string): Promise<ChatContextRecord | undefined> {
    const row = await this.db.chatContext.findUnique({ where: { chatId } });
    if (!row) return undefined;
    return { chatId, question: fromJson<unknown>(row.question, null), shownIds: fromJson<number[]>(row.shownIds, []), updatedAt: row.updatedAt };
  }
}
