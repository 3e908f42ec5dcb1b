import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Every timed action is a row, so nothing timed is lost across a restart. */
export const timers = sqliteTable(
  'timers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    payload: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text({ enum: ['pending', 'done', 'cancelled', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    dedupeKey: text('dedupe_key').notNull().unique(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('timers_due_idx').on(t.status, t.dueAt)],
);

export type TimerRow = typeof timers.$inferSelect;
