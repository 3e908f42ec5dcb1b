import type Database from 'better-sqlite3';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import {
  feedbackIn,
  type Population,
  pairIn,
  populationOf,
  sqlText,
  userIn,
} from '../../db/queries/population';
import {
  type Guarded,
  guarded,
  guardedWeeklyMean,
  mean,
  nps,
  RESPONDENT_SQL,
  type Respondent,
} from '../feedback/k-anon';
import { AT_RISK_NUDGES } from '../scheduling/nudges';
import { type Period, previousPeriod, weekEdges } from './period';

/** A pair with no session for this long is at risk, whatever the nudges say. */
export const AT_RISK_DAYS = 21;
/** Weeks of history in the chart. */
export const CHART_WEEKS = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Funnel {
  mentors: number;
  mentees: number;
  both: number;
  volunteers: number;
  newInPeriod: number;
  prepared: number;
  proposed: number;
  activePairs: number;
  metOnce: number;
  goalsSet: number;
  goalsDone: number;
}

export interface SummaryData {
  period: Period;
  funnel: Funnel;
  /** Sessions that started in the period; `unconfirmed` ended with no "did it happen?" answer yet. */
  meetings: {
    scheduled: number;
    held: number;
    missed: number;
    cancelled: number;
    unconfirmed: number;
  };
  usefulness: Guarded<number>;
  nps: Guarded<number>;
  /** Topic ids people want to learn that no volunteer teaches, most wanted first. */
  unmetTopics: { id: string; wanted: number }[];
  /** Names; null for someone who has since left ("a former participant"). */
  atRisk: { mentor: string | null; mentee: string | null; reason: 'silent' | 'nudges' }[];
  experiments: {
    proposed: number;
    piloting: number;
    parked: number;
    concluded: number;
    worked: number;
  };
  previous: { volunteers: number; activePairs: number; held: number; usefulness: Guarded<number> };
  /**
   * One point per week, oldest first: sessions held and (k-anonymous) usefulness. `raters`
   * tells a week nobody rated (0) from one the k rule hides (1 to k − 1): the rule withholds
   * what people answered, not how many answered (the text says "2 of at least 3" too).
   */
  series: { weekStart: Date; held: number; usefulness: number | null; raters: number }[];
}

type Num = { n: number };

/**
 * Everything the weekly summary says, computed with aggregate queries (so a year of data
 * costs milliseconds, not a scan in JavaScript). Ratings appear only as K_ANON_MIN-guarded means.
 * Only the people this start serves count (never the console demo's in a platform start).
 */
