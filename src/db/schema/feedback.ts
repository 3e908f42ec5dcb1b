import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pairs } from './matching';
import { meetings } from './meetings';
import { users } from './users';

/**
 * After the author left: a number standing for them, the same on all their answers and
 * unrelated to any id, so each week's head count (the k rule) stays what it was while
 * nothing points at who they were.
 */
export const leftAs = () => integer('left_as');

/**
 * One person's answer to the poll after a session. The rating is private to its author:
 * partners never see it, and HR sees it only inside aggregates of at least K_ANON_MIN people.
 */
export const meetingFeedback = sqliteTable(
  'meeting_feedback',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // Both links are cut when a person leaves (the meeting would say whose it was): feedback
    // stays, anonymised.
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** 1–5. */
    usefulness: integer().notNull(),
    learned: text(),
    noteForHr: text('note_for_hr'),
    /** The author agreed that HR sees their name next to the free text. */
    named: integer({ mode: 'boolean' }).notNull().default(false),
    leftAs: leftAs(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('meeting_feedback_once').on(t.meetingId, t.userId),
    index('meeting_feedback_created_idx').on(t.createdAt),
  ],
);

export const FITS = ['good', 'unsure', 'bad'] as const;
export type Fit = (typeof FITS)[number];

/** "How is the pairing working?", asked once per person after the pair's first session. */
export const pairFit = sqliteTable(
  'pair_fit',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pairId: integer('pair_id').references(() => pairs.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    fit: text({ enum: FITS }).notNull(),
    leftAs: leftAs(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('pair_fit_once').on(t.pairId, t.userId)],
);

export type MeetingFeedbackRow = typeof meetingFeedback.$inferSelect;
