/**
 * Where the fake Open API keeps what the bot sends: the one thing its users
 * differ in. The console's mailroom puts messages into its chats (and knows
 * which chats and people exist); the tests' records every delivery and
 * reaches anyone. The endpoints apply Lark's rules before they ask it.
 */

/** A message the endpoints have checked and Lark would take. */
export interface Outgoing {
  kind: 'send' | 'reply';
  /** The send's target (as the mailroom resolved it), or the reply's. */
  target: string;
  /** The message replied to, for replies. */
  replyTo: string | null;
  msgType: string;
  content: Record<string, unknown>;
  uuid: string | undefined;
}

/** What a user of the fake Open API provides: where messages, updates and files go. */
export interface Mailroom {
  /** Where a send goes (a chat, a person's chat), or undefined when the bot cannot reach it (230013). */
  sendTarget(receiveIdType: string, receiveId: string): string | undefined;
  /** Where a reply to `messageId` goes, or undefined when there is no such message (230011). */
  replyTarget(messageId: string): string | undefined;
  /** Takes a message: its new id, or a refusal (Lark's code and message) when it cannot. */
  deliver(message: Outgoing): { messageId: string } | { refused: { code: number; msg: string } };
  /** Replaces a sent card (PATCH); false when the message does not exist. */
  update(messageId: string, card: Record<string, unknown>, content: string): boolean;
  /** Replaces a card through a callback's update token; false when the token is unknown or used up. */
  updateByToken(token: string, card: unknown): boolean;
  /** Keeps an uploaded file; returns its file_key. `name` and `type` are the form's, when given. */
  putFile(name: string | undefined, type: string | undefined, data: Buffer): string;
  /** A file in a message, for the message resource download; undefined when that message has no such file. */
  messageFile(messageId: string, fileKey: string): { name: string; data: Buffer } | undefined;
}