export function computeSummary(
  db: Db,
  config: Pick<Config, 'K_ANON_MIN' | 'ORG_TIMEZONE' | 'platforms'>,
  period: Period,
): SummaryData {
  const sqlite = db.$client;
  const pop = populationOf(config);
  const pairServed = (column: string) => sqlText(pairIn(pop, column));
  const k = config.K_ANON_MIN;
  const from = period.from.getTime();
  const to = period.to.getTime();
  const one = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as Num).n;

  // Volunteers then: today's profiles plus those who were here at `at` and have left since
  // (only their role and dates are kept), so a past week's funnel never changes.
  const volunteersAt = (at: number) =>
    `select role, joined_at, prepared_at from profiles where ${sqlText(userIn(pop, 'user_id'))}
      union all select role, joined_at, prepared_at from former_volunteers where left_at >= ${Number(at)}`;
  const roles = sqlite
    .prepare(
      `select role, count(*) as n from (${volunteersAt(to)}) where joined_at < ? group by role`,
    )
    .all(to) as { role: string; n: number }[];
  const byRole = (r: string) => roles.find((x) => x.role === r)?.n ?? 0;
  const activeAt = (at: number) =>
    one(
      `select count(*) as n from pairs where created_at < ? and (ended_at is null or ended_at >= ?) and ${pairServed('id')}`,
      at,
      at,
    );
  // Pairs not ended at `to`, each with its last held session: one probe of a pair's own
  // sessions serves both "met at least once" and "at risk" (linear in pairs; counting
  // distinct pairs over every held session sorted them all, most of the summary's time).
  const pairsThen = pairsAt(sqlite, pop, to);
  const funnel: Funnel = {
    mentors: byRole('mentor'),
    mentees: byRole('mentee'),
    both: byRole('both'),
    volunteers: roles.reduce((a, r) => a + r.n, 0),
    newInPeriod: one(
      `select count(*) as n from (${volunteersAt(to)}) where joined_at >= ? and joined_at < ?`,
      from,
      to,
    ),
    prepared: one(
      `select count(*) as n from (${volunteersAt(to)}) where prepared_at is not null and prepared_at < ?`,
      to,
    ),
    // Everyone who got a match proposal or was paired by hand: one step past "prepared".
    proposed: one(
      `select count(*) as n from (select mentor_user_id as u from proposals where created_at < ?
        union select mentee_user_id from proposals where created_at < ?
        union select mentor_user_id from pairs where created_at < ?
        union select mentee_user_id from pairs where created_at < ?) where ${sqlText(userIn(pop, 'u'))}`,
      to,
      to,
      to,
      to,
    ),
    activePairs: activeAt(to),
    metOnce: pairsThen.filter((p) => p.last !== null).length,
    goalsSet: one(
      `select count(*) as n from goals where created_at < ? and ${pairServed('pair_id')}`,
      to,
    ),
    goalsDone: one(
      `select count(*) as n from goals where status = 'done' and updated_at < ? and ${pairServed('pair_id')}`,
      to,
    ),
  };

  const meetingCounts = sqlite
    .prepare(
      `select status, count(*) as n from meetings where starts_at >= ? and starts_at < ? and ${pairServed('pair_id')} group by status`,
    )
    .all(from, to) as { status: string; n: number }[];
  const status = (s: string) => meetingCounts.find((m) => m.status === s)?.n ?? 0;

  const prev = previousPeriod(period, config.ORG_TIMEZONE);
  const edgesOf = (p: Period) => weekEdges(p, config.ORG_TIMEZONE, p.weeks).map((d) => d.getTime());
  // Only weeks with K people or more count, so no two views can be subtracted into one rating.
  const usefulnessIn = (p: Period) =>
    guardedWeeklyMean(
      sqlite
        .prepare(
          `select created_at as at, ${RESPONDENT_SQL} as who, usefulness from meeting_feedback where created_at >= ? and created_at < ? and ${sqlText(feedbackIn(pop))}`,
        )
        .all(p.from.getTime(), p.to.getTime()) as {
        at: number;
        who: Respondent;
        usefulness: number;
      }[],
      edgesOf(p),
      k,
      (r) => r.usefulness,
    );
  const surveys = sqlite
    .prepare(
      `select created_at as at, ${RESPONDENT_SQL} as who, nps from final_surveys where created_at >= ? and created_at < ? and ${sqlText(userIn(pop, 'user_id'))}`,
    )
    .all(from, to) as { at: number; who: Respondent; nps: number }[];

  return {
    period,
    funnel,
    meetings: {
      scheduled: meetingCounts.reduce((a, m) => a + m.n, 0),
      held: status('held'),
      missed: status('missed'),
      cancelled: status('cancelled'),
      unconfirmed: status('scheduled'),
    },
    usefulness: usefulnessIn(period),
    nps: guardedWeeklyMean(surveys, edgesOf(period), k, (s) => s.nps, nps),
    unmetTopics: unmetTopicsAt(sqlite, pop, to),
    atRisk: atRiskAt(pairsThen, to),
    experiments: experimentCounts(sqlite, pop, to),
    previous: {
      volunteers: one(
        `select count(*) as n from (${volunteersAt(prev.to.getTime())}) where joined_at < ?`,
        prev.to.getTime(),
      ),
      activePairs: activeAt(prev.to.getTime()),
      held: one(
        `select count(*) as n from meetings where status = 'held' and starts_at >= ? and starts_at < ? and ${pairServed('pair_id')}`,
        prev.from.getTime(),
        prev.to.getTime(),
      ),
      usefulness: usefulnessIn(prev),
    },
    series: weeklySeries(sqlite, pop, k, period, config.ORG_TIMEZONE),
  };
}

/** Topics volunteers at `to` wanted that none of them taught, most wanted first. */
function unmetTopicsAt(
  sqlite: Database.Database,
  pop: Population,
  to: number,
): SummaryData['unmetTopics'] {
  return sqlite
    .prepare(
      `with topics_then(topic_id, direction) as (
         select t.topic_id, t.direction from profile_topics t
           join profiles p on p.user_id = t.user_id where p.joined_at < @to and ${sqlText(userIn(pop, 't.user_id'))}
         union all select j.value, 'learn' from former_volunteers f, json_each(f.learns) j
           where f.joined_at < @to and f.left_at >= @to
         union all select j.value, 'teach' from former_volunteers f, json_each(f.teaches) j
           where f.joined_at < @to and f.left_at >= @to)
       select topic_id as id, count(*) as wanted from topics_then
        where direction = 'learn'
          and topic_id not in (select topic_id from topics_then where direction = 'teach')
        group by topic_id order by wanted desc, topic_id`,
    )
    .all({ to }) as SummaryData['unmetTopics'];
}

