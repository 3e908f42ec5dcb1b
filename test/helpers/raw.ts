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

/**
 * Everything the database holds, as bytes to search: SQLite's file image; on PostgreSQL the
 * text of every row of every table of the schema (what a dump of the data would hold).
 */
export async function databaseBytes(database: {
  db: Db;
  sqlite: { serialize(): Buffer };
}): Promise<Buffer> {
  const { db } = database;
  if (!onPostgres(db)) return database.sqlite.serialize();
  const tables = await pgRows<{ name: string }>(
    db,
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    [],
  );
  const texts: string[] = [];
  for (const { name } of tables) {
    const rows = await pgRows<{ row: string }>(db, `select t::text as row from "${name}" t`, []);
    texts.push(...rows.map((r) => r.row));
  }
  return Buffer.from(texts.join('\n'));
}
