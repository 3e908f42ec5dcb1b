import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations, from the schema derived from SQLite's (src/db/pg/generate.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg/schema/index.ts',
  out: './migrations/pg',
  strict: true,
});
