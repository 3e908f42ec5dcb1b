/**
 * Tandem for `npm run bench:ack`, in a process of its own: wired as src/main.ts wires a Slack
 * HTTP start (this thread receives and acks through the Slack adapter's route behind Tandem's
 * own HTTP server; the units thread, src/worker.ts, runs the events, the outbox and the jobs
 * on its own connection to the real SQLite file; the fake Web API elsewhere), plus what the benchmark
 * reads over IPC: the event-loop delay inside this process and, after a run, what the inbox
 * and the outbox hold. Environment: DATABASE_PATH, SLACK_API_URL, SLACK_SIGNING_SECRET,
 * BENCH_ACK_CHANNEL_INTERVAL_MS (per-channel gap between messages; Slack's own by default).
 */
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { createSlackAdapter } from '../src/adapters/slack';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/core/clock';
import { openDatabase } from '../src/db/client';
import { startHttpServer } from '../src/http/server';
import { startJobs } from '../src/jobs';
import { createLogger } from '../src/logger';
import { shareWritesWithUnits, startUnitsThread, type UnitsThread } from '../src/units-thread';

export type TandemRequest =
  | { type: 'reset' }
  | { type: 'loop' }
  | { type: 'audit' }
  | { type: 'stop' };

export interface TandemLoop {
  type: 'loop';
  /** Event-loop delay since the last reset, in ms. */
  p50: number;
  p99: number;
  max: number;
  /**
   * Inside this process, from the route handler's call to the response written (ms): what the
   * client sees beyond this waited before Node read the request (the socket, the loop).
   */
  handlerP99: number;
  handlerMax: number;
  /** Inbox rows still waiting to run, outbox rows still to send. */
  pending: number;
  unsent: number;
}

export interface TandemAudit {
  type: 'audit';
  inbox: { rows: number; done: number; failed: number; pending: number; attempts: number };
  outbox: Record<string, number>;
  /** Sent outbox rows per DM (by Slack user id), to compare with the messages Slack got. */
  sentPerUser: Record<string, number>;
  /** When each reply reached the Web API (epoch ms), by its outbox dedupe key. */
  sentAt: Record<string, number>;
}

const env = process.env;
const config = loadConfig({
  DATABASE_PATH: env.DATABASE_PATH,
  SLACK_BOT_TOKEN: 'xoxb-bench-ack',
  SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
  SLACK_API_URL: env.SLACK_API_URL,
});
// The units thread reads the same configuration from the environment, as in production.
env.SLACK_BOT_TOKEN = config.SLACK_BOT_TOKEN;
// Warnings and errors only (what production logs at info is a line per start, none per event).
const logger = createLogger({ level: 'warn', format: 'json', destination: 2 });
const database = openDatabase(config.DATABASE_PATH, { logger });
const interval = env.BENCH_ACK_CHANNEL_INTERVAL_MS;
const channelIntervalMs = interval !== undefined && interval !== '' ? Number(interval) : undefined;
// UNITS_THREAD=on (the default), as src/main.ts splits a platform start: this thread receives
// and acks, the units thread runs the events, the outbox and the jobs. Off: all in this one.
const split = (env.UNITS_THREAD ?? 'on') !== 'off';
let units: UnitsThread | undefined;
if (split) {
  const locks = shareWritesWithUnits(database.db);
  units = startUnitsThread({
    entry: new URL('../src/worker.ts', import.meta.url),
    data: {
      log: { level: 'warn', format: 'json' },
      ...locks,
      ...(channelIntervalMs !== undefined ? { slackChannelIntervalMs: channelIntervalMs } : {}),
    },
    logger,
  });
}
const { engine, outbox, adapters } = createApp({
  db: database.db,
  clock: systemClock,
  config,
  logger,
  ...(units ? { handoff: units.handoff } : {}),
});
if (!units) await outbox.releaseAbandonedClaims();
const jobs = units
  ? undefined
  : startJobs({
      db: database.db,
      config,
      logger,
      clock: systemClock,
      outbox,
      adapters,
      inbox: engine.inbox,
    });
