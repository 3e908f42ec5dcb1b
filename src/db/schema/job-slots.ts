import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Each run of a scheduled job, claimed by inserting its slot (the minute cron fired for):
 * whoever inserts it runs the job, anyone else — a second process on the same database, a
 * restart inside the same minute — finds the slot taken and does not.
 */
export const jobSlots = sqliteTable(
  'job_slots',
  {
    name: text().notNull(),
    /** The slot's minute (UTC, ms). */
    slot: integer({ mode: 'timestamp_ms' }).notNull(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when the run finished; a claim without it past its lease was a run that died. */
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] })],
);
