// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

/** Every timed action is a row, so nothing timed is lost across a restart. */
export const timers = pgTable(
  'timers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    dueAt: epochMs('due_at').notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: ['pending', 'done', 'cancelled', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: bigint({ mode: 'number' }).notNull().default(0),
    dedupeKey: text('dedupe_key').notNull().unique(),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    doneAt: epochMs('done_at'),
  },
  (t) => [index('timers_due_idx').on(t.status, t.dueAt)],
);

export type TimerRow = typeof timers.$inferSelect;
