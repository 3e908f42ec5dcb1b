/**
 * Wall-clock time in an IANA zone, fast enough to lay out a week of working hours for
 * thousands of people: one cached `Intl.DateTimeFormat` per zone, and offsets remembered per
 * quarter hour (every zone's offset changes on a quarter hour at the earliest).
 */

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
/** Offsets remembered per zone before the memo starts afresh (a long-running process). */
const MEMO_MAX = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A fixed offset as the profile form stores one typed as "+5" or "UTC-3:30" (`parseTimeZone`):
 * its minutes ahead of UTC, or undefined for any other zone. Intl knows no such name (it
 * throws a RangeError), and "Etc/GMT-5" exists only for whole hours.
 */
function fixedOffset(zone: string): number | undefined {
  const match = /^UTC([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}
const memo = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws a RangeError for a zone the runtime does not know.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock at `at`, as if it were UTC (epoch ms of the same year…minute in UTC). */
export function wallClock(zone: string, at: number): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return Math.floor((at + fixed * MINUTE) / MINUTE) * MINUTE;
  const parts = formatter(zone).formatToParts(at);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
}

/** Minutes the zone is ahead of UTC at the instant `at`. */
export function offsetAt(zone: string, at: number): number {
  const bucket = Math.floor(at / QUARTER);
  let zoneMemo = memo.get(zone);
  if (!zoneMemo || zoneMemo.size > MEMO_MAX) {
    zoneMemo = new Map();
    memo.set(zone, zoneMemo);
  }
  const known = zoneMemo.get(bucket);
  if (known !== undefined) return known;
  const start = bucket * QUARTER;
  const offset = Math.round((wallClock(zone, start) - start) / MINUTE);
  zoneMemo.set(bucket, offset);
  return offset;
}

/** A stretch of time over which the zone's offset stays `offset` minutes: [from, to). */
export interface Regime {
  from: number;
  to: number;
  offset: number;
}

/** Zones change offset at most a few times a year: looking every 6 hours misses none. */
const PROBE = 6 * 60 * MINUTE;

/**
 * The zone's offsets over [from, to), each change found to the quarter hour (the finest any
 * zone uses). With these, which instants show a given wall time is exact arithmetic: a time
 * the clocks skip maps to none, a time shown twice to both.
 */
export function regimes(zone: string, from: number, until: number): Regime[] {
  const out: Regime[] = [];
  const to = Math.ceil(until / QUARTER) * QUARTER;
  let start = Math.floor(from / QUARTER) * QUARTER;
  let offset = offsetAt(zone, start);
  for (let probe = start + PROBE; ; probe += PROBE) {
    const end = Math.min(probe, to);
    const next = offsetAt(zone, end);
    if (next !== offset) {
      // The change lies in (end − PROBE, end]: halve down to its quarter hour.
      let lo = Math.max(start, end - PROBE);
      let hi = end;
      while (hi - lo > QUARTER) {
        const mid = lo + Math.floor((hi - lo) / 2 / QUARTER) * QUARTER;
        if (offsetAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ from: start, to: hi, offset });
      start = hi;
      offset = offsetAt(zone, hi);
    }
    if (end >= to) break;
  }
  out.push({ from: start, to: Math.max(to, start), offset });
  return out;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall date written as UTC epoch ms. */
export function weekdayOf(wall: number): number {
  const day = new Date(wall).getUTCDay();
  return day === 0 ? 7 : day;
}
