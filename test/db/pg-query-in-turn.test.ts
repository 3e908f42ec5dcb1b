import { afterEach, describe, expect, it } from 'vitest';
import { postgresPool } from '../../src/db/pg/client';
import { TEST_PG } from '../pg/template';

/**
 * A transaction's client is asked for a second query while one runs (a reply's outbox
 * insert started without awaiting it): Tandem's pool runs them in turn itself, so
 * node-postgres never queues one (deprecated in pg 8, gone in pg 9).
 */
describe.skipIf(!TEST_PG)('queries on one PostgreSQL client', () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  afterEach(() => {
    process.off('warning', onWarning);
  });

  it('run one after another, in the order asked, results and errors each to its caller', async () => {
    process.on('warning', onWarning);
    const pool = postgresPool(process.env.TANDEM_TEST_PG_DB ?? '');
    const client = await pool.connect();
    try {
      const order: string[] = [];
      const slow = client
        .query('select pg_sleep(0.05), 1 as n')
        .then((r) => order.push(`slow ${r.rows[0]?.n}`));
      const failing = client.query('select * from no_such_table').catch((e: unknown) => {
        order.push(`failed ${(e as { code?: string }).code}`);
      });
      // With a callback, as the pool's own pool.query asks: it waits its turn too.
      const viaCallback = new Promise<void>((resolve, reject) => {
        client.query('select 3 as n', (error, result) => {
          if (error) reject(error);
          else order.push(`callback ${result.rows[0]?.n}`);
          resolve();
        });
      });
      const quick = client.query('select 2 as n').then((r) => order.push(`quick ${r.rows[0]?.n}`));
      await Promise.all([slow, failing, viaCallback, quick]);
      expect(order).toEqual(['slow 1', 'failed 42P01', 'callback 3', 'quick 2']);
    } finally {
      client.release();
      await pool.end();
    }
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });
});
