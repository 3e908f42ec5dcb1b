import type { Config } from '../config';
import type { ChatAdapter } from '../core/adapter';
import { asTandemError } from '../core/errors';
import type { Platform } from '../core/refs';
import type { Db } from '../db/client';
import { dueTimers, finishTimer } from '../db/queries/timers';
import type { TimerRow } from '../db/schema';
import { EXPERIMENT_CHECK_TIMER, runExperimentCheck } from '../features/experiments/service';
import { GOAL_DEADLINE_TIMER, runGoalReminder } from '../features/goals/service';
import { expireProposal, PROPOSAL_EXPIRE_TIMER } from '../features/matching/service';
import { LEAVE_ERASE_TIMER, runLeaveErase } from '../features/opt-in/leave';
import { PAUSE_RESUME_TIMER, runPauseResume } from '../features/opt-in/pause';
import {
  MEETING_AFTER_TIMER,
  MEETING_REMIND_TIMER,
  runAfterMeeting,
  runReminder,
} from '../features/scheduling/service';
import type { Logger } from '../logger';
import type { TimerDeps, TimerHandler } from './types';

/** Every kind of timed row. A new kind won't compile until it has a handler below. */
export type TimerKind =
  | typeof PAUSE_RESUME_TIMER
  | typeof PROPOSAL_EXPIRE_TIMER
  | typeof MEETING_REMIND_TIMER
  | typeof MEETING_AFTER_TIMER
  | typeof GOAL_DEADLINE_TIMER
  | typeof EXPERIMENT_CHECK_TIMER
  | typeof LEAVE_ERASE_TIMER;

export const TIMER_HANDLERS: Record<TimerKind, TimerHandler> = {
  [PAUSE_RESUME_TIMER]: runPauseResume,
  [PROPOSAL_EXPIRE_TIMER]: (db, deps, timer, now) =>
    expireProposal(db, deps, Number(timer.payload.proposalId), now),
  [MEETING_REMIND_TIMER]: (db, deps, timer, now) => runReminder(db, deps, timer.payload, now),
  [MEETING_AFTER_TIMER]: (db, deps, timer, now) => runAfterMeeting(db, deps, timer.payload, now),
  [EXPERIMENT_CHECK_TIMER]: (db, deps, timer, now) =>
    runExperimentCheck(db, deps, timer.payload, now),
  [GOAL_DEADLINE_TIMER]: (db, deps, timer, now) => runGoalReminder(db, deps, timer.payload, now),
  [LEAVE_ERASE_TIMER]: runLeaveErase,
};

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
export function runDueTimers(
  deps: {
    db: Db;
    config: Config;
    logger: Logger;
    adapters?: Partial<Record<Platform, ChatAdapter>>;
  },
  now: Date,
): TimerReport {
  let after: ((db: Db) => void)[] = [];
  const handlerDeps: TimerDeps = {
    config: deps.config,
    adapters: deps.adapters ?? {},
    logger: deps.logger,
    afterCommit: (step) => after.push(step),
  };
  const report: TimerReport = { done: 0, failed: 0 };
  for (;;) {
    const rows = dueTimers(deps.db, now, TIMER_BATCH);
    for (const row of rows) {
      const handler = TIMER_HANDLERS[row.kind as TimerKind];
      after = [];
      try {
        deps.db.transaction(
          (tx) => {
            if (!handler) throw new Error(`no handler for timer kind ${row.kind}`);
            handler(tx, handlerDeps, row, now);
            finishTimer(tx, row.id, 'done', now);
          },
          { behavior: 'immediate' },
        );
        report.done += 1;
      } catch (error) {
        const e = asTandemError(error, 'handler_failed');
        const attempts = row.attempts + 1;
        const status = attempts >= TIMER_MAX_ATTEMPTS || !handler ? 'failed' : 'pending';
        finishTimer(deps.db, row.id, status, now, attempts);
        deps.logger.error(
          { code: e.code, timerId: row.id, kind: row.kind, attempts },
          'timer failed',
        );
        if (status === 'failed') report.failed += 1;
        continue;
      }
      runAfterCommit(deps.logger, row, after, deps.db);
    }
    if (rows.length < TIMER_BATCH) break;
  }
  return report;
}

/** The steps a committed handler asked for; one failing is logged and stops neither the rest nor the tick. */
function runAfterCommit(logger: Logger, row: TimerRow, steps: ((db: Db) => void)[], db: Db): void {
  for (const step of steps) {
    try {
      step(db);
    } catch (error) {
      const e = asTandemError(error, 'handler_failed');
      logger.error(
        { code: e.code, timerId: row.id, kind: row.kind },
        'timer after-commit step failed',
      );
    }
  }
}
