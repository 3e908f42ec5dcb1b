import { and, eq, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { dayExample, formatDayTime } from '../../core/format';
import type { FormValues } from '../../core/forms/types';
import { first } from '../../db/first';
import { getUser } from '../../db/queries/users';
import { type MeetingKind, type MeetingRow, meetings, type PairRow, pairs } from '../../db/schema';
import { formMode, parseMode, typedForm } from '../form-mode';
import { attendeeOf, DEFAULT_DURATION, peopleOfPair } from './find-time';
import { bookMeeting, rescheduleMeeting } from './service';
import { checkTime } from './slots';
import { topicOf } from './topic';
import {
  combine,
  DURATIONS_MIN,
  dayOptions,
  formatTypedDay,
  parseDay,
  parseTime,
  timeOptions,
} from './when';

export const MEETING_FORM = 'meeting';
/** What a day and time that can't be booked is told, by why. */
export const WHEN_PROBLEM_TEXT = {
  past: 'meeting.error.past',
  dst_gap: 'meeting.error.dst',
  invalid: 'meeting.error.invalid',
} as const;
/** The answers to the warning on a time outside a partner's hours. */
const TIME_KEEP = 'keep';
const TIME_OTHER = 'other';

export { DEFAULT_DURATION };

const zoneOf = (ctx: Ctx) => ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
/** Booking a new sprint or meeting, or moving one (the version the form started from). */
export type MeetingMode = { book: MeetingKind } | { move: number; sequence: number };

/** Stored as 'sprint', 'meeting', or 'reschedule:<meeting id>:<sequence>'. */
export const meetingMode = formMode<MeetingMode>(
  z.union([
    z.enum(['sprint', 'meeting']).transform((book) => ({ book })),
    z
      .string()
      .transform((raw) => raw.split(':'))
      .pipe(z.tuple([z.literal('reschedule'), arg.id, arg.id]))
      .transform(([, move, sequence]) => ({ move, sequence })),
  ]),
  (mode) => ('book' in mode ? mode.book : `reschedule:${mode.move}:${mode.sequence}`),
);

const movingId = (mode: MeetingMode): number | undefined =>
  'move' in mode ? mode.move : undefined;
/** The meeting being moved, only while it is still the version the form started from. */
const moving = async (ctx: Ctx, mode: MeetingMode): Promise<MeetingRow | undefined> => {
  if (!('move' in mode)) return undefined;
  const meeting = await first(ctx.tx.select().from(meetings).where(eq(meetings.id, mode.move)));
  return meeting?.status === 'scheduled' && meeting.sequence === mode.sequence
    ? meeting
    : undefined;
};
const kindOf = async (ctx: Ctx, mode: MeetingMode): Promise<MeetingKind> =>
  'book' in mode ? mode.book : ((await moving(ctx, mode))?.kind ?? 'sprint');
/** Reschedule mode for a meeting (the form is prefilled and the partner fixed). */
export const rescheduleMode = (meeting: Pick<MeetingRow, 'id' | 'sequence'>) =>
  meetingMode.encode({ move: meeting.id, sequence: meeting.sequence });

/** The person's active pairs, with the partner's user row. */
export async function activePairs(ctx: Ctx): Promise<{ pair: PairRow; partnerName: string }[]> {
  const me = ctx.user.id;
  const mine = await ctx.tx
    .select()
    .from(pairs)
    .where(
      and(eq(pairs.status, 'active'), or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me))),
    );
  const named: { pair: PairRow; partnerName: string }[] = [];
  for (const pair of mine) {
    const partner = pair.mentorUserId === me ? pair.menteeUserId : pair.mentorUserId;
    named.push({ pair, partnerName: (await getUser(ctx.tx, partner))?.name ?? '?' });
  }
  return named;
}

