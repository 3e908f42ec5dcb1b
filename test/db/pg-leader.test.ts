import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Leadership, lead } from '../../src/db/pg/leader';
import { until } from '../helpers/net';

/** Against a real server (`.ci/with-postgres`, as postgres.test.ts); skipped without one. */
const SERVER = process.env.TEST_DATABASE_URL;
const KEY = 0x7e57;

describe.skipIf(!SERVER)('one replica leads (PostgreSQL advisory lock)', () => {
  const pools: pg.Pool[] = [];
  const admin = new pg.Pool({ connectionString: SERVER, max: 1 });
  const replica = () => {
    const pool = new pg.Pool({ connectionString: SERVER });
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  const key = KEY + randomBytes(2).readUInt16BE();
  let leaders: Leadership[] = [];
  const changes: string[] = [];
  const start = (name: string) =>
    lead(replica(), key, {
      checkMs: 50,
      onChange: (leading) => changes.push(`${name}:${leading ? 'leads' : 'stopped'}`),
    });
  const leadingCount = () => leaders.filter((l) => l.leading).length;

  beforeAll(() => {
    leaders = [start('a'), start('b'), start('c')];
  });
  afterAll(async () => {
    await Promise.all(leaders.map((l) => l.stop()));
    await Promise.all(pools.map((p) => p.end()));
    await admin.end();
  });

  it('three replicas: exactly one leads', async () => {
    await until('a leader', () => (leadingCount() === 1 ? true : undefined));
    // Given time, nobody else takes it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leadingCount()).toBe(1);
  });

  it('the leader stopping hands over to another', async () => {
    const first = leaders.findIndex((l) => l.leading);
    await leaders[first]?.stop();
    await until('a new leader', () => (leadingCount() === 1 ? true : undefined));
    expect(leaders[first]?.leading).toBe(false);
  });

  it('the leader’s database session dying (a crash, a network cut) hands over too, and it learns it no longer leads', async () => {
    const current = leaders.findIndex((l) => l.leading);
    const holder = await admin.query<{ pid: number }>(
      "select pid from pg_locks where locktype = 'advisory' and objid = $1 and granted",
      [key],
    );
    expect(holder.rows).toHaveLength(1);
    await admin.query('select pg_terminate_backend($1)', [holder.rows[0]?.pid]);
    await until('the old leader to notice', () =>
      leaders[current]?.leading === false ? true : undefined,
    );
    await until('a new leader', () => (leadingCount() === 1 ? true : undefined));
    const now = leaders.findIndex((l) => l.leading);
    expect(now).not.toBe(current);
    expect(changes.filter((c) => c.endsWith('leads')).length).toBeGreaterThanOrEqual(3);
  });
});
