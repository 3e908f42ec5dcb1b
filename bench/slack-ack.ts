/**
 * Slash-command ack time under a burst: the real Bolt HTTP receiver (with the engine doing
 * its work after each ack) against a bare node:http server doing the same HMAC check, both
 * measured in this run. Slack's limit is 3 s per ack.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter } from '../src/adapters/slack';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { ManualClock } from '../src/core/clock';
import { openDatabase } from '../src/db/client';
import { startHttpServer } from '../src/http/server';
import { silentLogger } from '../src/logger';

const N = Number(process.env.BENCH_SLACK_N ?? 400);
const CONCURRENCY = Number(process.env.BENCH_SLACK_CONCURRENCY ?? 40);
const SECRET = 'bench-signing-secret';

const sign = (body: string) => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
};

async function burst(url: string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < N) {
      const i = next++;
      const body = new URLSearchParams({
        command: '/mentor',
        text: 'help',
        team_id: 'T1',
        user_id: `U${i % 50}`,
        channel_id: `DU${i % 50}`,
        channel_name: 'directmessage',
        trigger_id: `bench-${i}-${Math.random()}`,
      }).toString();
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: sign(body), body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const total = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { rps: Math.round((N / total) * 1000), p50: pct(50), p95: pct(95), p99: pct(99) };
}

// Baseline: node:http with the same signature check, answering 200 at once.
const baseline = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    const ts = String(req.headers['x-slack-request-timestamp']);
    const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    res.writeHead(expected === req.headers['x-slack-signature'] ? 200 : 401).end();
  });
});
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-slack-'));
const database = openDatabase(join(dir, 'bench.db'));
const config = loadConfig({ DATABASE_PATH: join(dir, 'bench.db') });
const app = createApp({ db: database.db, clock: new ManualClock(), config, logger: silentLogger });
// The fake Web API runs in its own process, as Slack would be elsewhere.
const fake = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'fake-slack-server.ts')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const apiUrl = await new Promise<string>((resolve) => {
  fake.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
});
const adapter = createSlackAdapter({
  botToken: 'xoxb-bench',
  signingSecret: SECRET,
  command: '/mentor',
  apiUrl,
  logger: silentLogger,
  channelIntervalMs: 0,
});
app.adapters.slack = adapter;
await adapter.start(app.engine);

// Served as main.ts serves it: Tandem's own server, with the adapter's events route.
const slackRoute = adapter.httpRoute();
if (!slackRoute) throw new Error('HTTP mode expected');
const tandemServer = await startHttpServer(0, [slackRoute]);
const boltAddress = tandemServer.address() as AddressInfo | undefined;
const boltUrl = `http://127.0.0.1:${boltAddress?.port}/slack/events`;
const baseUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/slack/events`;
await burst(baseUrl); // warm-up
const base = await burst(baseUrl);
const bolt = await burst(boltUrl);
await app.outbox.drain();

const fmt = (n: number) => n.toFixed(1);
console.log(
  `\nSlack slash-command ack under a burst — ${N} requests, ${CONCURRENCY} at a time, node ${process.version}\n`,
);
console.log('| server | req/s | p50 ms | p95 ms | p99 ms |');
console.log('|---|---:|---:|---:|---:|');
console.log(
  `| baseline: node:http + HMAC | ${base.rps} | ${fmt(base.p50)} | ${fmt(base.p95)} | ${fmt(base.p99)} |`,
);
console.log(
  `| Tandem: Bolt + engine | ${bolt.rps} | ${fmt(bolt.p50)} | ${fmt(bolt.p95)} | ${fmt(bolt.p99)} |`,
);
console.log(
  `\np99 ack is ${(bolt.p99 / base.p99).toFixed(1)}× the baseline's; Slack allows 3000 ms.`,
);

await adapter.stop();
fake.kill('SIGTERM');
baseline.close();
tandemServer.close();
database.close();
rmSync(dir, { recursive: true, force: true });
