import { eq } from 'drizzle-orm';
import { one } from '../../src/db/first';
import {
  experimentOutcomes,
  experiments,
  goals,
  meetingFeedback,
  meetings,
  pairs,
  profiles,
  proposals,
} from '../../src/db/schema';
import type { TestApp } from '../helpers/app';
import { participant } from '../helpers/participants';

const at = (iso: string) => new Date(iso);
/** The id of the row an `insert … returning()` wrote. */
const idOf = async (rows: PromiseLike<{ id: number }[]>) => (await one(rows)).id;
const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });

/**
 * A hand-built program for the summary's week of Mon 30 Nov – Sun 6 Dec 2026 in Moscow
 * (UTC+3): 2026-11-29T21:00Z to 2026-12-06T21:00Z. Every figure the tests expect is derived
 * in the comments next to the rows that make it.
 */
export async function buildFixture(app: TestApp) {
  const db = app.database.db;
  const person = (id: string, name: string, when: string, p: Parameters<typeof participant>[3]) => {
    app.clock.set(when);
    return participant(app, ref(id), name, p);
  };
  // Before the previous week: 5 volunteers.
  const m1 = await person('m1', 'Maria Mentor', '2026-11-10T10:00:00Z', {
    role: 'mentor',
    grade: 1,
    teach: ['ai'],
  });
  const m2 = await person('m2', 'Mark Mentor', '2026-11-10T10:00:00Z', {
    role: 'mentor',
    grade: 1,
    teach: ['social_media'],
  });
  const e1 = await person('e1', 'Elena Exec', '2026-11-10T10:00:00Z', {
    role: 'mentee',
    grade: 5,
    learn: ['ai'],
  });
  const e2 = await person('e2', 'Egor Exec', '2026-11-10T10:00:00Z', {
    role: 'mentee',
    grade: 5,
    learn: ['social_media'],
  });
  const e3 = await person('e3', 'Eva Exec', '2026-11-10T10:00:00Z', {
    role: 'mentee',
    grade: 5,
    learn: ['green_economy'],
  });
  // In the previous week: 1 (both). Nobody teaches green economy: wanted by e3 and b1.
  const b1 = await person('b1', 'Boris Both', '2026-11-25T10:00:00Z', {
    role: 'both',
    grade: 3,
    teach: ['ai'],
    learn: ['green_economy'],
  });
  // In the week: 2 — one exactly at Monday 00:00 Moscow (counts), one not yet prepared.
  const m3 = await person('m3', 'Misha Mentor', '2026-11-29T21:00:00Z', {
    role: 'mentor',
    grade: 2,
    teach: ['ai'],
  });
  const e4 = await person('e4', 'Emil Exec', '2026-12-03T12:00:00Z', {
    role: 'mentee',
    grade: 4,
    learn: ['ai'],
  });
  await db.update(profiles).set({ preparedAt: null }).where(eq(profiles.userId, e4));
  // Exactly at the week's end (next Monday 00:00 Moscow): not in this summary.
  await person('e5', 'Ezra Exec', '2026-12-06T21:00:00Z', {
    role: 'mentee',
    grade: 5,
    learn: ['ai'],
  });

  // Proposals reached m1, e1, m2, e2, e3; pairs add b1, m3, e4: 8 people proposed.
  const proposal = (
    mentor: number,
    mentee: number,
    when: string,
    status: 'accepted' | 'declined',
  ) =>
    db.insert(proposals).values({
      mentorUserId: mentor,
      menteeUserId: mentee,
      score: 1,
      reasons: { topics: [], interests: [], hoursApart: 0 },
      status,
      expiresAt: at(when),
      createdAt: at(when),
    });
  await proposal(m1, e1, '2026-11-12T10:00:00Z', 'accepted');
  await proposal(m2, e2, '2026-11-12T10:00:00Z', 'accepted');
  await proposal(m1, e3, '2026-11-26T10:00:00Z', 'declined');

  const pair = (
    mentor: number,
    mentee: number,
    created: string,
    extra: Partial<typeof pairs.$inferInsert> = {},
  ) =>
    idOf(
      db
        .insert(pairs)
        .values({ mentorUserId: mentor, menteeUserId: mentee, createdAt: at(created), ...extra })
        .returning(),
    );
  const p1 = await pair(m1, e1, '2026-11-13T10:00:00Z');
  // Three ignored nudges: at risk.
  const p2 = await pair(m2, e2, '2026-11-13T10:00:00Z', { nudgesIgnored: 3 });
  // Ended within the week: active a week ago, not now.
  const p3 = await pair(b1, e3, '2026-11-26T10:00:00Z', {
    status: 'ended',
    endedAt: at('2026-12-02T10:00:00Z'),
  });
  const p4 = await pair(m3, e4, '2026-12-04T10:00:00Z');
  // Met once long ago, silent for more than 21 days: at risk.
  const p5 = await pair(m1, e2, '2026-11-01T10:00:00Z');

  const meeting = (
    pairId: number,
    starts: string,
    status: 'held' | 'missed' | 'cancelled' | 'scheduled',
  ) =>
    idOf(
      db
        .insert(meetings)
        .values({
          pairId,
          kind: 'meeting',
          startsAt: at(starts),
          durationMin: 60,
          topic: 'x',
          status,
          createdAt: at(starts),
          updatedAt: at(starts),
        })
        .returning(),
    );
  const p1early = await meeting(p1, '2026-11-20T10:00:00Z', 'held'); // before both weeks
  const p1held = await meeting(p1, '2026-12-02T10:00:00Z', 'held'); // in the week
  const p1late = await meeting(p1, '2026-12-06T20:59:00Z', 'held'); // Sunday 23:59 Moscow: in the week
  await meeting(p1, '2026-12-06T21:00:00Z', 'held'); // Monday 00:00 Moscow: next week
  await meeting(p2, '2026-12-01T10:00:00Z', 'missed');
  await meeting(p2, '2026-12-03T10:00:00Z', 'cancelled');
  const p3held = await meeting(p3, '2026-11-27T10:00:00Z', 'held'); // the previous week
  await meeting(p4, '2026-12-05T10:00:00Z', 'scheduled');
  const p5held = await meeting(p5, '2026-11-05T10:00:00Z', 'held');

  // Goals: 2 set before the week's end (1 done); one set after it doesn't count.
  const goal = (pairId: number, owner: number, created: string, status: 'open' | 'done') =>
    db.insert(goals).values({
      pairId,
      ownerUserId: owner,
      specific: 'g',
      measure: '3',
      deadline: '2027-01-31',
      relevant: 'r',
      status,
      progress: status === 'done' ? 100 : 0,
      createdAt: at(created),
      updatedAt: at(created),
    });
  await goal(p1, e1, '2026-11-20T10:00:00Z', 'open');
  await goal(p1, m1, '2026-12-01T10:00:00Z', 'done');
  await goal(p4, e4, '2026-12-07T00:00:00Z', 'open');

  // Two people rated in the week (5 and 4): not enough to show.
  const rate = (meetingId: number, userId: number, usefulness: number, when: string) =>
    db
      .insert(meetingFeedback)
      .values({ meetingId, userId, usefulness, createdAt: at(when), updatedAt: at(when) });
  await rate(p1held, e1, 5, '2026-12-02T12:00:00Z');
  await rate(p1held, m1, 4, '2026-12-02T12:00:00Z');

  // Ideas: one waiting, one piloting, one concluded that worked.
  const idea = (status: 'proposed' | 'piloting' | 'concluded') =>
    idOf(
      db
        .insert(experiments)
        .values({
          authorUserId: m1,
          title: status,
          hypothesis: 'h',
          smallestTest: 's',
          measure: 'm',
          status,
          createdAt: at('2026-11-20T10:00:00Z'),
          updatedAt: at('2026-11-20T10:00:00Z'),
        })
        .returning(),
    );
  await idea('proposed');
  await idea('piloting');
  const done = await idea('concluded');
  await db.insert(experimentOutcomes).values({
    experimentId: done,
    userId: m1,
    outcome: 'worked',
    note: 'n',
    createdAt: at('2026-12-01T10:00:00Z'),
  });

  app.clock.set('2026-12-07T06:30:00Z'); // Monday 09:30 in Moscow
  return {
    /** A third person rates in the week: usefulness appears, (5 + 4 + 3) / 3 = 4. */
    addThirdRating: () => rate(p3held, b1, 3, '2026-12-03T12:00:00Z'),
    /**
     * Ratings whose means have a fraction: in the week 5, 4 (above), 3, 5, 4 from four people,
     * mean 4.2; in the week before 4, 4, 3 from three people, mean 3.7; so ▲0.5.
     */
    addFractionalRatings: async () => {
      await rate(p3held, b1, 3, '2026-12-03T12:00:00Z');
      await rate(p3held, e3, 5, '2026-12-03T12:00:00Z');
      await rate(p1late, e1, 4, '2026-12-06T20:59:30Z');
      await rate(p1early, e1, 4, '2026-11-23T12:00:00Z');
      await rate(p1early, m1, 4, '2026-11-23T12:00:00Z');
      await rate(p5held, e2, 3, '2026-11-24T12:00:00Z');
    },
  };
}
