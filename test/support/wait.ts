/**
 * Waiting in tests for what the service does in the background (an event
 * processed, a reply sent): poll until it is there, fail after a deadline.
 */

/** Resolves once `check` holds; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the first thing `find` finds; throws after `ms`. */
export async function waitFor<T>(find: () => T | undefined, ms = 8_000): Promise<T> {
  let found: T | undefined;
  await until(() => (found = find()) !== undefined, ms);
  return found!;
}
