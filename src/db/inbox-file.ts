/**
 * On SQLite the inbox is a file of its own beside the database (`<DATABASE_PATH>-inbox`).
 *
 * SQLite lets one writer at a time into a file. With the inbox in the database file, an ack's
 * insert waited for whatever unit of work was open (a unit's transaction may await), and at
 * 500 requests/s that wait was most of the ack's time. In its own file the insert waits only
 * for the worker's own inbox bookkeeping, single statements that never await.
 *
 * The price is that marking an event done can no longer commit with the unit's changes. So the
 * unit writes the event's key into `handled_events` inside its transaction, and the inbox row
 * is marked done just after, in its file; an event whose key is found there is marked done
 * without running again (the process died between the two). On PostgreSQL the inbox stays a
 * table of the one database (row locks let inserts and units run side by side) and is marked
 * done inside the unit.
 */
import type Database from 'better-sqlite3';
import type { Db, DbOrTx } from './client';

/** The inbox file beside the database file; an in-memory database gets an in-memory inbox. */
export function inboxPathOf(databasePath: string): string {
  return databasePath === ':memory:' ? ':memory:' : `${databasePath}-inbox`;
}

/** Each SQLite connection's inbox handle, found from the connection under any of its handles. */
const inboxes = new WeakMap<Database.Database, Db>();

export function registerInbox(db: Db, inbox: Db): void {
  inboxes.set(db.$client, inbox);
}

/**
 * Where the inbox of `db` is: its own file's handle on SQLite, `db` itself on PostgreSQL (and
 * for a bare connection opened without one, as some tests do).
 */
export function inboxOf(db: DbOrTx): Db {
  return inboxes.get(clientOf(db)) ?? (db as Db);
}

/** Whether the inbox is apart from `db`: a unit then records its event in `handled_events`. */
export function inboxApart(db: DbOrTx): boolean {
  return inboxes.has(clientOf(db));
}

/** The connection under a handle (a transaction's handle on PostgreSQL has none: `{}` then). */
function clientOf(db: DbOrTx): Database.Database {
  return ((db as Partial<Db>).$client ?? {}) as Database.Database;
}

const COLUMNS =
  'id, key, lane, conversation, person, payload, status, attempts, next_at, received_at, done_at';

/**
 * A database from before the inbox had its own file: its rows (events still waiting, and the
 * finished keys that dedupe a platform's retries) move to the inbox file, ids kept so each
 * conversation's order holds. Safe to repeat: a move cut short is finished at the next start.
 */
export function adoptInboxRows(database: Database.Database, inbox: Database.Database): number {
  const rows = database.prepare(`select ${COLUMNS} from inbox order by id`).all();
  if (rows.length === 0) return 0;
  const names = COLUMNS.split(', ');
  const insert = inbox.prepare(
    `insert or ignore into inbox (${COLUMNS}) values (${names.map((n) => `@${n}`).join(', ')})`,
  );
  inbox.transaction(() => {
    for (const row of rows) insert.run(row as Record<string, unknown>);
  })();
  database.prepare('delete from inbox').run();
  return rows.length;
}
