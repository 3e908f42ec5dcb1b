import type Database from 'better-sqlite3';
import type { ConnectionStatus } from '../core/adapter';
import type { Logger } from '../logger';

/** While the database is up, `/healthz` writes a probe at most this often; between probes it reports the failures code caught. */
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

/** Each connection's health, so code holding only the drizzle handle can report to it. */
const registry = new WeakMap<object, { failed(error: unknown): void }>();

/** Makes `reportWriteFailure` on a handle over `client` reach `health` (PostgreSQL's pool). */
export function registerHealth(client: object, health: { failed(error: unknown): void }): void {
  registry.set(client, health);
}

/**
 * Tells the database's health that a write failed. For the places that already catch a
 * failure (the engine's error boundary, an outbox pass, a job): an error that says the
 * database cannot be written (SQLITE_FULL, an I/O error, …) marks `/healthz` down at once and
 * is logged once; any other error is ignored. Never throws.
 */
export function reportWriteFailure(db: { $client: object }, error: unknown): void {
  // A PostgreSQL transaction's handle has no client of its own: nothing to look up.
  const client = db.$client as object | undefined;
  if (client) registry.get(client)?.failed(error);
}

/**
 * Whether the database can be written. Two sources, no hooks into the driver: the failures
 * that code catching them reports (`failed`), and a probe sized like real work that
 * `/healthz` runs — at most every DB_PROBE_INTERVAL_MS while the database is up, and at every
 * ask while it is down, so room coming back shows at once. A probe that succeeds marks it up.
 * WAL can hide a full disk for a while (commits land in WAL space the file already has), which
 * is why the probe writes enough pages to need room the way real writes do.
 */
export class WriteHealth {
  readonly #sqlite: Database.Database;
  #logger: Logger | undefined;
  #failure: { sqliteCode: string; code: string } | undefined;
  #probedAt = Number.NEGATIVE_INFINITY;

  constructor(sqlite: Database.Database, logger?: Logger) {
    this.#sqlite = sqlite;
    this.#logger = logger?.child({ component: 'database' });
    registry.set(sqlite, this);
  }

  /** `up`, or `down` with a stable code (`db_full`, `db_io_error`, …). Never throws. */
  status(now = Date.now()): ConnectionStatus {
    if (this.#failure || now - this.#probedAt >= DB_PROBE_INTERVAL_MS) {
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

  /** A write committed: the database takes writes again. */
  #succeeded(): void {
    if (!this.#failure) return;
    this.#logger?.info({ was: this.#failure.sqliteCode }, 'database can be written again');
    this.#failure = undefined;
  }

  #probe(): void {
    let busy: number | undefined;
    try {
      busy = this.#sqlite.pragma('busy_timeout', { simple: true }) as number;
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
      this.#succeeded();
    } catch (error) {
      // A write failure marks the database down; a busy one (another writer) is not a failure.
      this.failed(error);
    } finally {
      try {
        if (busy !== undefined) this.#sqlite.pragma(`busy_timeout = ${busy}`);
      } catch {
        // The connection is gone; the next probe says so.
      }
    }
  }
}
