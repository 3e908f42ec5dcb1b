import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export type FormValue = string | string[] | number | null;

/** A form in progress; persisted so a restart mid-form resumes at the same field. */
export const formSessions = sqliteTable(
  'form_sessions',
  {
    id: text().primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    formId: text('form_id').notNull(),
    status: text({ enum: ['active', 'done', 'cancelled'] }).notNull(),
    /** Name of the field being asked now. */
    field: text().notNull(),
    /** Bumped on every new question, so buttons from an earlier question are recognised as stale. */
    step: integer().notNull().default(0),
    /** Fields answered so far, in order, for Back. */
    history: text({ mode: 'json' }).$type<string[]>().notNull(),
    values: text({ mode: 'json' }).$type<Record<string, FormValue>>().notNull(),
    /** Form-specific context (e.g. "editing an existing profile"). */
    mode: text().notNull().default('create'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('form_sessions_user_idx').on(t.userId, t.status)],
);

export type FormSessionRow = typeof formSessions.$inferSelect;
