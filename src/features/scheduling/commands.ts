import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { Reply } from '../../core/replies';
import { getUser } from '../../db/queries/users';
import { type MeetingKind, type MeetingRow, meetings, type PairRow } from '../../db/schema';
import { pollReply } from '../feedback/poll';
import { forms } from '../forms';
import { joined } from '../joined';
import { notifyUser } from '../notify';
import {
  DEFAULT_DURATION,
  FIND_OTHER_ACTION,
  FIND_PAIR_ACTION,
  FIND_SLOT_ACTION,
  groupOf,
  KIND_CODE,
  kindOfCode,
  ownActivePair,
  peopleOfPair,
  suggestTimes,
  tandemBusy,
} from './find-time';
import { activePairs, MEETING_FORM, meetingMode, rescheduleMode } from './meeting-form';
import {
  bookMeeting,
  CANCEL_ACTION,
  CANCEL_CONFIRM_ACTION,
  CANT_ACTION,
  cancelMeeting,
  didItHappenReply,
  HELD_ACTION,
  loadMeeting,
  meetingButtons,
  meetingSeries,
  RESCHEDULE_ACTION,
  recordHeld,
  unconfirmedMeetings,
} from './service';
import { topicOf } from './topic';
import { formatSlot } from './when';

function book(kind: 'sprint' | 'meeting'): CommandSpec {
  return {
    scope: 'dm',
    takesArgs: false,
    async run(ctx) {
      if (!(await joined(ctx))) return;
      const mine = await activePairs(ctx);
      const [only] = mine;
      if (!only) {
        ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') });
        return;
      }
      // The same booking in progress (the command typed again) resumes where it was.
      const open = await forms.active(ctx);
      const mode = meetingMode.encode({ book: kind });
      if (open?.formId === MEETING_FORM && open.mode === mode) {
        await forms.start(ctx, MEETING_FORM, mode);
        return;
      }
      // "Find a time" first: with one partner (or one group) the slots; with several, whom.
      const oneGroup = mine.every((p) => p.pair.group && p.pair.mentorUserId === ctx.user.id);
      if (mine.length === 1 || oneGroup) {
        await suggestTimes(ctx, only.pair, kind);
        return;
      }
      ctx.reply({
        kind: 'text',
        title: ctx.t('find.title'),
        text: ctx.t('find.whom'),
        buttons: [
          ...mine.map((p) => ({
            label: p.partnerName,
            data: encodeAction(FIND_PAIR_ACTION, ctx.user.id, KIND_CODE[kind], String(p.pair.id)),
          })),
          {
            label: ctx.t('find.button.other'),
            data: encodeAction(FIND_OTHER_ACTION, ctx.user.id, KIND_CODE[kind]),
          },
        ],
      });
    },
  };
}

/**
 * One tap on a suggested slot books it for everyone, as the form's booking does (invite and
 * .ics). A slot gone meanwhile (past, or taken by another session of any of them) is said
 * so, with fresh suggestions.
 */
async function bookSlot(ctx: Ctx, kind: MeetingKind, pairId: number, minutes: number) {
  const pair = await ownActivePair(ctx, pairId);
  if (!pair) {
    ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') }, { replace: true });
    return;
  }
  const startsAt = new Date(minutes * 60_000);
  const durationMin = DEFAULT_DURATION[kind];
  const slot = { from: startsAt.getTime(), to: startsAt.getTime() + durationMin * 60_000 };
  const ids = await peopleOfPair(ctx.tx, pair);
  const busy = await tandemBusy(ctx.tx, ids, slot);
  const taken = [...busy.values()].some((list) =>
    list.some((b) => b.from < slot.to && b.to > slot.from),
  );
  if (slot.from <= ctx.now.getTime() || taken) {
    ctx.reply({ kind: 'text', text: ctx.t('find.gone') }, { replace: true });
    await suggestTimes(ctx, pair, kind);
    return;
  }
  ctx.reply(
    {
      kind: 'text',
      text: ctx.t('find.booked', {
        kind: ctx.t(`meeting.kind.${kind}`),
        when: formatDayTime(
          startsAt,
          ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE,
          ctx.locale,
        ),
      }),
    },
    { replace: true },
  );
  // A group's session is for the mentor and every mentee: each pair gets it, and its invite.
  for (const each of await groupOf(ctx.tx, pair)) {
    await bookMeeting(
      ctx.tx,
      ctx.deps,
      {
        pair: each,
        kind,
        startsAt,
        durationMin,
        topic: ctx.t(`find.topic.${kind}`),
        link: null,
        by: ctx.user.id,
      },
      ctx.now,
    );
  }
}

