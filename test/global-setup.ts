import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createTemplate, dropDatabases, TEST_PG } from './pg/template';

/**
 * Builds dist/main.js (as `npm start` does) for the tests that start Tandem as a process.
 * On PostgreSQL (TANDEM_TEST_PG), also migrates the template every test database is copied from.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
  if (!TEST_PG) return undefined;
  const template = await createTemplate();
  process.env.TANDEM_TEST_PG_TEMPLATE = template;
  return () => dropDatabases([template]);
}
