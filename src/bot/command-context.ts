/**
 * What a slash command runs with, and how a declared command becomes one
 * the conversation can run: its arguments parsed by its zod schema (a bad
 * argument answers with the usage, changing nothing), its permission
 * checked against the caller, then its work.
 */
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { holds, loadActor, PERMISSION_HOLDERS, type Actor } from '../domain/people/actor.js';
import type { Answer } from '../domain/questions/answer-service.js';
import type { QuestionCatalog } from '../domain/questions/question-catalog.js';
import type { IncomingMessage } from './events.js';
import type { Repositories } from '../repositories/index.js';
import { renderAnswer } from './cards/answer-cards.js';
import { usageLines, type CommandDefinition } from './command.js';
import type { CardActionHandler, ChatCommand, ConversationParts } from './conversation.js';
import { textReply, type Outgoing } from './outgoing.js';

/** Shared services commands use. */
export interface CommandServices {
  catalog: QuestionCatalog;
  timeZone: string;
  /** open_ids of administrators from BOT_ADMINS. */
  admins: readonly string[];
  /** The official working calendar (holidays, make-up working days). */
  calendar: WorkingCalendar;
}

/** The context of one command run. */
export interface CommandContext {
  message: IncomingMessage;
  /** The sender, as the server knows them. */
  actor: Actor;
  repos: Repositories;
  now: Date;
  services: CommandServices;
  /** A reply with an answer card (and its text fallback). */
  replyWithAnswer(answer: Answer): Outgoing[];
  /** A plain text reply. */
  reply(text: string): Outgoing[];
}

/** A declared command with any argument type, as the registry lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any, CommandContext>;

/** The button handlers each command declares, bound to the services, one set per command (the registry refuses a name two of them take). */
export function commandCardActions(commands: readonly AnyCommand[], services: CommandServices): { owner: string; handlers: Record<string, CardActionHandler> }[] {
  return commands
    .filter((command) => command.cardActions !== undefined)
    .map((command) => {
      const handlers: Record<string, CardActionHandler> = {};
      for (const [name, handle] of Object.entries(command.cardActions ?? {})) {
        handlers[name] = async (action, botContext) =>
          handle(action, { repos: botContext.repos, now: botContext.now, services, actor: await loadActor(botContext.repos, action.operatorOpenId, services.admins) });
      }
      return { owner: `/${command.name}`, handlers };
    });
}

/** The answer to someone who may not run a command: who may, and how to become one. */
export function refusal(command: Pick<AnyCommand, 'alias' | 'permission'>): string {
  if (command.permission === 'anyone') return '';
  const how = command.permission === 'liaison' ? '发送 /绑定 单位名称 申请成为联络员。' : '如需使用，请联系管理员。';
  return `/${command.alias} 只有${PERMISSION_HOLDERS[command.permission]}可以使用。${how}`;
}

/** What a person may do, for /help: their standing read once. */
export function commandPermissions(services: Pick<CommandServices, 'admins'>): NonNullable<ConversationParts['permissionsOf']> {
  return async (openId, botContext) => {
    const actor = await loadActor(botContext.repos, openId, services.admins);
    return (permission) => holds(actor, permission);
  };
}

/** Turns declared commands into ones the conversation runs. */
export function toChatCommands(commands: readonly AnyCommand[], services: CommandServices): ChatCommand[] {
  return commands.map((command) => ({
    name: command.name,
    alias: command.alias,
    summary: command.summary,
    usage: command.usage,
    permission: command.permission,
    async handle(message, argText, botContext) {
      const reply = (text: string) => [textReply(message.messageId, message.chatId, text)];
      const parsed = command.args.safeParse(argText);
      if (!parsed.success) {
        const problem = parsed.error.issues[0]?.message ?? '参数不对';
        return reply(`/${command.alias}：${problem}。\n${usageLines(command)}`);
      }
      const actor = await loadActor(botContext.repos, message.senderOpenId, services.admins);
      if (!holds(actor, command.permission)) return reply(refusal(command));
      const ctx: CommandContext = {
        message,
        actor,
        repos: botContext.repos,
        now: botContext.now,
        services,
        reply,
        replyWithAnswer: (answer) => {
          const rendered = renderAnswer(answer);
          return [{ kind: 'reply', messageId: message.messageId, chatId: message.chatId, msgType: 'interactive', card: rendered.card, fallbackText: rendered.text }];
        },
      };
      return command.run(ctx, parsed.data);
    },
  }));
}
