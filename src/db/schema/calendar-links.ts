import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export const CALENDAR_PROVIDERS = ['google', 'microsoft'] as const;
export type CalendarProviderName = (typeof CALENDAR_PROVIDERS)[number];

/**
 * A person's connected calendar (Google or Microsoft 365), read for free/busy only. The
 * tokens are sealed (AES-GCM under CALENDAR_TOKEN_KEY): the file alone reads no calendar.
 * Deleted with the person (`leave`) and by Disconnect.
 */
export const calendarLinks = sqliteTable(
  'calendar_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text({ enum: CALENDAR_PROVIDERS }).notNull(),
    /** The account as the person knows it (an e-mail address), shown back to them. */
    account: text().notNull(),
    /** The access and refresh tokens, sealed. */
    tokens: text().notNull(),
    /** When the access token stops working (refreshed before use after that). */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('calendar_links_user_provider_idx').on(t.userId, t.provider)],
);

export type CalendarLinkRow = typeof calendarLinks.$inferSelect;

/**
 * The connection links already used: a link (its sealed `state`) connects a calendar once.
 * Keyed by a hash of the link's PKCE verifier, which only Tandem can read out of the state;
 * nothing here names a person. A row is kept until its link would have expired anyway.
 */
export const calendarUsedLinks = sqliteTable('calendar_used_links', {
  key: text().primaryKey(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});
