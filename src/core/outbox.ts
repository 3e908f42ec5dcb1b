import { and, asc, eq, inArray, isNull, lt, lte, notExists, type SQL, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, DbOrTx } from '../db/client';
import { jsonHas, jsonStrings } from '../db/dialect';
import { first } from '../db/first';
import { perConnection } from '../db/prepared';
import { type OutboxRow, outbox, users } from '../db/schema';
import { write } from '../db/transact';
import { reportWriteFailure } from '../db/write-health';
import type { Logger } from '../logger';
import type { ChatAdapter } from './adapter';
import { type Backoff, backoffDelay } from './backoff';
import type { Clock } from './clock';
import { codeOf, DeliveryError, failureFields } from './errors';
import { type Platform, type Target, targetId } from './refs';
import type { OutgoingPayload, Receipt } from './replies';
import { yieldToLoop } from './yield';

/**
 * A message that still fails with a transient error (a 5xx, a timeout, a 429) this long after
 * it was queued is given up as failed. Counted by age, not attempts: with the backoff capped,
 * a platform outage of hours is ridden out, and a reply a day late is no longer worth sending.
 * Permanent errors and a recipient who is gone give up at once.
 */
export const OUTBOX_GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * A platform whose adapter is not registered yet, or whose connection is not up, costs its
 * chats no attempts: they are skipped, and looked at again this often.
 */
export const OUTBOX_PLATFORM_RECHECK_MS = 10_000;
/** A transient failure is retried after 2 s, doubling per failure, never more than 10 minutes apart. */
export const OUTBOX_BACKOFF: Backoff = { minMs: 2_000, maxMs: 10 * 60_000 };
/** A row claimed longer ago than this belonged to a process that died mid-send. */
export const OUTBOX_CLAIM_LEASE_MS = 2 * 60_000;
/**
 * How often a pass looks for such claims: a claim is stale only after minutes, so looking at
 * every pass (one write per message sent, on a busy day) buys nothing.
 */
export const OUTBOX_RECOVER_EVERY_MS = 10_000;
/** A pass waits for a busy chat's slot at most this long; later slots are left for the next pass. */
export const OUTBOX_MAX_PACING_WAIT_MS = 5_000;
/** Messages to different conversations in flight at once (one conversation: always one at a time). */
export const OUTBOX_CONCURRENCY = 8;
/** Conversation heads read per query; each is claimed (or skipped) on its own. */
export const OUTBOX_HEAD_BATCH = 32;
/** Waits this short (a platform's overall rate) are simply slept; longer ones serve others first. */
export const OUTBOX_SHORT_WAIT_MS = 100;
/** Delivered, failed and uncertain rows are kept this long (dedupe window), then deleted. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** The longest a wake-up timer is set for (setTimeout's own limit is about 24.8 days). */
export const OUTBOX_MAX_WAKE_MS = 24 * 60 * 60 * 1000;

export interface OutgoingMessage {
  /** Names the logical message: the same key is queued and sent at most once. */
  dedupeKey: string;
  target: Target;
  /** Its `receipt`, if any, is handed to the settled-listener once the message ends. */
  payload: OutgoingPayload;
  /** The addressee's internal id, so their queued messages go when they leave. */
  userId?: number | null;
  notBefore?: Date;
}

/** How a message ended, for whoever listens (the channel checks, a feature's receipt). */
export interface SettledMessage {
  /** The outbox row's id: unique, so follow-ups keyed by it are queued once per message. */
  id: number;
  target: Target;
  /**
   * `uncertain`: the send was under way when its process died (or its claim expired), so
   * whether the platform took it is not knowable — the listener says so rather than nothing.
   */
  outcome: 'sent' | 'failed' | 'uncertain';
  /** What the adapter threw, when it failed (its `cause` is the platform's own error). */
  error?: DeliveryError;
  receipt?: Receipt;
}

/**
 * Hears how posts to shared channels and messages with a receipt ended; resolves true when it
 * queued something, which then goes out in another pass.
 */
export type SettledListener = (message: SettledMessage) => Promise<boolean>;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  uncertain: number;
}

/**
 * A finished row's payload is dropped (it holds the text), except while its receipt is still
 * unanswered: the receipt lives in the payload, and the row is where it survives a crash
 * between the outcome's commit and the listener's own transaction (the failure listener first
 * asks the platform about the channel, up to seconds). The listener takes it with
 * takeReceipt() in the transaction that answers it; releaseAbandonedClaims() hands on, at the
 * next start, every receipt still on a finished row. No new column: a finished row with a
 * payload is a receipt waiting.
 */
