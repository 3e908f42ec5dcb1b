import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { jobSlots } from '../schema';

/** The minute a slot stands for: cron fires on whole minutes, a few ms late. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/**
 * Claims a job's slot: true when this process may run it. Someone else's claim stands while
 * it is finished or still within `leaseMs` (running, or another process about to); an
 * unfinished claim older than that was a run that died, and is taken over.
 */
export async function claimJobSlot(
  db: DbOrTx,
  name: string,
  at: Date,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const claimed = await db
    .insert(jobSlots)
    .values({ name, slot: slotOf(at), claimedAt: now })
    .onConflictDoUpdate({
      target: [jobSlots.name, jobSlots.slot],
      set: { claimedAt: now },
      setWhere: and(
        isNull(jobSlots.finishedAt),
        lt(jobSlots.claimedAt, new Date(now.getTime() - leaseMs)),
      ),
    })
    .returning({ name: jobSlots.name });
  return claimed.length > 0;
}

/** The run of this slot is over: its claim stands for good. */
export async function finishJobSlot(db: DbOrTx, name: string, at: Date, now: Date): Promise<void> {
  await db
    .update(jobSlots)
    .set({ finishedAt: now })
    .where(and(eq(jobSlots.name, name), eq(jobSlots.slot, slotOf(at))));
}

/** The run failed: the slot is free again, for the catch-up at the next start. */
export async function releaseJobSlot(db: DbOrTx, name: string, at: Date): Promise<void> {
  await db.delete(jobSlots).where(and(eq(jobSlots.name, name), eq(jobSlots.slot, slotOf(at))));
}

/** Claims older than a month say nothing a cron schedule still needs. */
export async function pruneJobSlots(db: DbOrTx, olderThan: Date): Promise<number> {
  const gone = await db
    .delete(jobSlots)
    .where(lt(jobSlots.slot, olderThan))
    .returning({ name: jobSlots.name });
  return gone.length;
}
