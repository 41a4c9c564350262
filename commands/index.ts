/**
 * The registry of slash commands: every command module is imported and listed
 * here explicitly, in the order /help shows them. Nothing is discovered on disk.
 */
import type { CommandDefinition } from '../src/bot/command.js';

/** Every slash command the bot understands. */
export const commands: readonly CommandDefinition<never, never>[] = [];
