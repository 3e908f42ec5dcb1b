import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api';
import { freePort, until } from '../helpers/net';
import { SIGNING_SECRET } from '../helpers/slack';
import { logLines, slackHelp, startTandem, type TandemProcess } from '../helpers/tandem-process';

const TG_TOKEN = '123456:PROC-TOKEN-abcdefghijklmnop';

let tandem: TandemProcess | undefined;
let dir: string;
let fake: FakeSlackApi | undefined;
let telegram: TelegramServer | undefined;

afterEach(async () => {
  tandem?.proc.kill('SIGKILL');
  await fake?.stop();
  await telegram?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` with both platforms configured, against local fakes: the wiring a deploy uses. */
describe('npm start with Slack and Telegram configured', () => {
  it('serves Slack and /healthz on one port, long-polls Telegram, and stops cleanly on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-platforms-'));
    fake = await new FakeSlackApi().start();
    telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
    await telegram.start();
    const port = await freePort();
    tandem = startTandem({
      DATABASE_PATH: join(dir, 'tandem.db'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.config.apiURL,
      // The most that is ever logged: every debug line, Bolt's and grammY's own included.
      LOG_LEVEL: 'debug',
    });

    const base = `http://127.0.0.1:${port}`;
    // Both platforms up (200 alone may be `degraded`: one up while the other still connects).
    await until('health', async () => {
      const res = await fetch(`${base}/healthz`).catch(() => undefined);
      const body = (await res?.json()) as { status: string } | undefined;
      return body?.status === 'ok' ? true : undefined;
    });

    expect((await slackHelp(base)).status).toBe(200);
    const posted = await until('slack reply', () => fake?.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(posted.args.blocks)).toContain('Tandem — reverse mentoring');

    const client = telegram.getClient(TG_TOKEN, {
      timeout: 5000,
      userId: 55,
      chatId: 55,
      firstName: 'Irakli-Zvezdina',
    });
    await client.sendCommand(client.makeCommand('/help'));
    const stored = () =>
      (telegram as unknown as { storage: { botMessages: { message: { text: string } }[] } }).storage
        .botMessages;
    await until('telegram reply', () =>
      stored().find((m) => m.message.text.includes('Tandem — reverse mentoring')),
    );

    expect((await tandem.terminate()).code).toBe(0);
    const logs = tandem.logs();
    // Logs are JSON lines with ids and codes; no message text, no names, no tokens — even at
    // debug, with every inbound event, every platform call and Bolt's and grammY's own lines.
    expect(logs).toContain('"msg":"tandem started"');
    const lines = logLines(logs);
    const has = (match: Record<string, unknown>) =>
      lines.some((l) => Object.entries(match).every(([k, v]) => l[k] === v));
    expect(has({ msg: 'event handled', platform: 'slack', type: 'command' })).toBe(true);
    expect(has({ msg: 'event handled', platform: 'telegram', type: 'command' })).toBe(true);
    expect(has({ msg: 'slack api call', method: 'chat.postMessage', ok: true })).toBe(true);
    expect(has({ msg: 'telegram api call', method: 'sendMessage', ok: true })).toBe(true);
    expect(has({ component: 'bolt', level: 20 })).toBe(true);
    expect(has({ component: 'grammy', level: 20 })).toBe(true);
    expect(logs).not.toContain('xoxb-process-test');
    expect(logs).not.toContain(TG_TOKEN);
    expect(logs).not.toContain('PROC-TOKEN');
    expect(logs).not.toContain('reverse mentoring');
    expect(logs).not.toContain('User U1');
    expect(logs).not.toContain('Irakli-Zvezdina');
  });
});
