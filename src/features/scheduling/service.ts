import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import { resolveLocale, translatorFor } from '../../core/engine';
import type { Translate } from '../../core/i18n';
import { enqueue } from '../../core/outbox';
import type { Button, Reply } from '../../core/replies';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { scheduleTimer } from '../../db/queries/timers';
import { userRef } from '../../db/queries/users';
import {
  type MeetingRow,
  meetings,
  type PairRow,
  pairs,
  timers,
  type UserRow,
} from '../../db/schema';
import { notify } from '../notify';
import { bothSides } from '../sides';
import { meetingIcs } from './ics';
import { firstInviteForm, inviteParties, settleInviteForm } from './invite-form';
import { topicOf } from './topic';
import { formatSlot, timeLeft } from './when';

export const MEETING_REMIND_TIMER = 'meeting.remind';
export const MEETING_AFTER_TIMER = 'meeting.after';
export const CANCEL_ACTION = 'meet.cancel';
export const RESCHEDULE_ACTION = 'meet.move';
export const CANT_ACTION = 'meet.cant';
export const HELD_ACTION = 'meet.held';
/** The answer to "Cancel the sprint on …?": `y` (cancel; `c`: because I can't make it) or `n`. */
export const CANCEL_CONFIRM_ACTION = 'meet.confirm';
/** Reminders before a meeting, in hours. */
export const REMINDERS_H = [24, 1] as const;

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

/**
 * A meeting's invite, its updates and its "did it happen?" are one series: each takes over
 * from the last (once it has ended, Reschedule and Cancel give way to the question).
 */
export const meetingSeries = (meeting: Pick<MeetingRow, 'id'>) => `meeting:${meeting.id}`;

/** What a booked session's invite offers its member: Reschedule, Cancel it, Can't make it. */
export function meetingButtons(t: Translate, userId: number, meetingId: number): Button[] {
  const id = String(meetingId);
  return [
    { label: t('meeting.button.reschedule'), data: encodeAction(RESCHEDULE_ACTION, userId, id) },
    { label: t('meeting.button.cancel'), data: encodeAction(CANCEL_ACTION, userId, id) },
    { label: t('meeting.button.cant'), data: encodeAction(CANT_ACTION, userId, id) },
  ];
}

/** Both people of a meeting's pair, with the other one for each. */
export function peopleOf(db: DbOrTx, pair: PairRow) {
  return bothSides(db, pair);
}

const zoneOf = (deps: Deps, user: UserRow) => user.timeZone ?? deps.config.ORG_TIMEZONE;

