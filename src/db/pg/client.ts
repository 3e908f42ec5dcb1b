import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { TandemError } from '../../core/errors';
import { PG_MIGRATIONS_DIR } from '../../paths';
import * as schema from './schema';

/** The drizzle handle on PostgreSQL; `$client` is the node-postgres pool under it. */
export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface TandemPostgres {
  db: PgDb;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** PostgreSQL's type ids whose parsing node-postgres is told about (pg_type.oid). */
const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;

/**
 * How node-postgres hands values over: as SQLite does, since the app's queries are written
 * against SQLite's table definitions (their column mappings read the driver's values). A
 * bigint (epoch milliseconds, counts) is a number — every one Tandem stores fits a double —
 * and JSON stays text for the column's own JSON.parse. Booleans (true/false) already read as
 * SQLite's 1/0 do. Set on node-postgres's global registry: drizzle passes its own parsers with
 * each query, and those fall back to the global ones.
 */
function readValuesAsSqlite(): void {
  pg.types.setTypeParser(INT8, (value: string) => Number(value));
  pg.types.setTypeParser(JSON_OID, (value: string) => value);
  pg.types.setTypeParser(JSONB, (value: string) => value);
}

/** A pool on `url` that reads values as the app expects (see readValuesAsSqlite). */
export function postgresPool(url: string, options: pg.PoolConfig = {}): pg.Pool {
  readValuesAsSqlite();
  const pool = new pg.Pool({ ...options, connectionString: url });
  // An idle client's error (the server restarting) must not crash the process: the pool drops
  // that client and the next query connects again.
  pool.on('error', () => undefined);
  pool.on('connect', queryInTurn);
  return pool;
}

/**
 * Makes `client.query` start only once the client's previous query is done, in the order
 * they were asked for. A transaction is one pooled client, and a unit of work may start a
 * query on it without awaiting it (a reply's outbox insert, see `beforeCommit`) while it
 * awaits another: node-postgres 8 queues the second itself but deprecates that, and pg 9
 * drops it. A query with a callback (the pool's own `pool.query`) waits its turn too; only a
 * submittable (a cursor, which Tandem does not use) keeps node-postgres's own path.
 */
export function queryInTurn(client: pg.ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = (...args: unknown[]): unknown => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof first?.submit === 'function') return query(...args);
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      const rest = args.slice(0, -1);
      tail = tail.then(
        () =>
          new Promise<void>((done) => {
            query(...rest, (error: unknown, result: unknown) => {
              done();
              (callback as (error: unknown, result: unknown) => void)(error, result);
            });
          }),
      );
      return undefined;
    }
    const run = tail.then(() => query(...args));
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  (client as unknown as { query: typeof inTurn }).query = inTurn;
}

/**
 * The advisory lock replicas take around migrating (an arbitrary constant, "Tandem" in
 * ASCII): the first to start applies what is pending, the others wait on the lock and then
 * find nothing left to do.
 */
export const PG_MIGRATION_LOCK = 0x54616e64656d;

/**
 * Connects to PostgreSQL (`DATABASE_URL`) and applies pending migrations, one replica at a
 * time. Fails with `db_open_failed` when the server cannot be reached and
 * `db_migration_failed` when a migration does not apply.
 */
export async function openPostgres(url: string): Promise<TandemPostgres> {
  const pool = postgresPool(url);
  const db = drizzle(pool, { schema }) as PgDb;
  let lock: pg.PoolClient;
  try {
    lock = await pool.connect();
  } catch (cause) {
    await pool.end();
    throw new TandemError('db_open_failed', 'cannot connect to PostgreSQL (DATABASE_URL)', {
      cause,
    });
  }
  try {
    await lock.query('select pg_advisory_lock($1)', [PG_MIGRATION_LOCK]);
    await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  } catch (cause) {
    lock.release();
    await pool.end();
    throw new TandemError('db_migration_failed', 'could not apply database migrations', { cause });
  }
  await lock.query('select pg_advisory_unlock($1)', [PG_MIGRATION_LOCK]);
  lock.release();
  return { db, pool, close: () => pool.end() };
}
