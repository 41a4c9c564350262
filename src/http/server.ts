/**
 * Builds the Koa application: request logging, an error boundary that never
 * shows internals, and the routes. No business logic lives here.
 */
import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from '../lib/logger.js';
import type { Database } from '../db/database.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';

/** What the HTTP layer needs from the rest of the service. */
export interface HttpDeps {
  db: Database;
  logger: Logger;
  /** Extra routers (Lark events, the local console) mounted after the built-in ones. */
  routers?: Router[];
  /** Extra facts for /healthz, e.g. the Lark connection state. */
  healthExtras?: () => Record<string, unknown>;
  /** Served at GET /metrics in Prometheus' text format. */
  metrics?: ServiceMetrics;
  /** Believe X-Forwarded-* headers (a reverse proxy in front); otherwise the logged address is the socket's. */
  trustProxy?: boolean;
}

/** Creates the Koa app with /healthz, /metrics and any extra routers. */
export function createHttpApp(deps: HttpDeps): Koa {
  const app = new Koa();
  app.proxy = deps.trustProxy ?? false;

  app.use(async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } catch (error) {
      deps.logger.error({ err: error, method: ctx.method, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: 'internal_error' };
    } finally {
      // Built only when it is written: the fields (the path is parsed from the URL) cost every request otherwise.
      if (deps.logger.isLevelEnabled('debug')) {
        deps.logger.debug({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) }, 'request');
      }
    }
  });

  const router = new Router();
  router.get('/healthz', async (ctx) => {
    const database = await deps.db.health();
    const ok = database.reachable && database.schemaCurrent;
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ok' : 'unavailable', database, ...(deps.healthExtras?.() ?? {}) };
  });
  if (deps.metrics) {
    const metrics = deps.metrics;
    router.get('/metrics', async (ctx) => {
      const rendered = await metrics.render();
      ctx.type = rendered.contentType;
      ctx.body = rendered.body;
    });
  }
  app.use(router.routes()).use(router.allowedMethods());
  for (const extra of deps.routers ?? []) app.use(extra.routes()).use(extra.allowedMethods());
  return app;
}
