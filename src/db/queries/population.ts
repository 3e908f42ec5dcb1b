import { and, count, eq, inArray, isNull, not, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Platform } from '../../core/refs';
import type { DbOrTx } from '../client';
import { pairs, profiles, users } from '../schema';

/**
 * The platform whose people are the console demo's colleagues (and whoever tried the console):
 * never a company's. A person from Telegram while only Slack runs is a real colleague and
 * stays; a console person in a Slack start is the demo and does not.
 */
export const DEMO_PLATFORM = 'console' satisfies Platform;

/**
 * Who a start serves. The console serves its demo; a Slack or Telegram start serves the
 * company and leaves out the console's people, whatever the database holds (a file the demo
 * once wrote to, or `DEMO=true` from older versions). Every query over "everyone" — the
 * matching pool, the summary, the export, broadcasts, nudges, surveys — is scoped by it.
 */
export interface Population {
  /** Platforms whose people are left out. */
  readonly excluded: readonly Platform[];
}

/** The population of a start with these platforms configured (none: the console). */
export function populationOf(config: { readonly platforms: readonly Platform[] }): Population {
  return { excluded: config.platforms.length === 0 ? [] : [DEMO_PLATFORM] };
}

/** Whether this person is one the start serves. */
export function inPopulation(population: Population, user: { platform: Platform }): boolean {
  return !population.excluded.includes(user.platform);
}

/** The platforms, quoted for SQL; they come from the PLATFORMS enum, never from input. */
function quoted(platforms: readonly Platform[]): string {
  return platforms.map((p) => `'${p.replace(/[^a-z]/g, '')}'`).join(', ');
}

/** SQL selecting the ids of the people left out; undefined when nobody is. */
function outsidersSql(population: Population): string | undefined {
  return population.excluded.length === 0
    ? undefined
    : `select id from users where platform in (${quoted(population.excluded)})`;
}

/**
 * Raw SQL, true when the user id in `column` belongs to the population. A null id (someone who
 * left, where a table forgets them) counts: it cannot be the demo's, as far as anyone can tell.
 */
export function userInSql(population: Population, column: string): string {
  const outsiders = outsidersSql(population);
  return outsiders ? `(${column} is null or ${column} not in (${outsiders}))` : '1';
}

/** Raw SQL, true when the pair whose id is in `column` has nobody left out on either side. */
export function pairInSql(population: Population, column: string): string {
  const outsiders = outsidersSql(population);
  return outsiders
    ? `(${column} not in (select id from pairs where mentor_user_id in (${outsiders}) or mentee_user_id in (${outsiders})))`
    : '1';
}

/**
 * How many people of a company's platforms (Slack, Telegram) the database holds: the console
 * keeps its demo out of such a file (see main.ts).
 */
export function platformPeople(db: DbOrTx): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(not(eq(users.platform, DEMO_PLATFORM)), isNull(users.leftAt)))
      .get()?.n ?? 0
  );
}

/**
 * Raw SQL, true when the meeting whose id is in `column` is a pair's of the population. A null
 * id (feedback whose link was cut when someone left) counts, as in `userInSql`.
 */
export function meetingInSql(population: Population, column: string): string {
  return population.excluded.length === 0
    ? '1'
    : `(${column} is null or ${column} in (select id from meetings where ${pairInSql(population, 'pair_id')}))`;
}

/** Raw SQL over `meeting_feedback` (unaliased): its meeting and its author are served. */
export function feedbackInSql(population: Population): string {
  return population.excluded.length === 0
    ? '1'
    : `(${meetingInSql(population, 'meeting_id')} and ${userInSql(population, 'user_id')})`;
}

/** `userInSql` for drizzle: a condition on a user id column; undefined when nobody is left out. */
export function userIn(population: Population, column: SQLiteColumn): SQL | undefined {
  if (population.excluded.length === 0) return undefined;
  const outsiders = sql`select ${users.id} from ${users} where ${inArray(users.platform, [...population.excluded])}`;
  return sql`(${column} is null or ${column} not in (${outsiders}))`;
}

/** `pairInSql` for drizzle: a condition on the `pairs` table itself. */
export function pairIn(population: Population): SQL | undefined {
  if (population.excluded.length === 0) return undefined;
  return sql`(${userIn(population, pairs.mentorUserId)} and ${userIn(population, pairs.menteeUserId)})`;
}

/** What a database holds of people a start leaves out, as counts (never names). */
export interface OutsiderCounts {
  /** People on the excluded platforms (not counting those who left). */
  people: number;
  /** Of them, people who joined the program (have a profile). */
  participants: number;
  /** Pairs with one of them on a side. */
  pairs: number;
}

export function outsiderCounts(db: DbOrTx, population: Population): OutsiderCounts {
  if (population.excluded.length === 0) return { people: 0, participants: 0, pairs: 0 };
  const platformOut = inArray(users.platform, [...population.excluded]);
  const people =
    db
      .select({ n: count() })
      .from(users)
      .where(and(platformOut, isNull(users.leftAt)))
      .get()?.n ?? 0;
  const participants =
    db
      .select({ n: count() })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(platformOut)
      .get()?.n ?? 0;
  const inside = pairIn(population);
  const pairCount =
    db
      .select({ n: count() })
      .from(pairs)
      .where(inside ? not(inside) : undefined)
      .get()?.n ?? 0;
  return { people, participants, pairs: pairCount };
}
