/**
 * Fan-out: N nudges (default 10 000, one per person) through the real outbox and the real
 * Telegram adapter, against a local Bot API that enforces Telegram's limits — 30 messages a
 * second overall, 1 a second per chat — and answers 429 with retry_after when they are
 * broken. Reports the total time against the floor those limits set (N / 30 s), and checks
 * that nothing was lost or sent twice. Takes about N/30 seconds: `npm run bench:fanout`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTelegramAdapter } from '../src/adapters/telegram';
import { enqueue } from '../src/core/outbox';
import { transact } from '../src/db/transact';
import { silentLogger } from '../src/logger';
import { BOT } from '../test/helpers/telegram';
import { deliveryLedger, openFanoutHarness } from './fanout-harness';

const N = Number(process.env.BENCH_FANOUT_N ?? 10_000);
const GLOBAL_PER_SECOND = 30;

// The fake Bot API: sliding one-second windows, globally and per chat.
const recent: number[] = [];
const lastPerChat = new Map<string, number>();
const delivered = deliveryLedger();
let rejected = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
      chat_id?: string | number;
    };
    const now = Date.now();
    while (recent.length && (recent[0] ?? 0) <= now - 1000) recent.shift();
    const chat = String(body.chat_id);
    const tooFast = recent.length >= GLOBAL_PER_SECOND || now - (lastPerChat.get(chat) ?? 0) < 1000;
    res.writeHead(tooFast ? 429 : 200, { 'content-type': 'application/json' });
    if (tooFast) {
      rejected += 1;
      res.end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        }),
      );
      return;
    }
    recent.push(now);
    lastPerChat.set(chat, now);
    delivered.record(chat);
    res.end(
      JSON.stringify({
        ok: true,
        result: {
          message_id: delivered.size,
          date: 0,
          chat: { id: Number(chat), type: 'private' },
        },
      }),
    );
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const harness = openFanoutHarness('fanout');
const { database, clock } = harness;
const adapter = createTelegramAdapter({
  token: '123456:BENCH-TOKEN-abcdefghijklmnop',
  apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  polling: false,
  botInfo: BOT,

  logger: silentLogger,
});
await adapter.start({ accept: async () => ({ fresh: true, done: Promise.resolve({}) }) });

await transact(database.db, async (tx) => {
  for (let i = 0; i < N; i++) {
    await enqueue(
      tx,
      {
        dedupeKey: `nudge:${i}`,
        target: {
          kind: 'user',
          user: { platform: 'telegram', workspace: '1', id: String(100_000 + i) },
        },
        payload: {
          kind: 'reply',
          reply: { kind: 'text', text: "It's been 14 days — shall we book a sprint?" },
        },
      },
      clock.now(),
    );
  }
});

const seconds = await harness.drain({ telegram: adapter }, 50);
const floor = N / GLOBAL_PER_SECOND;
const doubled = delivered.doubled();
const failed = (
  database.sqlite.prepare("select count(*) as n from outbox where status != 'sent'").get() as {
    n: number;
  }
).n;

console.log(
  `\nFan-out through the outbox to a rate-limited Bot API — N=${N}, node ${process.version}\n`,
);
console.log('| measure | value |');
console.log('|---|---:|');
console.log(`| rate-limit floor (N / ${GLOBAL_PER_SECOND} per s) | ${floor.toFixed(1)} s |`);
console.log(
  `| total time | ${seconds.toFixed(1)} s (${((seconds / floor - 1) * 100).toFixed(1)} % above the floor) |`,
);
console.log(
  `| delivered / lost / sent twice | ${delivered.size} / ${N - delivered.size} / ${doubled} |`,
);
console.log(`| 429s answered by the fake | ${rejected} |`);
console.log(`| rows not marked sent | ${failed} |`);
console.log('\nGoal: within 5 % of the floor, nothing lost, nothing doubled.');

await adapter.stop();
server.close();
harness.close();
if (delivered.size !== N || doubled > 0) process.exitCode = 1;
