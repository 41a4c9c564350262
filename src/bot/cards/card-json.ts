/**
 * A card's JSON text, made once. Every card is measured against Lark's size
 * when card() makes it (card-fit.ts), a list card again when fitList picks
 * how many items fit, and the outbox stores the text: three JSON.stringify
 * calls of the same card, ~25 µs each for a question's list on Node 20.
 * The text card() measured is kept beside the card (by the object, weakly)
 * and handed to the others. A card is finished once card() returns it and
 * is never changed after (renderers build a new one instead); a card not
 * made by card() is serialised each time, as before.
 */

/** The text of a finished card and its size in bytes. */
interface CardText {
  json: string;
  bytes: number;
}

const finished = new WeakMap<object, CardText>();

/** Keeps `json` as the text of `card`, which card() has finished: nothing changes it from now on. */
export function finishCard(card: object, json: string, bytes = Buffer.byteLength(json)): void {
  finished.set(card, { json, bytes });
}

/** The card's JSON: the text kept when card() finished it, or serialised now. */
export function cardJson(card: object): string {
  return finished.get(card)?.json ?? JSON.stringify(card);
}

/** The card's JSON size in bytes, as sent: kept with a finished card's text, or measured now (of `json`, its text, when the caller has it). */
export function cardJsonBytes(card: object, json?: string): number {
  return finished.get(card)?.bytes ?? Buffer.byteLength(json ?? JSON.stringify(card));
}
