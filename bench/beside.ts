/**
 * `npm run bench:pg`: the HR summary and a matching round on PostgreSQL beside SQLite, on the
 * same data, in one run. A year of a program (bench/summary-seed.ts: 10 000 people, 5 000
 * pairs of which a fifth ended, 100 000 sessions, 200 000 poll answers) is seeded into SQLite
 * and copied into a PostgreSQL database Tandem migrated (bench/to-postgres.ts), on a
 * throwaway server (`.ci/with-postgres`, TEST_DATABASE_URL). Measured, alternating SQLite and
 * PostgreSQL in each repetition (median of RUNS after a warm-up): the week's summary
 * (computeSummary) and a round (planNow: the pool loaded from the database — the 2 000
 * people whose pairs ended, with their pairing history — and the exact plan). Both dialects
 * must give the same summary and the same round; the run fails when they differ.
 * Environment: BENCH_PEOPLE (10 000), BENCH_MEETINGS (100 000), BENCH_RUNS (7).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import { openPostgresStore } from '../src/db/pg/store';
import { planNow } from '../src/features/matching/service';
import { reportPeriod } from '../src/features/reports/period';
import { computeSummary } from '../src/features/reports/summary';
import { benchServer, freshPgDatabase } from './pg-server';
import { SEED_NOW, seedYear } from './summary-seed';
import { copyToPostgres } from './to-postgres';

const env = process.env;
const SERVER = benchServer('bench:pg');
const PEOPLE = Number(env.BENCH_PEOPLE ?? 10_000);
const MEETINGS = Number(env.BENCH_MEETINGS ?? 100_000);
const RUNS = Number(env.BENCH_RUNS ?? 7);

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-beside-'));
const path = join(dir, 'tandem.db');
const config = loadConfig({ DATABASE_PATH: path, ORG_TIMEZONE: 'Europe/Moscow' });
const seeded = seedYear(path, { people: PEOPLE, meetings: MEETINGS });

const database = await freshPgDatabase(SERVER, 'tandem_beside');
const store = await openPostgresStore(database.url);
const copyStarted = performance.now();
const rows = await copyToPostgres(seeded.database.db, database.url);
const copySeconds = (performance.now() - copyStarted) / 1000;

const period = reportPeriod(SEED_NOW, config.ORG_TIMEZONE, 1);
const databases: Record<'SQLite' | 'PostgreSQL', Db> = {
  SQLite: seeded.database.db,
  PostgreSQL: store.db,
};
const measures = {
  'the week’s HR summary': (db: Db) => computeSummary(db, config, period),
  'a matching round (load the pool, plan it)': async (db: Db) => {
    const { pool, plan } = await planNow(db, { config }, SEED_NOW);
    return {
      mentors: pool.mentors.length,
      mentees: pool.mentees.length,
      pairs: plan.matches.map((m) => [m.mentor.userId, m.mentee.userId]),
      total: plan.total,
    };
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const lines: string[] = [];
let differ = false;
for (const [measure, run] of Object.entries(measures)) {
  const samples = { SQLite: [] as number[], PostgreSQL: [] as number[] };
  const results: Partial<Record<keyof typeof databases, unknown>> = {};
  for (let r = -1; r < RUNS; r++) {
    for (const dialect of ['SQLite', 'PostgreSQL'] as const) {
      const started = performance.now();
      const result = await run(databases[dialect]);
      const ms = performance.now() - started;
      if (r < 0) results[dialect] = result;
      else samples[dialect].push(ms);
    }
  }
  const same = isDeepStrictEqual(results.SQLite, results.PostgreSQL);
  if (!same) differ = true;
  const lite = median(samples.SQLite);
  const post = median(samples.PostgreSQL);
  lines.push(
    `| ${measure} | ${lite.toFixed(1)} | ${post.toFixed(1)} | ${(post / lite).toFixed(2)}× | ${same ? 'yes' : 'NO'} |`,
  );
}

const fmt = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
console.log(
  `\nPostgreSQL beside SQLite, the same data (${fmt(PEOPLE)} people, ${fmt(MEETINGS)} sessions, ${fmt(MEETINGS * 2)} poll answers; ${fmt(rows)} rows copied in ${copySeconds.toFixed(1)} s), node ${process.version}, median of ${RUNS}, alternating\n`,
);
console.log('| measure | SQLite ms | PostgreSQL ms | PostgreSQL / SQLite | same result |');
console.log('|---|---:|---:|---:|---|');
for (const line of lines) console.log(line);

seeded.database.close();
await store.close();
await database.drop();
rmSync(dir, { recursive: true, force: true });
if (differ) {
  console.error('SQLite and PostgreSQL gave different results');
  process.exitCode = 1;
}
