// Generated from src/db/schema by src/db/pg/generate.ts: do not edit.
import { pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from '../columns';

/** When each weekly job last ran, so one missed while the process was down runs once at start. */
export const jobRuns = pgTable('job_runs', {
  name: text().primaryKey(),
  lastRunAt: epochMs('last_run_at').notNull(),
});
