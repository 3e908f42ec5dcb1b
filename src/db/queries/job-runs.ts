import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { first } from '../first';
import { jobRuns } from '../schema';

type JobRunRow = typeof jobRuns.$inferSelect;

/** When a catch-up job last ran, if it ever did. */
export function lastJobRun(db: Db, name: string): Promise<JobRunRow | undefined> {
  return first(db.select().from(jobRuns).where(eq(jobRuns.name, name)));
}

/** Notes that a job ran now. `firstOnly`: only if nothing is noted yet (another process may have). */
export async function noteJobRun(
  db: Db,
  name: string,
  now: Date,
  options: { firstOnly?: boolean } = {},
): Promise<void> {
  const insert = db.insert(jobRuns).values({ name, lastRunAt: now });
  if (options.firstOnly) await insert.onConflictDoNothing();
  else await insert.onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: now } });
}
