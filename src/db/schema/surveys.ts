import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { leftAs } from './feedback';
import { users } from './users';

/**
 * The survey at a program's end. `program` names the cohort ("default" until programs exist).
 * Like session ratings, these answers reach HR only as aggregates of K_ANON_MIN people or more.
 */
export const finalSurveys = sqliteTable(
  'final_surveys',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    program: text().notNull(),
    /** Cut when the person leaves: the answer stays, anonymised. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** 1–5. */
    overall: integer().notNull(),
    /** 0–10: would you recommend reverse mentoring to a colleague? */
    nps: integer().notNull(),
    changed: text(),
    /** Agreed that their story may be told (and asked for one). */
    shareStory: integer('share_story', { mode: 'boolean' }).notNull().default(false),
    leftAs: leftAs(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('final_surveys_once').on(t.program, t.userId)],
);

/** Who was invited to a program's final survey: inviting again never repeats the message. */
export const surveyInvites = sqliteTable(
  'survey_invites',
  {
    program: text().notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.program, t.userId] })],
);
