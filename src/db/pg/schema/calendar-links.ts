// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

export const CALENDAR_PROVIDERS = ['google', 'microsoft'] as const;
export type CalendarProviderName = (typeof CALENDAR_PROVIDERS)[number];

/**
 * A person's connected calendar (Google or Microsoft 365), read for free/busy only. The
 * tokens are sealed (AES-GCM under CALENDAR_TOKEN_KEY): the file alone reads no calendar.
 * Deleted with the person (`leave`) and by Disconnect.
 */
export const calendarLinks = pgTable(
  'calendar_links',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text({ enum: CALENDAR_PROVIDERS }).notNull(),
    /** The account as the person knows it (an e-mail address), shown back to them. */
    account: text().notNull(),
    /** The access and refresh tokens, sealed. */
    tokens: text().notNull(),
    /** When the access token stops working (refreshed before use after that). */
    expiresAt: epochMs('expires_at').notNull(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('calendar_links_user_provider_idx').on(t.userId, t.provider)],
);

export type CalendarLinkRow = typeof calendarLinks.$inferSelect;

/**
 * The connection links already used: a link (its sealed `state`) connects a calendar once.
 * Keyed by a hash of the link's PKCE verifier, which only Tandem can read out of the state;
 * nothing here names a person. A row is kept until its link would have expired anyway.
 */
export const calendarUsedLinks = pgTable('calendar_used_links', {
  key: text().primaryKey(),
  expiresAt: epochMs('expires_at').notNull(),
});