const keepReceipt = (db: DbOrTx) =>
  sql`case when ${jsonHas(db, outbox.payload, 'receipt')} then ${outbox.payload} end`;

/**
 * Takes a finished message's receipt off its row, in the transaction that answers it. False
 * when it was taken already (a replay at start, or a second listener call): answer it once.
 */
export async function takeReceipt(db: DbOrTx, outboxId: number): Promise<boolean> {
  const taken = await db
    .update(outbox)
    .set({ payload: null })
    .where(
      and(
        eq(outbox.id, outboxId),
        inArray(outbox.status, ['sent', 'failed', 'uncertain']),
        jsonHas(db, outbox.payload, 'receipt'),
      ),
    )
    .returning({ id: outbox.id });
  return taken.length > 0;
}

/** Queues a message. Returns false when a message with this dedupe key already exists. */
export async function enqueue(db: DbOrTx, message: OutgoingMessage, now: Date): Promise<boolean> {
  const queued = await enqueueQuery(db).execute({
    dedupeKey: message.dedupeKey,
    platform: targetPlatform(message.target),
    targetKey: targetKey(message.target),
    target: message.target,
    payload: message.payload,
    userId: message.userId ?? null,
    nextAttemptAt: message.notBefore ?? now,
    createdAt: now,
  });
  return queued.length > 0;
}

/** enqueue's insert, prepared once per connection: every reply runs it inside its unit of work. */
const enqueueQuery = perConnection(prepareEnqueue);

