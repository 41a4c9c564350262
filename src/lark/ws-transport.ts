/**
 * LARK_MODE=ws: the SDK's long connection instead of the webhook, for
 * deployments with no public URL. Events and card callbacks arrive as
 * plaintext v2 envelopes and go to the same processor as webhook requests.
 * The SDK reconnects on its own; a ping timeout makes it notice a silent
 * connection, and its state is reported in /healthz.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { InboundProcessor } from '../bot/inbound-processor.js';
import type { Logger } from '../lib/logger.js';
import { dispatchEnvelope } from './dispatch-envelope.js';
import { larkBaseUrl, summariseSdkLog } from './lark-api.js';

/** What the long connection needs. */
export interface WsTransportOptions {
  appId: string;
  appSecret: string;
  domain: string;
  processor: InboundProcessor;
  botOpenId: () => string | null;
  logger: Logger;
  /** Seconds without a pong or any frame after a ping before reconnecting. */
  pingTimeoutSeconds?: number;
}

/** A running long connection. */
export interface WsTransport {
  status(): { state: string; reconnectAttempts: number; lastConnectTime?: number };
  close(): void;
}

/** Opens the long connection; resolves once it is connected (or keeps retrying in the background). */
export async function startWsTransport(options: WsTransportOptions): Promise<WsTransport> {
  const { processor, logger } = options;
  // WSClient only calls invoke(envelope); the envelope is the v2 event, already merged from its fragments.
  const dispatcher = {
    invoke: (envelope: Record<string, unknown>) => dispatchEnvelope(processor, envelope, options.botOpenId()),
  };
  let ready: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (ready = resolve));
  const client = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: larkBaseUrl(options.domain),
    loggerLevel: lark.LoggerLevel.warn,
    logger: {
      error: (...args: unknown[]) => logger.error({ ws: summariseSdkLog(args) }, 'lark long connection'),
      warn: (...args: unknown[]) => logger.warn({ ws: summariseSdkLog(args) }, 'lark long connection'),
      info: (...args: unknown[]) => logger.info({ ws: summariseSdkLog(args) }, 'lark long connection'),
      debug: () => undefined,
      trace: () => undefined,
    },
    wsConfig: { pingTimeout: options.pingTimeoutSeconds ?? 30 },
    onReady: () => ready(),
    onError: (error: unknown) => logger.error({ err: error }, 'lark long connection failed'),
    onReconnecting: () => logger.warn('lark long connection lost, reconnecting'),
    onReconnected: () => logger.info('lark long connection restored'),
  } as ConstructorParameters<typeof lark.WSClient>[0]);
  await client.start({ eventDispatcher: dispatcher as unknown as lark.EventDispatcher });
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  return {
    status: () => {
      const status = client.getConnectionStatus();
      return { state: status.state, reconnectAttempts: status.reconnectAttempts, lastConnectTime: status.lastConnectTime };
    },
    close: () => client.close({ force: true }),
  };
}
