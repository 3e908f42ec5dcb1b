import type { Logger } from '../../logger';
import type { Db, Store } from '../client';
import { seedTopicsAwaited } from '../seed-topics';
import { registerHealth } from '../write-health';
import { openPostgres } from './client';
import { PgHealth } from './health';

/** PostgreSQL as the app's Store: migrated (one replica at a time), the topic catalog seeded. */
export async function openPostgresStore(
  url: string,
  options: { logger?: Logger } = {},
): Promise<Store> {
  const { db, pool, close } = await openPostgres(url);
  // The app speaks the query builder both dialects share (see dialect.ts): one type for both.
  const app = db as unknown as Db;
  try {
    await seedTopicsAwaited(app);
  } catch (error) {
    await close();
    throw error;
  }
  const health = new PgHealth(pool, options.logger);
  registerHealth(pool, health);
  return {
    db: app,
    dialect: 'postgres',
    writes: health,
    reportWriteFailure: (error) => health.failed(error),
    close,
  };
}
