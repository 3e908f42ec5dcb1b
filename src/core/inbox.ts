import type { Db } from '../db/client';
import { onPostgres } from '../db/dialect';
import { inboxApart, inboxOf } from '../db/inbox-file';
import { wasHandled } from '../db/queries/handled';
import {
  claimInbox,
  claimNextInbox,
  finishInbox,
  nextInbox,
  nextInboxDue,
  pendingInbox,
  retryInbox,
} from '../db/queries/inbox';
import type { InboxRow } from '../db/schema';
import { write } from '../db/transact';
import type { Logger } from '../logger';
import type { HandleResult } from './adapter';
import { type Backoff, backoffDelay } from './backoff';
import type { Clock } from './clock';
import { asTandemError, failureFields } from './errors';
import { yieldToLoop } from './yield';

/** Attempts an event gets before the person hears "that did not work" and it is kept for an operator. */
export const INBOX_MAX_ATTEMPTS = 3;
/**
 * How long a claimed event is held by the process running it. A unit takes milliseconds; if
 * the process dies mid-unit, the event runs again once this has passed.
 */
export const INBOX_LEASE_MS = 30_000;
/** 1 s, then 2 s: a blip (a busy database) passes, and the person is not kept waiting long. */
export const INBOX_BACKOFF: Backoff = { minMs: 1_000, maxMs: 30_000 };

/** What one unit of work ran into: the handler threw, or the row could not even be read. */
export type UnitFailure = { error: unknown };

export interface InboxDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /**
   * Runs one event as one unit of work: its changes, the messages it queues and the row
   * marked done commit together, or it throws and nothing of it stays. Effects that cannot
   * sit in a transaction (opening a modal) run after the commit, inside this call.
   */
  runUnit(row: InboxRow): Promise<HandleResult>;
  /** The last attempt failed: tell the person (the generic error reply). */
  gaveUp(row: InboxRow): Promise<void>;
}

interface Waiter {
  resolve(result: HandleResult): void;
}

/**
 * The worker behind the inbox: takes stored events one at a time — interactive ones first,
 * each conversation's in order — and runs each as a unit of work, retrying a failed one with
 * backoff. It yields to the event loop between units, so acks (which only insert a row) are
 * never stuck behind a queue of handlers.
 *
 * The claim — attempts + 1 — commits before the unit starts: an event that kills the process
 * is counted too, and after INBOX_MAX_ATTEMPTS it is given up rather than run forever.
 */
