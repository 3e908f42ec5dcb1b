/**
 * Slack fan-out: 1 000 messages to 100 channels (10 each) through the real outbox and the
 * real Slack adapter, against a local Web API that allows one message per second per
 * channel and answers 429 with Retry-After otherwise. The floor is 9 s (nine one-second gaps
 * per channel, all channels in parallel); a worker that waited on one channel at a time
 * would need 1 000 s. `npm run bench:fanout` runs it after the Telegram one.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter } from '../src/adapters/slack';
import { enqueue } from '../src/core/outbox';
import { transact } from '../src/db/transact';
import { silentLogger } from '../src/logger';
import { deliveryLedger, openFanoutHarness } from './fanout-harness';

const CHANNELS = Number(process.env.BENCH_SLACK_CHANNELS ?? 100);
const PER_CHANNEL = Number(process.env.BENCH_SLACK_PER_CHANNEL ?? 10);
const N = CHANNELS * PER_CHANNEL;

const last = new Map<string, number>();
const delivered = deliveryLedger();
let rejected = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const args = new URLSearchParams(Buffer.concat(chunks).toString());
    const method = (req.url ?? '').replace(/^\/api\//, '');
    res.setHeader('content-type', 'application/json');
    if (method === 'auth.test')
      return res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' }));
    if (method !== 'chat.postMessage') return res.end(JSON.stringify({ ok: true }));
    const channel = args.get('channel') ?? '';
    const now = Date.now();
    if (now - (last.get(channel) ?? 0) < 1000) {
      rejected += 1;
      res.writeHead(429, { 'retry-after': '1' });
      return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    last.set(channel, now);
    delivered.record(args.get('text') ?? '');
    res.end(JSON.stringify({ ok: true, channel, ts: `${now}.0001` }));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const harness = openFanoutHarness('fanout-slack');
const { database, clock } = harness;
const adapter = createSlackAdapter({
  botToken: 'xoxb-bench',
  signingSecret: 'bench-signing-secret',
  command: '/mentor',
  apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
  logger: silentLogger,
});
await adapter.start({ accept: async () => ({ fresh: true, done: Promise.resolve({}) }) });
await transact(database.db, async (tx) => {
  for (let k = 0; k < PER_CHANNEL; k++) {
    for (let c = 0; c < CHANNELS; c++) {
      await enqueue(
        tx,
        {
          dedupeKey: `m:${c}:${k}`,
          target: {
            kind: 'conversation',
            conversation: { platform: 'slack', workspace: 'T1', id: `C${c}`, kind: 'group' },
          },
          payload: { kind: 'reply', reply: { kind: 'text', text: `m:${c}:${k}` } },
        },
        clock.now(),
      );
    }
  }
});

const seconds = await harness.drain({ slack: adapter }, 20);
const floor = PER_CHANNEL - 1;
const doubled = delivered.doubled();

console.log(
  `\nSlack fan-out — ${N} messages to ${CHANNELS} channels, 1 per second per channel, node ${process.version}\n`,
);
console.log('| measure | value |');
console.log('|---|---:|');
console.log(`| floor (${PER_CHANNEL - 1} one-second gaps per channel) | ${floor.toFixed(1)} s |`);
console.log(
  `| total time | ${seconds.toFixed(2)} s (${((seconds / floor - 1) * 100).toFixed(1)} % above the floor) |`,
);
console.log(
  `| delivered / lost / sent twice | ${delivered.size} / ${N - delivered.size} / ${doubled} |`,
);
console.log(`| 429s answered by the fake | ${rejected} |`);

await adapter.stop();
server.close();
harness.close();
if (delivered.size !== N || doubled > 0) process.exitCode = 1;
