import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { UserInfo } from '../../core/events';
import type { UserRef } from '../../core/refs';
import type { Role } from '../../core/roles';
import type { DbOrTx } from '../client';
import { first } from '../first';
import { perConnection } from '../prepared';
import { type UserRow, userRoles, users } from '../schema';

/** Longest display name we keep; platforms allow more, we never need it. */
export const USER_NAME_MAX = 120;

/**
 * Creates the person on first contact and refreshes what the platform tells us. A zone
 * from the platform wins over a stored one: the platform knows when someone travels.
 */
export async function upsertUser(db: DbOrTx, info: UserInfo, now: Date): Promise<UserRow> {
  const { name, platformLocale, timeZone, email } = platformFacts(info);
  const row = await first(
    upsertQuery(db).execute({
      platform: info.ref.platform,
      workspace: info.ref.workspace,
      platformUserId: info.ref.id,
      name,
      platformLocale,
      timeZone,
      email,
      emailGiven: info.email === undefined ? 0 : 1,
      now,
    }),
  );
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/**
 * upsertUser's statement, prepared once per connection (every event runs it; building and
 * compiling it each time cost more than running it). One shape for every call, so what
 * `refreshed` decides per call is decided in SQL: an empty name keeps the stored one, and the
 * e-mail is written only when the platform said something about it (`emailGiven`).
 */
const upsertQuery = perConnection(prepareUpsert);

function prepareUpsert(db: DbOrTx) {
  return db
    .insert(users)
    .values({
      platform: sql.placeholder('platform'),
      workspace: sql.placeholder('workspace'),
      platformUserId: sql.placeholder('platformUserId'),
      name: sql.placeholder('name'),
      platformLocale: sql.placeholder('platformLocale'),
      timeZone: sql.placeholder('timeZone'),
      email: sql.placeholder('email'),
      createdAt: sql.placeholder('now'),
      lastSeenAt: sql.placeholder('now'),
    })
    .onConflictDoUpdate({
      target: [users.platform, users.workspace, users.platformUserId],
      set: {
        name: sql`case when excluded.name = '' then ${users.name} else excluded.name end`,
        platformLocale: sql`coalesce(excluded.platform_locale, ${users.platformLocale})`,
        timeZone: sql`coalesce(excluded.time_zone, ${users.timeZone})`,
        email: sql`case when ${sql.placeholder('emailGiven')} = 1 then excluded.email else ${users.email} end`,
        lastSeenAt: sql`excluded.last_seen_at`,
        unreachableAt: null,
      },
    })
    .returning()
    .prepare();
}

/**
 * `upsertUser` for someone Tandem already knows; undefined (and nothing written) for anyone
 * else — a person who never joined, or who left and has only a tombstone.
 */
export function refreshUser(db: DbOrTx, info: UserInfo, now: Date): Promise<UserRow | undefined> {
  const { name, platformLocale, timeZone } = platformFacts(info);
  return first(
    db
      .update(users)
      .set(refreshed(name, now, sql`${platformLocale}`, sql`${timeZone}`, info.email))
      .where(
        and(
          eq(users.platform, info.ref.platform),
          eq(users.workspace, info.ref.workspace),
          eq(users.platformUserId, info.ref.id),
          isNull(users.leftAt),
        ),
      )
      .returning(),
  );
}

/** Ids start at 1, so this one is never a saved person's. */
const UNSAVED_USER_ID = 0;

/**
 * Someone Tandem does not know, as a row that is never written: enough to draw what they see
 * (a home that says "not joined") without keeping their name, id or zone. Nothing may be
 * queued or stored for them; `isSaved` tells them apart.
 */
export function unsavedUser(info: UserInfo, now: Date): UserRow {
  const { name, platformLocale, timeZone } = platformFacts(info);
  return {
    id: UNSAVED_USER_ID,
    platform: info.ref.platform,
    workspace: info.ref.workspace,
    platformUserId: info.ref.id,
    name,
    locale: null,
    platformLocale,
    timeZone,
    email: null,
    createdAt: now,
    lastSeenAt: now,
    unreachableAt: null,
    leftAt: null,
    homeHash: null,
  };
}

export function isSaved(user: UserRow): boolean {
  return user.id !== UNSAVED_USER_ID;
}

function platformFacts(info: UserInfo) {
  return {
    name: (info.name ?? '').slice(0, USER_NAME_MAX),
    platformLocale: info.locale ?? null,
    timeZone: info.timeZone ?? null,
    email: info.email ?? null,
  };
}

/**
 * What a refresh changes: what the platform says now, where it says anything. An e-mail the
 * platform no longer gives (the scope was taken away) is dropped, not kept.
 */
function refreshed(
  name: string,
  now: Date,
  platformLocale: SQL,
  timeZone: SQL,
  email: UserInfo['email'],
) {
  return {
    name: name ? name : sql`${users.name}`,
    platformLocale: sql`coalesce(${platformLocale}, ${users.platformLocale})`,
    timeZone: sql`coalesce(${timeZone}, ${users.timeZone})`,
    ...(email === undefined ? {} : { email }),
    lastSeenAt: now,
    unreachableAt: null,
  };
}

/** The person with this id; undefined once they have left (their row is a tombstone). */
export function getUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return first(
    db
      .select()
      .from(users)
      .where(and(eq(users.id, id), isNull(users.leftAt))),
  );
}

export function findUser(db: DbOrTx, ref: UserRef): Promise<UserRow | undefined> {
  return first(
    db
      .select()
      .from(users)
      .where(
        and(
          eq(users.platform, ref.platform),
          eq(users.workspace, ref.workspace),
          eq(users.platformUserId, ref.id),
          isNull(users.leftAt),
        ),
      ),
  );
}

export function userRef(row: UserRow): UserRef {
  return { platform: row.platform, workspace: row.workspace, id: row.platformUserId };
}

const rolesQuery = perConnection((db) =>
  db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .prepare(),
);

export async function storedRoles(db: DbOrTx, userId: number): Promise<Role[]> {
  return (await rolesQuery(db).execute({ userId })).map((r) => r.role);
}

export async function updateUser(
  db: DbOrTx,
  id: number,
  patch: Partial<Pick<UserRow, 'locale' | 'timeZone'>>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/**
 * Leaves only a tombstone of the person: no name, no platform id, no language, zone or e-mail. The
 * id stays, so the pair's goals and meetings keep their other side. Someone who writes again
 * from the same account is a new person.
 */
export async function tombstoneUser(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      name: '',
      // Unique per platform and workspace, and no real platform id looks like it.
      platformUserId: `left:${id}`,
      locale: null,
      platformLocale: null,
      timeZone: null,
      email: null,
      createdAt: now,
      lastSeenAt: null,
      unreachableAt: null,
      leftAt: now,
    })
    .where(eq(users.id, id));
}

/** Remembers which home surface they were last sent, so an unchanged one is not sent again. */
export async function setHomeHash(db: DbOrTx, userId: number, hash: string): Promise<void> {
  await db.update(users).set({ homeHash: hash }).where(eq(users.id, userId));
}
