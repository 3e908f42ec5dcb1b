import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { TandemError } from '../../src/core/errors';

describe('config', () => {
  it('has sensible defaults for an empty environment (the console demo)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_PATH: './data/tandem.db',
      DEFAULT_LOCALE: 'en',
      ORG_TIMEZONE: 'UTC',
      ADMIN_IDS: [],
      PORT: 3000,
      DEMO: false,
      platforms: [],
    });
    expect(config.HR_CHANNEL).toBeUndefined();
  });

  it('treats empty values (as left in .env files) as unset', () => {
    expect(loadConfig({ PORT: '', DEFAULT_LOCALE: '' })).toMatchObject({
      PORT: 3000,
      DEFAULT_LOCALE: 'en',
    });
  });

  it('parses admin ids, channels and platforms', () => {
    const config = loadConfig({
      ADMIN_IDS: 'slack:U123, telegram:456',
      HR_CHANNEL: 'telegram:-1001234',
      ORG_TIMEZONE: 'Europe/Moscow',
      DEFAULT_LOCALE: 'ru',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      DEMO: 'true',
    });
    expect(config.ADMIN_IDS).toEqual([
      { platform: 'slack', id: 'U123' },
      { platform: 'telegram', id: '456' },
    ]);
    expect(config).toMatchObject({
      HR_CHANNEL: 'telegram:-1001234',
      DEMO: true,
      platforms: ['telegram'],
    });
  });

  it('checks platform settings together, and never echoes a secret', () => {
    let message = '';
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-real-looking-token',
        TELEGRAM_WEBHOOK_URL: 'http://insecure.example.com/hook',
        TELEGRAM_BOT_TOKEN: 'not-a-token-secret-value',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN');
    expect(message).toContain('TELEGRAM_WEBHOOK_URL: expected a public https:// URL');
    expect(message).toContain('TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL');
    expect(message).toContain('TELEGRAM_BOT_TOKEN: expected a BotFather token');
    expect(message).not.toContain('not-a-token-secret-value');
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        DEFAULT_LOCALE: 'de',
        ORG_TIMEZONE: 'Mars/Olympus',
        PORT: '99999',
        ADMIN_IDS: 'U123',
        HR_CHANNEL: '#hr',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TandemError);
    const message = (error as TandemError).message;
    expect((error as TandemError).code).toBe('config_invalid');
    for (const name of [
      'DEFAULT_LOCALE',
      'ORG_TIMEZONE',
      'PORT',
      'ADMIN_IDS',
      'HR_CHANNEL',
      'LOG_LEVEL',
    ]) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).toContain('"Mars/Olympus"');
  });
});
