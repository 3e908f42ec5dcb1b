import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** An article, study or news link HR posted to the content channel, with a comment. */
export const contentPosts = sqliteTable(
  'content_posts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    url: text().notNull(),
    comment: text().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
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
export const stories = sqliteTable(
  'stories',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    status: text({ enum: STORY_STATUSES }).notNull().default('submitted'),
    /** HR's edit, waiting for the author's OK (the story is published under their name). */
    editedText: text('edited_text'),
    /** Why HR sent it back (shown to the author only). */
    reviewNote: text('review_note'),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('stories_status_idx').on(t.status)],
);

/**
 * People invited (once per pair) to share a story after sessions they themselves rated
 * highly — their own ratings only, so the invite tells nobody what a partner gave.
 */
export const storyInvites = sqliteTable(
  'story_invites',
  {
    pairId: integer('pair_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pairId, t.userId] })],
);

export type StoryRow = typeof stories.$inferSelect;
