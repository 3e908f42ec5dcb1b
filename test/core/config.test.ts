import { describe, expect, it } from 'vitest';
import { consoleStart, loadConfig } from '../../src/config';
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

  it('takes DATABASE_URL as a postgres:// URL for a platform start, and never shows its password', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' };
    const url = 'postgres://tandem:s3cret@db:5432/tandem';
    expect(loadConfig({ ...slack, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(
      loadConfig({ ...slack, DATABASE_URL: 'postgresql://db/tandem' }).DATABASE_URL,
    ).toBeDefined();
    expect(loadConfig(slack).DATABASE_URL).toBeUndefined();
    let error: unknown;
    try {
      loadConfig({ ...slack, DATABASE_URL: 'mysql://tandem:s3cret@db/tandem' });
    } catch (e) {
      error = e;
    }
    expect(String((error as Error).message)).toMatch(
      /DATABASE_URL: a postgres:\/\/ or postgresql:\/\/ URL \(got "\*\*\*"\)/,
    );
    expect(String((error as Error).message)).not.toContain('s3cret');
    // The console demo stays on its own SQLite file.
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(
      /DATABASE_URL: the console demo runs on its own SQLite file/,
    );
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
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'signing-secret',
    });
    expect(config.ADMIN_IDS).toEqual([
      { platform: 'slack', id: 'U123' },
      { platform: 'telegram', id: '456' },
    ]);
    expect(config).toMatchObject({
      HR_CHANNEL: 'telegram:-1001234',
      platforms: ['slack', 'telegram'],
    });
  });

  it('refuses a channel or an admin on a platform the start does not run, saying what to set', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' };
    const telegram = { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx' };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        expect((e as TandemError).code).toBe('config_invalid');
        return (e as TandemError).message;
      }
    };
    const slackOnly = problems({
      ...slack,
      CONTENT_CHANNEL: 'telegram:-100123',
      HR_CHANNEL: 'console:hr',
      ADMIN_IDS: 'slack:U1, telegram:42',
    });
    expect(slackOnly).toContain(
      'CONTENT_CHANNEL: a channel on Telegram, which this start does not run (it runs Slack), so nothing would ever be posted there; set CONTENT_CHANNEL to a channel of Slack, e.g. slack:C0123, or set TELEGRAM_BOT_TOKEN to connect Telegram (got "telegram:-100123")',
    );
    expect(slackOnly).toContain(
      'HR_CHANNEL: a channel on the console, which this start does not run (it runs Slack), so nothing would ever be posted there; set HR_CHANNEL to a channel of Slack, e.g. slack:C0123 (got "console:hr")',
    );
    expect(slackOnly).toContain(
      'ADMIN_IDS: telegram:42 is on Telegram, which this start does not run (it runs Slack), so they would never hear from Tandem; remove it, or set TELEGRAM_BOT_TOKEN to connect Telegram',
    );
    expect(slackOnly).not.toContain('slack:U1 is');
    expect(problems({ ...telegram, HR_CHANNEL: 'slack:C1' })).toContain(
      'HR_CHANNEL: a channel on Slack, which this start does not run (it runs Telegram)',
    );
    // Each on a platform that runs: fine.
    const both = { ...slack, ...telegram, ADMIN_IDS: 'slack:U1,telegram:42' };
    expect(problems({ ...both, HR_CHANNEL: 'slack:C1', CONTENT_CHANNEL: 'telegram:-100' })).toBe(
      '',
    );
    expect(problems({ ...slack, HR_CHANNEL: 'slack:C1', ADMIN_IDS: 'slack:U1' })).toBe('');
  });

  it('sets a console start’s Slack and Telegram channels and admins aside, and says so', () => {
    const config = loadConfig({
      HR_CHANNEL: 'slack:C0HR',
      CONTENT_CHANNEL: 'telegram:-100123',
      ADMIN_IDS: 'slack:U1, console:lena',
    });
    const notes = consoleStart(config);
    expect(config).toMatchObject({
      HR_CHANNEL: 'console:hr',
      CONTENT_CHANNEL: 'console:content',
      ADMIN_IDS: [
        { platform: 'console', id: 'lena' },
        { platform: 'console', id: 'me' },
      ],
    });
    expect(notes).toEqual([
      'ADMIN_IDS: slack:U1 ignored: the console runs without Slack or Telegram, and you are its admin.',
      'HR_CHANNEL: slack:C0HR ignored: the console runs without Slack or Telegram; its posts are shown here as console:hr.',
      'CONTENT_CHANNEL: telegram:-100123 ignored: the console runs without Slack or Telegram; its posts are shown here as console:content.',
    ]);
    // Nothing set, or console channels: kept, and nothing to say.
    const plain = loadConfig({ CONTENT_CHANNEL: 'console:news' });
    expect(consoleStart(plain)).toEqual([]);
    expect(plain).toMatchObject({ HR_CHANNEL: 'console:hr', CONTENT_CHANNEL: 'console:news' });
    expect(plain.ADMIN_IDS).toEqual([{ platform: 'console', id: 'me' }]);
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
