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
  const pool = new pg.Pool({ connectionString: url });
  // An idle client's error (the server restarting) must not crash the process: the pool drops
  // that client and the next query connects again.
  pool.on('error', () => undefined);
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
