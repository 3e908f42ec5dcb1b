import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { openDatabase } from '../../src/db/client';
import { jobRuns } from '../../src/db/schema';
import { catchUp } from '../../src/jobs';
import { silentLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../helpers/app';

const ROOT = resolve(import.meta.dirname, '../..');

let app: TestApp | undefined;
let dir: string | undefined;
afterEach(() => {
  app?.close();
  app?.dispose();
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('two processes starting on one new database', () => {
  it('both start when the other notes the weekly jobs between our look and our write', async () => {
    app = createTestApp();
    // The other process: a second connection to the same file.
    const other = openDatabase(app.dbPath);
    const ours = app.database.db;
    // Just before each of our job_runs inserts, the other process makes the same one.
    const racing = new Proxy(ours, {
      get(target, key) {
        if (key === 'insert') {
          return (table: unknown) => {
            if (table === jobRuns) {
              for (const name of ['summary', 'digest', 'programEnds'])
                other.db
                  .insert(jobRuns)
                  .values({ name, lastRunAt: app?.clock.now() ?? new Date(0) })
                  .onConflictDoNothing()
                  .run();
            }
            return target.insert(table as typeof jobRuns);
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    try {
      await expect(
        catchUp({
          db: racing,
          config: app.config,
          logger: silentLogger,
          clock: app.clock,
          outbox: app.outbox,
          adapters: app.adapters,
        }),
      ).resolves.toBeUndefined();
      expect(
        ours
          .select()
          .from(jobRuns)
          .all()
          .map((r) => r.name)
          .sort(),
      ).toEqual(['digest', 'programEnds', 'summary']);
    } finally {
      other.close();
    }
  });

  it('opens a new file while another process holds its first write lock, waiting instead of failing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const path = join(dir, 'tandem.db');
    const flag = new Int32Array(new SharedArrayBuffer(8));
    const holder = new Worker(join(import.meta.dirname, 'fixtures/hold-write-lock.mjs'), {
      workerData: { path, holdMs: 300, flag },
    });
    const done = new Promise((ok) => holder.once('exit', ok));
    // Wait (blocking, as the open itself blocks) until the other side holds the lock.
    Atomics.wait(flag, 0, 0, 10_000);
    // Switching a new file to WAL under another's lock is refused at once, busy timeout or not.
    const database = openDatabase(path);
    try {
      expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      database.close();
      await done;
    }
  });

  it('both start as real processes opening a new file at the same moment', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-race-'));
    const path = join(dir, 'tandem.db');
    const cue = String(Date.now() + 4_000);
    const run = () =>
      new Promise<string>((done) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'test/db/fixtures/start-on-cue.ts', path, cue],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
        });
        child.stderr.on('data', (c: Buffer) => {
          out += c.toString();
        });
        child.once('exit', () => done(out.trim()));
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results).toEqual(['started', 'started', 'started']);
  }, 30_000);
});
