import { randomUUID } from 'node:crypto';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pairs } from './matching';
import { users } from './users';

export const MEETING_KINDS = ['sprint', 'meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held', 'missed'] as const;

/** A sprint or meeting of a pair. Times are UTC; each person sees them in their own zone. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /**
     * The calendar UID (RFC 5545): a random UUID made at booking and kept through every move
     * and the cancel, so each calendar updates its one event — and never another
     * installation's meeting with the same number. Made by the app on every insert.
     */
    uid: text()
      .notNull()
      .$defaultFn(() => randomUUID()),
    pairId: integer('pair_id')
      .notNull()
      .references(() => pairs.id, { onDelete: 'cascade' }),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    durationMin: integer('duration_min').notNull(),
    topic: text().notNull(),
    link: text(),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** RFC 5545 SEQUENCE: bumped on every change, so calendars apply updates in order. */
    sequence: integer().notNull().default(0),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('meetings_pair_idx').on(t.pairId, t.startsAt),
    index('meetings_status_idx').on(t.status, t.startsAt),
    uniqueIndex('meetings_uid_unique').on(t.uid),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
