/**
 * A request to the fake Open API and its answer, as data: the server reads
 * the one and writes the other, and the endpoints and the layers on top
 * (the console's, the tests') only ever see these. An answer is a JSON body
 * or a file, with the HTTP status and headers Lark would use.
 */
import { CARD_REFUSED_CODE } from '../../bot/cards/spec/card-spec.js';
import { checkCard, describeProblems } from '../../bot/cards/spec/check-card.js';

/** One request, read whole. */
export interface OpenApiRequest {
  method: string;
  path: string;
  /** Method and path with message, chat and user ids as :id, e.g. "POST /open-apis/im/v1/messages/:id/reply". */
  route: string;
  query: URLSearchParams;
  /** The JSON body ({} when there is none or it is not JSON). */
  body: Record<string, unknown>;
  raw: Buffer;
  contentType: string;
  authorization: string | undefined;
}

/** A JSON answer (the body is usually Lark's { code, msg, data }) or a file's bytes. */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | { status: number; file: { name: string; data: Buffer } };

/** Lark's success envelope around `data`. */
export const ok = (data: Record<string, unknown> = {}): Answer => ({ status: 200, body: { code: 0, msg: 'ok', data } });

/** One of Lark's refusals: an HTTP status with Lark's code and message. */
export const refuse = (status: number, code: number, msg: string): Answer => ({ status, body: { code, msg } });

/** Lark's refusal of a card that breaks Card JSON 2.0 (checkCard), or undefined when Lark would take it. */
export function cardRefusal(card: unknown, bytes?: number): { code: number; msg: string } | undefined {
  const problems = checkCard(card, bytes);
  return problems.length > 0 ? { code: CARD_REFUSED_CODE, msg: `Failed to create card content, ext=${describeProblems(problems)}` } : undefined;
}
