import { TandemError } from '../../core/errors';
import { type Interval, intersect, normalize, overlap, subtract } from './intervals';
import { offsetAt, regimes, wallClock, weekdayOf } from './zone-clock';

/**
 * "Find a time": a few slots in the next days that fall inside every attendee's working hours,
 * in each one's own zone (daylight-saving changes included), and outside every busy time
 * (their Tandem meetings, their calendar's free/busy). Pure: the same input gives the same
 * slots, and nothing here reads a clock or the database.
 */

/** Working days and hours in the person's own zone. */
export interface WorkingHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Minutes from local midnight; `start < end ≤ 1440`. */
  start: number;
  end: number;
}

/** What a profile holds until the person says otherwise: Monday to Friday, 09:00–18:00. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: 540, end: 1080 };

export interface Attendee {
  /** IANA zone, e.g. `Europe/Moscow`. */
  zone: string;
  hours: WorkingHours;
  /** Busy times, any order, may overlap. */
  busy: readonly Interval[];
}

export interface SlotQuery {
  attendees: readonly Attendee[];
  /** The earliest a slot may start (epoch ms): now plus a little notice. */
  from: number;
  minutes: number;
  /** How far ahead to look. */
  days?: number;
  /** Slots start on these boundaries (UTC; whole and half hours by default). */
  stepMinutes?: number;
  count?: number;
}

export interface SlotAnswer {
  slots: Interval[];
  /**
   * `working_hours`: every slot is inside everyone's hours. `closest`: no such time exists in
   * the days looked at, and these are the free times nearest to everyone's hours (say so).
   * `none`: nobody's free at all (every moment is busy for someone).
   */
  fit: 'working_hours' | 'closest' | 'none';
}

export const SLOT_DEFAULTS = { days: 7, stepMinutes: 30, count: 5 } as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Local night, for the closest slots: a minute in it counts this many times a daytime one. */
const NIGHT = { from: 22 * 60, to: 7 * 60, weight: 3 } as const;

export function findSlots(query: SlotQuery): SlotAnswer {
  const days = query.days ?? SLOT_DEFAULTS.days;
  const step = (query.stepMinutes ?? SLOT_DEFAULTS.stepMinutes) * MINUTE;
  const count = query.count ?? SLOT_DEFAULTS.count;
  const length = query.minutes * MINUTE;
  const horizon: Interval = { from: query.from, to: query.from + days * 24 * 60 * MINUTE };
  const busy = query.attendees.map((a) => normalize(a.busy));
  const windows = query.attendees.map((a) => workingWindows(a, horizon));
  let common: Interval[] = [horizon];
  query.attendees.forEach((_, k) => {
    common = intersect(common, subtract(windows[k] ?? [], busy[k] ?? []));
  });
  const inHours = starts(common, length, step);
  // Offers spread over the days of the first attendee (the one asking).
  const dayOf = localDay(query.attendees[0]?.zone ?? 'UTC');
  if (inHours.length > 0)
    return { slots: spread(inHours, count, length, dayOf), fit: 'working_hours' };

  // No time inside everyone's hours: the free times that stray least outside them.
  let free: Interval[] = [horizon];
  for (const b of busy) free = subtract(free, b);
  const candidates = starts(free, length, step);
  if (candidates.length === 0) return { slots: [], fit: 'none' };
  // Per person, their time outside working hours, and the part of it at night.
  const stray = windows.map((w) => subtract([horizon], w));
  const night = query.attendees.map((a, k) =>
    intersect(stray[k] ?? [], localWindows(a.zone, horizon, ALL_DAYS, NIGHT.from, NIGHT.to)),
  );
  const cost = (at: number) => {
    const slot = { from: at, to: at + length };
    let minutes = 0;
    for (let k = 0; k < query.attendees.length; k++)
      minutes += overlap(slot, stray[k] ?? []) + (NIGHT.weight - 1) * overlap(slot, night[k] ?? []);
    return minutes / MINUTE;
  };
  const costs = candidates.map(cost);
  let best = Number.POSITIVE_INFINITY;
  for (const c of costs) if (c < best) best = c;
  // Only the closest (all equally close), spread over days like the in-hours ones.
  const closest = candidates.filter((_, k) => costs[k] === best);
  return { slots: spread(closest, count, length, dayOf), fit: 'closest' };
}

