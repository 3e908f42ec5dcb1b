import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programs } from './programs';
import { topics } from './topics';
import { users } from './users';

export const PROGRAM_ROLES = ['mentor', 'mentee', 'both'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const FORMATS = ['one_on_one', 'group', 'long_term', 'sprint'] as const;
export type Format = (typeof FORMATS)[number];

/** The opt-in profile: present only for people who joined and consented. */
export const profiles = sqliteTable(
  'profiles',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: PROGRAM_ROLES }).notNull(),
    /** 1 junior … 5 executive. */
    grade: integer().notNull(),
    department: text().notNull(),
    interests: text({ mode: 'json' }).$type<string[]>().notNull(),
    formats: text({ mode: 'json' }).$type<Format[]>().notNull(),
    /** How many mentees a mentor takes (1–3); null for mentees. */
    capacity: integer(),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    preparedAt: integer('prepared_at', { mode: 'timestamp_ms' }),
    pausedUntil: integer('paused_until', { mode: 'timestamp_ms' }),
    /** The cohort they joined; null: the default program. */
    programId: integer('program_id').references(() => programs.id, { onDelete: 'set null' }),
    /** Working days, ISO weekdays (1 = Monday … 7 = Sunday), in the person's own zone. */
    workDays: text('work_days', { mode: 'json' })
      .$type<number[]>()
      .notNull()
      .default([1, 2, 3, 4, 5]),
    /** Working hours, minutes from local midnight: 09:00–18:00 until the person says otherwise. */
    workStart: integer('work_start').notNull().default(540),
    workEnd: integer('work_end').notNull().default(1080),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('profiles_paused_idx').on(t.pausedUntil)],
);

export const TOPIC_DIRECTIONS = ['teach', 'learn'] as const;
export type TopicDirection = (typeof TOPIC_DIRECTIONS)[number];

export const profileTopics = sqliteTable(
  'profile_topics',
  {
    userId: integer('user_id')
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
export const formerVolunteers = sqliteTable(
  'former_volunteers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    role: text({ enum: PROGRAM_ROLES }).notNull(),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
    preparedAt: integer('prepared_at', { mode: 'timestamp_ms' }),
    teaches: text({ mode: 'json' }).$type<string[]>().notNull(),
    learns: text({ mode: 'json' }).$type<string[]>().notNull(),
    leftAt: integer('left_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('former_volunteers_left_idx').on(t.leftAt)],
);

export type ProfileRow = typeof profiles.$inferSelect;
