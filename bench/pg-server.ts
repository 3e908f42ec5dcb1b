import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server a benchmark runs against: `.ci/with-postgres` starts a throwaway one
 * and passes its URL in TEST_DATABASE_URL (the npm scripts run the benchmarks through it).
 */
export function benchServer(script: string): string {
  const server = process.env.TEST_DATABASE_URL;
  if (server) return server;
  console.error(`No PostgreSQL server: run \`npm run ${script}\` (it starts one).`);
  process.exit(2);
}

/** A new, empty database on `server`, and how to drop it (its open connections with it). */
export async function freshPgDatabase(
  server: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
