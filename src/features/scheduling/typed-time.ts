import { encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import type { Button } from '../../core/replies';
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
import { activePairs } from './meeting-form';
import { checkTime } from './slots';
import { combine, formatTypedDay, parseDay } from './when';

const KINDS = ['sprint', 'meeting'] as const;
/** Longest partner name in a button ("Sprint · Tom"), so the label stays within Slack's 75. */
const NAME_IN_LABEL_MAX = 24;

/**
 * A day and time typed in the DM outside any form ("tomorrow 15:00", "завтра в 15"): people
 * looking at "Find a time", or who simply know when suits them, write the time instead of
 * pressing "Other time". It is offered back as a sprint or a meeting with the partner, one tap
 * each, booked as a suggested slot is (re-checked at the tap). Anything else is not taken:
 * the caller says it didn't understand.
 */
export async function offerTypedTime(ctx: Ctx, text: string): Promise<boolean> {
  const mine = await activePairs(ctx);
  if (mine.length === 0) return false;
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const day = parseDay(text, ctx.now, zone, ctx.locale);
  if (!day) return false;
  if (!day.includes('T')) {
    ctx.reply({
      kind: 'text',
      text: ctx.t('find.typedNoTime', { day: formatTypedDay(day, ctx.locale) }),
    });
    return true;
  }
  const when = combine(day, '', zone, ctx.now);
  if (typeof when === 'string') {
    const key = {
      past: 'meeting.error.past',
      dst_gap: 'meeting.error.dst',
      invalid: 'meeting.error.invalid',
    } as const;
    ctx.reply({ kind: 'text', text: ctx.t(key[when]) });
    return true;
  }
  // A mentor's group is booked as one (the tap books each of its pairs).
  const targets = mine.filter(
    (p, k) =>
      !p.pair.group ||
      mine.findIndex((o) => o.pair.group && o.pair.mentorUserId === p.pair.mentorUserId) === k,
  );
  const lines: string[] = [];
  const buttons: Button[] = [];
  const minutes = Math.round(when.getTime() / 60_000);
  for (const { pair, partnerName } of targets) {
    const ids = await peopleOfPair(ctx.tx, pair);
    const people: Person[] = [];
    for (const id of [ctx.user.id, ...ids.filter((id) => id !== ctx.user.id)]) {
      const person = await attendeeOf(ctx.tx, ctx.deps.config, id);
      if (person) people.push(person);
    }
    const slot = { from: when.getTime(), to: when.getTime() + DEFAULT_DURATION.meeting * 60_000 };
    const busy = await tandemBusy(ctx.tx, ids, slot);
    if (
      [...busy.values()].some((list) => list.some((b) => b.from <= slot.from && b.to > slot.from))
    ) {
      lines.push(ctx.t('find.typedTaken', { name: partnerName }));
      continue;
    }
    // What the form warns about before booking: a time outside someone's hours.
    for (const person of people.slice(1)) {
      const check = checkTime(slot, { ...person.attendee, busy: [] });
      if (!check.fits)
        lines.push(
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
    for (const kind of KINDS)
      buttons.push({
        label:
          targets.length === 1
            ? ctx.t('find.typedKind', {
                kind: ctx.t(`find.topic.${kind}`),
                minutes: DEFAULT_DURATION[kind],
              })
            : ctx.t('find.typedKindWith', { kind: ctx.t(`find.topic.${kind}`), name }),
        data: encodeAction(
          FIND_SLOT_ACTION,
          ctx.user.id,
          KIND_CODE[kind],
          String(pair.id),
          String(minutes),
        ),
      });
    if (targets.length === 1)
      lines.unshift(ctx.t('find.typedAsk', { when: slotLabel(ctx, slot, people) }));
  }
  if (targets.length > 1)
    lines.unshift(ctx.t('find.typedAsk', { when: formatDayTime(when, zone, ctx.locale) }));
  ctx.reply({
    kind: 'text',
    title: ctx.t('find.title'),
    text: lines.join('\n\n'),
    buttons,
    series: FIND_SERIES,
  });
  return true;
}
