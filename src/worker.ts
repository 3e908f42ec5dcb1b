/**
 * The units thread of a split process (see units-thread.ts): its own connection to the
 * database, the engine's inbox worker, the outbox, the timers and the jobs, and send-only
 * adapters. The main thread receives and stores events; this runs them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from './app';
import { loadConfig, readEnv } from './config';
import { systemClock } from './core/clock';
import { codeOf } from './core/errors';
import { openStore } from './db/client';
import { checkChannels } from './features/channels/watch';
import { catchUp, startJobs } from './jobs';
import { createLogger } from './logger';
import { createPlatformAdapters, startPlatform } from './platforms';
import { takeSendingTurn } from './sending-turn';
import { lowerThisThread } from './thread-priority';
import { type FromUnits, type ToUnits, takeWriteLocks, type UnitsThreadData } from './units-thread';

/** How long, at most, events wait at start for the platforms to be ready to send. */
const PLATFORMS_START_WAIT_MS = 5_000;

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('worker.ts runs as a worker thread');
  const data = workerData as UnitsThreadData;
  const config = loadConfig(readEnv());
  const logger = createLogger({
    level: data.log.level,
    format: data.log.format,
    destination: 1,
  }).child({ thread: 'units' });
  // When the CPU is short, the thread that acks runs first; an event's reply can wait a moment.
  await lowerThisThread(config.UNITS_PRIORITY, logger);
  const database = await openStore(config, { logger });
  takeWriteLocks(database.db, data, 'units');
  const clock = systemClock;
  const { deps, engine, outbox, adapters } = createApp({ db: database.db, clock, config, logger });
  const post = (message: FromUnits) => port.postMessage(message);
  // Every outcome goes back: the main thread holds whoever waits on it (a modal's ack).
  engine.inbox.onSettled((id, result) => post({ type: 'settled', id, result }));
  // This process sends (alone), or one replica at a time does (PostgreSQL).
  const sending = await takeSendingTurn(database.db, outbox, logger);
  const platforms = await createPlatformAdapters(
    config,
    logger,
    'send',
    data.slackChannelIntervalMs,
  );
  Object.assign(adapters, platforms.adapters);
  const jobs = startJobs({
    db: database.db,
    config,
    logger,
    clock,
    outbox,
    adapters,
    inbox: engine.inbox,
  });
  const starting = new AbortController();
  let stopping = false;
  /** Whether events run yet: not before the platforms can be answered (see below). */
  let running = false;

  port.on('message', (message: ToUnits) => {
    switch (message.type) {
      case 'kick':
        if (running) engine.inbox.kick();
        return;
      case 'platform-up':
        // What waited for the platform to come back goes now.
        outbox.kick();
        return;
      case 'stop': {
        if (stopping) return;
        stopping = true;
        starting.abort();
        const step = (what: string, stop: () => Promise<void>) =>
          stop().catch((error: unknown) => {
            logger.warn({ what, code: codeOf(error) }, 'did not stop cleanly');
          });
        void (async () => {
          await step('jobs', () => jobs.stop());
          // The event running finishes; the rest waits in the inbox for the next start.
          await step('inbox', () => engine.inbox.stop());
          await step('events', () => engine.idle());
          // The message in flight finishes; the rest waits in the database for the next start.
          await step('outbox', () => outbox.stop());
          await step('sending turn', () => sending.stop());
          await Promise.all(Object.values(adapters).map((a) => step(a.platform, () => a.stop())));
          await database.close();
          // Ends this thread only; whatever socket a platform's client keeps open goes with it.
          process.exit(0);
        })();
        return;
      }
    }
  });

  // Whatever fell due while the process was down runs beside the platforms' start.
  void catchUp({ db: database.db, config, logger, clock, outbox, adapters }).catch(
    (error: unknown) => {
      database.reportWriteFailure(error);
      logger.error({ code: codeOf(error) }, 'catch-up at start failed');
    },
  );
  // Sending needs to know who the bot is (Slack's auth.test, Telegram's getMe); retried
  // with backoff like the main thread's start, without publishing the command menu twice.
  const started = Object.values(adapters).map((adapter) =>
    startPlatform(adapter, engine, {
      logger,
      signal: starting.signal,
      menu: false,
      // Its HR and content channels are checked once it can be asked (the admins hear what
      // blocks them).
      onUp: () => {
        outbox.kick();
        void checkChannels(deps, adapter.platform);
      },
    }),
  );
  // Events wait until the platforms can be answered (a modal opened, a reply sent), or until
  // PLATFORMS_START_WAIT_MS: a platform that is down must not hold up the others' events (its
  // own replies wait in the outbox, as they would for any outage).
  await Promise.race([Promise.all(started), sleep(PLATFORMS_START_WAIT_MS)]);
  running = true;
  // Events acked before the last process stopped (or died), or while this thread started.
  engine.inbox.kick();
  post({ type: 'ready' });
}

run().catch((error: unknown) => {
  process.stderr.write(`units thread could not start: ${codeOf(error)}\n`);
  process.exit(1);
});
