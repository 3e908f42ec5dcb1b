import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../src/core/backoff';
import { DeliveryError } from '../../src/core/errors';
import {
  enqueue,
  OUTBOX_BACKOFF,
  OUTBOX_CLAIM_LEASE_MS,
  OUTBOX_GIVE_UP_AFTER_MS,
  OUTBOX_PLATFORM_RECHECK_MS,
  OUTBOX_RETENTION_MS,
} from '../../src/core/outbox';
import type { Target } from '../../src/core/refs';
import { first } from '../../src/db/first';
import { outbox } from '../../src/db/schema';
import { RecordingAdapter } from '../fakes/recording-adapter';
import { createTestApp, type TestApp } from '../helpers/app';
import { until } from '../helpers/net';

let app: TestApp;
let sibling: TestApp | undefined;
afterEach(() => {
  vi.useRealTimers();
  sibling?.close();
  sibling = undefined;
  try {
    app?.close();
  } catch {
    // already closed by the crash test
  }
  app?.dispose();
});

const target: Target = {
  kind: 'conversation',
  conversation: { platform: 'slack', workspace: 'T1', id: 'D1', kind: 'dm' },
};
const text = (t: string) => ({ kind: 'reply' as const, reply: { kind: 'text' as const, text: t } });

function setup() {
  app = createTestApp();
  const adapter = new RecordingAdapter('slack');
  app.adapters.slack = adapter;
  return adapter;
}

const rowOf = (key: string) =>
  first(app.database.db.select().from(outbox).where(eq(outbox.dedupeKey, key)));