export class InboxWorker {
  readonly #deps: InboxDeps;
  readonly #waiters = new Map<number, Waiter[]>();
  #onSettled: ((id: number, result: HandleResult) => void) | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #wake: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(deps: InboxDeps) {
    this.#deps = deps;
  }

  /** Resolves once the event stored as row `id` has run (or failed for the first time). */
  waitFor(id: number): Promise<HandleResult> {
    return new Promise((resolve) => {
      const list = this.#waiters.get(id) ?? [];
      list.push({ resolve });
      this.#waiters.set(id, list);
    });
  }

  /**
   * Told of every row that has run (or failed for the first time): how another thread, which
   * accepted the event, learns its outcome (a modal's errors ride in Slack's ack).
   */
  onSettled(listener: (id: number, result: HandleResult) => void): void {
    this.#onSettled = listener;
  }

  /** Starts a pass soon (or another after the one running). Never throws. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#pass())
      .catch((error: unknown) => {
        this.#deps.logger.error({ code: asTandemError(error).code }, 'inbox pass failed');
      })
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        } else void this.#scheduleWake();
      });
  }

  /** Runs everything due now, then resolves (tests, shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      // Stopped, it takes nothing more: what is left waits for the next start.
      if (this.#stopped) return;
      if (this.#running) {
        await this.#running;
        continue;
      }
      if (!(await nextInbox(inboxOf(this.#deps.db), this.#deps.clock.now()))) return;
      this.kick();
    }
  }

  /** Events still waiting (for /healthz and the benchmark). */
  pending(): Promise<number> {
    return pendingInbox(inboxOf(this.#deps.db));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#wake) clearTimeout(this.#wake);
    await this.#running;
  }

  async #pass(): Promise<void> {
    const { db, clock } = this.#deps;
    for (;;) {
      if (this.#stopped) return;
      const now = clock.now();
      const inbox = inboxOf(db);
      if (onPostgres(inbox)) {
        // Picked and claimed in one statement, beside the other replicas (see claimNextInbox).
        const claimed = await claimNextInbox(inbox, now, new Date(now.getTime() + INBOX_LEASE_MS));
        if (!claimed) return;
        await this.#run(claimed.row, claimed.attempts);
      } else {
        const row = await nextInbox(inbox, now);
        if (!row) return;
        await this.#run(row);
      }
      // Between units the event loop takes what came in (an ack is one insert), so a queue
      // of handlers never stands between a request and its answer.
      await yieldToLoop();
    }
  }

  /** Runs `row`, claiming it first unless it was claimed with `claimedAttempts` already. */
  async #run(row: InboxRow, claimedAttempts?: number): Promise<void> {
    const { db, clock, logger } = this.#deps;
    if (row.attempts >= INBOX_MAX_ATTEMPTS) {
      // Its attempts were counted but never finished: it took the process down each time.
      // Run again, it would again — and every event behind it would wait for ever.
      logger.error(
        { code: 'handler_failed', inboxId: row.id, attempts: row.attempts, gaveUp: true },
        'event failed',
      );
      await this.#giveUp(row, clock.now());
      this.#settle(row.id, {});
      return;
    }
    // Counted before it runs, and held for a lease: an event that takes the process down is
    // counted as well, and no other process runs it meanwhile.
    const now = clock.now();
    const inbox = inboxOf(db);
    const attempts =
      claimedAttempts ??
      (await write(inbox, (inbox) =>
        claimInbox(inbox, row.id, now, new Date(now.getTime() + INBOX_LEASE_MS)),
      ));
    if (attempts === undefined) return;
    // Its unit committed, but the process stopped before the row was marked done in the
    // inbox's own file (src/db/inbox-file.ts): done now, not run again.
    if (inboxApart(db) && (await wasHandled(db, row.key))) {
      await write(inbox, (inbox) => finishInbox(inbox, row.id, clock.now()));
      this.#settle(row.id, {});
      return;
    }
    let result: HandleResult = {};
    try {
      result = await this.#deps.runUnit({ ...row, attempts });
    } catch (failure) {
      const error = (failure as UnitFailure | undefined)?.error ?? failure;
      const e = asTandemError(error, 'handler_failed');
      const last = attempts >= INBOX_MAX_ATTEMPTS;
      const cause = e.cause instanceof Error ? e.cause : e;
      logger.error(
        {
          ...failureFields(e),
          err: cause.name,
          stack: cause.stack?.split('\n').slice(1, 6).join('\n'),
          inboxId: row.id,
          attempts,
          ...(last ? { gaveUp: true } : {}),
        },
        'event failed',
      );
      const failedAt = clock.now();
      if (last) await this.#giveUp({ ...row, attempts }, failedAt);
      else {
        try {
          await write(inbox, (inbox) =>
            retryInbox(
              inbox,
              row.id,
              attempts,
              new Date(failedAt.getTime() + backoffDelay(attempts, INBOX_BACKOFF)),
              false,
            ),
          );
        } catch (bookkeeping) {
          logger.error({ code: asTandemError(bookkeeping).code }, 'inbox bookkeeping failed');
        }
      }
    }
    this.#settle(row.id, result);
  }

  /** The last attempt is over: kept as failed for an operator, and the person hears it. */
  async #giveUp(row: InboxRow, now: Date): Promise<void> {
    try {
      // The person hears it before the row is kept: stopped in between, they hear it again
      // at the next start rather than never.
      await write(this.#deps.db, () => this.#deps.gaveUp(row));
      await write(inboxOf(this.#deps.db), (inbox) =>
        retryInbox(inbox, row.id, row.attempts, now, true),
      );
    } catch (error) {
      this.#deps.logger.error({ code: asTandemError(error).code }, 'inbox bookkeeping failed');
    }
  }

  #settle(id: number, result: HandleResult): void {
    const waiters = this.#waiters.get(id);
    this.#waiters.delete(id);
    for (const w of waiters ?? []) w.resolve(result);
    this.#onSettled?.(id, result);
  }

  /** One timer for the earliest retry still backing off. Never throws. */
  async #scheduleWake(): Promise<void> {
    if (this.#stopped) return;
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = undefined;
    let due: Date | undefined;
    try {
      due = await nextInboxDue(inboxOf(this.#deps.db), this.#deps.clock.now());
    } catch (error) {
      // The next event's kick, or the minute tick, looks again.
      this.#deps.logger.warn({ code: asTandemError(error).code }, 'inbox wake not set');
      return;
    }
    // Another wake may have been set while the query was awaited: one timer is enough.
    if (this.#wake) clearTimeout(this.#wake);
    if (!due || this.#stopped) return;
    const wait = due.getTime() - this.#deps.clock.now().getTime();
    if (wait <= 0) return;
    this.#wake = setTimeout(() => {
      this.#wake = undefined;
      this.kick();
    }, wait);
    this.#wake.unref?.();
  }
}
