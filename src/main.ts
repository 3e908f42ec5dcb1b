import { userInfo } from 'node:os';
import { CONSOLE_WORKSPACE, createConsoleAdapter } from './adapters/console';
import { createApp } from './app';
import { type Config, consoleStart, DEFAULT_DATABASE_PATH, loadConfig, readEnv } from './config';
import { systemClock } from './core/clock';
import { codeOf, TandemError } from './core/errors';
import { localeFromPlatform } from './core/i18n';
import { openStore } from './db/client';
import { onPostgres } from './db/dialect';
import type { PgDb } from './db/pg/client';
import { type Leadership, lead, TELEGRAM_POLLING_LOCK } from './db/pg/leader';
import { platformPeople, populationOf } from './db/queries/population';
import { consoleLocaleNow } from './db/sqlite';
import { openDemoClock, saveDemoClock } from './demo/clock';
import { DEMO_COMPANY } from './demo/company';
import { seedDemoHistory } from './demo/history';
import { warnAboutDemoPeople } from './demo/left-out';
import { seedDemoCompany } from './demo/seed';
import { calendarRoutes } from './features/calendars/routes';
import { checkChannels } from './features/channels/watch';
import { healthHandler, tandemChecks } from './http/health';
import { type HttpRoute, startHttpServer } from './http/server';
import { catchUp, JOBS, startJobs } from './jobs';
import { createLogger } from './logger';
import { createPlatformAdapters, startPlatform } from './platforms';
import { consoleHasInput, NOTHING_TO_RUN, nodeSupported, SUPPORTED_NODE } from './runtime';
import { type SendingTurn, takeSendingTurn } from './sending-turn';
import { shareWritesWithUnits, startUnitsThread, type UnitsThread } from './units-thread';

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
  const log = {
    // In the console the chat owns stdout; logs go to stderr and stay quiet unless asked.
    level: config.LOG_LEVEL ?? (consoleMode ? 'warn' : 'info'),
    format: config.LOG_FORMAT ?? (consoleMode || process.stdout.isTTY ? 'pretty' : 'json'),
  } as const;
  const logger = createLogger({ ...log, destination: consoleMode ? 2 : 1 });

  if (!nodeSupported(process.versions.node)) {
    logger.warn(
      { code: 'node_unsupported', node: process.versions.node },
      `Node.js ${process.versions.node} is out of support; run Tandem on ${SUPPORTED_NODE.text}`,
    );
  }

  const database = await openStore(config, { logger });
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
  // With platforms, the process is split: this thread receives and acks (one insert per
  // event), the units thread runs events, sends and jobs (see units-thread.ts). The console
  // is one person typing: it runs everything here.
  let units: UnitsThread | undefined;
  if (!consoleMode && config.UNITS_THREAD === 'on') {
    const locks = shareWritesWithUnits(database.db);
    units = startUnitsThread({
      entry: new URL(
        import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js',
        import.meta.url,
      ),
      data: { log, ...locks },
      logger,
    });
  }
  const { deps, engine, outbox, adapters } = createApp({
    db: database.db,
    clock,
    config,
    logger,
    ...(units ? { handoff: units.handoff } : {}),
  });

  let stopping = false;
  const starting = new AbortController();
  let jobs: { stop(): Promise<void> } | undefined;
  /** Whether this replica long-polls Telegram now (several replicas on PostgreSQL). */
  let pollTurn: Leadership | undefined;
  if (consoleMode) {
    // The demo company lives only in the console (in its own file by default).
    await seedDemoCompany(database.db, clock.now());
    await seedDemoHistory(database.db, clock.now(), config.ORG_TIMEZONE);
  } else {
    // A platform start leaves out any demo people an older file holds, and says so.
    await warnAboutDemoPeople(database.db, populationOf(config), logger);
  }
  /** Whether this process sends the outbox: alone, always; replicas take turns. */
  let sending: SendingTurn | undefined;
  if (!units) {
    // Before anything is sent: a send cut short by the last process's death holds nobody back.
    // Its receipt, and any the last process left unanswered, go to the listener createApp set.
    sending = await takeSendingTurn(database.db, outbox, logger);
    jobs = startJobs({
      db: database.db,
      config,
      logger,
      clock,
      outbox,
      adapters,
      inbox: engine.inbox,
    });
  }
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
    // The units thread finishes the event and the message in flight; the rest waits in the
    // database for the next start.
    if (units) await step('units', () => units.stop(SHUTDOWN_DEADLINE_MS - 1_000));
    if (jobs) await step('jobs', () => jobs.stop());
    // The event running finishes; the rest waits in the inbox for the next start.
    await step('inbox', () => engine.inbox.stop());
    // Modals being opened and home tabs being drawn finish before the database closes.
    await step('events', () => engine.idle());
    await step('outbox', () => outbox.stop());
    const turnToSend = sending;
    if (turnToSend) await step('sending turn', () => turnToSend.stop());
    await Promise.all(Object.values(adapters).map((a) => step(a.platform, () => a.stop())));
    const turn = pollTurn;
    if (turn) await step('polling turn', () => turn.stop());
    await database.close();
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
  // Several replicas on one PostgreSQL: one at a time long-polls Telegram (two would steal
  // each other's updates and get 409s); a replica that dies hands its turn on at once.
  if (onPostgres(database.db) && config.TELEGRAM_BOT_TOKEN && !config.TELEGRAM_WEBHOOK_URL)
    pollTurn = lead((database.db as unknown as PgDb).$client, TELEGRAM_POLLING_LOCK);
  const platforms = await createPlatformAdapters(
    config,
    logger,
    units ? 'receive' : 'both',
    undefined,
    pollTurn,
  );
  Object.assign(adapters, platforms.adapters);
  const checks = tandemChecks(database, adapters);
  const routes: HttpRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: healthHandler(() => [
        ...checks(),
        // Nothing runs while the units thread is down (it is being restarted).
        ...(units ? [{ name: 'units', kind: 'database' as const, check: units.status }] : []),
      ]),
    },
    ...platforms.routes,
  ];
  // Calendars: where Google and Microsoft send people back (none unless configured).
  routes.push(...calendarRoutes({ db: database.db, clock, config, logger }, engine));
  // Listening before any platform connects: /healthz answers whatever a platform's API does.
  if (!consoleMode) {
    const server = await startHttpServer(config.PORT, routes, config.HOST);
    process.once('exit', () => server.close());
  }

  if (!units) {
    // Whatever fell due while the process was down. The console shows it before its prompt;
    // elsewhere it runs beside the platforms' start, as a Bot API that hangs must not hold it.
    const caughtUp = catchUp({ db: database.db, config, logger, clock, outbox, adapters }).catch(
      (error: unknown) => {
        database.reportWriteFailure(error);
        logger.error({ code: codeOf(error) }, 'catch-up at start failed');
      },
    );
    if (consoleMode) await caughtUp;
  }
  // Each platform starts on its own: one that cannot connect is retried (and logged) while
  // the others, the console and /healthz already work.
  for (const adapter of Object.values(adapters)) {
    // Once a platform is up, what waited for it goes now rather than at the outbox's next look,
    // and its HR and content channels are checked (the admins hear what blocks them).
    void startPlatform(adapter, engine, {
      logger,
      signal: starting.signal,
      menu: true,
      onUp: () => {
        if (units) units.send({ type: 'platform-up', platform: adapter.platform });
        else {
          outbox.kick();
          void checkChannels(deps, adapter.platform);
        }
      },
    });
  }
  // Events acked before the last process stopped (or died) and not yet run, run now (the
  // units thread looks at its start).
  if (!units) engine.inbox.kick();
  logger.info({ platforms: Object.keys(adapters) }, 'tandem started');
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
