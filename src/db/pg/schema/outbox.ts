// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import type { Target } from '../../../core/refs';
import { PLATFORMS } from '../../../core/refs';
import type { OutgoingPayload } from '../../../core/replies';
import { users } from './users';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every outgoing message, written before it is sent. `dedupeKey` names the logical message,
 * so the same message can never be queued (or sent) twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    platform: text({ enum: PLATFORMS }).notNull(),
    /** One key per conversation (a DM and its person share one), for in-order delivery. */
    targetKey: text('target_key').notNull(),
    target: jsonb().$type<Target>().notNull(),
    /** Cleared once sent: the outbox is not an archive of what people said. */
    payload: jsonb().$type<OutgoingPayload | null>(),
    /** The addressee, so their queued messages go when they leave. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: bigint({ mode: 'number' }).notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    claimedAt: epochMs('claimed_at'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    sentAt: epochMs('sent_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_conversation_idx').on(t.targetKey, t.status, t.id),
    index('outbox_created_idx').on(t.createdAt),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
