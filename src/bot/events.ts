/**
 * The events the bot reacts to, as the bot layer defines them: whichever
 * transport brings them (Lark's webhook or long connection, the local
 * console) turns its wire format into these, so nothing under src/bot or
 * src/domain knows how Lark writes an event.
 */

/** A message someone sent where the bot can see it. */
export interface IncomingMessage {
  kind: 'message';
  eventId: string;
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  senderOpenId: string;
  /** 'user' or 'app' (another bot). */
  senderType: string;
  messageType: string;
  /** Plain text with the bot's mention removed and other mentions as "@name". */
  text: string;
  /** Whether the message @-mentions this bot. */
  mentionsBot: boolean;
  /** People mentioned, other than the bot. */
  mentions: { openId: string; name: string }[];
  /** The message it answers, when it is a reply in a thread. */
  parentId: string | null;
  /** The file a file message carries. */
  file: { key: string; name: string } | null;
}

/** A button press or form submission on one of the bot's cards. */
export interface CardAction {
  kind: 'card_action';
  eventId: string;
  operatorOpenId: string;
  chatId: string | null;
  messageId: string | null;
  /** The `value` given to the button's callback behaviour. */
  value: Record<string, unknown>;
  /** Form inputs by name, for form submissions. */
  formValue: Record<string, unknown>;
  /** Token for a delayed card update (30 minutes, two uses). */
  updateToken: string | null;
}

/** The bot was added to a group chat. */
export interface BotAdded {
  kind: 'bot_added';
  eventId: string;
  chatId: string;
  operatorOpenId: string | null;
}

/** Everything the bot reacts to. */
export type InboundEvent = IncomingMessage | CardAction | BotAdded;