const kindArg = arg.oneOf(['s', 'm']);
/** Epoch minutes of a slot's start: 8 digits until the year 2160. */
const epochMinutes = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

/** The buttons of "Find a time". */
export const findTimeActions = {
  [FIND_SLOT_ACTION]: action(z.tuple([kindArg, arg.id, epochMinutes]), (ctx, [kind, pair, at]) =>
    bookSlot(ctx, kindOfCode(kind), pair, at),
  ),
  [FIND_PAIR_ACTION]: action(z.tuple([kindArg, arg.id]), async (ctx, [kind, id]) => {
    const pair = await ownActivePair(ctx, id);
    if (!pair) {
      ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') });
      return;
    }
    await suggestTimes(ctx, pair, kindOfCode(kind));
  }),
  [FIND_OTHER_ACTION]: action(z.tuple([kindArg]), async (ctx, [kind]) => {
    if ((await activePairs(ctx)).length === 0) {
      ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') });
      return;
    }
    // The suggestions give way (their buttons gone), and today's day and time steps follow.
    ctx.reply({ kind: 'text', text: ctx.t('find.byHand') }, { replace: true });
    await forms.start(ctx, MEETING_FORM, meetingMode.encode({ book: kindOfCode(kind) }));
  }),
} satisfies Record<string, ActionSpec>;

/** `/sprint` (2 hours by default) and `/meet` (1 hour): book with your partner. */
export const sprintCommand = book('sprint');
export const meetCommand = book('meeting');

/** My scheduled sessions still to come, soonest first, with each partner's name. */
export async function upcomingMeetings(
  ctx: Ctx,
): Promise<{ meeting: MeetingRow; partnerName: string }[]> {
  const mine = await activePairs(ctx);
  if (mine.length === 0) return [];
  const names = new Map(mine.map((p) => [p.pair.id, p.partnerName]));
  const upcoming = await ctx.tx
    .select()
    .from(meetings)
    .where(
      and(
        inArray(
          meetings.pairId,
          mine.map((p) => p.pair.id),
        ),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  return upcoming.map((meeting) => ({ meeting, partnerName: names.get(meeting.pairId) ?? '?' }));
}

/** "Thu, 3 Dec, 15:00–17:00 (Europe/Berlin) — sprint with Sam: «…»", in my zone. */
export function meetingLine(ctx: Ctx, m: MeetingRow, partnerName: string): string {
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  return ctx.t('meeting.listLine', {
    slot: formatSlot(m.startsAt, m.durationMin, zone, ctx.locale),
    kind: ctx.t(`meeting.kind.${m.kind}`),
    name: partnerName,
    topic: topicOf(ctx.t, m),
  });
}

/**
 * Sessions that ended and wait for my "did it happen?", each asked again with its buttons and
 * its day in my zone — so the question is never lost when its message scrolls away.
 */
export async function unconfirmedQuestions(ctx: Ctx): Promise<Reply[]> {
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const questions: Reply[] = [];
  for (const meeting of await unconfirmedMeetings(ctx.tx, ctx.user.id, ctx.now)) {
    const pair = (await loadMeeting(ctx.tx, meeting.id))?.pair;
    if (!pair) continue;
    const partner = await getUser(
      ctx.tx,
      pair.mentorUserId === ctx.user.id ? pair.menteeUserId : pair.mentorUserId,
    );
    questions.push(
      didItHappenReply(
        ctx.t,
        ctx.user.id,
        partner?.name ?? ctx.t('user.formerLabel'),
        meeting,
        formatDayTime(meeting.startsAt, zone, ctx.locale),
      ),
    );
  }
  return questions;
}

/** `/meetings`: what is coming up, in my time zone, and what waits for my confirmation. */
export const meetingsCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    const upcoming = await upcomingMeetings(ctx);
    const unconfirmed = await unconfirmedQuestions(ctx);
    // Each session with its invite's buttons: the invite may have scrolled away (or, in the
    // console, been printed before a restart), and moving or cancelling must stay in reach.
    upcoming.forEach((u, k) => {
      ctx.reply({
        kind: 'text',
        ...(k === 0 ? { title: ctx.t('meeting.listTitle') } : {}),
        text: meetingLine(ctx, u.meeting, u.partnerName),
        series: meetingSeries(u.meeting),
        buttons: meetingButtons(ctx.t, ctx.user.id, u.meeting.id),
      });
    });
    if (upcoming.length === 0 && unconfirmed.length === 0)
      ctx.reply({ kind: 'text', text: ctx.t('meeting.listNone') });
    for (const question of unconfirmed) ctx.reply(question);
  },
};

