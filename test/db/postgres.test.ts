import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type TandemPostgres } from '../../src/db/pg/client';
import { outbox, pairs, users } from '../../src/db/pg/schema';
import { PG_MIGRATIONS_DIR } from '../../src/paths';

/** The PostgreSQL migrations drizzle-kit generated (its journal lists each once). */
const PG_MIGRATIONS = (
  JSON.parse(readFileSync(join(PG_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries;

/**
 * Against a real PostgreSQL server: `.ci/with-postgres npx vitest run test/db/postgres.test.ts`
 * starts a throwaway one and sets TEST_DATABASE_URL (CI does). Without it this file is skipped.
 */
const SERVER = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER)('PostgreSQL', () => {
  const admin = new pg.Client({ connectionString: SERVER });
  const name = `tandem_test_${randomBytes(4).toString('hex')}`;
  let url: string;
  const opened: TandemPostgres[] = [];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(SERVER ?? '');
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('three replicas starting at once migrate the database once', async () => {
    const replicas = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    opened.push(...replicas);
    const [first] = replicas;
    const applied = await first?.pool.query(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    // Each migration once, not once per replica.
    expect(applied?.rows[0]?.n).toBe(PG_MIGRATIONS.length);
    const tables = await first?.pool.query(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    expect(tables?.rows[0]?.n).toBeGreaterThan(15);
  });

  it('reads back moments as Dates, JSON as objects, flags as booleans — as SQLite does', async () => {
    const db = opened[0]?.db;
    if (!db) throw new Error('no replica');
    const at = new Date(Date.UTC(2026, 11, 1, 9, 30, 0, 123));
    const [user] = await db
      .insert(users)
      .values({
        platform: 'slack',
        workspace: 'T1',
        platformUserId: 'U1',
        name: 'Ann',
        createdAt: at,
      })
      .returning();
    expect(user?.createdAt).toEqual(at);
    // A default the database fills: its own now, in epoch milliseconds (as SQLite's unixepoch).
    const serverNow = async () =>
      Number(
        (await admin.query('select (extract(epoch from now()) * 1000)::bigint as t')).rows[0]?.t,
      );
    const before = await serverNow();
    const [mentee] = await db
      .insert(users)
      .values({ platform: 'slack', workspace: 'T1', platformUserId: 'U2', name: 'Bo' })
      .returning();
    const after = await serverNow();
    expect(mentee?.createdAt).toBeInstanceOf(Date);
    expect(mentee?.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(mentee?.createdAt.getTime()).toBeLessThanOrEqual(after);
    const target = {
      kind: 'user',
      user: { platform: 'slack', workspace: 'T1', id: 'U1' },
    } as const;
    await db.insert(outbox).values({
      dedupeKey: 'k1',
      platform: 'slack',
      targetKey: 'slack:T1:U1',
      target,
      payload: { kind: 'reply', reply: { kind: 'text', text: 'hi' } },
      userId: user?.id ?? 0,
      nextAttemptAt: at,
      createdAt: at,
    });
    const [row] = await db.select().from(outbox).where(eq(outbox.nextAttemptAt, at));
    expect(row?.target).toEqual(target);
    expect(row?.payload).toEqual({ kind: 'reply', reply: { kind: 'text', text: 'hi' } });
    expect(row?.id).toBeTypeOf('number');
    const [pair] = await db
      .insert(pairs)
      .values({ mentorUserId: user?.id ?? 0, menteeUserId: mentee?.id ?? 0, createdAt: at })
      .returning();
    expect(pair?.group).toBe(false);
    expect(pair?.manual).toBe(false);
  });

  it('says which setting to fix when the server cannot be reached', async () => {
    await expect(openPostgres('postgres://tandem@127.0.0.1:1/none')).rejects.toMatchObject({
      code: 'db_open_failed',
    });
  });
});
