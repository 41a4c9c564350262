/**
 * Puts the Lark pieces together for a running service: the API client, the
 * bot's identity, the outbox sender, the inbound processor, and the chosen
 * transport (webhook route or long connection), plus the upkeep timer
 * (resume stalled events). The app starts it when an app id
 * and secret are configured.
 */
import type Router from '@koa/router';
import { InboundProcessor, type BotBehaviour } from '../bot/inbound-processor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { ServiceMetrics } from '../lib/service-metrics.js';
import { LarkApi } from './lark-api.js';
import { OutboxSender } from './outbox-sender.js';
import { sendLimiterFor } from './shared-send-limiter.js';
import { createWebhookRouter } from './webhook-route.js';
import { startWsTransport, type WsTransport } from './ws-transport.js';

/** Signed requests older than this are refused (seconds). */
export const REPLAY_WINDOW_SECONDS = 300;

/** How the connection reaches its app: Lark's settings, with 'console' for the local console (no transport; it dispatches itself). */
export type LarkConnectionSettings = Omit<NonNullable<Config['lark']>, 'mode'> & { mode: NonNullable<Config['lark']>['mode'] | 'console' };

/** A second Open API the service also speaks to (the local console beside a real app), for the targets it owns. */
export interface SideApi {
  api: LarkApi;
  /** Whether a chat, person, message or card token id is this API's. */
  owns(target: string): boolean;
}

/** A running connection to Lark. */
export interface LarkConnection {
  api: LarkApi;
  /** The API a target belongs to: the side API's own targets, else the app's. */
  apiFor(target: string): LarkApi;
  /** The bot's open_id, once known. */
  botOpenId(): string | null;
  processor: InboundProcessor;
  sender: OutboxSender;
  /** The webhook router, in webhook mode. */
  router?: Router;
  health(): Record<string, unknown>;
  close(): Promise<void>;
}

/** Starts the connection: learns the bot's open_id, starts the sender and the transport. */
export async function startLarkConnection(
  lark: LarkConnectionSettings,
  db: Database,
  behaviour: BotBehaviour,
  logger: Logger,
  side?: SideApi,
  metrics?: ServiceMetrics,
): Promise<LarkConnection> {
  const log = logger.child({ component: 'lark' });
  const api = new LarkApi({ appId: lark.appId, appSecret: lark.appSecret, domain: lark.domain, logger: log, metrics });
  const apiFor = (target: string) => (side?.owns(target) ? side.api : api);
  // On PostgreSQL every instance takes its send slots through the database, so together they stay inside Lark's limits.
  const sender = new OutboxSender({ db, api, apiFor, logger: log, metrics, limiter: sendLimiterFor(db, log) });
  // SQLite runs one transaction at a time: a second event in flight would only wait, holding up acknowledgements.
  const processor = new InboundProcessor({ db, behaviour, logger: log, onQueued: () => sender.wake(), concurrency: db.provider === 'sqlite' ? 1 : 4, metrics });

  let botOpenId: string | null = null;
  const learnIdentity = async () => {
    try {
      const info = await api.botInfo();
      botOpenId = info.openId;
      log.info({ botOpenId, name: info.name }, 'bot identity');
    } catch (error) {
      log.error({ err: error }, 'could not read the bot identity; @-mentions are not recognised until it is known');
    }
  };
  await learnIdentity();
  sender.start();
  // Events a previous process stored but did not finish are taken up now, not a recovery interval later.
  // (An event another instance is processing at this moment is safe: its claim is taken in that transaction.)
  const recovery = processor.recoverStalled(0).catch((error: unknown) => log.error({ err: error }, 'recovering stalled events failed'));

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, task: () => Promise<unknown>) => {
    const timer = setInterval(() => void task().catch((error: unknown) => log.error({ err: error }, 'lark upkeep failed')), ms);
    timer.unref();
    timers.push(timer);
  };
  every(30_000, async () => {
    if (botOpenId === null) await learnIdentity();
    await processor.recoverStalled();
  });
  // Done events are forgotten by the scheduler's daily purge (src/summaries/data-purge.ts), with the other tables that only grow.

  let router: Router | undefined;
  let ws: WsTransport | undefined;
  if (lark.mode === 'ws') {
    ws = await startWsTransport({ appId: lark.appId, appSecret: lark.appSecret, domain: lark.domain, processor, botOpenId: () => botOpenId, logger: log });
  } else if (lark.mode === 'webhook') {
    router = createWebhookRouter({
      secrets: { encryptKey: lark.encryptKey, verificationToken: lark.verificationToken ?? '', replayWindowSeconds: REPLAY_WINDOW_SECONDS },
      processor,
      botOpenId: () => botOpenId,
      logger: log,
      metrics,
    });
  }

  return {
    api,
    apiFor,
    botOpenId: () => botOpenId,
    processor,
    sender,
    router,
    health: () => ({ lark: { mode: lark.mode, botKnown: botOpenId !== null, ...(ws ? { connection: ws.status() } : {}) } }),
    async close() {
      for (const timer of timers) clearInterval(timer);
      ws?.close();
      await recovery;
      await processor.idle();
      await sender.stop();
    },
  };
}
