/**
 * The last answer in each chat, so that follow-ups ("还有呢", "只看牵头的",
 * "详细说说第2个") know what they follow.
 */
import type { Db } from './client.js';
import { fromJson, toJson } from './client.js';
import { date, hotSql } from './hot-sql.js';

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
    // Every list answer writes this: one statement past the query compiler (Prisma's upsert compiled it each time).
    const text = toJson(question);
    const shown = toJson(shownIds);
    const at = new Date();
    await hotSql(this.db).execute`
      INSERT INTO "ChatContext" ("chatId", "question", "shownIds", "updatedAt") VALUES (${chatId}, ${text}, ${shown}, ${at})
      ON CONFLICT ("chatId") DO UPDATE SET "question" = excluded."question", "shownIds" = excluded."shownIds", "updatedAt" = excluded."updatedAt"`;
  }

  /** The chat's last answer, if any. */
  async get(chatId: string): Promise<ChatContextRecord | undefined> {
    const [row] = await hotSql(this.db).query`SELECT "question", "shownIds", "updatedAt" FROM "ChatContext" WHERE "chatId" = ${chatId}`;
    if (!row) return undefined;
    return { chatId, question: fromJson<unknown>(row.question as string, null), shownIds: fromJson<number[]>(row.shownIds as string, []), updatedAt: date(row.updatedAt) };
  }
}
