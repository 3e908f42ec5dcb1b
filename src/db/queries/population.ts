import { and, count, eq, inArray, isNull, not, type SQL, sql } from 'drizzle-orm';
import { type SQLiteColumn, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Platform } from '../../core/refs';
import type { DbOrTx } from '../client';
import { first } from '../first';
import { meetingFeedback, meetings, pairs, profiles, users } from '../schema';

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

/**
 * A column the population rule applies to: a drizzle column, or — in the raw SQL of the reports —
 * a column reference as written there (`'p.id'`), always a literal in the code, never input.
 */
export type PopulationColumn = SQLiteColumn | string;

function columnSql(column: PopulationColumn): SQL {
  return typeof column === 'string' ? sql.raw(column) : sql`${column}`;
}

/** The ids of the people left out; undefined when nobody is. */
function outsiders(population: Population): SQL | undefined {
  if (population.excluded.length === 0) return undefined;
  return sql`select ${users.id} from ${users} where ${inArray(users.platform, [...population.excluded])}`;
}

/*
 * The population rule, once: each builder below is a drizzle condition (undefined when nobody is
 * left out, which `and()` skips), and `sqlText` renders it for a raw statement.
 */

/**
 * True when the user id in `column` belongs to the population. A null id (someone who left,
 * where a table forgets them) counts: it cannot be the demo's, as far as anyone can tell.
 */
export function userIn(population: Population, column: PopulationColumn): SQL | undefined {
  const out = outsiders(population);
  if (!out) return undefined;
  const c = columnSql(column);
  return sql`(${c} is null or ${c} not in (${out}))`;
}

/**
 * True when the pair whose id is in `column` (the `pairs` table's own by default) has nobody
 * left out on either side.
 */
export function pairIn(
  population: Population,
  column: PopulationColumn = pairs.id,
): SQL | undefined {
  const out = outsiders(population);
  if (!out) return undefined;
  return sql`(${columnSql(column)} not in (select ${pairs.id} from ${pairs} where ${pairs.mentorUserId} in (${out}) or ${pairs.menteeUserId} in (${out})))`;
}

/**
 * True when the meeting whose id is in `column` is a pair's of the population. A null id
 * (feedback whose link was cut when someone left) counts, as in `userIn`.
 */
export function meetingIn(population: Population, column: PopulationColumn): SQL | undefined {
  const pair = pairIn(population, meetings.pairId);
  if (!pair) return undefined;
  const c = columnSql(column);
  return sql`(${c} is null or ${c} in (select ${meetings.id} from ${meetings} where ${pair}))`;
}

/** A condition on `meeting_feedback` (unaliased): its meeting and its author are served. */
export function feedbackIn(population: Population): SQL | undefined {
  const meeting = meetingIn(population, meetingFeedback.meetingId);
  const author = userIn(population, meetingFeedback.userId);
  return meeting && author ? sql`(${meeting} and ${author})` : undefined;
}

const dialect = new SQLiteSyncDialect();

/**
 * A population condition as SQL text for a raw better-sqlite3 statement (`1` when nobody is left
 * out). The only values in it are platform names from the PLATFORMS enum, inlined and quoted by
 * drizzle.
 */
export function sqlText(condition: SQL | undefined): string {
  // `1 = 1`, not `1`: PostgreSQL takes only a boolean after WHERE.
  return condition ? dialect.sqlToQuery(sql`${condition}`.inlineParams()).sql : '1 = 1';
}

/**
 * How many people of a company's platforms (Slack, Telegram) the database holds: the console
 * keeps its demo out of such a file (see main.ts).
 */
export async function platformPeople(db: DbOrTx): Promise<number> {
  const row = await first(
    db
      .select({ n: count() })
      .from(users)
      .where(and(not(eq(users.platform, DEMO_PLATFORM)), isNull(users.leftAt))),
  );
  return row?.n ?? 0;
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

export async function outsiderCounts(db: DbOrTx, population: Population): Promise<OutsiderCounts> {
  if (population.excluded.length === 0) return { people: 0, participants: 0, pairs: 0 };
  const platformOut = inArray(users.platform, [...population.excluded]);
  const people = await first(
    db
      .select({ n: count() })
      .from(users)
      .where(and(platformOut, isNull(users.leftAt))),
  );
  const participants = await first(
    db
      .select({ n: count() })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(platformOut),
  );
  const inside = pairIn(population);
  const pairCount = await first(
    db
      .select({ n: count() })
      .from(pairs)
      .where(inside ? not(inside) : undefined),
  );
  return { people: people?.n ?? 0, participants: participants?.n ?? 0, pairs: pairCount?.n ?? 0 };
}
