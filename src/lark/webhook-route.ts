/**
 * POST /lark/events: Lark's events and card callbacks over HTTP. The raw body
 * is verified (signature, replay window, decryption, verification token)
 * before anything runs; forged, unsigned, stale or undecryptable requests get
 * a 4xx. Events are acknowledged with 200 as soon as they are stored, and
 * processed after; card callbacks are answered within Lark's 3 s.
 */
import Router from '@koa/router';
import type { InboundProcessor } from '../bot/inbound-processor.js';
import { BodyTooLarge, readRawBody } from '../http/raw-body.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import { dispatchEnvelope } from './dispatch-envelope.js';
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
  /** Counts refused requests. */
  metrics?: ServiceMetrics;
}

/** Creates the router serving Lark's event and callback requests. */
export function createWebhookRouter(options: WebhookRouteOptions): Router {
  const router = new Router();
  router.post(options.path ?? '/lark/events', async (ctx) => {
    let rawBody: string;
    try {
      rawBody = (await readRawBody(ctx.req, MAX_BODY_BYTES)).toString('utf8');
    } catch (error) {
      ctx.status = error instanceof BodyTooLarge ? 413 : 400;
      ctx.body = { error: 'unreadable body' };
      return;
    }
    const verdict = verifyWebhook({ rawBody, header: (name) => ctx.get(name) || undefined }, options.secrets);
    if (verdict.kind === 'rejected') {
      options.logger.warn({ status: verdict.status, reason: verdict.reason, ip: ctx.ip }, 'lark request rejected');
      options.metrics?.eventsRefused.inc({ status: String(verdict.status) });
      ctx.status = verdict.status;
      // The reason is for our log; a prober learns only that it was refused, not which check or mode refused it.
      ctx.body = { error: 'rejected' };
      return;
    }
    if (verdict.kind === 'challenge') {
      ctx.body = { challenge: verdict.challenge };
      return;
    }
    // An event is stored before the 200: if storing fails, Lark gets a 500 and delivers again.
    ctx.body = (await dispatchEnvelope(options.processor, verdict.body, options.botOpenId())) ?? {};
  });
  return router;
}
