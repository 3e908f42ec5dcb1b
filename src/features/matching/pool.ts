import { eq, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { type Population, userIn } from '../../db/queries/population';
import { getProfile } from '../../db/queries/profiles';
import {
  type Format,
  pairs,
  profiles,
  profileTopics,
  proposals,
  type UserRow,
  users,
} from '../../db/schema';
import { GROUP_SIZE_MAX } from './limits';
import { historyKey, type MatchRules, type MentorSide, type Volunteer } from './score';

export interface Pool {
  mentors: MentorSide[];
  mentees: Volunteer[];
  rules: MatchRules;
  /** People left out before matching, and why. */
  paused: Volunteer[];
  notPrepared: Volunteer[];
  /** Already in an open proposal or an active pair (mentees) / at capacity (mentors). */
  busy: number;
  /** Everyone with an open proposal or an active pair, on either side. */
  engaged: Set<number>;
  /** Topics wanted by mentees left out as busy (an open proposal or an active pair). */
  takenTopics: Set<string>;
  volunteers: number;
}

/**
 * Everyone a round may consider: joined, prepared, not paused; mentees without an open
 * proposal or an active pair; mentors with capacity left. Plus the rules' history.
 */
export async function loadPool(
  db: DbOrTx,
  options: { now: Date; sameDepartment: boolean; orgTimeZone: string; population: Population },
): Promise<Pool> {
  const rows = await db
    .select({ profile: profiles, user: users })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(userIn(options.population, users.id));
  const topicRows = await db.select().from(profileTopics);
  const teach = new Map<number, Set<string>>();
  const learn = new Map<number, Set<string>>();
  for (const t of topicRows) {
    const map = t.direction === 'teach' ? teach : learn;
    const set = map.get(t.userId) ?? new Set<string>();
    set.add(t.topicId);
    map.set(t.userId, set);
  }
  const openProposals = await db.select().from(proposals).where(eq(proposals.status, 'open'));
  const activePairs = await db.select().from(pairs).where(eq(pairs.status, 'active'));
  // 1:1 and group places are counted apart: a group has its own size limit.
  const load = new Map<number, { individual: number; group: number }>();
  const menteeBusy = new Set<number>();
  const engaged = new Set<number>();
  for (const p of [...openProposals, ...activePairs]) {
    const l = load.get(p.mentorUserId) ?? { individual: 0, group: 0 };
    if (p.group) l.group += 1;
    else l.individual += 1;
    load.set(p.mentorUserId, l);
    menteeBusy.add(p.menteeUserId);
    engaged.add(p.mentorUserId);
    engaged.add(p.menteeUserId);
  }

  const pool: Pool = {
    mentors: [],
    mentees: [],
    rules: { sameDepartment: options.sameDepartment, history: await history(db) },
    paused: [],
    notPrepared: [],
    busy: 0,
    engaged,
    takenTopics: new Set(),
    volunteers: rows.length,
  };
  for (const { profile, user } of rows) {
    const volunteer = toVolunteer(user, {
      grade: profile.grade,
      department: profile.department,
      interests: profile.interests,
      formats: profile.formats,
      teach: teach.get(user.id) ?? new Set(),
      learn: learn.get(user.id) ?? new Set(),
      zone: user.timeZone ?? options.orgTimeZone,
      now: options.now,
    });
    if (profile.pausedUntil && profile.pausedUntil > options.now) {
      pool.paused.push(volunteer);
      continue;
    }
    if (!profile.preparedAt) {
      pool.notPrepared.push(volunteer);
      continue;
    }
    let busy = true;
    if (profile.role !== 'mentee') {
      const used = load.get(user.id) ?? { individual: 0, group: 0 };
      const capacity = profile.capacity ?? 1;
      const groups = profile.formats.includes('group');
      const limit =
        (groups ? Math.max(capacity, GROUP_SIZE_MAX) : capacity) - used.individual - used.group;
      const individual = Math.max(0, Math.min(limit, capacity - used.individual));
      const group = groups ? Math.max(0, Math.min(limit, GROUP_SIZE_MAX - used.group)) : 0;
      if (limit > 0 && individual + group > 0) {
        pool.mentors.push({
          ...volunteer,
          capacity: individual,
          groupCapacity: group,
          limit,
          groupMembers: used.group,
        });
        busy = false;
      }
    }
    if (profile.role !== 'mentor' && !menteeBusy.has(user.id)) {
      pool.mentees.push(volunteer);
      busy = false;
    } else if (profile.role !== 'mentor') for (const t of volunteer.learn) pool.takenTopics.add(t);
    if (busy) pool.busy += 1;
  }
  // A stable order, so the same database gives the same round.
  pool.mentors.sort((a, b) => a.userId - b.userId);
  pool.mentees.sort((a, b) => a.userId - b.userId);
  return pool;
}

/** One participant as matching sees them, whatever their state (for hand-made pairs). */
export async function loadVolunteer(
  db: DbOrTx,
  userId: number,
  options: { now: Date; orgTimeZone: string },
): Promise<
  | {
      volunteer: Volunteer;
      role: 'mentor' | 'mentee' | 'both';
      capacity: number;
      prepared: boolean;
      paused: boolean;
    }
  | undefined
> {
  const row = await first(
    db
      .select({ profile: profiles, user: users })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(eq(profiles.userId, userId)),
  );
  if (!row) return undefined;
  const topicRows = await db.select().from(profileTopics).where(eq(profileTopics.userId, userId));
  const volunteer = toVolunteer(row.user, {
    grade: row.profile.grade,
    department: row.profile.department,
    interests: row.profile.interests,
    formats: row.profile.formats,
    teach: new Set(topicRows.filter((t) => t.direction === 'teach').map((t) => t.topicId)),
    learn: new Set(topicRows.filter((t) => t.direction === 'learn').map((t) => t.topicId)),
    zone: row.user.timeZone ?? options.orgTimeZone,
    now: options.now,
  });
  return {
    volunteer,
    role: row.profile.role,
    capacity: row.profile.capacity ?? 0,
    prepared: Boolean(row.profile.preparedAt),
    paused: Boolean(row.profile.pausedUntil && row.profile.pausedUntil > options.now),
  };
}

/** How many mentees a mentor has or is being proposed; whether a mentee is taken. */
export async function loadOf(
  db: DbOrTx,
  userId: number,
  /** A proposal not to count (the one a pair by hand confirms). */
  except?: number,
): Promise<{ asMentor: number; menteeBusy: boolean }> {
  const open = (await db.select().from(proposals).where(eq(proposals.status, 'open'))).filter(
    (p) => p.id !== except,
  );
  const active = await db.select().from(pairs).where(eq(pairs.status, 'active'));
  const rows = [...open, ...active];
  return {
    asMentor: rows.filter((r) => r.mentorUserId === userId).length,
    menteeBusy: rows.some((r) => r.menteeUserId === userId),
  };
}

/**
 * What a pair works on when no proposal says it (a pair made by hand): the topics the mentor
 * teaches that the mentee wants, in catalog order, from their profiles now.
 */
export async function sharedTopics(
  db: DbOrTx,
  link: { mentorUserId: number; menteeUserId: number },
): Promise<string[]> {
  const teach = new Set((await getProfile(db, link.mentorUserId))?.teach ?? []);
  return ((await getProfile(db, link.menteeUserId))?.learn ?? []).filter((t) => teach.has(t));
}

/** Pairs that met (any pair ever made) or were declined or let expire: never proposed again. */
export async function history(db: DbOrTx): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const p of await db.select({ a: pairs.mentorUserId, b: pairs.menteeUserId }).from(pairs)) {
    keys.add(historyKey(p.a, p.b));
  }
  const declined = await db
    .select({ a: proposals.mentorUserId, b: proposals.menteeUserId })
    .from(proposals)
    .where(or(eq(proposals.status, 'declined'), eq(proposals.status, 'expired')));
  for (const p of declined) keys.add(historyKey(p.a, p.b));
  return keys;
}

function toVolunteer(
  user: UserRow,
  p: {
    grade: number;
    department: string;
    interests: string[];
    formats: Format[];
    teach: Set<string>;
    learn: Set<string>;
    zone: string;
    now: Date;
  },
): Volunteer {
  const offset = DateTime.fromJSDate(p.now, { zone: p.zone });
  return {
    userId: user.id,
    name: user.name,
    grade: p.grade,
    department: p.department,
    teach: p.teach,
    learn: p.learn,
    interests: new Set(p.interests),
    formats: new Set(p.formats),
    utcOffset: offset.isValid ? offset.offset : 0,
  };
}
