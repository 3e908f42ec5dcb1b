import { and, asc, eq, inArray, lt, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { type OutboxRow, outbox } from '../db/schema';
import type { Logger } from '../logger';
import type { ChatAdapter } from './adapter';
import type { Clock } from './clock';
import { asTandemError, DeliveryError } from './errors';
import type { Platform, Target } from './refs';
import type { OutgoingPayload } from './replies';

/** Attempts before a message is given up as failed. */
export const OUTBOX_MAX_ATTEMPTS = 8;
export const OUTBOX_BACKOFF_BASE_MS = 2_000;
export const OUTBOX_BACKOFF_MAX_MS = 10 * 60_000;
/** A row claimed longer ago than this belonged to a process that died mid-send. */
export const OUTBOX_CLAIM_LEASE_MS = 2 * 60_000;
export const OUTBOX_BATCH = 50;

export interface OutgoingMessage {
  /** Names the logical message: the same key is queued and sent at most once. */
  dedupeKey: string;
  target: Target;
  payload: OutgoingPayload;
  /** The addressee's internal id, so their queued messages go when they leave. */
  userId?: number | null;
  notBefore?: Date;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  uncertain: number;
}

/** Queues a message. Returns false when a message with this dedupe key already exists. */
export function enqueue(db: DbOrTx, message: OutgoingMessage, now: Date): boolean {
  const platform = targetPlatform(message.target);
  return (
    db
      .insert(outbox)
      .values({
        dedupeKey: message.dedupeKey,
        platform,
        target: message.target,
        payload: message.payload,
        userId: message.userId ?? null,
        nextAttemptAt: message.notBefore ?? now,
        createdAt: now,
      })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

export function targetPlatform(target: Target): Platform {
  return target.kind === 'user' ? target.user.platform : target.conversation.platform;
}

/** Exponential backoff with a cap; deterministic so tests can predict it. */
export function backoffMs(attempts: number): number {
  return Math.min(OUTBOX_BACKOFF_MAX_MS, OUTBOX_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers queued messages through the adapters. At most once per message: a row is
 * claimed (committed) before the network call, and a claim left by a crashed process is
 * marked `uncertain` rather than sent again — no platform lets us ask "did that arrive?".
 */
export class OutboxWorker {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #adapters: Partial<Record<Platform, ChatAdapter>>;
  #running: Promise<void> | undefined;
  #again = false;

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
          const e = asTandemError(error);
          this.#logger.error({ code: e.code, err: e.name }, 'outbox pass failed');
        }
      } while (this.#again);
      this.#running = undefined;
    })();
  }

  /** Resolves when no delivery pass is running (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** One pass: recover dead claims, claim what is due, send it in order. */
  async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, uncertain: 0 };
    report.uncertain = this.#recoverStaleClaims();
    for (;;) {
      const rows = this.#claim();
      if (rows.length === 0) break;
      const blocked = new Set<string>();
      for (const row of rows) {
        const key = JSON.stringify(row.target);
        if (blocked.has(key)) {
          // Keep a conversation's messages in order: wait behind the one that failed.
          this.#release(row);
          continue;
        }
        const outcome = await this.#deliver(row);
        report[outcome] += 1;
        if (outcome !== 'sent') blocked.add(key);
      }
      if (rows.length < OUTBOX_BATCH) break;
    }
    return report;
  }

  #recoverStaleClaims(): number {
    const cutoff = new Date(this.#clock.now().getTime() - OUTBOX_CLAIM_LEASE_MS);
    const stale = this.#db
      .update(outbox)
      .set({ status: 'uncertain', lastError: 'claim_expired' })
      .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, cutoff)))
      .returning({ id: outbox.id })
      .all();
    for (const row of stale) {
      this.#logger.warn(
        { outboxId: row.id },
        'message may or may not have been delivered; not resending',
      );
    }
    return stale.length;
  }

  #claim(): OutboxRow[] {
    const now = this.#clock.now();
    return this.#db.transaction(
      (tx) => {
        const due = tx
          .select()
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(OUTBOX_BATCH)
          .all();
        if (due.length === 0) return [];
        const ids = due.map((r) => r.id);
        for (const row of due) {
          tx.update(outbox)
            .set({ status: 'sending', claimedAt: now, attempts: row.attempts + 1 })
            .where(eq(outbox.id, row.id))
            .run();
        }
        return tx
          .select()
          .from(outbox)
          .where(inArray(outbox.id, ids))
          .orderBy(asc(outbox.id))
          .all();
      },
      { behavior: 'immediate' },
    );
  }

  #release(row: OutboxRow): void {
    this.#db
      .update(outbox)
      .set({ status: 'pending', attempts: row.attempts - 1, claimedAt: null })
      .where(eq(outbox.id, row.id))
      .run();
  }

  async #deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed'> {
    const log = this.#logger.child({ outboxId: row.id, platform: row.platform });
    try {
      await this.#send(row);
    } catch (error) {
      const e =
        error instanceof DeliveryError
          ? error
          : new DeliveryError('delivery_unknown', 'adapter failed', { cause: error });
      const now = this.#clock.now().getTime();
      const giveUp = e.code === 'delivery_permanent' || row.attempts >= OUTBOX_MAX_ATTEMPTS;
      if (giveUp) {
        this.#finish(row.id, { status: 'failed', lastError: e.code, payload: null });
        log.warn({ code: e.code, attempts: row.attempts }, 'message failed for good');
        return 'failed';
      }
      const wait = e.retryAfterMs ?? backoffMs(row.attempts);
      this.#finish(row.id, {
        status: 'pending',
        lastError: e.code,
        nextAttemptAt: new Date(now + wait),
        claimedAt: null,
      });
      log.info({ code: e.code, attempts: row.attempts, waitMs: wait }, 'message will be retried');
      return 'retried';
    }
    this.#finish(row.id, {
      status: 'sent',
      sentAt: this.#clock.now(),
      payload: null,
      lastError: null,
    });
    return 'sent';
  }

  async #send(row: OutboxRow): Promise<void> {
    const adapter = this.#adapters[row.platform];
    if (!adapter)
      throw new DeliveryError('delivery_transient', `no ${row.platform} adapter running`);
    const payload = row.payload;
    if (!payload) throw new DeliveryError('delivery_permanent', 'message has no payload');
    if (payload.kind === 'reply') {
      return adapter.send(row.target, payload.reply, payload.replaces ? { replaces: payload.replaces } : undefined);
    }
    if (!adapter.sendFile)
      throw new DeliveryError('delivery_permanent', 'adapter cannot send files');
    return adapter.sendFile(row.target, payload.file);
  }

  #finish(id: number, patch: Partial<OutboxRow>): void {
    this.#db.update(outbox).set(patch).where(eq(outbox.id, id)).run();
  }
}
