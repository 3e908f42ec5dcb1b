import cron from 'node-cron';
import { TandemError } from './errors';

/** node-cron's own matcher: the object its tasks fire by. */
interface NodeCronMatcher {
  match(at: Date): boolean;
  getNextMatch(after: Date): Date;
}

/** A cron expression read exactly as node-cron fires it, in one time zone. */
export interface CronSchedule {
  /** Whether node-cron fires at this moment (to the second). */
  fires(at: Date): boolean;
  /**
   * The first moment after `after` at which node-cron fires: the next run of a task started
   * at `after`. Undefined when none comes within node-cron's horizon (a hundred years).
   */
  next(after: Date): Date | undefined;
}

/**
 * Reads `expression` in `zone` with node-cron's own matcher, so a slot we compute is one
 * node-cron fires — `L`, `W`, `#`, names, seconds and DST alike (a wall time repeated when
 * clocks go back fires once, one skipped when they go forward doesn't fire that day).
 * node-cron has no "next run after a given moment" in its API (only from the wall clock),
 * so this borrows the matcher of a task that is never started; the property test in
 * test/jobs/catch-up.property.test.ts holds it to node-cron's public API.
 */
export function cronSchedule(expression: string, zone: string): CronSchedule {
  const task = cron.createTask(expression, () => undefined, { timezone: zone });
  const matcher = (task as unknown as { timeMatcher?: Partial<NodeCronMatcher> }).timeMatcher;
  // Never started, so it holds no timer; destroying it takes it out of node-cron's registry.
  task.destroy();
  const match = matcher?.match?.bind(matcher);
  const getNextMatch = matcher?.getNextMatch?.bind(matcher);
  if (!match || !getNextMatch) {
    throw new TandemError(
      'cron_matcher_missing',
      'node-cron no longer exposes its matcher: catch-up cannot read schedules',
    );
  }
  return {
    fires: (at) => match(at),
    next(after) {
      try {
        return getNextMatch(after);
      } catch {
        // node-cron's "no match within a hundred years".
        return undefined;
      }
    },
  };
}

/**
 * The slots node-cron fires after `after` up to and including `until`, oldest first, at most
 * `limit` of them: what a process that was down over (after, until] missed.
 */
export function slotsBetween(
  schedule: CronSchedule,
  after: Date,
  until: Date,
  limit = Number.POSITIVE_INFINITY,
): Date[] {
  const slots: Date[] = [];
  for (let at = schedule.next(after); at && at <= until && slots.length < limit; ) {
    slots.push(at);
    at = schedule.next(at);
  }
  return slots;
}

/**
 * Whether `expression` fires at all in `zone`. node-cron accepts expressions that name no
 * day that comes (`31W` in February, `L-30` in February) and then throws when a task
 * starts; the config refuses them instead. The horizon from 2000 covers every calendar
 * pattern (they repeat every 28 years until 2100).
 */
export function firesEver(expression: string, zone: string): boolean {
  return cronSchedule(expression, zone).next(new Date(Date.UTC(2000, 0, 1))) !== undefined;
}
