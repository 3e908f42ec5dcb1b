import cron, { type ScheduledTask } from 'node-cron';
import { cronSchedule, slotsBetween } from '../core/cron-schedule';
import { codeOf } from '../core/errors';
import { inboxOf } from '../db/inbox-file';
import { pruneHandled } from '../db/queries/handled';
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
import { jobs } from '../features/registry';
import { runDueTimers } from './timers';
import type { EngineJobName, JobDeps, JobSpec } from './types';

export type { JobDeps, JobSpec } from './types';

/** How long processed event ids are kept for deduplication. */
export const INBOUND_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A job's run longer than this without finishing is taken for dead (the process stopped
 * mid-run): the catch-up at the next start runs its slot again. Longer than any job takes.
 */
export const JOB_SLOT_LEASE_MS = 10 * 60 * 1000;
/** How long claimed job slots are kept (the longest schedule is weekly). */
export const JOB_SLOT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Every recurring job's name: the engine's and those the features' manifests declare. */
export type JobName = EngineJobName | keyof typeof jobs;

/** The engine's own jobs: the minute tick and the nightly pruning. */
const ENGINE_JOBS = {
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
      const before = new Date(now.getTime() - INBOUND_EVENT_RETENTION_MS);
      await write(inboxOf(deps.db), (inbox) => pruneInbox(inbox, before));
      await write(deps.db, async (db) => {
        await pruneHandled(db, before);
        await pruneJobSlots(db, new Date(now.getTime() - JOB_SLOT_RETENTION_MS));
        await deps.outbox.prune(now);
      });
    },
  },
} satisfies Record<EngineJobName, JobSpec>;

/**
 * Every recurring job, the engine's and each feature's (from its manifest; a name claimed
 * twice fails at start). Each is `run(deps, now)`: cron-free, so tests call it.
 */
export const JOBS: Record<JobName, JobSpec> = { ...ENGINE_JOBS, ...jobs };

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
