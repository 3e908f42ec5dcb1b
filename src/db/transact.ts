import type Database from 'better-sqlite3';
import type { Db } from './client';
import { onPostgres } from './dialect';
import type { PgDb } from './pg/client';
import type { ThreadLock } from './thread-lock';

/**
 * The one way into a transaction on a connection, and the one way for a write to happen
 * while one may be open.
 *
 * SQLite here is one connection, and a transaction on it is connection state, not a handle:
 * once a unit of work has said BEGIN and awaits something, whatever else runs meanwhile on
 * that connection (an ack's inbox insert, the outbox marking a send, a timer) would write
 * inside the unit's transaction, and the unit's rollback would drop it. So every such write
 * waits its turn on a per-connection lock (a promise chain); a transaction holds it from
 * BEGIN to COMMIT or ROLLBACK, however long its awaits take.
 *
 * drizzle's own `db.transaction()` cannot take an async callback on better-sqlite3 (it
 * throws, or would commit before the awaits): hence this.
 *
 * Inside a callback, write through the handle it is given: `transact` or `write` called there
 * with the root connection would queue behind the callback itself and never run.
 *
 * On PostgreSQL none of this is needed: a transaction is a pooled client of its own, so
 * drizzle's async `db.transaction()` gives each its own handle and writes outside it go
 * through other clients (the server orders them).
 */

/** The tail of each connection's queue: resolves when the last writer in line is done. */
const tails = new WeakMap<Database.Database, Promise<void>>();
/** Connections whose file another thread of this process writes too (see thread-lock.ts). */
const threadLocks = new WeakMap<Database.Database, ThreadLock>();
/** Each connection's transaction handle: what `transact` hands its callback. */
const handles = new WeakMap<Database.Database, Db>();
/** The handles whose transaction is open now. */
const open = new WeakSet<Db>();
/** Writes started inside an open transaction that must finish before it commits. */
const pending = new WeakMap<Db, Promise<unknown>[]>();

/**
 * A write started without awaiting it (a reply said synchronously inside a unit of work) is
 * awaited before the transaction commits; its failure fails the transaction. Outside a
 * transaction it simply runs, its failure dropped like any fire-and-forget write's.
 */
export function beforeCommit(db: Db, work: Promise<unknown>): void {
  const list = pending.get(db);
  if (list && open.has(db)) list.push(work);
  else void work.catch(() => undefined);
}

/** Awaits what `beforeCommit` queued on `tx`, including what those writes queue in turn. */
async function settle(tx: Db): Promise<void> {
  const list = pending.get(tx);
  while (list && list.length > 0) await Promise.all(list.splice(0));
}

/** `fn` with `tx` marked as an open transaction's handle for as long as it runs. */
async function inOpen<T>(tx: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  open.add(tx);
  pending.set(tx, []);
  try {
    const result = await fn(tx);
    await settle(tx);
    return result;
  } catch (error) {
    // Nothing may run on the handle after the rollback.
    await Promise.allSettled(pending.get(tx) ?? []);
    throw error;
  } finally {
    open.delete(tx);
    pending.delete(tx);
  }
}

/**
 * The handle a transaction's callback writes through: the same connection, marked so that a
 * `transact` or `write` given it joins the open transaction instead of queueing behind it
 * (queueing behind itself would never end). Only code running for that transaction holds it.
 */
function handleOf(db: Db): Db {
  const client = db.$client;
  let handle = handles.get(client);
  if (!handle) {
    handle = Object.create(db) as Db;
    handles.set(client, handle);
  }
  return handle;
}

/** Runs `fn` alone on the connection: after every writer queued before it, before every one after. */
async function exclusive<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const client = db.$client;
  const shared = threadLocks.get(client);
  shared?.queued();
  const before = tails.get(client) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = before.then(() => mine);
  tails.set(client, tail);
  await before;
  if (shared) await shared.acquire();
  try {
    return await fn();
  } finally {
    shared?.release();
    release();
    if (tails.get(client) === tail) tails.delete(client);
  }
}

/**
 * From now on every write and transaction on `db` also takes `lock`, shared with the other
 * thread writing the same file, instead of finding the file locked and sleeping in the driver.
 */
export function shareWrites(db: Db, lock: ThreadLock): void {
  if (onPostgres(db)) return;
  threadLocks.set(db.$client, lock);
}

/** Whether `db` is a transaction's handle while that transaction is open. */
export function inTransaction(db: Db): boolean {
  return open.has(db);
}

/**
 * Runs `fn` in one transaction (BEGIN IMMEDIATE … COMMIT) that may await: a throw rolls all
 * of it back and is rethrown. Given the handle of an open transaction, `fn` joins it: its
 * writes commit or roll back with the outer ones.
 */
export async function transact<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  if (open.has(db)) return fn(db);
  if (onPostgres(db)) {
    return (db as unknown as PgDb).transaction((tx) => inOpen(tx as unknown as Db, fn));
  }
  const tx = handleOf(db);
  return exclusive(db, async () => {
    const client = db.$client;
    client.prepare('BEGIN IMMEDIATE').run();
    try {
      const result = await inOpen(tx, fn);
      client.prepare('COMMIT').run();
      return result;
    } catch (error) {
      if (client.inTransaction) client.prepare('ROLLBACK').run();
      throw error;
    }
  });
}

/**
 * A write (one statement, or a few that need no transaction together) in turn with the
 * transactions on the connection, never inside someone else's open one. Given an open
 * transaction's handle it runs at once, inside that transaction.
 */
export async function write<T>(db: Db, fn: (db: Db) => T | Promise<T>): Promise<T> {
  if (open.has(db) || onPostgres(db)) return fn(db);
  return exclusive(db, async () => fn(db));
}
