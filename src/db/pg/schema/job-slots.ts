// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';

/**
 * Each run of a scheduled job, claimed by inserting its slot (the minute cron fired for):
 * whoever inserts it runs the job, anyone else — a second process on the same database, a
 * restart inside the same minute — finds the slot taken and does not.
 */
export const jobSlots = pgTable(
  'job_slots',
  {
    name: text().notNull(),
    /** The slot's minute (UTC, ms). */
    slot: epochMs().notNull(),
    claimedAt: epochMs('claimed_at').notNull(),
    /** Set when the run finished; a claim without it past its lease was a run that died. */
    finishedAt: epochMs('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] })],
);
