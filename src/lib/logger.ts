/**
 * Structured JSON logging (pino). Secrets are redacted by key wherever they
 * appear in a logged object, so a careless `log.info({ config })` leaks nothing.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Keys whose values are never written to the log. */
export const REDACTED_KEYS = [
  'appSecret',
  'app_secret',
  'encryptKey',
  'encrypt_key',
  'verificationToken',
  'token',
  'tenant_access_token',
  'authorization',
  'Authorization',
  'password',
  'LARK_APP_SECRET',
  'LARK_ENCRYPT_KEY',
  'LARK_VERIFICATION_TOKEN',
];

/** Creates the service logger; tests pass a destination to capture output. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino(
    {
      level,
      base: { service: 'duban' },
      redact: { paths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
