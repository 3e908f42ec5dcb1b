import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export const PROGRAM_STATUSES = ['active', 'ended'] as const;

/** A cohort with its dates and cadence. People and pairs belong to one; none means the default program. */
export const programs = sqliteTable('programs', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  /** Calendar days (YYYY-MM-DD) in ORG_TIMEZONE. */
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  /** Days without a meeting before a pair is nudged; CADENCE_DAYS when null. */
  cadenceDays: integer('cadence_days'),
  status: text({ enum: PROGRAM_STATUSES }).notNull().default('active'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
});

export type ProgramRow = typeof programs.$inferSelect;

export const BROADCAST_STATUSES = ['draft', 'sent', 'cancelled'] as const;

/** An announcement to every active participant: drafted, confirmed with its count, then queued once. */
export const broadcasts = sqliteTable('broadcasts', {
  id: integer().primaryKey({ autoIncrement: true }),
  text: text().notNull(),
  byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
  status: text({ enum: BROADCAST_STATUSES }).notNull().default('draft'),
  recipients: integer().notNull().default(0),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
});
