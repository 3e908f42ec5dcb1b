import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONSOLE_WORKSPACE, createConsoleAdapter } from './adapters/console';
import { createApp } from './app';
import { type Config, consoleStart, DEFAULT_DATABASE_PATH, loadConfig, readEnv } from './config';
import type { ChatAdapter, EventSink } from './core/adapter';
import { backoffDelay, RECONNECT_BACKOFF } from './core/backoff';
import { systemClock } from './core/clock';
import { codeOf, TandemError } from './core/errors';
import { localeFromPlatform } from './core/i18n';
import { openDatabase } from './db/client';
import { platformPeople, populationOf } from './db/queries/population';
import { consoleLocaleNow } from './db/sqlite';
import { openDemoClock, saveDemoClock } from './demo/clock';
import { DEMO_COMPANY } from './demo/company';
import { seedDemoHistory } from './demo/history';
import { warnAboutDemoPeople } from './demo/left-out';
import { seedDemoCompany } from './demo/seed';
import { checkChannels } from './features/channels/watch';
import { commandMenu } from './features/registry';
import { healthHandler, tandemChecks } from './http/health';
import { type HttpRoute, startHttpServer } from './http/server';
import { catchUp, JOBS, startJobs } from './jobs';
import { createLogger, type Logger } from './logger';
import { consoleHasInput, NOTHING_TO_RUN, nodeSupported, SUPPORTED_NODE } from './runtime';

/** After SIGTERM, whatever has not stopped by then (a platform that hangs) is cut off. */
const SHUTDOWN_DEADLINE_MS = 8_000;

