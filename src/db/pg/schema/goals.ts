// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { pairs } from './matching';
import { users } from './users';

export const GOAL_STATUSES = ['open', 'done'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A SMART goal one member of a pair set; both members see it, only its owner moves it. */
export const goals = pgTable(
  'goals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pairId: bigint('pair_id', { mode: 'number' })
      .notNull()
      .references(() => pairs.id, { onDelete: 'cascade' }),
    ownerUserId: bigint('owner_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    specific: text().notNull(),
    measure: text().notNull(),
    /** A calendar day (YYYY-MM-DD) in the owner's zone. */
    deadline: text().notNull(),
    relevant: text().notNull(),
    /** Percent, in steps of 25. */
    progress: bigint({ mode: 'number' }).notNull().default(0),
    status: text({ enum: GOAL_STATUSES }).notNull().default('open'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('goals_pair_idx').on(t.pairId)],
);

export type GoalRow = typeof goals.$inferSelect;