function prepareEnqueue(db: DbOrTx) {
  return db
    .insert(outbox)
    .values({
      dedupeKey: sql.placeholder('dedupeKey'),
      platform: sql.placeholder('platform'),
      targetKey: sql.placeholder('targetKey'),
      target: sql.placeholder('target'),
      payload: sql.placeholder('payload'),
      userId: sql.placeholder('userId'),
      nextAttemptAt: sql.placeholder('nextAttemptAt'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id })
    .prepare();
}

export function targetPlatform(target: Target): Platform {
  return target.kind === 'user' ? target.user.platform : target.conversation.platform;
}

/**
 * The conversation a message lands in. A person's DM is keyed by the person (every adapter
 * names a DM conversation by its person), so "to Anna" and "in Anna's DM" queue together.
 */
export function targetKey(target: Target): string {
  if (target.kind === 'user') {
    const u = target.user;
    return `${u.platform}:${u.workspace}:dm:${u.id}`;
  }
  const c = target.conversation;
  return `${c.platform}:${c.workspace}:${c.kind === 'dm' ? 'dm' : 'group'}:${c.id}`;
}

/**
 * Delivers queued messages through the adapters, in order per conversation and at most
 * once: a row is claimed (committed) right before its network call, and a claim left by a
 * crashed process is marked `uncertain` rather than sent again — no platform lets us ask
 * "did that arrive?". Only the oldest unsent message of a conversation is ever due, so a
 * message waiting out a retry holds back the ones queued after it — which is why the worker
 * wakes itself when the earliest wait ends, rather than at the next minute's tick.
 */
export class OutboxWorker {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #adapters: Partial<Record<Platform, ChatAdapter>>;
  readonly #headQuery;
  readonly #claimQuery;
  readonly #sentQuery;
  readonly #wakeQuery;
  readonly #unreachableQuery;
  #running: Promise<void> | undefined;
  #again = false;
  #stopping = false;
  /** The one wake-up timer, and when (epoch ms of the real clock) it fires. */
  #wake: { timer: NodeJS.Timeout; at: number } | undefined;
  /** Milliseconds from the end of the last pass until something in it can go again. */
  #nextIn: number | undefined;
  #onSettled: SettledListener | undefined;
  /** Listeners still running; drain() waits for them and for what they queue. */
  readonly #followUps = new Set<Promise<void>>();
  /** Whether this process sends now: always alone; one replica at a time on PostgreSQL. */
  #sending: () => boolean = () => true;
  /** When this worker last looked for stale claims (clock ms). */
  #recoveredAt: number | undefined;

  constructor(deps: {
    db: Db;
    clock: Clock;
    logger: Logger;
    adapters: Partial<Record<Platform, ChatAdapter>>;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#logger = deps.logger.child({ component: 'outbox' });
    this.#adapters = deps.adapters;
    // Only the first unfinished message of a conversation can be due. Asked per candidate
    // (two probes of the conversation index), not as a grouping over every unfinished row:
    // that grew with the queue and was most of a busy pass's cost.
    const earlier = alias(outbox, 'earlier');
    const isHead = notExists(
      this.#db
        .select({ one: sql`1` })
        .from(earlier)
        .where(
          and(
            eq(earlier.targetKey, outbox.targetKey),
            inArray(earlier.status, ['pending', 'sending']),
            lt(earlier.id, outbox.id),
          ),
        ),
    );
    // Prepared once: these run for every message, and building them was most of a send's cost.
    this.#headQuery = this.#db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, sql.placeholder('now')),
          sql`${outbox.targetKey} not in ${jsonStrings(this.#db, sql.placeholder('skip'))}`,
          isHead,
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(sql.placeholder('limit'))
      .prepare();
    this.#claimQuery = this.#db
      .update(outbox)
      .set({
        status: 'sending',
        claimedAt: sql`${sql.placeholder('now')}`,
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.status, 'pending')))
      .returning()
      .prepare();
    this.#sentQuery = this.#db
      .update(outbox)
      .set({
        status: 'sent',
        sentAt: sql`${sql.placeholder('now')}`,
        // The row in hand says whether a receipt rides on it: cheaper than SQLite parsing the
        // payload's JSON again for every message sent.
        payload: sql`case when ${sql.placeholder('keep')} then ${outbox.payload} end`,
        lastError: null,
      })
      .where(
        and(
          eq(outbox.id, sql.placeholder('id')),
          eq(outbox.status, 'sending'),
          eq(outbox.claimedAt, sql.placeholder('claimedAt')),
          eq(outbox.attempts, sql.placeholder('attempts')),
        ),
      )
      .returning({ id: outbox.id })
      .prepare();
    // The earliest time a conversation's first waiting message falls due (a retry, a notBefore).
    this.#wakeQuery = this.#db
      .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})`.mapWith(Number) })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), isHead))
      .prepare();
    this.#unreachableQuery = this.#db
      .select({ at: users.unreachableAt })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare();
  }

  /**
   * Called once when the process starts, before the first pass: every row still marked
   * `sending` is taken for a claim of a process that is gone, so waiting out the claim's lease
   * would only hold back that person's later replies — for days, in the console demo after
   * `/time +2d`. Whether the message arrived is not knowable: it was handed to the platform
   * and the answer was lost. Sending it again could say it twice; marking it `uncertain` may
   * leave one message unsaid and is logged. We keep "never duplicated" and release the
   * conversation at once.
   *
   * The trade-off, until issue 16 brings real leases: during a rolling deploy the old process
   * may still be alive and mid-send. Its in-flight message then becomes `uncertain` too
   * (whatever the platform answers it, the old process records nothing: every outcome update
   * is conditional on its claim, so a late 429/5xx cannot put the row back), and that chat's
   * next message may be sent by the new process before the old one's arrives.
   */
  async releaseAbandonedClaims(): Promise<number> {
    const released = await this.#markUncertain(eq(outbox.status, 'sending'), 'process_died');
    await this.#replayReceipts();
    return released.length;
  }

  /**
   * Hands the listener every receipt still on a finished row: the ones just marked uncertain,
   * and any whose outcome was committed by a process that died before answering it. Needs the
   * listener set (createApp does, before main calls releaseAbandonedClaims).
   */
  async #replayReceipts(): Promise<void> {
    const rows = await this.#db
      .select()
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ['sent', 'failed', 'uncertain']),
          jsonHas(this.#db, outbox.payload, 'receipt'),
        ),
      )
      .orderBy(asc(outbox.id));
    for (const row of rows) {
      const outcome = row.status === 'sent' || row.status === 'failed' ? row.status : 'uncertain';
      this.#settled(row, outcome);
    }
  }

  /**
   * Several replicas: passes send only while `sending()` says so (src/sending-turn.ts), so
   * that the platforms' pace and each chat's order are one sender's to keep.
   */
  sendOnlyWhen(sending: () => boolean): void {
    this.#sending = sending;
  }

  /** Starts a delivery pass soon; calls while one runs are folded into one more pass. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await this.deliverDue();
        } catch (error) {
          // A full disk or an I/O error shows on /healthz at once.
          reportWriteFailure(this.#db, error);
          this.#logger.error({ code: codeOf(error) }, 'outbox pass failed');
        }
      } while (this.#again);
      this.#running = undefined;
      this.#scheduleWake();
    })();
  }

  /** Resolves when no delivery pass and no settled-listener is running (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.#running || this.#followUps.size > 0)
      await Promise.all([this.#running, ...this.#followUps]);
  }

  /** Sets the one listener told how a channel post or a message with a receipt ended. */
  onSettled(listener: SettledListener): void {
    this.#onSettled = listener;
  }

  /**
   * Tells the listener, beside the pass rather than in it (it may ask the platform something),
   * and delivers whatever it queued. Its failure is logged, never the pass's.
   */
  #settled(row: OutboxRow, outcome: SettledMessage['outcome'], error?: DeliveryError): void {
    const listener = this.#onSettled;
    const receipt = row.payload?.receipt;
    // A post that may or may not have arrived says nothing about its channel.
    const toChannel =
      outcome !== 'uncertain' &&
      row.target.kind === 'conversation' &&
      row.target.conversation.kind === 'group';
    if (!listener || (!toChannel && !receipt)) return;
    const message: SettledMessage = {
      id: row.id,
      target: row.target,
      outcome,
      ...(error ? { error } : {}),
      ...(receipt ? { receipt } : {}),
    };
    const followUp: Promise<void> = listener(message)
      .then(
        (queued) => {
          if (queued && !this.#stopping) this.kick();
        },
        (failure: unknown) => {
          this.#logger.error({ outboxId: row.id, code: codeOf(failure) }, 'follow-up failed');
        },
      )
      .finally(() => this.#followUps.delete(followUp));
    this.#followUps.add(followUp);
  }

  /** Stops after the message being sent now; what is still queued stays queued for the next start. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#clearWake();
    await this.drain();
  }

  /**
   * After a pass in which some message must wait (a 429's retry_after, a backoff, a chat's
   * rate-limit slot, a notBefore), one timer kicks a pass when the earliest wait ends. An
   * earlier wait replaces a later timer; the minute tick remains the safety net. Unref'd, so
   * it never keeps the process alive.
   */
  #scheduleWake(): void {
    const inMs = this.#nextIn;
    this.#nextIn = undefined;
    if (this.#stopping || inMs === undefined) return;
    const at = Date.now() + Math.min(Math.max(0, inMs), OUTBOX_MAX_WAKE_MS);
    if (this.#wake && this.#wake.at <= at) return;
    this.#clearWake();
    const timer = setTimeout(() => {
      this.#wake = undefined;
      this.kick();
    }, at - Date.now());
    timer.unref();
    this.#wake = { timer, at };
  }

  #clearWake(): void {
    if (this.#wake) clearTimeout(this.#wake.timer);
    this.#wake = undefined;
  }

  /**
   * One pass: recover dead claims, then send due messages one claim at a time. A chat the
   * platform wants us to wait for is skipped while others are served; the pass sleeps only
   * when every remaining chat is waiting, and not for long.
   */
  async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, uncertain: 0 };
    this.#nextIn = undefined;
    if (!this.#sending()) return report;
    // Bookkeeping waits its turn with the units of work: never inside one that is open.
    const now = this.#clock.now().getTime();
    if (this.#recoveredAt === undefined || now - this.#recoveredAt >= OUTBOX_RECOVER_EVERY_MS) {
      report.uncertain = await write(this.#db, () => this.#recoverStaleClaims());
      this.#recoveredAt = now;
    }
    // Conversations that failed in this pass wait for a later one.
    const held: string[] = [];
    // Conversations on a platform that cannot take messages now (see OUTBOX_PLATFORM_RECHECK_MS).
    const parked: string[] = [];
    // Each platform's readiness, asked once per pass.
    const ready = new Map<Platform, boolean>();
    // Conversations waiting for a rate-limit slot, and when it frees.
    const pacing = new Map<string, number>();
    // Different conversations are sent to concurrently; one conversation never is (only
    // the oldest unsent message of a conversation can be claimed).
    const inFlight = new Set<Promise<void>>();
    // Heads of different conversations, read a few at a time (one read per message was most
    // of the cost of a busy pass).
    let heads: OutboxRow[] = [];
    // Sends finished in this pass, and how many had when the heads were last read: one that
    // finishes while they are read (PostgreSQL reads yield) frees its chat's next message,
    // which that read could not see yet.
    let finished = 0;
    let finishedAtRead = 0;
    let failure: unknown;
    // A replica that stops leading mid-pass claims nothing more (see sendOnlyWhen).
    while (!this.#stopping && !failure && this.#sending()) {
      if (inFlight.size >= OUTBOX_CONCURRENCY) {
        await Promise.race(inFlight);
        continue;
      }
      if (!heads.length) {
        const now = Date.now();
        for (const [key, at] of pacing) if (at <= now) pacing.delete(key);
        finishedAtRead = finished;
        heads = await this.#nextHeads([...held, ...parked, ...pacing.keys()]);
      }
      const head = heads.shift();
      // Fetched a moment ago: its chat may have failed or started waiting since.
      if (
        head &&
        (held.includes(head.targetKey) ||
          parked.includes(head.targetKey) ||
          pacing.has(head.targetKey))
      )
        continue;
      if (!head) {
        if (finished !== finishedAtRead) continue;
        const wake = Math.min(...pacing.values());
        const far = !Number.isFinite(wake) || wake - Date.now() > OUTBOX_MAX_PACING_WAIT_MS;
        if (far && inFlight.size === 0) break;
        // Wake for whichever comes first: a send finishing or a waiting chat's slot.
        let timer: NodeJS.Timeout | undefined;
        const slot = far
          ? undefined
          : new Promise((resolve) => {
              timer = setTimeout(resolve, Math.max(0, wake - Date.now()));
            });
        await Promise.race([...inFlight, ...(slot ? [slot] : [])]);
        clearTimeout(timer);
        continue;
      }
      if (!ready.has(head.platform)) ready.set(head.platform, this.#platformReady(head.platform));
      if (!ready.get(head.platform)) {
        parked.push(head.targetKey);
        continue;
      }
      // Asked before claiming, so a chat that must wait costs a read, not a write.
      const wait = this.#adapters[head.platform]?.readyIn?.(head.target) ?? 0;
      if (wait > OUTBOX_SHORT_WAIT_MS) {
        pacing.set(head.targetKey, Date.now() + wait);
        continue;
      }
      // A moment's wait (the overall rate) is cheaper to sleep than to go round everyone, and
      // sleeping here keeps requests leaving in slot order.
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const row = await write(this.#db, () => this.#claim(head));
      if (!row) continue;
      const sending: Promise<void> = this.#deliver(row)
        .then(
          (outcome) => {
            report[outcome] += 1;
            if (outcome !== 'sent') held.push(row.targetKey);
          },
          // The database itself failed (a crash, a full disk): stop the pass, report it once.
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => {
          inFlight.delete(sending);
          finished += 1;
        });
      inFlight.add(sending);
      if (failure) break;
      // Starting a send costs a rendering and an HTTP request's setup: let waiting acks and
      // answers in between, so a burst of replies never holds the loop for many sends at once.
      await yieldToLoop();
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    await this.#noteNextWake(pacing, parked.length > 0);
    return report;
  }

  /**
   * Whether a platform can take messages now: its adapter is registered and its connection
   * (where it has one) is up. `connecting` is not up: a send would fail and cost an attempt.
   */
  #platformReady(platform: Platform): boolean {
    const adapter = this.#adapters[platform];
    if (!adapter) return false;
    const connection = adapter.connection?.();
    return !connection || connection.state === 'up';
  }

  /** When this pass ends, how long until the earliest waiting message can go. */
  async #noteNextWake(pacing: Map<string, number>, parked: boolean): Promise<void> {
    const waits: number[] = [...pacing.values()].map((at) => at - Date.now());
    if (parked) waits.push(OUTBOX_PLATFORM_RECHECK_MS);
    const due = (await first(this.#wakeQuery.execute()))?.at;
    if (due !== null && due !== undefined) {
      const inMs = due - this.#clock.now().getTime();
      // A head due already was left for pacing (counted above) or by a stop: not a wake.
      if (inMs > 0) waits.push(inMs);
    }
    // The last pass's view is the current one: what earlier passes waited for has moved on.
    this.#nextIn = waits.length ? Math.min(...waits) : undefined;
  }

  /** Deletes finished rows past the dedupe window (they hold addresses, and nothing else needs them). */
  async prune(now: Date): Promise<number> {
    const pruned = await this.#db
      .delete(outbox)
      .where(
        and(
          inArray(outbox.status, ['sent', 'failed', 'uncertain']),
          lt(outbox.createdAt, new Date(now.getTime() - OUTBOX_RETENTION_MS)),
        ),
      )
      .returning({ id: outbox.id });
    return pruned.length;
  }

  async #recoverStaleClaims(): Promise<number> {
    const cutoff = new Date(this.#clock.now().getTime() - OUTBOX_CLAIM_LEASE_MS);
    const rows = await this.#markUncertain(
      and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, cutoff)),
      'claim_expired',
    );
    for (const row of rows) this.#settled(row, 'uncertain');
    return rows.length;
  }

  /**
   * Claims whose send may or may not have reached the platform: never sent again (no platform
   * lets us ask "did that arrive?"), logged, and out of their conversation's way. A receipt
   * stays on its row (one statement, so it is never lost) for the listener to answer: whoever
   * waits for that post hears it may not be there. A send whose outcome arrives after this
   * (#claimLost) records nothing: its receipt was answered from here.
   */
  async #markUncertain(
    where: SQL | undefined,
    reason: 'process_died' | 'claim_expired',
  ): Promise<OutboxRow[]> {
    const rows = await this.#db
      .update(outbox)
      .set({ status: 'uncertain', lastError: reason, payload: keepReceipt(this.#db) })
      .where(where)
      .returning();
    for (const row of rows) {
      this.#logger.warn(
        { outboxId: row.id, platform: row.platform, target: targetId(row.target), code: reason },
        'message may or may not have been delivered; not resending',
      );
    }
    return rows;
  }

  /** The oldest due messages that head their conversations' queues, outside the skipped ones. */
  #nextHeads(skip: string[]): Promise<OutboxRow[]> {
    return this.#headQuery.execute({
      now: this.#clock.now().getTime(),
      skip: JSON.stringify(skip),
      limit: OUTBOX_HEAD_BATCH,
    });
  }

  /** Marks a head as being sent, right before the network call; undefined if it moved on. */
  #claim(head: OutboxRow): Promise<OutboxRow | undefined> {
    return first(this.#claimQuery.execute({ id: head.id, now: this.#clock.now().getTime() }));
  }

  async #deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed' | 'uncertain'> {
    const log = this.#logger.child({ outboxId: row.id, platform: row.platform });
    const unreachable = row.userId !== null && (await this.#unreachable(row.userId));
    let sent = false;
    let failure: unknown;
    if (!unreachable) {
      try {
        await this.#send(row);
        sent = true;
      } catch (error) {
        failure = error;
      }
    }
    // The outcome is written in turn with the units of work: never inside one that is open.
    return write(this.#db, () => this.#record(row, log, unreachable, sent, failure));
  }

  /** Writes how a claimed send ended: unreachable (not sent), sent, or failed with `failure`. */
  async #record(
    row: OutboxRow,
    log: Logger,
    unreachable: boolean,
    sent: boolean,
    failure: unknown,
  ): Promise<'sent' | 'retried' | 'failed' | 'uncertain'> {
    if (unreachable) {
      // They blocked the bot: don't knock again until they write to us.
      const patch = {
        status: 'failed',
        lastError: 'recipient_unreachable',
        payload: keepReceipt(this.#db),
      } as const;
      const outcome = await this.#finish(row, patch, 'failed', log);
      if (outcome === 'failed') {
        log.info(
          { code: 'recipient_unreachable', target: targetId(row.target) },
          'message not sent: the recipient cannot be reached',
        );
        this.#settled(row, 'failed');
      }
      return outcome;
    }
    if (!sent) {
      const error = failure;
      const e =
        error instanceof DeliveryError
          ? error
          : new DeliveryError('delivery_unknown', 'adapter failed', { cause: error });
      const now = this.#clock.now().getTime();
      // Only a DM that bounces says the person is gone; a group bouncing says the bot is.
      const toPerson = row.target.kind === 'user' || row.target.conversation.kind === 'dm';
      if (e.code === 'delivery_recipient_gone' && row.userId !== null && toPerson) {
        await this.#db
          .update(users)
          .set({ unreachableAt: this.#clock.now() })
          .where(eq(users.id, row.userId));
      }
      const ageMs = now - row.createdAt.getTime();
      const giveUp =
        e.code === 'delivery_permanent' ||
        e.code === 'delivery_recipient_gone' ||
        ageMs >= OUTBOX_GIVE_UP_AFTER_MS;
      if (giveUp) {
        const patch = {
          status: 'failed',
          lastError: e.code,
          payload: keepReceipt(this.#db),
        } as const;
        const outcome = await this.#finish(row, patch, 'failed', log);
        if (outcome === 'failed') {
          log.warn(
            { ...deliveryFailure(e, row), attempts: row.attempts, ageMs },
            'message failed for good',
          );
          this.#settled(row, 'failed', e);
        }
        return outcome;
      }
      const wait = e.retryAfterMs ?? backoffDelay(row.attempts, OUTBOX_BACKOFF);
      const patch = {
        status: 'pending',
        lastError: e.code,
        nextAttemptAt: new Date(now + wait),
        claimedAt: null,
      } as const;
      const outcome = await this.#finish(row, patch, 'retried', log);
      if (outcome === 'retried')
        log.info(
          { ...deliveryFailure(e, row), attempts: row.attempts, waitMs: wait },
          'message will be retried',
        );
      return outcome;
    }
    const done = await this.#sentQuery.execute({
      id: row.id,
      now: this.#clock.now().getTime(),
      claimedAt: row.claimedAt?.getTime() ?? null,
      attempts: row.attempts,
      keep: row.payload?.receipt ? 1 : 0,
    });
    if (done.length === 0) return this.#claimLost('sent', log);
    this.#settled(row, 'sent');
    return 'sent';
  }

  async #send(row: OutboxRow): Promise<void> {
    const adapter = this.#adapters[row.platform];
    if (!adapter)
      throw new DeliveryError('delivery_transient', `no ${row.platform} adapter running`);
    const payload = row.payload;
    if (!payload) throw new DeliveryError('delivery_permanent', 'message has no payload');
    if (payload.kind === 'reply') {
      return adapter.send(row.target, payload.reply, {
        ...(payload.replaces ? { replaces: payload.replaces } : {}),
        ...(payload.locale ? { locale: payload.locale } : {}),
      });
    }
    if (!adapter.sendFile)
      throw new DeliveryError('delivery_permanent', 'adapter cannot send files');
    return adapter.sendFile(
      row.target,
      payload.file,
      payload.locale ? { locale: payload.locale } : undefined,
    );
  }

  async #unreachable(userId: number): Promise<boolean> {
    return Boolean((await first(this.#unreachableQuery.execute({ id: userId })))?.at);
  }

  /**
   * Records a send's outcome, but only while the row is still this claim: `sending`, claimed
   * at the same moment, on the same attempt. Otherwise another process released it meanwhile
   * (see releaseAbandonedClaims) and its `uncertain` stands.
   */
  async #finish<O extends 'retried' | 'failed'>(
    row: OutboxRow,
    patch: SQLiteUpdateSetSource<typeof outbox>,
    outcome: O,
    log: Logger,
  ): Promise<O | 'uncertain'> {
    const claimedAt = row.claimedAt;
    const changed = await this.#db
      .update(outbox)
      .set(patch)
      .where(
        and(
          eq(outbox.id, row.id),
          eq(outbox.status, 'sending'),
          claimedAt ? eq(outbox.claimedAt, claimedAt) : isNull(outbox.claimedAt),
          eq(outbox.attempts, row.attempts),
        ),
      )
      .returning({ id: outbox.id });
    return changed.length > 0 ? outcome : this.#claimLost(outcome, log);
  }

  /** A send's outcome arrived after the row was released: logged, never written. */
  #claimLost(outcome: 'sent' | 'retried' | 'failed', log: Logger): 'uncertain' {
    log.warn(
      { code: 'outbox_claim_lost', outcome },
      'message was released while being sent (a new process started, or its claim expired); its outcome is not recorded',
    );
    return 'uncertain';
  }
}

/**
 * A failed send's log fields: the code, and the platform method, target id and platform error
 * the adapter named (not_in_channel, bot_blocked); the row's own target when it named none.
 */
function deliveryFailure(error: DeliveryError, row: OutboxRow) {
  const fields = failureFields(error);
  return { ...fields, target: fields.target ?? targetId(row.target) };
}
