import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack';
import { startHttpServer } from '../../src/http/server';
import type { Logger } from '../../src/logger';
import { FakeSlackApi } from '../fakes/slack-api';
import type { PlatformHost } from './app';

export const SIGNING_SECRET = 'test-signing-secret-123';

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:ts:body"). */
export function signature(secret: string, body: string, ts: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

/** Headers for a signed request. The content type must be exactly this (TECH_NOTES §1). */
export function signedHeaders(
  body: string,
  options: { secret?: string; ts?: number; retryNum?: number } = {},
) {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature(options.secret ?? SIGNING_SECRET, body, ts),
    ...(options.retryNum
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
}

/** A `/mentor <text>` body from U1 in their DM; the same trigger makes it Slack's retry of it. */
export function slashCommandBody(text: string, trigger: string): string {
  return new URLSearchParams({
    command: '/mentor',
    text,
    team_id: 'T1',
    user_id: 'U1',
    channel_id: 'DU1',
    channel_name: 'directmessage',
    trigger_id: trigger,
  }).toString();
}

export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  url: string;
  /** POSTs a signed body; returns status and text. */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** `/mentor <text>` from a user in a channel (DM by default). */
  command(
    text: string,
    options?: { user?: string; channel?: string; channelName?: string },
  ): Promise<number>;
  /** Presses a button (by its value) on a message, or on the App Home with `home`. */
  press(
    value: string,
    options?: { user?: string; channel?: string; ts?: string; home?: boolean },
  ): Promise<number>;
  /** Submits the Tandem modal with these values (field name → element state). */
  submit(
    privateMetadata: string,
    values: Record<string, unknown>,
    options?: { user?: string; hash?: string },
  ): Promise<{ status: number; text: string }>;
  /** Closes the Tandem modal with Cancel or ✕ (Slack's view_closed). */
  close(
    privateMetadata: string,
    options?: { user?: string; viewId?: string },
  ): Promise<{ status: number; text: string }>;
  /** Sends an Events API envelope. */
  event(
    event: Record<string, unknown>,
    options?: { eventId?: string; retryNum?: number },
  ): Promise<number>;
  /** Waits until the engine has answered everything and the outbox is empty. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

let triggerSeq = 0;

/**
 * The real Slack adapter against a local fake Web API, served as main.ts serves it: its
 * events route (Bolt's listener behind the request guard) on Tandem's own HTTP server on
 * 127.0.0.1, beside a `/healthz`.
 */
export async function startSlack(
  app: PlatformHost,
  options: { logger?: Logger } = {},
): Promise<SlackHarness> {
  const fake = await new FakeSlackApi().start();
  const adapter = createSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    command: '/mentor',
    apiUrl: fake.apiUrl,
    logger: options.logger ?? app.logger,
    channelIntervalMs: 0,
  });
  const events = adapter.httpRoute();
  if (!events) throw new Error('the Slack adapter has no HTTP route');
  const server = await startHttpServer(0, [
    events,
    { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') },
  ]);
  app.adapters.slack = adapter;
  await adapter.start(app.engine);
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/slack/events`;
  const post = async (body: string, headers: Record<string, string> = signedHeaders(body)) => {
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };
  // Each request is stored before its ack: once answered, the inbox holds it.
  const settle = () => app.settle();
  const interaction = (payload: unknown) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return {
    fake,
    adapter,
    url,
    post,
    async command(text, options = {}) {
      const user = options.user ?? 'U1';
      const channel = options.channel ?? `D${user}`;
      const body = new URLSearchParams({
        command: '/mentor',
        text,
        team_id: 'T1',
        user_id: user,
        channel_id: channel,
        channel_name:
          options.channelName ?? (channel.startsWith('D') ? 'directmessage' : 'general'),
        trigger_id: `trig-${++triggerSeq}`,
        response_url: `${fake.base}/response/${triggerSeq}`,
      }).toString();
      const { status } = await post(body);
      await settle();
      return status;
    },
    async press(value, options = {}) {
      const user = options.user ?? 'U1';
      const channel = options.channel ?? `D${user}`;
      const ts = options.ts ?? '1700000001.000100';
      // A press on the App Home comes from a view: no channel, no message.
      const where = options.home
        ? {
            container: { type: 'view', view_id: 'VHOME' },
            view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '' },
          }
        : {
            channel: { id: channel },
            container: {
              type: 'message',
              message_ts: ts,
              channel_id: channel,
              is_ephemeral: false,
            },
            message: { ts },
          };
      const { status } = await post(
        interaction({
          type: 'block_actions',
          user: { id: user, team_id: 'T1' },
          team: { id: 'T1' },
          trigger_id: `trig-${++triggerSeq}`,
          ...where,
          actions: [
            {
              type: 'button',
              action_id: 'b0-0',
              block_id: 'b0',
              value,
              action_ts: `${Date.now()}.${++triggerSeq}`,
            },
          ],
        }),
      );
      await settle();
      return status;
    },
    async submit(privateMetadata, values, options = {}) {
      const state = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v }]));
      const result = await post(
        interaction({
          type: 'view_submission',
          user: { id: options.user ?? 'U1', team_id: 'T1' },
          team: { id: 'T1' },
          trigger_id: `trig-${++triggerSeq}`,
          view: {
            id: 'V1',
            hash: options.hash ?? `h${++triggerSeq}`,
            callback_id: 'tandem_form',
            private_metadata: privateMetadata,
            state: { values: state },
          },
        }),
      );
      await settle();
      return result;
    },
    async close(privateMetadata, options = {}) {
      const result = await post(
        interaction({
          type: 'view_closed',
          user: { id: options.user ?? 'U1', team_id: 'T1' },
          team: { id: 'T1' },
          view: {
            id: options.viewId ?? `V${++triggerSeq}`,
            hash: `h${++triggerSeq}`,
            callback_id: 'tandem_form',
            private_metadata: privateMetadata,
            state: { values: {} },
          },
          is_cleared: false,
        }),
      );
      await settle();
      return result;
    },
    async event(event, options = {}) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: options.eventId ?? `Ev${++triggerSeq}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      const headers = {
        ...signedHeaders(body, { retryNum: options.retryNum }),
        'content-type': 'application/json',
      };
      const { status } = await post(body, headers);
      await settle();
      return status;
    },
    settle,
    async stop() {
      await adapter.stop();
      await new Promise((resolve) => server.close(resolve));
      await fake.stop();
    },
  };
}

/** The value of the newest button with this label the bot posted (or edited, with `method`). */
export function buttonValue(
  s: SlackHarness,
  label: string,
  method = 'chat.postMessage',
  channel?: string,
): string {
  for (const call of [...s.fake.callsTo(method)].reverse()) {
    if (channel && call.args.channel !== channel) continue;
    for (const block of (call.args.blocks ?? []) as {
      elements?: { text?: { text: string }; value?: string }[];
    }[]) {
      const found = block.elements?.find((e) => e.text?.text.includes(label));
      if (found?.value) return found.value;
    }
  }
  throw new Error(`no button "${label}"`);
}
