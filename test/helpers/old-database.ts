import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_DIR } from '../../src/db/client';

/**
 * A database file at `path` as an older Tandem left it: migrated only up to (not including)
 * the migration whose tag starts with `before` (e.g. `0005`), from a copy of the migrations
 * in `dir`. Open it with `openDatabase` afterwards to upgrade it as a new version would.
 */
export function databaseBefore(dir: string, path: string, before: string): Database.Database {
  const old = join(dir, 'migrations-before');
  cpSync(MIGRATIONS_DIR, old, { recursive: true });
  const journalPath = join(old, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < before);
  writeFileSync(journalPath, JSON.stringify(journal));
  const sqlite = new Database(path);
  migrate(drizzle(sqlite), { migrationsFolder: old });
  return sqlite;
}
