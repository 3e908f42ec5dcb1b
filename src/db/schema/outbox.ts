import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Target } from '../../core/refs';
import { PLATFORMS } from '../../core/refs';
import type { OutgoingPayload } from '../../core/replies';
import { users } from './users';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every outgoing message, written before it is sent. `dedupeKey` names the logical message,
 * so the same message can never be queued (or sent) twice.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull().unique(),
    platform: text({ enum: PLATFORMS }).notNull(),
    /** One key per conversation (a DM and its person share one), for in-order delivery. */
    targetKey: text('target_key').notNull(),
    target: text({ mode: 'json' }).$type<Target>().notNull(),
    /** Cleared once sent: the outbox is not an archive of what people said. */
    payload: text({ mode: 'json' }).$type<OutgoingPayload | null>(),
    /** The addressee, so their queued messages go when they leave. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_conversation_idx').on(t.targetKey, t.status, t.id),
    index('outbox_created_idx').on(t.createdAt),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
