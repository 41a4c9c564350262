/**
 * POST /lark/events: Lark's events and card callbacks over HTTP. The raw body
 * is verified (signature, replay window, decryption, verification token)
 * before anything runs; forged, unsigned, stale or undecryptable requests get
 * a 4xx. Events are acknowledged with 200 as soon as they are stored, and
 * processed after; card callbacks are answered within Lark's 3 s.
 */
import type { IncomingMessage as HttpRequest } from 'node:http';
import Router from '@koa/router';
import type { InboundProcessor } from '../bot/inbound-processor.js';
import type { Logger } from '../lib/logger.js';
import { toInboundEvent } from './inbound-events.js';
import { verifyWebhook, type WebhookSecrets } from './webhook-verification.js';

/** Largest body accepted; Lark's events are a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the route needs. */
export interface WebhookRouteOptions {
  path?: string;
  secrets: WebhookSecrets;
  processor: InboundProcessor;
  /** The bot's open_id, once known, to tell its mentions apart. */
  botOpenId: () => string | null;
  logger: Logger;
}

class BodyTooLarge extends Error {}

async function readRawBody(request: HttpRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates the router serving Lark's event and callback requests. */
export function createWebhookRouter(options: WebhookRouteOptions): Router {
  const router = new Router();
  router.post(options.path ?? '/lark/events', async (ctx) => {
    let rawBody: string;
    try {
      rawBody = await readRawBody(ctx.req);
    } catch (error) {
      ctx.status = error instanceof BodyTooLarge ? 413 : 400;
      ctx.body = { error: 'unreadable body' };
      return;
    }
    const verdict = verifyWebhook({ rawBody, header: (name) => ctx.get(name) || undefined }, options.secrets);
    if (verdict.kind === 'rejected') {
      options.logger.warn({ status: verdict.status, reason: verdict.reason, ip: ctx.ip }, 'lark request rejected');
      ctx.status = verdict.status;
      ctx.body = { error: verdict.reason };
      return;
    }
    if (verdict.kind === 'challenge') {
      ctx.body = { challenge: verdict.challenge };
      return;
    }
    const event = toInboundEvent(verdict.body, options.botOpenId());
    if (!event) {
      ctx.body = {};
      return;
    }
    if (event.kind === 'card_action') {
      ctx.body = await options.processor.respondToCardAction(event);
      return;
    }
    // Stored before the 200: if storing fails, Lark gets a 500 and delivers again.
    await options.processor.receive(event);
    ctx.body = {};
  });
  return router;
}
