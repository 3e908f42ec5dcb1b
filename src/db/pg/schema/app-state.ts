// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';

/**
 * Small process-wide facts that must survive a restart (the console demo's moved clock).
 * One row per key; values are JSON.
 */
export const appState = pgTable('app_state', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});
