import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { z } from 'zod';
import type {
  ChannelCheck,
  ChatAdapter,
  ConnectionStatus,
  EventSink,
  HomeView,
} from '../../core/adapter';
import { type Backoff, RECONNECT_BACKOFF } from '../../core/backoff';
import { withFailure } from '../../core/channel-check';
import { codeOf } from '../../core/errors';
import type { InboundEvent, UserInfo } from '../../core/events';
import type { FormView } from '../../core/forms/view';
import { Pacer } from '../../core/pacer';
import type { Target, UserRef } from '../../core/refs';
import type { FileMessage, Reply, SendOptions } from '../../core/replies';
import type { HttpRoute } from '../../http/server';
import type { Logger } from '../../logger';
import { timedFetch } from './api-timing';
import { boltLogger, boltLogLevel } from './bolt-logger';
import { channelProblemOf, readChannelInfo, SLACK_CHANNEL_INFO_METHOD } from './channel-check';
import { platformErrorOf, toDeliveryError } from './delivery-errors';
import {
  actionEvent,
  commandEvent,
  formClosedEvent,
  formSubmitEvent,
  homeOpenedEvent,
  messageEvent,
} from './inbound';
import {
  SLACK_API_TIMEOUT_MS,
  SLACK_CHANNEL_MIN_INTERVAL_MS,
  SLACK_FORM_ACK_BUDGET_MS,
  SLACK_USER_CACHE_MS,
  SLACK_USER_INFO_DEADLINE_MS,
} from './limits';
import { FORM_CALLBACK_ID, renderHome, renderMessage, renderModal } from './render';
import { guardedListener, SLACK_EVENTS_PATH } from './request-guard';
import { SLACK_AUTH_ERRORS, SocketSupervisor } from './socket';
import { createWebPost, type WebPost } from './web-post';

export interface SlackAdapterConfig {
  botToken: string;
  /** HTTP mode: requests are verified with it. */
  signingSecret?: string;
  /** Socket Mode when set: no public URL, no signing. */
  appToken?: string;
  /** The slash command, e.g. `/mentor`. */
  command: string;
  /** Web API base URL (proxies, tests); Slack's own when absent. */
  apiUrl?: string;
  logger: Logger;
  /** Minimum gap between two messages to one channel. */
  channelIntervalMs?: number;
  /** Socket Mode: the backoff between failed connection attempts (tests shorten it). */
  reconnect?: Backoff;
  /**
   * `send` for the units thread of a split process: start() learns who the bot is and opens
   * the Web API, but receives nothing (no socket, no route) — the main thread receives.
   * `receive` for the main thread then: it receives and acks, and leaves users.info to the
   * thread that runs the events. Both (the default) in a process that does everything.
   */
  role?: 'both' | 'receive' | 'send';
}

interface CachedUser {
  info: Omit<UserInfo, 'ref'>;
  at: number;
}

