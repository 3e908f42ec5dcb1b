import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { populationOf, userIn } from '../../db/queries/population';
import { type UserRow, userRoles, users } from '../../db/schema';

/**
 * Everyone who may review content: stored HR and admin grants, plus ADMIN_IDS who have written
 * to the bot — of the people this start serves (the console demo's HR is not a company's).
 */
export async function hrPeople(
  db: DbOrTx,
  config: Pick<Config, 'ADMIN_IDS' | 'platforms'>,
): Promise<UserRow[]> {
  const population = populationOf(config);
  const granted = (
    await db
      .select({ user: users })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(userIn(population, users.id))
  ).map((r) => r.user);
  const bootstrap = (await db.select().from(users)).filter((u) =>
    config.ADMIN_IDS.some((a) => a.platform === u.platform && a.id === u.platformUserId),
  );
  const byId = new Map([...granted, ...bootstrap].map((u) => [u.id, u]));
  return [...byId.values()];
}
