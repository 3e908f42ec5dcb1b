/**
 * `npm run bench:ack`: Slack acks and event processing under an OPEN-loop load. Requests are
 * scheduled at a steady rate and each is sent at its time whether or not earlier ones were
 * answered; an ack's latency counts from its scheduled time, so a server that falls behind
 * pays for the queue it builds (no coordinated omission). Bodies are signed (v0 HMAC, real
 * timestamps) like Slack's.
 *
 * Three processes besides this one (the load generator): Tandem (bench/ack-tandem.ts — the
 * real engine on a real SQLite file with the real migrations, the Slack adapter in HTTP mode
 * behind Tandem's own HTTP server), a bare Bolt app that acks at once (bench/bare-bolt.ts),
 * and the fake Web API (bench/fake-slack-server.ts, at niceness 19: it stands in for Slack's
 * servers, which never share Tandem's CPU). Both servers get the same requests in
 * the same run, one after the other. Traffic: 50 people in their DMs with the app, mostly
 * `/mentor help`, some `/mentor meetings`, `/mentor` (the menu) and button presses.
 *
 * An event is processed when its inbox row is done and its reply has reached the Web API
 * (timed per event from its scheduled send time, by the reply's outbox key); the run waits
 * for all of them, then checks each event ran once and got its reply once. A second
 * Tandem run above capacity measures how fast events are processed (events/s, Slack path).
 *
 * Environment: BENCH_ACK_RATE (500/s), BENCH_ACK_SECONDS (5), BENCH_ACK_USERS (50),
 * BENCH_ACK_OVER_RATE (1500/s) and BENCH_ACK_OVER_SECONDS (3) for the capacity run (0 skips
 * it), BENCH_ACK_CHANNEL_INTERVAL_MS (0: the fake Web API does not rate-limit, and Slack's
 * ~1 message/s per channel would otherwise make 50 DMs at 10 replies/s each a 50 s floor
 * whatever Tandem does), UNITS_THREAD (on: Tandem acks in one thread and runs events in
 * another, as `npm start` does by default; off: one thread), UNITS_PRIORITY (idle, low,
 * normal: see src/thread-priority.ts), BENCH_ACK_CPU_PROF (a folder: Tandem runs with `--cpu-prof` there), BENCH_NODE_OPTIONS
 * (NODE_OPTIONS for the servers, e.g. `--import` of a probe that times each SQL statement).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../test/helpers/net';
import type { TandemAudit, TandemLoop, TandemRequest } from './ack-tandem';
import type { FakeTally } from './fake-slack-server';
import { type AckResult, openLoop, SECRET, traffic as signedTraffic } from './slack-load';

const env = process.env;
const RATE = Number(env.BENCH_ACK_RATE ?? 500);
const SECONDS = Number(env.BENCH_ACK_SECONDS ?? 5);
const USERS = Number(env.BENCH_ACK_USERS ?? 50);
const OVER_RATE = Number(env.BENCH_ACK_OVER_RATE ?? 1500);
const OVER_SECONDS = Number(env.BENCH_ACK_OVER_SECONDS ?? 3);
const CHANNEL_INTERVAL_MS = env.BENCH_ACK_CHANNEL_INTERVAL_MS ?? '0';
const CPU_PROF = env.BENCH_ACK_CPU_PROF;
/** Tandem's UNITS_THREAD: `on` (the default) splits acks from units, `off` runs one thread. */
const UNITS_THREAD = env.UNITS_THREAD === 'off' ? 'off' : 'on';
/** Tandem's UNITS_PRIORITY (idle, the default; low; normal): how its units thread shares the CPU. */
const UNITS_PRIORITY = env.UNITS_PRIORITY ?? 'idle';
const WARMUP = { rate: 200, seconds: 2 };
const GOAL = { ackRatio: 2, loopP99Ms: 20, processedMs: 5000 };
const ROOT = resolve(import.meta.dirname, '..');

/** This run's requests, from USERS people. */
const traffic = (rate: number, seconds: number) => signedTraffic(rate, seconds, USERS);

// ---------------------------------------------------------------------------- processes

function child(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: env.PATH ?? '',
      NODE_ENV: 'production',
      ...(env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: env.BENCH_NODE_OPTIONS } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
}

/** The next IPC message of `type` from `proc`. */
function nextMessage<T extends { type: string }>(proc: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`child exited (${code}) before ${type}`));
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

function ask<T extends { type: string }>(proc: ChildProcess, message: { type: T['type'] }) {
  const answer = nextMessage<T>(proc, message.type);
  proc.send(message);
  return answer;
}

