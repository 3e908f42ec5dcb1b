import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { type UserRow, userRoles, users } from '../../db/schema';

/** Everyone who may review content: stored HR and admin grants, plus ADMIN_IDS who have written to the bot. */
export function hrPeople(db: DbOrTx, config: Pick<Config, 'ADMIN_IDS'>): UserRow[] {
  const granted = db
    .select({ user: users })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .all()
    .map((r) => r.user);
  const bootstrap = db
    .select()
    .from(users)
    .all()
    .filter((u) =>
      config.ADMIN_IDS.some((a) => a.platform === u.platform && a.id === u.platformUserId),
    );
  const byId = new Map([...granted, ...bootstrap].map((u) => [u.id, u]));
  return [...byId.values()];
}
