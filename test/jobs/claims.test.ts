import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimTimer, scheduleTimer } from '../../src/db/queries/timers';
import { runJobSlot } from '../../src/jobs';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';

const apps: TestApp[] = [];
afterEach(() => {
  const [first] = apps;
  for (const app of apps.splice(0)) app.close();
  // Both share one folder.
  first?.dispose();
});

/** Two processes on one database file, as two replicas would be. */
function twoProcesses(): [TestApp, TestApp] {
  const a = createTestApp();
  const b = createTestApp({ dir: a.dir, clock: a.clock });
  apps.push(a, b);
  return [a, b];
}

describe('claims that hold across processes', () => {
  it('runs a scheduled job once per slot, whichever process fires it first', async () => {
    const [a, b] = twoProcesses();
    const slot = new Date('2026-12-02T02:30:00.004Z');
    expect(await runJobSlot('backup', jobDepsOf(a), slot)).toBe('ran');
    // The other process fires the same minute a moment later.
    a.clock.advance(1_000);
    expect(await runJobSlot('backup', jobDepsOf(b), new Date('2026-12-02T02:30:00.951Z'))).toBe(
      'taken',
    );
    const backups = () => readdirSync(join(a.dir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(backups()).toHaveLength(1);
    // The next night is a new slot.
    a.clock.advance(24 * 60 * 60 * 1000);
    expect(await runJobSlot('backup', jobDepsOf(b), new Date('2026-12-03T02:30:00Z'))).toBe('ran');
    expect(backups()).toHaveLength(2);
  });

  it('claims a due timer only while it is still pending', () => {
    const [a, b] = twoProcesses();
    const now = a.clock.now();
    scheduleTimer(
      a.database.db,
      { kind: 'pause.end', dueAt: now, payload: {}, dedupeKey: 'k' },
      now,
    );
    const id = a.database.sqlite.prepare('select id from timers').pluck().get() as number;
    expect(a.database.db.transaction((tx) => claimTimer(tx, id, now))).toBe(true);
    expect(b.database.db.transaction((tx) => claimTimer(tx, id, now))).toBe(false);
  });
});
