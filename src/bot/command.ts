/**
 * What a slash command is: its names, help text, argument schema and the role
 * it needs. Each command lives in its own module under commands/ and is listed
 * in commands/index.ts; that list drives both dispatch and /help.
 */
import type { z } from 'zod';
import type { Permission } from '../domain/people/actor.js';
import type { CardAction } from './events.js';
import type { CardActionResult } from './inbound-processor.js';
import type { Outgoing } from './outgoing.js';

/** Who may run a command: anyone in the tenant, or holders of a role (administrators hold every role). */
export type CommandPermission = Permission;

/** A slash command. `Ctx` is the per-event context the dispatcher builds. */
export interface CommandDefinition<Args = unknown, Ctx = unknown> {
  /** English name, typed as `/name`. */
  name: string;
  /** Chinese alias, typed as `/别名`. */
  alias: string;
  /** One line for /help. */
  summary: string;
  /** Usage lines with examples, shown by `/help name` and after bad input. */
  usage: string[];
  /** Parses the text after the command name. */
  args: z.ZodType<Args>;
  /** The least role that may run it. */
  permission: CommandPermission;
  /** Does the work; returns what to send (queued in the same transaction as any change). */
  run(ctx: Ctx, args: Args): Promise<Outgoing[]>;
  /** Handlers for buttons on the cards this command sends, by the `action` in the button's value. */
  cardActions?: Record<string, (action: CardAction, ctx: Omit<Ctx, 'message' | 'reply' | 'replyWithAnswer'>) => Promise<CardActionResult>>;
}

/** "用法：" and the command's usage lines, as /help and bad-argument answers show them. */
export function usageLines(command: Pick<CommandDefinition, 'usage'>): string {
  return `用法：\n${command.usage.map((line) => `  ${line}`).join('\n')}`;
}

/** Declares a command with its argument type inferred from the schema. */
export function defineCommand<Args, Ctx = unknown>(command: CommandDefinition<Args, Ctx>): CommandDefinition<Args, Ctx> {
  return command;
}

/**
 * Finds a command by English name or Chinese alias, case-insensitively, with
 * or without the leading slash (full-width ／ too, as Chinese keyboards type it).
 */
export function findCommand<C extends Pick<CommandDefinition, 'name' | 'alias'>>(
  registry: readonly C[],
  typed: string,
): C | undefined {
  const name = typed.replace(/^[/／]/, '').trim().toLowerCase();
  return registry.find((command) => command.name.toLowerCase() === name || command.alias === name);
}