const str = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** Booking a sprint or a meeting: with whom (if several), day, time, length, task, link. */
export const meetingForm = typedForm({
  id: MEETING_FORM,
  mode: meetingMode,
  title: 'meeting.form.sprint',
  titleFor: (mode) =>
    'move' in mode
      ? 'meeting.form.move'
      : mode.book === 'meeting'
        ? 'meeting.form.meeting'
        : 'meeting.form.sprint',
  submitLabel: 'meeting.form.submit',
  fields: [
    {
      kind: 'single',
      name: 'pair',
      label: 'meeting.field.partner',
      when: async ({ ctx, mode }) => {
        // Fields see the mode as stored: a move keeps its partner.
        const parsed = parseMode(meetingMode, mode);
        return !(parsed && 'move' in parsed) && (await activePairs(ctx)).length > 1;
      },
      options: async ({ ctx }) =>
        (await activePairs(ctx)).map((p) => ({ value: String(p.pair.id), label: p.partnerName })),
    },
    {
      kind: 'single',
      name: 'day',
      label: 'meeting.field.day',
      hint: ({ ctx }) =>
        ctx.t('meeting.hint.day', {
          example: dayExample(ctx.now, zoneOf(ctx), ctx.locale).natural,
        }),
      options: ({ ctx }) => dayOptions(ctx.now, zoneOf(ctx), ctx.locale),
      parseText: (text, { ctx }) => parseDay(text, ctx.now, zoneOf(ctx), ctx.locale),
      display: (value, { ctx }) => formatTypedDay(value, ctx.locale),
      picker: 'date',
      textError: ({ ctx }) =>
        ctx.t('meeting.error.day', {
          example: dayExample(ctx.now, zoneOf(ctx), ctx.locale).natural,
        }),
      // A day already gone (or a typed day-and-time already past) is refused at this step.
      check: async (value, { ctx, values, mode }) =>
        value.includes('T')
          ? (whenError(ctx, value, '') ?? (await startClash(ctx, values, mode, value, '')))
          : whenError(ctx, value, '23:59', 'day'),
    },
    {
      kind: 'single',
      name: 'time',
      label: 'meeting.field.time',
      // Skipped when the day was typed with its time.
      when: ({ values }) => typeof values.day !== 'string' || !values.day.includes('T'),
      hint: 'meeting.hint.time',
      // Today, only the hours still ahead (a passed one would only be refused).
      options: ({ ctx, values }) => {
        const all = timeOptions();
        if (typeof values.day !== 'string') return all;
        const day = values.day;
        const ahead = all.filter(
          (o) => typeof combine(day, o.value, zoneOf(ctx), ctx.now) !== 'string',
        );
        return ahead.length > 0 ? ahead : all;
      },
      parseText: parseTime,
      picker: 'time',
      textError: 'meeting.error.time',
      // A start inside another session of the pair is refused here, not after three more steps.
      check: async (value, { ctx, values, mode }) =>
        typeof values.day === 'string'
          ? (whenError(ctx, values.day, value) ??
            (await startClash(ctx, values, mode, values.day, value)))
          : undefined,
    },
    {
      // A time outside a partner's hours, or at night for them: kept only once confirmed.
      kind: 'single',
      name: 'timeOk',
      label: 'meeting.field.timeOk',
      optional: true,
      when: async ({ ctx, values, mode }) =>
        (await partnerWarning(ctx, values, mode)) !== undefined,
      hint: async ({ ctx, values, mode }) =>
        (await partnerWarning(ctx, values, mode)) ?? ctx.t('meeting.hint.timeOk'),
      options: ({ ctx }) => [
        { value: TIME_KEEP, label: ctx.t('meeting.timeOk.keep') },
        { value: TIME_OTHER, label: ctx.t('meeting.timeOk.other') },
      ],
      backOption: TIME_OTHER,
    },
    {
      kind: 'single',
      name: 'duration',
      label: 'meeting.field.duration',
      options: ({ ctx }) =>
        DURATIONS_MIN.map((m) => ({
          value: String(m),
          label: ctx.t('meeting.duration', { minutes: m }),
        })),
    },
    {
      kind: 'text',
      name: 'topic',
      label: 'meeting.field.topic',
      hint: 'meeting.hint.topic',
      maxLength: 200,
      minLength: 3,
    },
    { kind: 'text', name: 'link', label: 'meeting.field.link', optional: true, maxLength: 500 },
  ],
  initialValues: async (ctx, mode): Promise<FormValues> => {
    const meeting = await moving(ctx, mode);
    if (!meeting) return { duration: String(DEFAULT_DURATION[await kindOf(ctx, mode)]) };
    const local = DateTime.fromJSDate(meeting.startsAt, { zone: zoneOf(ctx) });
    // A session already past (moved after the fact) offers no "Keep" of a day and time that
    // would only be refused.
    const past = meeting.startsAt <= ctx.now;
    return {
      ...(past ? {} : { day: local.toISODate(), time: local.toFormat('HH:mm') }),
      duration: String(meeting.durationMin),
      topic: topicOf(ctx.t, meeting),
      link: meeting.link,
    };
  },
  validate: async (ctx, values, mode) => {
    const when = combine(str(values.day), str(values.time), zoneOf(ctx), ctx.now);
    if (typeof when === 'string')
      return {
        field: when === 'invalid' ? 'day' : timeField(values),
        error: ctx.t(WHEN_PROBLEM_TEXT[when]),
      };
    const pair = await chosenPair(ctx, values, mode);
    if (!pair) return { field: 'day', error: ctx.t('meeting.needPair') };
    const minutes = Number(values.duration);
    if (await clashes(ctx, pair.id, movingId(mode), when, minutes)) {
      // A start inside another session was refused at its step (unless one was booked since):
      // what runs into it is the length, and keeping the time with a shorter one will do.
      const atStart = await clashes(ctx, pair.id, movingId(mode), when, 1);
      return {
        field: timeField(values),
        error: atStart
          ? ctx.t('meeting.error.overlap')
          : ctx.t('meeting.error.overlapLength', {
              length: ctx.t('meeting.duration', { minutes }),
            }),
      };
    }
    if (values.timeOk === TIME_KEEP) return undefined;
    const warning = await partnerWarning(ctx, values, meetingMode.encode(mode));
    if (!warning) return undefined;
    return values.timeOk === TIME_OTHER
      ? { field: timeField(values), error: ctx.t('meeting.warn.pickAnother') }
      : { field: 'timeOk', error: warning };
  },
  onSubmit: async (ctx, values, mode) => {
    const pair = await chosenPair(ctx, values, mode);
    const when = combine(str(values.day), str(values.time), zoneOf(ctx), ctx.now);
    if (!pair || typeof when === 'string') return;
    const details = {
      startsAt: when,
      durationMin: Number(values.duration),
      topic: str(values.topic),
      link: str(values.link) || null,
      by: ctx.user.id,
    };
    if (movingId(mode) !== undefined) {
      // Called off or moved by the partner while this form was open: nothing is changed.
      const meeting = await moving(ctx, mode);
      const moved =
        meeting && (await rescheduleMeeting(ctx.tx, ctx.deps, meeting, details, ctx.now));
      ctx.reply({
        kind: 'text',
        text: ctx.t(moved ? 'meeting.movedDone' : 'meeting.changedMeanwhile'),
      });
      return;
    }
    await bookMeeting(
      ctx.tx,
      ctx.deps,
      { ...details, pair, kind: await kindOf(ctx, mode) },
      ctx.now,
    );
  },
  cancelledMessage: (ctx, mode) =>
    ctx.t(movingId(mode) !== undefined ? 'meeting.moveCancelled' : 'meeting.cancelledForm'),
});

