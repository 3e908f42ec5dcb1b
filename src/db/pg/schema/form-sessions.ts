// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

export type FormValue = string | string[] | number | null;

/** A form in progress; persisted so a restart mid-form resumes at the same field. */
export const formSessions = pgTable(
  'form_sessions',
  {
    id: text().primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    formId: text('form_id').notNull(),
    status: text({ enum: ['active', 'done', 'cancelled'] }).notNull(),
    /** Name of the field being asked now. */
    field: text().notNull(),
    /** Bumped on every new question, so buttons from an earlier question are recognised as stale. */
    step: bigint({ mode: 'number' }).notNull().default(0),
    /** Fields answered so far, in order, for Back. */
    history: jsonb().$type<string[]>().notNull(),
    values: jsonb().$type<Record<string, FormValue>>().notNull(),
    /** Form-specific context (e.g. "editing an existing profile"). */
    mode: text().notNull().default('create'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('form_sessions_user_idx').on(t.userId, t.status)],
);

export type FormSessionRow = typeof formSessions.$inferSelect;
