// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, boolean, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { leftAs } from './feedback';
import { users } from './users';

/**
 * The survey at a program's end. `program` names the cohort ("default" until programs exist).
 * Like session ratings, these answers reach HR only as aggregates of K_ANON_MIN people or more.
 */
export const finalSurveys = pgTable(
  'final_surveys',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    program: text().notNull(),
    /** Cut when the person leaves: the answer stays, anonymised. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    /** 1–5. */
    overall: bigint({ mode: 'number' }).notNull(),
    /** 0–10: would you recommend reverse mentoring to a colleague? */
    nps: bigint({ mode: 'number' }).notNull(),
    changed: text(),
    /** Agreed that their story may be told (and asked for one). */
    shareStory: boolean('share_story').notNull().default(false),
    leftAs: leftAs(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('final_surveys_once').on(t.program, t.userId)],
);

/** Who was invited to a program's final survey: inviting again never repeats the message. */
export const surveyInvites = pgTable(
  'survey_invites',
  {
    program: text().notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.program, t.userId] })],
);
