import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { TandemError } from '../core/errors';
import * as schema from './schema';
import { seedTopics } from './seed-topics';

/** The drizzle handle; `$client` is the better-sqlite3 connection under it (online backup). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; queries accept `Db | Tx` so callers decide the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface TandemDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas we rely on, applies
 * pending migrations and seeds the topic catalog. `:memory:` works for tests.
 */
export function openDatabase(path: string): TandemDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Off by default in SQLite; cascading deletes are how `leave` removes everything.
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (cause) {
    sqlite.close();
    throw new TandemError('db_migration_failed', 'could not apply database migrations', { cause });
  }
  seedTopics(db);
  return { db, sqlite, close: () => sqlite.close() };
}
