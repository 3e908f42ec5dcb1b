import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { type CalendarLinkRow, calendarLinks, calendarUsedLinks } from '../../db/schema';
import type { Tokens } from './providers';
import type { Sealer } from './sealed';
import type { CalendarProviderId } from './state';

/** A person's connected calendars, oldest first. */
export function linksOf(db: DbOrTx, userId: number): Promise<CalendarLinkRow[]> {
  return db
    .select()
    .from(calendarLinks)
    .where(eq(calendarLinks.userId, userId))
    .orderBy(calendarLinks.id);
}

export function linkOf(
  db: DbOrTx,
  userId: number,
  id: number,
): Promise<CalendarLinkRow | undefined> {
  return first(
    db
      .select()
      .from(calendarLinks)
      .where(and(eq(calendarLinks.id, id), eq(calendarLinks.userId, userId))),
  );
}

/**
 * Stores a connection, sealed; connecting the same provider again replaces the old one (a
 * person has one calendar per provider). Returns the link's id.
 */
export async function saveLink(
  db: DbOrTx,
  sealer: Sealer,
  input: { userId: number; provider: CalendarProviderId; account: string; tokens: Tokens },
  now: Date,
): Promise<number | undefined> {
  const sealed = sealer.seal(JSON.stringify(input.tokens));
  const expiresAt = new Date(input.tokens.expiresAt);
  const row = await first(
    db
      .insert(calendarLinks)
      .values({
        userId: input.userId,
        provider: input.provider,
        account: input.account,
        tokens: sealed,
        expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [calendarLinks.userId, calendarLinks.provider],
        set: { account: input.account, tokens: sealed, expiresAt, createdAt: now, updatedAt: now },
      })
      .returning({ id: calendarLinks.id }),
  );
  return row?.id;
}

/** Disconnect: the link and its tokens go. False when it was not there (any more). */
export async function deleteLink(db: DbOrTx, userId: number, id: number): Promise<boolean> {
  const gone = await db
    .delete(calendarLinks)
    .where(and(eq(calendarLinks.id, id), eq(calendarLinks.userId, userId)))
    .returning({ id: calendarLinks.id });
  return gone.length > 0;
}

/**
 * Spends a connection link: true the first time its key is seen, false ever after (a second
 * visit, a forwarded copy, a reload). One conditional insert, so two callbacks racing on two
 * replicas cannot both win. Links past their time are forgotten here as well.
 */
export async function spendLink(
  db: DbOrTx,
  key: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await db.delete(calendarUsedLinks).where(lt(calendarUsedLinks.expiresAt, now));
  const row = await first(
    db
      .insert(calendarUsedLinks)
      .values({ key, expiresAt })
      .onConflictDoNothing()
      .returning({ key: calendarUsedLinks.key }),
  );
  return row !== undefined;
}
