// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { programs } from './programs';
import { users } from './users';

/** One run of `match publish` (or of MATCH_CRON). */
export const matchRounds = pgTable('match_rounds', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: epochMs('created_at').notNull(),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
  proposals: bigint({ mode: 'number' }).notNull(),
  totalScore: bigint('total_score', { mode: 'number' }).notNull(),
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
export const proposals = pgTable(
  'proposals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' }).references(() => matchRounds.id, { onDelete: 'set null' }),
    mentorUserId: bigint('mentor_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeUserId: bigint('mentee_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    group: boolean().notNull().default(false),
    score: bigint({ mode: 'number' }).notNull(),
    reasons: jsonb().$type<MatchReasons>().notNull(),
    mentorAnswer: text('mentor_answer', { enum: ANSWERS }).notNull().default('pending'),
    menteeAnswer: text('mentee_answer', { enum: ANSWERS }).notNull().default('pending'),
    status: text({ enum: PROPOSAL_STATUSES }).notNull().default('open'),
    expiresAt: epochMs('expires_at').notNull(),
    createdAt: epochMs('created_at').notNull(),
    decidedAt: epochMs('decided_at'),
  },
  (t) => [
    index('proposals_status_idx').on(t.status),
    index('proposals_mentor_idx').on(t.mentorUserId),
    index('proposals_mentee_idx').on(t.menteeUserId),
  ],
);

export const PAIR_STATUSES = ['active', 'ended'] as const;

/** A mentor and a mentee working together (a group is several pairs with one mentor). */
export const pairs = pgTable(
  'pairs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    mentorUserId: bigint('mentor_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    menteeUserId: bigint('mentee_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposalId: bigint('proposal_id', { mode: 'number' }).references(() => proposals.id, { onDelete: 'set null' }),
    group: boolean().notNull().default(false),
    /** The cohort the pair belongs to (its mentee's); null: the default program. */
    programId: bigint('program_id', { mode: 'number' }).references(() => programs.id, { onDelete: 'set null' }),
    /** Made by HR by hand (`admin pair`), possibly overriding a rule. */
    manual: boolean().notNull().default(false),
    status: text({ enum: PAIR_STATUSES }).notNull().default('active'),
    /** Nudges sent since the pair last booked something; three ignored ones mean "at risk". */
    nudgesIgnored: bigint('nudges_ignored', { mode: 'number' }).notNull().default(0),
    lastNudgedAt: epochMs('last_nudged_at'),
    createdAt: epochMs('created_at').notNull(),
    endedAt: epochMs('ended_at'),
  },
  (t) => [
    index('pairs_mentor_idx').on(t.mentorUserId, t.status),
    index('pairs_mentee_idx').on(t.menteeUserId, t.status),
  ],
);

export type ProposalRow = typeof proposals.$inferSelect;
export type PairRow = typeof pairs.$inferSelect;
