import { and, eq, isNull, sql } from 'drizzle-orm';
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

/** The person with this id; undefined once they have left (their row is a tombstone). */
export function getUser(db: DbOrTx, id: number): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.leftAt)))
    .get();
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
        isNull(users.leftAt),
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

/**
 * Leaves only a tombstone of the person: no name, no platform id, no language or zone. The
 * id stays, so the pair's goals and meetings keep their other side. Someone who writes again
 * from the same account is a new person.
 */
export function tombstoneUser(db: DbOrTx, id: number, now: Date): void {
  db.update(users)
    .set({
      name: '',
      // Unique per platform and workspace, and no real platform id looks like it.
      platformUserId: `left:${id}`,
      locale: null,
      platformLocale: null,
      timeZone: null,
      createdAt: now,
      lastSeenAt: null,
      unreachableAt: null,
      leftAt: now,
    })
    .where(eq(users.id, id))
    .run();
}
