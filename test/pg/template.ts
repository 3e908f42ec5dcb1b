import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, TandemDatabase } from '../../src/db/client';
import { postgresPool } from '../../src/db/pg/client';
import { PgHealth } from '../../src/db/pg/health';
import * as schema from '../../src/db/pg/schema';
import { openPostgresStore } from '../../src/db/pg/store';

/*
 * The suite on PostgreSQL: with TANDEM_TEST_PG set to a server's URL (`npm run test:pg` starts
 * a throwaway one), every database a test opens is a fresh PostgreSQL database, copied from
 * a template migrated once per run. Without it, nothing here runs and the suite is SQLite's.
 */

/** The server's URL, when the suite runs on PostgreSQL. */
export const TEST_PG = process.env.TANDEM_TEST_PG;

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrates and seeds a template database; returns its name. */
export async function createTemplate(): Promise<string> {
  const name = `tandem_template_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const store = await openPostgresStore(databaseUrl(name));
  await store.close();
  return name;
}

/** A fresh database copied from the template; returns its URL. */
export async function createFromTemplate(template: string): Promise<{ name: string; url: string }> {
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template ${template}`));
  return { name, url: databaseUrl(name) };
}

export async function dropDatabases(names: string[]): Promise<void> {
  if (names.length === 0) return;
  await admin(async (c) => {
    for (const name of names) await c.query(`drop database if exists ${name} with (force)`);
  });
}

/**
 * The test database of the moment, opened synchronously as test apps open SQLite (its
 * template is migrated already), shaped as the SQLite one: a test reading SQLite directly
 * (`database.sqlite`) fails at once with a message saying so.
 */
export function openTestPostgres(url = process.env.TANDEM_TEST_PG_DB): TandemDatabase {
  if (!url) throw new Error('TANDEM_TEST_PG_DB unset: test/pg/setup.ts runs first');
  // No idle timeout: its timers would show among a test's own (fake timers count them).
  const pool = postgresPool(url, { max: 4, idleTimeoutMillis: 0 });
  const health = new PgHealth(pool);
  const store = {
    db: drizzle(pool, { schema }) as unknown as Db,
    dialect: 'postgres',
    get sqlite(): never {
      throw new Error('this test reads SQLite directly: it does not run on PostgreSQL yet');
    },
    writes: health,
    reportWriteFailure: (error: unknown) => health.failed(error),
    close: () => {
      void pool.end().catch(() => undefined);
    },
  };
  return store as unknown as TandemDatabase;
}