/**
 * CPU time (user + system, ms) a child has used so far, from /proc: on a shared machine the
 * CPU an event costs says more about capacity than wall-clock rates do.
 */
function cpuMs(proc: ChildProcess): number {
  const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** Linux's USER_HZ. */
const CLOCK_TICKS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-ack-'));
const tsx = ['--import', 'tsx'];
const fake = child([...tsx, join(import.meta.dirname, 'fake-slack-server.ts')], {});
const apiUrl = await new Promise<string>((resolve) => {
  fake.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
});
const tandem = child(
  [
    ...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', resolve(CPU_PROF)] : []),
    ...tsx,
    join(import.meta.dirname, 'ack-tandem.ts'),
  ],
  {
    DATABASE_PATH: join(dir, 'tandem.db'),
    SLACK_API_URL: apiUrl,
    SLACK_SIGNING_SECRET: SECRET,
    BENCH_ACK_CHANNEL_INTERVAL_MS: CHANNEL_INTERVAL_MS,
    UNITS_THREAD,
    UNITS_PRIORITY,
  },
);
const tandemPort = (await nextMessage<{ type: 'ready'; port: number }>(tandem, 'ready')).port;
const boltPort = await freePort();
const bolt = child([...tsx, join(import.meta.dirname, 'bare-bolt.ts')], {
  PORT: String(boltPort),
  SLACK_BOT_TOKEN: 'xoxb-bench-ack',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: apiUrl,
});
// Bolt is listening once an unsigned request gets its 401.
for (;;) {
  const status = await new Promise<number>((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port: boltPort,
      path: '/slack/events',
      method: 'POST',
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
  if (status === 401) break;
  await sleep(50);
}

const tally = () => ask<FakeTally>(fake, { type: 'tally' });
const tandemSays = <T extends { type: string }>(type: TandemRequest['type']) =>
  ask<T>(tandem, { type } as { type: T['type'] });

/** Waits until Tandem has run every event and sent every message (or `ms` passed). */
async function quiet(ms = 120_000): Promise<TandemLoop> {
  const deadline = performance.now() + ms;
  for (;;) {
    const loop = await tandemSays<TandemLoop>('loop');
    if ((loop.pending === 0 && loop.unsent === 0) || performance.now() > deadline) return loop;
    await sleep(50);
  }
}

/** The bare Bolt app's own event-loop delay over its run (ms). */
interface BoltLoop {
  type: 'loop';
  p99: number;
  max: number;
}

interface TandemRun {
  ack: AckResult;
  /** Tandem's CPU per event (ms): acks, units of work, replies, all of it. */
  cpuPerEvent: number;
  loop: TandemLoop;
  /** From the first request's scheduled time until the last reply reached the Web API. */
  processedMs: number;
  /** Per event, from its scheduled time until its reply reached the Web API (sorted, ms). */
  replyLatencies: number[];
  events: number;
  messages: number;
  inboxDelta: TandemAudit['inbox'];
  sentDelta: number;
  /** DMs whose count of messages at Slack differs from the outbox rows sent there. */
  mismatched: number;
  /** People whose events got fewer replies than events, or more (per run). */
  extra: number;
  /** Acked events with no reply. */
  missing: number;
  /**
   * Every event stored ran once and got its one reply, and every acked one was stored. A
   * request that got no ack (a timeout) may or may not have been stored: Slack would retry it.
   */
  exactlyOnce: boolean;
}

const minus = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]));