/**
 * Tells the partner how a session was answered: "didn't happen" with a button to say it did,
 * or "did happen after all" with the feedback poll. Their "did it happen?" gives way.
 */
async function tellPartnerHeld(ctx: Ctx, pair: PairRow, meetingId: number, held: boolean) {
  const meeting = (await loadMeeting(ctx.tx, meetingId))?.meeting;
  const partnerId = pair.mentorUserId === ctx.user.id ? pair.menteeUserId : pair.mentorUserId;
  if (!meeting) return;
  await notifyUser(
    ctx.tx,
    ctx.deps,
    partnerId,
    `meeting:${meeting.id}:${held ? 'held' : 'missed'}:${meeting.sequence}:${partnerId}`,
    (t) => {
      const params = {
        name: ctx.user.name,
        kind: t(`meeting.kind.${meeting.kind}`),
        topic: topicOf(t, meeting),
      };
      if (held) {
        const poll = pollReply(t, partnerId, meeting);
        const text = `${t('meeting.partnerSaidHeld', params)}\n\n${poll.text}`;
        return { ...poll, text, series: meetingSeries(meeting) };
      }
      return {
        kind: 'text',
        text: t('meeting.partnerSaidMissed', params),
        series: meetingSeries(meeting),
        buttons: [
          {
            label: t('meeting.button.didHappen'),
            data: encodeAction(
              HELD_ACTION,
              partnerId,
              String(meeting.id),
              'y',
              String(meeting.sequence),
            ),
          },
        ],
      };
    },
    ctx.now,
  );
}

async function member(ctx: Ctx, meetingId: number) {
  const found = Number.isSafeInteger(meetingId) ? await loadMeeting(ctx.tx, meetingId) : undefined;
  if (!found) return undefined;
  const { pair } = found;
  return pair.mentorUserId === ctx.user.id || pair.menteeUserId === ctx.user.id ? found : undefined;
}

/** A pair member's scheduled meeting, or undefined (with the reason already told). */
async function ownScheduled(ctx: Ctx, id: number) {
  const found = await member(ctx, id);
  if (!found) {
    ctx.reply({ kind: 'text', text: ctx.t('meeting.notYours') });
    return undefined;
  }
  if (found.meeting.status !== 'scheduled') {
    ctx.reply({ kind: 'text', text: ctx.t('meeting.notScheduled') });
    return undefined;
  }
  return found;
}

/**
 * Cancel and Can't make it ask first, naming the session: one tap on the wrong invite must not
 * call a meeting off for two people.
 */
async function askToCancel(ctx: Ctx, meetingId: number, cant: boolean): Promise<void> {
  const found = await ownScheduled(ctx, meetingId);
  if (!found) return;
  const { meeting, pair } = found;
  const partner = await getUser(
    ctx.tx,
    pair.mentorUserId === ctx.user.id ? pair.menteeUserId : pair.mentorUserId,
  );
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const press = (answer: 'y' | 'c' | 'n') =>
    encodeAction(
      CANCEL_CONFIRM_ACTION,
      ctx.user.id,
      String(meeting.id),
      String(meeting.sequence),
      answer,
    );
  ctx.reply({
    kind: 'text',
    text: ctx.t(cant ? 'meeting.confirmCant' : 'meeting.confirmCancel', {
      kind: ctx.t(`meeting.kind.${meeting.kind}`),
      when: formatDayTime(meeting.startsAt, zone, ctx.locale),
      name: partner?.name ?? ctx.t('user.formerLabel'),
    }),
    buttons: [
      {
        label: ctx.t('meeting.button.confirmCancel'),
        data: press(cant ? 'c' : 'y'),
        style: 'danger',
      },
      { label: ctx.t('meeting.button.keep'), data: press('n') },
    ],
  });
}

