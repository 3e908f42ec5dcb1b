import { describe, expect, it } from 'vitest';
import { boltLogLevel } from '../../src/adapters/slack/bolt-logger';
import { telegramReason } from '../../src/adapters/telegram/delivery-errors';
import { DeliveryError, failureFields } from '../../src/core/errors';
import { LIBRARY_MESSAGE_MAX, scrubLibraryMessage } from '../../src/library-log';

const BOT_TOKEN = '1234567890:AAH3kX9fq_Zb-7uPq1vLw8mNcT0sRyE4dGh';

describe("a library's log line, as it may reach ours", () => {
  it('keeps the prose and drops every payload, response and quoted input', () => {
    expect(
      scrubLibraryMessage(['http request body: {"channel":"C1","text":"my private answer"}']),
    ).toEqual({ msg: 'http request body: …' });
    expect(scrubLibraryMessage(['{"type":"block_actions","user":{"name":"anna"}}'])).toBe(
      undefined,
    );
    expect(
      scrubLibraryMessage([
        'Failed to parse the request body: Unexpected token \'h\', "hello anna" is not valid JSON',
      ]),
    ).toEqual({ msg: "Failed to parse the request body: Unexpected token 'h', …" });
    expect(scrubLibraryMessage(['ack() call begins (body: [object Object])'])).toEqual({
      msg: 'ack() call begins (body: …',
    });
  });

  it('redacts Slack and Telegram tokens, bearer headers and query strings', () => {
    const line = (s: string) => scrubLibraryMessage([s])?.msg;
    expect(line('token xoxb-1234-5678-AbCdEf refused')).toBe('token [redacted] refused');
    expect(line('app token xapp-1-A0-123-abc expired')).toBe('app token [redacted] expired');
    expect(line('user token xoxp-1-2-3 and refresh xoxe-9-8')).toBe(
      'user token [redacted] and refresh [redacted]',
    );
    expect(line(`Calling https://api.telegram.org/bot${BOT_TOKEN}/getMe`)).toBe(
      'Calling https://api.telegram.org/bot[redacted]/getMe',
    );
    expect(line(`token ${BOT_TOKEN} was revoked`)).toBe('token [redacted] was revoked');
    expect(line('Authorization: Bearer xyz.abc')).toBe('Authorization: Bearer [redacted]');
    expect(line('Unhandled request made to /slack/oauth?code=123&state=abc')).toBe(
      'Unhandled request made to /slack/oauth?[redacted]',
    );
    expect(line('GET https://hooks.example.com/x?sig=abc def')).toBe(
      'GET https://hooks.example.com/x?[redacted] def',
    );
  });

  it("cuts the upload token out of the file-upload URL's path", () => {
    const line = (s: string) => scrubLibraryMessage([s])?.msg;
    const token = 'CwABAAAAXwoAAZnoFKIEhsJ7XqWbU1hKo4KvCb2ZN9QiCnBUwN5AJ4kA';
    expect(line(`http request url: https://files.slack.com/upload/v1/${token}`)).toBe(
      'http request url: https://files.slack.com/upload/[redacted]',
    );
    expect(line(`POST https://files.slack.com/upload/v1/${token}?ts=1 failed`)).toBe(
      'POST https://files.slack.com/upload/[redacted]?[redacted] failed',
    );
    // Web API method URLs keep their path: it names the method, which the operator needs.
    expect(line('http request url: https://slack.com/api/files.getUploadURLExternal')).toBe(
      'http request url: https://slack.com/api/files.getUploadURLExternal',
    );
  });

  it('forwards strings only, an error by its class and code, on one short line', () => {
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
    });
    expect(
      scrubLibraryMessage(['Slack API error:', error, { text: 'private', user: 'anna' }]),
    ).toEqual({ msg: 'Slack API error:', err: 'Error:slack_webapi_platform_error' });
    expect(scrubLibraryMessage(['\u001B[31;1mgrammy:bot \u001B[0mline\none', 3])).toEqual({
      msg: 'grammy:bot line one 3',
    });
    const long = scrubLibraryMessage(['x'.repeat(1000)])?.msg ?? '';
    expect(long).toHaveLength(LIBRARY_MESSAGE_MAX);
    expect(scrubLibraryMessage([{ text: 'private' }])).toBe(undefined);
  });
});

describe('failure fields for a log line', () => {
  it('carry the code and the call details, and leave out anything that is not an id or code', () => {
    const error = new DeliveryError('delivery_permanent', 'slack: not_in_channel', {
      details: { method: 'chat.postMessage', target: 'C0HR', platformError: 'not_in_channel' },
    });
    expect(failureFields(error)).toEqual({
      code: 'delivery_permanent',
      method: 'chat.postMessage',
      target: 'C0HR',
      platformError: 'not_in_channel',
    });
    const odd = new DeliveryError('delivery_permanent', 'x', {
      details: { method: 'sendMessage', platformError: 'can not parse "my text"', status: 400 },
    });
    expect(failureFields(odd)).toEqual({
      code: 'delivery_permanent',
      method: 'sendMessage',
      status: 400,
    });
    expect(failureFields(new TypeError('x of anna'))).toEqual({ code: 'TypeError' });
  });
});

describe("Telegram's error descriptions as codes", () => {
  it('names the known ones, keeps Telegram upper-case codes, and never the text', () => {
    expect(telegramReason('Forbidden: bot was blocked by the user')).toBe('bot_blocked');
    expect(telegramReason('Forbidden: user is deactivated')).toBe('user_deactivated');
    expect(telegramReason('Bad Request: chat not found')).toBe('chat_not_found');
    expect(telegramReason('Bad Request: not enough rights to send text messages to the chat')).toBe(
      'not_enough_rights',
    );
    expect(
      telegramReason(`Bad Request: can't parse entities: Unsupported start tag "anna" at byte 3`),
    ).toBe('cant_parse_entities');
    expect(telegramReason('Bad Request: PEER_ID_INVALID')).toBe('peer_id_invalid');
    expect(telegramReason('Bad Request: something new about "my text"')).toBe('bad_request');
    expect(telegramReason('something: odd "quoted"')).toBe('something');
    expect(telegramReason('{"weird": true}')).toBe('other');
  });
});

describe("Bolt's level", () => {
  it("follows Tandem's", () => {
    expect(
      ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].map(boltLogLevel),
    ).toEqual(['debug', 'debug', 'info', 'warn', 'error', 'error', 'error']);
  });
});
