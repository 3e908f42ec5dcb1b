/**
 * The first row a query returns, or undefined: what better-sqlite3's synchronous `.get()`
 * gave, for an awaited query (`await first(tx.select().from(t).where(…))`).
 */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}
