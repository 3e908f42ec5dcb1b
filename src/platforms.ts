import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from './config';
import type { ChatAdapter, EventSink } from './core/adapter';
import { backoffDelay, RECONNECT_BACKOFF } from './core/backoff';
import { codeOf } from './core/errors';
import type { Platform } from './core/refs';
import { commandMenu } from './features/registry';
import type { HttpRoute } from './http/server';
import type { Logger } from './logger';

/**
 * What a platform adapter does in this thread: `both` in a process that runs everything in
 * one thread; `receive` (and ack) in the main thread of a split process; `send` in its units
 * thread, which runs the events and delivers the outbox but holds no socket, poll or route.
 */
export type AdapterRole = 'both' | 'receive' | 'send';

/**
 * The configured platforms' adapters, and the routes they serve on Tandem's port. Each
 * platform's adapter (and its SDK: grammY, Bolt) is loaded only when it is configured, which
 * keeps a one-platform deployment's start and memory down.
 */
export async function createPlatformAdapters(
  config: Config,
  logger: Logger,
  role: AdapterRole,
  /** Benchmarks only: the gap between two messages to one Slack channel. */
  slackChannelIntervalMs?: number,
  /** Telegram long polling only while this replica leads (several replicas on PostgreSQL). */
  pollTurn?: { readonly leading: boolean },
): Promise<{ adapters: Partial<Record<Platform, ChatAdapter>>; routes: HttpRoute[] }> {
  const adapters: Partial<Record<Platform, ChatAdapter>> = {};
  const routes: HttpRoute[] = [];
  const receives = role !== 'send';
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('./adapters/telegram');
    const webhook =
      config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
        ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
        : undefined;
    const telegram = createTelegramAdapter({
      token: config.TELEGRAM_BOT_TOKEN,
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      // Sending only: no webhook to set and no updates to poll (the main thread does both).
      ...(receives ? (webhook ? { webhook } : {}) : { polling: false }),
      ...(pollTurn ? { pollTurn } : {}),
      logger,
    });
    const route = telegram.webhookRoute();
    if (route) routes.push(route);
    adapters.telegram = telegram;
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('./adapters/slack');
    const slack = createSlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      command: config.SLACK_COMMAND,
      logger,
      role,
      ...(slackChannelIntervalMs !== undefined
        ? { channelIntervalMs: slackChannelIntervalMs }
        : {}),
    });
    // HTTP mode: answered 503 until Slack knows the bot, then by Bolt.
    const events = receives ? slack.httpRoute() : undefined;
    if (events) routes.push(events);
    adapters.slack = slack;
  }
  return { adapters, routes };
}

/**
 * Starts one platform, retrying with backoff until it starts or `signal` aborts, and logs
 * what state it is really in. `menu`: publish the command menu (once per process: the thread
 * that receives). A thread that only sends says it is ready to, not that the platform started:
 * whether people can reach Tandem is the receiving thread's to say.
 *
 * One owner of retrying per concern: a start that throws (Slack's auth.test unanswered or
 * refused, a wrong app token) is retried here, and only here — the adapter asks once. A
 * connection that fails or drops after the start is its adapter's own: Slack Socket Mode's
 * SocketSupervisor, Telegram's connect and long-polling loop (which is why Telegram's start()
 * waits until connected, or stopped, and never throws). So a start can return with the
 * connection still down: that is logged as such, not as started.
 */
export async function startPlatform(
  adapter: ChatAdapter,
  sink: EventSink,
  options: { logger: Logger; signal: AbortSignal; menu: boolean; onUp: () => void },
): Promise<void> {
  const { logger, signal, onUp } = options;
  const platform = adapter.platform;
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      await adapter.start(sink);
      if (signal.aborted) return;
      if (options.menu)
        await adapter.setCommands?.(commandMenu()).catch((error: unknown) => {
          logger.warn({ platform, code: codeOf(error) }, 'command menu not set');
        });
      const connection = adapter.connection?.() ?? { state: 'up' };
      if (!options.menu) {
        logger.debug({ platform }, 'platform ready to send');
        onUp();
      } else if (connection.state === 'up') {
        logger.info({ platform }, 'platform started');
        onUp();
      } else if (connection.state === 'connecting')
        logger.info({ platform, state: connection.state }, 'platform starting; still connecting');
      else
        logger.warn(
          { platform, state: connection.state, code: connection.code },
          'platform starting; connection down, retrying',
        );
      return;
    } catch (error) {
      const retryInMs = backoffDelay(attempt, RECONNECT_BACKOFF);
      logger.error(
        { platform, code: codeOf(error), attempt, retryInMs },
        'platform did not start; will retry',
      );
      await sleep(retryInMs, undefined, { signal }).catch(() => undefined);
    }
  }
}
