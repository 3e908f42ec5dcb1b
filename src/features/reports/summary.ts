import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { type Population, populationOf } from '../../db/queries/population';
import {
  activePairsAt,
  experimentsByStatus,
  experimentsWorked,
  goalsDone,
  goalsSet,
  heldStarts,
  meetingsByStatus,
  meetingsHeld,
  type PairThen,
  pairsAt,
  peopleProposed,
  surveyAnswers,
  unmetTopicsAt,
  usefulnessRatings,
  volunteerRoles,
  volunteersBefore,
  volunteersJoined,
  volunteersPrepared,
} from '../../db/queries/reports';
import {
  type Guarded,
  guarded,
  guardedWeeklyMean,
  mean,
  nps,
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

/**
 * Everything the weekly summary says, computed with aggregate queries (so a year of data
 * costs milliseconds, not a scan in JavaScript). Ratings appear only as K_ANON_MIN-guarded means.
 * Only the people this start serves count (never the console demo's in a platform start).
 */
export async function computeSummary(
  db: Db,
  config: Pick<Config, 'K_ANON_MIN' | 'ORG_TIMEZONE' | 'platforms'>,
  period: Period,
): Promise<SummaryData> {
  const pop = populationOf(config);
  const k = config.K_ANON_MIN;
  const from = period.from.getTime();
  const to = period.to.getTime();

  // Volunteers then include those who have left since, so a past week's funnel never changes.
  const roles = await volunteerRoles(db, pop, to);
  const byRole = (r: string) => roles.find((x) => x.role === r)?.n ?? 0;
  // Pairs not ended at `to`, each with its last held session: one probe of a pair's own
  // sessions serves both "met at least once" and "at risk" (linear in pairs; counting
  // distinct pairs over every held session sorted them all, most of the summary's time).
  const pairsThen = await pairsAt(db, pop, to);
  const funnel: Funnel = {
    mentors: byRole('mentor'),
    mentees: byRole('mentee'),
    both: byRole('both'),
    volunteers: roles.reduce((a, r) => a + r.n, 0),
    newInPeriod: await volunteersJoined(db, pop, from, to),
    prepared: await volunteersPrepared(db, pop, to),
    // Everyone who got a match proposal or was paired by hand: one step past "prepared".
    proposed: await peopleProposed(db, pop, to),
    activePairs: await activePairsAt(db, pop, to),
    metOnce: pairsThen.filter((p) => p.last !== null).length,
    goalsSet: await goalsSet(db, pop, to),
    goalsDone: await goalsDone(db, pop, to),
  };

  const meetingCounts = await meetingsByStatus(db, pop, from, to);
  const status = (s: string) => meetingCounts.find((m) => m.status === s)?.n ?? 0;

  const prev = previousPeriod(period, config.ORG_TIMEZONE);
  const edgesOf = (p: Period) => weekEdges(p, config.ORG_TIMEZONE, p.weeks).map((d) => d.getTime());
  // Only weeks with K people or more count, so no two views can be subtracted into one rating.
  const usefulnessIn = async (p: Period) =>
    guardedWeeklyMean(
      await usefulnessRatings(db, pop, p.from.getTime(), p.to.getTime()),
      edgesOf(p),
      k,
      (r) => r.usefulness,
    );
  const surveys = await surveyAnswers(db, pop, from, to);

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
    usefulness: await usefulnessIn(period),
    nps: guardedWeeklyMean(surveys, edgesOf(period), k, (s) => s.nps, nps),
    unmetTopics: await unmetTopicsAt(db, pop, to),
    atRisk: atRiskAt(pairsThen, to),
    experiments: await experimentCounts(db, pop, to),
    previous: {
      volunteers: await volunteersBefore(db, pop, prev.to.getTime()),
      activePairs: await activePairsAt(db, pop, prev.to.getTime()),
      held: await meetingsHeld(db, pop, prev.from.getTime(), prev.to.getTime()),
      usefulness: await usefulnessIn(prev),
    },
    series: await weeklySeries(db, pop, k, period, config.ORG_TIMEZONE),
  };
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

async function experimentCounts(
  db: Db,
  pop: Population,
  to: number,
): Promise<SummaryData['experiments']> {
  const rows = await experimentsByStatus(db, pop, to);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return {
    proposed: of('proposed'),
    piloting: of('piloting'),
    parked: of('parked'),
    concluded: of('concluded'),
    worked: await experimentsWorked(db, pop, to),
  };
}

/** Sessions held and mean usefulness per organisation week, for the chart. */
async function weeklySeries(
  db: Db,
  pop: Population,
  k: number,
  period: Period,
  zone: string,
): Promise<SummaryData['series']> {
  const edges = weekEdges(period, zone, CHART_WEEKS).map((d) => d.getTime());
  const first = edges[0] ?? 0;
  const last = edges.at(-1) ?? 0;
  const bucket = (t: number) => {
    let i = 0;
    while (i < CHART_WEEKS - 1 && t >= (edges[i + 1] ?? Number.POSITIVE_INFINITY)) i++;
    return i;
  };
  const held = new Array<number>(CHART_WEEKS).fill(0);
  for (const row of await heldStarts(db, pop, first, last)) {
    held[bucket(row.t)] = (held[bucket(row.t)] ?? 0) + 1;
  }
  const ratings: number[][] = Array.from({ length: CHART_WEEKS }, () => []);
  const people: Set<Respondent>[] = Array.from({ length: CHART_WEEKS }, () => new Set());
  for (const row of await usefulnessRatings(db, pop, first, last)) {
    const b = bucket(row.at);
    ratings[b]?.push(row.usefulness);
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
