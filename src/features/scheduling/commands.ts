import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { Reply } from '../../core/replies';
import { getUser } from '../../db/queries/users';
import { type MeetingRow, meetings } from '../../db/schema';
import { pollReply } from '../feedback/poll';
import { forms } from '../forms';
import { joined } from '../joined';
import { activePairs, MEETING_FORM, meetingMode, rescheduleMode } from './meeting-form';
import {
  CANCEL_ACTION,
  CANCEL_CONFIRM_ACTION,
  CANT_ACTION,
  cancelMeeting,
  didItHappenReply,
  HELD_ACTION,
  loadMeeting,
  RESCHEDULE_ACTION,
  recordHeld,
  unconfirmedMeetings,
} from './service';
import { formatSlot } from './when';

function book(kind: 'sprint' | 'meeting'): CommandSpec {
  return {
    scope: 'dm',
    takesArgs: false,
    async run(ctx) {
      if (!(await joined(ctx))) return;
      if ((await activePairs(ctx)).length === 0) {
        ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') });
        return;
      }
      await forms.start(ctx, MEETING_FORM, meetingMode.encode({ book: kind }));
    },
  };
}

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
    topic: m.topic,
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
    if (upcoming.length > 0)
      ctx.reply({
        kind: 'text',
        title: ctx.t('meeting.listTitle'),
        text: upcoming.map((u) => meetingLine(ctx, u.meeting, u.partnerName)).join('\n'),
      });
    else if (unconfirmed.length === 0) ctx.reply({ kind: 'text', text: ctx.t('meeting.listNone') });
    for (const question of unconfirmed) ctx.reply(question);
  },
};

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
      const outcome = await recordHeld(ctx.tx, id, ctx.user.id, answer === 'y', sequence, ctx.now);
      // "Yes" leads straight into the feedback poll, for whoever answers first and for the partner.
      const after = await loadMeeting(ctx.tx, id);
      if (answer === 'y' && after?.meeting.status === 'held' && outcome !== 'stale') {
        ctx.reply(pollReply(ctx.t, ctx.user.id, after.meeting), { replace: true });
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
