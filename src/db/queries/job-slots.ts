import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { jobSlots } from '../schema';

/** The minute a slot stands for: cron fires on whole minutes, a few ms late. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** Claims a job's slot; false when someone already has (another process, an earlier start). */
export function claimJobSlot(db: DbOrTx, name: string, at: Date, now: Date): boolean {
  return (
    db
      .insert(jobSlots)
      .values({ name, slot: slotOf(at), claimedAt: now })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

/** Claims older than a month say nothing a cron schedule still needs. */
export function pruneJobSlots(db: DbOrTx, olderThan: Date): number {
  return db.delete(jobSlots).where(lt(jobSlots.slot, olderThan)).run().changes;
}
