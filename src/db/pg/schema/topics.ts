// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { bigint, boolean, pgTable, text } from 'drizzle-orm/pg-core';

/** The catalog of things people teach and learn; seeded at start, admins can add. */
export const topics = pgTable('topics', {
  id: text().primaryKey(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
  sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(100),
  active: boolean().notNull().default(true),
});

export type TopicRow = typeof topics.$inferSelect;
