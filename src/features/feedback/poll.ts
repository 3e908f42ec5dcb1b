import { and, asc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import type { Translate } from '../../core/i18n';
import { type ActionSpec, action } from '../../core/registry';
import type { Button, Reply, TextReply } from '../../core/replies';
import { first } from '../../db/first';
import { getUser } from '../../db/queries/users';
import {
  FITS,
  type MeetingRow,
  meetingFeedback,
  meetings,
  type PairRow,
  pairs,
} from '../../db/schema';
import { idMode } from '../form-mode';
import { forms } from '../forms';
import { hasNoTask } from '../scheduling/topic';
import { FEEDBACK_NOTES_FORM } from './notes-form';
import {
  editable,
  endForRefit,
  fitAnswered,
  isFirstHeld,
  ownFeedback,
  type RatingOutcome,
  ratableMeeting,
  rate,
  recordFit,
} from './service';

export const RATE_ACTION = 'fb.rate';
export const NOTES_ACTION = 'fb.note';
export const FIT_ACTION = 'fb.fit';
export const REFIT_ACTION = 'fb.refit';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

function ratingButtons(owner: number, meetingId: number, current?: number): Button[] {
  return RATINGS.map((r) => ({
    label: Number(r) === current ? `• ${r}` : r,
    data: encodeAction(RATE_ACTION, owner, String(meetingId), r),
  }));
}

/**
 * The poll after "did it happen? — Yes": one tap on 1–5 answers it. This is the hook the
 * scheduling feature calls.
 */
export function pollReply(t: Translate, owner: number, meeting: MeetingRow): TextReply {
  return {
    kind: 'text',
    // A session with no task typed is called by its kind ("this sprint"), not by its word.
    text: t('feedback.ask', {
      topic: meeting.topic,
      kind: meeting.kind,
      named: !hasNoTask(meeting),
    }),
    buttons: ratingButtons(owner, meeting.id),
  };
}

/** The fit question; it carries the session, so its answer can offer the poll's buttons again. */
function fitReply(
  t: Translate,
  owner: number,
  pairId: number,
  meetingId: number,
  name: string,
): Reply {
  return {
    kind: 'text',
    text: t('fit.ask', { name }),
    buttons: FITS.map((fit) => ({
      label: t(`fit.${fit}`),
      data: encodeAction(FIT_ACTION, owner, String(pairId), fit, String(meetingId)),
    })),
  };
}

/** How far back a poll left unanswered is offered again (older sessions are hard to rate). */
const POLL_REOFFER_DAYS = 14;

/**
 * The polls still waiting for me: sessions of my pairs (ended ones too) held (by either answer to "did
 * it happen?") in the last two weeks that I have not rated. Shown where the first print may be
 * gone: on arrival (the console after a restart, a new chat client).
 */
export async function waitingPolls(ctx: Ctx): Promise<Reply[]> {
  const me = ctx.user.id;
  const since = ctx.now.getTime() - POLL_REOFFER_DAYS * 24 * 60 * 60 * 1000;
  const held = await ctx.tx
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(pairs, eq(pairs.id, meetings.pairId))
    .where(
      // An ended pair's session is still rated: the partner who ended it (or left) does not
      // take the other's say about a session that happened.
      and(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)), eq(meetings.status, 'held')),
    )
    .orderBy(asc(meetings.startsAt));
  const replies: Reply[] = [];
  for (const { meeting } of held) {
    if (meeting.startsAt.getTime() < since) continue;
    if (await ownFeedback(ctx.tx, meeting.id, me)) continue;
    replies.push(pollReply(ctx.t, me, meeting));
  }
  return replies;
}

/**
 * The fit question, asked again where it still waits for me: an active pair whose first held
 * session I rated (that is when it is asked) and whose fit I have not answered.
 */
