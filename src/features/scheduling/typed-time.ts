import { eq } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import type { Button } from '../../core/replies';
import { first } from '../../db/first';
import { putAppState } from '../../db/queries/app-state';
import { appState, type MeetingKind, type PairRow } from '../../db/schema';
import {
  attendeeOf,
  DEFAULT_DURATION,
  FIND_SERIES,
  FIND_SLOT_ACTION,
  KIND_CODE,
  type Person,
  peopleOfPair,
  slotLabel,
  tandemBusy,
} from './find-time';
import type { Interval } from './intervals';
import { activePairs, WHEN_PROBLEM_TEXT } from './meeting-form';
import { checkTime } from './slots';
import { combine, formatTypedDay, parseDay, parseTime } from './when';

const KINDS = ['sprint', 'meeting'] as const satisfies readonly MeetingKind[];
/** Longest partner name in a button ("Sprint · Tom"), so the label stays within Slack's 75. */
const NAME_IN_LABEL_MAX = 24;
/** How long "At what time on Tue?" waits for the time alone ("15:00") to mean that day. */
const DAY_ASKED_MS = 60 * 60_000;
const dayAskedKey = (userId: number) => `typed-day:${userId}`;

/**
 * A day and time typed in the DM outside any form ("tomorrow 15:00", "завтра в 15"): people
 * looking at "Find a time", or who simply know when suits them, write the time instead of
 * pressing "Other time". It is offered back as a sprint or a meeting with the partner, one tap
 * each, booked as a suggested slot is (re-checked at the tap). A day alone is asked its time,
 * and the time typed next is taken for that day. Anything else is not taken: the caller says
 * it didn't understand.
 */
export async function offerTypedTime(ctx: Ctx, text: string): Promise<boolean> {
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const day = parseDay(text, ctx.now, zone, ctx.locale) ?? (await askedDayWith(ctx, text));
  if (!day) return false;
  const mine = await activePairs(ctx);
  if (mine.length === 0) {
    ctx.reply({ kind: 'text', text: ctx.t('meeting.needPair') });
    return true;
  }
  if (!day.includes('T')) {
    const whole = combine(day, '23:59', zone, ctx.now);
    if (whole === 'past') {
      ctx.reply({ kind: 'text', text: ctx.t('meeting.error.pastDay') });
      return true;
    }
    await putAppState(ctx.tx, dayAskedKey(ctx.user.id), day, ctx.now);
    ctx.reply({
      kind: 'text',
      text: ctx.t('find.typedNoTime', { day: formatTypedDay(day, ctx.locale) }),
    });
    return true;
  }
  await ctx.tx.delete(appState).where(eq(appState.key, dayAskedKey(ctx.user.id)));
  const when = combine(day, '', zone, ctx.now);
  if (typeof when === 'string') {
    ctx.reply({ kind: 'text', text: ctx.t(WHEN_PROBLEM_TEXT[when]) });
    return true;
  }
  // A mentor's group is booked as one (the tap books each of its pairs).
  const targets = mine.filter(
    (p, k) =>
      !p.pair.group ||
      mine.findIndex((o) => o.pair.group && o.pair.mentorUserId === p.pair.mentorUserId) === k,
  );
  const notes: string[] = [];
  const buttons: Button[] = [];
  let label = formatDayTime(when, zone, ctx.locale);
  for (const { pair, partnerName } of targets) {
    const offer = await offerFor(ctx, pair, partnerName, when, targets.length > 1);
    notes.push(...offer.notes);
    buttons.push(...offer.buttons);
    if (targets.length === 1) label = offer.label;
  }
  const ask =
    buttons.length === 0
      ? []
      : [ctx.t(targets.length === 1 ? 'find.typedAsk' : 'find.typedAskWhom', { when: label })];
  ctx.reply({
    kind: 'text',
    title: ctx.t('find.title'),
    text: [...ask, ...notes].join('\n\n'),
    buttons,
    series: FIND_SERIES,
  });
  return true;
}

/** A time alone ("15:00", "в 15") just after "At what time on Tue?": that day with it. */
async function askedDayWith(ctx: Ctx, text: string): Promise<string | undefined> {
  const time = parseTime(text);
  if (!time) return undefined;
  const asked = await first(
    ctx.tx
      .select()
      .from(appState)
      .where(eq(appState.key, dayAskedKey(ctx.user.id))),
  );
  if (!asked || typeof asked.value !== 'string') return undefined;
  if (ctx.now.getTime() - asked.updatedAt.getTime() > DAY_ASKED_MS) return undefined;
  return `${asked.value}T${time}`;
}

/**
 * The buttons for one partner (or group) at that time: each length that does not run into
 * another session of theirs, with what the booking form would warn about first — a time
 * outside someone's hours or at night for them, for the longest length offered.
 */
async function offerFor(
  ctx: Ctx,
  pair: PairRow,
  partnerName: string,
  when: Date,
  several: boolean,
): Promise<{ notes: string[]; buttons: Button[]; label: string }> {
  const ids = await peopleOfPair(ctx.tx, pair);
  const people: Person[] = [];
  for (const id of [ctx.user.id, ...ids.filter((id) => id !== ctx.user.id)]) {
    const person = await attendeeOf(ctx.tx, ctx.deps.config, id);
    if (person) people.push(person);
  }
  const slotOf = (kind: MeetingKind): Interval => ({
    from: when.getTime(),
    to: when.getTime() + DEFAULT_DURATION[kind] * 60_000,
  });
  const longest = slotOf('sprint');
  const sessions = await tandemBusy(ctx.tx, ids, longest);
  const busy = [...sessions.values()].flat();
  const fits = KINDS.filter((kind) => {
    const slot = slotOf(kind);
    return !busy.some((b) => b.from < slot.to && b.to > slot.from);
  });
  const label = slotLabel(ctx, slotOf('meeting'), people);
  const notes: string[] = [];
  if (fits.length === 0) {
    notes.push(ctx.t('find.typedTaken', { name: partnerName }));
    return { notes, buttons: [], label };
  }
  if (fits.length < KINDS.length) notes.push(ctx.t('find.typedOnlyMeeting', { name: partnerName }));
  const checked = slotOf(fits[0] ?? 'meeting');
  for (const person of people.slice(1)) {
    const check = checkTime(checked, { ...person.attendee, busy: [] });
    if (!check.fits)
      notes.push(
        ctx.t(`meeting.warn.${check.reason}`, {
          name: person.user.name,
          time: formatDayTime(when, person.zone, ctx.locale),
        }),
      );
  }
  const name =
    partnerName.length > NAME_IN_LABEL_MAX
      ? `${partnerName.slice(0, NAME_IN_LABEL_MAX - 1)}…`
      : partnerName;
  const minutes = String(Math.round(when.getTime() / 60_000));
  const buttons = fits.map((kind) => ({
    label: several
      ? ctx.t('find.typedKindWith', { kind: ctx.t(`find.topic.${kind}`), name })
      : ctx.t('find.typedKind', {
          kind: ctx.t(`find.topic.${kind}`),
          minutes: DEFAULT_DURATION[kind],
        }),
    data: encodeAction(FIND_SLOT_ACTION, ctx.user.id, KIND_CODE[kind], String(pair.id), minutes),
  }));
  return { notes, buttons, label };
}
