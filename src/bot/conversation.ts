/**
 * Decides whether and how the bot answers a message: in a group only when
 * @-mentioned or given a slash command, in a one-to-one chat always; never
 * to other bots. Slash commands go to the command registry; /help (/帮助)
 * is built in. Everything else is a question. Card buttons go to their
 * action by the `action` in the button's value.
 */
import { findCommand, usageLines, type CommandDefinition, type CommandPermission } from './command.js';
import type { BotBehaviour, BotContext, CardActionResult } from './inbound-processor.js';
import { textReply, type Outgoing } from './outgoing.js';
import type { BotAdded, CardAction, IncomingMessage } from './events.js';

/** Answers a question typed in chat; the question-answering service plugs in here. */
export type QuestionAnswerer = (message: IncomingMessage, ctx: BotContext) => Promise<Outgoing[]>;

/** A command as the conversation runs it. */
export type ChatCommand = Pick<CommandDefinition, 'name' | 'alias' | 'summary' | 'usage' | 'permission'> & {
  handle(message: IncomingMessage, argText: string, ctx: BotContext): Promise<Outgoing[]>;
};

/** A card button's handler, by the `action` in its value. */
export type CardActionHandler = (action: CardAction, ctx: BotContext) => Promise<CardActionResult>;

/** What the conversation is built from. */
export interface ConversationParts {
  commands: readonly ChatCommand[];
  answerQuestion?: QuestionAnswerer;
  cardActions?: Record<string, CardActionHandler>;
  /** What a person may do, read once per /help; without it every command is listed. */
  permissionsOf?: (openId: string, ctx: BotContext) => Promise<(permission: CommandPermission) => boolean>;
  /** Handles a file someone sent (plan import). */
  onFile?: (message: IncomingMessage, ctx: BotContext) => Promise<Outgoing[]>;
}

const SLASH = /^[/／]\s*(\S+)\s*([\s\S]*)$/;

/** Longest question read, in characters: a question is a sentence; longer text would only be echoed back in a card Lark refuses. */
export const MAX_QUESTION_CHARS = 300;
/** Longest command read, in characters (a progress note or closure evidence included). */
export const MAX_COMMAND_CHARS = 2000;

/** The help text: what the bot does and every command listed, with a line on how to get the others. */
export function helpText(commands: readonly ChatCommand[], hidden = 0): string {
  const lines = [
    '我是督办助手，帮助跟踪分工方案中的任务。',
    '可以直接提问，例如：“市财政局负责什么”“PPP项目谁牵头”“哪些任务逾期了”。在群里请先 @我。',
    '',
    '命令：',
    '/帮助 (/help) — 显示本说明；/帮助 命令名 查看某个命令的用法',
    ...commands.map((command) => `/${command.alias} (/${command.name}) — ${command.summary}`),
    ...(hidden > 0 ? ['', `另有 ${hidden} 个命令供单位联络员、督查人员和管理员使用。成为联络员：/绑定 单位名称`] : []),
  ];
  return lines.join('\n');
}

/** /help for this person: the commands they may run. */
async function helpFor(parts: ConversationParts, openId: string, ctx: BotContext): Promise<string> {
  const holds = parts.permissionsOf ? await parts.permissionsOf(openId, ctx) : () => true;
  const mine = parts.commands.filter((command) => holds(command.permission));
  return helpText(mine, parts.commands.length - mine.length);
}

function usageText(command: ChatCommand): string {
  return `/${command.alias} (/${command.name}) — ${command.summary}\n${usageLines(command)}`;
}

/** Builds the bot's behaviour from its commands, question answerer and card actions. */
export function createConversation(parts: ConversationParts): BotBehaviour {
  const { commands } = parts;
  return {
    async onMessage(message, ctx) {
      if (message.senderType !== 'user') return [];
      const slash = SLASH.exec(message.text);
      if (message.chatType === 'group' && !message.mentionsBot && !slash) return [];
      const reply = (text: string) => [textReply(message.messageId, message.chatId, text)];
      if (message.file && parts.onFile) return parts.onFile(message, ctx);
      if (message.messageType !== 'text' && message.messageType !== 'post') {
        return reply('我目前只能读文字消息。请用文字提问，或发送 /帮助 查看用法。');
      }
      if (message.text === '') return reply(await helpFor(parts, message.senderOpenId, ctx));
      const length = [...message.text].length;
      if (slash && length > MAX_COMMAND_CHARS) {
        return reply(`这条命令有 ${length} 个字，太长了：命令最多 ${MAX_COMMAND_CHARS} 字。请把说明写短一些再发送；详细材料可以作为文件发送。`);
      }
      if (!slash && length > MAX_QUESTION_CHARS) {
        return reply(`这个问题有 ${length} 个字，太长了：请用一句话提问（${MAX_QUESTION_CHARS} 字以内），例如“市财政局负责什么”“哪些任务逾期了”。`);
      }
      if (slash) {
        const [, name, rest] = slash as unknown as [string, string, string];
        if (['help', '帮助', '?', '？'].includes(name.toLowerCase())) {
          const about = rest.trim() ? findCommand(commands, rest.trim().split(/\s+/)[0]!) : undefined;
          return reply(about ? usageText(about) : await helpFor(parts, message.senderOpenId, ctx));
        }
        const command = findCommand(commands, name);
        if (!command) {
          return reply(`没有“/${name}”这个命令。\n\n${await helpFor(parts, message.senderOpenId, ctx)}`);
        }
        return command.handle(message, rest.trim(), ctx);
      }
      if (parts.answerQuestion) return parts.answerQuestion(message, ctx);
      return reply(await helpFor(parts, message.senderOpenId, ctx));
    },

    async onCardAction(action, ctx) {
      const name = typeof action.value.action === 'string' ? action.value.action : '';
      const handler = parts.cardActions?.[name];
      if (!handler) return { toast: { type: 'warning', content: '这个按钮已失效，请重新打开最新的卡片。' } };
      return handler(action, ctx);
    },

    async onBotAdded(event: BotAdded, ctx) {
      // The group sees what everyone may use; each person's /help adds what their role allows.
      return [{ kind: 'send', receiveIdType: 'chat_id', receiveId: event.chatId, msgType: 'text', text: `大家好！${await helpFor(parts, '', ctx)}` }];
    },
  };
}
