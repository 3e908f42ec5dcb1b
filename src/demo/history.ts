import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { CONSOLE_WORKSPACE } from '../adapters/console';
import type { Db } from '../db/client';
import { first, one } from '../db/first';
import { audit } from '../db/queries/audit';
import { scheduleTimer } from '../db/queries/timers';
import { findUser } from '../db/queries/users';
import {
  auditLog,
  experiments,
  goals,
  meetingFeedback,
  meetings,
  pairs,
  profiles,
} from '../db/schema';
import { transact } from '../db/transact';
import { EXPERIMENT_CHECK_TIMER } from '../features/experiments/service';
import { DEMO_COMPANY } from './company';

const HISTORY_MARK = 'demo.history';
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

/** Two pairs the other examples don't touch, with their usefulness ratings week by week. */
const HISTORY: [mentor: string, mentee: string, ratings: [number, number][]][] = [
  [
    'ivan',
    'emma',
    [
      [4, 5],
      [5, 4],
      [3, 4],
      [5, 5],
      [4, 4],
    ],
  ],
  [
    'noah',
    'pavel',
    [
      [3, 4],
      [4, 4],
      [5, 4],
      [4, 5],
    ],
  ],
];

/**
 * Gives the demo company a past, so `/report` has weeks to show: people joined over the last
 * two months, and two pairs (Ivan–Emma, Noah–Pavel) met and rated a sprint in each of the
 * last complete weeks of the organisation's calendar — so whatever day and hour the demo is
 * opened, the last complete week has four raters (enough for K_ANON_MIN's default of 3).
 * Once, like the company itself.
 */
export async function seedDemoHistory(db: Db, now: Date, zone: string): Promise<boolean> {
  if (await first(db.select().from(auditLog).where(eq(auditLog.action, HISTORY_MARK)))) {
    return false;
  }
  const id = async (person: string) =>
    (await findUser(db, { platform: 'console', workspace: CONSOLE_WORKSPACE, id: person }))?.id;
  // Monday 00:00 of this week in the organisation's zone: the weeks before it are complete.
  const thisWeek = DateTime.fromJSDate(now, { zone }).startOf('week');
  const longest = Math.max(...HISTORY.map(([, , ratings]) => ratings.length));
  // History pairs were formed the week before their first sprint, by people who had joined.
  const pairedAt = (weeks: number) => thisWeek.minus({ weeks: weeks + 1 }).plus({ days: 2 });
  const historyPeople = new Map(
    HISTORY.flatMap(([mentor, mentee, ratings]) => {
      const joined = pairedAt(ratings.length).minus({ days: 3 }).toJSDate();
      return [
        [mentor, joined],
        [mentee, joined],
      ] as const;
    }),
  );
  await transact(db, async (tx) => {
    for (const [i, person] of DEMO_COMPANY.entries()) {
      const userId = await id(person.id);
      if (!userId) continue;
      // Spread over the weeks of the history, the first ones earliest.
      const joined =
        historyPeople.get(person.id) ??
        new Date(now.getTime() - (longest + 1 - (i % (longest + 1))) * WEEK - (i % 3) * DAY);
      await tx
        .update(profiles)
        .set({
          joinedAt: joined,
          consentAt: joined,
          ...(person.prepared ? { preparedAt: joined } : {}),
        })
        .where(eq(profiles.userId, userId));
    }
    for (const [mentorId, menteeId, ratings] of HISTORY) {
      const mentor = await id(mentorId);
      const mentee = await id(menteeId);
      if (!mentor || !mentee) continue;
      const created = pairedAt(ratings.length).toJSDate();
      const pair = await one(
        tx
          .insert(pairs)
          .values({ mentorUserId: mentor, menteeUserId: mentee, manual: true, createdAt: created })
          .returning(),
      );
      for (const [week, [a, b]] of ratings.entries()) {
        // Wednesday 11:00 of each complete week, the newest one the week just ended.
        const at = thisWeek
          .minus({ weeks: ratings.length - week })
          .plus({ days: 2, hours: 11 })
          .toJSDate();
        const meeting = await one(
          tx
            .insert(meetings)
            .values({
              pairId: pair.id,
              kind: 'sprint',
              startsAt: at,
              durationMin: 120,
              topic: 'Weekly sprint',
              status: 'held',
              createdAt: at,
              updatedAt: at,
            })
            .returning(),
        );
        const answeredAt = new Date(at.getTime() + 3 * 60 * 60 * 1000);
        for (const [userId, usefulness] of [
          [mentor, a],
          [mentee, b],
        ] as const) {
          await tx.insert(meetingFeedback).values({
            meetingId: meeting.id,
            userId,
            usefulness: usefulness ?? 4,
            createdAt: answeredAt,
            updatedAt: answeredAt,
          });
        }
      }
      await tx.insert(goals).values({
        pairId: pair.id,
        ownerUserId: mentee,
        specific: 'Use an AI assistant for the weekly report',
        measure: '3 reports drafted by the assistant',
        deadline: new Date(now.getTime() + 4 * WEEK).toISOString().slice(0, 10),
        relevant: 'Fridays go to the report',
        progress: 50,
        createdAt: created,
        updatedAt: created,
      });
    }
    const ivan = await id('ivan');
    const emma = await id('emma');
    if (ivan && emma) {
      const at = new Date(now.getTime() - 3 * WEEK);
      const checkAt = new Date(now.getTime() + WEEK);
      const pilot = await one(
        tx
          .insert(experiments)
          .values({
            authorUserId: ivan,
            // Sponsored by Emma, Ivan's senior partner; both are asked on the check date.
            sponsorUserId: emma,
            title: 'Telegram channel for branch news',
            hypothesis: 'Staff under 30 read a Telegram channel more than the intranet',
            smallestTest: 'One branch, two weeks, the same news in both',
            measure: 'views per post in each',
            status: 'piloting',
            checkDate: checkAt.toISOString().slice(0, 10),
            createdAt: at,
            updatedAt: at,
          })
          .returning(),
      );
      await scheduleTimer(
        tx,
        {
          kind: EXPERIMENT_CHECK_TIMER,
          dueAt: checkAt,
          payload: { experimentId: pilot.id },
          dedupeKey: `idea:${pilot.id}:check`,
          userId: ivan,
        },
        now,
      );
    }
    await audit(tx, { actorUserId: null, action: HISTORY_MARK, details: {} }, now);
  });
  return true;
}
