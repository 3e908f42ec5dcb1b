import { and, eq, gt, inArray, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import type { Button } from '../../core/replies';
import type { Db, DbOrTx } from '../../db/client';
import { first } from '../../db/first';
import { getProfile } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import {
  calendarLinks,
  type MeetingKind,
  meetings,
  type PairRow,
  pairs,
  type UserRow,
} from '../../db/schema';
import { type BusyTimes, busyFor } from '../calendars/busy-for';
import { calendarsOf } from '../calendars/setup';
import { hoursOf } from '../opt-in/working-hours';
import type { Interval } from './intervals';
import { type Attendee, DEFAULT_WORKING_HOURS, findSlots, SLOT_DEFAULTS } from './slots';

/**
 * "Find a time": `sprint` and `meet` open with a few slots inside everyone's working hours,
 * each a button that books it in one tap. A button carries the slot's start in epoch minutes
 * (Telegram's 64 bytes), never text; a tap re-checks that the time is still free.
 */
export const FIND_SLOT_ACTION = 'meet.slot';
/** "Other time": today's day and time steps. */
export const FIND_OTHER_ACTION = 'meet.other';
/**
 * The suggestions and a typed time offered back are one exchange: the newer takes over (the
 * console lets the older buttons go).
 */
export const FIND_SERIES = 'find-time';
/** Suggestions for one of several pairs (the partner chosen), or fresh ones. */
export const FIND_PAIR_ACTION = 'meet.find';

/** `s`print or `m`eeting, in button data. */
export const KIND_CODE = { sprint: 's', meeting: 'm' } as const satisfies Record<
  MeetingKind,
  string
>;
export const kindOfCode = (code: 's' | 'm'): MeetingKind => (code === 's' ? 'sprint' : 'meeting');
/** Default length by kind: sprints are the 2-hour format from the program, meetings 1 hour. */
export const DEFAULT_DURATION: Record<MeetingKind, number> = { sprint: 120, meeting: 60 };
/** A partner's name in a slot's button, at most this long (Slack's button text is 75). */
const NAME_IN_LABEL_MAX = 24;
/** A slot starts at least this long after the suggestions are made. */
const NOTICE_MS = 60 * 60_000;
const MINUTE = 60_000;

export interface Person {
  user: UserRow;
  zone: string;
  attendee: Omit<Attendee, 'busy'>;
}

/** The pairs a session is for: the pair, or for a group every active pair of its mentor's. */
export async function groupOf(db: DbOrTx, pair: PairRow): Promise<PairRow[]> {
  if (!pair.group) return [pair];
  const group = await db
    .select()
    .from(pairs)
    .where(
      and(
        eq(pairs.mentorUserId, pair.mentorUserId),
        eq(pairs.status, 'active'),
        eq(pairs.group, true),
      ),
    );
  return [pair, ...group.filter((p) => p.id !== pair.id)];
}

/** Everyone a pair's session is for: the two, or for a group the mentor and every mentee. */
export async function peopleOfPair(db: DbOrTx, pair: PairRow): Promise<number[]> {
  const group = await groupOf(db, pair);
  return [pair.mentorUserId, ...new Set(group.map((p) => p.menteeUserId))];
}

/** A person as slot finding sees them: their zone and working hours. */
export async function attendeeOf(
  db: DbOrTx,
  config: Pick<Config, 'ORG_TIMEZONE'>,
  userId: number,
): Promise<Person | undefined> {
  const user = await getUser(db, userId);
  if (!user) return undefined;
  const zone = user.timeZone ?? config.ORG_TIMEZONE;
  const profile = (await getProfile(db, userId))?.profile;
  return {
    user,
    zone,
    attendee: { zone, hours: profile ? hoursOf(profile) : DEFAULT_WORKING_HOURS },
  };
}

/** Everyone's scheduled Tandem sessions overlapping the range, per person. */
export async function tandemBusy(
  db: DbOrTx,
  userIds: readonly number[],
  range: Interval,
): Promise<Map<number, Interval[]>> {
  const rows = await db
    .select({ meeting: meetings, pair: pairs })
    .from(meetings)
    .innerJoin(pairs, eq(meetings.pairId, pairs.id))
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, new Date(range.from - 24 * 60 * MINUTE)),
        or(inArray(pairs.mentorUserId, [...userIds]), inArray(pairs.menteeUserId, [...userIds])),
      ),
    );
  const out = new Map<number, Interval[]>();
  for (const { meeting, pair } of rows) {
    const from = meeting.startsAt.getTime();
    const slot = { from, to: from + meeting.durationMin * MINUTE };
    if (slot.to <= range.from || slot.from >= range.to) continue;
    for (const id of [pair.mentorUserId, pair.menteeUserId])
      if (userIds.includes(id)) out.set(id, [...(out.get(id) ?? []), slot]);
  }
  return out;
}

/** The asker's active pair with this id, if it still is one. */
export async function ownActivePair(ctx: Ctx, pairId: number): Promise<PairRow | undefined> {
  const pair = await first(ctx.tx.select().from(pairs).where(eq(pairs.id, pairId)));
  if (pair?.status !== 'active') return undefined;
  return pair.mentorUserId === ctx.user.id || pair.menteeUserId === ctx.user.id ? pair : undefined;
}

