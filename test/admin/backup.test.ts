import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rawCount } from '../../src/db/sqlite';
import { backupDatabase } from '../../src/features/admin/backup';
import { JOBS } from '../../src/jobs';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';
import { TEST_PG } from '../pg/template';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

/** Boss (admin) in the console; backups go to their own folder, the newest two kept. */
async function office() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:boss', BACKUP_KEEP: '2' } });
  app.config.BACKUP_DIR = join(app.dir, 'backups');
  await participant(app, consoleRef('pat'), 'Pat Junior', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  chat = await startConsoleChat(app, { me: { id: 'boss', name: 'Boss Admin' } });
}

const dir = () => app.config.BACKUP_DIR ?? '';

/** Replaces SQLite's online backup with a broken one (undefined: the real one again). */
function copyWith(broken: ((path: string) => Promise<void>) | undefined) {
  const sqlite = app.database.sqlite as unknown as { backup: unknown };
  if (broken) sqlite.backup = broken;
  else delete sqlite.backup; // back to the prototype's
}
const files = () => readdirSync(dir()).sort();
const minuteLater = () => app.clock.set(new Date(app.clock.now().getTime() + 60_000));

/** What a restore would find in a file: an intact database with Pat in it. */
function restorable(name: string): boolean {
  try {
    const copy = new Database(join(dir(), name), { readonly: true, fileMustExist: true });
    try {
      const ok = copy.pragma('integrity_check', { simple: true }) === 'ok';
      return (
        ok && (copy.prepare('select count(*) as n from profiles').get() as { n: number }).n === 1
      );
    } finally {
      copy.close();
    }
  } catch {
    return false;
  }
}

// SQLite's online backup of its own file; PostgreSQL is backed up with pg_dump (below).
describe.skipIf(TEST_PG)('backups', () => {
  it('never takes a copy killed midway for a backup, nor lets it push a good one out', async () => {
    await office();
    for (let i = 0; i < 2; i++) {
      minuteLater();
      const made = await chat.type('/admin backup');
      expect(made).toContain('Making a copy of the database; its path follows here in a moment.');
      expect(made).toContain('Backup written:');
    }
    const good = files();
    expect(good).toHaveLength(2);

    // The nightly backup is killed after its first page: the copy never finishes.
    minuteLater();
    copyWith(async (path) => {
      writeFileSync(path, readFileSync(app.dbPath).subarray(0, 4096));
      await new Promise(() => {}); // the process died here
    });
    void backupDatabase(app.database.db, app.config, app.clock.now());
    await new Promise((resolve) => setImmediate(resolve));
    copyWith(undefined);
    const left = files().filter((f) => !good.includes(f));
    expect(left).toHaveLength(1);
    // It sits under a name no backup has; what looks like a backup is still only the good ones.
    expect(left[0]).toMatch(/\.partial$/);
    expect(files().filter((f) => f.endsWith('.db'))).toEqual(good);

    // The next run, hours later: the leftover is removed, never counted, and both copies kept
    // are real backups.
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir(), left[0] ?? ''), old, old);
    minuteLater();
    expect(await chat.type('/admin backup')).toContain('Backup written:');
    expect(files()).toHaveLength(2);
    expect(files()[0]).toBe(good[1]);
    for (const f of files()) expect(restorable(f), f).toBe(true);
  });

  it('checks a finished copy before keeping it: a corrupt one is refused and nothing rotates', async () => {
    await office();
    for (let i = 0; i < 2; i++) {
      minuteLater();
      await chat.type('/admin backup');
    }
    const good = files();
    minuteLater();
    copyWith(async (path) => writeFileSync(path, Buffer.alloc(8192, 7)));
    const corrupt = backupDatabase(app.database.db, app.config, app.clock.now());
    await expect(corrupt).rejects.toMatchObject({ code: 'backup_corrupt' });
    copyWith(undefined);
    expect(files()).toEqual(good);
    for (const f of files()) expect(restorable(f), f).toBe(true);
  });

  it('tells the admin when a backup fails, and the earlier copies stay', async () => {
    await office();
    minuteLater();
    await chat.type('/admin backup');
    const good = files();
    // The backup folder's path is taken by a file: nothing can be written there.
    app.config.BACKUP_DIR = join(dir(), good[0] ?? '');
    minuteLater();
    expect(await chat.type('/admin backup')).toContain(
      'The backup failed, so no new copy was kept; the earlier copies are untouched.',
    );
    app.config.BACKUP_DIR = join(app.dir, 'backups');
    expect(files()).toEqual(good);
  });
});

describe.runIf(TEST_PG)('backups on PostgreSQL', () => {
  it('writes no copy, nightly or asked for: the admin is told to use pg_dump', async () => {
    await office();
    minuteLater();
    await JOBS.backup.run(jobDepsOf(app), app.clock.now());
    expect(await chat.type('/admin backup')).toContain(
      'Tandem runs on PostgreSQL here, so it makes no copies itself: back the database up with pg_dump',
    );
    expect(existsSync(dir())).toBe(false);
    expect(
      await rawCount(
        app.database.db,
        "select count(*) as n from audit_log where action = 'backup.made'",
      ),
    ).toBe(0);
  });
});
