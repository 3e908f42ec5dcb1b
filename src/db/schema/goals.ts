import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { pairs } from './matching';
import { users } from './users';

export const GOAL_STATUSES = ['open', 'done'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A SMART goal one member of a pair set; both members see it, only its owner moves it. */
export const goals = sqliteTable(
  'goals',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pairId: integer('pair_id')
      .notNull()
      .references(() => pairs.id, { onDelete: 'cascade' }),
    ownerUserId: integer('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    specific: text().notNull(),
    measure: text().notNull(),
    /** A calendar day (YYYY-MM-DD) in the owner's zone. */
    deadline: text().notNull(),
    relevant: text().notNull(),
    /** Percent, in steps of 25. */
    progress: integer().notNull().default(0),
    status: text({ enum: GOAL_STATUSES }).notNull().default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('goals_pair_idx').on(t.pairId)],
);

export type GoalRow = typeof goals.$inferSelect;
