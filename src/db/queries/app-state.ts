import type { DbOrTx } from '../client';
import { appState } from '../schema';

/** Sets a small piece of app state (a draft, a counter, a question asked): insert or replace. */
export async function putAppState(
  db: DbOrTx,
  key: string,
  value: unknown,
  now: Date,
): Promise<void> {
  await db
    .insert(appState)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: now } });
}