/**
 * Slack over Bolt. It acks first, turns payloads into neutral events, and renders neutral
 * replies as Block Kit; the engine never sees Slack and this never sees the database.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  readonly #config: SlackAdapterConfig;
  readonly #log: Logger;
  readonly #users = new Map<string, CachedUser>();
  /** users.info calls in flight, by workspace and user. */
  readonly #asking = new Map<string, Promise<CachedUser | undefined>>();
  readonly #dms = new Map<string, string>();
  readonly #pacer = new Pacer();
  /** The last queued call per channel; the next one starts after it settles. */
  readonly #channelTurns = new Map<string, Promise<void>>();
  #app: App | undefined;
  /** The Web API client for everything but replies (modals, App Home, users.info, DMs). */
  #web: webApi.WebClient | undefined;
  /** chat.postMessage, chat.update and chat.postEphemeral: every reply (see web-post.ts). */
  #webPost: WebPost | undefined;
  /** HTTP mode: Bolt's guarded request listener, once Slack knows the bot. */
  #listener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  #socket: SocketSupervisor | undefined;
  #http: ConnectionStatus = { state: 'connecting' };
  /** The bot user's name (auth.test), for "/invite @name". */
  #botName: string | undefined;

  constructor(config: SlackAdapterConfig) {
    this.#config = config;
    this.#log = config.logger.child({ component: 'slack' });
  }

  /**
   * HTTP mode: the `/slack/events` route for Tandem's HTTP server, there from the start. Until
   * the adapter has started (Slack's auth.test answered) it answers 503, which Slack retries;
   * then Bolt answers. Socket Mode needs no route.
   */
  httpRoute(): HttpRoute | undefined {
    if (this.#config.appToken) return undefined;
    return {
      path: SLACK_EVENTS_PATH,
      method: ['POST'],
      handler: (req, res) => {
        const listener = this.#listener;
        if (listener) return listener(req, res);
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
        res.end(JSON.stringify({ ok: false, error: 'not_ready' }));
      },
    };
  }

  formatCommand(name: string): string {
    return `${this.#config.command} ${name}`;
  }

  /**
   * Learns who the bot is, then starts receiving. Retrying is owned once per concern: a start
   * that fails here (auth.test unanswered or refused, a wrong app token) throws and is retried
   * by whoever starts platforms (main.ts); once started, Socket Mode's connection is kept up by
   * the SocketSupervisor, and start() resolves even while its first attempt is still failing
   * (`connection()` says so). HTTP mode has no connection of its own to keep.
   */
  async start(sink: EventSink): Promise<void> {
    // A retry after a refused app token: the last attempt's supervisor has already stopped.
    this.#socket = undefined;
    const clientOptions = {
      ...(this.#config.apiUrl ? { slackApiUrl: this.#config.apiUrl } : {}),
      // The outbox owns retries and 429 waits, persisted across restarts.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: SLACK_API_TIMEOUT_MS,
      fetch: this.#fetch(),
    };
    let identity: { botId: string; botUserId: string; botName?: string };
    try {
      identity = await this.#identity();
    } catch (error) {
      this.#http = { state: 'down', code: identityFailureCode(error) };
      throw error;
    }
    this.#botName = identity.botName;
    this.#web = new webApi.WebClient(this.#config.botToken, {
      ...clientOptions,
      logger: boltLogger(this.#config.logger),
      logLevel: boltLogLevel(this.#config.logger.level),
    });
    this.#webPost = createWebPost({
      token: this.#config.botToken,
      ...(this.#config.apiUrl ? { apiUrl: this.#config.apiUrl } : {}),
      timeoutMs: SLACK_API_TIMEOUT_MS,
      log: this.#log,
    });
    const role = this.#config.role ?? 'both';
    // The units thread sends only: the main thread holds the socket or the route.
    if (role === 'send') {
      this.#http = { state: 'up' };
      return;
    }
    const common = {
      token: this.#config.botToken,
      logger: boltLogger(this.#config.logger),
      // Given, or Bolt sets its logger to `info` whatever Tandem's level.
      logLevel: boltLogLevel(this.#config.logger.level),
      clientOptions,
      // Known ids: Bolt then never calls auth.test itself (with no retries, one blip would crash).
      botId: identity.botId,
      botUserId: identity.botUserId,
    };
    let app: App;
    let receiver: HTTPReceiver | undefined;
    if (this.#config.appToken) {
      const socketReceiver = new SocketModeReceiver({
        appToken: this.#config.appToken,
        logger: common.logger,
        // The supervisor below reconnects: the client's own loop gives up on one HTTP error.
        autoReconnectEnabled: false,
        // A fresh object: the socket-mode client writes its own defaults into it.
        installerOptions: { clientOptions: { ...clientOptions } },
      });
      app = new App({ ...common, receiver: socketReceiver });
      this.#socket = new SocketSupervisor({
        client: socketReceiver.client,
        connect: () => app.start(),
        disconnect: () => app.stop(),
        log: this.#log,
        backoff: this.#config.reconnect ?? RECONNECT_BACKOFF,
      });
    } else {
      // Never started: Tandem's server calls its requestListener (see httpRoute). The App
      // initialises the receiver in its constructor, so the listener works as soon as it exists.
      receiver = new HTTPReceiver({
        signingSecret: this.#config.signingSecret ?? '',
        logger: common.logger,
        // Events (a message, the App Home opened) are answered once their listener has stored
        // them, not before: Bolt would otherwise ack them first, and a crash or a full disk in
        // between would lose an event Slack was told we have.
        processBeforeResponse: true,
      });
      app = new App({ ...common, receiver });
    }
    this.#app = app;
    // Read as a listener starts, so the engine's debug line counts from the request.
    const received = () => (this.#log.isLevelEnabled('debug') ? performance.now() : undefined);
    /** One insert into the inbox; the ack follows it, and the event runs in the worker. */
    const accept = async (event: InboundEvent | undefined, receivedAt: number | undefined) => {
      if (!event) return undefined;
      const accepted = await sink.accept(
        receivedAt === undefined ? event : { ...event, receivedAt },
      );
      // Who they are is asked now, beside the ack, for the worker to find ready — when the
      // worker is in this thread to find it.
      if (accepted.fresh && role === 'both')
        void this.#lookUp(event.user.ref.workspace, event.user.ref.id);
      return accepted;
    };

    app.command(this.#config.command, async ({ ack, body }) => {
      await accept(commandEvent(body), received());
      await ack();
    });
    app.action(/.*/, async ({ ack, body }) => {
      await accept(actionEvent(body), received());
      await ack();
    });
    app.view(FORM_CALLBACK_ID, async ({ ack, body }) => {
      // The one answer that must ride in the ack: a form's errors keep the modal open. It
      // waits for the worker (modals go in its first lane) up to a budget, then acks anyway.
      const accepted = await accept(formSubmitEvent(body), received());
      const form = accepted
        ? (await withBudget(accepted.done, SLACK_FORM_ACK_BUDGET_MS))?.form
        : undefined;
      if (form && !form.ok) await ack({ response_action: 'errors', errors: form.errors });
      else await ack();
    });
    app.view({ callback_id: FORM_CALLBACK_ID, type: 'view_closed' }, async ({ ack, body }) => {
      await accept(formClosedEvent(body), received());
      await ack();
    });
    app.event('message', async ({ body }) => {
      await accept(messageEvent(body), received());
    });
    app.event('app_home_opened', async ({ body }) => {
      await accept(homeOpenedEvent(body), received());
    });
    app.error(async (error) => {
      this.#log.error({ code: codeOf(error) }, 'slack listener failed');
    });

    if (this.#socket) await this.#socket.start();
    else if (receiver) {
      this.#listener = guardedListener(receiver, this.#config.signingSecret ?? '');
      this.#http = { state: 'up' };
    }
  }

  async stop(): Promise<void> {
    this.#http = { state: 'down', code: 'slack_stopped' };
    this.#listener = undefined;
    if (this.#socket) {
      this.#socket.stopRetrying();
      await this.#app?.stop();
    }
  }

  /** HTTP mode: up once Slack knows the bot (requests are answered). Socket Mode: the websocket's state, kept current. */
  connection(): ConnectionStatus {
    return this.#socket ? this.#socket.status() : { ...this.#http };
  }

  /**
   * Who the bot is (auth.test), asked once: a failure fails start(), and the caller that
   * starts platforms (main.ts) owns retrying it, with backoff and a logged code per attempt.
   */
  async #identity(): Promise<{ botId: string; botUserId: string; botName?: string }> {
    const client = new webApi.WebClient(this.#config.botToken, {
      ...(this.#config.apiUrl ? { slackApiUrl: this.#config.apiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: SLACK_API_TIMEOUT_MS,
      logger: boltLogger(this.#config.logger),
      fetch: this.#fetch(),
    });
    const auth = await client.auth.test();
    return {
      botId: auth.bot_id ?? '',
      botUserId: auth.user_id ?? '',
      ...(auth.user ? { botName: auth.user } : {}),
    };
  }

  async send(target: Target, reply: Reply, options?: SendOptions): Promise<void> {
    const messages = renderMessage(reply);
    try {
      if (
        target.kind === 'conversation' &&
        target.conversation.kind === 'group' &&
        target.onlyFor
      ) {
        const channel = target.conversation.id;
        const user = target.onlyFor.id;
        for (const m of messages) {
          try {
            await this.#paced(channel, 'chat.postEphemeral', () =>
              this.#chat('chat.postEphemeral', { channel, user, ...m }),
            );
          } catch (error) {
            // Not in that channel: say it privately in the DM instead.
            if (!['not_in_channel', 'channel_not_found'].includes(platformErrorOf(error) ?? ''))
              throw error;
            await this.#post(await this.#dm(target.onlyFor), m);
          }
        }
        return;
      }
      const channel = await this.#channelOf(target);
      const [first, ...rest] = messages;
      if (first && options?.replaces) {
        const [refChannel, ts] = options.replaces.split(':');
        if (refChannel && ts && (await this.#update(refChannel, ts, first))) {
          for (const m of rest) await this.#post(channel, m);
          return;
        }
      }
      for (const m of messages) await this.#post(channel, m);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async sendFile(target: Target, file: FileMessage): Promise<void> {
    const client = this.#client();
    try {
      const channel = await this.#channelOf(target);
      await this.#paced(channel, 'files.uploadV2', () =>
        client.files.uploadV2({
          channel_id: channel,
          filename: file.filename,
          file: Buffer.from(file.contentBase64, 'base64'),
          ...(file.caption ? { initial_comment: file.caption } : {}),
        }),
      );
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /**
   * Whether the bot is a member of a live channel (conversations.info). A post's own failure
   * (`not_in_channel`, `is_archived`, …) says what is wrong even where Slack won't let the bot
   * look (a private channel, a missing scope); otherwise the look decides.
   */
  async checkChannel(channelId: string, failure?: unknown): Promise<ChannelCheck> {
    const named = channelProblemOf(failure);
    const botName = this.#botName ? `@${this.#botName}` : undefined;
    let found: ChannelCheck;
    try {
      // Called by name and read through zod: only the fields the check needs are trusted.
      found = readChannelInfo(
        await this.#client().apiCall(SLACK_CHANNEL_INFO_METHOD, { channel: channelId }),
      );
    } catch (error) {
      const problem = channelProblemOf(error);
      if (!problem && !named) throw error;
      // Slack said what is wrong with the channel; or, where it won't let the bot look, the
      // post's own refusal says it.
      const known = problem && problem !== 'cannot_check' ? problem : (named ?? 'cannot_check');
      return withFailure({ ok: false, problem: known }, named, botName);
    }
    return withFailure(found, named, botName);
  }

  async openForm(trigger: string, form: FormView): Promise<void> {
    await this.#api('views.open', undefined, () =>
      this.#client().views.open({
        trigger_id: trigger,
        view: renderModal(form, form.cancelLabel),
      }),
    );
  }

  async publishHome(user: UserRef, view: HomeView): Promise<void> {
    await this.#api('views.publish', user.id, () =>
      this.#client().views.publish({ user_id: user.id, view: renderHome(view) }),
    );
  }

  /**
   * One Web API call: a failure comes back as a DeliveryError naming the method and the
   * channel or user it was for (the platform's error stays its cause).
   */
  async #api<T>(method: string, target: string | undefined, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toDeliveryError(error, { method, ...(target ? { target } : {}) });
    }
  }

  /** Every Web API call goes through it: at `debug`, one line per call with its duration. */
  #fetch() {
    return timedFetch(this.#log, this.#config.apiUrl);
  }

  #client() {
    if (!this.#web) throw new Error('slack adapter not started');
    return this.#web;
  }

  #chat(method: string, args: Record<string, unknown>) {
    if (!this.#webPost) throw new Error('slack adapter not started');
    return this.#webPost(method, args);
  }

  async #post(channel: string, message: ReturnType<typeof renderMessage>[number]): Promise<void> {
    await this.#paced(channel, 'chat.postMessage', () =>
      this.#chat('chat.postMessage', {
        channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
  }

  /** Edits a message in place; false when Slack won't (too old, deleted), so the caller posts. */
  async #update(
    channel: string,
    ts: string,
    message: ReturnType<typeof renderMessage>[number],
  ): Promise<boolean> {
    try {
      await this.#paced(channel, 'chat.update', () =>
        this.#chat('chat.update', { channel, ts, ...message }),
      );
      return true;
    } catch (error) {
      const reason = platformErrorOf(error);
      if (
        reason &&
        ['message_not_found', 'cant_update_message', 'edit_window_closed'].includes(reason)
      ) {
        return false;
      }
      throw error;
    }
  }

  async #channelOf(target: Target): Promise<string> {
    if (target.kind === 'user') return this.#dm(target.user);
    if (target.conversation.kind === 'dm') {
      return this.#dm({
        platform: 'slack',
        workspace: target.conversation.workspace,
        id: target.conversation.id,
      });
    }
    return target.conversation.id;
  }

  /** The bot's DM with a person, opened once and remembered. */
  async #dm(user: UserRef): Promise<string> {
    const known = this.#dms.get(user.id);
    if (known) return known;
    const opened = await this.#api('conversations.open', user.id, () =>
      this.#client().conversations.open({ users: user.id }),
    );
    const channel = opened.channel?.id;
    if (!channel)
      throw toDeliveryError(new Error('conversations.open returned no channel'), {
        method: 'conversations.open',
        target: user.id,
      });
    this.#dms.set(user.id, channel);
    return channel;
  }

  /**
   * Spaces calls to one channel at Slack's pace; different channels don't wait on each other.
   * The gap is counted again from the moment the answer arrives: Slack stamped the call
   * somewhere before that, so the next one lands a full gap later however the network jitters,
   * without a safety margin on every message.
   */
  async #paced<T>(channel: string, method: string, call: () => Promise<T>): Promise<T> {
    const gap = this.#config.channelIntervalMs ?? SLACK_CHANNEL_MIN_INTERVAL_MS;
    // Calls to one channel take turns, so each can count its gap from the previous answer.
    const previous = this.#channelTurns.get(channel);
    const turn = (async () => {
      if (previous) await previous;
      await this.#pacer.reserve([[channel, gap]]);
      try {
        return await this.#api(method, channel, call);
      } finally {
        this.#pacer.holdFor(channel, gap);
      }
    })();
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.#channelTurns.set(channel, settled);
    void settled.then(() => {
      if (this.#channelTurns.get(channel) === settled) this.#channelTurns.delete(channel);
    });
    return turn;
  }

  /** How long a message to this target would wait for its channel's slot. */
  readyIn(target: Target): number {
    const channel =
      target.kind === 'user'
        ? this.#dms.get(target.user.id)
        : target.conversation.kind === 'dm'
          ? this.#dms.get(target.conversation.id)
          : target.conversation.id;
    return channel ? this.#pacer.readyIn([channel]) : 0;
  }

  /**
   * Adds name, language, time zone and e-mail from users.info (cached); a failure just leaves
   * them out. Slack gives `profile.email` only with the optional `users:read.email` scope:
   * without it (or with a malformed one) the e-mail is `null`, so calendar invites name no one
   * rather than a made-up address.
   */
  async describeUser<E extends InboundEvent>(event: E): Promise<E> {
    const cached = await this.#lookUp(event.user.ref.workspace, event.user.ref.id);
    return cached ? { ...event, user: { ...event.user, ...cached.info } } : event;
  }

  /**
   * The cached answer, or one users.info call — shared by everyone who asks meanwhile. The
   * listener starts it as the event arrives, so by the time the worker runs the event (one at
   * a time) the answer is usually in, and one slow lookup holds nobody else up.
   */
  #lookUp(workspace: string, id: string): Promise<CachedUser | undefined> {
    const key = `${workspace}:${id}`;
    const cached = this.#users.get(key);
    if (cached && Date.now() - cached.at <= SLACK_USER_CACHE_MS) return Promise.resolve(cached);
    const asking = this.#asking.get(key);
    if (asking) return asking;
    const lookup = (async () => {
      try {
        // A slow users.info must not eat the 3 s a trigger (modal) or an ack has.
        const result = await withDeadline(
          this.#client().users.info({ user: id, include_locale: true }),
          SLACK_USER_INFO_DEADLINE_MS,
        );
        const u = result.user;
        const name = u?.profile?.real_name || u?.real_name || u?.profile?.display_name || u?.name;
        const fresh: CachedUser = {
          at: Date.now(),
          info: {
            ...(name ? { name } : {}),
            ...(u?.locale ? { locale: u.locale } : {}),
            ...(u?.tz ? { timeZone: u.tz } : {}),
            ...(u ? { email: SLACK_EMAIL.safeParse(u.profile?.email).data ?? null } : {}),
          },
        };
        this.#users.set(key, fresh);
        return fresh;
      } catch (error) {
        this.#log.warn(
          { code: platformErrorOf(error) ?? 'users_info_failed' },
          'users.info failed',
        );
        return cached;
      } finally {
        this.#asking.delete(key);
      }
    })();
    this.#asking.set(key, lookup);
    return lookup;
  }
}

/** An address calendars can use: one mailbox, nothing that could break the invite's line. */
const SLACK_EMAIL = z.email();

/** The promise's value, or undefined once `ms` have passed without one. */
function withBudget<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('deadline')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** A stable code for a failed auth.test: a wrong token never fixes itself, the rest may. */
function identityFailureCode(error: unknown): string {
  const reason = platformErrorOf(error);
  if (reason && SLACK_AUTH_ERRORS.has(reason)) return 'slack_auth_failed';
  return reason ? 'slack_api_error' : 'slack_unreachable';
}

/** Creates the Slack adapter. */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  return new SlackAdapter(config);
}
