/**
 * Engine benchmarks. Prints events/s and the ratio to a baseline measured in the same run
 * (one autocommit SQLite insert: the least work an event can cost), because this machine
 * is noisy and absolute numbers drift.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { ChatAdapter } from '../src/core/adapter';
import { ManualClock } from '../src/core/clock';
import type { InboundEvent } from '../src/core/events';
import { openDatabase } from '../src/db/client';
import { silentLogger } from '../src/logger';

const N = Number(process.env.BENCH_N ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const database = openDatabase(join(dir, 'bench.db'));
const clock = new ManualClock('2026-12-01T09:00:00Z');
const config = loadConfig({ DATABASE_PATH: join(dir, 'bench.db') });
const sink: ChatAdapter = {
  platform: 'console',
  start: async () => {},
  stop: async () => {},
  send: async () => {},
};
const { engine, outbox, adapters } = createApp({
  db: database.db,
  clock,
  config,
  logger: silentLogger,
});
adapters.console = sink;

let seq = 0;
const event = (user: string, body: Pick<InboundEvent, 'type'> & Record<string, unknown>) =>
  ({
    id: `b${++seq}`,
    user: { ref: { platform: 'console', workspace: 'local', id: user }, name: user },
    conversation: { platform: 'console', workspace: 'local', id: `dm:${user}`, kind: 'dm' },
    ...body,
  }) as InboundEvent;

async function measure(name: string, run: (i: number) => Promise<void> | void) {
  for (let i = 0; i < 50; i++) await run(-i - 1); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await run(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { name, perSecond: Math.round((N / ms) * 1000), msPerOp: ms / N };
}

// The same kind of row an event's ack writes (stored as done, so the worker leaves it).
const insert = database.sqlite.prepare(
  "insert into inbox (key, conversation, person, status, next_at, received_at) values (?, '', '', 'done', ?, 0)",
);
const rows = [
  await measure('baseline: one SQLite insert', (i) => {
    insert.run(`baseline-${i}`, Date.now());
  }),
  await measure('/help (inbox, unit of work: user, reply; outbox send)', async (i) => {
    await engine.handle(event(`u${i % 100}`, { type: 'command', name: 'help', args: '' }));
    await outbox.drain();
  }),
  await measure('form step (/join then one typed answer)', async (i) => {
    const user = `f${i}`;
    await engine.handle(event(user, { type: 'command', name: 'join', args: '' }));
    await engine.handle(event(user, { type: 'text', text: 'mentee' }));
    await outbox.drain();
  }),
];

const base = rows[0]?.perSecond ?? 1;
console.log(`\nTandem engine benchmark — N=${N}, node ${process.version}\n`);
console.log('| case | ops/s | ms/op | cost vs baseline |');
console.log('|---|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.perSecond} | ${r.msPerOp.toFixed(3)} | ${(base / r.perSecond).toFixed(1)}× |`,
  );
}
database.close();
rmSync(dir, { recursive: true, force: true });
