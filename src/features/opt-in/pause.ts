import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDate, formatDayTime } from '../../core/format';
import type { CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import { audit } from '../../db/queries/audit';
import { getProfile, updateProfile } from '../../db/queries/profiles';
import { cancelTimers, scheduleTimer } from '../../db/queries/timers';
import { getUser } from '../../db/queries/users';
import { proposals, type TimerRow, type UserRow } from '../../db/schema';
import type { TimerDeps } from '../../jobs/types';
import { notify } from '../notify';
import { meetingLine, upcomingMeetings } from '../scheduling/commands';
import { activePairs } from '../scheduling/meeting-form';
import { CANCEL_ACTION } from '../scheduling/service';

export const PAUSE_DEFAULT_WEEKS = 2;
export const PAUSE_MAX_WEEKS = 12;
export const PAUSE_RESUME_TIMER = 'pause.resume';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const weeksArg = z
  .string()
  .trim()
  .transform((s) => (s === '' ? String(PAUSE_DEFAULT_WEEKS) : s))
  .pipe(z.string().regex(/^\d{1,2}$/))
  .transform(Number)
  .pipe(z.number().int().min(1).max(PAUSE_MAX_WEEKS));

/** Pure: when a pause of `weeks` weeks started at `now` ends. */
export function pauseEnd(now: Date, weeks: number): Date {
  return new Date(now.getTime() + weeks * WEEK_MS);
}

/** Pauses matching and nudges until `until`, replacing any earlier auto-resume. */
export async function startPause(
  db: DbOrTx,
  userId: number,
  until: Date,
  now: Date,
): Promise<void> {
  await updateProfile(db, userId, { pausedUntil: until }, now);
  await cancelTimers(db, PAUSE_RESUME_TIMER, userId, now);
  await scheduleTimer(
    db,
    {
      kind: PAUSE_RESUME_TIMER,
      dueAt: until,
      payload: { userId } satisfies z.input<typeof pauseResumePayload>,
      dedupeKey: `${PAUSE_RESUME_TIMER}:${userId}:${until.getTime()}`,
      userId,
    },
    now,
  );
}

export const pauseCommand: CommandSpec = {
  scope: 'dm',
  async run(ctx, args) {
    const weeks = weeksArg.safeParse(args);
    if (!weeks.success) {
      ctx.reply({ kind: 'text', text: ctx.t('pause.usage', { max: PAUSE_MAX_WEEKS }) });
      return;
    }
    const data = await getProfile(ctx.tx, ctx.user.id);
    if (!data) {
      ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
      return;
    }
    const before = data.profile.pausedUntil;
    const wasPaused = Boolean(before && before > ctx.now);
    const until = pauseEnd(ctx.now, weeks.data);
    await startPause(ctx.tx, ctx.user.id, until, ctx.now);
    await audit(
      ctx.tx,
      { actorUserId: ctx.user.id, action: 'pause.start', details: { weeks: weeks.data } },
      ctx.now,
    );
    const params = { weeks: weeks.data, until: formatDate(until, ctx.locale, zoneOf(ctx)) };
    ctx.reply({ kind: 'text', text: ctx.t(wasPaused ? 'pause.changed' : 'pause.done', params) });
    await sayBookedInBreak(ctx, until);
    await sayProposalsOpen(ctx);
    await tellPartners(ctx, until, wasPaused ? before : null);
  },
};

/**
 * Sessions already booked inside the break stay booked (and reminded): said with their days,
 * each with a button to call it off.
 */
async function sayBookedInBreak(ctx: Ctx, until: Date): Promise<void> {
  const inBreak = (await upcomingMeetings(ctx)).filter(({ meeting }) => meeting.startsAt < until);
  if (inBreak.length === 0) return;
  const zone = zoneOf(ctx);
  ctx.reply({
    kind: 'text',
    text: [
      ctx.t('pause.bookedInBreak'),
      ...inBreak.map(({ meeting, partnerName }) => `• ${meetingLine(ctx, meeting, partnerName)}`),
      ctx.t('pause.bookedHowToCancel'),
    ].join('\n'),
    buttons: inBreak.map(({ meeting }) => ({
      label: ctx.t('pause.button.cancel', {
        day: formatDayTime(meeting.startsAt, zone, ctx.locale),
      }),
      data: encodeAction(CANCEL_ACTION, ctx.user.id, String(meeting.id)),
    })),
  });
}

/**
 * A proposal already sent stays open through the break (a withdrawal would tell the other
 * person "no" for good): said, so "no new matches" does not read as if it were gone.
 */
async function sayProposalsOpen(ctx: Ctx): Promise<void> {
  const me = ctx.user.id;
  const open = await ctx.tx
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.status, 'open'),
        or(eq(proposals.mentorUserId, me), eq(proposals.menteeUserId, me)),
      ),
    );
  const names: string[] = [];
  for (const p of open) {
    const other = await getUser(ctx.tx, p.mentorUserId === me ? p.menteeUserId : p.mentorUserId);
    if (other) names.push(other.name);
  }
  if (names.length > 0)
    ctx.reply({ kind: 'text', text: ctx.t('pause.proposalOpen', { names: names.join(', ') }) });
}

