import { and, eq, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { EngineDeps } from '../../core/context';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { getUser } from '../../db/queries/users';
import {
  type Fit,
  type MeetingFeedbackRow,
  type MeetingRow,
  meetingFeedback,
  meetings,
  type PairRow,
  pairFit,
  pairs,
} from '../../db/schema';
import { notify } from '../notify';
import { cancelFutureMeetings, loadMeeting } from '../scheduling/service';

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

/** Answers can be changed this long after the first one. */
export const FEEDBACK_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RatingOutcome = 'saved' | 'updated' | 'locked' | 'not_held' | 'not_yours' | 'invalid';

/** A member's held meeting, or why it can't be rated. */
export async function ratableMeeting(
  db: DbOrTx,
  meetingId: number,
  userId: number,
): Promise<{ meeting: MeetingRow; pair: PairRow } | 'not_held' | 'not_yours'> {
  const found = Number.isSafeInteger(meetingId) ? await loadMeeting(db, meetingId) : undefined;
  if (!found || (found.pair.mentorUserId !== userId && found.pair.menteeUserId !== userId)) {
    return 'not_yours';
  }
  return found.meeting.status === 'held' ? found : 'not_held';
}

/** Saves (or, within the window, changes) one person's usefulness rating for a session. */
export async function rate(
  db: DbOrTx,
  meetingId: number,
  userId: number,
  raw: string,
  now: Date,
  zone: string,
): Promise<{ outcome: RatingOutcome; row?: MeetingFeedbackRow }> {
  const usefulness = /^[1-5]$/.test(raw) ? Number(raw) : undefined;
  if (usefulness === undefined) return { outcome: 'invalid' };
  const found = await ratableMeeting(db, meetingId, userId);
  if (typeof found === 'string') return { outcome: found };
  const existing = await ownFeedback(db, meetingId, userId);
  if (existing) {
    if (!editable(existing, now, zone)) return { outcome: 'locked', row: existing };
    const row = await one(
      db
        .update(meetingFeedback)
        .set({ usefulness, updatedAt: now })
        .where(eq(meetingFeedback.id, existing.id))
        .returning(),
    );
    return { outcome: 'updated', row };
  }
  const row = await one(
    db
      .insert(meetingFeedback)
      .values({ meetingId, userId, usefulness, createdAt: now, updatedAt: now })
      .returning(),
  );
  return { outcome: 'saved', row };
}

export async function ownFeedback(
  db: DbOrTx,
  meetingId: number,
  userId: number,
): Promise<MeetingFeedbackRow | undefined> {
  return await first(
    db
      .select()
      .from(meetingFeedback)
      .where(and(eq(meetingFeedback.meetingId, meetingId), eq(meetingFeedback.userId, userId))),
  );
}

/**
 * Answers can change for 24 hours, but never after their week has closed (Monday 00:00 in
 * the organisation's zone): a figure HR has already seen must not move, or comparing the two
 * would show what one person changed.
 */
export function editable(row: { createdAt: Date }, now: Date, zone: string): boolean {
  const weekClosed = DateTime.fromJSDate(row.createdAt, { zone })
    .startOf('week')
    .plus({ weeks: 1 });
  return (
    now.getTime() - row.createdAt.getTime() <= FEEDBACK_EDIT_WINDOW_MS &&
    now < weekClosed.toJSDate()
  );
}

/** Adds the optional words to an existing answer (same 24 h window). */
export async function addNotes(
  db: DbOrTx,
  meetingId: number,
  userId: number,
  notes: { learned: string | null; noteForHr: string | null; named: boolean },
  now: Date,
  zone: string,
): Promise<'saved' | 'locked' | 'missing'> {
  const existing = await ownFeedback(db, meetingId, userId);
  if (!existing) return 'missing';
  if (!editable(existing, now, zone)) return 'locked';
  await db
    .update(meetingFeedback)
    .set({ ...notes, updatedAt: now })
    .where(eq(meetingFeedback.id, existing.id));
  return 'saved';
}

/** True when this is the pair's first held session (the moment to ask about the fit). */
export async function isFirstHeld(db: DbOrTx, meeting: MeetingRow): Promise<boolean> {
  const earlier = (
    await db
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .where(
        and(
          eq(meetings.pairId, meeting.pairId),
          eq(meetings.status, 'held'),
          ne(meetings.id, meeting.id),
        ),
      )
  ).filter((m) => m.startsAt < meeting.startsAt);
  return earlier.length === 0;
}

export async function fitAnswered(db: DbOrTx, pairId: number, userId: number): Promise<boolean> {
  return Boolean(
    await first(
      db
        .select({ id: pairFit.id })
        .from(pairFit)
        .where(and(eq(pairFit.pairId, pairId), eq(pairFit.userId, userId))),
    ),
  );
}

/** Records "how is the pairing working?" (a second answer replaces the first). */
export async function recordFit(
  db: DbOrTx,
  pairId: number,
  userId: number,
  fit: Fit,
  now: Date,
  zone: string,
): Promise<void> {
  const existing = await first(
    db
      .select()
      .from(pairFit)
      .where(and(eq(pairFit.pairId, pairId), eq(pairFit.userId, userId))),
  );
  if (!existing) {
    await db.insert(pairFit).values({ pairId, userId, fit, createdAt: now });
    return;
  }
  // Changeable within the week it was given (a figure HR saw never moves), and it stays there.
  if (sameWeek(existing.createdAt, now, zone))
    await db.update(pairFit).set({ fit }).where(eq(pairFit.id, existing.id));
}

function sameWeek(a: Date, b: Date, zone: string): boolean {
  const week = (d: Date) => DateTime.fromJSDate(d, { zone }).startOf('week').toMillis();
  return week(a) === week(b);
}

/**
 * Ends a pair that doesn't fit, kindly: future sessions are called off and both hear the
 * same neutral words — nobody is told who asked or why. Both stay in the pool, and the
 * ended pair's history keeps the next round from pairing them again.
 */
export async function endForRefit(
  db: DbOrTx,
  deps: Deps,
  pair: PairRow,
  by: number,
  now: Date,
): Promise<boolean> {
  const active = await first(
    db
      .select()
      .from(pairs)
      .where(and(eq(pairs.id, pair.id), eq(pairs.status, 'active'))),
  );
  if (!active) return false;
  await db.update(pairs).set({ status: 'ended', endedAt: now }).where(eq(pairs.id, pair.id));
  await cancelFutureMeetings(db, deps, pair.id, by, now);
  for (const [me, other] of [
    [pair.mentorUserId, pair.menteeUserId],
    [pair.menteeUserId, pair.mentorUserId],
  ] as const) {
    const person = await getUser(db, me);
    const partner = await getUser(db, other);
    if (!person) continue;
    await notify(
      db,
      deps,
      person,
      `refit:${pair.id}:${me}`,
      (t) => ({ kind: 'text', text: t('fit.pairClosing', { name: partner?.name ?? '?' }) }),
      now,
    );
  }
  await audit(db, { actorUserId: by, action: 'pair.refit', details: { pair: pair.id } }, now);
  return true;
}
