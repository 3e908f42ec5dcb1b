import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { inboundEvents } from '../schema';

/** Returns false when this event was already handled (a platform retry). */
export function recordInboundEvent(db: DbOrTx, key: string, now: Date): boolean {
  const result = db
    .insert(inboundEvents)
    .values({ key, receivedAt: now })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

/** Platforms retry for minutes, not days; a week of ids is plenty. */
export function pruneInboundEvents(db: DbOrTx, olderThan: Date): number {
  return db.delete(inboundEvents).where(lt(inboundEvents.receivedAt, olderThan)).run().changes;
}