/** The person's working hours within the horizon, in UTC (a day's margin either side). */
export function workingWindows(attendee: Attendee, horizon: Interval): Interval[] {
  const { zone, hours } = attendee;
  return localWindows(zone, horizon, hours.days, hours.start, hours.end);
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * From `start` to `end` (minutes from local midnight) on each of the days, exactly the
 * moments the zone's wall clock shows those times — on the days clocks change too: a stretch
 * the clocks skip is in no window, a stretch shown twice is in it twice. An `end` at or
 * below `start` runs into the next day (night). A day's margin either side of the horizon.
 */
function localWindows(
  zone: string,
  horizon: Interval,
  days: readonly number[],
  start: number,
  end: number,
): Interval[] {
  let first: number;
  try {
    first = Math.floor(wallClock(zone, horizon.from) / DAY) * DAY - DAY;
  } catch (cause) {
    throw new TandemError('slots_zone_invalid', 'unknown time zone', { cause });
  }
  const last = wallClock(zone, horizon.to) + DAY;
  const length = ((end - start + 1440) % 1440 || 1440) * MINUTE;
  // Offsets run from −12 to +14 hours: this covers every instant the wall days can show.
  const spans = regimes(zone, first - 15 * 60 * MINUTE, last + 2 * DAY);
  const out: Interval[] = [];
  for (let day = first; day <= last; day += DAY) {
    if (!days.includes(weekdayOf(day))) continue;
    const wallFrom = day + start * MINUTE;
    const wallTo = wallFrom + length;
    // Under each offset, the instants showing [wallFrom, wallTo) are that range less the offset.
    for (const span of spans) {
      const from = Math.max(span.from, wallFrom - span.offset * MINUTE);
      const to = Math.min(span.to, wallTo - span.offset * MINUTE);
      if (to > from) out.push({ from, to });
    }
  }
  return normalize(out);
}

/** The calendar day (a number) an instant falls on in the zone. */
function localDay(zone: string): (at: number) => number {
  return (at) => Math.floor((at + offsetAt(zone, at) * MINUTE) / DAY);
}

/** Every start on a step boundary at which a slot fits inside one of the intervals. */
function starts(list: readonly Interval[], length: number, step: number): number[] {
  const out: number[] = [];
  for (const i of list) {
    for (let at = Math.ceil(i.from / step) * step; at + length <= i.to; at += step) out.push(at);
  }
  return out;
}

/**
 * Up to `count` of the starts (sorted), never overlapping, spread out: the earliest on each
 * day first, then more on the same days, each as far as it can be from those already taken.
 * When spreading would offer fewer than can fit, the earliest ones that fit instead (as many
 * as exist, up to `count`). Sorted by time.
 */
function spread(
  sorted: readonly number[],
  count: number,
  length: number,
  day: (at: number) => number,
): Interval[] {
  const taken: number[] = [];
  const clear = (at: number) => taken.every((t) => Math.abs(t - at) >= length);
  const days = new Set<number>();
  for (const at of sorted) {
    if (taken.length >= count) break;
    if (days.has(day(at)) || !clear(at)) continue;
    days.add(day(at));
    taken.push(at);
  }
  while (taken.length < count) {
    let best: number | undefined;
    let bestGap = 0;
    for (const at of sorted) {
      const gap = Math.min(...taken.map((t) => Math.abs(t - at)));
      if (gap > bestGap) {
        best = at;
        bestGap = gap;
      }
    }
    if (best === undefined || bestGap < length) break;
    taken.push(best);
  }
  // Earliest first, each clear of the last: as many as can fit (equal lengths make it so).
  const packed: number[] = [];
  for (const at of sorted) {
    if (packed.length >= count) break;
    if (packed.length === 0 || at >= (packed[packed.length - 1] ?? 0) + length) packed.push(at);
  }
  const chosen = taken.length >= packed.length ? taken : packed;
  return chosen.sort((a, b) => a - b).map((from) => ({ from, to: from + length }));
}

/** Why a time chosen by hand may not suit someone, worst first. */
export type TimeCheck =
  | { fits: true }
  | {
      fits: false;
      reason: 'night' | 'day_off' | 'outside_hours' | 'busy';
      /** When it starts on their wall clock (a wall time written as UTC epoch ms), to name it. */
      localStart: number;
    };

/**
 * Whether a time typed by hand suits one attendee: it is accepted only after a warning that
 * names their local time when it falls at night for them (22:00–07:00), on a day they don't
 * work, outside their hours, or over something they have on.
 */
export function checkTime(slot: Interval, attendee: Attendee): TimeCheck {
  const localStart = wallClock(attendee.zone, slot.from);
  const around = { from: slot.from - DAY, to: slot.to + DAY };
  const covered = (list: Interval[]) => overlap(slot, list) === slot.to - slot.from;
  const night = localWindows(attendee.zone, around, ALL_DAYS, NIGHT.from, NIGHT.to);
  if (overlap(slot, night) > 0) return { fits: false, reason: 'night', localStart };
  const windows = workingWindows(attendee, around);
  if (!covered(windows)) {
    const dayOff = !attendee.hours.days.includes(weekdayOf(localStart));
    return { fits: false, reason: dayOff ? 'day_off' : 'outside_hours', localStart };
  }
  if (overlap(slot, normalize(attendee.busy)) > 0)
    return { fits: false, reason: 'busy', localStart };
  return { fits: true };
}
