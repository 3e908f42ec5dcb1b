import type Database from 'better-sqlite3';
import type { ConnectionStatus } from '../core/adapter';
import type { Logger } from '../logger';

/** `/healthz` writes a probe at most this often; between probes it reports what real writes saw. */
export const DB_PROBE_INTERVAL_MS = 10_000;
/**
 * The probe writes (and removes, in the same transaction) this much: enough pages that it
 * needs room the way real writes do. A one-row update fits in pages the file already has
 * and would pass on a full disk.
 */
export const DB_PROBE_BYTES = 64 * 1024;
/** The probe never waits long for another writer: a health check must not block. */
const DB_PROBE_BUSY_TIMEOUT_MS = 100;

/** SQLite's codes for "this database cannot be written", and the stable code `/healthz` shows. */
const FAILURES: [prefix: string, code: string][] = [
  ['SQLITE_FULL', 'db_full'],
  ['SQLITE_IOERR', 'db_io_error'],
  ['SQLITE_READONLY', 'db_read_only'],
  ['SQLITE_CANTOPEN', 'db_unwritable'],
  ['SQLITE_PERM', 'db_unwritable'],
  ['SQLITE_CORRUPT', 'db_corrupt'],
  ['SQLITE_NOTADB', 'db_corrupt'],
];

/** The SQLite code of an error (or of its cause) when it says the database cannot be written. */
export function writeFailureOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FAILURES.some(([prefix]) => code.startsWith(prefix)))
      return code;
  }
  return undefined;
}

/**
 * Whether the database can be written, as the writes themselves found. Every write on the
 * connection reports here: a failure like SQLITE_FULL marks the database down with its code
 * (and logs why, once), and the next write that commits a change marks it up again. WAL can
 * hide a full disk for a while (commits land in WAL space the file already has), so only
 * what writes actually did counts — plus a probe sized like real work when `/healthz` asks
 * and nothing has been written for a while.
 */
export class WriteHealth {
  readonly #sqlite: Database.Database;
  #logger: Logger | undefined;
  #failure: { sqliteCode: string; code: string } | undefined;
  #probedAt = Number.NEGATIVE_INFINITY;

  constructor(sqlite: Database.Database, logger?: Logger) {
    this.#sqlite = sqlite;
    this.#logger = logger?.child({ component: 'database' });
  }

  /** `up`, or `down` with a stable code (`db_full`, `db_io_error`, …). Never throws. */
  status(now = Date.now()): ConnectionStatus {
    if (now - this.#probedAt >= DB_PROBE_INTERVAL_MS) {
      this.#probedAt = now;
      this.#probe();
    }
    return this.#failure ? { state: 'down', code: this.#failure.code } : { state: 'up' };
  }

  /** A write failed: remembered (and logged) when it says the database cannot be written. */
  failed(error: unknown): void {
    const sqliteCode = writeFailureOf(error);
    if (!sqliteCode) return;
    const code = FAILURES.find(([prefix]) => sqliteCode.startsWith(prefix))?.[1] ?? 'db_unwritable';
    if (this.#failure?.sqliteCode !== sqliteCode)
      this.#logger?.error({ code: sqliteCode }, 'database cannot be written');
    this.#failure = { sqliteCode, code };
  }

  /** A write committed a change: the database takes writes again. */
  succeeded(): void {
    if (!this.#failure) return;
    this.#logger?.info({ was: this.#failure.sqliteCode }, 'database can be written again');
    this.#failure = undefined;
  }

  #probe(): void {
    const busy = this.#sqlite.pragma('busy_timeout', { simple: true }) as number;
    try {
      this.#sqlite.pragma(`busy_timeout = ${DB_PROBE_BUSY_TIMEOUT_MS}`);
      const value = JSON.stringify('x'.repeat(DB_PROBE_BYTES));
      // Written and removed in one transaction: it needs the room, and leaves nothing behind.
      this.#sqlite.transaction(() => {
        this.#sqlite
          .prepare(
            "insert or replace into app_state (key, value, updated_at) values ('healthz_probe', ?, 0)",
          )
          .run(value);
        this.#sqlite.prepare("delete from app_state where key = 'healthz_probe'").run();
      })();
    } catch (error) {
      // A write failure marks the database down; a busy one (another writer) is not a failure.
      this.failed(error);
    } finally {
      try {
        this.#sqlite.pragma(`busy_timeout = ${busy}`);
      } catch {
        // The connection is gone; the next probe says so.
      }
    }
  }
}

/**
 * Makes every write on this connection report to `health`: statements that change rows
 * outside a transaction, and whole transactions at commit (inside one, a statement's success
 * says nothing yet — the commit is where a full disk shows).
 */
export function watchWrites(sqlite: Database.Database, health: WriteHealth): void {
  let changed = false;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.readonly) return statement;
    const watch = <A extends unknown[], R>(run: (...args: A) => R, didChange: (r: R) => boolean) =>
      ((...args: A): R => {
        let result: R;
        try {
          result = run(...args);
        } catch (error) {
          health.failed(error);
          throw error;
        }
        if (didChange(result)) {
          if (sqlite.inTransaction) changed = true;
          else health.succeeded();
        }
        return result;
      }) as never;
    statement.run = watch(statement.run.bind(statement), (r) => r.changes > 0);
    statement.get = watch(statement.get.bind(statement), (r) => r !== undefined);
    statement.all = watch(statement.all.bind(statement), (r) => r.length > 0);
    return statement;
  }) as typeof sqlite.prepare;

  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const native = transaction(fn);
    const watched = (variant: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        const outermost = !sqlite.inTransaction;
        if (outermost) changed = false;
        try {
          const result = variant.apply(this, args);
          if (outermost && changed) health.succeeded();
          return result;
        } catch (error) {
          health.failed(error);
          throw error;
        }
      };
    const wrapped = watched(native);
    Object.defineProperties(wrapped, {
      default: { value: wrapped },
      deferred: { value: watched(native.deferred) },
      immediate: { value: watched(native.immediate) },
      exclusive: { value: watched(native.exclusive) },
      database: { value: sqlite, enumerable: true },
    });
    return wrapped;
  }) as typeof sqlite.transaction;
}
