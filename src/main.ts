import { userInfo } from 'node:os';
import { createConsoleAdapter } from './adapters/console';
import { createSlackAdapter } from './adapters/slack';
import { createTelegramAdapter } from './adapters/telegram';
import { createApp } from './app';
import { type Config, loadConfig, readEnv } from './config';
import { OffsetClock, systemClock } from './core/clock';
import { TandemError } from './core/errors';
import { openDatabase } from './db/client';
import { DEMO_COMPANY } from './demo/company';
import { seedDemoHistory } from './demo/history';
import { seedDemoCompany } from './demo/seed';
import { commandMenu } from './features/registry';
import { type HttpRoute, healthHandler, startHttpServer, tandemChecks } from './http/health';
import { catchUp, JOBS, startJobs } from './jobs';
import { createLogger } from './logger';

/** Wiring: config → database → engine → adapters → ticks. SIGTERM stops everything cleanly. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(readEnv());
    // In the local console you run the whole program yourself: you are its admin.
    if (config.platforms.length === 0) {
      config.ADMIN_IDS.push({ platform: 'console', id: 'me' });
      // …and the HR and content channels are shown right in the console.
      config.HR_CHANNEL ??= 'console:hr';
      config.CONTENT_CHANNEL ??= 'console:content';
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

  const database = openDatabase(config.DATABASE_PATH, { logger });
  // The console demo can move its clock forward (/time +1d); real deployments never can.
  const clock = consoleMode ? new OffsetClock() : systemClock;
  const { engine, outbox, adapters } = createApp({ db: database.db, clock, config, logger });
  // Before anything is sent: a send cut short by the last process's death holds nobody back.
  outbox.releaseAbandonedClaims();

  if (consoleMode || config.DEMO) {
    seedDemoCompany(database.db, clock.now());
    seedDemoHistory(database.db, clock.now());
  }

  let stopping = false;
  const jobs = startJobs({ db: database.db, config, logger, clock, outbox, adapters });
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await jobs.stop();
    // The message in flight finishes; the rest waits in the database for the next start.
    await outbox.stop();
    for (const adapter of Object.values(adapters)) await adapter.stop();
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
      color: process.stdout.isTTY,
      settle: () => outbox.drain(),
      onClose: () => void shutdown(),
      timeTravel: async (ms) => {
        if (clock instanceof OffsetClock) clock.advance(ms);
        const jobDeps = { db: database.db, config, logger, clock, outbox, adapters };
        await JOBS.nudges.run(jobDeps, clock.now());
        await catchUp(jobDeps);
        await outbox.drain();
        return clock.now();
      },
    });
  }
  // One port for everything: /healthz, Slack's events and Telegram's webhook.
  const routes: HttpRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: healthHandler(tandemChecks(database, adapters)),
    },
  ];
  if (config.TELEGRAM_BOT_TOKEN) {
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
  let httpServed = false;
  if (config.SLACK_BOT_TOKEN) {
    adapters.slack = createSlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      command: config.SLACK_COMMAND,
      port: config.PORT,
      logger,
      routes,
    });
    httpServed = !config.SLACK_APP_TOKEN;
  }
  if (!consoleMode && !httpServed) {
    const server = await startHttpServer(config.PORT, routes);
    process.once('exit', () => server.close());
  }

  await catchUp({ db: database.db, config, logger, clock, outbox, adapters });
  for (const adapter of Object.values(adapters)) {
    await adapter.start(engine.handle);
    await adapter.setCommands?.(commandMenu()).catch((error: unknown) => {
      logger.warn(
        { platform: adapter.platform, err: error instanceof Error ? error.name : 'unknown' },
        'command menu not set',
      );
    });
  }
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