/**
 * Each active partner hears that I am on a break, and until when, in their language and zone —
 * but not again when a break already running (`before`) ends on the same day for them.
 */
async function tellPartners(ctx: Ctx, until: Date, before: Date | null): Promise<void> {
  await forEachPartner(ctx, async (partner) => {
    const zone = partner.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
    if (before && formatDate(before, 'en', zone) === formatDate(until, 'en', zone)) return;
    await notify(
      ctx.tx,
      ctx.deps,
      partner,
      `pause:${ctx.user.id}:${until.getTime()}:${partner.id}`,
      (t, locale) => ({
        kind: 'text',
        text: t('pause.partnerNotice', {
          name: ctx.user.name,
          until: formatDate(until, locale, zone),
        }),
      }),
      ctx.now,
    );
  });
}

async function forEachPartner(
  ctx: Ctx,
  tell: (partner: UserRow) => Promise<unknown>,
): Promise<void> {
  for (const { pair } of await activePairs(ctx)) {
    const partner = await getUser(
      ctx.tx,
      pair.mentorUserId === ctx.user.id ? pair.menteeUserId : pair.mentorUserId,
    );
    if (partner) await tell(partner);
  }
}

export const resumeCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    const data = await getProfile(ctx.tx, ctx.user.id);
    if (!data) {
      ctx.reply({ kind: 'text', text: ctx.t('common.notJoined') });
      return;
    }
    const pausedUntil = data.profile.pausedUntil;
    if (!pausedUntil || pausedUntil <= ctx.now) {
      ctx.reply({ kind: 'text', text: ctx.t('resume.notPaused') });
      return;
    }
    await updateProfile(ctx.tx, ctx.user.id, { pausedUntil: null }, ctx.now);
    await cancelTimers(ctx.tx, PAUSE_RESUME_TIMER, ctx.user.id, ctx.now);
    await audit(
      ctx.tx,
      { actorUserId: ctx.user.id, action: 'pause.end', details: { by: 'user' } },
      ctx.now,
    );
    ctx.reply({ kind: 'text', text: ctx.t('resume.done') });
    // They were told until when: back early is news to them too.
    await forEachPartner(
      ctx,
      async (partner) =>
        await notify(
          ctx.tx,
          ctx.deps,
          partner,
          `resume:${ctx.user.id}:${ctx.now.getTime()}:${partner.id}`,
          (t) => ({ kind: 'text', text: t('resume.partnerNotice', { name: ctx.user.name }) }),
          ctx.now,
        ),
    );
  },
};

function zoneOf(ctx: Ctx): string {
  return ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
}

/** Timer: the pause ends by itself and the person is told, in their language. */
export const pauseResumePayload = z.object({ userId: z.number().int() });

export async function runPauseResume(
  db: DbOrTx,
  deps: TimerDeps,
  { userId }: z.output<typeof pauseResumePayload>,
  timer: TimerRow,
  now: Date,
): Promise<void> {
  const user = await getUser(db, userId);
  const data = user && (await getProfile(db, userId));
  if (!user || !data?.profile.pausedUntil) return;
  if (data.profile.pausedUntil > now) return; // extended since; a newer timer will fire
  await updateProfile(db, userId, { pausedUntil: null }, now);
  await audit(db, { actorUserId: userId, action: 'pause.end', details: { by: 'timer' } }, now);
  await notify(
    db,
    deps,
    user,
    `timer:${timer.id}`,
    (t) => ({ kind: 'text', text: t('resume.auto') }),
    now,
  );
}
