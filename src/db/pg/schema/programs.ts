// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

export const PROGRAM_STATUSES = ['active', 'ended'] as const;

/** A cohort with its dates and cadence. People and pairs belong to one; none means the default program. */
export const programs = pgTable('programs', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  /** Calendar days (YYYY-MM-DD) in ORG_TIMEZONE. */
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  /** Days without a meeting before a pair is nudged; CADENCE_DAYS when null. */
  cadenceDays: bigint('cadence_days', { mode: 'number' }),
  status: text({ enum: PROGRAM_STATUSES }).notNull().default('active'),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  createdAt: epochMs('created_at').notNull(),
  endedAt: epochMs('ended_at'),
});

export type ProgramRow = typeof programs.$inferSelect;

export const BROADCAST_STATUSES = ['draft', 'sent', 'cancelled'] as const;

/** An announcement to every active participant: drafted, confirmed with its count, then queued once. */
export const broadcasts = pgTable('broadcasts', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  text: text().notNull(),
  byUserId: bigint('by_user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  status: text({ enum: BROADCAST_STATUSES }).notNull().default('draft'),
  recipients: bigint({ mode: 'number' }).notNull().default(0),
  createdAt: epochMs('created_at').notNull(),
  sentAt: epochMs('sent_at'),
});
