import type { Db } from '../../src/db/client';
import { onPostgres } from '../../src/db/dialect';
import { pgRows } from '../../src/db/pg/raw';

/**
 * Runs a write in SQLite's dialect (`?` parameters) on either database: what a test arranges
 * by hand (a row another version wrote, a claim a dead process left). Reads go through
 * `rawRows` (src/db/sqlite.ts), which gives the values in SQLite's shapes on both.
 */
export async function rawRun(db: Db, text: string, ...params: unknown[]): Promise<void> {
  if (onPostgres(db)) {
    await pgRows(db, text, params);
    return;
  }
  db.$client.prepare(text).run(...params);
}
