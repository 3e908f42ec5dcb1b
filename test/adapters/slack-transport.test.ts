import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack';
import { SLACK_REQUEST_BODY_MAX, SLACK_REQUEST_MAX_SKEW_S } from '../../src/adapters/slack/limits';
import type { InboundEvent } from '../../src/core/events';
import { inboxOf } from '../../src/db/inbox-file';
import { rawCount } from '../../src/db/sqlite';
import { healthHandler } from '../../src/http/health';
import { startHttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logger';
import { collectingSink, NULL_SINK } from '../fakes/recording-adapter';
import { FakeSlackApi } from '../fakes/slack-api';
import { FakeSocketMode } from '../fakes/slack-socket';
import { createTestApp, type TestApp } from '../helpers/app';
import { until } from '../helpers/net';
import { type SlackHarness, signedHeaders, slashCommandBody, startSlack } from '../helpers/slack';

let app: TestApp;
let slack: SlackHarness | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  app?.close();
  app?.dispose();
});

async function started() {
  app = createTestApp();
  slack = await startSlack(app);
  slack.fake.users.set('U1', { name: 'Pat Lee', tz: 'Europe/Berlin', locale: 'en-US' });
  return slack;
}

const countRows = (table: string) =>
  // The inbox is a file of its own on SQLite (src/db/inbox-file.ts).
  rawCount(
    table === 'inbox' ? inboxOf(app.database.db) : app.database.db,
    `select count(*) as n from ${table}`,
  );

const helpCommand = (trigger: string) => slashCommandBody('help', trigger);

describe('Slack: request timestamps', () => {
  it('refuses a correctly signed request stamped more than 5 minutes ahead, like a stale one', async () => {
    const s = await started();
    const now = Math.floor(Date.now() / 1000);
    const ahead = helpCommand('trig-ahead');
    const res = await s.post(
      ahead,
      signedHeaders(ahead, { ts: now + SLACK_REQUEST_MAX_SKEW_S + 60 }),
    );
    expect(res.status).toBe(401);
    await s.settle();
    expect(await countRows('inbox')).toBe(0);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);

    // A clock a minute off either way is ordinary skew: answered.
    const skewed = helpCommand('trig-skewed');
    expect((await s.post(skewed, signedHeaders(skewed, { ts: now + 60 }))).status).toBe(200);
    await s.settle();
    expect(s.fake.postedTexts().at(-1)).toContain('Tandem — reverse mentoring');
  });
});

describe('Slack: request size', () => {
  it('reports the HTTP connection up once the server listens', async () => {
    const s = await started();
    expect(s.adapter.connection()).toEqual({ state: 'up' });
  });

  it('answers a body just over the limit with a readable 413, and keeps serving', async () => {
    const s = await started();
    const body = `${helpCommand('trig-big')}&pad=${'x'.repeat(SLACK_REQUEST_BODY_MAX)}`;
    const res = await fetch(s.url, { method: 'POST', headers: signedHeaders(body), body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'request_too_large' });
    await s.settle();
    expect(await countRows('inbox')).toBe(0);
    const ok = helpCommand('trig-after');
    expect((await s.post(ok, signedHeaders(ok))).status).toBe(200);
  });
});

