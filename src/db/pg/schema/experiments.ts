// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { pairs } from './matching';
import { users } from './users';

export const EXPERIMENT_STATUSES = ['proposed', 'piloting', 'parked', 'concluded'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
export const OUTCOMES = ['worked', 'didnt', 'learned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An idea tested small instead of argued in long meetings: hypothesis, smallest test, measure. */
export const experiments = pgTable(
  'experiments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    authorUserId: bigint('author_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The author's pair when it was proposed, whose partner may sponsor it. */
    pairId: bigint('pair_id', { mode: 'number' }).references(() => pairs.id, { onDelete: 'set null' }),
    title: text().notNull(),
    hypothesis: text().notNull(),
    smallestTest: text('smallest_test').notNull(),
    measure: text().notNull(),
    status: text({ enum: EXPERIMENT_STATUSES }).notNull().default('proposed'),
    sponsorUserId: bigint('sponsor_user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    /** YYYY-MM-DD in the sponsor's zone. */
    checkDate: text('check_date'),
    parkReason: text('park_reason'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('experiments_status_idx').on(t.status)],
);

/** What the author and the sponsor each said at the check date. */
export const experimentOutcomes = pgTable(
  'experiment_outcomes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    experimentId: bigint('experiment_id', { mode: 'number' })
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    outcome: text({ enum: OUTCOMES }).notNull(),
    note: text().notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('experiment_outcomes_once').on(t.experimentId, t.userId)],
);

export type ExperimentRow = typeof experiments.$inferSelect;
