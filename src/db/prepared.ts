import type { DbOrTx } from './client';

/**
 * A query every event runs, prepared once per connection: building and compiling it on each
 * call cost more than running it. `perConnection(prepare)` gives the getter; `prepare` builds
 * the statement(s) with placeholders.
 */
export function perConnection<T>(prepare: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<DbOrTx, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = prepare(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
