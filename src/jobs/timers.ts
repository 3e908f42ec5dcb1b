import type { Config } from '../config';
import type { ChatAdapter } from '../core/adapter';
import { asTandemError, TandemError } from '../core/errors';
import type { Platform } from '../core/refs';
import { yieldToLoop } from '../core/yield';
import type { Db } from '../db/client';
import { claimTimer, dueTimers, finishTimer } from '../db/queries/timers';
import type { TimerRow } from '../db/schema';
import { transact, write } from '../db/transact';
import { timers } from '../features/registry';
import type { Logger } from '../logger';
import type { TimerDeps, TimerHandler } from './types';

/** Every kind of timed row: each feature's manifest declares its kinds with their handlers. */
export type TimerKind = keyof typeof timers;

/**
 * A kind's handler as the runner calls it: the row's payload is parsed first, and a payload
 * that does not parse throws `timer_payload_invalid` before anything is written.
 */
export const TIMER_HANDLERS: Record<TimerKind, TimerHandler> = Object.fromEntries(
  Object.entries(timers).map(([kind, spec]) => [
    kind,
    async (db, deps, timer, now) => {
      const payload = spec.payload.safeParse(timer.payload);
      if (!payload.success) {
        throw new TandemError('timer_payload_invalid', `timer payload does not parse: ${kind}`);
      }
      await spec.run(db, deps, payload.data, timer, now);
    },
  ]),
) as Record<TimerKind, TimerHandler>;

export const TIMER_BATCH = 500;
export const TIMER_MAX_ATTEMPTS = 5;

export interface TimerReport {
  done: number;
  failed: number;
}

/**
 * Runs every timer row that is due. Claiming, the handler's writes (including its outbox
 * messages) and marking done commit together, so each timer acts exactly once — and rows
 * that fell due while the process was down are simply due now.
 */
export async function runDueTimers(
  deps: {
    db: Db;
    config: Config;
    logger: Logger;
    adapters?: Partial<Record<Platform, ChatAdapter>>;
  },
  now: Date,
): Promise<TimerReport> {
  let after: ((db: Db) => void | Promise<void>)[] = [];
  const handlerDeps: TimerDeps = {
    config: deps.config,
    adapters: deps.adapters ?? {},
    logger: deps.logger,
    afterCommit: (step) => after.push(step),
  };
  const report: TimerReport = { done: 0, failed: 0 };
  for (;;) {
    const rows = await dueTimers(deps.db, now, TIMER_BATCH);
    for (const [k, row] of rows.entries()) {
      // A batch is up to TIMER_BATCH rows: acks and answers get in between them.
      if (k > 0) await yieldToLoop();
      const handler = TIMER_HANDLERS[row.kind as TimerKind];
      after = [];
      try {
        const ran = await transact(deps.db, async (tx) => {
          if (!handler) throw new Error(`no handler for timer kind ${row.kind}`);
          // Claimed first, in the same transaction: ran elsewhere or cancelled meanwhile, it is left.
          if (!(await claimTimer(tx, row.id, now))) return false;
          await handler(tx, handlerDeps, row, now);
          return true;
        });
        if (!ran) continue;
        report.done += 1;
      } catch (error) {
        const e = asTandemError(error, 'handler_failed');
        const attempts = row.attempts + 1;
        // A payload that does not parse never will: no retries.
        const hopeless = !handler || e.code === 'timer_payload_invalid';
        const status = attempts >= TIMER_MAX_ATTEMPTS || hopeless ? 'failed' : 'pending';
        await write(deps.db, (db) => finishTimer(db, row.id, status, now, attempts));
        deps.logger.error(
          { code: e.code, timerId: row.id, kind: row.kind, attempts },
          'timer failed',
        );
        if (status === 'failed') report.failed += 1;
        continue;
      }
      await write(deps.db, (db) => runAfterCommit(deps.logger, row, after, db));
    }
    if (rows.length < TIMER_BATCH) break;
  }
  return report;
}

/** The steps a committed handler asked for; one failing is logged and stops neither the rest nor the tick. */
async function runAfterCommit(
  logger: Logger,
  row: TimerRow,
  steps: ((db: Db) => void | Promise<void>)[],
  db: Db,
): Promise<void> {
  for (const step of steps) {
    try {
      await step(db);
    } catch (error) {
      const e = asTandemError(error, 'handler_failed');
      logger.error(
        { code: e.code, timerId: row.id, kind: row.kind },
        'timer after-commit step failed',
      );
    }
  }
}