const meetingArg = z.tuple([arg.id]);

export const schedulingActions = {
  [CANCEL_ACTION]: action(meetingArg, (ctx, [id]) => askToCancel(ctx, id, false)),
  [CANT_ACTION]: action(meetingArg, (ctx, [id]) => askToCancel(ctx, id, true)),
  [CANCEL_CONFIRM_ACTION]: action(
    z.tuple([arg.id, arg.id, arg.oneOf(['y', 'c', 'n'])]),
    async (ctx, [id, sequence, answer]) => {
      if (answer === 'n') {
        ctx.reply({ kind: 'text', text: ctx.t('meeting.kept') }, { replace: true });
        return;
      }
      const found = await ownScheduled(ctx, id);
      if (!found) return;
      // Moved since the question was asked: the person answered about another time.
      if (found.meeting.sequence !== sequence) {
        ctx.reply({ kind: 'text', text: ctx.t('meeting.stale') }, { replace: true });
        return;
      }
      const cant = answer === 'c';
      await cancelMeeting(ctx.tx, ctx.deps, found.meeting, ctx.user.id, ctx.now, cant);
      ctx.reply(
        { kind: 'text', text: ctx.t(cant ? 'meeting.cantYou' : 'meeting.cancelledYou') },
        { replace: true },
      );
    },
  ),
  [RESCHEDULE_ACTION]: action(meetingArg, async (ctx, [id]) => {
    const found = await ownScheduled(ctx, id);
    if (!found) return;
    await forms.start(ctx, MEETING_FORM, rescheduleMode(found.meeting));
  }),
  [HELD_ACTION]: action(
    z.tuple([arg.id, arg.oneOf(['y', 'm', 'n']), arg.id]),
    async (ctx, [id, answer, sequence]) => {
      const found = await member(ctx, id);
      if (!found) {
        ctx.reply({ kind: 'text', text: ctx.t('meeting.notYours') });
        return;
      }
      if (answer === 'm') {
        // "It was moved": book the new time for the same session (if still unanswered).
        if (found.meeting.status !== 'scheduled' || found.meeting.sequence !== sequence) {
          ctx.reply({ kind: 'text', text: ctx.t('meeting.stale') }, { replace: true });
          return;
        }
        await forms.start(ctx, MEETING_FORM, rescheduleMode(found.meeting));
        return;
      }
      const before = found.meeting.status;
      const outcome = await recordHeld(ctx.tx, id, ctx.user.id, answer === 'y', sequence, ctx.now);
      // The partner hears an answer that changes what they were asked: a "No" (they may know
      // better: one tap says it did happen), and a "Yes" that overrules one.
      if (outcome === 'recorded' && (answer === 'n' || before === 'missed'))
        await tellPartnerHeld(ctx, found.pair, id, answer === 'y');
      // "Yes" leads straight into the feedback poll, for whoever answers first and for the partner.
      const after = await loadMeeting(ctx.tx, id);
      if (answer === 'y' && after?.meeting.status === 'held' && outcome !== 'stale') {
        const poll = pollReply(ctx.t, ctx.user.id, after.meeting);
        if (outcome === 'recorded' && before === 'missed') {
          // It overruled a "No": say that it now counts, and that the partner knows.
          const partnerId =
            found.pair.mentorUserId === ctx.user.id
              ? found.pair.menteeUserId
              : found.pair.mentorUserId;
          const name = (await getUser(ctx.tx, partnerId))?.name ?? ctx.t('user.formerLabel');
          poll.text = `${ctx.t('meeting.overruled', { name })}\n\n${poll.text}`;
        }
        ctx.reply(poll, { replace: true });
        return;
      }
      const text = {
        recorded: ctx.t(answer === 'y' ? 'meeting.thanksHeld' : 'meeting.thanksMissed'),
        already: ctx.t('meeting.alreadyRecorded'),
        stale: ctx.t('meeting.stale'),
        not_yours: ctx.t('meeting.notYours'),
      }[outcome];
      ctx.reply({ kind: 'text', text }, { replace: true });
    },
  ),
} satisfies Record<string, ActionSpec>;
