/**
 * Copies a seeded SQLite database into a PostgreSQL one migrated by Tandem, so a benchmark
 * measures the same data on both (bench/beside.ts). Row by row through the two drizzle
 * schemas (src/db/schema and its derived twin src/db/pg/schema): each value as SQLite's
 * schema reads it, written as PostgreSQL's schema writes it; ids kept (OVERRIDING SYSTEM
 * VALUE) and the identity sequences moved past them; foreign keys unchecked during the copy
 * (session_replication_role), as pg_restore does.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import type { Db } from '../src/db/client';
import * as pgSchema from '../src/db/pg/schema';
import * as schema from '../src/db/schema';

/** Rows per insert statement (PostgreSQL takes at most 65 535 parameters in one). */
const BATCH = 500;

export async function copyToPostgres(from: Db, url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const sqliteTables = schema as unknown as Record<string, unknown>;
    for (const [name, table] of Object.entries(pgSchema)) {
      if (!is(table, PgTable)) continue;
      const source = sqliteTables[name];
      if (!is(source, SQLiteTable)) continue;
      const tableName = getTableName(table);
      // Whatever the start seeded (the topic catalog) gives way to the copy.
      await client.query(`delete from "${tableName}"`);
      let rows: Record<string, unknown>[];
      try {
        rows = (await from.select().from(source)) as Record<string, unknown>[];
      } catch {
        // Not in this file (SQLite keeps the inbox in a file of its own).
        continue;
      }
      const columns = Object.entries(getTableColumns(table));
      const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
      for (let at = 0; at < rows.length; at += BATCH) {
        const chunk = rows.slice(at, at + BATCH);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => {
          const slots = columns.map(([key, column]) => {
            const value = row[key];
            params.push(
              value === null || value === undefined ? null : column.mapToDriverValue(value),
            );
            return `$${params.length}`;
          });
          return `(${slots.join(', ')})`;
        });
        await client.query(
          `insert into "${tableName}" (${names}) overriding system value values ${tuples.join(', ')}`,
          params,
        );
      }
      copied += rows.length;
      // A numeric id from an identity: the next insert goes past the copied ones.
      const identity = columns.find(([, c]) => c.name === 'id' && c.dataType === 'number');
      if (identity && rows.length > 0)
        await client.query(
          `select setval(s::regclass, m) from (select pg_get_serial_sequence('"${tableName}"', 'id') as s, (select max(id) from "${tableName}") as m) x where s is not null`,
        );
    }
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return copied;
}
