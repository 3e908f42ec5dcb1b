import { and, asc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type TimerRow, timers } from '../schema';

export interface NewTimer {
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  dedupeKey: string;
  userId?: number | null;
}

/** Schedules a timed action once; the same dedupe key is never scheduled twice. */
export function scheduleTimer(db: DbOrTx, timer: NewTimer, now: Date): boolean {
  return (
    db
      .insert(timers)
      .values({ ...timer, userId: timer.userId ?? null, createdAt: now })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

export function cancelTimers(db: DbOrTx, kind: string, userId: number, now: Date): number {
  return db
    .update(timers)
    .set({ status: 'cancelled', doneAt: now })
    .where(and(eq(timers.kind, kind), eq(timers.userId, userId), eq(timers.status, 'pending')))
    .run().changes;
}

/** Cancels the one pending timer with this dedupe key, if it is still pending. */
export function cancelTimer(db: DbOrTx, dedupeKey: string, now: Date): boolean {
  return (
    db
      .update(timers)
      .set({ status: 'cancelled', doneAt: now })
      .where(and(eq(timers.dedupeKey, dedupeKey), eq(timers.status, 'pending')))
      .run().changes > 0
  );
}

export function dueTimers(db: DbOrTx, now: Date, limit: number): TimerRow[] {
  return db
    .select()
    .from(timers)
    .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, now)))
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .limit(limit)
    .all();
}

/**
 * Claims a due timer inside the caller's transaction by marking it done — only if it is
 * still pending (a conditional update, not a read then a write): false when another process
 * ran it or it was cancelled meanwhile. A handler that fails rolls the claim back with it.
 */
export function claimTimer(db: DbOrTx, id: number, now: Date): boolean {
  return (
    db
      .update(timers)
      .set({ status: 'done', doneAt: now })
      .where(and(eq(timers.id, id), eq(timers.status, 'pending')))
      .run().changes > 0
  );
}

export function finishTimer(
  db: DbOrTx,
  id: number,
  status: TimerRow['status'],
  now: Date,
  attempts?: number,
): void {
  db.update(timers)
    .set({ status, doneAt: status === 'pending' ? null : now, ...(attempts ? { attempts } : {}) })
    .where(eq(timers.id, id))
    .run();
}