/** Wiring: config → database → engine → adapters → ticks. SIGTERM stops everything cleanly. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(readEnv());
    // A container or service with no token: say what to set rather than end silently.
    if (config.platforms.length === 0 && !consoleHasInput()) {
      process.stderr.write(NOTHING_TO_RUN);
      process.exit(1);
    }
    // In the local console you run the whole program yourself: you are its admin, and the HR
    // and content channels are shown right in it (a Slack or Telegram one is set aside, said so).
    if (config.platforms.length === 0) {
      for (const note of consoleStart(config)) process.stderr.write(`${note}\n`);
    }
  } catch (error) {
    if (error instanceof TandemError && error.code === 'config_invalid') {
      process.stderr.write(
        `${error.message}\n\nSee .env.example for every variable and its default.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  const consoleMode = config.platforms.length === 0;
  const logger = createLogger({
    // In the console the chat owns stdout; logs go to stderr and stay quiet unless asked.
    level: config.LOG_LEVEL ?? (consoleMode ? 'warn' : 'info'),
    format: config.LOG_FORMAT ?? (consoleMode || process.stdout.isTTY ? 'pretty' : 'json'),
    destination: consoleMode ? 2 : 1,
  });

  if (!nodeSupported(process.versions.node)) {
    logger.warn(
      { code: 'node_unsupported', node: process.versions.node },
      `Node.js ${process.versions.node} is out of support; run Tandem on ${SUPPORTED_NODE.text}`,
    );
  }

  const database = openDatabase(config.DATABASE_PATH, { logger });
  // The demo company never goes into a company's file (a DATABASE_PATH left in .env from a
  // Slack or Telegram setup): the console refuses it rather than seed twelve demo people there.
  if (consoleMode && (await platformPeople(database.db)) > 0) {
    database.close();
    process.stderr.write(
      `The console demo does not open ${config.DATABASE_PATH} (DATABASE_PATH): it holds your Slack or Telegram people, and the demo company must not be mixed into them.\nUnset DATABASE_PATH (the demo then uses ${DEFAULT_DATABASE_PATH.console}) or point it at another file; to run with your platforms, set their tokens.\n`,
    );
    process.exit(1);
  }
  // The console demo can move its clock forward (/time +1d); real deployments never can.
  const demoClock = consoleMode ? openDemoClock(database.db, config.DEMO_CLOCK) : undefined;
  const clock = demoClock ?? systemClock;
  const { deps, engine, outbox, adapters } = createApp({
    db: database.db,
    clock,
    config,
    logger,
  });
  // Before anything is sent: a send cut short by the last process's death holds nobody back.
  // Its receipt, and any the last process left unanswered, go to the listener createApp set.
  outbox.releaseAbandonedClaims();

  // The demo company lives only in the console (in its own file by default); a platform
  // start leaves out any demo people an older file holds, and says so.
  if (consoleMode) {
    await seedDemoCompany(database.db, clock.now());
    await seedDemoHistory(database.db, clock.now(), config.ORG_TIMEZONE);
  } else await warnAboutDemoPeople(database.db, populationOf(config), logger);

  let stopping = false;
  const starting = new AbortController();
  const jobs = startJobs({
    db: database.db,
    config,
    logger,
    clock,
    outbox,
    adapters,
    inbox: engine.inbox,
  });
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    // A platform that does not answer must not keep the process: past the deadline it ends
    // anyway (a message still in flight is then marked uncertain at the next start).
    setTimeout(() => {
      logger.error({ code: 'shutdown_timeout' }, 'shutdown took too long; exiting');
      process.exit(code || 1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    starting.abort();
    const step = (what: string, stop: () => Promise<void>) =>
      stop().catch((error: unknown) => {
        logger.warn({ what, code: codeOf(error) }, 'did not stop cleanly');
      });
    await step('jobs', () => jobs.stop());
    // The event running finishes; the rest waits in the inbox for the next start.
    await step('inbox', () => engine.inbox.stop());
    // Modals being opened and home tabs being drawn finish before the database closes.
    await step('events', () => engine.idle());
    // The message in flight finishes; the rest waits in the database for the next start.
    await step('outbox', () => outbox.stop());
    await Promise.all(Object.values(adapters).map((a) => step(a.platform, () => a.stop())));
    database.close();
    process.exit(code);
  };
  // Last line of defence: log and live on rather than crash on a stray rejection.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason.name : 'unknown' }, 'unhandled rejection');
  });
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());

  if (consoleMode) {
    const me = { id: 'me', name: consoleName(), locale: config.DEFAULT_LOCALE };
    const people = [
      me,
      ...DEMO_COMPANY.map(({ id, name, locale, department }) => ({ id, name, locale, department })),
    ];
    adapters.console = createConsoleAdapter({
      input: process.stdin,
      output: process.stdout,
      people,
      me,
      locale: config.DEFAULT_LOCALE,
      filesDir: config.FILES_DIR,
      databasePath: config.DATABASE_PATH,
      color: process.stdout.isTTY,
      // The banner after a restart speaks the language the person chose.
      localeOf: (id) => {
        // Read synchronously (the console asks while drawing); the console runs on SQLite.
        const user = consoleLocaleNow(database.db, {
          platform: 'console',
          workspace: CONSOLE_WORKSPACE,
          id,
        });
        return user ? (user.locale ?? localeFromPlatform(user.platformLocale)) : undefined;
      },
      settle: () => outbox.drain(),
      onClose: () => void shutdown(),
      timeTravel: async (ms) => {
        if (demoClock) {
          demoClock.advance(ms);
          saveDemoClock(database.db, demoClock);
        }
        const jobDeps = { db: database.db, config, logger, clock, outbox, adapters };
        await JOBS.nudges.run(jobDeps, clock.now());
        await catchUp(jobDeps);
        // Events backing off until the new time run now.
        await engine.inbox.drain();
        await outbox.drain();
        return clock.now();
      },
    });
  }
  // One port for everything, served by Tandem itself: /healthz, Slack's events and
  // Telegram's webhook are routes their owners contribute.
  const routes: HttpRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: healthHandler(tandemChecks(database, adapters)),
    },
  ];
  // Each platform's adapter (and its SDK: grammY, Bolt) is loaded only when it is configured,
  // which keeps a one-platform deployment's start and memory down.
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('./adapters/telegram');
    const telegram = createTelegramAdapter({
      token: config.TELEGRAM_BOT_TOKEN,
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      ...(config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
        ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET } }
        : {}),
      logger,
    });
    const webhook = telegram.webhookRoute();
    if (webhook) routes.push(webhook);
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
    });
    // HTTP mode: answered 503 until Slack knows the bot, then by Bolt.
    const events = slack.httpRoute();
    if (events) routes.push(events);
    adapters.slack = slack;
  }
  // Listening before any platform connects: /healthz answers whatever a platform's API does.
  if (!consoleMode) {
    const server = await startHttpServer(config.PORT, routes, config.HOST);
    process.once('exit', () => server.close());
  }

  // Whatever fell due while the process was down. The console shows it before its prompt;
  // elsewhere it runs beside the platforms' start, as a Bot API that hangs must not hold it.
  const caughtUp = catchUp({ db: database.db, config, logger, clock, outbox, adapters }).catch(
    (error: unknown) => {
      database.reportWriteFailure(error);
      logger.error({ code: codeOf(error) }, 'catch-up at start failed');
    },
  );
  if (consoleMode) await caughtUp;
  // Each platform starts on its own: one that cannot connect is retried (and logged) while
  // the others, the console and /healthz already work.
  for (const adapter of Object.values(adapters)) {
    // Once a platform is up, what waited for it goes now rather than at the outbox's next look,
    // and its HR and content channels are checked (the admins hear what blocks them).
    void startPlatform(adapter, engine, logger, starting.signal, () => {
      outbox.kick();
      void checkChannels(deps, adapter.platform);
    });
  }
  // Events acked before the last process stopped (or died) and not yet run, run now.
  engine.inbox.kick();
  logger.info({ platforms: Object.keys(adapters) }, 'tandem started');
}

/**
 * Starts one platform, retrying with backoff until it starts or the process stops, and logs
 * what state it is really in.
 *
 * One owner of retrying per concern: a start that throws (Slack's auth.test unanswered or
 * refused, a wrong app token) is retried here, and only here — the adapter asks once. A
 * connection that fails or drops after the start is its adapter's own: Slack Socket Mode's
 * SocketSupervisor, Telegram's connect and long-polling loop (which is why Telegram's start()
 * waits until connected, or stopped, and never throws). So a start can return with the
 * connection still down: that is logged as such, not as started.
 */
async function startPlatform(
  adapter: ChatAdapter,
  sink: EventSink,
  logger: Logger,
  signal: AbortSignal,
  onUp: () => void,
): Promise<void> {
  const platform = adapter.platform;
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      await adapter.start(sink);
      if (signal.aborted) return;
      await adapter.setCommands?.(commandMenu()).catch((error: unknown) => {
        logger.warn({ platform, code: codeOf(error) }, 'command menu not set');
      });
      const connection = adapter.connection?.() ?? { state: 'up' };
      if (connection.state === 'up') {
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

/** The console operator's display name: the OS user, capitalised. */
function consoleName(): string {
  try {
    const name = userInfo().username;
    if (name && name !== 'root') return name.charAt(0).toUpperCase() + name.slice(1);
  } catch {
    // No passwd entry (containers); fall through.
  }
  return 'Alex';
}

main().catch((error: unknown) => {
  const e = error instanceof TandemError ? error : undefined;
  process.stderr.write(
    `Tandem could not start: ${e ? `${e.code}: ${e.message}` : String(error)}\n`,
  );
  process.exit(1);
});