/**
 * The warning a time chosen by hand needs (checkTime): it falls at night, on a day off or
 * outside the working hours of someone else it is for, named with their local time.
 * Undefined: it suits everyone, or there is no complete time yet. `mode` as stored.
 */
async function partnerWarning(
  ctx: Ctx,
  values: FormValues,
  mode: string,
): Promise<string | undefined> {
  const parsed = parseMode(meetingMode, mode);
  if (!parsed) return undefined;
  const when = combine(str(values.day), str(values.time), zoneOf(ctx), ctx.now);
  if (typeof when === 'string') return undefined;
  const pair = await chosenPair(ctx, values, parsed);
  if (!pair) return undefined;
  const minutes = Number(values.duration) || DEFAULT_DURATION[await kindOf(ctx, parsed)];
  const slot = { from: when.getTime(), to: when.getTime() + minutes * 60_000 };
  for (const id of await peopleOfPair(ctx.tx, pair)) {
    if (id === ctx.user.id) continue;
    const person = await attendeeOf(ctx.tx, ctx.deps.config, id);
    if (!person) continue;
    const check = checkTime(slot, { ...person.attendee, busy: [] });
    if (check.fits) continue;
    return ctx.t(`meeting.warn.${check.reason}`, {
      name: person.user.name,
      time: formatDayTime(when, person.zone, ctx.locale),
    });
  }
  return undefined;
}

