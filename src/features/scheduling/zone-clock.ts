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

/**
 * The instant the zone's wall clock shows `wall` (a wall time written as UTC epoch ms). A
 * time the clocks skip (spring forward) is taken as that many minutes later, as a clock
 * that jumped reads; a time shown twice (autumn) is its first showing.
 */
export function instantOf(zone: string, wall: number): number {
  const o1 = offsetAt(zone, wall);
  const guess = wall - o1 * MINUTE;
  const o2 = offsetAt(zone, guess);
  if (o1 === o2) return earliest(zone, wall, guess, o2);
  const second = wall - o2 * MINUTE;
  const o3 = offsetAt(zone, second);
  if (o2 === o3) return earliest(zone, wall, second, o3);
  // In a gap: the offset before the jump, which reads `wall` plus the jump.
  return wall - Math.min(o2, o3) * MINUTE;
}

/** Of the instants reading `wall`, the first: a larger offset an hour earlier may read it too. */
function earliest(zone: string, wall: number, found: number, offset: number): number {
  for (const shift of [60, 30]) {
    const before = found - shift * MINUTE;
    const o = offsetAt(zone, before);
    if (o !== offset && wall - o * MINUTE === before) return before;
  }
  return found;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall date written as UTC epoch ms. */
export function weekdayOf(wall: number): number {
  const day = new Date(wall).getUTCDay();
  return day === 0 ? 7 : day;
}
