import type { Db } from '../client';
import { rawCount, rawRows } from '../sqlite';
import { feedbackIn, type Population, pairIn, sqlText, userIn } from './population';

/*
 * The reports' SQL (summary and export): aggregate statements in SQLite's dialect (json_each,
 * group_concat, `+column` to steer the planner), kept here so features only shape the rows.
 * Every read goes through the handle it is given — the caller's transaction, when it has one.
 */

/** `respondent()` in SQL, for queries over meeting_feedback, pair_fit and final_surveys. */
export const RESPONDENT_SQL = "coalesce('u' || user_id, 'l' || left_as)";

/** A row as SQLite returns it, before the report shapes it. */
export type RawRow = Record<string, unknown>;

/** The report's SQL is SQLite's dialect: it runs through the SQLite-only module. */
const rows = <T = RawRow>(db: Db, text: string, ...params: unknown[]): Promise<T[]> =>
  rawRows<T>(db, text, ...params);
const count = rawCount;

/** A person's name, or null for someone who has left (their row is a tombstone). */
const nameOf = (alias: string) => `case when ${alias}.left_at is null then ${alias}.name end`;

/** Every export table's rows as stored; feedback only those created before `closed`. */
export async function exportTableRows(
  db: Db,
  pop: Population,
  closed: number,
): Promise<{
  topics: RawRow[];
  participants: RawRow[];
  pairs: RawRow[];
  meetings: RawRow[];
  goals: RawRow[];
  feedback: RawRow[];
  experiments: RawRow[];
}> {
  return {
    topics: await rows(
      db,
      'select user_id, topic_id, direction from profile_topics order by topic_id',
    ),
    participants: await rows(
      db,
      `select u.id, u.name, u.platform, p.role, p.grade, p.department, p.joined_at, p.prepared_at,
            p.paused_until, g.name as program
       from profiles p join users u on u.id = p.user_id left join programs g on g.id = p.program_id
      where ${sqlText(userIn(pop, 'p.user_id'))} order by u.id`,
    ),
    pairs: await rows(
      db,
      `select p.id, ${nameOf('mu')} as mentor, ${nameOf('eu')} as mentee, p.status, g.name as program, p.manual,
            p.nudges_ignored, p.created_at, p.ended_at
       from pairs p join users mu on mu.id = p.mentor_user_id join users eu on eu.id = p.mentee_user_id
       left join programs g on g.id = p.program_id where ${sqlText(pairIn(pop, 'p.id'))} order by p.id`,
    ),
    meetings: await rows(
      db,
      `select id, pair_id, kind, starts_at, duration_min, status, topic from meetings
      where ${sqlText(pairIn(pop, 'pair_id'))} order by starts_at, id`,
    ),
    goals: await rows(
      db,
      `select g.id, g.pair_id, ${nameOf('u')} as owner, g.specific, g.measure, g.deadline, g.progress, g.status, g.created_at
       from goals g join users u on u.id = g.owner_user_id where ${sqlText(pairIn(pop, 'g.pair_id'))} order by g.id`,
    ),
    feedback: await rows(
      db,
      `select created_at, usefulness, ${RESPONDENT_SQL} as who from meeting_feedback where created_at < ? and ${sqlText(feedbackIn(pop))}`,
      closed,
    ),
    experiments: await rows(
      db,
      `select e.id, e.title, ${nameOf('u')} as author, e.status, ${nameOf('s')} as sponsor,
            e.sponsor_user_id as sponsor_id, e.check_date, e.created_at,
            (select group_concat(outcome, ' ') from experiment_outcomes o where o.experiment_id = e.id) as outcomes
       from experiments e join users u on u.id = e.author_user_id left join users s on s.id = e.sponsor_user_id
      where ${sqlText(userIn(pop, 'e.author_user_id'))} order by e.id`,
    ),
  };
}

/*
 * The summary's reads. Volunteers at a moment are today's profiles plus those who were here
 * then and have left since (only their role and dates are kept), so a past week's funnel
 * never changes.
 */
const volunteersAt = (pop: Population, at: number) =>
  `select role, joined_at, prepared_at from profiles where ${sqlText(userIn(pop, 'user_id'))}
      union all select role, joined_at, prepared_at from former_volunteers where left_at >= ${Number(at)}`;
const pairServed = (pop: Population, column: string) => sqlText(pairIn(pop, column));

/** Volunteers at `at` who had joined by then, per role. */
export function volunteerRoles(
  db: Db,
  pop: Population,
  at: number,
): Promise<{ role: string; n: number }[]> {
  return rows(
    db,
    `select role, count(*) as n from (${volunteersAt(pop, at)}) as v where joined_at < ? group by role`,
    at,
  );
}

/** Volunteers at `to` who joined in [from, to). */
export function volunteersJoined(db: Db, pop: Population, from: number, to: number) {
  return count(
    db,
    `select count(*) as n from (${volunteersAt(pop, to)}) as v where joined_at >= ? and joined_at < ?`,
    from,
    to,
  );
}

/** Volunteers at `to` who were prepared before it. */
export function volunteersPrepared(db: Db, pop: Population, to: number) {
  return count(
    db,
    `select count(*) as n from (${volunteersAt(pop, to)}) as v where prepared_at is not null and prepared_at < ?`,
    to,
  );
}

/** Volunteers at `at` who had joined by then. */
export function volunteersBefore(db: Db, pop: Population, at: number) {
  return count(
    db,
    `select count(*) as n from (${volunteersAt(pop, at)}) as v where joined_at < ?`,
    at,
  );
}

