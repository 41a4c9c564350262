import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts with the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('file:./data/duban.db');
    expect(config.port).toBe(3000);
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.admins).toEqual([]);
    expect(config.lark).toBeUndefined();
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u@db:5432/duban',
      PORT: '8080',
      BOT_TIMEZONE: 'Asia/Hong_Kong',
      BOT_ADMINS: 'ou_aaa, ou_bbb，ou_ccc',
      LARK_APP_ID: 'cli_a1b2c3d4e5f60718',
      LARK_APP_SECRET: 'secret',
      LARK_ENCRYPT_KEY: 'enc',
      LARK_VERIFICATION_TOKEN: 'vt',
      LARK_DOMAIN: 'http://127.0.0.1:9999',
      LARK_MODE: 'webhook',
    });
    expect(config.port).toBe(8080);
    expect(config.admins).toEqual(['ou_aaa', 'ou_bbb', 'ou_ccc']);
    expect(config.lark).toEqual({
      appId: 'cli_a1b2c3d4e5f60718',
      appSecret: 'secret',
      encryptKey: 'enc',
      verificationToken: 'vt',
      domain: 'http://127.0.0.1:9999',
      mode: 'webhook',
    });
  });

  it('reports every problem at once, naming each variable', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://x',
      PORT: 'eighty',
      BOT_TIMEZONE: 'Mars/Olympus',
      BOT_ADMINS: 'ou_ok,not-an-open-id',
      LARK_DOMAIN: 'ftp://x',
      LARK_MODE: 'carrier-pigeon',
      LARK_APP_SECRET: 'secret-without-id',
    });
    const names = problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'PORT',
        'BOT_TIMEZONE',
        'BOT_ADMINS',
        'LARK_DOMAIN',
        'LARK_MODE',
        'LARK_APP_ID',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(7);
  });

  it('never echoes a secret in its messages', () => {
    const problems = problemsOf({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 'SUPERSECRET', PORT: '-1' });
    expect(problems.join('\n')).not.toContain('SUPERSECRET');
    expect(problems.some((problem) => problem.startsWith('LARK_VERIFICATION_TOKEN'))).toBe(true);
  });

  it('needs no verification token in long-connection mode', () => {
    const config = loadConfig({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'ws' });
    expect(config.lark?.mode).toBe('ws');
  });

  it('treats blank secrets as unset', () => {
    expect(loadConfig({ LARK_APP_ID: '  ', LARK_APP_SECRET: '' }).lark).toBeUndefined();
  });
});