describe('Slack: Socket Mode reconnects', () => {
  it('comes back with backoff when a refresh meets a failing apps.connections.open, and /healthz says so meanwhile', async () => {
    const api = await new FakeSlackApi().start();
    const socket = await new FakeSocketMode().start(api);
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const adapter = createSlackAdapter({
      botToken: 'xoxb-secret-bot',
      appToken: 'xapp-secret-app',
      command: '/mentor',
      apiUrl: api.apiUrl,
      logger,
      reconnect: { minMs: 1000, maxMs: 2000 },
    });
    const received: InboundEvent[] = [];
    // /healthz as main.ts wires it: each adapter's connection() beside the database.
    const health = await startHttpServer(0, [
      {
        path: '/healthz',
        method: ['GET'],
        handler: healthHandler([
          { name: 'slack', kind: 'platform', check: () => adapter.connection() },
        ]),
      },
    ]);
    const healthz = async () => {
      const res = await fetch(`http://127.0.0.1:${(health.address() as AddressInfo).port}/healthz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    try {
      await adapter.start(collectingSink(received));
      expect(adapter.connection()).toEqual({ state: 'up' });
      expect((await healthz()).status).toBe(200);

      // Slack recycles the connection; the next apps.connections.open fails once with a 503.
      api.fail('apps.connections.open', { status: 503 });
      socket.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'x' } });
      await api.waitFor('apps.connections.open:failed');
      const down = await until('the failure to show', () =>
        adapter.connection().state === 'down' ? adapter.connection() : undefined,
      );
      expect(down).toEqual({ state: 'down', code: 'slack_connect_failed' });
      expect(await healthz()).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          checks: { slack: { state: 'down', code: 'slack_connect_failed' } },
        },
      });

      // After the backoff it tries again, gets a socket, and events flow.
      await until('the reconnect', () => (socket.connections === 2 ? true : undefined));
      await until('the connection to be up', () =>
        adapter.connection().state === 'up' ? true : undefined,
      );
      expect(api.callsTo('apps.connections.open')).toHaveLength(2);
      expect((await healthz()).status).toBe(200);
      socket.send({
        type: 'events_api',
        envelope_id: 'env-1',
        accepts_response_payload: false,
        payload: {
          type: 'event_callback',
          team_id: 'T1',
          api_app_id: 'A1',
          event_id: 'Ev-after',
          event: { type: 'message', channel_type: 'im', channel: 'DU1', user: 'U1', text: 'hi' },
        },
      });
      await until('the event', () => (received.length > 0 ? true : undefined));
      expect(received[0]).toMatchObject({ type: 'text', id: 'evt:Ev-after', text: 'hi' });
      await until('the ack', () =>
        socket.received.some((m) => m.envelope_id === 'env-1') ? true : undefined,
      );

      // The failure is logged with a code and the reason; never a token.
      const failure = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.code === 'slack_connect_failed');
      expect(failure).toMatchObject({ reason: 'http_503', attempt: 1 });
      expect(lines.join('\n')).not.toMatch(/xapp-|xoxb-/);
    } finally {
      await adapter.stop();
      await new Promise((resolve) => health.close(resolve));
      await socket.stop();
      await api.stop();
    }
  });
});

describe('Slack: Socket Mode at start', () => {
  const socketAdapter = (api: FakeSlackApi) =>
    createSlackAdapter({
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      command: '/mentor',
      apiUrl: api.apiUrl,
      logger: silentLogger,
      reconnect: { minMs: 50, maxMs: 100 },
    });

  it('starts through a Slack blip (reported down, then up) but refuses a wrong app token', async () => {
    const api = await new FakeSlackApi().start();
    const socket = await new FakeSocketMode().start(api);
    const blip = socketAdapter(api);
    const wrong = socketAdapter(api);
    try {
      api.fail('apps.connections.open', { status: 502 });
      await blip.start(NULL_SINK);
      expect(blip.connection()).toEqual({ state: 'down', code: 'slack_connect_failed' });
      await until('the retry', () => (blip.connection().state === 'up' ? true : undefined));

      api.fail('apps.connections.open', { error: 'invalid_auth' });
      await expect(wrong.start(NULL_SINK)).rejects.toMatchObject({
        code: 'adapter_failed',
      });
      expect(wrong.connection()).toEqual({ state: 'down', code: 'slack_auth_failed' });
      expect(socket.connections).toBe(1);
    } finally {
      await blip.stop();
      await wrong.stop();
      await socket.stop();
      await api.stop();
    }
  });
});

describe('Slack: start-up retries have one owner', () => {
  it('asks auth.test once: a failure fails the start at once, shown as down, for the caller to retry', async () => {
    const api = await new FakeSlackApi().start();
    const adapter = createSlackAdapter({
      botToken: 'xoxb-test',
      signingSecret: 'secret-123',
      command: '/mentor',
      apiUrl: api.apiUrl,
      logger: silentLogger,
    });
    try {
      api.fail('auth.test', { status: 503 });
      await expect(adapter.start(NULL_SINK)).rejects.toBeDefined();
      expect(api.callsTo('auth.test:failed')).toHaveLength(1);
      expect(api.callsTo('auth.test')).toHaveLength(0);
      expect(adapter.connection()).toEqual({ state: 'down', code: 'slack_unreachable' });

      // The next start (the caller's retry) succeeds.
      await adapter.start(NULL_SINK);
      expect(adapter.connection()).toEqual({ state: 'up' });
    } finally {
      await adapter.stop();
      await api.stop();
    }
  });
});
