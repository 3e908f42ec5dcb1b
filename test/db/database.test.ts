import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { listTopics } from '../../src/db/queries/profiles';
import { SEED_TOPICS } from '../../src/db/seed-topics';
import { DEMO_COMPANY } from '../../src/demo/company';
import { seedDemoCompany } from '../../src/demo/seed';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('database', () => {
  it('creates the file, applies migrations with WAL and foreign keys on, and seeds topics once', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const path = join(dir, 'nested', 'tandem.db');
    const first = openDatabase(path);
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(first.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(listTopics(first.db).map((t) => t.id)).toEqual(SEED_TOPICS.map((t) => t.id));
    first.sqlite.prepare("update topics set name_en = 'AI (renamed)' where id = 'ai'").run();
    first.close();

    const second = openDatabase(path);
    expect(listTopics(second.db)).toHaveLength(SEED_TOPICS.length);
    expect(listTopics(second.db)[0]?.nameEn).toBe('AI (renamed)');
    const applied = second.sqlite
      .prepare('select count(*) as n from __drizzle_migrations')
      .get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
    second.close();
  });

  it('seeds the demo company once, and does not bring back someone who left', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const database = openDatabase(join(dir, 'tandem.db'));
    const now = new Date('2026-12-01T09:00:00Z');
    expect(seedDemoCompany(database.db, now)).toBe(true);
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
    expect(seedDemoCompany(database.db, now)).toBe(false);
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
});
