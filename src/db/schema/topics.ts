import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The catalog of things people teach and learn; seeded at start, admins can add. */
export const topics = sqliteTable('topics', {
  id: text().primaryKey(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
  sortOrder: integer('sort_order').notNull().default(100),
  active: integer({ mode: 'boolean' }).notNull().default(true),
});

export type TopicRow = typeof topics.$inferSelect;
