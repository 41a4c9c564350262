/**
 * Verifies an HTTP request from Lark before anything runs: the signature
 * over the raw body (sha256 of timestamp + nonce + encrypt key + body), the
 * timestamp against a replay window, decryption (AES-256-CBC, key =
 * sha256(encrypt key)), and the verification token inside the payload. The
 * SDK's own adapter skips several of these checks, so this is done here.
 * Pure: bytes and headers in, a verdict out.
 */
import { createDecipheriv, createHash, hash } from 'node:crypto';
import { sameText } from '../lib/same-text.js';

/** The app's webhook secrets and the replay window. */
export interface WebhookSecrets {
  /** Encrypt Key from the developer console; when set, requests must be signed and encrypted. */
  encryptKey?: string;
  verificationToken: string;
  /** Oldest signed timestamp accepted, in seconds before now. */
  replayWindowSeconds: number;
}

/** What a verified request asks for. */
export type WebhookVerdict =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'event'; body: Record<string, unknown> }
  | { kind: 'rejected'; status: 400 | 401 | 403; reason: string };

/** The request as received: the exact bytes, and header lookup (lower-case names). */
export interface WebhookRequest {
  rawBody: string;
  header(name: string): string | undefined;
}

/** The AES key of the last encrypt key seen: sha256 of it, derived once, not per request. */
let derived: { encryptKey: string; key: Buffer } | undefined;

/** sha256(encrypt key), the AES key Lark encrypts with. */
function aesKey(encryptKey: string): Buffer {
  if (derived?.encryptKey !== encryptKey) derived = { encryptKey, key: createHash('sha256').update(encryptKey).digest() };
  return derived.key;
}

/** Decrypts an `encrypt` field; undefined when it does not decrypt to JSON. */
export function decryptPayload(encrypted: string, encryptKey: string): Record<string, unknown> | undefined {
  try {
    const data = Buffer.from(encrypted, 'base64');
    if (data.length < 32) return undefined;
    const key = aesKey(encryptKey);
    const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
    const plain = Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(plain);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The verification token a payload carries: v2 events in header.token, the challenge and v1 at the top. */
function tokenOf(body: Record<string, unknown>): string | undefined {
  const header = body.header as Record<string, unknown> | undefined;
  const token = header?.token ?? body.token;
  return typeof token === 'string' ? token : undefined;
}

/** Checks a request; `now` is in milliseconds. */
export function verifyWebhook(request: WebhookRequest, secrets: WebhookSecrets, now = Date.now()): WebhookVerdict {
  let outer: unknown;
  try {
    outer = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'rejected', status: 400, reason: 'body is not JSON' };
  }
  if (!outer || typeof outer !== 'object' || Array.isArray(outer)) return { kind: 'rejected', status: 400, reason: 'body is not a JSON object' };
  let body = outer as Record<string, unknown>;

  const signature = request.header('x-lark-signature');
  const timestamp = request.header('x-lark-request-timestamp');
  const nonce = request.header('x-lark-request-nonce');
  const signed = signature !== undefined && timestamp !== undefined && nonce !== undefined;
  if (secrets.encryptKey) {
    if (typeof body.encrypt !== 'string') return { kind: 'rejected', status: 400, reason: 'an encrypt key is configured but the body is not encrypted' };
    const decrypted = decryptPayload(body.encrypt, secrets.encryptKey);
    if (!decrypted) return { kind: 'rejected', status: 400, reason: 'body does not decrypt with the configured encrypt key' };
    // Lark does not sign the URL verification request; everything else must be signed.
    if (!(decrypted.type === 'url_verification' && !signed)) {
      if (!signed) return { kind: 'rejected', status: 401, reason: 'signature headers missing' };
      // One-shot hash: no Hash object (and OpenSSL digest fetch) per request.
      const expected = hash('sha256', timestamp + nonce + secrets.encryptKey + request.rawBody, 'hex');
      if (!sameText(expected, signature)) return { kind: 'rejected', status: 401, reason: 'signature does not match the body' };
      const age = now / 1000 - Number(timestamp);
      if (!Number.isFinite(age) || Math.abs(age) > secrets.replayWindowSeconds) {
        return { kind: 'rejected', status: 401, reason: `timestamp outside the ${secrets.replayWindowSeconds} s replay window` };
      }
    }
    body = decrypted;
  } else if (typeof body.encrypt === 'string') {
    return { kind: 'rejected', status: 400, reason: 'body is encrypted but no encrypt key is configured (set LARK_ENCRYPT_KEY)' };
  }

  const token = tokenOf(body);
  if (token === undefined || !sameText(token, secrets.verificationToken)) {
    return { kind: 'rejected', status: 403, reason: 'verification token does not match' };
  }
  if (body.type === 'url_verification') {
    return typeof body.challenge === 'string'
      ? { kind: 'challenge', challenge: body.challenge }
      : { kind: 'rejected', status: 400, reason: 'url_verification without a challenge' };
  }
  if (body.schema !== '2.0' || typeof (body.header as Record<string, unknown> | undefined)?.event_id !== 'string') {
    return { kind: 'rejected', status: 400, reason: 'not a schema 2.0 event' };
  }
  return { kind: 'event', body };
}
