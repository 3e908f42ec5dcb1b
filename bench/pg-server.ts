/**
 * The PostgreSQL server a benchmark runs against: `.ci/with-postgres` starts a throwaway one
 * and passes its URL in TEST_DATABASE_URL (the npm scripts run the benchmarks through it, as
 * `.ci/run` runs the process tests).
 */
export function benchServer(script: string): string {
  const server = process.env.TEST_DATABASE_URL;
  if (server) return server;
  console.error(`No PostgreSQL server: run \`npm run ${script}\` (it starts one).`);
  process.exit(2);
}
