import createDebug from 'debug';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/core/outbox';
import type { Target } from '../../src/core/refs';
import { first } from '../../src/db/first';
import { outbox, users } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { until } from '../helpers/net';
import { type SlackHarness, startSlack } from '../helpers/slack';
import { ANNA, startTelegram } from '../helpers/telegram';

/** What must never reach a log line: message text, names, tokens. */
const SECRET_TEXT = 'my-very-private-answer-7731';
const SLACK_TOKEN = 'xoxb-test';
const TELEGRAM_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnop';

let app: TestApp | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
  app = undefined;
});

function start(level: string): { app: TestApp; logs: LogCapture } {
  const logs = captureLogs(level);
  app = createTestApp({ logger: logs.logger });
  return { app, logs };
}

const HR: Target = {
  kind: 'conversation',
  conversation: { platform: 'slack', workspace: 'T1', id: 'C0HR', kind: 'group' },
};

async function queue(a: TestApp, key: string, payload: Parameters<typeof enqueue>[1]['payload']) {
  await enqueue(a.database.db, { dedupeKey: key, target: HR, payload }, a.clock.now());
}

/** Fails if any line carries message text, a person's name or a token. */
function expectNothingPrivate(logs: LogCapture, ...more: string[]) {
  const raw = logs.raw();
  for (const secret of [SECRET_TEXT, SLACK_TOKEN, TELEGRAM_TOKEN, 'TEST-TOKEN', ...more])
    expect(raw).not.toContain(secret);
}

