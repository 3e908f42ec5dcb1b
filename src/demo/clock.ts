import { eq } from 'drizzle-orm';
import { OffsetClock } from '../core/clock';
import type { Db } from '../db/client';
import { appState } from '../db/schema';

const KEY = 'demo.clockOffsetMs';

/**
 * The console demo's clock: real time plus however far `/time` moved it. The offset lives in
 * the database, so a restart finds the demo on the day it was left (reminders already sent
 * stay sent). `start` places a new demo's clock (DEMO_CLOCK); a stored offset wins over it.
 */
export function openDemoClock(db: Db, start?: Date, realNow = Date.now()): OffsetClock {
  const stored = db.select().from(appState).where(eq(appState.key, KEY)).get();
  if (stored && typeof stored.value === 'number') return new OffsetClock(stored.value);
  const clock = new OffsetClock(start ? start.getTime() - realNow : 0);
  if (start) saveDemoClock(db, clock);
  return clock;
}

/** Remembers the demo clock's offset (after `/time`). */
export function saveDemoClock(db: Db, clock: OffsetClock): void {
  const now = clock.now();
  db.insert(appState)
    .values({ key: KEY, value: clock.offsetMs, updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value: clock.offsetMs, updatedAt: now } })
    .run();
}
