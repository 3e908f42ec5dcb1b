import type Database from 'better-sqlite3';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { UserRef } from '../core/refs';
import type { Db, DbOrTx } from './client';
import { onPostgres } from './dialect';
import { inboxApart, inboxOf } from './inbox-file';
import { pgRows, pgStatement } from './pg/raw';
import { type UserRow, users } from './schema';

/*
 * The SQLite-only calls the queries in src/db/queries rely on, and the only place there that
 * reaches better-sqlite3 directly: statements written in SQLite's own dialect (the reports'
 * aggregates), statements built at run time (leaving's per-table deletes) and pragmas. Each is
 * async like every query, so callers await them the same way. On PostgreSQL each goes to its
 * counterpart in src/db/pg/raw.ts (the same text, translated), so callers stay the same.
 * test/db/storage-rule.test.ts allows the driver here only.
 */

/** The rows of a statement in SQLite's dialect, with positional parameters. */
export async function rawRows<T>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  if (onPostgres(db)) return pgRows<T>(db, text, params);
  return db.$client.prepare(text).all(...params) as T[];
}

/** The `n` column of a statement's one row (a count in SQLite's dialect). */
export async function rawCount(db: Db, text: string, ...params: unknown[]): Promise<number> {
  if (onPostgres(db)) return Number((await pgRows<{ n: unknown }>(db, text, params))[0]?.n ?? 0);
  return (db.$client.prepare(text).get(...params) as { n: number }).n;
}

/** Runs a statement built at run time (a table named by a variable), on the given handle. */
export async function runStatement(db: DbOrTx, statement: SQL): Promise<void> {
  if (onPostgres(db)) return pgStatement(db, statement);
  await db.run(statement);
}

/** `erased`: the freed bytes are gone from the files; `busy`: a reader held on, try later. */
export type EraseOutcome = 'erased' | 'busy';

/**
 * Makes deleted content unreadable in the file itself, not only in the tables. Deletes already
 * zero their bytes (`secure_delete`, set at open), but in WAL mode the old page images stay
 * in the -wal file, and the zeroed pages reach the database file only at a checkpoint: a
 * TRUNCATE checkpoint does both. Outside any transaction; it costs a write of the changed
 * pages, not a rewrite of the file.
 *
 * A reader holding a snapshot (another process, a backup in progress) keeps the checkpoint
 * from finishing; SQLite says so in its result (`busy`), not with an error. It is asked not to
 * wait for the reader (the busy timeout would hold every ack behind it): the caller tries again.
 */
export async function eraseFreedBytes(db: Db): Promise<EraseOutcome> {
  // PostgreSQL keeps no WAL file of ours to truncate: dead rows are reclaimed by (auto)vacuum,
  // and its base backups and WAL archive are the operator's (README).
  if (onPostgres(db)) return 'erased';
  // The inbox's own file held the events' text until each was done: its log is truncated too.
  const files = inboxApart(db) ? [db.$client, inboxOf(db).$client] : [db.$client];
  const outcomes = files.map(checkpoint);
  return outcomes.every((o) => o === 'erased') ? 'erased' : 'busy';
}

/**
 * This connection's commits never copy the WAL into the database file (another connection's
 * do, or an explicit checkpoint): SQLite otherwise runs that copy inside whichever commit
 * crosses the WAL's size limit.
 */
export function noCheckpointsHere(db: Db): void {
  if (!onPostgres(db)) db.$client.pragma('wal_autocheckpoint = 0');
}

function checkpoint(sqlite: Database.Database): EraseOutcome {
  const timeout = sqlite.pragma('busy_timeout', { simple: true });
  sqlite.pragma('busy_timeout = 0');
  try {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0 ? 'erased' : 'busy';
  } finally {
    sqlite.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}

/**
 * The person's stored language and platform language, read synchronously: the console asks
 * for it while drawing a line (its banner after a restart), and the console runs on SQLite
 * alone. Undefined for someone unknown or gone.
 */
export function consoleLocaleNow(
  db: Db,
  ref: UserRef,
): Pick<UserRow, 'locale' | 'platformLocale'> | undefined {
  return db
    .select({ locale: users.locale, platformLocale: users.platformLocale })
    .from(users)
    .where(
      and(
        eq(users.platform, ref.platform),
        eq(users.workspace, ref.workspace),
        eq(users.platformUserId, ref.id),
        isNull(users.leftAt),
      ),
    )
    .get();
}
