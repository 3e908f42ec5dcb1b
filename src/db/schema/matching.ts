import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { users } from './users';

/** One run of `match publish` (or of MATCH_CRON). */
export const matchRounds = sqliteTable('match_rounds', {
  id: integer().primaryKey({ autoIncrement: true }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  proposals: integer().notNull(),
  totalScore: integer('total_score').notNull(),
});

export const ANSWERS = ['pending', 'accepted', 'declined'] as const;
export type Answer = (typeof ANSWERS)[number];
export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Why this pair was proposed, kept so messages and previews can say it. */
export interface MatchReasons {
  topics: string[];
  interests: string[];
  hoursApart: number;
}

/** A proposed pair, waiting for both sides to accept. */
export const proposals = sqliteTable(
  'proposals',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    roundId: integer('round_id').references(() => matchRounds.id, { onDelete: 'set null' }),
    mentorUserId: integer('mentor_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeUserId: integer('mentee_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    group: integer({ mode: 'boolean' }).notNull().default(false),
    score: integer().notNull(),
    reasons: text({ mode: 'json' }).$type<MatchReasons>().notNull(),
    mentorAnswer: text('mentor_answer', { enum: ANSWERS }).notNull().default('pending'),
    menteeAnswer: text('mentee_answer', { enum: ANSWERS }).notNull().default('pending'),
    status: text({ enum: PROPOSAL_STATUSES }).notNull().default('open'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('proposals_status_idx').on(t.status),
    index('proposals_mentor_idx').on(t.mentorUserId),
    index('proposals_mentee_idx').on(t.menteeUserId),
  ],
);

export const PAIR_STATUSES = ['active', 'ended'] as const;

/** A mentor and a mentee working together (a group is several pairs with one mentor). */
export const pairs = sqliteTable(
  'pairs',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    mentorUserId: integer('mentor_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeUserId: integer('mentee_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposalId: integer('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
    group: integer({ mode: 'boolean' }).notNull().default(false),
    /** The cohort the pair belongs to (its mentee's); null: the default program. */
    programId: integer('program_id').references(() => programs.id, { onDelete: 'set null' }),
    /** Made by HR by hand (`admin pair`), possibly overriding a rule. */
    manual: integer({ mode: 'boolean' }).notNull().default(false),
    status: text({ enum: PAIR_STATUSES }).notNull().default('active'),
    /** Nudges sent since the pair last booked something; three ignored ones mean "at risk". */
    nudgesIgnored: integer('nudges_ignored').notNull().default(0),
    lastNudgedAt: integer('last_nudged_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('pairs_mentor_idx').on(t.mentorUserId, t.status),
    index('pairs_mentee_idx').on(t.menteeUserId, t.status),
  ],
);

export type ProposalRow = typeof proposals.$inferSelect;
export type PairRow = typeof pairs.$inferSelect;
