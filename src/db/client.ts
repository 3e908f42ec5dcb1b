import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Config } from '../config';
import type { ConnectionStatus } from '../core/adapter';
import { codeOf, TandemError } from '../core/errors';
import type { Logger } from '../logger';
import { INBOX_MIGRATIONS_DIR, MIGRATIONS_DIR } from '../paths';
import { adoptInboxRows, inboxPathOf, registerInbox } from './inbox-file';
import { openPostgresStore } from './pg/store';
import * as schema from './schema';
import { appState } from './schema';
import { seedTopics } from './seed-topics';
import { registerHealth, reportWriteFailure, WriteHealth } from './write-health';

/** The drizzle handle; `$client` is the better-sqlite3 connection under it (online backup). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; queries accept `Db | Tx` so callers decide the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * What the app needs of its database, on either dialect: the drizzle handle (typed as SQLite's;
 * on PostgreSQL the node-postgres one, cast — features use only the query-builder subset both
 * share, awaited), its health for `/healthz`, and closing it.
 */
export interface Store {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** Whether writes succeed (for `/healthz`): a full disk, an I/O error, a server gone. */
  writes: { status(now?: number): ConnectionStatus };
  /** A caught failure of a write: marks `/healthz` down when it says the database cannot be written. */
  reportWriteFailure(error: unknown): void;
  close(): void | Promise<void>;
}

export interface TandemDatabase extends Store {
  dialect: 'sqlite';
  sqlite: Database.Database;
  /** The inbox's own file (src/db/inbox-file.ts). */
  inbox: { db: Db; sqlite: Database.Database };
  writes: WriteHealth;
  close(): void;
}

/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set (migrated at
 * start, one replica at a time), else the SQLite file at DATABASE_PATH.
 */
export async function openStore(
  config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'>,
  options: { logger?: Logger } = {},
): Promise<Store> {
  if (config.DATABASE_URL) return openPostgresStore(config.DATABASE_URL, options);
  return openDatabase(config.DATABASE_PATH, options);
}

export { MIGRATIONS_DIR } from '../paths';

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas we rely on, applies
 * pending migrations and seeds the topic catalog. `:memory:` works for tests. A file that
 * cannot be opened fails at once with a message naming the path and `DATABASE_PATH`.
 */
export function openDatabase(path: string, options: { logger?: Logger } = {}): TandemDatabase {
  const sqlite = connect(path);
  const writes = new WriteHealth(sqlite, options.logger);
  const db = drizzle(sqlite, { schema });
  try {
    migrateOnce(db);
  } catch (cause) {
    sqlite.close();
    throw new TandemError('db_migration_failed', 'could not apply database migrations', { cause });
  }
  // Before anything is written at start: the vacuum should not wait on a sibling's writes.
  eraseFreedOnce(db, options.logger);
  seedTopics(db);
  let inbox: TandemDatabase['inbox'];
  try {
    inbox = openInbox(path, sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  registerInbox(db, inbox.db);
  // Its writes fail for the same reasons (the same disk): they mark `/healthz` down too.
  registerHealth(inbox.sqlite, writes);
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    inbox,
    writes,
    reportWriteFailure: (error) => reportWriteFailure(db, error),
    close: () => {
      inbox.sqlite.close();
      sqlite.close();
    },
  };
}

/** The inbox's file beside the database's, migrated, with any rows the database still held. */
function openInbox(path: string, database: Database.Database): TandemDatabase['inbox'] {
  const sqlite = connect(inboxPathOf(path));
  const db = drizzle(sqlite, { schema });
  try {
    migrateOnce(db, INBOX_MIGRATIONS_DIR);
    adoptInboxRows(database, sqlite);
  } catch (cause) {
    sqlite.close();
    throw new TandemError('db_migration_failed', 'could not prepare the inbox file', { cause });
  }
  return { db, sqlite };
}

/** How long a statement waits for another connection's lock before it fails with SQLITE_BUSY. */
const DB_BUSY_TIMEOUT_MS = 5_000;
/** Between two tries of a statement SQLite refused at once with SQLITE_BUSY. */
const BUSY_RETRY_PAUSE_MS = 10;

/**
 * Runs `step` again while SQLite answers SQLITE_BUSY, for at most the busy timeout. Switching
 * a new file to WAL takes its write lock from a read lock; when two processes do that at the
 * same moment SQLite fails one at once instead of calling the busy handler (it would deadlock),
 * so `busy_timeout` alone does not cover several processes opening one new file together.
 */
function retryWhileBusy<T>(step: () => T): T {
  const deadline = Date.now() + DB_BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (codeOf(error) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      // A synchronous pause: the open is synchronous, and nothing else can run meanwhile.
      Atomics.wait(pause, 0, 0, BUSY_RETRY_PAUSE_MS);
    }
  }
}

