import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApiServer } from '../fakes/bot-api-server';
import { FakeSlackApi } from '../fakes/slack-api';
import { FakeSocketMode } from '../fakes/slack-socket';
import { freePort, until } from '../helpers/net';
import { SIGNING_SECRET } from '../helpers/slack';
import { logLines, slackHelp, startTandem, type TandemProcess } from '../helpers/tandem-process';

const TG_TOKEN = '123456:PROC-TOKEN-abcdefghijklmnop';
const IRA = { id: 55, first_name: 'Ira', language_code: 'en' };

let tandem: TandemProcess | undefined;
let dir: string;
let slack: FakeSlackApi | undefined;
let telegram: FakeBotApiServer | undefined;
let socket: FakeSocketMode | undefined;

afterEach(async () => {
  tandem?.proc.kill('SIGKILL');
  tandem = undefined;
  await slack?.stop();
  slack = undefined;
  await telegram?.stop();
  telegram = undefined;
  await socket?.stop();
  socket = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function health(base: string): Promise<{ status: number; body: HealthBody } | undefined> {
  const res = await fetch(`${base}/healthz`).catch(() => undefined);
  if (!res) return undefined;
  return { status: res.status, body: (await res.json()) as HealthBody };
}

interface HealthBody {
  status: string;
  checks: Record<string, { state: string; code?: string }>;
}

describe('npm start when the Bot API is unreachable', () => {
  it('serves Slack and /healthz at once, says Telegram is down and why, and connects when the Bot API comes up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-resilience-'));
    slack = await new FakeSlackApi().start();
    const telegramPort = await freePort(); // nothing listens here yet
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${telegramPort}`,
    });
    const base = `http://127.0.0.1:${port}`;

    // /healthz answers, and says which part is not working and with what code: degraded, not
    // unavailable, as Slack works (a restart would only cut Slack's people off).
    const down = await until('telegram reported down', async () => {
      const h = await health(base);
      return h?.body.checks.telegram?.state === 'down' && h.body.checks.slack?.state === 'up'
        ? h
        : undefined;
    });
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.checks.database).toEqual({ state: 'up' });
    expect(down.body.checks.telegram).toEqual({ state: 'down', code: 'telegram_unreachable' });

    // Slack works meanwhile.
    expect((await slackHelp(base)).status).toBe(200);
    const posted = await until('slack reply', () => slack?.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(posted.args.blocks)).toContain('Tandem — reverse mentoring');

    // Each failed attempt is logged with its code, and retried.
    await until('two logged attempts', () => {
      const failures = logLines(tandem?.logs() ?? '').filter(
        (l) => l.msg === 'telegram unreachable; will retry',
      );
      return failures.length >= 2 ? failures : undefined;
    });
    expect(
      logLines(tandem.logs()).find((l) => l.msg === 'telegram unreachable; will retry'),
    ).toMatchObject({ code: 'telegram_unreachable', attempt: 1 });

    // The Bot API comes up: Telegram connects and answers, /healthz is all green.
    telegram = await new FakeBotApiServer().start(telegramPort);
    await until(
      'healthy',
      async () => ((await health(base))?.body.status === 'ok' ? true : undefined),
      30_000,
    );
    telegram.say(IRA, '/help');
    await until('telegram reply', () =>
      telegram?.sent(IRA.id).find((t) => t.includes('Tandem — reverse mentoring')),
    );
    expect(logLines(tandem.logs()).some((l) => l.msg === 'telegram connected')).toBe(true);

    expect((await tandem.terminate()).code).toBe(0);
    expect(tandem.logs()).not.toContain(TG_TOKEN);
  }, 60_000);

  it('reports a Bot API that answers 502 as down with its code, and connects once it recovers', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-resilience-'));
    telegram = await new FakeBotApiServer().start();
    telegram.mode = 'failing';
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    const base = `http://127.0.0.1:${port}`;
    const down = await until('telegram reported down', async () => {
      const h = await health(base);
      return h?.body.checks.telegram?.state === 'down' ? h : undefined;
    });
    // Telegram is the only platform: nothing works, so the probe says unavailable.
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.checks.telegram).toEqual({ state: 'down', code: 'telegram_server_error' });
    telegram.mode = 'up';
    await until(
      'healthy',
      async () => ((await health(base))?.status === 200 ? true : undefined),
      30_000,
    );
    expect((await tandem.terminate()).code).toBe(0);
  }, 60_000);
});

