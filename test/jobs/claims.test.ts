import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronSchedule, slotsBetween } from '../../src/core/cron-schedule';
import { first } from '../../src/db/first';
import { claimJobSlot } from '../../src/db/queries/job-slots';
import { claimTimer, scheduleTimer } from '../../src/db/queries/timers';
import { jobRuns } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { transact } from '../../src/db/transact';
import { catchUp, JOB_SLOT_LEASE_MS, JOBS, runJobSlot } from '../../src/jobs';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';
import { TEST_PG } from '../pg/template';

const apps: TestApp[] = [];
afterEach(() => {
  vi.restoreAllMocks();
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
    // How many times the job itself ran, on either database; on SQLite its backups count too
    // (on PostgreSQL the job writes none: pg_dump backs it up, outside Tandem).
    const runs = vi.spyOn(JOBS.backup, 'run');
    const slot = new Date('2026-12-02T02:30:00.004Z');
    expect(await runJobSlot('backup', jobDepsOf(a), slot)).toBe('ran');
    // The other process fires the same minute a moment later.
    a.clock.advance(1_000);
    expect(await runJobSlot('backup', jobDepsOf(b), new Date('2026-12-02T02:30:00.951Z'))).toBe(
      'taken',
    );
    const backups = () => readdirSync(join(a.dir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(runs).toHaveBeenCalledTimes(1);
    if (!TEST_PG) expect(backups()).toHaveLength(1);
    // The next night is a new slot.
    a.clock.advance(24 * 60 * 60 * 1000);
    expect(await runJobSlot('backup', jobDepsOf(b), new Date('2026-12-03T02:30:00Z'))).toBe('ran');
    expect(runs).toHaveBeenCalledTimes(2);
    if (!TEST_PG) expect(backups()).toHaveLength(2);
  });

  it('catches up at the next start a weekly job whose run died midway, or failed', async () => {
    const [a] = twoProcesses();
    const deps = jobDepsOf(a);
    await catchUp(deps); // the first start notes the time
    const lastRun = async () =>
      (await first(a.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'digest'))))
        ?.lastRunAt;
    const before = await lastRun();
    a.clock.advance(7 * 24 * 60 * 60 * 1000);
    const [slot] = slotsBetween(
      cronSchedule(a.config.DIGEST_CRON, a.config.ORG_TIMEZONE),
      before ?? a.clock.now(),
      a.clock.now(),
      1,
    );
    if (!slot) throw new Error('no digest slot in a week');
    // Cron fired the digest: its slot was claimed, then the process died before it finished.
    expect(await claimJobSlot(a.database.db, 'digest', slot, slot, JOB_SLOT_LEASE_MS)).toBe(true);
    await catchUp(deps); // the restart, a while later
    expect(await lastRun()).toEqual(a.clock.now());

    // A run that throws frees its slot for the next start too. On SQLite the backup fails
    // for real (no such folder); on PostgreSQL the job writes no file, so its run throws.
    const failing = { ...deps, config: { ...deps.config, BACKUP_DIR: '/dev/null/cannot' } };
    if (TEST_PG) vi.spyOn(JOBS.backup, 'run').mockRejectedValueOnce(new Error('backup failed'));
    const night = new Date('2026-12-09T02:30:00Z');
    await expect(runJobSlot('backup', failing, night)).rejects.toThrow();
    expect(await runJobSlot('backup', deps, night)).toBe('ran');
  });

  it('claims a due timer only while it is still pending', async () => {
    const [a, b] = twoProcesses();
    const now = a.clock.now();
    await scheduleTimer(
      a.database.db,
      { kind: 'pause.end', dueAt: now, payload: {}, dedupeKey: 'k' },
      now,
    );
    const id = Number(
      (await rawRows<{ id: number }>(a.database.db, 'select id from timers'))[0]?.id,
    );
    expect(await transact(a.database.db, (tx) => claimTimer(tx, id, now))).toBe(true);
    expect(await transact(b.database.db, (tx) => claimTimer(tx, id, now))).toBe(false);
  });
});
