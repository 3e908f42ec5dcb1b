import type { z } from 'zod';
import type { Config } from '../config';
import type { ChatAdapter } from '../core/adapter';
import type { Clock } from '../core/clock';
import type { OutboxWorker } from '../core/outbox';
import type { Platform } from '../core/refs';
import type { Db, DbOrTx } from '../db/client';
import type { TimerRow } from '../db/schema';
import type { Logger } from '../logger';

/**
 * What a timer handler is given. Features implement handlers against these types and the
 * runner (jobs/timers.ts) imports the features: this module imports no feature, so the
 * dependency runs one way.
 */
export interface TimerDeps {
  config: Config;
  adapters: Partial<Record<Platform, ChatAdapter>>;
  logger: Logger;
  /**
   * Runs `step` once the handler's transaction has committed, outside any transaction: the
   * runner's one way to do work that cannot happen inside a transaction (a WAL checkpoint)
   * or must not happen unless the writes are durable. A step runs at most once: a crash
   * between the commit and the step skips it, so a handler that needs it done schedules its
   * own retry inside the transaction and lets the step cancel it. A step that throws is
   * logged; the timer stays done.
   */
  afterCommit(step: (db: Db) => void | Promise<void>): void;
}

/** Handlers run inside the transaction that claims the row: DB writes and outbox rows only. */
export type TimerHandler = (
  db: DbOrTx,
  deps: TimerDeps,
  timer: TimerRow,
  now: Date,
) => void | Promise<void>;

/**
 * A kind of timer as a feature declares it: `payload` parses the row's stored JSON before
 * `run` sees it. A payload that does not parse fails the timer at once (it would never
 * parse on a retry), with the code `timer_payload_invalid` and nothing changed.
 */
export interface TimerSpec<P = unknown> {
  payload: z.ZodType<P>;
  run(db: DbOrTx, deps: TimerDeps, payload: P, timer: TimerRow, now: Date): void | Promise<void>;
}

/** Declares a kind of timer; `run` sees the payload as `payload` parsed it. */
export function timer<P>(payload: z.ZodType<P>, run: TimerSpec<P>['run']): TimerSpec<P> {
  return { payload, run };
}

export interface JobDeps {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  outbox: OutboxWorker;
  adapters: Partial<Record<Platform, ChatAdapter>>;
  /** The inbound events' worker, when the process receives events. */
  inbox?: { kick(): void };
}

/**
 * A recurring job, as the engine (jobs/index.ts) or a feature's manifest declares it. `run`
 * is cron-free, so tests call it. A job whose schedule is undefined for this configuration
 * doesn't run.
 */
export interface JobSpec {
  schedule: (config: Config) => string | undefined;
  run: (deps: JobDeps, now: Date) => Promise<void>;
  /**
   * A job worth running late: if its last slot passed while the process was down, it runs
   * once at start (not once per missed slot), and after the console demo's `/time`.
   */
  catchUp?: true;
}

/** The engine's own jobs (jobs/index.ts): names no feature's job may take. */
export const ENGINE_JOB_NAMES = ['tick', 'prune'] as const;
export type EngineJobName = (typeof ENGINE_JOB_NAMES)[number];