describe('npm start when the Slack API is unreachable (HTTP mode)', () => {
  it('serves /healthz and the Telegram webhook at once, answers Slack 503 meanwhile, and serves Slack once its API comes up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-slack-down-'));
    const slackPort = await freePort(); // nothing listens here yet
    telegram = await new FakeBotApiServer().start();
    telegram.mode = 'failing';
    const port = await freePort();
    const webhookSecret = 'webhook-secret-0123456789';
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://tandem.example.com/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
    });
    const base = `http://127.0.0.1:${port}`;

    // The port answers while Slack's auth.test cannot: nothing is up, and /healthz says why.
    const nothing = await until('slack reported down', async () => {
      const h = await health(base);
      return h?.body.checks.slack?.state === 'down' ? h : undefined;
    });
    expect(nothing.status).toBe(503);
    expect(nothing.body.status).toBe('unavailable');
    expect(nothing.body.checks.slack).toEqual({ state: 'down', code: 'slack_unreachable' });
    // A Slack request meanwhile is refused for Slack to retry, not lost half-handled.
    expect((await slackHelp(base)).status).toBe(503);

    // Telegram connects: degraded, and its webhook works on the same port.
    telegram.mode = 'up';
    const degraded = await until(
      'telegram up',
      async () => {
        const h = await health(base);
        return h?.body.checks.telegram?.state === 'up' ? h : undefined;
      },
      30_000,
    );
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      checks: { slack: { state: 'down', code: 'slack_unreachable' } },
    });
    const update = {
      update_id: 7,
      message: {
        message_id: 70,
        date: 0,
        from: { is_bot: false, ...IRA },
        chat: { id: IRA.id, type: 'private', first_name: IRA.first_name },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    };
    const webhook = await fetch(`${base}/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': webhookSecret,
      },
      body: JSON.stringify(update),
    });
    expect(webhook.status).toBe(200);
    await until('telegram reply', () =>
      telegram?.sent(IRA.id).find((t) => t.includes('Tandem — reverse mentoring')),
    );

    // Slack's API comes up: the next start attempt succeeds and signed requests are answered.
    slack = await new FakeSlackApi().start(slackPort);
    await until(
      'all up',
      async () => ((await health(base))?.body.status === 'ok' ? true : undefined),
      40_000,
    );
    expect((await slackHelp(base)).status).toBe(200);
    const posted = await until('slack reply', () => slack?.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(posted.args.blocks)).toContain('Tandem — reverse mentoring');
    expect(
      logLines(tandem.logs()).find((l) => l.msg === 'platform did not start; will retry'),
    ).toMatchObject({ platform: 'slack', attempt: 1 });

    expect((await tandem.terminate()).code).toBe(0);
    expect(tandem.logs()).not.toContain('xoxb-process-test');
  }, 90_000);
});

describe('npm start in Slack Socket Mode while Slack refuses connections', () => {
  it("logs that Slack's connection is down and retried rather than started, says unavailable on /healthz, and answers once connected", async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-socket-'));
    slack = await new FakeSlackApi().start();
    socket = await new FakeSocketMode().start(slack);
    // Slack's side is having trouble: the first connection attempts get 503.
    slack.fail('apps.connections.open', { status: 503 }, 2);
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_APP_TOKEN: 'xapp-process-test',
      SLACK_API_URL: slack.apiUrl,
    });
    const base = `http://127.0.0.1:${port}`;

    const starting = await until('the start to be logged', () =>
      logLines(tandem?.logs() ?? '').find(
        (l) =>
          l.platform === 'slack' &&
          l.msg !== undefined &&
          String(l.msg).startsWith('platform start'),
      ),
    );
    expect(starting).toMatchObject({
      msg: 'platform starting; connection down, retrying',
      state: 'down',
      code: 'slack_connect_failed',
    });
    // Slack is the only platform: nothing works yet.
    const down = await health(base);
    expect(down?.status).toBe(503);
    expect(down?.body.checks.slack).toEqual({ state: 'down', code: 'slack_connect_failed' });

    // The supervisor keeps trying; once Slack lets it connect, everything is up.
    await until(
      'healthy',
      async () => ((await health(base))?.body.status === 'ok' ? true : undefined),
      30_000,
    );
    expect(slack.callsTo('apps.connections.open:failed')).toHaveLength(2);
    socket.send({
      type: 'slash_commands',
      envelope_id: 'env-help',
      accepts_response_payload: true,
      payload: {
        command: '/mentor',
        text: 'help',
        team_id: 'T1',
        user_id: 'U1',
        channel_id: 'DU1',
        channel_name: 'directmessage',
        trigger_id: 'trig-socket',
      },
    });
    const posted = await until('slack reply', () => slack?.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(posted.args.blocks)).toContain('Tandem — reverse mentoring');
    // "started" was never claimed while it was not.
    expect(
      logLines(tandem.logs()).some((l) => l.platform === 'slack' && l.msg === 'platform started'),
    ).toBe(false);

    expect((await tandem.terminate()).code).toBe(0);
    expect(tandem.logs()).not.toMatch(/xapp-process|xoxb-process/);
  }, 60_000);
});

