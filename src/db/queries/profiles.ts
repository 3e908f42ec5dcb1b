import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { first } from '../first';
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

export async function getProfile(
  db: DbOrTx,
  userId: number,
): Promise<ProfileWithTopics | undefined> {
  const queries = profileQueries(db);
  const profile = await first(queries.profile.execute({ userId }));
  if (!profile) return undefined;
  const rows = await queries.topics.execute({ userId });
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
export async function saveProfile(
  db: DbOrTx,
  userId: number,
  input: ProfileInput,
  now: Date,
): Promise<void> {
  const { teach, learn, programId, ...fields } = input;
  await db
    .insert(profiles)
    .values({
      userId,
      ...fields,
      programId: programId ?? null,
      consentAt: now,
      joinedAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({ target: profiles.userId, set: { ...fields, updatedAt: now } });
  await db.delete(profileTopics).where(eq(profileTopics.userId, userId));
  const rows = [
    ...teach.map((topicId) => ({ userId, topicId, direction: 'teach' as const })),
    ...learn.map((topicId) => ({ userId, topicId, direction: 'learn' as const })),
  ];
  if (rows.length > 0) await db.insert(profileTopics).values(rows);
}

export async function updateProfile(
  db: DbOrTx,
  userId: number,
  patch: Partial<Pick<ProfileRow, 'preparedAt' | 'pausedUntil'>>,
  now: Date,
): Promise<void> {
  await db
    .update(profiles)
    .set({ ...patch, updatedAt: now })
    .where(eq(profiles.userId, userId));
}

export function listTopics(db: DbOrTx): Promise<TopicRow[]> {
  return db.select().from(topics).where(eq(topics.active, true)).orderBy(asc(topics.sortOrder));
}

export function profileTopicRows(db: DbOrTx, userId: number) {
  return db
    .select()
    .from(profileTopics)
    .where(and(eq(profileTopics.userId, userId)));
}