/** Pairs that existed and had not ended at `at`. */
export function activePairsAt(db: Db, pop: Population, at: number) {
  return count(
    db,
    `select count(*) as n from pairs where created_at < ? and (ended_at is null or ended_at >= ?) and ${pairServed(pop, 'id')}`,
    at,
    at,
  );
}

/** Everyone who got a match proposal or was paired by hand before `to`. */
export function peopleProposed(db: Db, pop: Population, to: number) {
  return count(
    db,
    `select count(*) as n from (select mentor_user_id as u from proposals where created_at < ?
        union select mentee_user_id from proposals where created_at < ?
        union select mentor_user_id from pairs where created_at < ?
        union select mentee_user_id from pairs where created_at < ?) as v where ${sqlText(userIn(pop, 'u'))}`,
    to,
    to,
    to,
    to,
  );
}

/** Goals set before `to`. */
export function goalsSet(db: Db, pop: Population, to: number) {
  return count(
    db,
    `select count(*) as n from goals where created_at < ? and ${pairServed(pop, 'pair_id')}`,
    to,
  );
}

/** Goals done before `to`. */
export function goalsDone(db: Db, pop: Population, to: number) {
  return count(
    db,
    `select count(*) as n from goals where status = 'done' and updated_at < ? and ${pairServed(pop, 'pair_id')}`,
    to,
  );
}

/** Sessions that started in [from, to), per status. */
export function meetingsByStatus(
  db: Db,
  pop: Population,
  from: number,
  to: number,
): Promise<{ status: string; n: number }[]> {
  return rows(
    db,
    `select status, count(*) as n from meetings where starts_at >= ? and starts_at < ? and ${pairServed(pop, 'pair_id')} group by status`,
    from,
    to,
  );
}

/** Sessions held that started in [from, to). */
export function meetingsHeld(db: Db, pop: Population, from: number, to: number) {
  return count(
    db,
    `select count(*) as n from meetings where status = 'held' and starts_at >= ? and starts_at < ? and ${pairServed(pop, 'pair_id')}`,
    from,
    to,
  );
}

/** When each session held in [from, to) started. */
export function heldStarts(
  db: Db,
  pop: Population,
  from: number,
  to: number,
): Promise<{ t: number }[]> {
  return rows(
    db,
    `select starts_at as t from meetings where status = 'held' and starts_at >= ? and starts_at < ? and ${sqlText(pairIn(pop, 'pair_id'))}`,
    from,
    to,
  );
}

/** Usefulness ratings given in [from, to), with when and by whom. */
export function usefulnessRatings(
  db: Db,
  pop: Population,
  from: number,
  to: number,
): Promise<{ at: number; who: string | null; usefulness: number }[]> {
  return rows(
    db,
    `select created_at as at, ${RESPONDENT_SQL} as who, usefulness from meeting_feedback where created_at >= ? and created_at < ? and ${sqlText(feedbackIn(pop))}`,
    from,
    to,
  );
}

/** Final-survey NPS answers given in [from, to), with when and by whom. */
export function surveyAnswers(
  db: Db,
  pop: Population,
  from: number,
  to: number,
): Promise<{ at: number; who: string | null; nps: number }[]> {
  return rows(
    db,
    `select created_at as at, ${RESPONDENT_SQL} as who, nps from final_surveys where created_at >= ? and created_at < ? and ${sqlText(userIn(pop, 'user_id'))}`,
    from,
    to,
  );
}

/** Topics volunteers at `to` wanted that none of them taught, most wanted first. */
export function unmetTopicsAt(
  db: Db,
  pop: Population,
  to: number,
): Promise<{ id: string; wanted: number }[]> {
  return rows(
    db,
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
    { to },
  );
}

export interface PairThen {
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
 * scan every held session for each pair instead of walking the pair's own. In the pairs'
 * order (the summary lists the first pairs at risk): PostgreSQL has no rowid order to fall back on.
 */
export function pairsAt(db: Db, pop: Population, to: number): Promise<PairThen[]> {
  return rows(
    db,
    `select p.nudges_ignored as nudges, p.created_at as created,
              case when mu.left_at is null then mu.name end as mentor,
              case when eu.left_at is null then eu.name end as mentee,
              (select max(starts_at) from meetings m
                where m.pair_id = p.id and +m.status = 'held' and m.starts_at < ?) as last
         from pairs p join users mu on mu.id = p.mentor_user_id join users eu on eu.id = p.mentee_user_id
        where (p.ended_at is null or p.ended_at >= ?) and ${sqlText(pairIn(pop, 'p.id'))}
        order by p.id`,
    to,
    to,
  );
}

/** Experiments proposed before `to`, per status. */
export function experimentsByStatus(
  db: Db,
  pop: Population,
  to: number,
): Promise<{ status: string; n: number }[]> {
  return rows(
    db,
    `select status, count(*) as n from experiments where created_at < ? and ${sqlText(userIn(pop, 'author_user_id'))} group by status`,
    to,
  );
}

/** Experiments with an outcome "worked" recorded before `to`. */
export function experimentsWorked(db: Db, pop: Population, to: number) {
  return count(
    db,
    `select count(distinct experiment_id) as n from experiment_outcomes where outcome = 'worked' and created_at < ?
           and experiment_id in (select id from experiments where ${sqlText(userIn(pop, 'author_user_id'))})`,
    to,
  );
}
