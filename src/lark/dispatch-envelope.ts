/**
 * Where every transport hands a verified v2 envelope (webhook route, long
 * connection, the local console): it becomes a transport-neutral event and
 * goes to the inbound processor. Card callbacks are answered with what Lark
 * expects back; other events resolve once stored, so the transport may
 * acknowledge them.
 */
import type { CardCallbackResponse, InboundProcessor } from '../bot/inbound-processor.js';
import { toInboundEvent } from './inbound-events.js';

/** Dispatches one envelope; the callback answer for a card action, undefined otherwise. */
export async function dispatchEnvelope(processor: InboundProcessor, envelope: Record<string, unknown>, botOpenId: string | null): Promise<CardCallbackResponse | undefined> {
  const event = toInboundEvent(envelope, botOpenId);
  if (!event) return undefined;
  if (event.kind === 'card_action') return processor.respondToCardAction(event);
  await processor.receive(event);
  return undefined;
}
