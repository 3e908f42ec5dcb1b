// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';
import { users } from './users';

/** An article, study or news link HR posted to the content channel, with a comment. */
export const contentPosts = pgTable(
  'content_posts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    byUserId: bigint('by_user_id', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    url: text().notNull(),
    comment: text().notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('content_posts_created_idx').on(t.createdAt)],
);

/** `edited`: HR changed the text and the author's OK is awaited before it is published. */
export const STORY_STATUSES = [
  'submitted',
  'edited',
  'published',
  'rejected',
  'withdrawn',
] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** A participant's success story: HR approves it before it is published, with the author's name. */
export const stories = pgTable(
  'stories',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    authorUserId: bigint('author_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    status: text({ enum: STORY_STATUSES }).notNull().default('submitted'),
    /** HR's edit, waiting for the author's OK (the story is published under their name). */
    editedText: text('edited_text'),
    /** Why HR sent it back (shown to the author only). */
    reviewNote: text('review_note'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => users.id, { onDelete: 'set null' }),
    createdAt: epochMs('created_at').notNull(),
    publishedAt: epochMs('published_at'),
  },
  (t) => [index('stories_status_idx').on(t.status)],
);

/**
 * People invited (once per pair) to share a story after sessions they themselves rated
 * highly — their own ratings only, so the invite tells nobody what a partner gave.
 */
export const storyInvites = pgTable(
  'story_invites',
  {
    pairId: bigint('pair_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pairId, t.userId] })],
);

export type StoryRow = typeof stories.$inferSelect;
