// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';

/**
 * Every inbound event, stored before the platform is acknowledged: the insert is the
 * dedupe (a platform retry hits the unique key) and the row is the work still to do, so an
 * acked event survives a crash. A worker runs each row as one unit of work (the handler's
 * changes, the messages it queues and the row marked done commit together) in order per
 * conversation; see src/core/inbox.ts.
 */
export const inbox = pgTable(
  'inbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** sha256 (base64url) of `${platform}:${workspace}:${eventId}`: no platform id in clear. */
    key: text().notNull().unique(),
    /** 0: interactive (someone waits on a modal or a button), 1: the rest. Lower goes first. */
    lane: bigint({ mode: 'number' }).notNull().default(1),
    /** A hash of the conversation: its events run one after another, in the order they came. */
    conversation: text().notNull(),
    /** A hash of the author, so their pending or failed events go when they leave. */
    person: text().notNull(),
    /** The event (JSON) until it is done; cleared then, since it holds names and text. */
    payload: text(),
    status: text({ enum: ['pending', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: bigint({ mode: 'number' }).notNull().default(0),
    /** Not before this (a retry's backoff). */
    nextAt: epochMs('next_at').notNull(),
    receivedAt: epochMs('received_at').notNull(),
    doneAt: epochMs('done_at'),
  },
  (t) => [
    index('inbox_due_idx').on(t.status, t.lane, t.id),
    index('inbox_conversation_idx').on(t.conversation, t.status, t.id),
    index('inbox_received_idx').on(t.receivedAt),
    index('inbox_person_idx').on(t.person),
  ],
);

export type InboxRow = typeof inbox.$inferSelect;
