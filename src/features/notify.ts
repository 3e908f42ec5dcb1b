import type { EngineDeps } from '../core/context';
import { resolveLocale, translatorFor } from '../core/engine';
import type { Locale, Translate } from '../core/i18n';
import { enqueue } from '../core/outbox';
import type { Reply } from '../core/replies';
import type { DbOrTx } from '../db/client';
import { inPopulation, populationOf } from '../db/queries/population';
import { getUser, userRef } from '../db/queries/users';
import type { UserRow } from '../db/schema';

/**
 * Queues a message to someone other than the event's author, in their language, to their
 * DM. `key` names the logical message so it is never sent twice; false when it already was,
 * or when the person is not one this start serves (the console demo's, in a platform start):
 * whatever query found them, nothing reaches them.
 */
export async function notify(
  db: DbOrTx,
  deps: Pick<EngineDeps, 'config' | 'adapters'>,
  user: UserRow,
  key: string,
  build: (t: Translate, locale: Locale) => Reply,
  now: Date,
): Promise<boolean> {
  if (!inPopulation(populationOf(deps.config), user)) return false;
  const locale = resolveLocale(user, deps.config.DEFAULT_LOCALE);
  return enqueue(
    db,
    {
      dedupeKey: key,
      target: { kind: 'user', user: userRef(user) },
      payload: { kind: 'reply', reply: build(translatorFor(deps, user), locale), locale },
      userId: user.id,
    },
    now,
  );
}

/** `notify` for someone known by id; nothing is queued for a person who has left. */
export async function notifyUser(
  db: DbOrTx,
  deps: Pick<EngineDeps, 'config' | 'adapters'>,
  userId: number,
  key: string,
  build: (t: Translate, locale: Locale) => Reply,
  now: Date,
): Promise<void> {
  const user = await getUser(db, userId);
  if (user) await notify(db, deps, user, key, build, now);
}
