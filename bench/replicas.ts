/**
 * `npm run bench:replicas`: Slack events through real Tandem processes (`dist/main.js`, as
 * `npm start` runs it) on SQLite alone, on PostgreSQL with one replica, and on PostgreSQL
 * with three replicas behind a round-robin "load balancer" (the generator sends request i to
 * replica i mod 3), all in one run against one throwaway PostgreSQL server
 * (`.ci/with-postgres`, TEST_DATABASE_URL) and one fake Slack Web API (its own process, at
 * niceness 19).
 *
 * Per setup: a fresh database; an open-loop run at RATE requests/s for SECONDS s (ack p50 /
 * p99 from each request's scheduled time; every event processed, i.e. its reply at the fake
 * Slack, how long after its request at worst); then a burst of BURST requests at BURST_RATE/s,
 * above what any setup keeps up with: events/s is the burst over the time from its first
 * request to its last reply. Each request comes from a different person, so Slack's pace of
 * about one message a second per channel (which Tandem keeps) does not set the result.
 * Checks, per setup: every event ran once (inbox) and its reply reached Slack once (the fake's
 * count equals the outbox's sent rows).
 *
 * The machine's cores are shared by every process here, the generator and PostgreSQL
 * included: three replicas on two cores measure what sharing the work costs, not what three
 * machines would give. Environment: BENCH_REPLICAS_RATE (100), BENCH_REPLICAS_SECONDS (5),
 * BENCH_REPLICAS_BURST (600), BENCH_REPLICAS_BURST_RATE (1000), BENCH_REPLICAS_CPU_PROF (a
 * folder: the replicas run with `--cpu-prof` there), BENCH_REPLICAS_ONLY (`sqlite`, `pg1`,
 * `pg3`: that setup alone).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freePort } from '../test/helpers/net';
import type { FakeTally } from './fake-slack-server';
import { benchServer, freshPgDatabase } from './pg-server';
import { type AckResult, openLoop, SECRET, traffic } from './slack-load';

const env = process.env;
const SERVER = benchServer('bench:replicas');
const RATE = Number(env.BENCH_REPLICAS_RATE ?? 100);
const SECONDS = Number(env.BENCH_REPLICAS_SECONDS ?? 5);
const BURST = Number(env.BENCH_REPLICAS_BURST ?? 600);
const BURST_RATE = Number(env.BENCH_REPLICAS_BURST_RATE ?? 1000);
const WARMUP = { rate: 50, seconds: 2 };
/** Past this, a run whose events are still not all processed is reported as such. */
const PROCESS_TIMEOUT_MS = 120_000;
const ROOT = resolve(import.meta.dirname, '..');

interface Setup {
  name: string;
  replicas: number;
  postgres: boolean;
}
const SETUPS: Setup[] = [
  { name: 'SQLite, 1 process', replicas: 1, postgres: false },
  { name: 'PostgreSQL, 1 replica', replicas: 1, postgres: true },
  { name: 'PostgreSQL, 3 replicas', replicas: 3, postgres: true },
];

interface Row {
  setup: Setup;
  ack: AckResult;
  /** The steady run's last reply at Slack, ms after its last request was due. */
  processedMs: number;
  eventsPerSecond: number;
  /** Tandem's CPU (every replica, every thread) per event of the burst. */
  cpuPerEventMs: number;
  exactlyOnce: boolean;
  detail: string;
}

/** CPU time (user + system, ms) a process has used so far, all its threads, from /proc. */
function cpuMs(proc: ChildProcess): number {
  try {
    const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
    // After the command name (which may hold spaces), utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
/** Linux's USER_HZ. */
const CLOCK_TICKS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// ---------------------------------------------------------------------------- processes

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
const fake = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'fake-slack-server.ts')],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  },
);
const apiUrl = await new Promise<string>((done) =>
  fake.stdout?.once('data', (chunk: Buffer) => done(chunk.toString().trim())),
);
const tally = () =>
  new Promise<FakeTally>((done) => {
    const on = (message: { type?: string }) => {
      if (message.type !== 'tally') return;
      fake.off('message', on);
      done(message as FakeTally);
    };
    fake.on('message', on);
    fake.send({ type: 'tally' });
  });