describe('a failed delivery names platform, method, target and error code', () => {
  it('Slack: a post to a channel the bot is not in', async () => {
    const { app, logs } = start('info');
    slack = await startSlack(app);
    slack.fake.fail('chat.postMessage', { error: 'not_in_channel' });
    await queue(app, 'hr-1', { kind: 'reply', reply: { kind: 'text', text: SECRET_TEXT } });
    app.outbox.kick();
    await slack.settle();

    expect(logs.find({ msg: 'message failed for good' })).toEqual([
      expect.objectContaining({
        component: 'outbox',
        platform: 'slack',
        method: 'chat.postMessage',
        target: 'C0HR',
        code: 'delivery_permanent',
        platformError: 'not_in_channel',
      }),
    ]);
    expectNothingPrivate(logs);
  });

  it('Slack: a retried server error and a failed file upload name their method too', async () => {
    const { app, logs } = start('info');
    slack = await startSlack(app);
    slack.fake.fail('chat.postMessage', { status: 503 });
    await queue(app, 'hr-2', { kind: 'reply', reply: { kind: 'text', text: SECRET_TEXT } });
    app.outbox.kick();
    await slack.settle();
    expect(logs.find({ msg: 'message will be retried' })).toEqual([
      expect.objectContaining({
        platform: 'slack',
        method: 'chat.postMessage',
        target: 'C0HR',
        code: 'delivery_transient',
        status: 503,
      }),
    ]);

    // The retry goes through; then a chart to the same channel is refused.
    app.clock.advance(60_000);
    slack.fake.fail('files.getUploadURLExternal', { error: 'channel_not_found' });
    await queue(app, 'hr-3', {
      kind: 'file',
      file: { filename: 'chart.png', mimeType: 'image/png', contentBase64: 'AAAA' },
    });
    app.outbox.kick();
    await slack.settle();
    expect(logs.find({ msg: 'message failed for good' })).toEqual([
      expect.objectContaining({
        platform: 'slack',
        method: 'files.uploadV2',
        target: 'C0HR',
        code: 'delivery_permanent',
        platformError: 'channel_not_found',
      }),
    ]);
    expectNothingPrivate(logs);
  });

  it('Slack: a modal that could not be opened (a direct call, outside the outbox)', async () => {
    const { app, logs } = start('info');
    slack = await startSlack(app);
    slack.fake.fail('views.open', { error: 'expired_trigger_id' });
    await slack.command('join');
    expect(logs.find({ msg: 'event failed' })).toEqual([
      expect.objectContaining({
        component: 'engine',
        platform: 'slack',
        method: 'views.open',
        code: 'delivery_permanent',
        platformError: 'expired_trigger_id',
      }),
    ]);
    expectNothingPrivate(logs, 'User U1');
  });

  it('a send cut off by a crash names platform and target', async () => {
    const { app, logs } = start('info');
    await queue(app, 'hr-5', { kind: 'reply', reply: { kind: 'text', text: SECRET_TEXT } });
    // The process died while Slack had the message: the next start finds it claimed.
    await app.database.db.update(outbox).set({ status: 'sending', claimedAt: app.clock.now() });
    expect(await app.outbox.releaseAbandonedClaims()).toBe(1);
    expect(logs.find({ code: 'process_died' })).toEqual([
      expect.objectContaining({ component: 'outbox', platform: 'slack', target: 'C0HR' }),
    ]);
    expectNothingPrivate(logs);
  });

  it('Telegram: a person who blocked the bot (403)', async () => {
    const { app, logs } = start('info');
    const telegram = await startTelegram(app);
    telegram.api.fail('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await telegram.say('/help');

    expect(logs.find({ msg: 'message failed for good' })).toEqual([
      expect.objectContaining({
        component: 'outbox',
        platform: 'telegram',
        method: 'sendMessage',
        target: String(ANNA.id),
        code: 'delivery_recipient_gone',
        platformError: 'bot_blocked',
        status: 403,
      }),
    ]);
    // A later message to them (a reminder) is not even tried, and that says so too.
    const anna = await first(
      app.database.db
        .select()
        .from(users)
        .where(eq(users.platformUserId, String(ANNA.id))),
    );
    if (!anna) throw new Error('Anna was not saved');
    await enqueue(
      app.database.db,
      {
        dedupeKey: 'reminder',
        target: {
          kind: 'user',
          user: { platform: 'telegram', workspace: anna.workspace, id: String(ANNA.id) },
        },
        payload: { kind: 'reply', reply: { kind: 'text', text: SECRET_TEXT } },
        userId: anna.id,
      },
      app.clock.now(),
    );
    app.outbox.kick();
    await telegram.settle();
    expect(logs.find({ msg: 'message not sent: the recipient cannot be reached' })).toEqual([
      expect.objectContaining({
        platform: 'telegram',
        target: String(ANNA.id),
        code: 'recipient_unreachable',
      }),
    ]);
    expectNothingPrivate(logs, ANNA.first_name, ANNA.last_name ?? '');
  });
});

describe('debug logs', () => {
  it('Slack: one line per inbound event with its latency, one per Web API call', async () => {
    const { app, logs } = start('debug');
    slack = await startSlack(app);
    // A slow Slack: the latency counts from receipt, so it includes users.info's time.
    slack.fake.latencyMs = 400;
    expect(await slack.command(`help ${SECRET_TEXT}`)).toBe(200);
    await until('the event handled', () => logs.find({ msg: 'event handled' })[0]);
    slack.fake.latencyMs = 0;
    await slack.settle();

    expect(logs.find({ msg: 'event handled' })).toEqual([
      expect.objectContaining({
        component: 'engine',
        platform: 'slack',
        type: 'command',
        command: 'help',
        outcome: 'ok',
        latencyMs: expect.any(Number),
      }),
    ]);
    expect(logs.find({ msg: 'event handled' })[0]?.latencyMs).toBeGreaterThanOrEqual(400);
    const calls = logs.find({ msg: 'slack api call' });
    const methods = calls.map((c) => c.method);
    expect(methods).toEqual(
      expect.arrayContaining(['users.info', 'conversations.open', 'chat.postMessage']),
    );
    for (const call of calls)
      expect(call).toMatchObject({ component: 'slack', ok: true, durationMs: expect.any(Number) });

    // A refused call says so, with Slack's code.
    slack.fake.fail('chat.postMessage', { error: 'not_in_channel' });
    await queue(app, 'hr-4', { kind: 'reply', reply: { kind: 'text', text: SECRET_TEXT } });
    app.outbox.kick();
    await slack.settle();
    expect(logs.find({ msg: 'slack api call', ok: false })).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', error: 'not_in_channel', status: 200 }),
    ]);
    expectNothingPrivate(logs, 'User U1');
  });

  it('Telegram: one line per inbound update with its latency, one per Bot API call', async () => {
    const { app, logs } = start('debug');
    const telegram = await startTelegram(app);
    await telegram.say('/help');
    await telegram.press('cmd|0|nothing');

    const events = logs.find({ msg: 'event handled', platform: 'telegram' });
    expect(events.map((e) => [e.type, e.outcome])).toEqual([
      ['command', 'ok'],
      ['action', 'ok'],
    ]);
    for (const event of events) expect(event.latencyMs).toEqual(expect.any(Number));
    const calls = logs.find({ msg: 'telegram api call' });
    expect(calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['sendMessage', 'answerCallbackQuery']),
    );
    for (const call of calls)
      expect(call).toMatchObject({ component: 'telegram', durationMs: expect.any(Number) });

    telegram.api.fail('sendMessage', {
      error_code: 400,
      description: `Bad Request: can't parse entities: Unsupported start tag "${SECRET_TEXT}"`,
    });
    await telegram.say('/help');
    expect(logs.find({ msg: 'telegram api call', ok: false })).toEqual([
      expect.objectContaining({
        method: 'sendMessage',
        status: 400,
        platformError: 'cant_parse_entities',
      }),
    ]);
    expectNothingPrivate(logs, ANNA.first_name, ANNA.last_name ?? '');
  });

  it('above debug, none of those lines are written', async () => {
    const { app, logs } = start('info');
    slack = await startSlack(app);
    const telegram = await startTelegram(app);
    await slack.command('help');
    await telegram.say('/help');
    expect(logs.lines().filter((l) => (l.level as number) < 30)).toEqual([]);
    expect(logs.find({ component: 'bolt' })).toEqual([]);
    expect(logs.find({ component: 'grammy' })).toEqual([]);
  });
});