async function runTandem(rate: number, seconds: number): Promise<TandemRun> {
  const requests = traffic(rate, seconds);
  const before = await tandemSays<TandemAudit>('audit');
  const tallyBefore = await tally();
  tandem.send({ type: 'reset' } satisfies TandemRequest);
  const cpuBefore = cpuMs(tandem);
  const ack = await openLoop(tandemPort, requests, rate);
  const loop = await quiet();
  const cpuPerEvent = (cpuMs(tandem) - cpuBefore) / requests.length;
  const after = await tandemSays<TandemAudit>('audit');
  const tallyAfter = await tally();
  const inboxDelta = minus(after.inbox, before.inbox) as TandemAudit['inbox'];
  const sentPerUser = minus(after.sentPerUser, before.sentPerUser);
  const messagesPer = minus(tallyAfter.messages, tallyBefore.messages);
  const perUser = new Map<string, number>();
  for (const r of requests) perUser.set(r.user, (perUser.get(r.user) ?? 0) + 1);
  let mismatched = 0;
  let extra = 0;
  for (const [user, events] of perUser) {
    const sent = sentPerUser[user] ?? 0;
    const atSlack = messagesPer[`D${user}`] ?? 0;
    if (sent !== atSlack) mismatched += 1;
    // Each of these events answers with one message.
    if (atSlack > events) extra += 1;
  }
  const messages = Object.values(messagesPer).reduce((a, b) => a + b, 0);
  const sentDelta = (after.outbox.sent ?? 0) - (before.outbox.sent ?? 0);
  const n = requests.length;
  const gap = 1000 / rate;
  const replyLatencies = requests
    .map((r, i) => (after.sentAt[r.replyKey] ?? Number.NaN) - (ack.firstAt + i * gap))
    .filter((l) => !Number.isNaN(l))
    .sort((a, b) => a - b);
  const missing = requests.filter((r, i) => ack.acked[i] && !after.sentAt[r.replyKey]).length;
  const stored = inboxDelta.rows;
  const exactlyOnce =
    stored >= n - ack.errors &&
    stored <= n &&
    inboxDelta.done === stored &&
    inboxDelta.failed === 0 &&
    inboxDelta.attempts === stored &&
    sentDelta === stored &&
    messages === stored &&
    replyLatencies.length === stored &&
    mismatched === 0 &&
    missing === 0 &&
    extra === 0;
  return {
    ack,
    cpuPerEvent,
    loop,
    processedMs: tallyAfter.lastMessageAt - ack.firstAt,
    replyLatencies,
    events: n,
    messages,
    inboxDelta,
    sentDelta,
    mismatched,
    extra,
    missing,
    exactlyOnce,
  };
}

// ---------------------------------------------------------------------------- the run

