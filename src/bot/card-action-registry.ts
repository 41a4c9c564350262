/**
 * The card action handlers, registered once against their declarations
 * (card-actions.ts). Building the registry refuses a handler registered
 * twice, a handler without a declaration and a declared action without a
 * handler — at start, not when someone presses the button. A press whose
 * value does not fit its action's schema is answered as a spent button and
 * reaches no handler.
 */
import { CARD_ACTIONS, type CardActionDeclaration } from './card-actions.js';
import type { CardActionHandler } from './conversation.js';

/** Why the handlers do not match the declarations. */
export class CardActionRegistryError extends Error {
  constructor(problems: readonly string[]) {
    super(`card actions and their handlers do not match:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CardActionRegistryError';
  }
}

/** The answer to a press whose value is not one our cards make. */
export const SPENT_BUTTON = { toast: { type: 'warning' as const, content: '这个按钮已失效，请重新打开最新的卡片。' } };

/**
 * One handler per declared action, from the handler sets of each part
 * (questions, commands, plan import, reminders); each wrapped to check its
 * value first. Throws CardActionRegistryError listing every mismatch.
 */
export function registerCardActions(
  sets: readonly { owner: string; handlers: Record<string, CardActionHandler> }[],
  declarations: Record<string, CardActionDeclaration> = CARD_ACTIONS,
): Record<string, CardActionHandler> {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  const registered: Record<string, CardActionHandler> = {};
  for (const { owner, handlers } of sets) {
    for (const [name, handle] of Object.entries(handlers)) {
      const declaration = declarations[name];
      if (owners.has(name)) problems.push(`“${name}” is handled twice (${owners.get(name)} and ${owner})`);
      if (!declaration) problems.push(`“${name}” (${owner}) has no declaration in card-actions.ts`);
      owners.set(name, owner);
      if (!declaration) continue;
      registered[name] = async (action, ctx) => (declaration.schema.safeParse(action.value).success ? handle(action, ctx) : SPENT_BUTTON);
    }
  }
  for (const name of Object.keys(declarations)) if (!owners.has(name)) problems.push(`“${name}” is declared but nobody handles it`);
  if (problems.length > 0) throw new CardActionRegistryError(problems);
  return registered;
}
