import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/core/outbox';
import type { Target } from '../../src/core/refs';
import type { PgDb } from '../../src/db/pg/client';
import { OUTBOX_SENDING_LOCK } from '../../src/db/pg/leader';
import { outbox } from '../../src/db/schema';
import {
  SENDING_HANDOVER_PAUSE_MS,
  type SendingTurn,
  takeSendingTurn,
} from '../../src/sending-turn';
import { RecordingAdapter } from '../fakes/recording-adapter';
import { createTestApp, type TestApp } from '../helpers/app';
import { until } from '../helpers/net';
import { TEST_PG } from '../pg/template';

/**
 * Several replicas on one PostgreSQL database: one sends the outbox at a time (the others
 * only queue), hears at once what the others queued, and hands over when it dies. On
 * PostgreSQL only (`npm run test:pg`); alone on SQLite the process always sends.
 */
const chat = (id: string): Target => ({
  kind: 'conversation',
  conversation: { platform: 'telegram', workspace: 'bot', id, kind: 'dm' },
});
const text = (t: string) => ({ kind: 'reply' as const, reply: { kind: 'text' as const, text: t } });

interface Replica {
  app: TestApp;
  adapter: RecordingAdapter;
  turn: SendingTurn;
}
let replicas: Replica[] = [];
/** Sends a test holds as hanging; released before the replicas stop (their stop waits). */
let hanging: (() => void)[] = [];

afterEach(async () => {
  for (const release of hanging) release();
  hanging = [];
  for (const r of replicas) {
    await r.app.outbox.stop();
    await r.turn.stop();
    r.app.close();
  }
  replicas[0]?.app.dispose();
  replicas = [];
});

async function replica(first?: TestApp): Promise<Replica> {
  const app = first
    ? createTestApp({ clock: first.clock, pgUrl: process.env.TANDEM_TEST_PG_DB ?? '' })
    : createTestApp();
  const adapter = new RecordingAdapter('telegram');
  app.adapters.telegram = adapter;
  const turn = await takeSendingTurn(app.database.db, app.outbox, app.logger);
  const made = { app, adapter, turn };
  replicas.push(made);
  return made;
}

const deliveredBy = (r: Replica) =>
  r.adapter.deliveries.map((d) =>
    d.target.kind === 'conversation' ? `${d.target.conversation.id}:${d.reply?.text}` : '?',
  );

describe.skipIf(!TEST_PG)('replicas take turns sending the outbox (PostgreSQL)', () => {
  it('one sends, in order per chat, what any replica queued; the others send nothing', async () => {
    const a = await replica();
    const b = await replica(a.app);
    const c = await replica(a.app);
    const sender = await until('a sender', () => replicas.find((r) => r.turn.sending));
    const others = replicas.filter((r) => r !== sender);
    // The others queue for the same four chats, as units of work on those replicas do.
    const queued: string[] = [];
    for (let k = 0; k < 12; k++) {
      const from = others[k % 2] as Replica;
      const id = `chat${k % 4}`;
      await enqueue(
        from.app.database.db,
        { dedupeKey: `m${k}`, target: chat(id), payload: text(`m${k}`) },
        a.app.clock.now(),
      );
      queued.push(`${id}:m${k}`);
      // A replica kicks its own outbox after its unit; only the sender's pass sends.
      from.app.outbox.kick();
    }
    expect(c.turn.sending && b.turn.sending).toBe(false);
    // Nobody kicks the sender for the others' messages: the database's notification does.
    const all = () => replicas.flatMap(deliveredBy);
    await until('every message sent', () => (all().length >= 12 ? true : undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replicas.filter((r) => r.adapter.deliveries.length > 0)).toEqual([sender]);
    expect([...all()].sort()).toEqual([...queued].sort());
    for (const id of ['chat0', 'chat1', 'chat2', 'chat3'])
      expect(all().filter((d) => d.startsWith(`${id}:`))).toEqual(
        queued.filter((d) => d.startsWith(`${id}:`)),
      );
  });

  it('when the sender dies mid-send, another takes over; the message in flight is not sent twice', async () => {
    const a = await replica();
    const b = await replica(a.app);
    // Sends hang, as over a dead network, until released.
    const sendsStarted: Replica[] = [];
    for (const r of [a, b])
      r.adapter.beforeSend = () =>
        new Promise<void>((resolve) => {
          sendsStarted.push(r);
          hanging.push(resolve);
        });
    await enqueue(
      a.app.database.db,
      { dedupeKey: 'first', target: chat('x'), payload: text('in flight') },
      a.app.clock.now(),
    );
    const sender = await until('the message in flight', () => sendsStarted[0]);
    const other = sender === a ? b : a;
    // The sender crashes: its session with the lock dies, and nothing of it tries again.
    const db = a.app.database.db as unknown as PgDb;
    const holder = await db.$client.query<{ pid: number }>(
      "select pid from pg_locks where locktype = 'advisory' and objid = $1 and granted",
      [OUTBOX_SENDING_LOCK % 2 ** 32],
    );
    expect(holder.rows).toHaveLength(1);
    await db.$client.query('select pg_terminate_backend($1)', [holder.rows[0]?.pid]);
    await sender.turn.stop();
    other.adapter.beforeSend = undefined;
    await enqueue(
      a.app.database.db,
      { dedupeKey: 'second', target: chat('x'), payload: text('after') },
      a.app.clock.now(),
    );
    await until(
      'the next message sent',
      () => (deliveredBy(other).includes('x:after') ? true : undefined),
      15_000,
    );
    const [first] = await a.app.database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(eq(outbox.dedupeKey, 'first'));
    // Handed to the platform and never answered: uncertain, and never sent again.
    expect(first?.status).toBe('uncertain');
    expect(deliveredBy(other)).toEqual(['x:after']);
    expect(sendsStarted).toEqual([sender]);
  });

  it('the replica taking over waits out the pace of the one that died before its first send', async () => {
    const a = await replica();
    const b = await replica(a.app);
    // When each send reached its adapter (a monotonic reading, not the wall clock).
    const sentAt: { by: Replica; at: number }[] = [];
    for (const r of [a, b])
      r.adapter.beforeSend = async () => {
        sentAt.push({ by: r, at: performance.now() });
      };
    await enqueue(
      a.app.database.db,
      { dedupeKey: 'before', target: chat('g'), payload: text('before') },
      a.app.clock.now(),
    );
    const sender = await until('the first send', () => sentAt[0]?.by);
    const other = sender === a ? b : a;
    // Its pass over (a pass under way when the turn ends may still claim what it read).
    await sender.app.outbox.drain();
    // The sender dies right after that send: its session with the lock ends.
    const db = a.app.database.db as unknown as PgDb;
    const holder = await db.$client.query<{ pid: number }>(
      "select pid from pg_locks where locktype = 'advisory' and objid = $1 and granted",
      [OUTBOX_SENDING_LOCK % 2 ** 32],
    );
    await db.$client.query('select pg_terminate_backend($1)', [holder.rows[0]?.pid]);
    await sender.turn.stop();
    await enqueue(
      a.app.database.db,
      { dedupeKey: 'after', target: chat('g'), payload: text('after') },
      a.app.clock.now(),
    );
    await until('the next send', () => sentAt.find((s) => s.by === other), 15_000);
    const [first, next] = sentAt;
    // The other may take the lock at once; it still leaves the chat its gap (a group's 3 s).
    expect((next?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(SENDING_HANDOVER_PAUSE_MS);
  });
});
