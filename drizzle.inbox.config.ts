import { defineConfig } from 'drizzle-kit';

/**
 * SQLite's inbox lives in a file of its own beside the database (src/db/inbox-file.ts), so an
 * ack's insert never waits for a unit of work's transaction: its migrations, from the same
 * table definition.
 */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/inbox.ts',
  out: './migrations/inbox',
  strict: true,
});