/**
 * Sends the suggestions for a pair. Without a connected calendar among the people, within
 * the event's unit of work; with one, the calendars are asked after it commits (network
 * calls never sit inside a transaction) and the suggestions follow as a later reply.
 */
export async function suggestTimes(
  ctx: Ctx,
  pair: PairRow,
  kind: MeetingKind,
  notice?: string,
): Promise<void> {
  const ids = await peopleOfPair(ctx.tx, pair);
  const calendars = calendarsOf(ctx.deps.config);
  const linked =
    calendars &&
    (await first(
      ctx.tx
        .select({ id: calendarLinks.id })
        .from(calendarLinks)
        .where(inArray(calendarLinks.userId, ids))
        .limit(1),
    ));
  if (!linked) {
    await sendSuggestions(ctx, ctx.tx, pair, kind, ids, { busy: new Map(), fallbacks: [] }, notice);
    return;
  }
  ctx.afterCommit(async () => {
    // Committed: the unit's handle is the connection again, its writes in turn with the
    // units' (src/db/transact.ts) — as the App Home and `admin backup` read after the commit.
    const db: Db = ctx.tx;
    const from = ctx.now.getTime();
    const busy = await busyFor(
      { db, config: ctx.deps.config },
      ids,
      { from, to: from + (SLOT_DEFAULTS.days + 1) * 24 * 60 * MINUTE },
      from,
    );
    await sendSuggestions(ctx, db, pair, kind, ids, busy, notice);
  });
}

async function sendSuggestions(
  ctx: Ctx,
  db: DbOrTx,
  pair: PairRow,
  kind: MeetingKind,
  ids: number[],
  calendar: BusyTimes,
  notice: string | undefined,
): Promise<void> {
  // The asker first: slots spread over their days, and shown in their zone.
  const order = [ctx.user.id, ...ids.filter((id) => id !== ctx.user.id)];
  const people: Person[] = [];
  for (const id of order) {
    const person = await attendeeOf(db, ctx.deps.config, id);
    if (person) people.push(person);
  }
  const minutes = DEFAULT_DURATION[kind];
  const from = ctx.now.getTime() + NOTICE_MS;
  const range = { from, to: from + (SLOT_DEFAULTS.days + 1) * 24 * 60 * MINUTE };
  const tandem = await tandemBusy(db, order, range);
  const answer = findSlots({
    attendees: people.map((p) => ({
      ...p.attendee,
      busy: [...(tandem.get(p.user.id) ?? []), ...(calendar.busy.get(p.user.id) ?? [])],
    })),
    from,
    minutes,
  });
  const others = people.filter((p) => p.user.id !== ctx.user.id);
  const names = others.map((p) => p.user.name).join(', ');
  const lines: string[] = [];
  if (notice) lines.push(notice);
  lines.push(
    answer.fit === 'working_hours'
      ? ctx.t('find.intro', { kind: ctx.t(`meeting.kind.${kind}`), names })
      : answer.fit === 'closest'
        ? ctx.t('find.noOverlap', { names })
        : ctx.t('find.none', { names }),
  );
  // One line per kind of fault: mine refused (reconnect), mine silent, someone else's.
  const mine = calendar.fallbacks.filter((f) => f.userId === ctx.user.id);
  if (mine.some((f) => f.problem === 'reconnect')) lines.push(ctx.t('find.reconnect'));
  else if (mine.length > 0) lines.push(ctx.t('find.calendarFallbackMine'));
  const theirs = [
    ...new Set(
      calendar.fallbacks
        .filter((f) => f.userId !== ctx.user.id)
        .map((f) => people.find((p) => p.user.id === f.userId)?.user.name),
    ),
  ].filter((n): n is string => Boolean(n));
  if (theirs.length > 0) lines.push(ctx.t('find.calendarFallback', { names: theirs.join(', ') }));
  const buttons: Button[] = answer.slots.map((slot) => ({
    label: slotLabel(ctx, slot, people),
    data: encodeAction(
      FIND_SLOT_ACTION,
      ctx.user.id,
      KIND_CODE[kind],
      String(pair.id),
      String(Math.round(slot.from / MINUTE)),
    ),
  }));
  buttons.push({
    label: ctx.t('find.button.other'),
    data: encodeAction(FIND_OTHER_ACTION, ctx.user.id, KIND_CODE[kind]),
  });
  ctx.reply({
    kind: 'text',
    title: ctx.t('find.title'),
    text: lines.join('\n\n'),
    buttons,
    series: FIND_SERIES,
  });
}

/** "Thu, 3 Dec, 15:00 · Tom 13:00": my time, and a partner's local time (a pair's only). */
export function slotLabel(ctx: Ctx, slot: Interval, people: Person[]): string {
  const [me, ...others] = people;
  const mine = formatDayTime(new Date(slot.from), me?.zone ?? 'UTC', ctx.locale);
  const partner = others.length === 1 ? others[0] : undefined;
  if (!partner || partner.zone === me?.zone) return mine;
  const theirs = DateTime.fromMillis(slot.from, { zone: partner.zone }).toFormat('HH:mm');
  const name =
    partner.user.name.length > NAME_IN_LABEL_MAX
      ? `${partner.user.name.slice(0, NAME_IN_LABEL_MAX - 1)}…`
      : partner.user.name;
  return ctx.t('find.slotLabel', { mine, name, theirs });
}