const slack = createSlackAdapter({
  botToken: config.SLACK_BOT_TOKEN ?? '',
  signingSecret: config.SLACK_SIGNING_SECRET ?? '',
  command: config.SLACK_COMMAND,
  apiUrl: config.SLACK_API_URL ?? '',
  logger,
  role: units ? 'receive' : 'both',
  ...(!units && channelIntervalMs !== undefined ? { channelIntervalMs } : {}),
});
adapters.slack = slack;
const route = slack.httpRoute();
if (!route) throw new Error('HTTP mode expected');
const handled = createHistogram();
const timed = {
  ...route,
  handler: (req: Parameters<typeof route.handler>[0], res: Parameters<typeof route.handler>[1]) => {
    const started = process.hrtime.bigint();
    res.once('finish', () =>
      handled.record(Math.max(1, Number(process.hrtime.bigint() - started))),
    );
    route.handler(req, res);
  },
};
const server = await startHttpServer(0, [timed], '127.0.0.1');
await slack.start(engine);
if (!units) {
  outbox.kick();
  engine.inbox.kick();
}

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const ms = (ns: number) => ns / 1e6;
const sqlite = database.sqlite;
const scalar = (text: string) => Number(sqlite.prepare(text).pluck().get() ?? 0);
/** The same on the inbox's own file (src/db/inbox-file.ts). */
const inboxScalar = (text: string) =>
  Number(database.inbox.sqlite.prepare(text).pluck().get() ?? 0);

process.on('message', async (message: TandemRequest) => {
  switch (message.type) {
    case 'reset':
      loop.reset();
      handled.reset();
      return;
    case 'loop':
      process.send?.({
        type: 'loop',
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
        handlerP99: handled.count ? ms(handled.percentile(99)) : 0,
        handlerMax: handled.count ? ms(handled.max) : 0,
        pending: inboxScalar("select count(*) from inbox where status = 'pending'"),
        unsent: scalar("select count(*) from outbox where status in ('pending', 'sending')"),
      } satisfies TandemLoop);
      return;
    case 'audit': {
      const outboxRows = sqlite
        .prepare('select status, count(*) as n from outbox group by status')
        .all() as { status: string; n: number }[];
      const perUser = sqlite
        .prepare(
          "select coalesce(json_extract(target, '$.conversation.id'), json_extract(target, '$.user.id')) as user, count(*) as n from outbox where status = 'sent' group by user",
        )
        .all() as { user: string | null; n: number }[];
      process.send?.({
        type: 'audit',
        inbox: {
          rows: inboxScalar('select count(*) from inbox'),
          done: inboxScalar("select count(*) from inbox where status = 'done'"),
          failed: inboxScalar("select count(*) from inbox where status = 'failed'"),
          pending: inboxScalar("select count(*) from inbox where status = 'pending'"),
          attempts: inboxScalar('select coalesce(sum(attempts), 0) from inbox'),
        },
        outbox: Object.fromEntries(outboxRows.map((r) => [r.status, r.n])),
        sentPerUser: Object.fromEntries(perUser.map((r) => [r.user ?? '?', r.n])),
        sentAt: Object.fromEntries(
          (
            sqlite
              .prepare("select dedupe_key as k, sent_at as at from outbox where status = 'sent'")
              .all() as { k: string; at: number }[]
          ).map((r) => [r.k, r.at]),
        ),
      } satisfies TandemAudit);
      return;
    }
    case 'stop':
      void (async () => {
        await units?.stop(10_000);
        await jobs?.stop();
        await engine.inbox.stop();
        await outbox.stop();
        await slack.stop();
        server.close();
        database.close();
        // A clean exit, so `--cpu-prof` writes its profile.
        process.exit(0);
      })();
      return;
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', port: (server.address() as { port: number }).port });