export async function waitingFitQuestions(ctx: Ctx): Promise<Reply[]> {
  const me = ctx.user.id;
  const db = ctx.tx;
  const active = await db
    .select()
    .from(pairs)
    .where(
      and(eq(pairs.status, 'active'), or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me))),
    );
  const replies: Reply[] = [];
  for (const pair of active) {
    if (await fitAnswered(db, pair.id, me)) continue;
    {
      const rated = await first(
        db
          .select({ meeting: meetings })
          .from(meetings)
          .innerJoin(meetingFeedback, eq(meetingFeedback.meetingId, meetings.id))
          .where(
            and(
              eq(meetings.pairId, pair.id),
              eq(meetings.status, 'held'),
              eq(meetingFeedback.userId, me),
            ),
          )
          .orderBy(asc(meetings.startsAt)),
      );
      if (!rated) continue;
      const partner = await getUser(
        db,
        pair.mentorUserId === me ? pair.menteeUserId : pair.mentorUserId,
      );
      replies.push(
        fitReply(ctx.t, me, pair.id, rated.meeting.id, partner?.name ?? ctx.t('user.formerLabel')),
      );
    }
  }
  return replies;
}

/** Change the rating or add a note: kept within reach wherever only the newest message's buttons work. */
async function pollButtons(ctx: Ctx, meetingId: number): Promise<Button[]> {
  const own = await ownFeedback(ctx.tx, meetingId, ctx.user.id);
  if (!own || !editable(own, ctx.now, ctx.deps.config.ORG_TIMEZONE)) return [];
  return [
    ...ratingButtons(ctx.user.id, meetingId, own.usefulness),
    {
      label: ctx.t('feedback.button.notes'),
      data: encodeAction(NOTES_ACTION, ctx.user.id, String(meetingId)),
    },
  ];
}

const RATING_TEXT: Record<Exclude<RatingOutcome, 'saved' | 'updated'>, Parameters<Translate>[0]> = {
  locked: 'feedback.locked',
  not_held: 'feedback.notHeld',
  not_yours: 'meeting.notYours',
  invalid: 'feedback.invalidRating',
};