/**
 * Why a day and time can't be booked (past, or a DST gap), translated; undefined when fine.
 * A day picked alone is "a day already gone", not "a time".
 */
function whenError(
  ctx: Ctx,
  day: string,
  time: string,
  asked: 'day' | 'time' = 'time',
): string | undefined {
  const when = combine(day, time, zoneOf(ctx), ctx.now);
  if (when === 'past')
    return ctx.t(asked === 'day' ? 'meeting.error.pastDay' : 'meeting.error.past');
  if (when === 'dst_gap') return ctx.t('meeting.error.dst');
  return undefined;
}

/** Where a problem with the time is asked again: the day, when the time was typed with it. */
/**
 * Whether a session of `minutes` from `when` overlaps another scheduled session of the pair
 * (the session being moved, `self`, is no clash with itself).
 */
async function clashes(
  ctx: Ctx,
  pairId: number,
  self: number | undefined,
  when: Date,
  minutes: number,
): Promise<boolean> {
  const end = when.getTime() + minutes * 60_000;
  const scheduled = await ctx.tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.pairId, pairId), eq(meetings.status, 'scheduled')));
  return scheduled.some(
    (m) =>
      m.id !== self &&
      m.startsAt.getTime() < end &&
      m.startsAt.getTime() + m.durationMin * 60_000 > when.getTime(),
  );
}

/** The overlap error when the chosen start falls inside another session of the pair. */
async function startClash(
  ctx: Ctx,
  values: FormValues,
  storedMode: string,
  day: string,
  time: string,
): Promise<string | undefined> {
  const mode = parseMode(meetingMode, storedMode);
  const when = combine(day, time, zoneOf(ctx), ctx.now);
  if (!mode || typeof when === 'string') return undefined;
  const pair = await chosenPair(ctx, values, mode);
  if (!pair) return undefined;
  // One minute: whatever the length, a session starting inside another overlaps it.
  return (await clashes(ctx, pair.id, movingId(mode), when, 1))
    ? ctx.t('meeting.error.overlap')
    : undefined;
}

function timeField(values: FormValues): 'day' | 'time' {
  return typeof values.day === 'string' && values.day.includes('T') ? 'day' : 'time';
}

async function chosenPair(
  ctx: Ctx,
  values: FormValues,
  mode: MeetingMode,
): Promise<PairRow | undefined> {
  const mine = await activePairs(ctx);
  const id = movingId(mode);
  if (id !== undefined) {
    const meeting = await first(ctx.tx.select().from(meetings).where(eq(meetings.id, id)));
    return mine.find((p) => p.pair.id === meeting?.pairId)?.pair;
  }
  if (mine.length === 1) return mine[0]?.pair;
  return mine.find((p) => String(p.pair.id) === values.pair)?.pair;
}
