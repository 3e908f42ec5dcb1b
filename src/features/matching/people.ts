import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import type { Platform } from '../../core/refs';
import type { DbOrTx } from '../../db/client';
import { profiles, type UserRow, users } from '../../db/schema';

/**
 * Participants a HR person means by "Anna", "anna petrova", "U0123", "<@U0123|anna>" or
 * "@anna", on the same platform. Several results mean the name was ambiguous.
 */
export async function findParticipants(
  db: DbOrTx,
  platform: Platform,
  query: string,
  options: { anyone?: boolean; whole?: boolean } = {},
): Promise<UserRow[]> {
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(query.trim())?.[1];
  const q = (mention ?? query.trim().replace(/^@/, '')).toLowerCase();
  if (!q) return [];
  // HR staff need not have joined: `anyone` looks at everyone who has written to the bot.
  const people = options.anyone
    ? await db.select().from(users).where(eq(users.platform, platform))
    : (
        await db
          .select({ user: users })
          .from(users)
          .innerJoin(profiles, eq(profiles.userId, users.id))
          .where(and(eq(users.platform, platform)))
      ).map((r) => r.user);
  const exact = people.filter(
    (u) => u.platformUserId.toLowerCase() === q || u.name.toLowerCase() === q,
  );
  if (exact.length > 0) return exact;
  // A single letter would pick someone by accident.
  if (q.length < 2) return [];
  return people.filter((u) =>
    u.name
      .toLowerCase()
      .split(/\s+/)
      // `whole`: a whole first or last name ("emma"), never the start of one ("em").
      .some((part) => (options.whole ? part === q : part.startsWith(q))),
  );
}

/** Exactly one person matching `query`, or undefined with the reason already told. */
export async function findOne(
  ctx: Ctx,
  query: string,
  options: { anyone?: boolean; whole?: boolean } = {},
): Promise<UserRow | undefined> {
  const found = await findParticipants(ctx.tx, ctx.user.platform, query, options);
  if (found.length === 1) return found[0];
  ctx.reply({
    kind: 'text',
    text:
      found.length === 0
        ? ctx.t('admin.notFound', { query })
        : ctx.t('admin.ambiguous', { query, names: found.map((u) => u.name).join(', ') }),
  });
  return undefined;
}
