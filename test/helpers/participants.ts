import { CONSOLE_WORKSPACE } from '../../src/adapters/console';
import type { UserRef } from '../../src/core/refs';
import { one } from '../../src/db/first';
import type { ProfileInput } from '../../src/db/queries/profiles';
import { saveProfile, updateProfile } from '../../src/db/queries/profiles';
import { upsertUser } from '../../src/db/queries/users';
import { meetingFeedback, meetings, pairs } from '../../src/db/schema';
import type { TestApp } from './app';

/** A joined, prepared participant, written straight to the database (a factory for tests). */
export async function participant(
  app: TestApp,
  ref: UserRef,
  name: string,
  profile: Partial<ProfileInput> & Pick<ProfileInput, 'role' | 'grade'>,
): Promise<number> {
  const now = app.clock.now();
  const user = await upsertUser(app.database.db, { ref, name, locale: 'en' }, now);
  await saveProfile(
    app.database.db,
    user.id,
    {
      department: `Dept ${name}`,
      interests: [],
      formats: ['one_on_one'],
      capacity: profile.role === 'mentee' ? null : 1,
      teach: [],
      learn: [],
      ...profile,
    },
    now,
  );
  await updateProfile(app.database.db, user.id, { preparedAt: now }, now);
  return user.id;
}

/** A mentor and a mentee (both on `ai`) who are already an active pair. */
export async function activePair(
  app: TestApp,
  mentor: { ref: UserRef; name: string },
  mentee: { ref: UserRef; name: string },
): Promise<{ mentorId: number; menteeId: number }> {
  const mentorId = await participant(app, mentor.ref, mentor.name, {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  const menteeId = await participant(app, mentee.ref, mentee.name, {
    role: 'mentee',
    grade: 5,
    learn: ['ai'],
  });
  await app.database.db
    .insert(pairs)
    .values({ mentorUserId: mentorId, menteeUserId: menteeId, createdAt: app.clock.now() });
  return { mentorId, menteeId };
}

/**
 * A fresh pair (Mentor n, Mentee n) with one held session at the clock's time, rated by the
 * mentor (and the mentee, if given), written straight to the database.
 */
export async function ratedPair(
  app: TestApp,
  n: number | string,
  mentor: { usefulness: number; learned?: string; noteForHr?: string },
  mentee?: { usefulness: number },
): Promise<{ pairId: number; meetingId: number }> {
  const db = app.database.db;
  const now = app.clock.now();
  const ref = (id: string): UserRef => ({ platform: 'console', workspace: CONSOLE_WORKSPACE, id });
  const a = await participant(app, ref(`m${n}`), `Mentor ${n}`, { role: 'mentor', grade: 1 });
  const b = await participant(app, ref(`e${n}`), `Mentee ${n}`, { role: 'mentee', grade: 5 });
  const pair = await one(
    db.insert(pairs).values({ mentorUserId: a, menteeUserId: b, createdAt: now }).returning(),
  );
  const meeting = await one(
    db
      .insert(meetings)
      .values({
        pairId: pair.id,
        kind: 'meeting',
        startsAt: now,
        durationMin: 60,
        topic: 't',
        status: 'held',
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  for (const [userId, answer] of [
    [a, mentor],
    [b, mentee],
  ] as const) {
    if (!answer) continue;
    await db
      .insert(meetingFeedback)
      .values({ meetingId: meeting.id, userId, ...answer, createdAt: now, updatedAt: now });
  }
  return { pairId: pair.id, meetingId: meeting.id };
}
