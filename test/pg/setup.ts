import { afterAll, beforeEach } from 'vitest';
import { createFromTemplate, dropDatabases, TEST_PG } from './template';

/*
 * Per test file, on PostgreSQL only: TANDEM_TEST_PG_DB names the database the next test app
 * opens — one for whatever the file opens before its tests (at import, in beforeAll), and a
 * fresh one for each test. An app keeps the database it opened (restarts included); all of
 * them are dropped when the file ends.
 */
if (TEST_PG) {
  const template = process.env.TANDEM_TEST_PG_TEMPLATE;
  if (!template)
    throw new Error('TANDEM_TEST_PG_TEMPLATE unset: run through vitest (global setup)');
  const made: string[] = [];
  const fresh = async () => {
    const { name, url } = await createFromTemplate(template);
    made.push(name);
    process.env.TANDEM_TEST_PG_DB = url;
  };
  await fresh();
  beforeEach(fresh);
  // node-postgres deprecates a query asked of a client still running one (pg 9 drops it):
  // Tandem's pool runs a client's queries in turn (queryInTurn), and no test may see the warning.
  const overlapping: string[] = [];
  process.on('warning', (warning) => {
    if (warning.message.includes('already executing a query'))
      overlapping.push(warning.stack ?? warning.message);
  });
  afterAll(() => {
    if (overlapping.length > 0)
      throw new Error(
        `a PostgreSQL client was asked for a query while running one: ${overlapping[0]}`,
      );
  });
  // One database per test: a file of thirty tests drops thirty, which on a busy machine
  // takes longer than a hook's default 10 s.
  afterAll(async () => {
    // Apps still open hold connections: the drop ends them (their pools ignore the error).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await dropDatabases(made);
  }, 120_000);
}