describe("Bolt's and grammY's own logs go through ours, scrubbed", () => {
  it('Bolt: its warnings and debug lines, under component bolt, with no payload or token', async () => {
    const { app, logs } = start('debug');
    slack = await startSlack(app);
    // A request with a bad signature: Bolt refuses it and warns.
    const body = new URLSearchParams({ command: '/mentor', text: SECRET_TEXT }).toString();
    const refused = await slack.post(body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-slack-signature': 'v0=0000',
    });
    expect(refused.status).toBe(401);
    expect(logs.find({ component: 'bolt', level: 40 })).toEqual([
      expect.objectContaining({
        msg: expect.stringContaining('Failed to parse and verify the request data'),
      }),
    ]);

    // The Web API client's warnings (Slack's response_metadata) come through, tokens redacted.
    slack.fake.metadata('users.info', {
      messages: [`[WARN] superfluous_charset with token ${SLACK_TOKEN}-123-abc`],
    });
    await slack.command(`help ${SECRET_TEXT}`);
    const warned = logs.find({ component: 'bolt', level: 40 }).map((l) => l.msg);
    expect(warned).toContain('superfluous_charset with token [redacted]');

    // At debug Bolt logs whole request bodies and responses: only their prose is kept.
    const debug = logs.find({ component: 'bolt', level: 20 }).map((l) => String(l.msg));
    expect(debug).toEqual(expect.arrayContaining(['http request body: …']));
    expectNothingPrivate(logs, 'User U1');
  });

  it('grammY: its debug lines, under component grammy, with no token or text', async () => {
    const { app, logs } = start('debug');
    const telegram = await startTelegram(app);
    await telegram.say(`/help ${SECRET_TEXT}`);
    expect(logs.find({ component: 'grammy', namespace: 'grammy:bot' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 20,
          msg: expect.stringMatching(/^Processing update \d+$/),
        }),
      ]),
    );
    // Whatever grammY's logger is given goes through the same scrubbing.
    createDebug.enable('grammy*');
    createDebug('grammy:core')(
      `Calling https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage {"text":"${SECRET_TEXT}"}`,
    );
    expect(logs.find({ component: 'grammy', namespace: 'grammy:core' })).toEqual([
      expect.objectContaining({
        level: 20,
        msg: 'Calling https://api.telegram.org/bot[redacted]/sendMessage …',
      }),
    ]);
    expectNothingPrivate(logs, ANNA.first_name, ANNA.last_name ?? '');
  });
});
