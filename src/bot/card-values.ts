/**
 * What a card button carries, read with a schema instead of by hand: a
 * value that does not fit (a card from an older version, a forged press)
 * reads as undefined, and the handler answers that the button is spent.
 */
import { z } from 'zod';
import type { CardAction } from './events.js';

/** A database id as a button carries it: a whole positive number, or its digits as text. */
export const ButtonId = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,11}$/).transform(Number)]);

/** A task's id on a button (the task card's three actions read it alike). */
export const TaskButton = z.object({ taskId: ButtonId });

/** Reads a button's value with `schema`; undefined when it does not fit. */
export function readButton<T>(action: Pick<CardAction, 'value'>, schema: z.ZodType<T>): T | undefined {
  const read = schema.safeParse(action.value);
  return read.success ? read.data : undefined;
}
