/**
 * The first row a query returns, or undefined: what better-sqlite3's synchronous `.get()`
 * gave, for an awaited query (`await first(tx.select().from(t).where(…))`).
 */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The row an `insert … returning()` wrote: exactly one, or the insert did not happen. */
export async function one<T>(rows: PromiseLike<T[]>): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}