const messagesIn = (t: FakeTally) => Object.values(t.messages).reduce((a, b) => a + b, 0);

function startReplica(database: Record<string, string>, port: number): ChildProcess {
  const profile = env.BENCH_REPLICAS_CPU_PROF;
  const args = profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(profile)] : [];
  return spawn(process.execPath, [...args, 'dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      PORT: String(port),
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-bench-replicas',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: apiUrl,
      ...database,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`replica on port ${port} never became healthy`);
}

// ---------------------------------------------------------------------------- the database

interface Probe {
  /** Inbox rows not done yet, outbox rows not finished yet. */
  busy(): Promise<number>;
  counts(): Promise<{ inboxDone: number; inboxAttempts: number; sent: number }>;
  close(): Promise<void>;
}

async function freshDatabase(setup: Setup): Promise<{ env: Record<string, string>; probe: Probe }> {
  if (!setup.postgres) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-replicas-'));
    const path = join(dir, 'tandem.db');
    let main: Database.Database | undefined;
    let inbox: Database.Database | undefined;
    // Opened read-only once the first replica has created and migrated the files.
    const open = () => {
      main ??= new Database(path, { readonly: true });
      inbox ??= new Database(`${path}-inbox`, { readonly: true });
      return { main, inbox };
    };
    const one = (db: Database.Database, sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
    return {
      env: { DATABASE_PATH: path, FILES_DIR: join(dir, 'files') },
      probe: {
        busy: async () => {
          const { main, inbox } = open();
          return (
            one(inbox, "select count(*) from inbox where status = 'pending'") +
            one(main, "select count(*) from outbox where status in ('pending', 'sending')")
          );
        },
        counts: async () => {
          const { main, inbox } = open();
          return {
            inboxDone: one(inbox, "select count(*) from inbox where status = 'done'"),
            inboxAttempts: one(inbox, 'select coalesce(sum(attempts), 0) from inbox'),
            sent: one(main, "select count(*) from outbox where status = 'sent'"),
          };
        },
        close: async () => {
          main?.close();
          inbox?.close();
          rmSync(dir, { recursive: true, force: true });
        },
      },
    };
  }
  const database = await freshPgDatabase(SERVER, 'tandem_bench');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const one = async (sql: string) => Number((await client.query(sql)).rows[0]?.n ?? 0);
  return {
    env: { DATABASE_URL: database.url, FILES_DIR: mkdtempSync(join(tmpdir(), 'tandem-bench-')) },
    probe: {
      busy: async () =>
        (await one("select count(*) as n from inbox where status = 'pending'")) +
        (await one("select count(*) as n from outbox where status in ('pending', 'sending')")),
      counts: async () => ({
        inboxDone: await one("select count(*) as n from inbox where status = 'done'"),
        inboxAttempts: await one('select coalesce(sum(attempts), 0) as n from inbox'),
        sent: await one("select count(*) as n from outbox where status = 'sent'"),
      }),
      close: async () => {
        await client.end();
        await database.drop();
      },
    },
  };
}

/** Waits until nothing is pending; then the fake's tally, or undefined after the timeout. */
async function processed(probe: Probe): Promise<FakeTally | undefined> {
  const deadline = Date.now() + PROCESS_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await probe.busy()) === 0) return tally();
    await sleep(100);
  }
  return undefined;
}

// ---------------------------------------------------------------------------- one setup