const load = [loadavg()[0] ?? 0];
let boltRun: AckResult;
let boltCpuPerRequest = 0;
let boltLoop: BoltLoop = { type: 'loop', p99: Number.NaN, max: Number.NaN };
let main: TandemRun;
let over: TandemRun | undefined;
try {
  // Warm-up, unmeasured: JIT, sockets, the people's first contact (users.info, their DM).
  await openLoop(boltPort, traffic(WARMUP.rate, WARMUP.seconds), WARMUP.rate);
  await runTandem(WARMUP.rate, WARMUP.seconds);
  await sleep(500);
  const boltCpu = cpuMs(bolt);
  bolt.send({ type: 'reset' });
  boltRun = await openLoop(boltPort, traffic(RATE, SECONDS), RATE);
  boltCpuPerRequest = (cpuMs(bolt) - boltCpu) / boltRun.sent;
  boltLoop = await ask<BoltLoop>(bolt, { type: 'loop' });
  load.push(loadavg()[0] ?? 0);
  await sleep(500);
  main = await runTandem(RATE, SECONDS);
  load.push(loadavg()[0] ?? 0);
  if (OVER_SECONDS > 0 && OVER_RATE > 0) {
    await sleep(500);
    over = await runTandem(OVER_RATE, OVER_SECONDS);
    load.push(loadavg()[0] ?? 0);
  }
} finally {
  bolt.kill('SIGTERM');
  tandem.send({ type: 'stop' } satisfies TandemRequest);
  await new Promise((r) => tandem.once('exit', r));
  fake.kill('SIGTERM');
  if (!env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------- report

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const row = (name: string, r: AckResult) =>
  `| ${name} | ${r.sent} | ${f(pct(r.latencies, 50))} | ${f(pct(r.latencies, 95))} | ${f(pct(r.latencies, 99))} | ${f(r.latencies.at(-1) ?? Number.NaN)} | ${r.over3s} | ${r.errors} |`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

console.log(
  `\nSlack acks, open loop: ${RATE} signed requests/s for ${SECONDS} s from ${USERS} people (70 % \`help\`, 10 % \`meetings\`, 5 % the menu, 10 % buttons; latency from each request's scheduled time), node ${process.version}, ${availableParallelism()} cores, load average ${load.map((l) => l.toFixed(2)).join(' → ')}\n`,
);
console.log('| server | requests | ack p50 ms | p95 ms | p99 ms | max ms | over 3 s | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(row('bare Bolt app (acks at once)', boltRun));
console.log(
  row(
    `Tandem (UNITS_THREAD=${UNITS_THREAD}${UNITS_THREAD === 'on' ? `, UNITS_PRIORITY=${UNITS_PRIORITY}` : ''}) @ ${RATE}/s`,
    main.ack,
  ),
);
if (over) console.log(row(`Tandem @ ${OVER_RATE}/s (above capacity)`, over.ack));

const describe = (name: string, r: TandemRun) =>
  `| ${name} | ${r.events} | ${f(r.loop.p99)} | ${f(r.loop.max)} | ${f(pct(r.replyLatencies, 50))} | ${f(pct(r.replyLatencies, 99))} | ${f(r.replyLatencies.at(-1) ?? Number.NaN)} | ${(r.processedMs / 1000).toFixed(2)} s | ${Math.round(r.inboxDelta.rows / (r.processedMs / 1000))} | ${r.cpuPerEvent.toFixed(2)} | ${r.inboxDelta.done}/${r.inboxDelta.attempts} | ${r.messages} | ${r.exactlyOnce ? 'yes' : `NO (stored ${r.inboxDelta.rows}, failed ${r.inboxDelta.failed}, mismatched ${r.mismatched}, missing ${r.missing}, extra ${r.extra})`} |`;
console.log(
  '\n| Tandem run | events | loop delay p99 ms | loop max ms | reply p50 ms | reply p99 ms | reply max ms | all processed after | events/s | CPU ms/event | inbox done/attempts | replies at Slack | exactly once |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
console.log(describe(`${RATE}/s`, main));
if (over) console.log(describe(`${OVER_RATE}/s (capacity)`, over));
if (over) {
  console.log(
    `\nSustainable processing rate (Slack path, events run and replied to): ≈ ${Math.round(over.inboxDelta.rows / (over.processedMs / 1000))} events/s — ${over.events} events offered at ${OVER_RATE}/s (${over.inboxDelta.rows} stored), all processed ${(over.processedMs / 1000).toFixed(2)} s after the first request.`,
  );
}
console.log(
  `\nCPU per request: bare Bolt ${boltCpuPerRequest.toFixed(2)} ms (ack only); Tandem ${main.cpuPerEvent.toFixed(2)} ms (ack, unit of work, reply) — at most ≈ ${Math.round(1000 / main.cpuPerEvent)} events/s on one core of its own.`,
);
for (const [name, r] of [
  [`${RATE}/s`, main] as const,
  ...(over ? [[`${OVER_RATE}/s`, over] as const] : []),
]) {
  console.log(
    `Tandem at ${name}: inside the process, request handler to ack written p99 ${f(r.loop.handlerP99)} ms, max ${f(r.loop.handlerMax)} ms (the rest of an ack's time it waited to be read).`,
  );
}
const lag = Math.max(boltRun.sendLagMaxMs, main.ack.sendLagMaxMs);
for (const [name, r] of [
  ['bare Bolt', boltRun],
  ['Tandem', main.ack],
  ...(over ? [['Tandem above capacity', over.ack] as const] : []),
] as const) {
  if (r.errors > 0) console.log(`${name}: answers ${JSON.stringify(r.statuses)}`);
}
console.log(`Generator: sent at most ${f(lag)} ms after a request's scheduled time.`);

const replyMax = main.replyLatencies.at(-1) ?? Number.POSITIVE_INFINITY;
const ratio = pct(main.ack.latencies, 99) / pct(boltRun.latencies, 99);
const goals = [
  `${mark(ratio <= GOAL.ackRatio)} ack p99 within ${GOAL.ackRatio}× bare Bolt's (${ratio.toFixed(2)}×)`,
  `${mark(main.ack.over3s === 0 && main.ack.errors === 0)} 0 acks over 3 s (${main.ack.over3s}; errors ${main.ack.errors})`,
  `${mark(main.loop.p99 < GOAL.loopP99Ms)} event-loop delay p99 < ${GOAL.loopP99Ms} ms (${f(main.loop.p99)} ms; the bare Bolt app's own in its run: ${f(boltLoop.p99)} ms, max ${f(boltLoop.max)} ms)`,
  `${mark(replyMax <= GOAL.processedMs && main.exactlyOnce)} every event processed within ${GOAL.processedMs / 1000} s of its request (slowest ${(replyMax / 1000).toFixed(2)} s; all ${main.events} ${(main.processedMs / 1000).toFixed(2)} s after the first) and exactly once (${main.exactlyOnce ? 'yes' : 'no'})`,
];
console.log(`\nGoals at ${RATE}/s:\n${goals.map((g) => `  ${g}`).join('\n')}`);
if (CPU_PROF) console.log(`\nTandem's CPU profile: ${resolve(CPU_PROF)}`);
// Timing depends on the machine; a lost or doubled event never does.
if (!main.exactlyOnce || (over && !over.exactlyOnce)) process.exitCode = 1;
