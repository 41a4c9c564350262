/**
 * The local console's chats, as Lark's servers would hold them: messages
 * people and the bot sent, cards as they stand after every update, files
 * uploaded or sent. Kept in memory (the console is for trying the bot; the
 * task database is what persists). Every change gets a sequence number, so
 * the browser asks only for what changed since it last looked.
 */
import { randomBytes } from 'node:crypto';

/** Who wrote a message. */
export type ConsoleSender = { kind: 'bot' } | { kind: 'user'; openId: string };

/** One message as the browser draws it. */
export interface ConsoleMessage {
  messageId: string;
  chatId: string;
  sender: ConsoleSender;
  /** 'text', 'interactive' (a card) or 'file'. */
  msgType: string;
  /** The message content as Lark holds it: {text}, the card JSON, or {file_key, file_name}. */
  content: Record<string, unknown>;
  /** The message this one answers. */
  replyTo: string | null;
  createdAt: number;
  /** Sequence number of the latest change to this message. */
  seq: number;
}

/** A file in the console: uploaded by the bot, or sent by a person. */
export interface ConsoleFile {
  key: string;
  name: string;
  data: Buffer;
  /** The message it was sent in, once sent. */
  messageId: string | null;
  /** When it was kept (ms), for expiry. */
  keptAt: number;
}

/** Files are kept this long (the import reads an upload within seconds; a ledger is downloaded at once). */
export const FILE_TTL_MS = 60 * 60_000;
/** Bytes of files kept at most; the oldest go first (ten 29 MB uploads once kept 290 MB for good). */
export const FILE_BYTES_LIMIT = 100 * 1024 * 1024;

/** Messages kept per chat; older ones are dropped. */
const MESSAGES_PER_CHAT = 500;

/** Holds the console's messages and files, and wakes whoever waits for changes. */
export class ConsoleStore {
  private readonly messages = new Map<string, ConsoleMessage>();
  private readonly files = new Map<string, ConsoleFile>();
  /** Card update tokens issued with callbacks: the message each updates, and its uses left. */
  private readonly tokens = new Map<string, { messageId: string; usesLeft: number }>();
  private seq = 0;
  private waiters: (() => void)[] = [];

  /** A new id of Lark's shape, recognisable as the console's. */
  static id(prefix: 'om' | 'file' | 'c'): string {
    return `${prefix}_console_${randomBytes(8).toString('hex')}`;
  }

  /** Adds a message; returns it. */
  add(input: Omit<ConsoleMessage, 'messageId' | 'createdAt' | 'seq'> & { messageId?: string }): ConsoleMessage {
    const message: ConsoleMessage = { ...input, messageId: input.messageId ?? ConsoleStore.id('om'), createdAt: Date.now(), seq: ++this.seq };
    this.messages.set(message.messageId, message);
    this.trim(message.chatId);
    this.notify();
    return message;
  }

  /** Replaces a message's content (a card updated); false when the message is unknown. */
  update(messageId: string, content: Record<string, unknown>): boolean {
    const message = this.messages.get(messageId);
    if (!message) return false;
    message.content = content;
    message.seq = ++this.seq;
    this.notify();
    return true;
  }

  /** A message by id. */
  get(messageId: string): ConsoleMessage | undefined {
    return this.messages.get(messageId);
  }

  /** Messages of a chat changed after `after`, oldest first. */
  changedSince(chatId: string, after: number): ConsoleMessage[] {
    return [...this.messages.values()].filter((message) => message.chatId === chatId && message.seq > after).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  }

  /** Whether a chat has any message. */
  hasMessages(chatId: string): boolean {
    for (const message of this.messages.values()) if (message.chatId === chatId) return true;
    return false;
  }

  /** The latest sequence number. */
  get latest(): number {
    return this.seq;
  }

  /** Resolves at the next change, or after `ms`. */
  async waitForChange(after: number, ms: number): Promise<void> {
    if (this.seq > after) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  /** Keeps a file; returns its key. */
  putFile(name: string, data: Buffer, messageId: string | null = null, now = Date.now()): ConsoleFile {
    const file = { key: ConsoleStore.id('file'), name, data, messageId, keptAt: now };
    this.files.set(file.key, file);
    this.forgetFiles(now);
    return file;
  }

  /** A file by key, while it is kept. */
  file(key: string, now = Date.now()): ConsoleFile | undefined {
    this.forgetFiles(now);
    return this.files.get(key);
  }

  /** Bytes of files kept now. */
  fileBytes(): number {
    let bytes = 0;
    for (const file of this.files.values()) bytes += file.data.length;
    return bytes;
  }

  /** Drops files past their time, then the oldest until the rest fit the limit (the newest always stays). */
  private forgetFiles(now: number): void {
    for (const [key, file] of this.files) if (now - file.keptAt > FILE_TTL_MS) this.files.delete(key);
    let bytes = this.fileBytes();
    for (const [key, file] of this.files) {
      if (bytes <= FILE_BYTES_LIMIT || this.files.size === 1) break;
      this.files.delete(key);
      bytes -= file.data.length;
    }
  }

  /** Issues the delayed-update token of a callback on a card (Lark's: two uses). */
  issueUpdateToken(messageId: string): string {
    const token = ConsoleStore.id('c');
    this.tokens.set(token, { messageId, usesLeft: 2 });
    return token;
  }

  /** Uses a token: the message it updates, or undefined when unknown or used up. */
  useUpdateToken(token: string): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry || entry.usesLeft === 0) return undefined;
    entry.usesLeft--;
    return entry.messageId;
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private trim(chatId: string) {
    const ofChat = [...this.messages.values()].filter((message) => message.chatId === chatId);
    for (const old of ofChat.slice(0, Math.max(0, ofChat.length - MESSAGES_PER_CHAT))) this.messages.delete(old.messageId);
  }
}
