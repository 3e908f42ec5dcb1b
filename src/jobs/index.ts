import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config';
import type { ChatAdapter } from '../core/adapter';
import type { Clock } from '../core/clock';
import { cronSchedule, slotsBetween } from '../core/cron-schedule';
import { codeOf } from '../core/errors';
import type { OutboxWorker } from '../core/outbox';
import type { Platform } from '../core/refs';
import type { Db } from '../db/client';
import { pruneInbox } from '../db/queries/inbox';
import { lastJobRun, noteJobRun } from '../db/queries/job-runs';
import {
  claimJobSlot,
  finishJobSlot,
  pruneJobSlots,
  releaseJobSlot,
} from '../db/queries/job-slots';
import { write } from '../db/transact';
import { reportWriteFailure } from '../db/write-health';
import { backupDatabase } from '../features/admin/backup';
import { runDigest } from '../features/content/digest';
import { runStoryInvites } from '../features/content/stories';
import { runScheduledRound } from '../features/matching/scheduled';
import { runWeeklySummary } from '../features/reports/commands';
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
  /** The inbound events' worker, when the process receives events. */
  inbox?: { kick(): void };
}

/** How long processed event ids are kept for deduplication. */
export const INBOUND_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A job's run longer than this without finishing is taken for dead (the process stopped
 * mid-run): the catch-up at the next start runs its slot again. Longer than any job takes.
 */
export const JOB_SLOT_LEASE_MS = 10 * 60 * 1000;
/** How long claimed job slots are kept (the longest schedule is weekly). */
export const JOB_SLOT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export type JobName = 'tick' | 'prune' | 'match' | 'nudges' | 'digest' | 'backup' | 'summary';

/**
 * Every recurring job, in one place. Each is `run(deps, now)`: cron-free, so tests call it.
 * A job whose schedule is undefined for this configuration doesn't run.
 */
export const JOBS: Record<
  JobName,
  {
    schedule: (config: Config) => string | undefined;
    run: (deps: JobDeps, now: Date) => Promise<void>;
    /**
     * A weekly job worth running late: if its last slot passed while the process was down,
     * it runs once at start (not once per missed week).
     */
    catchUp?: true;
  }
> = {
  tick: {
    schedule: () => '* * * * *',
    async run(deps, now) {
      await runDueTimers(deps, now);
      // Events whose retry came due while nothing else woke the inbox.
      deps.inbox?.kick();
      // Through kick(), so a tick never runs a second delivery pass beside an event's.
      deps.outbox.kick();
      await deps.outbox.drain();
    },
  },
  prune: {
    schedule: () => '17 3 * * *',
    async run(deps, now) {
      await write(deps.db, (db) => {
        pruneInbox(db, new Date(now.getTime() - INBOUND_EVENT_RETENTION_MS));
        pruneJobSlots(db, new Date(now.getTime() - JOB_SLOT_RETENTION_MS));
        deps.outbox.prune(now);
      });
    },
  },
  match: {
    schedule: (config) => config.MATCH_CRON,
    async run(deps, now) {
      await write(deps.db, () => runScheduledRound(deps, now));
      deps.outbox.kick();
    },
  },
  nudges: {
    // Daily, mid-morning in the organisation's zone; a missed day simply runs the next one.
    schedule: () => '0 10 * * *',
    async run(deps, now) {
      await write(deps.db, () => {
        runNudges(deps, now);
        runStoryInvites(deps, now);
      });
      deps.outbox.kick();
    },
  },
  backup: {
    // Nightly, in the quiet hours; keeps the newest BACKUP_KEEP copies.
    schedule: () => '30 2 * * *',
    async run(deps, now) {
      await backupDatabase(deps.db, deps.config, now);
    },
  },
  summary: {
    schedule: (config) => config.SUMMARY_CRON,
    catchUp: true,
    async run(deps, now) {
      await runWeeklySummary(deps, now);
      deps.outbox.kick();
    },
  },
  digest: {
    schedule: (config) => config.DIGEST_CRON,
    catchUp: true,
    async run(deps, now) {
      await write(deps.db, async (db) => {
        const last = await lastJobRun(db, 'digest');
        await runDigest(deps, now, last?.lastRunAt);
      });
      deps.outbox.kick();
    },
  },
};

/**
 * Runs a job for the slot cron fired it for, once: the slot is claimed first (an insert
 * keyed by job and minute), so a second process on the same database, or this one again
 * within the minute, leaves it to whoever claimed it. The minute tick is not claimed: all it
 * does is look for due rows, which are claimed one by one.
 */
export async function runJobSlot(
  name: JobName,
  deps: JobDeps,
  slot: Date,
): Promise<'ran' | 'taken'> {
  const now = deps.clock.now();
  if (name === 'tick') {
    await runJob(name, deps, now);
    return 'ran';
  }
  if (!(await write(deps.db, (db) => claimJobSlot(db, name, slot, now, JOB_SLOT_LEASE_MS))))
    return 'taken';
  try {
    await runJob(name, deps, now);
  } catch (error) {
    // Free again: the next start's catch-up runs what this run did not finish.
    await write(deps.db, (db) => releaseJobSlot(db, name, slot));
    throw error;
  }
  await write(deps.db, (db) => finishJobSlot(db, name, slot, deps.clock.now()));
  return 'ran';
}

/** Runs one job and, for catch-up jobs, remembers when. */
export async function runJob(name: JobName, deps: JobDeps, now: Date): Promise<void> {
  const job = JOBS[name];
  await job.run(deps, now);
  if (job.catchUp) {
    await write(deps.db, (db) => noteJobRun(db, name, now));
  }
}

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
          const slot = deps.clock.now();
          if ((await runJobSlot(name as JobName, deps, slot)) === 'taken')
            deps.logger.info({ job: name }, 'job slot already taken; not run here');
        } catch (error) {
          reportWriteFailure(deps.db, error);
          deps.logger.error(
            {
              job: name,
              err: error instanceof Error ? error.name : 'unknown',
              code: codeOf(error),
            },
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

/**
 * At start: runs the tick once (so downtime is caught up without waiting a minute) and each
 * weekly job with a slot node-cron would have fired since its last run — once, however many
 * were missed. On the very first start a weekly job only notes the time: nothing was missed yet.
 */
export async function catchUp(deps: JobDeps): Promise<void> {
  const now = deps.clock.now();
  await JOBS.tick.run(deps, now);
  for (const name of Object.keys(JOBS) as JobName[]) {
    const job = JOBS[name];
    const schedule = job.schedule(deps.config);
    if (!job.catchUp || !schedule) continue;
    const seen = await lastJobRun(deps.db, name);
    if (!seen) {
      // Another process starting on the same new database may have noted it a moment ago.
      await write(deps.db, (db) => noteJobRun(db, name, now, { firstOnly: true }));
      continue;
    }
    // Missed: node-cron would have fired it since its last run, had the process been up.
    const missed = slotsBetween(
      cronSchedule(schedule, deps.config.ORG_TIMEZONE),
      seen.lastRunAt,
      now,
      1,
    );
    // The last slot missed is claimed like any other: two processes starting together run it once.
    const last = missed.at(-1);
    if (last) await runJobSlot(name, deps, last);
  }
}
