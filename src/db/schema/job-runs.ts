import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** When each weekly job last ran, so one missed while the process was down runs once at start. */
export const jobRuns = sqliteTable('job_runs', {
  name: text().primaryKey(),
  lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }).notNull(),
});
