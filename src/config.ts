/**
 * Configuration from environment variables, parsed once at start-up.
 *
 * Every problem is collected and reported together, so an operator fixes a
 * bad deployment in one go instead of one restart per variable.
 */
import { z } from 'zod';
import { providerOf } from './db/provider-schema.js';

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA time zone (e.g. Asia/Shanghai)' },
);

const larkDomain = z
  .string()
  .trim()
  .refine((value) => value === 'feishu' || value === 'lark' || /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(value), {
    message: 'must be feishu, lark, or a base URL such as http://127.0.0.1:8081',
  });

/** A yes/no variable: 1/0 or true/false; undefined when unset and without a default. */
const flagValues = z.enum(['0', '1', 'true', 'false'], { message: 'must be 1 or 0' });
const isYes = (value: string | undefined) => (value === undefined ? undefined : value === '1' || value === 'true');
const flag = (fallback: '0' | '1') => flagValues.default(fallback).transform((value) => isYes(value)!);

const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default('file:./data/duban.db')
      .refine((value) => providerOf(value) !== undefined, {
        message: 'must be a file: URL (SQLite) or a postgres:// / postgresql:// URL',
      }),
    PORT: z.coerce
      .number({ message: 'must be a port number from 0 (any free port) to 65535' })
      .int({ message: 'must be a port number from 0 (any free port) to 65535' })
      .min(0, { message: 'must be a port number from 0 (any free port) to 65535' })
      .max(65535, { message: 'must be a port number from 0 (any free port) to 65535' })
      .default(3000),
    HOST: z.string().default('0.0.0.0'),
    BOT_TIMEZONE: timeZone.default('Asia/Shanghai'),
    BOT_ADMINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(/[,，\s]+/)
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^ou_[0-9A-Za-z]+$/, 'each admin must be an open_id starting with ou_'))),
    LARK_APP_ID: optionalSecret,
    LARK_APP_SECRET: optionalSecret,
    LARK_ENCRYPT_KEY: optionalSecret,
    LARK_VERIFICATION_TOKEN: optionalSecret,
    LARK_DOMAIN: larkDomain.default('feishu'),
    LARK_MODE: z.enum(['webhook', 'ws']).default('webhook'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_ON_EMPTY: flag('1'),
    CONSOLE: flagValues.optional().transform(isYes),
    CONSOLE_ALLOW_REMOTE: flag('0'),
    CONSOLE_TOKEN: optionalSecret,
    TRUST_PROXY: flag('0'),
  });

/**
 * Rules that tie variables together. Checked on the raw environment, apart
 * from the per-variable schema, so they are reported even when another
 * variable is invalid too.
 */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (isYes(env.CONSOLE_ALLOW_REMOTE) && (env.CONSOLE_TOKEN ?? '').trim().length < 16)
    problems.push('CONSOLE_TOKEN (at least 16 characters) is required with CONSOLE_ALLOW_REMOTE=1: the console acts as an administrator, so anyone who reaches it from another machine must give the token');
  if (!set('LARK_APP_ID') && !set('LARK_APP_SECRET')) return problems;
  if (!set('LARK_APP_ID')) problems.push('LARK_APP_ID is required when LARK_APP_SECRET is set');
  if (!set('LARK_APP_SECRET')) problems.push('LARK_APP_SECRET is required when LARK_APP_ID is set');
  if ((env.LARK_MODE ?? 'webhook') === 'webhook' && !set('LARK_VERIFICATION_TOKEN'))
    problems.push('LARK_VERIFICATION_TOKEN is required in webhook mode: without it forged events cannot be told apart');
  if ((env.LARK_MODE ?? 'webhook') === 'webhook' && !set('LARK_ENCRYPT_KEY'))
    problems.push(
      'LARK_ENCRYPT_KEY is required in webhook mode: without it Lark does not sign its requests, and the verification token (sent inside every plaintext event) is all that authenticates one, with no time limit — set an Encrypt Key in the developer console (事件与回调 → 加密策略), or use LARK_MODE=ws',
    );
  return problems;
}

/** The validated configuration the rest of the service receives. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  timeZone: string;
  admins: readonly string[];
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Import seeds/ into a new database (one with no plan but the seeds), finishing a seeding a crash cut short. */
  seedOnEmpty: boolean;
  /**
   * The local chat console at /: on by default when no Lark app is
   * configured, off otherwise unless CONSOLE=1. `allowRemote` lets other
   * machines reach it (loopback only by default).
   */
  console?: { allowRemote: boolean; /** Asked of every visitor when set; required with allowRemote. */ token?: string };
  /** Believe X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front (TRUST_PROXY=1); off by default. */
  trustProxy: boolean;
  /** Present only when an app id and secret are configured. */
  lark?: {
    appId: string;
    appSecret: string;
    encryptKey?: string;
    verificationToken?: string;
    /** 'feishu', 'lark', or a base URL. */
    domain: string;
    mode: 'webhook' | 'ws';
  };
}

/** Thrown by loadConfig with every problem found, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment. Throws ConfigError listing every invalid variable;
 * values are never echoed, since several of them are secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.length ? String(issue.path[0]) : 'environment'} ${issue.message}`);
  problems.push(...crossFieldProblems(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    timeZone: e.BOT_TIMEZONE,
    admins: Object.freeze(e.BOT_ADMINS),
    logLevel: e.LOG_LEVEL,
    seedOnEmpty: e.SEED_ON_EMPTY,
    console: (e.CONSOLE ?? !(e.LARK_APP_ID && e.LARK_APP_SECRET)) ? Object.freeze({ allowRemote: e.CONSOLE_ALLOW_REMOTE, ...(e.CONSOLE_TOKEN ? { token: e.CONSOLE_TOKEN } : {}) }) : undefined,
    trustProxy: e.TRUST_PROXY,
    lark:
      e.LARK_APP_ID && e.LARK_APP_SECRET
        ? Object.freeze({
            appId: e.LARK_APP_ID,
            appSecret: e.LARK_APP_SECRET,
            encryptKey: e.LARK_ENCRYPT_KEY,
            verificationToken: e.LARK_VERIFICATION_TOKEN,
            domain: e.LARK_DOMAIN,
            mode: e.LARK_MODE,
          })
        : undefined,
  });
}
