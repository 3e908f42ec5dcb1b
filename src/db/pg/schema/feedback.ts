// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { pairs } from './matching';
import { meetings } from './meetings';
import { users } from './users';

/**
 * After the author left: a number standing for them, the same on all their answers and
 * unrelated to any id, so each week's head count (the k rule) stays what it was while
 * nothing points at who they were.
 */
export const leftAs = () => bigint('left_as', { mode: 'number' });

/**
 * One person's answer to the poll after a session. The rating is private to its author:
 * partners never see it, and HR sees it only inside aggregates of at least K_ANON_MIN people.
 */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Both links are cut when a person leaves (the meeting would say whose it was): feedback
    // stays, anonymised.
    meetingId: bigint('meeting_id', { mode: 'number' }).references(() => meetings.id, { onDelete: 'set null' }),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    /** 1–5. */
    usefulness: bigint({ mode: 'number' }).notNull(),
    learned: text(),
    noteForHr: text('note_for_hr'),
    /** The author agreed that HR sees their name next to the free text. */
    named: boolean().notNull().default(false),
    leftAs: leftAs(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meeting_feedback_once').on(t.meetingId, t.userId),
    index('meeting_feedback_created_idx').on(t.createdAt),
  ],
);

export const FITS = ['good', 'unsure', 'bad'] as const;
export type Fit = (typeof FITS)[number];

/** "How is the pairing working?", asked once per person after the pair's first session. */
export const pairFit = pgTable(
  'pair_fit',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pairId: bigint('pair_id', { mode: 'number' }).references(() => pairs.id, { onDelete: 'set null' }),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    fit: text({ enum: FITS }).notNull(),
    leftAs: leftAs(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('pair_fit_once').on(t.pairId, t.userId)],
);

export type MeetingFeedbackRow = typeof meetingFeedback.$inferSelect;
