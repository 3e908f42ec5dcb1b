import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import type { PgDb } from './client';

/*
 * PostgreSQL's versions of the statements src/db/sqlite.ts runs in SQLite's dialect. The
 * reports' text is written once, in SQLite's dialect; the few spellings that differ are
 * translated here, and each `?` becomes a bound parameter.
 */

/** SQLite spellings the reports use, and PostgreSQL's. */
const SPELLINGS: [RegExp, string][] = [
  // group_concat(x, sep) is string_agg(x, sep) (its argument must be text).
  [/group_concat\(([^,()]+),/g, 'string_agg(($1)::text,'],
  // `from t, json_each(t.col) j` yields j.value: a set-returning function with that column.
  [/json_each\(([\w.]+)\)\s+(\w+)/g, 'jsonb_array_elements_text($1) as $2(value)'],
  // `+column` steers SQLite's planner; PostgreSQL has no unary plus on every type.
  [/(^|[\s(,=<>])\+(\w+\.\w+|\w+)/g, '$1$2'],
];

export function translate(text: string): string {
  return SPELLINGS.reduce((out, [from, to]) => out.replace(from, to), text);
}

/**
 * The statement with each `?` bound to the next parameter, or each `@name` to that key of
 * the one object given (better-sqlite3's named parameters).
 */
function bind(text: string, params: unknown[]): SQL {
  const [named] = params;
  if (params.length === 1 && typeof named === 'object' && named !== null && /@\w/.test(text)) {
    const values: unknown[] = [];
    const positional = text.replace(/@(\w+)/g, (_, key: string) => {
      values.push((named as Record<string, unknown>)[key]);
      return '?';
    });
    return bind(positional, values);
  }
  const parts = translate(text).split('?');
  if (parts.length - 1 !== params.length) throw new Error('parameter count mismatch');
  const query = sql.empty();
  parts.forEach((part, i) => {
    query.append(sql.raw(part));
    if (i < params.length) query.append(sql`${params[i]}`);
  });
  return query;
}

/** PostgreSQL's type ids for bigint, numeric and boolean (pg_type.oid). */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/**
 * node-postgres hands bigint and numeric values over as strings (they may not fit a double)
 * and flags as booleans; the reports' numbers (counts, sums, epoch milliseconds) all fit, and
 * their flags are 0/1 in SQLite: the same shapes here, so the reports need no second reading.
 */
export async function pgRows<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const result = await (db as unknown as PgDb).execute(bind(text, params));
  const numbers = result.fields
    .filter((f) => f.dataTypeID === INT8 || f.dataTypeID === NUMERIC)
    .map((f) => f.name);
  const flags = result.fields.filter((f) => f.dataTypeID === BOOL).map((f) => f.name);
  return result.rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const name of numbers) if (out[name] != null) out[name] = Number(out[name]);
    for (const name of flags) if (out[name] != null) out[name] = out[name] ? 1 : 0;
    return out as T;
  });
}

export async function pgStatement(db: DbOrTx, statement: SQL): Promise<void> {
  await (db as unknown as PgDb).execute(statement);
}
