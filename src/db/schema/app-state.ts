import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Small process-wide facts that must survive a restart (the console demo's moved clock).
 * One row per key; values are JSON.
 */
export const appState = sqliteTable('app_state', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
