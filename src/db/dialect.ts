import { is, type SQL, sql } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './client';

/*
 * The few SQL fragments that differ between SQLite and PostgreSQL, chosen per handle. The app
 * types every handle as SQLite's `Db` (the PostgreSQL one is cast: features use only the
 * query-builder subset both share, and await it); what the builder cannot say the same way on
 * both is said here.
 */

/** Whether a handle (the root or a transaction's) is on PostgreSQL. */
export function onPostgres(db: DbOrTx): boolean {
  return is(db, PgDatabase);
}

/** `column` (a JSON column) has a non-null `key` at its top level. */
export function jsonHas(db: DbOrTx, column: SQLiteColumn, key: string): SQL {
  return onPostgres(db)
    ? sql`(${column} -> ${sql.raw(`'${key}'`)}) is not null`
    : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)}) is not null`;
}

/** The strings of a JSON array given as one text parameter, as a subquery of `value`s. */
export function jsonStrings(db: DbOrTx, param: SQL | SQL.Aliased | unknown): SQL {
  return onPostgres(db)
    ? sql`(select value from jsonb_array_elements_text(${param}::jsonb))`
    : sql`(select value from json_each(${param}))`;
}

/** `column` (a JSON object) with its top-level `key` set to an empty array. */
export function jsonEmptyArrayAt(db: DbOrTx, column: SQLiteColumn, key: string): SQL {
  return onPostgres(db)
    ? sql`jsonb_set(${column}, ${sql.raw(`'{${key}}'`)}, '[]'::jsonb)`
    : sql`json_set(${column}, ${sql.raw(`'$.${key}'`)}, json('[]'))`;
}
