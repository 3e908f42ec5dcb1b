import { describe, expect, it } from 'vitest';
import { claimTimer, scheduleTimer } from '../../src/db/queries/timers';
import type { TestApp } from '../helpers/app';
import { replicaApps } from '../helpers/replicas';
import { TEST_PG } from '../pg/template';

/**
 * Replicas on one PostgreSQL database run due timers in passes that overlap: a timer one
 * replica is running (its transaction open) is skipped by the other at once, not waited for,
 * and is there again if that run rolls back. On PostgreSQL only (`npm run test:pg`).
 */
const NOW = new Date('2026-12-01T09:00:00Z');
const replicas = replicaApps();

describe.skipIf(!TEST_PG)('replicas claiming timers (PostgreSQL)', () => {
  it('skips a timer another replica is running, and takes it after that run rolled back', async () => {
    const [a, b] = replicas(2) as [TestApp, TestApp];
    await scheduleTimer(
      a.database.db,
      { kind: 'nudge', dueAt: NOW, payload: {}, dedupeKey: 'timer-1' },
      NOW,
    );
    const [timer] = await a.database.db.query.timers.findMany();
    const id = timer?.id ?? 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimedByA = false;
    // Replica a runs the timer: claimed in its transaction, which stays open a while and fails.
    const runA = a.database.db
      .transaction(async (tx) => {
        claimedByA = await claimTimer(tx, id, NOW);
        await held;
        throw new Error('the handler failed');
      })
      .catch(() => 'rolled back');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(claimedByA).toBe(true);
    // Replica b's pass meanwhile: not blocked behind a's transaction, and does not run it.
    const claimedByB = await Promise.race([
      claimTimer(b.database.db, id, NOW),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5_000)),
    ]);
    expect(claimedByB).toBe(false);
    release();
    expect(await runA).toBe('rolled back');
    // The failed run left it pending: the next pass takes it.
    expect(await claimTimer(b.database.db, id, NOW)).toBe(true);
  });
});
