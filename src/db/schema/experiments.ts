import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pairs } from './matching';
import { users } from './users';

export const EXPERIMENT_STATUSES = ['proposed', 'piloting', 'parked', 'concluded'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
export const OUTCOMES = ['worked', 'didnt', 'learned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An idea tested small instead of argued in long meetings: hypothesis, smallest test, measure. */
export const experiments = sqliteTable(
  'experiments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The author's pair when it was proposed, whose partner may sponsor it. */
    pairId: integer('pair_id').references(() => pairs.id, { onDelete: 'set null' }),
    title: text().notNull(),
    hypothesis: text().notNull(),
    smallestTest: text('smallest_test').notNull(),
    measure: text().notNull(),
    status: text({ enum: EXPERIMENT_STATUSES }).notNull().default('proposed'),
    sponsorUserId: integer('sponsor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** YYYY-MM-DD in the sponsor's zone. */
    checkDate: text('check_date'),
    parkReason: text('park_reason'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('experiments_status_idx').on(t.status)],
);

/** What the author and the sponsor each said at the check date. */
export const experimentOutcomes = sqliteTable(
  'experiment_outcomes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    outcome: text({ enum: OUTCOMES }).notNull(),
    note: text().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('experiment_outcomes_once').on(t.experimentId, t.userId)],
);

export type ExperimentRow = typeof experiments.$inferSelect;
