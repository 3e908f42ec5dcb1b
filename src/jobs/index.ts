import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config';
import type { ChatAdapter } from '../core/adapter';
import type { Clock } from '../core/clock';
import type { OutboxWorker } from '../core/outbox';
import type { Platform } from '../core/refs';
import type { Db } from '../db/client';
import { pruneInboundEvents } from '../db/queries/inbound-events';
import { runScheduledRound } from '../features/matching/scheduled';
import { runNudges } from '../features/scheduling/nudges';
import type { Logger } from '../logger';
import { runDueTimers } from './timers';

export interface JobDeps {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  outbox: OutboxWorker;
  adapters: Partial<Record<Platform, ChatAdapter>>;
}

/** How long processed event ids are kept for deduplication. */
export const INBOUND_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type JobName = 'tick' | 'prune' | 'match' | 'nudges';

/**
 * Every recurring job, in one place. Each is `run(deps, now)`: cron-free, so tests call it.
 * A job whose schedule is undefined for this configuration doesn't run.
 */
export const JOBS: Record<
  JobName,
  {
    schedule: (config: Config) => string | undefined;
    run: (deps: JobDeps, now: Date) => Promise<void>;
  }
> = {
  tick: {
    schedule: () => '* * * * *',
    async run(deps, now) {
      runDueTimers(deps, now);
      // Through kick(), so a tick never runs a second delivery pass beside an event's.
      deps.outbox.kick();
      await deps.outbox.drain();
    },
  },
  prune: {
    schedule: () => '17 3 * * *',
    async run(deps, now) {
      pruneInboundEvents(deps.db, new Date(now.getTime() - INBOUND_EVENT_RETENTION_MS));
      deps.outbox.prune(now);
    },
  },
  match: {
    schedule: (config) => config.MATCH_CRON,
    async run(deps, now) {
      runScheduledRound(deps, now);
      deps.outbox.kick();
    },
  },
  nudges: {
    // Daily, mid-morning in the organisation's zone; a missed day simply runs the next one.
    schedule: () => '0 10 * * *',
    async run(deps, now) {
      runNudges(deps, now);
      deps.outbox.kick();
    },
  },
};

/**
 * Starts the cron ticks. node-cron does not catch up on missed runs, which is why every
 * timed action is a row: the first tick after a restart finds whatever fell due meanwhile.
 */
export function startJobs(deps: JobDeps): { stop(): Promise<void> } {
  const tasks: ScheduledTask[] = [];
  for (const [name, job] of Object.entries(JOBS)) {
    const schedule = job.schedule(deps.config);
    if (!schedule) continue;
    const task = cron.schedule(
      schedule,
      async () => {
        try {
          await job.run(deps, deps.clock.now());
        } catch (error) {
          deps.logger.error(
            { job: name, err: error instanceof Error ? error.name : 'unknown' },
            'job failed',
          );
        }
      },
      // Schedules read in the organisation's zone ("Monday 10:00" means theirs).
      { name, noOverlap: true, timezone: deps.config.ORG_TIMEZONE },
    );
    tasks.push(task);
  }
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
    },
  };
}

/** Runs the tick once now: at start, so downtime is caught up without waiting a minute. */
export async function catchUp(deps: JobDeps): Promise<void> {
  await JOBS.tick.run(deps, deps.clock.now());
}
