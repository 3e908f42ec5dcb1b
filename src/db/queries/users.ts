import { and, eq, sql } from 'drizzle-orm';
import type { UserInfo } from '../../core/events';
import type { UserRef } from '../../core/refs';
import type { Role } from '../../core/roles';
import type { DbOrTx } from '../client';
import { type UserRow, userRoles, users } from '../schema';

/** Longest display name we keep; platforms allow more, we never need it. */
export const USER_NAME_MAX = 120;

/**
 * Creates the person on first contact and refreshes what the platform tells us. A zone
 * from the platform wins over a stored one: the platform knows when someone travels.
 */
export function upsertUser(db: DbOrTx, info: UserInfo, now: Date): UserRow {
  const name = (info.name ?? '').slice(0, USER_NAME_MAX);
  const row = db
    .insert(users)
    .values({
      platform: info.ref.platform,
      workspace: info.ref.workspace,
      platformUserId: info.ref.id,
      name,
      platformLocale: info.locale ?? null,
      timeZone: info.timeZone ?? null,
      createdAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: [users.platform, users.workspace, users.platformUserId],
      set: {
        name: name ? name : sql`${users.name}`,
        platformLocale: sql`coalesce(excluded.platform_locale, ${users.platformLocale})`,
        timeZone: sql`coalesce(excluded.time_zone, ${users.timeZone})`,
        lastSeenAt: now,
        unreachableAt: null,
      },
    })
    .returning()
    .get();
  return row;
}

export function getUser(db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUser(db: DbOrTx, ref: UserRef): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(
      and(
        eq(users.platform, ref.platform),
        eq(users.workspace, ref.workspace),
        eq(users.platformUserId, ref.id),
      ),
    )
    .get();
}

export function userRef(row: UserRow): UserRef {
  return { platform: row.platform, workspace: row.workspace, id: row.platformUserId };
}

export function storedRoles(db: DbOrTx, userId: number): Role[] {
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role);
}

export function updateUser(
  db: DbOrTx,
  id: number,
  patch: Partial<Pick<UserRow, 'locale' | 'timeZone'>>,
): void {
  db.update(users).set(patch).where(eq(users.id, id)).run();
}

/** Deletes the person; foreign keys cascade to everything that is theirs. */
export function deleteUser(db: DbOrTx, id: number): void {
  db.delete(users).where(eq(users.id, id)).run();
}
