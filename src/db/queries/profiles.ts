import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { perConnection } from '../prepared';
import {
  type Format,
  type ProfileRow,
  type ProgramRole,
  profiles,
  profileTopics,
  type TopicRow,
  topics,
} from '../schema';

export interface ProfileWithTopics {
  profile: ProfileRow;
  teach: string[];
  learn: string[];
}

export function getProfile(db: DbOrTx, userId: number): ProfileWithTopics | undefined {
  const queries = profileQueries(db);
  const profile = queries.profile.get({ userId });
  if (!profile) return undefined;
  const rows = queries.topics.all({ userId });
  return {
    profile,
    teach: rows.filter((r) => r.direction === 'teach').map((r) => r.topicId),
    learn: rows.filter((r) => r.direction === 'learn').map((r) => r.topicId),
  };
}

/**
 * getProfile's queries, prepared once per connection: an event reads the profile several
 * times (the command, its buttons, the App Home), and building and compiling the query on
 * each call cost more than running it.
 */
const profileQueries = perConnection(prepareProfileQueries);

function prepareProfileQueries(db: DbOrTx) {
  return {
    profile: db
      .select()
      .from(profiles)
      .where(eq(profiles.userId, sql.placeholder('userId')))
      .prepare(),
    topics: db
      .select({ topicId: profileTopics.topicId, direction: profileTopics.direction })
      .from(profileTopics)
      .innerJoin(topics, eq(topics.id, profileTopics.topicId))
      .where(eq(profileTopics.userId, sql.placeholder('userId')))
      .orderBy(asc(topics.sortOrder))
      .prepare(),
  };
}

export interface ProfileInput {
  role: ProgramRole;
  grade: number;
  department: string;
  interests: string[];
  formats: Format[];
  capacity: number | null;
  teach: string[];
  learn: string[];
  /** The cohort joined; only set on the first save (editing never moves anyone). */
  programId?: number | null;
  /** Working days (ISO weekdays) and hours (minutes from local midnight); unset: unchanged. */
  workDays?: number[];
  workStart?: number;
  workEnd?: number;
}

/** Creates or replaces a profile and its topics. Call inside a transaction. */
export function saveProfile(db: DbOrTx, userId: number, input: ProfileInput, now: Date): void {
  const { teach, learn, programId, ...fields } = input;
  db.insert(profiles)
    .values({
      userId,
      ...fields,
      programId: programId ?? null,
      consentAt: now,
      joinedAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: profiles.userId, set: { ...fields, updatedAt: now } })
    .run();
  db.delete(profileTopics).where(eq(profileTopics.userId, userId)).run();
  const rows = [
    ...teach.map((topicId) => ({ userId, topicId, direction: 'teach' as const })),
    ...learn.map((topicId) => ({ userId, topicId, direction: 'learn' as const })),
  ];
  if (rows.length > 0) db.insert(profileTopics).values(rows).run();
}

export function updateProfile(
  db: DbOrTx,
  userId: number,
  patch: Partial<Pick<ProfileRow, 'preparedAt' | 'pausedUntil'>>,
  now: Date,
): void {
  db.update(profiles)
    .set({ ...patch, updatedAt: now })
    .where(eq(profiles.userId, userId))
    .run();
}

export function listTopics(db: DbOrTx): TopicRow[] {
  return db
    .select()
    .from(topics)
    .where(eq(topics.active, true))
    .orderBy(asc(topics.sortOrder))
    .all();
}

export function profileTopicRows(db: DbOrTx, userId: number) {
  return db
    .select()
    .from(profileTopics)
    .where(and(eq(profileTopics.userId, userId)))
    .all();
}