/** How much of the database file reads may map into memory (file-backed, reclaimable pages). */
const DB_MMAP_BYTES = 256 * 1024 * 1024;

function connect(path: string): Database.Database {
  const fail = (reason: string, cause?: unknown) =>
    new TandemError(
      'db_open_failed',
      `cannot open the database at ${path} (DATABASE_PATH): ${reason}`,
      cause === undefined ? undefined : { cause },
    );
  if (path !== ':memory:') ensureFolder(dirname(resolve(path)), fail);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path);
    sqlite.pragma(`busy_timeout = ${DB_BUSY_TIMEOUT_MS}`);
    const db = sqlite;
    retryWhileBusy(() => db.pragma('journal_mode = WAL'));
    sqlite.pragma('synchronous = NORMAL');
    // Deleted content is overwritten with zeros, not just unlinked: what `leave` deletes is
    // gone from the file's bytes once the WAL is checkpointed (costs a little write I/O).
    sqlite.pragma('secure_delete = ON');
    // Off by default in SQLite; the schema's cascades and SET NULLs depend on it.
    sqlite.pragma('foreign_keys = ON');
    // Reads come straight from the OS's file cache instead of through SQLite's own 2 MB one,
    // so a report over a growing database costs in proportion to what it reads.
    sqlite.pragma(`mmap_size = ${DB_MMAP_BYTES}`);
    return sqlite;
  } catch (cause) {
    sqlite?.close();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw fail(`${codeOf(cause)} (${message})`, cause);
  }
}

/**
 * Creates the database's folder one level at a time. `mkdirSync(…, {recursive: true})`
 * spins forever on paths it can never create (under /proc it retries ENOENT endlessly);
 * one call per missing level fails at once with the real reason.
 */
function ensureFolder(folder: string, fail: (reason: string, cause?: unknown) => Error): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(folder, { throwIfNoEntry: false });
  } catch (cause) {
    throw fail(`cannot read the folder ${folder} (${codeOf(cause)})`, cause);
  }
  if (stat) {
    if (!stat.isDirectory()) throw fail(`${folder} is not a folder`);
    return;
  }
  const parent = dirname(folder);
  if (parent === folder) throw fail(`the folder ${folder} does not exist`);
  ensureFolder(parent, fail);
  try {
    mkdirSync(folder);
  } catch (cause) {
    if (codeOf(cause) === 'EEXIST') return;
    throw fail(`cannot create the folder ${folder} (${codeOf(cause)})`, cause);
  }
}

const SECURE_DELETE_KEY = 'db.secureDeleteSince';
/**
 * The one-time vacuum waits at most this long for another connection's write (a sibling
 * process in a rolling deploy): it is worth doing, not worth holding the start for.
 */
export const DB_VACUUM_BUSY_TIMEOUT_MS = 100;

/**
 * A database from before `secure_delete` was on may still hold deleted rows in its free
 * pages; one VACUUM rewrites it without them. After that, deletes zero their own bytes.
 * It must never stop the start: a failure (another process writing, a disk too full for the
 * copy VACUUM makes) is logged with its code, not marked done, and tried at the next start.
 */
function eraseFreedOnce(db: Db, logger: Logger | undefined): void {
  if (db.select().from(appState).where(eq(appState.key, SECURE_DELETE_KEY)).get()) return;
  const sqlite = db.$client;
  const busy = sqlite.pragma('busy_timeout', { simple: true }) as number;
  try {
    sqlite.pragma(`busy_timeout = ${DB_VACUUM_BUSY_TIMEOUT_MS}`);
    sqlite.exec('VACUUM');
    sqlite.pragma(`busy_timeout = ${busy}`);
    const now = new Date();
    db.insert(appState)
      .values({ key: SECURE_DELETE_KEY, value: now.toISOString(), updatedAt: now })
      .onConflictDoNothing()
      .run();
  } catch (error) {
    // Only the code: SQLite's message may name the file.
    logger?.warn(
      { code: 'db_vacuum_failed', sqliteCode: codeOf(error) },
      'one-time vacuum of freed pages failed; starting anyway, it is tried at the next start',
    );
  } finally {
    sqlite.pragma(`busy_timeout = ${busy}`);
  }
}

/**
 * drizzle reads which migrations were applied before it opens its transaction, so a second
 * process starting at the same moment on a new file can read "none" and then find the
 * tables the first one just made. Migrating again after such a failure reads the truth:
 * there is nothing left to do (a migration that is really broken fails the second time too).
 */
function migrateOnce(db: Db, migrationsFolder = MIGRATIONS_DIR): void {
  try {
    migrate(db, { migrationsFolder });
  } catch {
    migrate(db, { migrationsFolder });
  }
}
