/**
 * Lark's send limits and seeded random faults, as a layer on the fake Open
 * API's sends and replies: 429 with x-ogw-ratelimit-reset over 50/s per
 * app or 5/s per chat (or at random), 5xx at random, half of them after the
 * message was taken (the answer lost). Benchmarks and the outbox's tests
 * switch it on; the seed makes a run repeatable.
 */
import type { Answer } from '../../src/console/fake-open-api/exchange.js';
import type { SendVerdict } from '../../src/console/fake-open-api/message-endpoints.js';

/** Lark's send limits as the fake enforces them, and random faults to inject. */
export interface SendLimits {
  /** Messages a second for the app (Lark: 50). */
  perApp: number;
  /** Messages a second per chat (Lark: 5). */
  perChat: number;
  /** Share of sends refused with 429 at random. */
  random429: number;
  /** Share of sends answered 5xx at random: half refused, half taken with the answer lost. */
  random5xx: number;
  /** Seed of the random faults, so a run can be repeated. */
  seed?: number;
}

/** A small seeded PRNG, so injected faults repeat from run to run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The layer: off until `enforce`, then judging each send by its target (a chat, a person, a replied message). */
export function sendLimitLayer() {
  let limits: SendLimits | undefined;
  let random = mulberry32(1);
  const sentAt: number[] = [];
  const sentAtByChat = new Map<string, number[]>();
  const faults = { rateLimited: 0, serverErrors: 0, lostResponses: 0 };

  const admit = (target: string): SendVerdict => {
    if (!limits) return undefined;
    const now = Date.now();
    const recent = (times: number[]) => {
      while (times.length > 0 && times[0]! <= now - 1000) times.shift();
      return times.length;
    };
    const chatTimes = sentAtByChat.get(target) ?? [];
    sentAtByChat.set(target, chatTimes);
    const roll = random();
    if (roll < limits.random429 || recent(sentAt) >= limits.perApp || recent(chatTimes) >= limits.perChat) {
      faults.rateLimited++;
      const refused: Answer = { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-limit': String(limits.perApp), 'x-ogw-ratelimit-reset': '1' } };
      return { refuse: refused };
    }
    if (roll < limits.random429 + limits.random5xx / 2) {
      faults.serverErrors++;
      return { refuse: { status: 500, body: { code: 500, msg: 'internal error' } } };
    }
    sentAt.push(now);
    chatTimes.push(now);
    // The other half of the 5xx: the message is taken, but the answer is lost.
    if (roll >= limits.random429 + limits.random5xx) return undefined;
    return {
      loseAnswer: () => {
        faults.lostResponses++;
        return { status: 502, body: { code: 502, msg: 'bad gateway' } };
      },
    };
  };

  return {
    admit,
    /** Faults answered so far. */
    faults,
    /** Switches the limits and faults on (again, with a fresh seed). */
    enforce(options: SendLimits) {
      limits = options;
      random = mulberry32(options.seed ?? 1);
    },
  };
}