export const feedbackActions = {
  [RATE_ACTION]: action(
    // Which ratings count is the service's rule (it answers a wrong one with the scale).
    z.tuple([arg.id, z.string()]),
    async (ctx, [meetingId, rating]) => {
      const result = await rate(
        ctx.tx,
        meetingId,
        ctx.user.id,
        rating,
        ctx.now,
        ctx.deps.config.ORG_TIMEZONE,
      );
      if (result.outcome !== 'saved' && result.outcome !== 'updated') {
        ctx.reply({ kind: 'text', text: ctx.t(RATING_TEXT[result.outcome]) });
        return;
      }
      const saved = result.row?.usefulness ?? 0;
      ctx.reply(
        {
          kind: 'text',
          text: ctx.t(result.outcome === 'saved' ? 'feedback.saved' : 'feedback.updated', {
            rating: saved,
          }),
          buttons: [
            ...ratingButtons(ctx.user.id, meetingId, saved),
            {
              label: ctx.t('feedback.button.notes'),
              data: encodeAction(NOTES_ACTION, ctx.user.id, String(meetingId)),
            },
          ],
        },
        { replace: true },
      );
      const found = await ratableMeeting(ctx.tx, meetingId, ctx.user.id);
      if (typeof found === 'string') return;
      const { meeting, pair } = found;
      if (result.outcome !== 'saved') return;
      if (
        (await isFirstHeld(ctx.tx, meeting)) &&
        !(await fitAnswered(ctx.tx, pair.id, ctx.user.id))
      ) {
        const partnerId = pair.mentorUserId === ctx.user.id ? pair.menteeUserId : pair.mentorUserId;
        const name = (await getUser(ctx.tx, partnerId))?.name ?? '?';
        ctx.reply(fitReply(ctx.t, ctx.user.id, pair.id, meeting.id, name));
      }
    },
  ),
  [NOTES_ACTION]: action(z.tuple([arg.id]), async (ctx, [meetingId]) => {
    const found = await ratableMeeting(ctx.tx, meetingId, ctx.user.id);
    if (typeof found === 'string') {
      ctx.reply({ kind: 'text', text: ctx.t(RATING_TEXT[found]) });
      return;
    }
    await forms.start(ctx, FEEDBACK_NOTES_FORM, idMode.encode(found.meeting.id));
  }),
  // The meeting is the session whose poll the answer offers again; older buttons lack it.
  [FIT_ACTION]: action(
    z.tuple([arg.id, arg.oneOf(FITS), arg.id.optional()]),
    async (ctx, [pairId, fit, meetingId]) => {
      const pair = await ownActivePair(ctx, pairId);
      if (!pair) {
        ctx.reply({ kind: 'text', text: ctx.t('fit.closed') });
        return;
      }
      await recordFit(ctx.tx, pair.id, ctx.user.id, fit, ctx.now, ctx.deps.config.ORG_TIMEZONE);
      if (fit !== 'bad') {
        ctx.reply(
          {
            kind: 'text',
            text: ctx.t(`fit.thanks.${fit}`),
            buttons: meetingId === undefined ? [] : await pollButtons(ctx, meetingId),
          },
          { replace: true },
        );
        return;
      }
      ctx.reply(repairQuestion(ctx, pair.id, 'fit.offerRepair'), { replace: true });
    },
  ),
  // 'ask': "Not working out?" from /pair — the same question, any time.
  [REFIT_ACTION]: action(
    z.tuple([arg.id, arg.oneOf(['y', 'n', 'ask'])]),
    async (ctx, [pairId, answer]) => {
      const pair = await ownActivePair(ctx, pairId);
      if (!pair) {
        ctx.reply({ kind: 'text', text: ctx.t('fit.closed') }, { replace: answer !== 'ask' });
        return;
      }
      if (answer === 'ask') {
        ctx.reply(repairQuestion(ctx, pair.id, 'fit.askRepair'));
        return;
      }
      if (answer !== 'y') {
        ctx.reply({ kind: 'text', text: ctx.t('fit.kept') }, { replace: true });
        return;
      }
      await endForRefit(ctx.tx, ctx.deps, pair, ctx.user.id, ctx.now);
      ctx.reply({ kind: 'text', text: ctx.t('fit.repairDone') }, { replace: true });
    },
  ),
} satisfies Record<string, ActionSpec>;

/** Whether to end the pair for a new partner next round: Yes / No. */
function repairQuestion(
  ctx: Ctx,
  pairId: number,
  key: 'fit.offerRepair' | 'fit.askRepair',
): TextReply {
  return {
    kind: 'text',
    text: ctx.t(key),
    buttons: [
      {
        label: ctx.t('fit.button.repair'),
        data: encodeAction(REFIT_ACTION, ctx.user.id, String(pairId), 'y'),
        style: 'primary',
      },
      {
        label: ctx.t('fit.button.keep'),
        data: encodeAction(REFIT_ACTION, ctx.user.id, String(pairId), 'n'),
      },
    ],
  };
}

/** /pair's way out of a pair that isn't working: it asks the fit's "new partner?" question. */
export function notWorkingButton(
  t: Translate,
  owner: number,
  pairId: number,
  name: string,
): Button {
  return {
    label: t('fit.button.notWorking', { name }),
    data: encodeAction(REFIT_ACTION, owner, String(pairId), 'ask'),
  };
}

/** One of this person's pairs, while it is still active. */
async function ownActivePair(ctx: Ctx, pairId: number): Promise<PairRow | undefined> {
  if (!Number.isSafeInteger(pairId)) return undefined;
  const pair = await first(
    ctx.tx
      .select()
      .from(pairs)
      .where(and(eq(pairs.id, pairId), eq(pairs.status, 'active'))),
  );
  return pair && (pair.mentorUserId === ctx.user.id || pair.menteeUserId === ctx.user.id)
    ? pair
    : undefined;
}