describe('SIGTERM while a platform does not answer', () => {
  async function connectedTandem(): Promise<void> {
    dir = mkdtempSync(join(tmpdir(), 'tandem-sigterm-'));
    telegram = await new FakeBotApiServer().start();
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    const base = `http://127.0.0.1:${port}`;
    await until('healthy', async () => ((await health(base))?.status === 200 ? true : undefined));
    // Something was handled, so there is an offset to confirm at stop.
    telegram.say(IRA, '/help');
    await until('reply', () => telegram?.sent(IRA.id)[0]);
  }

  it('ends within 10 s when the Bot API hangs (a getUpdates that never answers)', async () => {
    await connectedTandem();
    if (!telegram || !tandem) throw new Error('not started');
    telegram.mode = 'hanging';
    const { code, ms } = await tandem.terminate(10_000);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  }, 40_000);

  it('ends within 10 s when the Bot API has gone away', async () => {
    await connectedTandem();
    if (!telegram || !tandem) throw new Error('not started');
    await telegram.stop();
    const { code, ms } = await tandem.terminate(10_000);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  }, 40_000);
});

describe('a crash in the middle of a send', () => {
  it("does not hold the person's next replies back after a restart, and does not say the cut-off one twice", async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    telegram = await new FakeBotApiServer().start();
    const env = {
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    };
    tandem = startTandem(env);
    const base = `http://127.0.0.1:${env.PORT}`;
    await until('healthy', async () => ((await health(base))?.status === 200 ? true : undefined));

    // The reply is handed to Telegram, and the process dies before hearing back.
    telegram.hang.add('sendMessage');
    telegram.say(IRA, '/help');
    await until('send in flight', () => telegram?.callsTo('sendMessage:hanging')[0]);
    tandem.proc.kill('SIGKILL');
    await tandem.exited;

    telegram.hang.delete('sendMessage');
    tandem = startTandem(env);
    await until('healthy again', async () =>
      (await health(base))?.status === 200 ? true : undefined,
    );
    telegram.say(IRA, 'hello');
    // Well inside the 2-minute claim lease the old row would have held the chat for.
    const answer = await until(
      'the next reply',
      () => telegram?.sent(IRA.id).find((t) => t.includes('/help')),
      15_000,
    );
    expect(answer).toContain("I didn't catch that");
    // The cut-off message may have arrived: it is not sent a second time.
    expect(telegram.sent(IRA.id).some((t) => t.includes('Tandem — reverse mentoring'))).toBe(false);
    expect(
      logLines(tandem.logs()).some((l) =>
        String(l.msg).startsWith('message may or may not have been delivered'),
      ),
    ).toBe(true);
    expect((await tandem.terminate()).code).toBe(0);
  }, 60_000);
});