async function measure(setup: Setup): Promise<Row> {
  const { env: databaseEnv, probe } = await freshDatabase(setup);
  const ports: number[] = [];
  const procs: ChildProcess[] = [];
  try {
    for (let r = 0; r < setup.replicas; r++) {
      const port = await freePort();
      ports.push(port);
      procs.push(startReplica(databaseEnv, port));
      // One at a time: the first migrates, the others find it done.
      await healthy(port);
    }
    await openLoop(
      ports,
      traffic(WARMUP.rate, WARMUP.seconds, WARMUP.rate * WARMUP.seconds),
      WARMUP.rate,
    );
    await processed(probe);
    const before = await tally();
    const requests = traffic(RATE, SECONDS, RATE * SECONDS);
    const ack = await openLoop(ports, requests, RATE);
    const steady = await processed(probe);
    const processedMs = steady
      ? steady.lastMessageAt - ack.firstAt - (requests.length - 1) * (1000 / RATE)
      : Number.NaN;
    // Above capacity: how many events a second the setup gets through.
    const burst = traffic(BURST_RATE, BURST / BURST_RATE, BURST);
    const cpu = () => procs.reduce((sum, p) => sum + cpuMs(p), 0);
    const cpuBefore = cpu();
    const burstAck = await openLoop(ports, burst, BURST_RATE);
    const after = await processed(probe);
    const seconds = after ? (after.lastMessageAt - burstAck.firstAt) / 1000 : Number.NaN;
    const cpuPerEventMs = (cpu() - cpuBefore) / burst.length;
    const counts = await probe.counts();
    const events = WARMUP.rate * WARMUP.seconds + requests.length + burst.length;
    const atSlack = after ? messagesIn(after) - messagesIn(before) : Number.NaN;
    const sentHere = requests.length + burst.length;
    const exactlyOnce =
      counts.inboxDone === events && counts.inboxAttempts === events && atSlack === sentHere;
    return {
      setup,
      ack,
      processedMs,
      eventsPerSecond: burst.length / seconds,
      cpuPerEventMs,
      exactlyOnce,
      detail: `inbox ${counts.inboxDone}/${counts.inboxAttempts} of ${events}, replies at Slack ${atSlack} of ${sentHere}, burst acks ${burstAck.sent - burstAck.errors}/${burstAck.sent}`,
    };
  } finally {
    for (const proc of procs) proc.kill('SIGTERM');
    await Promise.all(
      procs.map(
        (p) => new Promise((done) => (p.exitCode !== null ? done(0) : p.once('exit', done))),
      ),
    );
    await probe.close();
  }
}

// ---------------------------------------------------------------------------- the run

const load = [loadavg()[0] ?? 0];
const rows: Row[] = [];
const ONLY = env.BENCH_REPLICAS_ONLY;
const keys = ['sqlite', 'pg1', 'pg3'];
for (const setup of SETUPS.filter((_, i) => !ONLY || keys[i] === ONLY)) {
  console.error(`… ${setup.name}`);
  rows.push(await measure(setup));
}
load.push(loadavg()[0] ?? 0);
fake.disconnect();
fake.kill('SIGTERM');

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const base = rows[0];
console.log(
  `\nReplicas: Slack events through \`dist/main.js\`, open loop ${RATE} requests/s for ${SECONDS} s, then a burst of ${BURST} at ${BURST_RATE}/s (events/s: the burst over its first request to its last reply); node ${process.version}, ${availableParallelism()} cores shared by every process, load average ${load.map((l) => l.toFixed(2)).join(' → ')}\n`,
);
console.log(
  '| setup | ack p50 ms | ack p99 ms | ack max ms | acks over 3 s / errors | last reply after last request ms | events/s | events/s vs SQLite | Tandem CPU ms/event | exactly once |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const row of rows) {
  const sorted = row.ack.latencies;
  console.log(
    `| ${row.setup.name} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${row.ack.over3s} / ${row.ack.errors} | ${ms(row.processedMs)} | ${row.eventsPerSecond.toFixed(0)} | ${base ? (row.eventsPerSecond / base.eventsPerSecond).toFixed(2) : '—'}× | ${row.cpuPerEventMs.toFixed(1)} | ${row.exactlyOnce ? 'yes' : `NO (${row.detail})`} |`,
  );
}
for (const row of rows) console.log(`${row.setup.name}: ${row.detail}`);
process.exit(rows.every((r) => r.exactlyOnce) ? 0 : 1);
