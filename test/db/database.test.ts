import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { listTopics } from '../../src/db/queries/profiles';
import { SEED_TOPICS } from '../../src/db/seed-topics';
import { DEMO_COMPANY } from '../../src/demo/company';
import { seedDemoCompany } from '../../src/demo/seed';
import { until } from '../helpers/net';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('creates the file, applies migrations with WAL and foreign keys on, and seeds topics once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const path = join(dir, 'nested', 'tandem.db');
    const first = openDatabase(path);
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(first.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect((await listTopics(first.db)).map((t) => t.id)).toEqual(SEED_TOPICS.map((t) => t.id));
    first.sqlite.prepare("update topics set name_en = 'AI (renamed)' where id = 'ai'").run();
    first.close();

    const second = openDatabase(path);
    expect(await listTopics(second.db)).toHaveLength(SEED_TOPICS.length);
    expect((await listTopics(second.db))[0]?.nameEn).toBe('AI (renamed)');
    const applied = second.sqlite
      .prepare('select count(*) as n from __drizzle_migrations')
      .get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
    second.close();
  });

  it("uses the SQLite driver as it comes: none of the connection's methods is replaced", () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const database = openDatabase(join(dir, 'tandem.db'));
    for (const method of ['prepare', 'transaction', 'exec', 'pragma'])
      expect(Object.hasOwn(database.sqlite, method), method).toBe(false);
    database.close();
  });

  it('seeds the demo company once, and does not bring back someone who left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const database = openDatabase(join(dir, 'tandem.db'));
    const now = new Date('2026-12-01T09:00:00Z');
    expect(await seedDemoCompany(database.db, now)).toBe(true);
    const count = () =>
      (database.sqlite.prepare('select count(*) as n from profiles').get() as { n: number }).n;
    expect(count()).toBe(DEMO_COMPANY.length);
    const grades = database.sqlite
      .prepare('select distinct grade from profiles order by grade')
      .all();
    expect(grades).toHaveLength(5);
    const paused = database.sqlite
      .prepare("select count(*) as n from timers where kind = 'pause.resume'")
      .get();
    expect(paused).toEqual({ n: 1 });

    database.sqlite.prepare("delete from users where platform_user_id = 'anna'").run();
    expect(await seedDemoCompany(database.db, now)).toBe(false);
    expect(count()).toBe(DEMO_COMPANY.length - 1);
    database.close();
  });

  it('wipes rows deleted before secure_delete was on from the file, once, when it opens', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const path = join(dir, 'tandem.db');
    // A database written by an older Tandem: what it deleted without secure_delete left its
    // bytes in free pages.
    openDatabase(path).close();
    const old = new Database(path);
    old.pragma('secure_delete = OFF');
    old.prepare("delete from app_state where key = 'db.secureDeleteSince'").run();
    old.exec(
      "create table leftovers (t text); insert into leftovers values ('Zinaida Left-Long-Ago')",
    );
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.exec('drop table leftovers');
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(readFileSync(path).includes('Zinaida Left-Long-Ago')).toBe(true);

    openDatabase(path).close();
    expect(readFileSync(path).includes('Zinaida Left-Long-Ago')).toBe(false);
    expect(readFileSync(path).includes('Zinaida')).toBe(false);
  });

  it('starts even when the one-time vacuum cannot run (another process is writing), says why, and vacuums at the next start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const path = join(dir, 'tandem.db');
    openDatabase(path).close();
    const old = new Database(path);
    old.prepare("delete from app_state where key = 'db.secureDeleteSince'").run();
    old.close();
    const vacuumed = (database: { sqlite: Database.Database }) =>
      database.sqlite
        .prepare("select count(*) as n from app_state where key = 'db.secureDeleteSince'")
        .get();

    // Another process (a sibling in a rolling deploy) is in the middle of a write.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('BEGIN IMMEDIATE');
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`,
        path,
      ],
      { cwd: resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    writer.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise((done) => writer.once('exit', done));
    await until('the other process to hold its write lock', () =>
      out.includes('locked') ? true : undefined,
    );
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
          done();
        },
      }),
    );
    const opened = openDatabase(path, { logger });
    expect(lines.find((l) => l.code === 'db_vacuum_failed')).toMatchObject({
      level: 40,
      sqliteCode: 'SQLITE_BUSY',
    });
    expect(JSON.stringify(lines)).not.toContain(dir);
    // Not marked done, and the database works.
    expect(vacuumed(opened)).toEqual({ n: 0 });
    expect(await listTopics(opened.db)).toHaveLength(SEED_TOPICS.length);
    opened.close();
    await exited;

    const next = openDatabase(path, { logger });
    expect(vacuumed(next)).toEqual({ n: 1 });
    next.close();
  });
});
