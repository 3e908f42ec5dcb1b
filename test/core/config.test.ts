import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { TandemError } from '../../src/core/errors';

describe('config', () => {
  it('has sensible defaults for an empty environment (the console demo)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_PATH: './data/demo.db',
      DEFAULT_LOCALE: 'en',
      ORG_TIMEZONE: 'UTC',
      ADMIN_IDS: [],
      PORT: 3000,
      platforms: [],
    });
    expect(config.HR_CHANNEL).toBeUndefined();
  });

  it('keeps the console demo in its own file, apart from the company’s, unless DATABASE_PATH says', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' };
    const telegram = { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx' };
    expect(loadConfig({}).DATABASE_PATH).toBe('./data/demo.db');
    expect(loadConfig(slack).DATABASE_PATH).toBe('./data/tandem.db');
    expect(loadConfig(telegram).DATABASE_PATH).toBe('./data/tandem.db');
    expect(loadConfig({ ...slack, ...telegram }).DATABASE_PATH).toBe('./data/tandem.db');
    expect(loadConfig({ DATABASE_PATH: '' }).DATABASE_PATH).toBe('./data/demo.db');
    expect(loadConfig({ DATABASE_PATH: '/srv/t.db' }).DATABASE_PATH).toBe('/srv/t.db');
    expect(loadConfig({ ...slack, DATABASE_PATH: '/srv/t.db' }).DATABASE_PATH).toBe('/srv/t.db');
  });

  it('refuses DEMO=true beside a platform token: the demo never reaches a company’s data', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' };
    expect(() => loadConfig({ ...slack, DEMO: 'true' })).toThrow(
      /DEMO: the demo company lives only in the console, in its own database \(\.\/data\/demo\.db\); remove DEMO/,
    );
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx', DEMO: '1' }),
    ).toThrow(/DEMO: the demo company lives only in the console/);
    // As left in a .env copied from an older .env.example, or in the console: harmless.
    expect(loadConfig({ ...slack, DEMO: 'false' }).platforms).toEqual(['slack']);
    expect(loadConfig({ DEMO: 'true' }).platforms).toEqual([]);
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
    });
    expect(config.ADMIN_IDS).toEqual([
      { platform: 'slack', id: 'U123' },
      { platform: 'telegram', id: '456' },
    ]);
    expect(config).toMatchObject({
      HR_CHANNEL: 'telegram:-1001234',
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