describe('outbox', () => {
  it('queues a logical message once, however often it is enqueued', async () => {
    const adapter = setup();
    const now = app.clock.now();
    expect(
      await enqueue(app.database.db, { dedupeKey: 'k1', target, payload: text('hello') }, now),
    ).toBe(true);
    expect(
      await enqueue(app.database.db, { dedupeKey: 'k1', target, payload: text('hello') }, now),
    ).toBe(false);
    await app.outbox.deliverDue();
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual(['hello']);
    expect(await rowOf('k1')).toMatchObject({ status: 'sent', payload: null });
  });

  it('retries transient failures with backoff and honours Retry-After', async () => {
    const adapter = setup();
    adapter.failWith.push(
      new DeliveryError('delivery_rate_limited', '429', { retryAfterMs: 30_000 }),
      new DeliveryError('delivery_transient', '502'),
    );
    await enqueue(
      app.database.db,
      { dedupeKey: 'k2', target, payload: text('hi') },
      app.clock.now(),
    );

    expect((await app.outbox.deliverDue()).retried).toBe(1);
    expect((await rowOf('k2'))?.nextAttemptAt).toEqual(
      new Date(app.clock.now().getTime() + 30_000),
    );
    app.clock.advance(29_000);
    expect((await app.outbox.deliverDue()).retried).toBe(0); // not due yet
    app.clock.advance(1_000);
    expect((await app.outbox.deliverDue()).retried).toBe(1);
    expect((await rowOf('k2'))?.nextAttemptAt).toEqual(
      new Date(app.clock.now().getTime() + backoffDelay(2, OUTBOX_BACKOFF)),
    );
    app.clock.advance(backoffDelay(2, OUTBOX_BACKOFF));
    expect((await app.outbox.deliverDue()).sent).toBe(1);
    expect(adapter.texts()).toEqual(['hi']);
  });

  it('gives up on permanent failures at once, and on transient ones only when the message is a day old', async () => {
    const adapter = setup();
    adapter.failWith.push(new DeliveryError('delivery_permanent', 'blocked'));
    await enqueue(app.database.db, { dedupeKey: 'p', target, payload: text('x') }, app.clock.now());
    expect((await app.outbox.deliverDue()).failed).toBe(1);
    expect(await rowOf('p')).toMatchObject({
      status: 'failed',
      lastError: 'delivery_permanent',
      payload: null,
    });

    const queuedAt = app.clock.now().getTime();
    await enqueue(app.database.db, { dedupeKey: 'q', target, payload: text('y') }, app.clock.now());
    const attemptsAt: number[] = [];
    for (let i = 0; i < 1_000 && (await rowOf('q'))?.status === 'pending'; i++) {
      adapter.failWith.push(new Error('boom'));
      app.clock.set((await rowOf('q'))?.nextAttemptAt ?? app.clock.now());
      attemptsAt.push(app.clock.now().getTime());
      await app.outbox.deliverDue();
    }
    expect(await rowOf('q')).toMatchObject({ status: 'failed', lastError: 'delivery_unknown' });
    expect(adapter.deliveries).toHaveLength(0);
    // Tried all day long, never more than the backoff's cap apart, and given up only then.
    const last = attemptsAt.at(-1) ?? 0;
    expect(last - queuedAt).toBeGreaterThanOrEqual(OUTBOX_GIVE_UP_AFTER_MS);
    expect((attemptsAt.at(-2) ?? 0) - queuedAt).toBeLessThan(OUTBOX_GIVE_UP_AFTER_MS);
    const gaps = attemptsAt.slice(1).map((at, i) => at - (attemptsAt[i] ?? 0));
    expect(Math.max(...gaps)).toBe(OUTBOX_BACKOFF.maxMs);
  });

  it('keeps a conversation in order: later messages wait behind a failed one', async () => {
    const adapter = setup();
    adapter.failWith.push(new DeliveryError('delivery_transient', '503'));
    const now = app.clock.now();
    await enqueue(app.database.db, { dedupeKey: 'a', target, payload: text('first') }, now);
    await enqueue(app.database.db, { dedupeKey: 'b', target, payload: text('second') }, now);
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual([]);
    // Another pass before the retry is due must not let the second overtake the first.
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual([]);
    // A message to the same person addressed as "user" queues in the same conversation.
    const sameDm: Target = { kind: 'user', user: { platform: 'slack', workspace: 'T1', id: 'D1' } };
    await enqueue(app.database.db, { dedupeKey: 'c', target: sameDm, payload: text('third') }, now);
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual([]);
    app.clock.advance(backoffDelay(1, OUTBOX_BACKOFF));
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual(['first', 'second', 'third']);
  });

  it('never sends twice across a crash between sending and marking sent, and loses nothing else', async () => {
    const adapter = setup();
    for (const [i, word] of ['once', 'two', 'three'].entries()) {
      const dedupeKey = i === 0 ? 'crash' : `after-${i}`;
      await enqueue(app.database.db, { dedupeKey, target, payload: text(word) }, app.clock.now());
    }
    // The platform receives the message, then the process dies before recording it.
    adapter.afterReceive = () => app.close();
    app.outbox.kick();
    await app.settle();
    expect(adapter.texts()).toEqual(['once']);

    // Restart on the same file, long after the claim's lease.
    app.clock.advance(OUTBOX_CLAIM_LEASE_MS + 1);
    app = app.restart();
    const again = new RecordingAdapter('slack');
    app.adapters.slack = again;
    const report = await app.outbox.deliverDue();
    expect(report).toMatchObject({ sent: 2, uncertain: 1 });
    expect(again.texts()).toEqual(['two', 'three']);
    expect(await rowOf('crash')).toMatchObject({ status: 'uncertain', payload: null });
    // Re-queuing the same logical message is refused too.
    expect(
      await enqueue(
        app.database.db,
        { dedupeKey: 'crash', target, payload: text('once') },
        app.clock.now(),
      ),
    ).toBe(false);
  });

  it('serves other chats while one waits for its rate-limit slot', async () => {
    const adapter = setup();
    const busy: Target = {
      kind: 'conversation',
      conversation: { platform: 'slack', workspace: 'T1', id: 'C-busy', kind: 'group' },
    };
    // At each send, how long the platform says that chat still has to wait: never more than 0.
    const earlyBy: number[] = [];
    adapter.beforeSend = async () => {
      earlyBy.push(adapter.readyIn(busy));
    };
    const now = app.clock.now();
    await enqueue(
      app.database.db,
      { dedupeKey: 'busy', target: busy, payload: text('to the busy channel') },
      now,
    );
    await enqueue(
      app.database.db,
      { dedupeKey: 'free', target, payload: text('to a free DM') },
      now,
    );
    // The busy channel's next slot is 300 ms away (as the platform's pacer reports it).
    adapter.waits.set('C-busy', Date.now() + 300);
    await app.outbox.deliverDue();
    expect(adapter.texts()).toEqual(['to a free DM', 'to the busy channel']);
    // The free DM went while the busy channel waited; the channel's message only at its slot.
    expect(earlyBy[0]).toBeGreaterThan(0);
    expect(earlyBy[1]).toBe(0);
  });

  it('stops after the message in flight and leaves the rest queued', async () => {
    const adapter = setup();
    for (const n of [1, 2, 3])
      await enqueue(
        app.database.db,
        { dedupeKey: `s${n}`, target, payload: text(`m${n}`) },
        app.clock.now(),
      );
    adapter.afterReceive = () => {
      void app.outbox.stop();
    };
    app.outbox.kick();
    await app.settle();
    expect(adapter.texts()).toEqual(['m1']);
    expect((await rowOf('s2'))?.status).toBe('pending');
  });

  it('deletes finished rows after the dedupe window, never pending ones', async () => {
    const adapter = setup();
    await enqueue(
      app.database.db,
      { dedupeKey: 'old', target, payload: text('a') },
      app.clock.now(),
    );
    await app.outbox.deliverDue();
    adapter.failWith.push(new DeliveryError('delivery_transient', '503'));
    await enqueue(
      app.database.db,
      { dedupeKey: 'stuck', target, payload: text('b') },
      app.clock.now(),
    );
    await app.outbox.deliverDue();
    expect(await app.outbox.prune(app.clock.now())).toBe(0);
    app.clock.advance(OUTBOX_RETENTION_MS + 1);
    expect(await app.outbox.prune(app.clock.now())).toBe(1);
    expect(await rowOf('old')).toBeUndefined();
    expect((await rowOf('stuck'))?.status).toBe('pending');
  });

  it('spends no attempts while a platform adapter is not running yet, and delivers once it is', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    setup();
    const telegram: Target = {
      kind: 'user',
      user: { platform: 'telegram', workspace: 'bot', id: '42' },
    };
    await enqueue(
      app.database.db,
      { dedupeKey: 'tg', target: telegram, payload: text('later') },
      app.clock.now(),
    );
    app.outbox.kick();
    await app.settle();
    expect(await rowOf('tg')).toMatchObject({ status: 'pending', attempts: 0 });
    const adapter = new RecordingAdapter('telegram');
    app.adapters.telegram = adapter;
    // Nobody kicks the outbox: it looks again by itself.
    await vi.advanceTimersByTimeAsync(OUTBOX_PLATFORM_RECHECK_MS);
    await app.settle();
    expect(adapter.texts()).toEqual(['later']);
  });

  it('skips a platform whose connection is down without spending attempts, serves the others, and sends once it is up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const slack = setup();
    const telegram = new RecordingAdapter('telegram');
    telegram.status = { state: 'down', code: 'telegram_unreachable' };
    app.adapters.telegram = telegram;
    const tgTarget: Target = {
      kind: 'user',
      user: { platform: 'telegram', workspace: 'bot', id: '42' },
    };
    await enqueue(
      app.database.db,
      { dedupeKey: 'tg', target: tgTarget, payload: text('tg') },
      app.clock.now(),
    );
    await enqueue(
      app.database.db,
      { dedupeKey: 'sl', target, payload: text('slack') },
      app.clock.now(),
    );
    app.outbox.kick();
    await app.settle();
    expect(slack.texts()).toEqual(['slack']);
    expect(await rowOf('tg')).toMatchObject({ status: 'pending', attempts: 0 });

    // More than a day of outage later, nothing was tried, so nothing was given up.
    app.clock.advance(OUTBOX_GIVE_UP_AFTER_MS + 60_000);
    await vi.advanceTimersByTimeAsync(OUTBOX_PLATFORM_RECHECK_MS);
    await app.settle();
    expect(await rowOf('tg')).toMatchObject({ status: 'pending', attempts: 0 });

    telegram.status = { state: 'up' };
    await vi.advanceTimersByTimeAsync(OUTBOX_PLATFORM_RECHECK_MS);
    await app.settle();
    expect(telegram.texts()).toEqual(['tg']);
    expect(await rowOf('tg')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("releases a send cut off by a crash at the next start, so that chat's next message goes at once", async () => {
    const adapter = setup();
    for (const [key, word] of [
      ['cut', 'cut off'],
      ['next', 'next'],
    ] as const)
      await enqueue(
        app.database.db,
        { dedupeKey: key, target, payload: text(word) },
        app.clock.now(),
      );
    adapter.afterReceive = () => app.close();
    app.outbox.kick();
    await app.settle();

    // A restart right away: the claim's lease has not run out.
    app = app.restart();
    const again = new RecordingAdapter('slack');
    app.adapters.slack = again;
    expect((await rowOf('cut'))?.status).toBe('sending');
    expect(await app.outbox.releaseAbandonedClaims()).toBe(1);
    await app.outbox.deliverDue();
    expect(again.texts()).toEqual(['next']);
    expect(await rowOf('cut')).toMatchObject({ status: 'uncertain', payload: null });
  });

  it('wakes itself once, at the earliest retry; an earlier one replaces a later timer, and stop clears it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const adapter = setup();
    const other: Target = {
      kind: 'conversation',
      conversation: { platform: 'slack', workspace: 'T1', id: 'D2', kind: 'dm' },
    };
    adapter.failWith.push(
      new DeliveryError('delivery_rate_limited', '429', { retryAfterMs: 30_000 }),
    );
    await enqueue(
      app.database.db,
      { dedupeKey: 'late', target, payload: text('late') },
      app.clock.now(),
    );
    app.outbox.kick();
    await app.settle();
    expect(vi.getTimerCount()).toBe(1);
    adapter.failWith.push(
      new DeliveryError('delivery_rate_limited', '429', { retryAfterMs: 5_000 }),
    );
    await enqueue(
      app.database.db,
      { dedupeKey: 'soon', target: other, payload: text('soon') },
      app.clock.now(),
    );
    app.outbox.kick();
    await app.settle();
    expect(vi.getTimerCount()).toBe(1);

    app.clock.advance(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await app.settle();
    expect(adapter.texts()).toEqual(['soon']);
    // The remaining wait is timed again from here, and stop clears it.
    expect(vi.getTimerCount()).toBe(1);
    await app.outbox.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a second process starting mid-send (a rolling deploy) never brings the first one's message back: its late 502 is logged, the chat goes on", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
          done();
        },
      }),
    );
    app = createTestApp({ logger });
    const first = new RecordingAdapter('slack');
    app.adapters.slack = first;
    for (const [key, word] of [
      ['in-flight', 'in flight'],
      ['next', 'next'],
    ] as const)
      await enqueue(
        app.database.db,
        { dedupeKey: key, target, payload: text(word) },
        app.clock.now(),
      );
    // The first process hands the message to Slack; Slack has not answered yet.
    let answer: (() => void) | undefined;
    first.beforeSend = () =>
      new Promise((resolve) => {
        answer = resolve;
      });
    first.failWith.push(new DeliveryError('delivery_transient', '502'));
    app.outbox.kick();
    await until('the send to be in flight', () => answer);

    // The new process starts on the same file and releases what it takes for a dead claim.
    sibling = createTestApp({ dir: app.dir, clock: app.clock });
    const second = new RecordingAdapter('slack');
    sibling.adapters.slack = second;
    expect(await sibling.outbox.releaseAbandonedClaims()).toBe(1);
    expect(await rowOf('in-flight')).toMatchObject({ status: 'uncertain', payload: null });

    // Slack answers the first process with a 502 now: too late to count.
    first.beforeSend = undefined;
    answer?.();
    await app.settle();
    expect(await rowOf('in-flight')).toMatchObject({ status: 'uncertain', payload: null });
    expect(lines.find((l) => l.code === 'outbox_claim_lost')).toMatchObject({
      outcome: 'retried',
    });

    // Both keep working: the chat's next message goes once; the released one never fails
    // later as "no payload", and is not sent again.
    for (let i = 0; i < 3; i++) {
      app.clock.advance(60 * 60_000);
      await app.outbox.deliverDue();
      await sibling.outbox.deliverDue();
    }
    expect([...first.texts(), ...second.texts()]).toEqual(['next']);
    expect(await rowOf('in-flight')).toMatchObject({
      status: 'uncertain',
      lastError: 'process_died',
    });
  });
});
