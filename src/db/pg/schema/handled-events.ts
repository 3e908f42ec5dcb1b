// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';

/**
 * Events whose unit of work has committed, by inbox key, when the inbox is a file of its own
 * (SQLite: see src/db/inbox-file.ts). The row is written in the unit's transaction, so it
 * commits with the handler's changes; the inbox row is marked done just after, in its own
 * file. An event found here is never run again, even if the process died between the two.
 * Kept as long as the inbox keeps finished keys. Unused on PostgreSQL, whose inbox is a table
 * of the same database and is marked done inside the unit itself.
 */
export const handledEvents = pgTable('handled_events', {
  /** The inbox row's key: sha256 of platform, workspace and event id, no platform id in clear. */
  key: text().primaryKey(),
  handledAt: epochMs('handled_at').notNull(),
});