interface PairThen {
  nudges: number;
  created: number;
  mentor: string | null;
  mentee: string | null;
  /** The last held session before `to`, if any. */
  last: number | null;
}

/**
 * Pairs not ended at `to` (with their names, unless that person has left) and each one's
 * last held session before `to`. The `+` keeps SQLite off the status index, which would
 * scan every held session for each pair instead of walking the pair's own.
 */
function pairsAt(sqlite: Database.Database, pop: Population, to: number): PairThen[] {
  return sqlite
    .prepare(
      `select p.nudges_ignored as nudges, p.created_at as created,
              case when mu.left_at is null then mu.name end as mentor,
              case when eu.left_at is null then eu.name end as mentee,
              (select max(starts_at) from meetings m
                where m.pair_id = p.id and +m.status = 'held' and m.starts_at < ?) as last
         from pairs p join users mu on mu.id = p.mentor_user_id join users eu on eu.id = p.mentee_user_id
        where (p.ended_at is null or p.ended_at >= ?) and ${sqlText(pairIn(pop, 'p.id'))}`,
    )
    .all(to, to) as PairThen[];
}

/**
 * Pairs active at `to` that went quiet: no session for AT_RISK_DAYS, or three ignored nudges.
 * Active then, not now — a pair that ended later (someone left) stays in its past weeks.
 */
function atRiskAt(pairsThen: PairThen[], to: number): SummaryData['atRisk'] {
  const quietSince = to - AT_RISK_DAYS * DAY_MS;
  return pairsThen.flatMap((r): SummaryData['atRisk'] => {
    if (r.created >= to) return [];
    if (r.nudges >= AT_RISK_NUDGES)
      return [{ mentor: r.mentor, mentee: r.mentee, reason: 'nudges' as const }];
    if ((r.last ?? r.created) < quietSince)
      return [{ mentor: r.mentor, mentee: r.mentee, reason: 'silent' as const }];
    return [];
  });
}

function experimentCounts(
  sqlite: Database.Database,
  pop: Population,
  to: number,
): SummaryData['experiments'] {
  const authored = sqlText(userIn(pop, 'author_user_id'));
  const rows = sqlite
    .prepare(
      `select status, count(*) as n from experiments where created_at < ? and ${authored} group by status`,
    )
    .all(to) as { status: string; n: number }[];
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const worked = (
    sqlite
      .prepare(
        `select count(distinct experiment_id) as n from experiment_outcomes where outcome = 'worked' and created_at < ?
           and experiment_id in (select id from experiments where ${authored})`,
      )
      .get(to) as Num
  ).n;
  return {
    proposed: of('proposed'),
    piloting: of('piloting'),
    parked: of('parked'),
    concluded: of('concluded'),
    worked,
  };
}

/** Sessions held and mean usefulness per organisation week, for the chart. */
function weeklySeries(
  sqlite: Database.Database,
  pop: Population,
  k: number,
  period: Period,
  zone: string,
): SummaryData['series'] {
  const edges = weekEdges(period, zone, CHART_WEEKS).map((d) => d.getTime());
  const first = edges[0] ?? 0;
  const last = edges.at(-1) ?? 0;
  const bucket = (t: number) => {
    let i = 0;
    while (i < CHART_WEEKS - 1 && t >= (edges[i + 1] ?? Number.POSITIVE_INFINITY)) i++;
    return i;
  };
  const held = new Array<number>(CHART_WEEKS).fill(0);
  for (const row of sqlite
    .prepare(
      `select starts_at as t from meetings where status = 'held' and starts_at >= ? and starts_at < ? and ${sqlText(pairIn(pop, 'pair_id'))}`,
    )
    .iterate(first, last) as Iterable<{ t: number }>) {
    held[bucket(row.t)] = (held[bucket(row.t)] ?? 0) + 1;
  }
  const ratings: number[][] = Array.from({ length: CHART_WEEKS }, () => []);
  const people: Set<Respondent>[] = Array.from({ length: CHART_WEEKS }, () => new Set());
  for (const row of sqlite
    .prepare(
      `select created_at as t, usefulness as u, ${RESPONDENT_SQL} as who from meeting_feedback where created_at >= ? and created_at < ? and ${sqlText(feedbackIn(pop))}`,
    )
    .iterate(first, last) as Iterable<{ t: number; u: number; who: Respondent }>) {
    const b = bucket(row.t);
    ratings[b]?.push(row.u);
    people[b]?.add(row.who ?? -1);
  }
  return held.map((h, i) => {
    const g = guarded(people[i]?.size ?? 0, k, () => mean(ratings[i] ?? []));
    return {
      weekStart: new Date(edges[i] ?? 0),
      held: h,
      usefulness: g.shown ? g.value : null,
      raters: g.count,
    };
  });
}