/** Books a meeting: the row, its reminder and follow-up timers, and the invite to both. */
export async function bookMeeting(
  db: DbOrTx,
  deps: Deps,
  input: {
    pair: PairRow;
    kind: MeetingRow['kind'];
    startsAt: Date;
    durationMin: number;
    topic: string;
    link: string | null;
    by: number;
  },
  now: Date,
): Promise<MeetingRow> {
  const both = await peopleOf(db, input.pair);
  const meeting = await one(
    db
      .insert(meetings)
      .values({
        ...firstInviteForm(both.find((s) => s.me.id === input.by)?.me),
        pairId: input.pair.id,
        kind: input.kind,
        startsAt: input.startsAt,
        durationMin: input.durationMin,
        topic: input.topic,
        link: input.link,
        createdBy: input.by,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  await scheduleMeetingTimers(db, meeting, now);
  // Booking something answers the nudges: the pair is on track again.
  await db.update(pairs).set({ nudgesIgnored: 0 }).where(eq(pairs.id, input.pair.id));
  for (const { me, other } of both) {
    await sendInvite(db, deps, meeting, { me, other, method: 'REQUEST' }, now);
  }
  await audit(
    db,
    { actorUserId: input.by, action: 'meeting.booked', details: { meeting: meeting.id } },
    now,
  );
  return meeting;
}

/** The reminders (24 h, 1 h) and the "did it happen?" for this version of the meeting. */
async function scheduleMeetingTimers(db: DbOrTx, meeting: MeetingRow, now: Date): Promise<void> {
  for (const hours of REMINDERS_H) {
    const dueAt = new Date(meeting.startsAt.getTime() - hours * 3600_000);
    if (dueAt <= now) continue; // booked at short notice: no reminder in the past
    await scheduleTimer(
      db,
      {
        kind: MEETING_REMIND_TIMER,
        dueAt,
        payload: {
          meetingId: meeting.id,
          hours,
          sequence: meeting.sequence,
        } satisfies z.input<typeof reminderPayload>,
        dedupeKey: `meeting:${meeting.id}:remind:${hours}:${meeting.sequence}`,
      },
      now,
    );
  }
  await scheduleTimer(
    db,
    {
      kind: MEETING_AFTER_TIMER,
      dueAt: new Date(meeting.startsAt.getTime() + meeting.durationMin * 60_000),
      payload: {
        meetingId: meeting.id,
        sequence: meeting.sequence,
      } satisfies z.input<typeof meetingTimerPayload>,
      dedupeKey: `meeting:${meeting.id}:after:${meeting.sequence}`,
    },
    now,
  );
}

/** Drops a meeting's pending timers (it was moved or called off). */
async function cancelMeetingTimers(db: DbOrTx, meetingId: number, now: Date): Promise<void> {
  await db
    .update(timers)
    .set({ status: 'cancelled', doneAt: now })
    .where(and(eq(timers.status, 'pending'), like(timers.dedupeKey, `meeting:${meetingId}:%`)));
}

/** Moves a meeting: a higher SEQUENCE, fresh timers, and an updated invite to both. */
export async function rescheduleMeeting(
  db: DbOrTx,
  deps: Deps,
  meeting: MeetingRow,
  change: { startsAt: Date; durationMin: number; topic: string; link: string | null; by: number },
  now: Date,
): Promise<MeetingRow | undefined> {
  const moved = await first(
    db
      .update(meetings)
      .set({
        startsAt: change.startsAt,
        durationMin: change.durationMin,
        topic: change.topic,
        link: change.link,
        status: 'scheduled',
        sequence: meeting.sequence + 1,
        updatedAt: now,
      })
      // Only the version the form started from: a concurrent cancel or move wins.
      .where(
        and(
          eq(meetings.id, meeting.id),
          eq(meetings.sequence, meeting.sequence),
          eq(meetings.status, 'scheduled'),
        ),
      )
      .returning(),
  );
  if (!moved) return undefined;
  await cancelMeetingTimers(db, meeting.id, now);
  await scheduleMeetingTimers(db, moved, now);
  const pair = await first(db.select().from(pairs).where(eq(pairs.id, moved.pairId)));
  const both = pair ? await peopleOf(db, pair) : [];
  const sent = await settleInviteForm(
    db,
    moved,
    both.map((s) => s.me),
  );
  for (const { me, other } of both) {
    await sendInvite(db, deps, sent, { me, other, method: 'REQUEST', rescheduled: true }, now);
  }
  await audit(
    db,
    { actorUserId: change.by, action: 'meeting.rescheduled', details: { meeting: meeting.id } },
    now,
  );
  return moved;
}

/**
 * Calls a meeting off for both: status, timers, and a cancelling invite. With `cantMakeIt`
 * the partner also reads that the other person can't come and is asked to pick a new time.
 */
export async function cancelMeeting(
  db: DbOrTx,
  deps: Deps,
  meeting: MeetingRow,
  by: number,
  now: Date,
  cantMakeIt = false,
): Promise<void> {
  const cancelled = await one(
    db
      .update(meetings)
      .set({ status: 'cancelled', sequence: meeting.sequence + 1, updatedAt: now })
      .where(eq(meetings.id, meeting.id))
      .returning(),
  );
  await cancelMeetingTimers(db, meeting.id, now);
  const pair = await first(db.select().from(pairs).where(eq(pairs.id, meeting.pairId)));
  const both = pair ? await peopleOf(db, pair) : [];
  const sent = await settleInviteForm(
    db,
    cancelled,
    both.map((s) => s.me),
  );
  for (const { me, other } of both) {
    const partnerCant = cantMakeIt && me.id !== by;
    await sendInvite(db, deps, sent, { me, other, method: 'CANCEL', partnerCant }, now);
  }
  await audit(
    db,
    { actorUserId: by, action: 'meeting.cancelled', details: { meeting: meeting.id } },
    now,
  );
}

interface Invite {
  me: UserRow;
  other: UserRow;
  method: 'REQUEST' | 'CANCEL';
  rescheduled?: boolean;
  /** Cancelled because the other person can't make it. */
  partnerCant?: boolean;
}

/** The event in the person's own zone and language, with the .ics and its buttons. */
async function sendInvite(
  db: DbOrTx,
  deps: Deps,
  meeting: MeetingRow,
  invite: Invite,
  now: Date,
): Promise<void> {
  const { me, other, method } = invite;
  const locale = resolveLocale(me, deps.config.DEFAULT_LOCALE);
  const t = translatorFor(deps, me);
  const slot = formatSlot(meeting.startsAt, meeting.durationMin, zoneOf(deps, me), locale);
  const kind = t(`meeting.kind.${meeting.kind}`);
  const lines =
    method === 'REQUEST'
      ? [
          t(invite.rescheduled ? 'meeting.rescheduled' : 'meeting.booked', {
            kind,
            name: other.name,
          }),
          slot,
          `«${topicOf(t, meeting)}»`,
          meeting.link ?? undefined,
        ]
      : [
          t('meeting.cancelled', { kind, name: other.name, slot }),
          invite.partnerCant ? t('meeting.partnerCant', { name: other.name }) : undefined,
        ];
  await notify(
    db,
    deps,
    me,
    `meeting:${meeting.id}:${method}:${meeting.sequence}:${me.id}`,
    () => ({
      kind: 'text',
      text: lines.filter(Boolean).join('\n'),
      series: meetingSeries(meeting),
      ...(method === 'REQUEST' ? { buttons: meetingButtons(t, me.id, meeting.id) } : {}),
    }),
    now,
  );
  // Sent the way the first invite was: same METHOD family, same ORGANIZER.
  const { organizer, people } = inviteParties(meeting, [me, other]);
  const ics = meetingIcs(
    {
      uid: meeting.uid,
      sequence: meeting.sequence,
      startsAt: meeting.startsAt,
      durationMin: meeting.durationMin,
      title: t('meeting.icsTitle', { kind, name: other.name }),
      topic: topicOf(t, meeting),
      link: meeting.link,
      organizer,
      people,
    },
    method === 'CANCEL',
    now,
  );
  await enqueue(
    db,
    {
      dedupeKey: `meeting:${meeting.id}:${method}:${meeting.sequence}:${me.id}:ics`,
      target: { kind: 'user', user: userRef(me) },
      payload: {
        kind: 'file',
        file: {
          filename: icsFilename(meeting, method),
          mimeType: 'text/calendar',
          contentBase64: Buffer.from(ics, 'utf8').toString('base64'),
          caption: t(method === 'CANCEL' ? 'meeting.icsCaptionCancel' : 'meeting.icsCaption'),
        },
        locale,
      },
      userId: me.id,
    },
    now,
  );
}

/**
 * Each version of a meeting's invite gets its own name, so one saved next to another (the
 * console's files folder, a downloads folder) never overwrites it: the calendar matches them
 * by UID, the person by name.
 */
function icsFilename(meeting: MeetingRow, method: 'REQUEST' | 'CANCEL'): string {
  const base = `tandem-${meeting.kind}-${meeting.id}`;
  if (method === 'CANCEL') return `${base}-cancelled.ics`;
  return meeting.sequence > 0 ? `${base}-update-${meeting.sequence}.ics` : `${base}.ics`;
}

async function loadMeeting(
  db: DbOrTx,
  id: number,
): Promise<{ meeting: MeetingRow; pair: PairRow } | undefined> {
  const meeting = await first(db.select().from(meetings).where(eq(meetings.id, id)));
  const pair =
    meeting && (await first(db.select().from(pairs).where(eq(pairs.id, meeting.pairId))));
  return meeting && pair ? { meeting, pair } : undefined;
}

/** The timer's meeting, if it is still scheduled as the timer knew it (not moved, not called off). */
/** What a meeting's timers carry: the meeting, and which version of it they were set for. */
export const meetingTimerPayload = z.object({
  meetingId: z.number().int(),
  sequence: z.number().int(),
});
export const reminderPayload = meetingTimerPayload.extend({ hours: z.number().int() });

async function stillScheduled(db: DbOrTx, payload: z.output<typeof meetingTimerPayload>) {
  const found = await loadMeeting(db, payload.meetingId);
  if (found?.meeting.status !== 'scheduled' || found.meeting.sequence !== payload.sequence)
    return undefined;
  return found;
}

/**
 * Timer: a reminder, sent only while it still helps. One whose meeting has begun (the
 * process was down) is dropped, not sent late; one for a changed meeting is ignored.
 */
export async function runReminder(
  db: DbOrTx,
  deps: Deps,
  payload: z.output<typeof reminderPayload>,
  now: Date,
): Promise<void> {
  const found = await stillScheduled(db, payload);
  if (!found) return;
  const { meeting, pair } = found;
  if (meeting.startsAt <= now) return;
  const { hours } = payload;
  // After downtime, "in 24 hours" is no longer true once the 1-hour reminder is due too.
  const shorterDue = REMINDERS_H.some(
    (h) => h < hours && meeting.startsAt.getTime() - h * 3600_000 <= now.getTime(),
  );
  if (shorterDue) return;
  // Said as it is when the message is built: after downtime a "24 h" reminder may come with
  // only a few hours left.
  const left = timeLeft(now, meeting.startsAt);
  for (const { me, other } of await peopleOf(db, pair)) {
    await notify(
      db,
      deps,
      me,
      `meeting:${meeting.id}:reminder:${hours}:${meeting.sequence}:${me.id}`,
      (t, locale) => ({
        kind: 'text',
        text: t('meeting.reminder', {
          kind: t(`meeting.kind.${meeting.kind}`),
          name: other.name,
          ...left,
          slot: formatSlot(meeting.startsAt, meeting.durationMin, zoneOf(deps, me), locale),
          topic: topicOf(t, meeting),
        }),
      }),
      now,
    );
  }
}

/** Timer: after the end time, both are asked whether it happened. */
export async function runAfterMeeting(
  db: DbOrTx,
  deps: Deps,
  payload: z.output<typeof meetingTimerPayload>,
  now: Date,
): Promise<void> {
  const found = await stillScheduled(db, payload);
  if (!found) return;
  const { meeting, pair } = found;
  for (const { me, other } of await peopleOf(db, pair)) {
    await notify(
      db,
      deps,
      me,
      `meeting:${meeting.id}:after:${meeting.sequence}:${me.id}`,
      (t) => didItHappenReply(t, me.id, other.name, meeting),
      now,
    );
  }
}

/**
 * "Did it happen?" with its Yes / It was moved / No, for `owner` about a session with
 * `partner`. Asked again later (on arrival, in /meetings) it says which session: `when`.
 */
export function didItHappenReply(
  t: Translate,
  owner: number,
  partner: string,
  meeting: MeetingRow,
  when?: string,
): Reply {
  const press = (answer: 'y' | 'm' | 'n') =>
    encodeAction(HELD_ACTION, owner, String(meeting.id), answer, String(meeting.sequence));
  const params = {
    kind: t(`meeting.kind.${meeting.kind}`),
    name: partner,
    topic: topicOf(t, meeting),
  };
  return {
    kind: 'text',
    series: meetingSeries(meeting),
    text:
      when === undefined
        ? t('meeting.didItHappen', params)
        : t('meeting.didItHappenOn', { ...params, when }),
    buttons: [
      { label: t('meeting.button.yes'), data: press('y'), style: 'primary' },
      { label: t('meeting.button.moved'), data: press('m') },
      { label: t('meeting.button.no'), data: press('n') },
    ],
  };
}

/**
 * Sessions of `userId`'s pairs that have ended and still wait for "did it happen?" (the first
 * answer of either side settles it), oldest first.
 */
export async function unconfirmedMeetings(
  db: DbOrTx,
  userId: number,
  now: Date,
): Promise<MeetingRow[]> {
  const mine = (
    await db
      .select({ id: pairs.id })
      .from(pairs)
      .where(or(eq(pairs.mentorUserId, userId), eq(pairs.menteeUserId, userId)))
  ).map((p) => p.id);
  if (mine.length === 0) return [];
  const scheduled = await db
    .select()
    .from(meetings)
    .where(and(inArray(meetings.pairId, mine), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.startsAt));
  return scheduled.filter((m) => m.startsAt.getTime() + m.durationMin * 60_000 <= now.getTime());
}

/**
 * "Did it happen?" answered. The first answer sets the status; "yes" is where the feedback
 * poll (goals-and-feedback issue) starts, recorded as `meeting.held` in the audit log.
 */
export async function recordHeld(
  db: DbOrTx,
  meetingId: number,
  userId: number,
  held: boolean,
  sequence: number,
  now: Date,
): Promise<'recorded' | 'already' | 'stale' | 'not_yours'> {
  const found = await loadMeeting(db, meetingId);
  if (!found || (found.pair.mentorUserId !== userId && found.pair.menteeUserId !== userId)) {
    return 'not_yours';
  }
  const { meeting } = found;
  // "It did happen" after a "No" (the partner's, or one's own tap by mistake) sets it right;
  // a "No" after "Yes" is not taken: the feedback may already be in.
  if (meeting.status === 'held' || (meeting.status === 'missed' && !held)) return 'already';
  if (meeting.status === 'missed') {
    await db
      .update(meetings)
      .set({ status: 'held', updatedAt: now })
      .where(eq(meetings.id, meetingId));
    await audit(
      db,
      { actorUserId: userId, action: 'meeting.held', details: { meeting: meetingId } },
      now,
    );
    return 'recorded';
  }
  // A question about an earlier version (moved since) or a session that hasn't ended yet.
  const ended = meeting.startsAt.getTime() + meeting.durationMin * 60_000 <= now.getTime();
  if (meeting.status !== 'scheduled' || meeting.sequence !== sequence || !ended) return 'stale';
  await db
    .update(meetings)
    .set({ status: held ? 'held' : 'missed', updatedAt: now })
    .where(eq(meetings.id, meetingId));
  await audit(
    db,
    {
      actorUserId: userId,
      action: held ? 'meeting.held' : 'meeting.missed',
      details: { meeting: meetingId },
    },
    now,
  );
  return 'recorded';
}

export { loadMeeting };

/**
 * A pair ends (unpaired, or someone left): its future sessions are called off, so nobody
 * keeps a calendar event for a meeting that won't happen.
 */
export async function cancelFutureMeetings(
  db: DbOrTx,
  deps: Deps,
  pairId: number,
  by: number,
  now: Date,
): Promise<void> {
  const scheduled = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.pairId, pairId), eq(meetings.status, 'scheduled')));
  for (const meeting of scheduled.filter((m) => m.startsAt > now)) {
    await cancelMeeting(db, deps, meeting, by, now);
  }
}
