// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { sql } from 'drizzle-orm';
import { bigint, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { PLATFORMS } from '../../../core/refs';
import { ROLES } from '../../../core/roles';

/**
 * A person the bot has talked to on one platform. When they leave, the row stays only as a
 * tombstone (no name, no platform id, `leftAt` set) so the pair's goals and meetings keep
 * their partner and past figures keep their people; `getUser` no longer finds it.
 */
export const users = pgTable(
  'users',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    platform: text({ enum: PLATFORMS }).notNull(),
    workspace: text().notNull(),
    platformUserId: text('platform_user_id').notNull(),
    name: text().notNull().default(''),
    /** Chosen explicitly with /lang or the profile form; null means "follow the platform". */
    locale: text({ enum: ['en', 'ru'] }),
    /** What the platform reports (Slack locale, Telegram language_code). */
    platformLocale: text('platform_locale'),
    timeZone: text('time_zone'),
    /**
     * The work e-mail the platform gives (Slack with `users:read.email`), for calendar invites
     * only; null where it gives none. Personal data: shown in /mydata, erased on /leave, never
     * logged.
     */
    email: text(),
    createdAt: epochMs('created_at')
      .notNull()
      .default(sql`(extract(epoch from now()) * 1000)::bigint`),
    lastSeenAt: epochMs('last_seen_at'),
    /** Set when the platform says we can't reach them (blocked the bot); cleared when they write. */
    unreachableAt: epochMs('unreachable_at'),
    /** Set when they left: the row is a tombstone, shown as "a former participant". */
    leftAt: epochMs('left_at'),
    /** A hash of the home surface last published to them, so an unchanged one isn't sent again. */
    homeHash: text('home_hash'),
  },
  (t) => [uniqueIndex('users_platform_identity').on(t.platform, t.workspace, t.platformUserId)],
);

/** Granted roles. Admins from ADMIN_IDS are added at runtime and never stored. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: ROLES }).notNull(),
    grantedAt: epochMs('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export type UserRow = typeof users.$inferSelect;
