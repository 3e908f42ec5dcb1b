// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { programs } from './programs';
import { topics } from './topics';
import { users } from './users';

export const PROGRAM_ROLES = ['mentor', 'mentee', 'both'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const FORMATS = ['one_on_one', 'group', 'long_term', 'sprint'] as const;
export type Format = (typeof FORMATS)[number];

/** The opt-in profile: present only for people who joined and consented. */
export const profiles = pgTable(
  'profiles',
  {
    userId: bigint('user_id', { mode: 'number' })
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: PROGRAM_ROLES }).notNull(),
    /** 1 junior … 5 executive. */
    grade: bigint({ mode: 'number' }).notNull(),
    department: text().notNull(),
    interests: jsonb().$type<string[]>().notNull(),
    formats: jsonb().$type<Format[]>().notNull(),
    /** How many mentees a mentor takes (1–3); null for mentees. */
    capacity: bigint({ mode: 'number' }),
    consentAt: epochMs('consent_at').notNull(),
    preparedAt: epochMs('prepared_at'),
    pausedUntil: epochMs('paused_until'),
    /** The cohort they joined; null: the default program. */
    programId: bigint('program_id', { mode: 'number' }).references(() => programs.id, { onDelete: 'set null' }),
    /** Working days, ISO weekdays (1 = Monday … 7 = Sunday), in the person's own zone. */
    workDays: jsonb('work_days')
      .$type<number[]>()
      .notNull()
      .default([1, 2, 3, 4, 5]),
    /** Working hours, minutes from local midnight: 09:00–18:00 until the person says otherwise. */
    workStart: bigint('work_start', { mode: 'number' }).notNull().default(540),
    workEnd: bigint('work_end', { mode: 'number' }).notNull().default(1080),
    joinedAt: epochMs('joined_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('profiles_paused_idx').on(t.pausedUntil)],
);

export const TOPIC_DIRECTIONS = ['teach', 'learn'] as const;
export type TopicDirection = (typeof TOPIC_DIRECTIONS)[number];

export const profileTopics = pgTable(
  'profile_topics',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => profiles.userId, { onDelete: 'cascade' }),
    topicId: text('topic_id')
      .notNull()
      .references(() => topics.id),
    direction: text({ enum: TOPIC_DIRECTIONS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.topicId, t.direction] }),
    index('profile_topics_topic_idx').on(t.topicId, t.direction),
  ],
);

/**
 * What the HR summary counted about someone who has since left, and nothing else: no link
 * to any person, no words of theirs (topics are catalog ids). Past weeks' funnel and
 * wanted-topic figures stay as reported.
 */
export const formerVolunteers = pgTable(
  'former_volunteers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    role: text({ enum: PROGRAM_ROLES }).notNull(),
    joinedAt: epochMs('joined_at').notNull(),
    preparedAt: epochMs('prepared_at'),
    teaches: jsonb().$type<string[]>().notNull(),
    learns: jsonb().$type<string[]>().notNull(),
    leftAt: epochMs('left_at').notNull(),
  },
  (t) => [index('former_volunteers_left_idx').on(t.leftAt)],
);

export type ProfileRow = typeof profiles.$inferSelect;
