import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { first } from '../first';
import { perConnection } from '../prepared';
import { handledEvents } from '../schema';

/** Every event runs these two when the inbox has its own file: prepared once per connection. */
const statements = perConnection((db) => ({
  mark: db
    .insert(handledEvents)
    .values({ key: sql.placeholder('key'), handledAt: sql.placeholder('now') })
    .prepare(),
  find: db
    .select({ key: handledEvents.key })
    .from(handledEvents)
    .where(eq(handledEvents.key, sql.placeholder('key')))
    .prepare(),
}));

/**
 * Records, inside a unit's transaction, that its event has run (see src/db/inbox-file.ts). A
 * second unit for the same key fails here on the primary key: its changes roll back.
 */
export async function markHandled(tx: DbOrTx, key: string, now: Date): Promise<void> {
  await statements(tx).mark.execute({ key, now });
}

/** Whether the event stored under `key` has run already (its inbox row not yet marked done). */
export async function wasHandled(db: DbOrTx, key: string): Promise<boolean> {
  return (await first(statements(db).find.execute({ key }))) !== undefined;
}

/** Kept as long as the inbox keeps finished keys, then dropped with them. */
export async function pruneHandled(db: DbOrTx, olderThan: Date): Promise<number> {
  const gone = await db
    .delete(handledEvents)
    .where(lt(handledEvents.handledAt, olderThan))
    .returning({ key: handledEvents.key });
  return gone.length;
}
