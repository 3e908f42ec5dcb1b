import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { onPostgres } from '../dialect';
import { type TimerRow, timers } from '../schema';

export interface NewTimer {
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  dedupeKey: string;
  userId?: number | null;
}

/** Schedules a timed action once; the same dedupe key is never scheduled twice. */
export async function scheduleTimer(db: DbOrTx, timer: NewTimer, now: Date): Promise<boolean> {
  const added = await db
    .insert(timers)
    .values({ ...timer, userId: timer.userId ?? null, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: timers.id });
  return added.length > 0;
}

export async function cancelTimers(
  db: DbOrTx,
  kind: string,
  userId: number,
  now: Date,
): Promise<number> {
  const cancelled = await db
    .update(timers)
    .set({ status: 'cancelled', doneAt: now })
    .where(and(eq(timers.kind, kind), eq(timers.userId, userId), eq(timers.status, 'pending')))
    .returning({ id: timers.id });
  return cancelled.length;
}

/** Cancels the one pending timer with this dedupe key, if it is still pending. */
export async function cancelTimer(db: DbOrTx, dedupeKey: string, now: Date): Promise<boolean> {
  const cancelled = await db
    .update(timers)
    .set({ status: 'cancelled', doneAt: now })
    .where(and(eq(timers.dedupeKey, dedupeKey), eq(timers.status, 'pending')))
    .returning({ id: timers.id });
  return cancelled.length > 0;
}

export function dueTimers(db: DbOrTx, now: Date, limit: number): Promise<TimerRow[]> {
  return db
    .select()
    .from(timers)
    .where(and(eq(timers.status, 'pending'), lte(timers.dueAt, now)))
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .limit(limit);
}

/**
 * Claims a due timer inside the caller's transaction by marking it done — only if it is
 * still pending (a conditional update, not a read then a write): false when another process
 * ran it or it was cancelled meanwhile. A handler that fails rolls the claim back with it.
 * On PostgreSQL a timer another replica is running at this moment (its transaction holds the
 * row) is skipped at once (SKIP LOCKED) rather than waited for: false too; should that run
 * fail and roll back, the timer is still pending for the next pass.
 */
export async function claimTimer(db: DbOrTx, id: number, now: Date): Promise<boolean> {
  const mine = onPostgres(db)
    ? sql`${timers.id} = (select ${timers.id} from ${timers} where ${timers.id} = ${id} and ${timers.status} = 'pending' for update skip locked)`
    : and(eq(timers.id, id), eq(timers.status, 'pending'));
  const claimed = await db
    .update(timers)
    .set({ status: 'done', doneAt: now })
    .where(mine)
    .returning({ id: timers.id });
  return claimed.length > 0;
}

export async function finishTimer(
  db: DbOrTx,
  id: number,
  status: TimerRow['status'],
  now: Date,
  attempts?: number,
): Promise<void> {
  await db
    .update(timers)
    .set({ status, doneAt: status === 'pending' ? null : now, ...(attempts ? { attempts } : {}) })
    .where(eq(timers.id, id));
}
