/**
 * Reads a request's body as bytes up to a limit, so a route that must see
 * the raw body (a signature over it, an uploaded file) never buffers more
 * than it allows.
 */
import type { IncomingMessage } from 'node:http';

/** Thrown when a body is larger than the route accepts. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** The body's bytes; throws BodyTooLarge past `limit`. */
export async function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
